/**
 * The Store: where ingested articles, their stories and the retrieval index live. One interface,
 * several implementations (SQLite now, PostgreSQL later), one shared contract suite
 * (`contract.ts`, hono's router `runTest`). Every method is async so that a networked database
 * fits the same shape. Articles and stories are stored as the values of `src/model` (the layers
 * as JSON, the queryable fields as columns) and come back exactly as they were put.
 *
 * Membership is the article's: each stored article belongs to at most one story (`storyId`).
 * `putStories` writes a story's facts, reuse and membership in one transaction; `assignArticles`
 * is the cheap incremental step (a late article joins its story) and marks the story stale until
 * the comparison is run again and the story is put back.
 */
import type { Article, Conflict, FactMember, FactStatus, Story } from '../model/index.js';

export interface PutArticlesResult {
  /** Ids of the articles stored by this call, in input order. */
  inserted: string[];
  /** Ids of input articles whose content (contentHash) was already stored, or given twice in this batch. */
  duplicates: string[];
  /** Ids of input articles whose id is already used by different content (CC605): not stored. */
  conflicts: string[];
}

export interface AssignResult {
  /** Articles now in the story (including those already in it). */
  assigned: string[];
  /** Ids with no stored article: nothing was done for them. */
  missing: string[];
}

export interface PutStoriesOptions {
  /** Stories merged into the ones put (or otherwise gone): deleted in the same transaction. */
  remove?: readonly string[];
}

export type StoryOrder = 'newest' | 'largest';

export interface ListStoriesOptions {
  /** 'newest': latest publication first; 'largest': most articles first. Ties by id. */
  order: StoryOrder;
  /** Stories with an article published on or after this (ISO 8601 date or date-time). */
  since?: string;
  /** Stories with an article published on or before this (a date includes the whole day). */
  until?: string;
  /** Stories with at least one article from this outlet (exact match). */
  outlet?: string;
  limit: number;
  offset?: number;
}

export interface FactCounts {
  corroborated: number;
  singleSource: number;
  disputed: number;
}

export interface StorySummary {
  id: string;
  title: string;
  articleCount: number;
  outletCount: number;
  outlets: string[];
  firstPublished: string | null;
  lastPublished: string | null;
  facts: FactCounts;
  /** True when articles joined (or left) after the story's facts were computed. */
  stale: boolean;
}

export type SearchKind = 'article' | 'story' | 'fact';

export interface SearchOptions {
  limit: number;
  /** Which kinds to search; all three by default. */
  kinds?: readonly SearchKind[];
  /** Markers put around matched words in the snippet; default ['[', ']']. */
  highlight?: readonly [string, string];
}

export interface SearchHit {
  kind: SearchKind;
  /** The article, story or fact id. */
  id: string;
  /** The story the hit belongs to (the story itself for a story hit), or null for an unassigned article. */
  storyId: string | null;
  /** Article or story title; the fact's summary for a fact. */
  title: string | null;
  /** A few words around the match, matched words between the highlight markers. */
  snippet: string;
  /** Relevance within its kind; lower is better (bm25-like). */
  rank: number;
}

/** One line per article in `export`: the queryable fields, no layers. */
export interface ArticleRecord {
  id: string;
  contentHash: string;
  uri: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  lang: string | null;
  storyId: string | null;
}

export interface StoryRecord extends StorySummary {
  articleIds: string[];
}

export interface FactRecord {
  storyId: string;
  id: string;
  status: FactStatus;
  independentOrigins: number;
  articleIds: string[];
  summary: string;
  /** Each member's words (Evidence) and stance, and the conflicts with both sides quoted (issue #15). */
  members: FactMember[];
  conflicts: Conflict[];
}

/**
 * What the incremental clusterer indexes per article. Keys are opaque to the store:
 * terms (normalised words), entities (canonical ids) and bands (MinHash LSH band keys).
 */
