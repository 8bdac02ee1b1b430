/**
 * topClaims: the claims of a set of articles (the inputs, or the members of one story) ranked by
 * check-worthiness, each with who makes it: the speaker of the quote it lies in, else the source
 * of an attribution on its sentence ("the ministry said"), else nobody named (the article's own
 * statement, shown with its outlet). The same words in several articles are listed once. A pure function of the articles' layers, shared by
 * `crosscheck claims` and the reports.
 */
import type { Article, Evidence, Span } from '../model/index.js';
import { CHECKWORTHY } from './claims.js';

export interface RankedClaim extends Evidence {
  checkworthy: number;
  uri: string;
  outlet: string | null;
  /** Who makes the claim, with the words that name them; null when it is the article's own statement. */
  speaker: { name: string; kind: 'quote' | 'attribution'; evidence: Evidence | null } | null;
}

export interface TopClaimsOptions {
  /** At most this many claims (default 20). */
  limit?: number;
  /** Only claims at or above this score (default CHECKWORTHY.worthChecking; 0 lists every claim). */
  min?: number;
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Who makes claim `c` of article `a`, or null. */
export function speakerOf(a: Article, c: { span: Span; sentence: number }): RankedClaim['speaker'] {
  for (const q of a.quotes) {
    // the claim lies in the quote, or the quote makes most of it
    if (!within(c.span, q.span) && !(overlaps(c.span, q.span) && q.span.end - q.span.start >= (c.span.end - c.span.start) / 2)) continue;
    if (q.speaker === null) continue;
    return { name: q.speaker.text, kind: 'quote', evidence: q.speaker };
  }
  for (const at of a.attributions) {
    const onSentence = c.sentence >= 0 ? at.sentence === c.sentence : overlaps(at.span, c.span);
    if (!onSentence || at.source === null) continue;
    return { name: at.source.text, kind: 'attribution', evidence: at.source };
  }
  return null;
}

/** The claims of `articles` ranked by check-worthiness (ties: input order, then text order). */
export function topClaims(articles: readonly Article[], options: TopClaimsOptions = {}): RankedClaim[] {
  const limit = options.limit ?? 20;
  const min = options.min ?? CHECKWORTHY.worthChecking;
  const out: RankedClaim[] = [];
  for (const a of articles) {
    for (const c of a.claims) {
      if (c.checkworthy < min) continue;
      out.push({ articleId: a.id, span: c.span, text: c.text, checkworthy: c.checkworthy, uri: a.uri, outlet: a.outlet, speaker: speakerOf(a, c) });
    }
  }
  // a stable sort: equal scores keep input and text order
  out.sort((x, y) => y.checkworthy - x.checkworthy);
  // the same words in two articles (a wire story and its copies) are one claim: the first is kept
  const seen = new Set<string>();
  const unique: RankedClaim[] = [];
  for (const c of out) {
    const key = c.text.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(c);
    if (unique.length === limit) break;
  }
  return unique;
}
