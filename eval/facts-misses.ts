/**
 * Where alignment's misses on ECB+ go (issue #15): for each annotated body sentence with a strict
 * gold partner in another article but no right predicted partner, the first cause that holds:
 *   not-body      the sentence is the headline / first line or a byline (no body unit)
 *   no-unit       no unit overlaps it (too short)
 *   opinion       every unit of it is taken as opinion (never a candidate)
 *   no-edge       no unit of it scores the threshold with any unit of a gold partner; split by
 *                 the best score: 0 (gated: under two shared terms, names only, or too little weight)
 *                 or under the threshold (weight too low: paraphrase, long sentences)
 *   edge-lost     some unit pair with a gold partner scores the threshold, but growth did not
 *                 put them in one fact (per-article cap, partner pruning, no-chaining, repeats)
 * Uses the shipped paraphrase table (in-sample for ECB+: for diagnosis, not for figures).
 *
 *   node --import tsx eval/facts-misses.ts [--topics 1-35] [--examples N]
 */
import type { Article } from '../src/model/index.js';
import { analyzeText } from '../src/collection/pipeline.js';
import { align, ALIGN } from '../src/stories/align.js';
import { buildFacts } from '../src/stories/facts.js';
import { mergeKeys } from '../src/stories/names.js';
import { prepare } from '../src/stories/prepare.js';
import { findUnits } from '../src/stories/units.js';
import { hasEcbPlus, readEcbPlus } from './ecbplus-data.js';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const [lo, hi] = (arg('--topics') ?? '1-35').split('-').map(Number) as [number, number];
const EXAMPLES = Number(arg('--examples') ?? 0);
if (!hasEcbPlus()) {
  console.log('skipped: ../shared/data/ecbplus not found');
  process.exit(0);
}

const docs = readEcbPlus((t) => t >= lo && t <= (hi ?? lo));
const bySub = new Map<string, typeof docs>();
for (const d of docs) bySub.set(d.subtopic, [...(bySub.get(d.subtopic) ?? []), d]);
const causes = new Map<string, number>();
const examples = new Map<string, string[]>();
let withPartner = 0;
let found = 0;
const note = (cause: string, text: string): void => {
  causes.set(cause, (causes.get(cause) ?? 0) + 1);
  const list = examples.get(cause) ?? [];
  if (list.length < EXAMPLES) list.push(text);
  examples.set(cause, list);
};
for (const [, members] of [...bySub].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
  const articles: Article[] = members.map((d) => analyzeText(d.text, { uri: `ecbplus:${d.name}` }));
  const prepared = articles.map(prepare);
  // Gold sentences located in the cleaned text.
  const gold: { article: number; start: number; end: number; actions: Set<string>; entities: Set<string>; text: string }[] = [];
  members.forEach((d, ai) => {
    let cursor = 0;
    for (const g of d.gold) {
      const text = d.text.slice(g.start, g.end);
      const at = articles[ai]?.text.indexOf(text, cursor) ?? -1;
      if (at < 0) continue;
      cursor = at + text.length;
      gold.push({ article: ai, start: at, end: at + text.length, actions: g.actions, entities: g.entities, text });
    }
  });
  const merge = mergeKeys(prepared.map((p) => p.mentions));
  const units = prepared.flatMap((p, i) => findUnits(p, i));
  const alignment = align(prepared, units, merge);
  const facts = buildFacts('diag', prepared, alignment, new Map(articles.map((a, i) => [a.id, i])));
  const factOfSentence = (g: (typeof gold)[number]): Set<number> => {
    const out = new Set<number>();
    facts.forEach((f, k) => {
      if (f.articleIds.length < 2) return;
      for (const m of f.members) if (m.articleId === articles[g.article]?.id && m.span.start < g.end && g.start < m.span.end) out.add(k);
    });
    return out;
  };
  const para = (a: number, at: number): string => articles[a]?.paragraphs.find((q) => q.span.start <= at && at < q.span.end)?.kind ?? 'no paragraph';
  const unitsOf = (g: (typeof gold)[number]): number[] => units.flatMap((u, i) => (u.article === g.article && u.span.start < g.end && g.start < u.span.end ? [i] : []));
  for (const s of gold) {
    const partners = gold.filter((o) => o.article !== s.article && [...s.actions].some((c) => o.actions.has(c)) && [...s.entities].some((c) => o.entities.has(c)));
    if (partners.length === 0) continue;
    withPartner++;
    const mine = factOfSentence(s);
    if (partners.some((o) => [...factOfSentence(o)].some((k) => mine.has(k)))) {
      found++;
      continue;
    }
    const us = unitsOf(s);
    const p = prepared[s.article];
    const si = p?.sentences.findIndex((x) => x.start <= s.start && s.start < x.end) ?? -1;
    let cause: string;
    const heading = si >= 0 && !p?.isBody[si];
    if (heading && us.length === 0) cause = `not-body, no unit (${para(s.article, s.start)})`;
    else if (us.length === 0) cause = 'no-unit';
    else if (us.every((i) => alignment.units[i]?.isOpinion)) cause = 'opinion';
    else {
      let best = 0;
      let why = '';
      for (const o of partners) for (const j of unitsOf(o)) for (const i of us) {
        const sc = alignment.score(i, j);
        if (sc > best) {
          best = sc;
          if (args.includes('--terms')) why = `${sc.toFixed(2)} [${[...(alignment.units[i]?.terms ?? [])].join(' ')}] ~ [${[...(alignment.units[j]?.terms ?? [])].join(' ')}]`;
        }
      }
      if (why) console.log(`${best >= ALIGN.threshold ? 'LOST' : 'LOW'} ${why}`);
      if (heading) cause = `not-body headline unit, best ${best >= ALIGN.threshold ? '>= threshold' : best > 0 ? '< threshold' : '0'}`;
      else if (best >= ALIGN.threshold) cause = mine.size > 0 ? 'edge-lost (in another fact)' : 'edge-lost (in no shared fact)';
      else if (best === 0) cause = 'no-edge, gated (score 0)';
      else cause = `no-edge, score ${best < 0.15 ? '< 0.15' : '0.15-0.3'}`;
    }
    note(cause, `${s.text.slice(0, 140)}\n      ~ ${partners[0]?.text.slice(0, 140)}`);
  }
}
console.log(`strict gold sentences with a partner: ${withPartner}, with a right partner: ${found} (${(found / withPartner).toFixed(3)})`);
for (const [cause, n] of [...causes].sort((a, b) => b[1] - a[1])) {
  console.log(`${String(n).padStart(5)}  ${((100 * n) / withPartner).toFixed(1).padStart(5)}%  ${cause}`);
  for (const e of examples.get(cause) ?? []) console.log(`    - ${e}`);
}