export interface Fingerprint {
  terms: readonly string[];
  entities: readonly string[];
  /** MinHash signature (uint32 values), kept for the clusterer's exact comparison. */
  minhash: readonly number[];
  /** LSH band keys of the signature; articles sharing a band are near duplicates. */
  bands?: readonly string[];
  /**
   * The article's publication (as stored), set by `getFingerprints`: a fingerprint read back
   * must be held to the same time window as one the clusterer kept in memory, or a worker that
   * reads it and the process that remembered it would place an article differently.
   */
  publishedAt?: string | null;
}

export interface CandidateQuery {
  terms?: readonly string[];
  entities?: readonly string[];
  bands?: readonly string[];
  /** Only articles published in [since, until] count (ISO 8601); no bound when absent. */
  since?: string;
  until?: string;
  /** How many stories to return. */
  limit: number;
  /**
   * Most postings read per key (the most recent ones in the window), so that a common key
   * cannot make one lookup scan the whole corpus. Default in the implementation.
   */
  perKey?: number;
}

export interface Candidate {
  storyId: string;
  /** Weighted count of shared keys (see CANDIDATE_WEIGHTS). */
  score: number;
  /** Member articles that matched, by number of shared keys. */
  articleIds: string[];
}

/** A story's new membership in an ingest batch: the story is created (stale, no facts yet) when it does not exist. */
export interface Assignment {
  storyId: string;
  /** Title for a story created here (the analysis replaces it later). */
  title: string;
  articleIds: readonly string[];
}

/**
 * An article as a store writes it: the queryable fields, the text, and the whole article as
 * JSON with its text left empty (`toStore` in rows.ts makes it). Ingest makes it on the worker
 * thread that analyzed the article, so that the thread that owns the database receives a few
 * strings instead of an object graph of thousands of small objects (deserialising that graph
 * and writing it out as JSON again was 0.2 ms per article of the serial part of an ingest).
 */
export interface ArticleToStore extends Omit<ArticleRecord, 'storyId'> {
  text: string;
  /**
   * JSON.stringify of the Article with `text: ''` (the text is stored once, in its column), and
   * each evidence's text and article id left as 0 where they can be rebuilt (rows.ts, REBUILT).
   */
  doc: string;
}

/**
 * One ingest batch, written in ONE transaction so that a kill at any moment leaves either all
 * of it or none: the new articles, their fingerprints, and their story membership. Stories
 * whose membership changed are marked stale (their facts are recomputed later, from
 * `staleStories`); a story left with no article is deleted (merged away).
 */
export interface IngestBatch {
  articles: readonly ArticleToStore[];
  fingerprints: readonly { articleId: string; fingerprint: Fingerprint }[];
  assignments: readonly Assignment[];
  /** Opaque clusterer state saved with the batch (e.g. the document-frequency sketch), by key. */
  state?: Readonly<Record<string, Uint8Array>>;
  /** Increments of the clusterer's document-frequency counters, added to the stored ones (see SketchCounts). */
  sketch?: SketchCounts;
}

/**
 * The clusterer's document-frequency sketch as rows: (bucket, count) pairs and the number of
 * documents counted. In an IngestBatch they are increments, added in the batch's transaction
 * (so concurrent writers never lose each other's counts); from `getSketch` they are totals.
 */
export interface SketchCounts {
  documents: number;
  counts: readonly (readonly [number, number])[];
}

export interface StoreStats {
  schemaVersion: number;
  articles: number;
  stories: number;
  facts: number;
  /** Articles in no story yet. */
  unassigned: number;
  fingerprints: number;
  staleStories: number;
}

/**
 * The store's roles, each a small port: a consumer asks for the role it needs (the clusterer a
 * CandidateIndex, a listing a StoryReader), so that what a piece of code can touch is in its
 * signature. `Store` is all of them, as each database implements it (sqlite/, postgres/) and the
 * one contract suite (contract.ts) checks it.
 */

