/**
 * topClaims: the claims of a set of articles (the inputs, or the members of one story) ranked by
 * check-worthiness, each with who makes it: the speaker of the quote it lies in, else the source
 * of an attribution on its sentence ("the ministry said"), else nobody named (the article's own
 * statement, shown with its outlet). The same claim in several articles (a wire story and its
 * copies, also with a dateline or a cut-off tail that makes the words differ a little) is listed
 * once, with the other articles in `alsoIn`. A pure function of the articles' layers, shared by
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
  /** The other articles that make the same claim in (nearly) the same words, by id, each once. */
  alsoIn: string[];
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
      out.push({ articleId: a.id, span: c.span, text: c.text, checkworthy: c.checkworthy, uri: a.uri, outlet: a.outlet, speaker: speakerOf(a, c), alsoIn: [] });
    }
  }
  // a stable sort: equal scores keep input and text order
  out.sort((x, y) => y.checkworthy - x.checkworthy);
  // the same claim in two articles (a wire story and its copies) is one claim: the first (best) is
  // kept and names the others
  const unique: { claim: RankedClaim; words: Set<string> }[] = [];
  for (const c of out) {
    const words = wordSet(c.text);
    const same = unique.find((u) => sameWords(u.words, words));
    if (same) {
      if (same.claim.articleId !== c.articleId && !same.claim.alsoIn.includes(c.articleId)) same.claim.alsoIn.push(c.articleId);
      continue;
    }
    if (unique.length === limit) continue;
    unique.push({ claim: c, words });
  }
  return unique.map((u) => u.claim);
}

/** Share of the shorter claim's words the other must hold to be the same claim in other words. */
const SAME_CLAIM_SHARE = 0.85;

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/**
 * Two claims are the same when nearly all words of the shorter are in the longer ("MARROWBY (CPA)
 * — The ferry ..." and "The ferry ..."; a copy cut off before its last words) and the shorter is not
 * a mere fragment of the longer (at least half its length), and every number of the shorter is in
 * the longer.
 */
function sameWords(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return large.size === 0;
  if (small.size * 2 < large.size) return false;
  let shared = 0;
  for (const w of small) {
    if (large.has(w)) shared++;
    // a number the other lacks is a different claim, however alike the rest (12 vs 14 injured)
    else if (/\p{N}/u.test(w)) return false;
  }
  return shared >= SAME_CLAIM_SHARE * small.size;
}
