/**
 * Stories, facts and reuse: what `compare` finds across articles. Every member, passage and
 * conflict side is Evidence (article id, span into that article's text, the exact words).
 */
import type { Evidence } from './span.js';
import type { Article } from './article.js';
import type { Message } from './messages.js';

export type FactStatus = 'corroborated' | 'single-source' | 'disputed';

/** How an article treats a fact: states it as true, contradicts it, or only mentions it. */
export type Stance = 'asserts' | 'disputes' | 'mentions';

export interface FactMember extends Evidence {
  stance: Stance;
  /**
   * The outlet or agency this member's sentence relays ("the AP reported" -> 'Associated Press'):
   * the member counts toward that outlet's origin (the outlet's own article when the story has
   * it, else an unseen origin), not as its article's own reporting. Absent when not relayed.
   */
  via?: string;
  /** What the stance model (src/stance) reads in this member's article toward the fact's summary
   *  (facts of two or more articles only; absent when the model did not run). */
  stanceModel?: MemberStanceModel;
}

/** The stance model's probabilities for one article toward a fact, and the sentences behind them. */
export interface MemberStanceModel {
  label: 'agree' | 'disagree' | 'discuss' | 'unrelated';
  agree: number;
  disagree: number;
  discuss: number;
  unrelated: number;
  /** The article's sentences that drove it, best first. */
  evidence: Evidence[];
  /** True when the model changed the member's stance from the rules' one (a conflict then says why). */
  changed: boolean;
}

export type ConflictKind = 'number' | 'date' | 'name' | 'negation' | 'denial';

/** Two members of a fact that cannot both be true, with what differs. */
export interface Conflict {
  kind: ConflictKind;
  a: Evidence;
  b: Evidence;
  /** "12 vs 15 (dead)", "says 'did not' where the other asserts". */
  detail: string;
}

/**
 * A later report that moves a count on ("at least 5 dead" on Wednesday, "the toll has risen to at
 * least 24" on Thursday): the story developing, not a contradiction. `earlier` and `later` are
 * members of the fact; `later`'s article is dated after `earlier`'s.
 */
export interface FactUpdate {
  earlier: Evidence;
  later: Evidence;
  /** "at least 5 → at least 24: “…” / “…”". */
  detail: string;
}

export interface Fact {
  id: string;
  status: FactStatus;
  /** Number of independent origins asserting the fact: articles that copy one another count once. */
  independentOrigins: number;
  articleIds: string[];
  /** The words of the clearest member, for listings. */
  summary: string;
  members: FactMember[];
  conflicts: Conflict[];
  /** Counts that a later report moved on (absent when none). */
  updates?: FactUpdate[];
}

/**
 * Text reuse: `share` of `to`'s words are found in `from` (the earlier or fuller one), with the
 * shared passages. A story lists each copy's three strongest sources (its origins count every pair).
 */
export interface Reuse {
  from: string;
  to: string;
  share: number;
  /**
   * Why `from` is taken as the source: 'published-earlier' (both dated), 'cites-source' (`to`
   * names `from`'s outlet, as a rewrite names the wire it took from), 'written-later' (`to` tells
   * the event as yesterday's where `from` tells it as today's), 'trims-source' (the
   * copy's sentences that hold a shared passage are mostly that passage: it cut the source's
   * sentences down), 'contains-other' (the copy is the one more covered by the other), else
   * 'undetermined'.
   */
  direction: 'published-earlier' | 'cites-source' | 'written-later' | 'trims-source' | 'contains-other' | 'undetermined';
  passages: { from: Evidence; to: Evidence }[];
  /**
   * How much of `to` derives from `from`, in METER's three classes (wholly, partially, non-derived;
   * stories/reuse.ts derivedClass), with the derivation probability it rests on. A rewrite that
   * shares no passage is listed for it too (share and passages then say what is verbatim: little
   * or nothing). Absent in stores written before the classes existed.
   */
  derived?: 'wholly' | 'partially' | 'non';
  derivation?: number;
  /** Sentences of `to` that rewrite one sentence of `from` (most of their content words are in it) outside the verbatim passages. */
  rewritten?: { from: Evidence; to: Evidence }[];
}

/**
 * A fact an article leaves out or adds (informational bias: bias by the choice of facts), with
 * how central the fact is to the story, in [0, 1] (stories/coverage.ts says how it is weighed).
 */
export interface WeightedFact {
  factId: string;
  weight: number;
  /** Independent origins and articles of the story that report the fact. */
  origins: number;
  articles: number;
  /**
   * The words behind it: one member per reporting article; for an omitted fact (whose words are in
   * other articles), the first three reporting articles' (the fact lists them all).
   */
  evidence: Evidence[];
}

/** What each article has that the others in its story do not, and what it leaves out. */
export interface Coverage {
  articleId: string;
  outlet: string | null;
  /** Facts only this article (or its copies) report. */
  only: string[];
  /** Facts reported by other origins that this article does not have. */
  missing: string[];
  /** The most central of `missing` (20 at most) with weights, most central first (absent in stores written before weights existed). */
  omitted?: WeightedFact[];
  /** `only` with weights, most central first. */
  added?: WeightedFact[];
}

export interface Story {
  id: string;
  /** A title for listings: the title of the earliest or most central article. */
  title: string;
  articleIds: string[];
  outlets: string[];
  /** Earliest and latest publication, when known. */
  firstPublished: string | null;
  lastPublished: string | null;
  /** Groups of article ids that share an origin (one copies the other); each group counts once. */
  origins: string[][];
  facts: Fact[];
  reuse: Reuse[];
  coverage: Coverage[];
}

export interface Comparison {
  articles: Article[];
  stories: Story[];
  /** Batch-level messages (inputs that could not be read, several stories found...). */
  messages: Message[];
}