/** Articles by content: write once (idempotent by content hash), read back exactly. */
export interface ArticleStore {
  /** Stores new articles in one transaction; idempotent by contentHash (tests and tools; ingest writes through commitBatch). */
  putArticles(articles: readonly Article[]): Promise<PutArticlesResult>;
  /** Which of these content hashes are stored (so ingest can skip the work for them). */
  hasContent(hashes: readonly string[]): Promise<Set<string>>;
  getArticle(id: string): Promise<Article | null>;
  /** The stored articles among these ids, in the order given. */
  getArticles(ids: readonly string[]): Promise<Article[]>;
  /** The story id of each stored article among these ids. */
  storyOf(articleIds: readonly string[]): Promise<Map<string, string | null>>;
}

/** Stories: their documents (facts, reuse, origins), listings and staleness (collection/lifecycle.ts owns the life). */
export interface StoryStore {
  /** Writes stories (facts, reuse, membership replaced) and removes `options.remove`, all in one transaction. */
  putStories(stories: readonly Story[], options?: PutStoriesOptions): Promise<void>;
  putStory(story: Story, options?: PutStoriesOptions): Promise<void>;
  /** Moves articles into an existing story (out of any other), marking the stories touched stale (tests; ingest assigns through commitBatch). */
  assignArticles(storyId: string, articleIds: readonly string[]): Promise<AssignResult>;
  getStory(id: string): Promise<Story | null>;
  listStories(options: ListStoriesOptions): Promise<StorySummary[]>;
  /** Stories whose membership changed since their facts were computed, oldest change first. */
  staleStories(limit: number): Promise<string[]>;
  /**
   * One page of the story list just after `options.after` (keyset pagination: the cost of a
   * page does not grow with its depth), with the cursor of the next page when one follows.
   */
  pageStories(options: StoryPageOptions): Promise<StoryPageResult>;
  /** The listing summaries of these stories (no facts or documents read); missing ids are left out. */
  storySummaries(ids: readonly string[]): Promise<Map<string, StorySummary>>;
  /**
   * The version of one story: it changes with every write of the story (document, facts,
   * membership, staleness) and is never given twice, even to a story deleted and made again
   * under the same id; null when there is no such story.
   */
  storyStamp(id: string): Promise<string | null>;
}

/** What the one clusterer (stories/group) reads: fingerprints, candidates from the postings, document frequencies, story sizes. */
export interface CandidateIndex {
  getFingerprints(articleIds: readonly string[]): Promise<Map<string, Fingerprint>>;
  /**
   * Stories whose articles share keys with each query (an ingest batch's articles), best first,
   * in query order, each posting list read once per distinct (key, window); cost bounded by keys x perKey.
   */
  candidateStoriesMany(queries: readonly CandidateQuery[]): Promise<Candidate[][]>;
  /** The stored document-frequency counters (non-zero ones), or null when none were ever stored. */
  getSketch(): Promise<SketchCounts | null>;
  /** A value saved with `commitBatch`'s `state` (or `putState`), or null. */
  getState(key: string): Promise<Uint8Array | null>;
  storySummaries(ids: readonly string[]): Promise<Map<string, StorySummary>>;
  getStory(id: string): Promise<Story | null>;
}

/** The candidate index's single-query and direct writes: tests and the store bench (ingest goes through commitBatch). */
export interface CandidateIndexTools {
  /** Replaces an article's fingerprint and its postings. The article must be stored. */
  putFingerprints(entries: readonly { articleId: string; fingerprint: Fingerprint }[]): Promise<void>;
  /** Stories whose articles share keys with the query, best first; cost bounded by keys x perKey. */
  candidateStories(query: CandidateQuery): Promise<Candidate[]>;
  putState(key: string, value: Uint8Array): Promise<void>;
}

