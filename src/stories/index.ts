/**
 * Story analysis: one story's articles -> its text reuse (who copied whom), independent
 * origins, claims aligned into facts with their status and conflicts, and coverage. Which
 * articles form a story is group/'s job (the one clusterer, run by ingest and by compare).
 *
 *   1. prepare   words, sentences, body, entity mentions, dates (fallbacks when layers are empty)
 *   2. reuse     5-gram shingles, maximal shared passages, share and direction
 *   3. origins   union-find over heavy reuse and rewrites (derivation score)
 *   4. units     sentences, claims, clauses, relative clauses, appositives
 *   5. align     concepts + entities, IDF-weighted overlap, greedy facts without chaining
 *   6. facts     stances, conflicts, origins, status; single-source facts; coverage
 *
 * Deterministic: articles are sorted by id first, so the same members in any order give the
 * same facts and ids.
 */
import { message, type Article, type Message, type Story } from '../model/index.js';
import { align } from './align.js';
import { coverage } from './coverage.js';
import { linkCountsAcrossFacts } from './counts.js';
import { linkDenialsAcrossFacts } from './denials.js';
import { buildFacts } from './facts.js';
import { mergeKeys } from './names.js';
import { findOrigins, originIndex } from './origins.js';
import { prepare, type Prepared } from './prepare.js';
import { DERIVATION_THRESHOLDS } from './derivation.data.js';
import { describeReuse, findReuse, REUSE, rewriteCandidates, rewritePairs, strongestSources } from './reuse.js';
import { findUnits } from './units.js';

// Beyond this many articles in one story, claims are aligned across the earliest ones only
// (alignment grows with the square of a story's sentences; reuse and grouping do not stop).
export const MAX_ALIGNED_ARTICLES = 200;

/**
 * One story's articles (the clusterer's group) analyzed under the story's id (the clusterer's,
 * kept as the story grows): reuse, origins, facts and coverage.
 */
export function analyzeStory(id: string, articles: readonly Article[]): { story: Story; messages: Message[] } {
  const messages: Message[] = [];
  const prepared = dedupe(articles).map(prepare);
  return { story: buildStory(prepared, prepared.map((_, i) => i), messages, id), messages };
}

function dedupe(articles: readonly Article[]): Article[] {
  const byId = new Map<string, Article>();
  for (const a of articles) if (!byId.has(a.id)) byId.set(a.id, a);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.contentHash.localeCompare(b.contentHash)));
}

function buildStory(prepared: readonly Prepared[], group: readonly number[], messages: Message[], id: string): Story {
  const members = group.map((i) => prepared[i] as Prepared);
  const articleIds = members.map((p) => p.article.id).sort();
  const reuse = group.length > 1 ? findReuse(prepared, group) : [];
  // Rewrites from the classes' threshold are listed; origins join the keyed ones from REUSE.minDerivation (findDerivations).
  const rewrites = group.length > 1 ? rewriteCandidates(prepared, group, Math.min(DERIVATION_THRESHOLDS.derived, REUSE.minDerivation)) : [];
  const derivations = rewrites.filter((r) => r[2] >= REUSE.minDerivation && r[3]).map(([s, c]): [string, string] => [s, c]);
  const origins = findOrigins(articleIds, reuse, derivations);
  const originOf = originIndex(origins);
  let aligned = [...group];
  if (aligned.length > MAX_ALIGNED_ARTICLES) {
    aligned = aligned.sort((a, b) => (prepared[a]?.time ?? Infinity) - (prepared[b]?.time ?? Infinity) || a - b).slice(0, MAX_ALIGNED_ARTICLES).sort((a, b) => a - b);
    messages.push(message('CC403', `story ${id} has ${group.length} articles; claims were aligned across the earliest ${MAX_ALIGNED_ARTICLES}`));
  }
  const merge = mergeKeys(aligned.map((i) => prepared[i]?.mentions ?? []));
  const units = aligned.flatMap((i) => findUnits(prepared[i] as Prepared, i));
  const alignment = align(prepared, units, merge, (i) => originOf.get(prepared[i]?.article.id ?? '') ?? -1 - i);
  const facts = linkCountsAcrossFacts(prepared, alignment.units, linkDenialsAcrossFacts(prepared, alignment.units, buildFacts(id, prepared, alignment, originOf), originOf), originOf);
  const dated = members.filter((p) => p.time !== null).sort((a, b) => (a.time ?? 0) - (b.time ?? 0) || a.article.id.localeCompare(b.article.id));
  return {
    id,
    title: storyTitle(members, dated, facts.map((f) => f.articleIds)),
    articleIds,
    outlets: [...new Set(members.map((p) => p.article.outlet).filter((o): o is string => o !== null))].sort(),
    firstPublished: dated[0]?.article.publishedAt ?? null,
    lastPublished: dated[dated.length - 1]?.article.publishedAt ?? null,
    origins,
    facts,
    // Rewrites that share too little verbatim come after the pairs that do: listed for a copy nothing else explains.
    reuse: describeReuse(prepared, group, strongestSources([...reuse, ...rewritePairs(prepared, group, reuse, rewrites.map(([s, c]): [string, string] => [s, c]))])),
    coverage: coverage(members.map((p) => p.article), facts, originOf),
  };
}

/** The earliest article's title; without dates, the title of the article in the most shared facts. */
function storyTitle(members: readonly Prepared[], dated: readonly Prepared[], factArticles: readonly string[][]): string {
  let pick = dated[0];
  if (!pick) {
    const shared = new Map<string, number>();
    for (const ids of factArticles) if (ids.length > 1) for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + 1);
    pick = [...members].sort((a, b) => (shared.get(b.article.id) ?? 0) - (shared.get(a.article.id) ?? 0) || a.article.id.localeCompare(b.article.id))[0];
  }
  if (!pick) return '';
  if (pick.article.title) return pick.article.title;
  const first = pick.sentences[0];
  const text = first ? pick.article.text.slice(first.start, first.end) : pick.article.text;
  return text.length > 160 ? `${text.slice(0, 157).trimEnd()}...` : text;
}
