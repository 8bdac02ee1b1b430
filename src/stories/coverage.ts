/**
 * Coverage: for each article, the facts only its origin reports (`only`, `added`) and the facts
 * other origins report that it leaves out (`missing`, `omitted`): informational bias in BASIL's
 * sense, bias through the selection of facts rather than through wording.
 *
 * Each omitted or added fact carries a weight for how central it is to the story, in [0, 1]:
 *
 *     weight = ORIGINS x share of the story's origins reporting it
 *            + ARTICLES x share of the story's articles reporting it
 *            + POSITION x how early it comes in the articles that report it (1 = first words)
 *
 * A fact every outlet leads with weighs most when an article leaves it out; a fact one outlet
 * adds in its last paragraph weighs least.
 */
import type { Article, Coverage, Evidence, Fact, WeightedFact } from '../model/index.js';

/** Weights of the centrality terms; set by hand on the example corpus and the seeds. */
export const CENTRALITY = { origins: 0.5, articles: 0.2, position: 0.3 } as const;

/**
 * Evidence kept with an omitted fact: the first few reporting articles' words. The fact itself
 * holds all of them; copying every reporting article's words into every article that leaves the
 * fact out made a story of 150 articles a 64 MB document (articles x facts x reporters).
 */
export const OMITTED_EVIDENCE = 3;
/**
 * Omitted facts listed with weights per article: the most central ones (`missing` has every id).
 * An article of a 150-article story can leave out 400 facts the others report; all of them
 * weighted for every article was 30 MB of one story's document, and every view shows ten.
 */
export const OMITTED_LISTED = 20;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function coverage(articles: readonly Article[], facts: readonly Fact[], originOf: ReadonlyMap<string, number>): Coverage[] {
  const textLength = new Map(articles.map((a) => [a.id, Math.max(1, a.text.length)]));
  const storyOrigins = new Set(articles.map((a) => originOf.get(a.id) ?? -1)).size || 1;
  const storyArticles = articles.length || 1;
  const weighed = facts.map((f) => {
    // Origins are those that assert the fact, as in its status: an opinion column that mentions
    // "as has been reported" neither corroborates it nor reports it as its own.
    const origins = new Set(f.members.filter((m) => m.stance === 'asserts').map((m) => originOf.get(m.articleId) ?? -1));
    // first member per article: its position in that article
    const firstBy = new Map<string, Evidence>();
    for (const m of f.members) {
      const seen = firstBy.get(m.articleId);
      if (seen === undefined || m.span.start < seen.span.start) firstBy.set(m.articleId, { articleId: m.articleId, span: m.span, text: m.text });
    }
    let position = 0;
    for (const e of firstBy.values()) position += 1 - e.span.start / (textLength.get(e.articleId) ?? Math.max(1, e.span.end));
    position = firstBy.size ? position / firstBy.size : 0;
    const weight = CENTRALITY.origins * (f.independentOrigins / storyOrigins) + CENTRALITY.articles * (f.articleIds.length / storyArticles) + CENTRALITY.position * Math.max(0, position);
    return { fact: f, origins, evidence: [...firstBy.values()], weight: round(Math.min(1, weight)) };
  });
  const entry = (w: (typeof weighed)[number], evidence: Evidence[]): WeightedFact => ({
    factId: w.fact.id, weight: w.weight, origins: w.fact.independentOrigins, articles: w.fact.articleIds.length, evidence,
  });
  const byWeight = (a: WeightedFact, b: WeightedFact): number => b.weight - a.weight || (a.factId < b.factId ? -1 : a.factId > b.factId ? 1 : 0);
  return articles.map((a) => {
    const own = originOf.get(a.id) ?? -1;
    const only: string[] = [];
    const missing: string[] = [];
    const omitted: WeightedFact[] = [];
    const added: WeightedFact[] = [];
    for (const w of weighed) {
      const f = w.fact;
      const has = f.articleIds.includes(a.id);
      const asserts = f.members.some((m) => m.articleId === a.id && m.stance === 'asserts');
      if (asserts && f.independentOrigins <= 1) {
        only.push(f.id);
        added.push(entry(w, w.evidence.filter((e) => e.articleId === a.id)));
      }
      if (!has && [...w.origins].some((o) => o !== own)) {
        missing.push(f.id);
        omitted.push(entry(w, w.evidence.slice(0, OMITTED_EVIDENCE)));
      }
    }
    return { articleId: a.id, outlet: a.outlet, only, missing, omitted: omitted.sort(byWeight).slice(0, OMITTED_LISTED), added: added.sort(byWeight) };
  });
}
