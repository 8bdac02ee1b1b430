/**
 * Fast screen of sentence-model variants across outlets (the fast inner loop of #17): one fold
 * per outlet group as eval/profile-babe-outlets.ts, but the word model's out-of-fold evidence is
 * computed once per fold and shared by every variant, and the steps are fixed (bias 0.02, opinion
 * 0.05: the ones the inner CV picks in most folds). Confirm a winner with the full outlet CV.
 * A training seed moves the figure by about +-0.004, so compare variants over several seeds:
 *
 *   node --import tsx eval/profile-babe-screen.ts shipped:7 bias-on-label:7 shipped:8 bias-on-label:8
 *
 * BASIL as extra training data (never scored): basil-none@0.1:8 (its lexical-bias sentences as
 * positives of the marked-words model, each weighing 0.1), basil-clean@w, basil-all@w (with its
 * negatives too), and BASILWORD='{"w":0.1,"only":"lex"}' (its lexical-bias words in the word model).
 */
import { macroF1, readBabe, readBasil, stratifiedFolds, type BabeRow } from '../src/analyze/classifier/datasets.js';
import type { Features } from '../src/analyze/classifier/features.js';
import { probability, train } from '../src/analyze/classifier/linear.js';
import { basilWordLabels, buildCorpus, groupFolds, prepare, outletGroups, outOfFoldWordProbabilities, stacked, trainWordModel, wordProbabilities, TRAINING, type Prepared } from '../src/analyze/classifier/training.js';
import { asShipped } from '../src/analyze/classifier/encode.js';
import { prng } from '../src/model/random.js';

const rows = readBabe()!;
const corpus = buildCorpus(rows, null);
const n = corpus.babe.length;
const groups = outletGroups(corpus.babe.map((r) => r.outlet));
const fold = groupFolds(groups);
const K = Math.max(...fold) + 1;
/** WORD='{"epochs":8}' changes the word model's settings for this run. */
const WORD = { ...TRAINING.word, ...(JSON.parse(process.env['WORD'] ?? '{}') as Partial<typeof TRAINING.word>) };
/**
 * BASILWORD='{"w":0.3,"only":"lex"}': the word model also trains on the words of BASIL's sentences
 * (inside a 'lex' span = loaded), each word weighing w; only 'lex': just the sentences with a 'lex' span.
 */
const BASILWORD = process.env['BASILWORD'] ? (JSON.parse(process.env['BASILWORD']) as { w: number; only: 'lex' | 'all' }) : null;
const basilWords = BASILWORD
  ? (readBasil() ?? []).flatMap((a) => a.sentences.filter((s) => BASILWORD.only === 'all' || s.spans.some((x) => x.bias === 'lex')).map((s) => prepare(s.text, basilWordLabels(s.spans))))
  : [];
function wordWithBasil(set: readonly Prepared[]): ReturnType<typeof train> {
  const xs: Features[] = [], ys: boolean[] = [], ws: number[] = [];
  for (const [group, w] of [[set, 1], [basilWords, BASILWORD!.w]] as const)
    for (const s of group) s.words.forEach((f, i) => { xs.push(f); ys.push(s.wordGold?.[i] ?? false); ws.push(w); });
  return train(xs, ys, WORD, ws);
}
function oofWithBasil(set: readonly Prepared[]): Float64Array[] {
  const fold = stratifiedFolds(set.map((s) => s.wordGold?.some(Boolean) ?? false), TRAINING.innerFolds, prng(TRAINING.seed));
  const out: Float64Array[] = new Array<Float64Array>(set.length);
  for (let k = 0; k < TRAINING.innerFolds; k++) {
    const m = wordWithBasil(set.filter((_, i) => fold[i] !== k));
    set.forEach((s, i) => { if (fold[i] === k) out[i] = wordProbabilities(m, s); });
  }
  return out;
}
const t0 = performance.now();
// per fold: stacked features of train rows (oof word evidence) and of test rows (word model on train)
const cache: { word: ReturnType<typeof asShipped>; trainRows: number[]; testRows: number[]; xTrain: Features[]; xTest: Features[]; pTest: Float64Array[]; pTrain: Float64Array[] }[] = [];
for (let k = 0; k < K; k++) {
  const trainRows: number[] = [], testRows: number[] = [];
  for (let i = 0; i < n; i++) (fold[i] === k ? testRows : trainRows).push(i);
  const set = trainRows.map((i) => corpus.babePrepared[i] as Prepared);
  const word = asShipped(BASILWORD ? wordWithBasil(set) : trainWordModel(set, WORD), TRAINING.keep);
  const oof = BASILWORD ? oofWithBasil(set) : outOfFoldWordProbabilities(set, [], TRAINING.innerFolds, TRAINING.seed, WORD);
  const pTest = testRows.map((i) => wordProbabilities(word, corpus.babePrepared[i] as Prepared));
  cache.push({ word, trainRows, testRows, pTrain: oof, pTest, xTrain: set.map((s, j) => stacked(s, oof[j]!)), xTest: testRows.map((i, j) => stacked(corpus.babePrepared[i]!, pTest[j]!)) });
}
console.log(`word evidence for ${K} folds: ${((performance.now() - t0) / 1000).toFixed(0)} s`);

