/**
 * The profile against BASIL (../shared/data/basil, development half, read at run time):
 *
 *   1. Lexical bias: span-level precision, recall and F1 of the loaded-word marks against the
 *      'lex' spans (a mark is right when it overlaps a gold span; a gold span is found when a
 *      mark overlaps it). The shipped word model is trained on BABE only (TRAINING.wordWithBasil
 *      off), so its score here is out of sample. Also shown: our loaded-word lexicon alone, and
 *      (unless --no-cv) a word model trained on BABE and BASIL, by 5-fold cross-validation over
 *      events (triplets): trained on the other events' BASIL articles, never on the scored one.
 *   2. Informational bias: each event's three articles go through the whole pipeline (compare);
 *      an article's sentences holding its `added` facts, most central first, are ranked; recall
 *      at the top-k sentences of the gold 'inf' sentences, beside the lead-k baseline (the
 *      article's first k sentences).
 *
 *   node --import tsx eval/profile-basil.ts [--no-cv]
 */
import { LOADED } from '../src/analyze/lexicon-loaded.js';
import { readBabe, readBasil, type BasilArticle } from '../src/analyze/classifier/datasets.js';
import { tokens } from '../src/analyze/classifier/features.js';
import { classify, loadedMarks, THRESHOLDS } from '../src/analyze/classifier/model.js';
import { prng } from '../src/model/random.js';
import { babeWordLabels, prepare, basilWordLabels, trainWordModel, TRAINING, wordProbabilities, type Prepared } from '../src/analyze/classifier/training.js';
import { compareAll, processSource } from '../src/collection/pipeline.js';
import type { Span } from '../src/model/index.js';

const articles = readBasil();
const babe = readBabe();
if (articles === null || babe === null) {
  console.log('skipped: ../shared/data/basil or babe not found');
  process.exit(0);
}

interface Counts { tp: number; fp: number; found: number; gold: number }
const empty = (): Counts => ({ tp: 0, fp: 0, found: 0, gold: 0 });
function score(c: Counts, predicted: readonly Span[], gold: readonly Span[]): void {
  const hit = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
  for (const p of predicted) if (gold.some((g) => hit(p, g))) c.tp++; else c.fp++;
  for (const g of gold) if (predicted.some((p) => hit(p, g))) c.found++;
  c.gold += gold.length;
}
function report(name: string, c: Counts): string {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.found / Math.max(1, c.gold);
  return `${name.padEnd(48)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)}  (${c.tp + c.fp} marks, ${c.gold} gold spans)`;
}
const goldOf = (s: BasilArticle['sentences'][number]): Span[] => s.spans.filter((x) => x.bias === 'lex').map((x) => ({ start: x.start, end: x.end }));

// 1. lexical bias
console.log(`BASIL: ${articles.length} articles, ${articles.reduce((n, a) => n + a.sentences.length, 0)} sentences`);
const lexicon = empty();
const shipped = empty();
for (const a of articles) {
  for (const s of a.sentences) {
    const t = tokens(s.text);
    score(lexicon, LOADED.matchAll(t.words).map((m) => ({ start: (t.words[m.from] as { start: number }).start, end: (t.words[m.to - 1] as { end: number }).end })), goldOf(s));
    score(shipped, loadedMarks(classify(s.text), THRESHOLDS.word, true).map((m) => m.span), goldOf(s));
  }
}
if (!process.argv.includes('--no-cv')) {
  const folds = 5;
  const triplets = [...new Set(articles.map((a) => a.triplet))];
  const random = prng(7);
  const foldOf = new Map(triplets.map((t) => [t, Math.floor(random() * folds)]));
  const babePrepared = babe.filter((r) => r.text.trim() !== '').map((r) => prepare(r.text, babeWordLabels(r)));
  const basilPrepared = articles.map((a) => a.sentences.map((s) => prepare(s.text, basilWordLabels(s.spans))));
  const cv = empty();
  for (let k = 0; k < folds; k++) {
    const trainSet: Prepared[] = [...babePrepared];
    articles.forEach((a, i) => {
      if (foldOf.get(a.triplet) !== k) trainSet.push(...(basilPrepared[i] as Prepared[]));
    });
    const model = trainWordModel(trainSet);
    articles.forEach((a, i) => {
      if (foldOf.get(a.triplet) !== k) return;
      a.sentences.forEach((s, j) => {
        const prep = (basilPrepared[i] as Prepared[])[j] as Prepared;
        const p = wordProbabilities(model, prep);
        const marks = loadedMarks({ opinion: 0, bias: 0, words: p, tokens: prep.tokens }, THRESHOLDS.word, true);
        score(cv, marks.map((m) => m.span), goldOf(s));
      });
    });
  }
  console.log(report('BABE + BASIL word model, CV by event', cv));
}
console.log(report('our loaded-word lexicon alone', lexicon));
console.log(report(TRAINING.wordWithBasil ? 'shipped weights (in-sample: trained on BASIL)' : 'shipped weights (out of sample: BABE only)', shipped));

