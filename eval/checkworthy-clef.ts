/**
 * Check-worthiness on the CLEF-2019 CheckThat! Task 1 training transcripts
 * (../shared/data/clef2019/training, read at run time), CLEF style and held out by transcript:
 * for each transcript the model is retrained by the shipped trainer on the other 18 transcripts
 * and all of ClaimBuster's development sentences, quantised as shipped, and the transcript is
 * analyzed by the pipeline. Each line's score is the highest `checkworthy` of a claim in it (0
 * when the claim list has none: questions, fragments, opinion the model does not keep).
 *
 * Per transcript: average precision of the ranking (ties in line order, as the organisers'
 * scorer), R-precision, P@10, and F1 of the check-worthy class with a line positive when it holds
 * a claim at or above CHECKWORTHY.worthChecking; then the mean over transcripts (MAP...). F1 is
 * also given pooled over all lines. Published on the 7 test transcripts: best MAP 0.166, the
 * ClaimBuster SVM MAP 0.103 and F1 0.115.
 *
 *   node --import tsx eval/checkworthy-clef.ts [--sweep]
 */
import { CHECKWORTHY } from '../src/analyze/claims.js';
import { lineScores } from '../src/analyze/checkworthy/training.js';
import type { TrainOptions } from '../src/analyze/classifier/linear.js';
import { checkFloors, countAt, f1Of, fmt, foldScorer, loadClaimBuster, loadClef, rankMeasures, type Counts } from './checkworthy-common.js';

const sweep = process.argv.includes('--sweep');
const t0 = performance.now();
const loadedClef = loadClef();
const loadedClaimBuster = loadClaimBuster();
if (loadedClef === null || loadedClaimBuster === null) process.exit(0);
const clef = loadedClef;
const claimbuster = loadedClaimBuster;
console.log(`analyzed ${clef.length} transcripts and ${claimbuster.length} ClaimBuster chunks in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

/**
 * CW_GRID='[{"rate":0.1},{"epochs":4}]' evaluates each trainer override on the same analyzed
 * transcripts and prints one summary line each (a development sweep; report the settings).
 */
const grid = JSON.parse(process.env['CW_GRID'] ?? '[{}]') as Partial<TrainOptions>[];
for (const override of grid) evaluate(override, grid.length === 1);

function evaluate(override: Partial<TrainOptions>, verbose: boolean): void {
  const thresholds = sweep ? [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95] : [CHECKWORTHY.worthChecking];
  if (!thresholds.includes(CHECKWORTHY.worthChecking)) thresholds.push(CHECKWORTHY.worthChecking);
  const pooled = new Map<number, Counts>(thresholds.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const f1Sums = new Map<number, number>(thresholds.map((t) => [t, 0]));
  let map = 0;
  let rp = 0;
  let p10 = 0;
  if (verbose) console.log('transcript\tlines\tpositive\tAP\tR-prec\tP@10\tF1');
  for (const held of clef) {
    const scorer = foldScorer([...claimbuster, ...clef.filter((t) => t !== held)], override);
    const scores = lineScores(held.ld, scorer);
    const m = rankMeasures(scores, held.labels);
    map += m.ap;
    rp += m.rPrecision;
    p10 += m.p10;
    let f1Main = 0;
    for (const t of thresholds) {
      const c = countAt(scores, held.labels, t);
      const p = pooled.get(t) as Counts;
      p.tp += c.tp;
      p.fp += c.fp;
      p.fn += c.fn;
      const f = f1Of(c).f1;
      f1Sums.set(t, (f1Sums.get(t) as number) + f);
      if (t === CHECKWORTHY.worthChecking) f1Main = f;
    }
    if (verbose) console.log(`${held.transcript.name}\t${held.labels.length}\t${held.labels.filter(Boolean).length}\t${fmt(m.ap)}\t${fmt(m.rPrecision)}\t${fmt(m.p10)}\t${fmt(f1Main)}`);
  }
  const n = clef.length;
  console.log(`\n${JSON.stringify(override)} mean over ${n} transcripts (each held out): MAP ${fmt(map / n)}  R-precision ${fmt(rp / n)}  P@10 ${fmt(p10 / n)}`);
  for (const t of thresholds) {
    const f = f1Of(pooled.get(t) as Counts);
    console.log(`worth checking at >= ${t}: mean F1 ${fmt((f1Sums.get(t) as number) / n)}  pooled P ${fmt(f.p)} R ${fmt(f.r)} F1 ${fmt(f.f1)}${t === CHECKWORTHY.worthChecking ? '  (shipped line)' : ''}`);
  }
  console.log('published (7 test transcripts): best MAP 0.166; ClaimBuster SVM MAP 0.103, F1 0.115');
  if (Object.keys(override).length === 0) checkFloors('checkworthy-clef', { map: map / n, rPrecision: rp / n, p10: p10 / n, f1: (f1Sums.get(CHECKWORTHY.worthChecking) as number) / n });
  console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
