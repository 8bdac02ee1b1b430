/**
 * Opinion and loaded-language signals against BABE (../shared/data/babe/babe_sg2.csv, read at
 * run time, never copied): each sentence is analyzed on its own as one body paragraph, and
 *
 *   opinion  (any 'opinion' signal)        vs label_opinion: 'Entirely factual' -> factual,
 *                                             the two opinionated labels -> opinionated
 *   loaded   (any loaded word outside quotes) vs label_bias: Biased / Non-biased
 *
 * "No agreement" rows are left out. Prints macro-F1 (mean of the two classes' F1) for each
 * pair, a threshold sweep of the opinion score, and the published peer for the bias label.
 *
 *   node --import tsx eval/opinion-babe.ts [path/to/babe_sg2.csv]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analyze/index.js';
import { opinionOf } from '../src/analyze/opinion.js';
import { extract } from '../src/extract/index.js';
import { DEFAULT_CONTEXT, type Doc } from '../src/model/index.js';
import { parseCsv } from '../src/analyze/classifier/datasets.js';

const DEFAULT_PATH = fileURLToPath(new URL('../../shared/data/babe/babe_sg2.csv', import.meta.url));

interface Row {
  text: string;
  bias: 'Biased' | 'Non-biased' | 'No agreement';
  opinion: 'factual' | 'opinionated' | null;
  opinionLabel: string;
}

function readRows(path: string): Row[] {
  const [header = [], ...body] = parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  const col = (name: string): number => header.indexOf(name);
  const [iText, iBias, iOpinion] = [col('text'), col('label_bias'), col('label_opinion')];
  return body.map((f) => {
    const opinionLabel = f[iOpinion] ?? '';
    const opinion = opinionLabel === 'Entirely factual' ? 'factual' : opinionLabel === 'No agreement' || opinionLabel === '' ? null : 'opinionated';
    return { text: f[iText] ?? '', bias: (f[iBias] ?? 'No agreement') as Row['bias'], opinion, opinionLabel };
  });
}

/** The sentence as an article of one body paragraph. */
function analyzeSentence(text: string, i: number): Doc {
  const doc = extract({ uri: `babe:${i}`, format: 'text', raw: text, record: {}, messages: [] }, DEFAULT_CONTEXT);
  const start = doc.text.length - doc.text.trimStart().length;
  const end = doc.text.trimEnd().length;
  return analyze({ ...doc, paragraphs: [{ span: { start, end }, kind: 'body' }] }, DEFAULT_CONTEXT);
}

function macroF1(pairs: readonly (readonly [boolean, boolean])[]): { f1: number; acc: number; n: number } {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const [pred, gold] of pairs) {
    if (pred && gold) tp++;
    else if (pred) fp++;
    else if (gold) fn++;
    else tn++;
  }
  const f = (a: number, b: number, c: number): number => (2 * a === 0 ? 0 : (2 * a) / (2 * a + b + c));
  return { f1: (f(tp, fp, fn) + f(tn, fn, fp)) / 2, acc: (tp + tn) / Math.max(1, pairs.length), n: pairs.length };
}

const rows = readRows(process.argv[2] ?? DEFAULT_PATH);
const t0 = performance.now();
const results = rows.map((r, i) => {
  const doc = analyzeSentence(r.text, i);
  const score = Math.max(0, ...opinionOf(doc).sentences.map((o) => (o.eligible ? o.score : 0)));
  return {
    row: r,
    opinion: doc.signals.some((s) => s.kind === 'opinion'),
    loaded: doc.signals.some((s) => s.kind === 'loaded' && !s.detail.endsWith('(in quote)')),
    score,
  };
});
const ms = performance.now() - t0;
if (process.env['BABE_DUMP']) {
  for (const x of results) console.log(`${x.row.opinion ?? '-'}\t${x.row.bias}\t${x.score.toFixed(2)}\t${x.loaded ? 'L' : '-'}\t${x.row.text}`);
}

const withOpinion = results.filter((x) => x.row.opinion !== null);
const withBias = results.filter((x) => x.row.bias !== 'No agreement');
const line = (name: string, m: { f1: number; acc: number; n: number }): string =>
  `${name.padEnd(44)} macro-F1 ${m.f1.toFixed(3)}  accuracy ${m.acc.toFixed(3)}  n=${m.n}`;

console.log(`BABE (${rows.length} sentences, analyzed in ${ms.toFixed(0)} ms)`);
console.log(line('opinion signal vs label_opinion', macroF1(withOpinion.map((x) => [x.opinion, x.row.opinion === 'opinionated']))));
console.log(line('loaded signal vs label_bias', macroF1(withBias.map((x) => [x.loaded, x.row.bias === 'Biased']))));
console.log(line('opinion signal vs label_bias', macroF1(withBias.map((x) => [x.opinion, x.row.bias === 'Biased']))));
console.log(line('opinion or loaded vs label_bias', macroF1(withBias.map((x) => [x.opinion || x.loaded, x.row.bias === 'Biased']))));
const strict = withOpinion.filter((x) => x.row.opinionLabel !== 'Somewhat factual but also opinionated');
console.log(line('opinion vs label_opinion (writer\'s opinion only)', macroF1(strict.map((x) => [x.opinion, x.row.opinion === 'opinionated']))));
console.log('peer: RoBERTa on the bias label, published macro-F1 0.80-0.81 (fine-tuned model). The pipeline signals here include a classifier trained on this set, so these figures are in-sample; eval/profile-babe.ts gives cross-validated ones');

console.log('\nopinion score threshold sweep (vs label_opinion):');
for (const t of [0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6]) {
  console.log(`  >= ${t.toFixed(2)}  ${macroF1(withOpinion.map((x) => [x.score >= t, x.row.opinion === 'opinionated'])).f1.toFixed(3)}`);
}