// 2. informational bias
const byTriplet = new Map<string, BasilArticle[]>();
for (const a of articles) byTriplet.set(a.triplet, [...(byTriplet.get(a.triplet) ?? []), a]);
const ks = [3, 5, 10];
const found = new Map(ks.map((k) => [k, { ours: 0, lead: 0 }]));
let goldInf = 0;
let withAdded = 0;
for (const [triplet, group] of byTriplet) {
  const texts = group.map((a) => `${a.title}\n\n${a.sentences.map((s) => s.text).join(' ')}`);
  const processed = group.map((a, i) => processSource({ uri: `basil:${triplet}:${a.source}`, format: 'text', raw: texts[i] as string, record: { id: `${triplet}-${a.source}`, outlet: a.source, title: a.title }, messages: [] }));
  const comparison = await compareAll(processed);
  const coverage = new Map(comparison.stories.flatMap((s) => s.coverage.map((v) => [v.articleId, v] as const)));
  group.forEach((a, i) => {
    const art = processed[i];
    if (art === undefined) return;
    // where each BASIL sentence lies in the article text (sentences are joined in order)
    const offsets: Span[] = [];
    let at = 0;
    for (const s of a.sentences) {
      const start = art.text.indexOf(s.text.slice(0, 40), at);
      offsets.push({ start, end: start < 0 ? -1 : start + s.text.length });
      if (start >= 0) at = start + 1;
    }
    const gold = a.sentences.map((s, j) => (s.spans.some((x) => x.bias === 'inf') ? j : -1)).filter((j) => j >= 0);
    goldInf += gold.length;
    const v = coverage.get(art.id);
    const ranked: number[] = [];
    for (const item of v?.added ?? []) {
      for (const e of item.evidence) {
        const j = offsets.findIndex((o) => o.start >= 0 && e.span.start < o.end && o.start < e.span.end);
        if (j >= 0 && !ranked.includes(j)) ranked.push(j);
      }
    }
    if (ranked.length) withAdded++;
    for (const k of ks) {
      const f = found.get(k) as { ours: number; lead: number };
      f.ours += gold.filter((j) => ranked.slice(0, k).includes(j)).length;
      f.lead += gold.filter((j) => j < k).length;
    }
  });
}
console.log(`\ninformational bias: ${goldInf} gold 'inf' sentences in ${articles.length} articles (${withAdded} with added facts found)`);
for (const k of ks) {
  const f = found.get(k) as { ours: number; lead: number };
  console.log(`  recall@${String(k).padEnd(3)} added facts by centrality ${(f.ours / Math.max(1, goldInf)).toFixed(3)}   lead-${k} baseline ${(f.lead / Math.max(1, goldInf)).toFixed(3)}`);
}
