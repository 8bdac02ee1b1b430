/**
 * Claim alignment on ECB+ (../shared/data/ecbplus, topics 1-35, read at run time), given the
 * gold sub-topic as the story, so that grouping errors are kept out: each sub-topic's articles
 * go through the pipeline and `analyzeStory`, and two fully annotated body sentences of
 * different articles are predicted "the same fact" when one fact has a member in each.
 *
 * Gold (the README's): two sentences report the same event when they share a cross-document
 * action chain (loose); stricter, when they also share a participant, time or place chain.
 * Printed: pairwise precision / recall / F1 and sentence recall (of the sentences with a gold
 * partner, the share given at least one right partner), beside TF-IDF cosine over the same
 * sentences cut at the same number of pairs.
 *
 * The paraphrase table (src/stories/paraphrase.ts) is learned from ECB+ itself, so the figures
 * are cross-validated across topics: the topics are dealt into FOLDS folds, and each fold is
 * scored with a table trained on the other folds only (`--shipped` scores with the shipped
 * table instead, which has seen every topic: in-sample, for comparison only).
 *
 * `--check` exits 1 when the strict figures fall under their floors in eval/floors.json
 * ("facts-ecbplus": precision, sentence recall, precision margin over TF-IDF).
 *
 * `--dump FILE` writes each predicted pair (strict gold or not) with its two sentences, one per
 * line, for comparing two runs (diff of the sorted files).
 *
 *   node --import tsx eval/facts-ecbplus.ts [--topics 1-35] [--folds 5] [--shipped] [--no-table] [--verbose] [--check] [--dump FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Article } from '../src/model/index.js';
import { analyzeText } from '../src/collection/pipeline.js';
import { analyzeStory } from '../src/stories/index.js';
import { useParaphrases } from '../src/stories/paraphrase.js';
import { trainParaphrases } from '../src/stories/paraphrase-train.js';
import { hasEcbPlus, readEcbPlus, type EcbDoc } from './ecbplus-data.js';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const VERBOSE = args.includes('--verbose');
const [lo, hi] = (arg('--topics') ?? '1-35').split('-').map(Number) as [number, number];
const FOLDS = Number(arg('--folds') ?? 5);
const MODE = args.includes('--no-table') ? 'none' : args.includes('--shipped') ? 'shipped' : 'cross-validated';

if (!hasEcbPlus()) {
  console.log('skipped: ../shared/data/ecbplus not found');
  process.exit(0);
}

export interface Scored {
  tp: number;
  predicted: number;
  gold: number;
  sentencesWithPartner: number;
  sentencesFound: number;
}

const t0 = performance.now();
const docs = readEcbPlus((t) => t >= lo && t <= (hi ?? lo));
const topics = [...new Set(docs.map((d) => d.topic))].sort((a, b) => a - b);
const stories = new Map<string, { doc: EcbDoc; article: Article; offsets: (number | null)[] }[]>();
let lost = 0;
for (const d of docs) {
  const article = analyzeText(d.text, { uri: `ecbplus:${d.name}` });
  // The cleaned text may differ from ours (repairs): find each gold sentence again.
  let cursor = 0;
  const offsets = d.gold.map((g) => {
    const at = article.text.indexOf(d.text.slice(g.start, g.end), cursor);
    if (at < 0) {
      lost++;
      return null;
    }
    cursor = at + (g.end - g.start);
    return at;
  });
  const list = stories.get(d.subtopic) ?? [];
  list.push({ doc: d, article, offsets });
  stories.set(d.subtopic, list);
}
const analyzed = (performance.now() - t0) / 1000;

type Key = string;
const pairKey = (a: Key, b: Key): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

interface StoryGold {
  /** Gold sentences: key, article, span in the article text, chains. */
  sentences: { key: Key; article: string; start: number; end: number; actions: Set<string>; entities: Set<string>; words: string[] }[];
  loose: Set<string>;
  strict: Set<string>;
}

function goldOf(members: readonly { doc: EcbDoc; article: Article; offsets: (number | null)[] }[]): StoryGold {
  const sentences: StoryGold['sentences'] = [];
  for (const m of members) {
    m.doc.gold.forEach((g, k) => {
      const at = m.offsets[k];
      if (at === null || at === undefined) return;
      const s = m.doc.sentences.find((x) => x.number === g.number);
      sentences.push({ key: `${m.doc.name}#${g.number}`, article: m.article.id, start: at, end: at + (g.end - g.start), actions: g.actions, entities: g.entities, words: s?.tokens ?? [] });
    });
  }
  const loose = new Set<string>();
  const strict = new Set<string>();
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i + 1; j < sentences.length; j++) {
      const a = sentences[i] as StoryGold['sentences'][number];
      const b = sentences[j] as StoryGold['sentences'][number];
      if (a.article === b.article) continue;
      if (![...a.actions].some((c) => b.actions.has(c))) continue;
      loose.add(pairKey(a.key, b.key));
      if ([...a.entities].some((c) => b.entities.has(c))) strict.add(pairKey(a.key, b.key));
    }
  }
  return { sentences, loose, strict };
}