export type Variant = (ctx: { k: number; word: ReturnType<typeof asShipped>; trainRows: number[]; testRows: number[]; xTrain: Features[]; xTest: Features[]; pTrain: Float64Array[]; pTest: Float64Array[] }) => Float64Array; // P(biased) of test rows

type Weigher = (rows: number[], ys: boolean[]) => number[] | null;

export function evaluate(name: string, v: Variant, t = 0.5): number {
  const s0 = performance.now();
  const p = new Float64Array(n);
  cache.forEach((c, k) => { const q = v({ k, ...c }); c.testRows.forEach((i, j) => (p[i] = q[j]!)); });
  const lab = corpus.babe.map((r, i) => [r.biased, i] as const).filter(([y]) => y !== null);
  const f1 = (th: number): number => macroF1(lab.map(([, i]) => p[i]! >= th), lab.map(([y]) => y as boolean));
  console.log(`${name.padEnd(40)} ${f1(t).toFixed(3)}   (t .45 ${f1(0.45).toFixed(3)}, .55 ${f1(0.55).toFixed(3)})  ${((performance.now() - s0) / 1000).toFixed(0)} s`);
  return f1(t);
}
export { corpus, cache, n };

/** Example weights so that each outlet's two classes weigh alike (power a: 0 none, 1 full). */
export const perOutlet = (a: number): Weigher => (rs, ys) => {
  const count = new Map<string, number>();
  rs.forEach((i, j) => { const key = groups[i] + '|' + ys[j]; count.set(key, (count.get(key) ?? 0) + 1); });
  const raw = rs.map((i, j) => { const g = groups[i]!; const c = count.get(g + '|' + ys[j])!; const tot = (count.get(g + '|true') ?? 0) + (count.get(g + '|false') ?? 0); return Math.pow(tot / (2 * c), a); });
  const mean = raw.reduce((x, y) => x + y, 0) / raw.length;
  return raw.map((x) => x / mean);
};

/** Blend of models, each trained on its own label with its step: [label, rate, weight]. */
export function blendOf(parts: [(r: BabeRow) => boolean | null, number, number, Extra?][], seed = TRAINING.sentence.seed, weigh: Weigher = () => null): Variant {
  return (ctx) => {
    const { trainRows, xTrain, xTest } = ctx;
    const out = new Float64Array(xTest.length);
    for (const [label, rate, weight, extra] of parts) {
      const keep = trainRows.map((i, j) => ({ j, y: label(corpus.babe[i]!) })).filter((x) => x.y !== null);
      const ys = keep.map((x) => x.y!);
      const xs = keep.map((x) => xTrain[x.j]!);
      let ws = weigh(keep.map((x) => trainRows[x.j]!), ys);
      if (extra) {
        const e = extra(ctx);
        ws = [...(ws ?? ys.map(() => 1)), ...e.ws];
        xs.push(...e.xs);
        ys.push(...e.ys);
      }
      // with extra rows, balance the classes by weighted sums (the trainer's balance counts rows)
      const wsum = (c: boolean): number => ys.reduce((a, y, i) => a + (y === c ? (ws?.[i] ?? 1) : 0), 0);
      const bal = extra ? ys.map((y, i) => (ws![i]! * (wsum(true) + wsum(false))) / (2 * wsum(y))) : ws;
      const m = asShipped(train(xs, ys, { ...TRAINING.sentence, rate, seed, balance: !extra }, bal), TRAINING.keep);
      xTest.forEach((f, j) => (out[j] = (out[j] as number) + weight * probability(m, f)));
    }
    return out;
  };
}
/** Extra training rows (never scored) for one sentence model, with their example weights. */
type Extra = (ctx: Parameters<Variant>[0]) => { xs: Features[]; ys: boolean[]; ws: number[] };

