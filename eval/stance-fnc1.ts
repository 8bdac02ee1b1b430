/**
 * The stance model on FNC-1, scored with the official weighted metric.
 *
 *   node --import tsx eval/stance-fnc1.ts                        # the validation split of training
 *   node --import tsx eval/stance-fnc1.ts STANCES.csv BODIES.csv # any labelled FNC-1 file pair
 *
 * Prints the FNC-1 score, related-vs-unrelated accuracy, 4-way accuracy, per-class and macro-F1
 * and the confusion matrix (rows gold, columns predicted), with the published test-set peers.
 * The validation split holds out whole claims (no headline or body seen in training), as the
 * competition test set does; a split by body alone would share most headlines and flatter it.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { predictPairs } from '../src/stance/batch.js';
import { formatScores, readFnc1, score, type StanceLabel, type StancePair } from '../src/stance/fnc1.js';
import { loadWeights, StancePredictor } from '../src/stance/model.js';
import { DEFAULT_CONFIG, splitByClaim } from '../src/stance/train.js';
import { isDenial } from '../src/stories/stance.js';

const DATA = fileURLToPath(new URL('../../shared/data/fnc1', import.meta.url));
const PEERS = 'published test-set peers: best 82.02% (related accuracy of the top three 0.966-0.975, macro-F1 0.56-0.60), official baseline 75.20%';

const [stancesArg, bodiesArg] = process.argv.slice(2);
const predictor = new StancePredictor(loadWeights());

/** Cut-offs on P(disagree) at which the precision of `disagree` is printed (stories use one: src/stories/stance.ts MODEL_STANCE). */
const CUTS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

function run(title: string, pairs: readonly StancePair[], bodies: ReadonlyMap<string, string>): void {
  const labelled = pairs.filter((p) => p.stance !== undefined);
  const t0 = performance.now();
  const predictions = predictPairs(predictor, labelled, bodies);
  const predicted = predictions.map((p) => p.label);
  const ms = performance.now() - t0;
  process.stdout.write(`\n== ${title} (${(ms / 1000).toFixed(1)} s)\n`);
  const gold = labelled.map((p) => p.stance as StanceLabel);
  process.stdout.write(formatScores(score(gold, predicted)));
  // How far P(disagree) can be trusted alone, and with a denial in the sentences behind it (the
  // rule cue stories require; src/stories/stance.ts isDenial).
  process.stdout.write('\nP(disagree) >= cut-off: pairs, precision (gold disagree); with a denial in the evidence sentences: pairs, precision\n');
  for (const cut of CUTS) {
    const sel = predictions.map((p, i) => ({ p, g: gold[i] })).filter((x) => x.p.probabilities.disagree >= cut);
    const cued = sel.filter((x) => x.p.evidence.some((e) => isDenial(e.text)));
    const prec = (xs: typeof sel): string => (xs.length ? (xs.filter((x) => x.g === 'disagree').length / xs.length).toFixed(3) : '-');
    process.stdout.write(`  >= ${cut.toFixed(1)}   ${String(sel.length).padStart(5)}  ${prec(sel).padStart(6)}     ${String(cued.length).padStart(5)}  ${prec(cued).padStart(6)}\n`);
  }
}

if (stancesArg && bodiesArg) {
  const { pairs, bodies } = readFnc1(stancesArg, bodiesArg);
  run(`${stancesArg} x ${bodiesArg}`, pairs, bodies);
} else {
  const { pairs, bodies } = readFnc1(join(DATA, 'train_stances.csv'), join(DATA, 'train_bodies.csv'));
  const parts = splitByClaim(pairs, predictor.weights.seed, DEFAULT_CONFIG.validationShare, DEFAULT_CONFIG.devShare);
  run(`FNC-1 validation split (seed ${predictor.weights.seed}, whole claims held out)`, pairs.filter((_, i) => parts[i] === 'validation'), bodies);
}
process.stdout.write(`\n${PEERS}\n`);