/** Pairs of gold sentences that one fact joins (a member overlapping each). */
function predictedPairs(id: string, members: readonly { article: Article }[], gold: StoryGold): Set<string> {
  const { story } = analyzeStory(id, members.map((m) => m.article));
  const out = new Set<string>();
  for (const f of story.facts) {
    if (f.articleIds.length < 2) continue;
    const hit: { key: Key; article: string }[] = [];
    for (const m of f.members) {
      for (const s of gold.sentences) {
        if (s.article === m.articleId && s.start < m.span.end && m.span.start < s.end) hit.push({ key: s.key, article: s.article });
      }
    }
    for (let i = 0; i < hit.length; i++) {
      for (let j = i + 1; j < hit.length; j++) {
        const a = hit[i] as { key: Key; article: string };
        const b = hit[j] as { key: Key; article: string };
        if (a.article !== b.article) out.add(pairKey(a.key, b.key));
      }
    }
  }
  return out;
}

const STOP = new Set('the a an of to in on at for and or but is are was were be been has have had it its he she they his her their this that with by from as said says will would after not who which'.split(' '));

/** TF-IDF cosine of every cross-article pair of gold sentences (IDF over the story's gold sentences). */
function tfidfPairs(gold: StoryGold): [number, string][] {
  const bags = gold.sentences.map((s) => {
    const m = new Map<string, number>();
    for (const w of s.words) {
      const t = w.toLowerCase();
      if (!/[a-z0-9]/.test(t) || STOP.has(t)) continue;
      m.set(t, (m.get(t) ?? 0) + 1);
    }
    return m;
  });
  const df = new Map<string, number>();
  for (const b of bags) for (const t of b.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = bags.length;
  const vecs = bags.map((b) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of b) {
      const w = (1 + Math.log(c)) * Math.log((n + 1) / ((df.get(t) ?? 0) + 0.5));
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  const out: [number, string][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = gold.sentences[i] as StoryGold['sentences'][number];
      const b = gold.sentences[j] as StoryGold['sentences'][number];
      if (a.article === b.article) continue;
      let dot = 0;
      const vi = vecs[i] as Map<string, number>;
      for (const [t, w] of vecs[j] as Map<string, number>) dot += w * (vi.get(t) ?? 0);
      out.push([dot, pairKey(a.key, b.key)]);
    }
  }
  return out;
}

function score(predicted: ReadonlySet<string>, gold: ReadonlySet<string>): { tp: number; p: number; r: number; f1: number } {
  let tp = 0;
  for (const k of predicted) if (gold.has(k)) tp++;
  const p = predicted.size ? tp / predicted.size : 0;
  const r = gold.size ? tp / gold.size : 0;
  return { tp, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Of the sentences with a gold partner, the share with a right predicted partner. */
function sentenceRecall(predicted: ReadonlySet<string>, gold: ReadonlySet<string>): number {
  const withPartner = new Set<string>();
  const found = new Set<string>();
  for (const k of gold) for (const s of k.split('|')) withPartner.add(s);
  for (const k of predicted) if (gold.has(k)) for (const s of k.split('|')) found.add(s);
  return withPartner.size ? found.size / withPartner.size : 0;
}

// Folds: topics dealt in turn, so each fold mixes early and late topics.
const foldOf = new Map(topics.map((t, i) => [t, i % FOLDS]));
const predicted = new Set<string>();
const goldLoose = new Set<string>();
const goldStrict = new Set<string>();
const tfidf: [number, string][] = [];
const perStory: string[] = [];
/** Sentence text by gold key, for --dump. */
const sentenceText = new Map<string, string>();
const t1 = performance.now();
for (let fold = 0; fold < (MODE === 'cross-validated' ? FOLDS : 1); fold++) {
  if (MODE === 'none') useParaphrases(null);
  else if (MODE === 'shipped') useParaphrases(undefined);
  else useParaphrases(trainParaphrases(readEcbPlus((t) => t >= 1 && t <= 35 && foldOf.get(t) !== fold && topics.includes(t))));
  for (const [id, members] of [...stories].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
    const topic = members[0]?.doc.topic ?? 0;
    if (MODE === 'cross-validated' && foldOf.get(topic) !== fold) continue;
    const gold = goldOf(members);
    if (arg('--dump')) for (const g of gold.sentences) sentenceText.set(g.key, (members.find((m) => m.article.id === g.article)?.article.text ?? '').slice(g.start, g.end).replace(/\s+/g, ' '));
    const pairs = predictedPairs(`ecbplus-${id}`, members, gold);
    for (const k of pairs) predicted.add(k);
    for (const k of gold.loose) goldLoose.add(k);
    for (const k of gold.strict) goldStrict.add(k);
    tfidf.push(...tfidfPairs(gold));
    if (VERBOSE) {
      const s = score(pairs, gold.strict);
      perStory.push(`${id.padEnd(12)} ${String(members.length).padStart(3)} articles  pairs ${String(pairs.size).padStart(4)}  strict gold ${String(gold.strict.size).padStart(4)}  P ${s.p.toFixed(3)}  R ${s.r.toFixed(3)}  sentR ${sentenceRecall(pairs, gold.strict).toFixed(3)}`);
    }
  }
}
useParaphrases(undefined);
const compared = (performance.now() - t1) / 1000;

tfidf.sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1));
const baseline = new Set(tfidf.slice(0, predicted.size).map(([, k]) => k));

const fmt = (x: number): string => x.toFixed(3);
if (VERBOSE) console.log(perStory.join('\n'));
const dump = arg('--dump');
if (dump) {
  const lines = [...predicted].sort().map((k) => `${goldStrict.has(k) ? 'GOLD ' : 'FALSE'} ${k}\t${k.split('|').map((x) => sentenceText.get(x) ?? '').join('\t')}`);
  writeFileSync(dump, `${lines.join('\n')}\n`);
}
console.log(`ECB+ topics ${topics[0]}-${topics[topics.length - 1]}: ${docs.length} articles, ${stories.size} stories (gold sub-topics), ${docs.reduce((s, d) => s + d.gold.length, 0)} annotated sentences (${lost} not found in the cleaned text); paraphrase table: ${MODE}${MODE === 'cross-validated' ? ` (${FOLDS} folds by topic)` : ''}; analyzed ${analyzed.toFixed(1)} s, compared ${compared.toFixed(1)} s`);
console.log('gold     method        pairs      P      R     F1  sentR');
for (const [name, gold] of [['strict', goldStrict], ['loose', goldLoose]] as const) {
  for (const [method, set] of [['crosscheck', predicted], ['tfidf@same', baseline]] as const) {
    const s = score(set, gold);
    console.log(`${name.padEnd(8)} ${method.padEnd(12)} ${String(set.size).padStart(6)}  ${fmt(s.p)}  ${fmt(s.r)}  ${fmt(s.f1)}  ${fmt(sentenceRecall(set, gold))}`);
  }
}

if (VERBOSE) {
  // Context: how far TF-IDF alone goes as its cut-off moves.
  const all = tfidf.length;
  const goldAll = tfidf.filter(([, k]) => goldStrict.has(k)).length;
  console.log(`cross-article pairs of annotated sentences: ${all}, strict gold ${goldAll} (base rate ${fmt(goldAll / Math.max(1, all))})`);
  for (const k of [500, 1000, 2000, 4000, 8000, 16000]) {
    const set = new Set(tfidf.slice(0, k).map(([, key]) => key));
    const s = score(set, goldStrict);
    console.log(`tfidf top ${String(k).padStart(5)}  P ${fmt(s.p)}  R ${fmt(s.r)}  sentR ${fmt(sentenceRecall(set, goldStrict))}`);
  }
}

if (args.includes('--check')) {
  const floors = (JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as Record<string, { precision: number; sentenceRecall: number; marginOverTfidf: number }>)['facts-ecbplus'];
  const mine = score(predicted, goldStrict);
  const theirs = score(baseline, goldStrict);
  const got = { precision: mine.p, sentenceRecall: sentenceRecall(predicted, goldStrict), marginOverTfidf: mine.p - theirs.p };
  const under = floors ? (Object.keys(got) as (keyof typeof got)[]).filter((k) => got[k] < floors[k]) : [];
  if (under.length > 0) {
    console.log(`under the floor: ${under.map((k) => `${k} ${fmt(got[k])} < ${floors?.[k]}`).join(', ')}`);
    process.exit(1);
  }
  console.log('floors hold');
}
