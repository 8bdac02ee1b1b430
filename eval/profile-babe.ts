/**
 * The profile classifier against BABE (../shared/data/babe, development half, read at run time):
 *
 *   1. k-fold cross-validation (the honest figure): each sentence scored by models trained
 *      without it, as scripts/train-profile.ts trains them; macro-F1 for label_bias (biased vs
 *      non-biased) and label_opinion (entirely factual vs the two opinionated levels; "No
 *      agreement" left out of each), with a threshold sweep;
 *   2. the shipped weights on the same half (in-sample: they were trained on it; shown to check
 *      that the shipped file is the trained one, not as a score).
 *
 * Peer: fine-tuned RoBERTa, published macro-F1 0.80-0.81 on label_bias.
 *
 *   node --import tsx eval/profile-babe.ts [--no-cv]
 */
import { macroF1, readBabe, readBasil } from '../src/analyze/classifier/datasets.js';
import { classify, THRESHOLDS } from '../src/analyze/classifier/model.js';
import { buildCorpus, crossValidate, TRAINING } from '../src/analyze/classifier/training.js';

const rows = readBabe();
if (rows === null) {
  console.log('skipped: ../shared/data/babe not found');
  process.exit(0);
}
const line = (name: string, f1: number, n: number): string => `${name.padEnd(52)} macro-F1 ${f1.toFixed(3)}  n=${n}`;
const biasRows = rows.filter((r) => r.biased !== null);
const opinionRows = rows.filter((r) => r.opinionated !== null);

if (!process.argv.includes('--no-cv')) {
  const t0 = performance.now();
  const corpus = buildCorpus(rows, readBasil());
  const cv = crossValidate(corpus);
  console.log(`BABE ${corpus.babe.length} sentences: ${cv.folds}-fold cross-validation (seed ${TRAINING.seed}, ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  console.log(line('bias (shipped blend) vs label_bias', cv.bias.macroF1, cv.bias.n));
  console.log(line('  bias model alone vs label_bias', cv.biasModelOnly.macroF1, cv.biasModelOnly.n));
  console.log(line('  opinion model alone vs label_bias', cv.opinionOnBias.macroF1, cv.opinionOnBias.n));
  console.log(`  steps chosen by inner CV per fold (bias/opinion): ${cv.rates.map((r) => `${r.bias}/${r.opinion}`).join(', ')}`);
  console.log(line('opinion vs label_opinion', cv.opinion.macroF1, cv.opinion.n));
  console.log(`loaded words vs biased_words (word level): P ${cv.words.precision.toFixed(3)} R ${cv.words.recall.toFixed(3)} F1 ${cv.words.f1.toFixed(3)}`);
  console.log('threshold sweep (bias, opinion):');
  for (const t of [0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7]) {
    const b = corpus.babe.map((r, i) => [r, i] as const).filter(([r]) => r.biased !== null);
    const o = corpus.babe.map((r, i) => [r, i] as const).filter(([r]) => r.opinionated !== null);
    const fb = macroF1(b.map(([, i]) => (cv.biasP[i] as number) >= t), b.map(([r]) => r.biased as boolean));
    const fo = macroF1(o.map(([, i]) => (cv.opinionP[i] as number) >= t), o.map(([r]) => r.opinionated as boolean));
    console.log(`  >= ${t.toFixed(2)}  bias ${fb.toFixed(3)}  opinion ${fo.toFixed(3)}`);
  }
}

const t1 = performance.now();
const shipped = rows.map((r) => classify(r.text));
const seconds = (performance.now() - t1) / 1000;
console.log(`\nshipped weights, in-sample (trained on this half; ${(rows.length / seconds).toFixed(0)} sentences/s):`);
console.log(line('bias vs label_bias', macroF1(biasRows.map((r) => (shipped[rows.indexOf(r)]?.bias ?? 0) >= THRESHOLDS.bias), biasRows.map((r) => r.biased as boolean)), biasRows.length));
console.log(line('opinion vs label_opinion', macroF1(opinionRows.map((r) => (shipped[rows.indexOf(r)]?.opinion ?? 0) >= THRESHOLDS.opinion), opinionRows.map((r) => r.opinionated as boolean)), opinionRows.length));
console.log('peer: fine-tuned RoBERTa on label_bias, published macro-F1 0.80-0.81');