/**
 * BASIL sentences (other outlets and years) as extra training rows of the marked-words model:
 * a sentence with a lexical-bias span ('lex') is positive; `negatives`: 'none' only BASIL's
 * positives, 'clean' sentences without any span, 'all' every sentence without a 'lex' span.
 * Their word evidence comes from the fold's word model (trained on the fold's BABE rows only).
 */
const basilRows = (() => {
  let memo: { prepared: ReturnType<typeof prepare>; lex: boolean; any: boolean }[] | null = null;
  return () => (memo ??= (readBasil() ?? []).flatMap((a) => a.sentences.map((s) => ({ prepared: prepare(s.text, basilWordLabels(s.spans)), lex: s.spans.some((x) => x.bias === 'lex'), any: s.spans.length > 0 }))));
})();
const basilX = new Map<number, Features[]>();
export const basil = (weight: number, negatives: 'none' | 'clean' | 'all'): Extra => ({ k, word }) => {
  const rows = basilRows();
  if (!basilX.has(k)) basilX.set(k, rows.map((r) => stacked(r.prepared, wordProbabilities(word, r.prepared))));
  const x = basilX.get(k)!;
  const use = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.lex || negatives === 'all' || (negatives === 'clean' && !r.any));
  return { xs: use.map(({ i }) => x[i]!), ys: use.map(({ r }) => r.lex), ws: use.map(() => weight) };
};
const B = (r: BabeRow): boolean | null => r.biased;
const O = (r: BabeRow): boolean | null => r.opinionated;
const W = (r: BabeRow): boolean | null => r.biasedWords.length > 0;
const BW = (r: BabeRow): boolean | null => r.biased === null ? null : r.biased || r.biasedWords.length > 0;

/** The variants measured for #17 (TRAINING.md); `name` + 's' + seed runs it with that training seed. */
const V: Record<string, (seed: number) => Variant> = {
  shipped: (seed) => blendOf([[W, 0.02, 0.5], [O, 0.05, 0.5]], seed),
  'bias-on-label': (seed) => blendOf([[B, 0.02, 0.5], [O, 0.05, 0.5]], seed),
  'per-outlet-balance': (seed) => blendOf([[W, 0.02, 0.5], [O, 0.05, 0.5]], seed, perOutlet(1)),
  'three-models': (seed) => blendOf([[B, 0.02, 1 / 3], [O, 0.05, 1 / 3], [W, 0.02, 1 / 3]], seed),
  'biased-or-words': (seed) => blendOf([[BW, 0.02, 0.5], [O, 0.05, 0.5]], seed),
};
// BASIL rows in the marked-words model's training: basil-all@0.2, basil-clean@0.5, basil-none@0.1 (weight per BASIL row)
for (const neg of ['none', 'clean', 'all'] as const) for (const w of [0.05, 0.1, 0.2, 0.3, 0.5, 1]) V[`basil-${neg}@${w}`] = (seed) => blendOf([[W, 0.02, 0.5, basil(w, neg)], [O, 0.05, 0.5]], seed);
// ... or in the opinion model's training: basil-op-none@0.1
for (const neg of ['none', 'clean'] as const) for (const w of [0.05, 0.1, 0.3]) V[`basil-op-${neg}@${w}`] = (seed) => blendOf([[W, 0.02, 0.5], [O, 0.05, 0.5, basil(w, neg)]], seed);
if (process.argv[1]?.endsWith('profile-babe-screen.ts')) {
  for (const arg of process.argv.slice(2)) {
    const [name, seed] = arg.split(':');
    const v = V[name as string];
    if (v) evaluate(arg, v(Number(seed ?? TRAINING.sentence.seed)));
    else console.log(`unknown variant ${arg}: ${Object.keys(V).join(', ')}`);
  }
}
