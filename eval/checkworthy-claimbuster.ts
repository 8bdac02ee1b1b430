/**
 * Check-worthiness on the ClaimBuster two-class development sentences
 * (../shared/data/claimbuster/train.json, read at run time): ROC AUC of each sentence's score
 * (the highest `checkworthy` of a claim in it, 0 when the claim list has none), with precision,
 * recall and F1 of the check-worthy class at the shipped lines.
 *
 * Held out by 5-fold cross-validation over blocks of consecutive sentence ids (the file gives no
 * debate or speaker; neighbouring ids come from the same debate more often than not, so a block
 * keeps most of a debate on one side): each fold's model is retrained by the shipped trainer on
 * the other blocks and all CLEF-2019 development transcripts, quantised as shipped.
 *
 *   node --import tsx eval/checkworthy-claimbuster.ts
 */
import { CHECKWORTHY } from '../src/analyze/claims.js';
import { lineModelScores, lineScores } from '../src/analyze/checkworthy/training.js';
import { checkFloors, countAt, f1Of, fmt, foldScorer, loadClaimBuster, loadClef, rocAuc } from './checkworthy-common.js';

export const FOLDS = 5;

const t0 = performance.now();
const clef = loadClef();
const claimbuster = loadClaimBuster();
if (clef === null || claimbuster === null) process.exit(0);

const scores: number[] = [];
const labels: boolean[] = [];
/** The model on every sentence, claim or not (what the claim list's filters cost). */
const modelScores: number[] = [];
const perFold: number[] = [];
const size = Math.ceil(claimbuster.length / FOLDS);
for (let k = 0; k < FOLDS; k++) {
  const held = claimbuster.slice(k * size, (k + 1) * size);
  const scorer = foldScorer([...clef, ...claimbuster.filter((c) => !held.includes(c))]);
  const foldScores: number[] = [];
  const foldLabels: boolean[] = [];
  for (const c of held) {
    const s = lineScores(c.ld, scorer);
    const m = lineModelScores(c.ld, scorer);
    for (let i = 0; i < c.labels.length; i++) {
      modelScores.push(m[i] as number);
      foldScores.push(s[i] as number);
      foldLabels.push(c.labels[i] as boolean);
    }
  }
  perFold.push(rocAuc(foldScores, foldLabels));
  scores.push(...foldScores);
  labels.push(...foldLabels);
}
console.log(`ClaimBuster development: ${labels.length} sentences, ${labels.filter(Boolean).length} check-worthy; ${FOLDS} folds by sentence-id block`);
console.log(`ROC AUC pooled ${fmt(rocAuc(scores, labels))}; per fold ${perFold.map(fmt).join(' ')} (mean ${fmt(perFold.reduce((a, b) => a + b, 0) / FOLDS)})`);
console.log(`ROC AUC of the model on every sentence, claim or not: ${fmt(rocAuc(modelScores, labels))} (the claim list's filters cost the difference)`);
for (const t of [0.5, CHECKWORTHY.worthChecking]) {
  const f = f1Of(countAt(scores, labels, t));
  console.log(`check-worthy at >= ${t}: P ${fmt(f.p)} R ${fmt(f.r)} F1 ${fmt(f.f1)}`);
}
const kept = scores.filter((s) => s > 0).length;
console.log(`sentences with a claim: ${kept} of ${scores.length}; check-worthy ones without a claim: ${labels.filter((l, i) => l && scores[i] === 0).length}`);
console.log('goal (held-out two-class test, balanced): ROC AUC >= 0.85');
checkFloors('checkworthy-claimbuster', { auc: rocAuc(scores, labels), modelAuc: rocAuc(modelScores, labels) });
console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