/** The one write of an ingest batch (collection/batch.ts). */
export interface BatchWriter {
  /**
   * Writes an ingest batch in one transaction (see IngestBatch). Fingerprints and assignments
   * of articles that were not inserted (duplicates, id conflicts) are skipped.
   */
  commitBatch(batch: IngestBatch): Promise<PutArticlesResult>;
}

/** Full-text search over article titles and texts, story titles and fact summaries. */
export interface SearchIndex {
  search(query: string, options: SearchOptions): Promise<SearchHit[]>;
  /** Full-text search, one page after `options.after`, in the total order (rank, kind, id). */
  searchPage(query: string, options: SearchPageOptions): Promise<SearchPageResult>;
}

/** Streamed in storage order; never holds all rows in memory. */
export interface ExportSource {
  exportArticles(): AsyncIterable<ArticleRecord>;
  exportStories(): AsyncIterable<StoryRecord>;
  exportFacts(): AsyncIterable<FactRecord>;
}

/** The database as a whole. */
export interface StoreAdmin {
  /**
   * A value that changes whenever anything stored may have changed, by this connection or by
   * another process (caches compare it before answering). Read it BEFORE reading the data it
   * guards: a change in between then only costs a needless refresh.
   */
  changeMark(): Promise<string>;
  stats(): Promise<StoreStats>;
  /** Problems found by the database's own consistency checks; empty when all is well. */
  checkIntegrity(): Promise<string[]>;
  close(): Promise<void>;
}

export interface Store extends ArticleStore, StoryStore, CandidateIndex, CandidateIndexTools, BatchWriter, SearchIndex, ExportSource, StoreAdmin {}

/**
 * How much one shared key counts towards a candidate's score. An entity says more about the
 * event than a word; a shared LSH band means near-identical text. Set by hand, to be tuned by
 * the clusterer's evaluation (basil triplets).
 */
export const CANDIDATE_WEIGHTS = { entity: 3, term: 1, band: 5 } as const;

/** Separator between a posting key's kind letter and its value (cannot occur in either). */
export const KEY_SEP = '\u0001';

/** The posting keys a candidate query reads, each with its weight (CANDIDATE_WEIGHTS), in query order. */
export function queryKeyWeights(query: CandidateQuery): Map<string, number> {
  const weightOf = new Map<string, number>();
  const lists: [readonly string[] | undefined, keyof typeof CANDIDATE_WEIGHTS][] = [
    [query.entities, 'entity'],
    [query.terms, 'term'],
    [query.bands, 'band'],
  ];
  for (const [values, kind] of lists) for (const value of values ?? []) weightOf.set(`${kind[0]}${KEY_SEP}${value}`, CANDIDATE_WEIGHTS[kind]);
  return weightOf;
}

/** Postings read per key by default (most recent first). */
export const DEFAULT_POSTINGS_PER_KEY = 500;

/** Where a page of the story list starts: just after the story with this sort key and id. */
export interface StoryCursor {
  /** The sort key of the last story shown: its time key (newest; null when undated) or its article count (largest). */
  key: string | number | null;
  id: string;
}

export interface StoryPageOptions extends Omit<ListStoriesOptions, 'offset'> {
  /** The previous page's `next`; absent for the first page. */
  after?: StoryCursor;
}

export interface StoryPageResult {
  stories: StorySummary[];
  /** The cursor after the last story, when more stories follow; else null. */
  next: StoryCursor | null;
}

/** Where a page of search hits starts: just after this hit in the order (rank, kind, id). */
export interface SearchCursor {
  rank: number;
  kind: SearchKind;
  id: string;
}

export interface SearchPageOptions extends SearchOptions {
  after?: SearchCursor;
}

export interface SearchPageResult {
  hits: SearchHit[];
  next: SearchCursor | null;
}

/** How search hits of equal rank are ordered by kind (stories first, then facts, then articles). */
export const SEARCH_KIND_ORDER: Readonly<Record<SearchKind, number>> = { story: 0, fact: 1, article: 2 };
