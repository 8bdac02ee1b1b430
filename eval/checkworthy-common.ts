/**
 * What eval/checkworthy-clef.ts and eval/checkworthy-claimbuster.ts share: the development sets
 * analyzed once (../shared/data, read at run time, skipped loudly when absent), the fold
 * training, and the ranking measures (CLEF-2019 style: ties keep line order).
 */
import { readFileSync } from 'node:fs';
import { loadClaimBuster, loadClef, type LinesDoc } from '../src/analyze/checkworthy/datasets.js';

export { loadClaimBuster, loadClef };
export { countAt, f1Of, rankMeasures, ranking, rocAuc, type Counts, type RankMeasures } from '../src/analyze/checkworthy/metrics.js';
import { scorerOf, type CheckworthyScorer } from '../src/analyze/checkworthy/model.js';
import { CHECKWORTHY_KEEP, CHECKWORTHY_TRAIN, examplesOf, trainCheckworthy, type Examples } from '../src/analyze/checkworthy/training.js';
import { asShipped } from '../src/analyze/classifier/encode.js';
import type { TrainOptions } from '../src/analyze/classifier/linear.js';

/** The trainer's settings, with CW_TRAIN='{"rate":0.1}' overriding some (for sweeps; say so when reporting). */
const TRAIN = { ...CHECKWORTHY_TRAIN, ...(JSON.parse(process.env['CW_TRAIN'] ?? '{}') as Partial<typeof CHECKWORTHY_TRAIN>) };
if (process.env['CW_TRAIN']) console.log(`trainer settings overridden: ${JSON.stringify(TRAIN)}`);

/** Trains on the given documents and returns the model as it would be shipped (quantised). */
export function foldScorer(docs: readonly { ld: LinesDoc; labels: boolean[] }[], override: Partial<TrainOptions> = {}): CheckworthyScorer {
  const ex: Examples = { features: [], y: [] };
  for (const d of docs) examplesOf(d.ld, d.labels, ex);
  return scorerOf(asShipped(trainCheckworthy(ex, { ...TRAIN, ...override }), CHECKWORTHY_KEEP));
}

export function fmt(x: number): string {
  return x.toFixed(3);
}

const FLOORS = JSON.parse(readFileSync(new URL('floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, number | string> | undefined>;

/** Compares figures with their floors in eval/floors.json[key]; prints each and sets a failing exit code when one is under. */
export function checkFloors(key: string, figures: Record<string, number>): void {
  const floor = FLOORS[key];
  if (floor === undefined) {
    console.log(`no floors under "${key}" in eval/floors.json`);
    return;
  }
  for (const [name, value] of Object.entries(figures)) {
    const min = floor[name];
    if (typeof min !== 'number') continue;
    const ok = value >= min;
    console.log(`floor ${key}.${name}: ${fmt(value)} ${ok ? '>=' : '< FAIL'} ${min}`);
    if (!ok) process.exitCode = 1;
  }
}
