/**
 * The Store on one SQLite file (better-sqlite3): WAL journal with synchronous=NORMAL (a crash
 * loses at most the last transactions, never consistency), foreign keys on, a busy timeout,
 * statements prepared once, and one transaction per batch. better-sqlite3 is synchronous; the
 * async methods only give the PostgreSQL implementation the same shape.
 */
import Database from 'better-sqlite3';
import type { Article, Fact, Story } from '../../model/index.js';
import { StoreError } from '../errors.js';
import { sinceKey, timeKey, untilKey } from '../time-key.js';
import {
  type ArticleToStore,
  KEY_SEP,
  queryKeyWeights,
  DEFAULT_POSTINGS_PER_KEY,
  type ArticleRecord,
  type AssignResult,
  type Candidate,
  type CandidateQuery,
  type FactRecord,
  type Fingerprint,
  type IngestBatch,
  type SketchCounts,
  type ListStoriesOptions,
  SEARCH_KIND_ORDER,
  type SearchPageOptions,
  type SearchPageResult,
  type StoryCursor,
  type StoryPageOptions,
  type StoryPageResult,
  type PutArticlesResult,
  type PutStoriesOptions,
  type SearchHit,
  type SearchKind,
  type SearchOptions,
  type Store,
  type StoreStats,
  type StoryRecord,
  type StorySummary,
} from '../store.js';
import { factEvidence, fromStored, toRecord, toStore, toSummary, type ArticleRecordRow, type StorySummaryRow } from '../rows.js';
import { migrate } from './migrate.js';
import { toMatchQuery } from './fts-query.js';

export interface SqliteStoreOptions {
  /** How long a write waits for another process's lock before CC603, in ms. */
  busyTimeoutMs?: number;
}

/** Rows read per page by the exports (keyset pagination: memory stays flat, the connection free). */
const EXPORT_PAGE = 1000;
/** Words of context around a match in search snippets. */
const SNIPPET_TOKENS = 12;
/** Weight of a title match against a body match in article search (bm25 column weights). */
const TITLE_WEIGHT = 5;
/** Characters of a time key that name its posting month ('2017-11'; schema version 5). */
const MONTH_CHARS = 7;
/**
 * Rows written by one INSERT of a batch's postings (~48k) or sketch counters (~20k): 50-100 rows
 * a statement cost 20-25% less CPU than one at a time on a batch's sorted postings (in memory,
 * 10 batches); 200 gained less.
 */
const ROWS_PER_INSERT = 64;
/** The sketch row that holds the number of documents counted (buckets are >= 0). */
const SKETCH_DOCUMENTS = -1;

/** The posting lists of keys within a window [lo, hi], at most perKey postings each, most recent first. */
type PostingReader = (keys: readonly string[], lo: string, hi: string, perKey: number) => PostingRow[][];

/** A posting read with its article's id and story. */
interface PostingRow {
  seq: number;
  id: string;
  story_id: string | null;
}

interface ArticleRow extends ArticleRecordRow {
  seq: number;
}

interface StoryRow extends StorySummaryRow {
  seq: number;
  stale_since: number | null;
  doc: string;
}

interface FactRow {
  seq: number;
  story_id: string;
  id: string;
  status: Fact['status'];
  independent_origins: number;
  article_ids: string;
  summary: string;
  doc: string;
}

const ARTICLE_RECORD_COLUMNS = 'seq, id, content_hash, uri, url, outlet, title, byline, published_at, lang, story_id';
const STORY_SUMMARY_COLUMNS = 'seq, id, title, article_count, outlet_count, outlets, first_published, last_published, corroborated, single_source, disputed, stale_since';

/** An article's row number and time key (`fresh`: inserted by the transaction at hand). */
interface ArticleTimeRow {
  seq: number;
  time_key: string | null;
  fresh?: boolean;
}

export class SqliteStore implements Store {
  readonly path: string;
  readonly schemaVersion: number;
  /** The connection, for ports of their own on the same file (versions.ts). */
  readonly db: Database.Database;
  private readonly s: ReturnType<typeof prepare>;
  /** The web app's reads (keyset pages, summaries, change marks), prepared apart from the rest. */
  private readonly r: ReturnType<typeof prepareReads>;

  constructor(db: Database.Database, path: string, schemaVersion: number) {
    this.db = db;
    this.path = path;
    this.schemaVersion = schemaVersion;
    this.s = prepare(db);
    this.r = prepareReads(db);
  }

  async putArticles(articles: readonly Article[]): Promise<PutArticlesResult> {
    return this.guard(() => this.db.transaction(() => this.insertArticles(articles.map(toStore))).immediate());
  }

  async commitBatch(batch: IngestBatch): Promise<PutArticlesResult> {
    return this.guard(() =>
      this.db.transaction(() => {
        // The rows inserted, by id: their fingerprints go in without a lookup of the row each.
        const rows = new Map<string, ArticleTimeRow>();
        const result = this.insertArticles(batch.articles, rows);
        this.writeFingerprints(batch.fingerprints.filter((f) => rows.has(f.articleId)), rows);
        for (const a of batch.assignments) {
          if (this.s.storyExists.get(a.storyId) === undefined) {
            const stub: Story = { id: a.storyId, title: a.title, articleIds: [], outlets: [], firstPublished: null, lastPublished: null, origins: [], facts: [], reuse: [], coverage: [] };
            this.s.upsertStory.run(storyColumns(stub));
          }
        }
        this.moveMembers(batch.assignments, Date.now());
        for (const [key, value] of Object.entries(batch.state ?? {})) this.s.putState.run(key, Buffer.from(value.buffer, value.byteOffset, value.byteLength));
        if (batch.sketch && batch.sketch.documents > 0) {
          this.s.addSketch.run(SKETCH_DOCUMENTS, batch.sketch.documents);
          // Many counters a statement, as the postings (a batch moves ~20k of them).
          const add = new GroupedInsert(this.s.addSketches, this.s.addSketch, 2);
          for (const [bucket, n] of batch.sketch.counts) add.add2(bucket, n);
          add.flush();
        }
        return result;
      }).immediate(),
    );
  }

  async getState(key: string): Promise<Uint8Array | null> {
    return this.guard(() => {
      const row = this.s.getState.get(key) as { value: Buffer } | undefined;
      return row ? new Uint8Array(row.value) : null;
    });
  }

  async putState(key: string, value: Uint8Array): Promise<void> {
    return this.guard(() => {
      this.s.putState.run(key, Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    });
  }

  /** Inserts the articles whose content is new (inside the caller's transaction); `rows` gets the row of each. */
  private insertArticles(articles: readonly ArticleToStore[], rows?: Map<string, ArticleTimeRow>): PutArticlesResult {
    const result: PutArticlesResult = { inserted: [], duplicates: [], conflicts: [] };
    for (const a of articles) {
      if (this.s.articleByHash.get(a.contentHash) !== undefined) result.duplicates.push(a.id);
      else if (this.s.articleSeq.get(a.id) !== undefined) result.conflicts.push(a.id);
      else {
        const time = timeKey(a.publishedAt);
        const { lastInsertRowid } = this.s.insertArticle.run({
          id: a.id,
          content_hash: a.contentHash,
          uri: a.uri,
          url: a.url,
          outlet: a.outlet,
          title: a.title,
          byline: a.byline,
          published_at: a.publishedAt,
          time_key: time,
          lang: a.lang,
        });
        rows?.set(a.id, { seq: Number(lastInsertRowid), time_key: time, fresh: true });
        // The text is stored once, in its column (the document has it as '').
        this.s.insertBody.run(lastInsertRowid, a.text, a.doc);
        result.inserted.push(a.id);
      }
    }
    return result;
  }

  async hasContent(hashes: readonly string[]): Promise<Set<string>> {
    return this.guard(() => {
      const found = new Set<string>();
      for (const h of hashes) if (this.s.articleByHash.get(h) !== undefined) found.add(h);
      return found;
    });
  }

  async getArticle(id: string): Promise<Article | null> {
    return this.guard(() => {
      const row = this.s.articleById.get(id) as { text: string; doc: string } | undefined;
      return row ? toArticle(row) : null;
    });
  }

  async getArticles(ids: readonly string[]): Promise<Article[]> {
    return this.guard(() => {
      const out: Article[] = [];
      for (const id of ids) {
        const row = this.s.articleById.get(id) as { text: string; doc: string } | undefined;
        if (row) out.push(toArticle(row));
      }
      return out;
    });
  }

  async storyOf(articleIds: readonly string[]): Promise<Map<string, string | null>> {
    return this.guard(() => {
      const out = new Map<string, string | null>();
      for (const id of articleIds) {
        const row = this.s.articleMembership.get(id) as { story_id: string | null } | undefined;
        if (row) out.set(id, row.story_id);
      }
      return out;
    });
  }

  async putStory(story: Story, options: PutStoriesOptions = {}): Promise<void> {
    return this.putStories([story], options);
  }

  async putStories(stories: readonly Story[], options: PutStoriesOptions = {}): Promise<void> {
    return this.guard(() =>
      this.db.transaction(() => {
        for (const id of options.remove ?? []) this.s.deleteStory.run(id);
        const written = new Set(stories.map((s) => s.id));
        const leftBehind = new Set<string>();
        for (const story of stories) {
          this.s.upsertStory.run(storyColumns(story));
          this.s.clearMembers.run(story.id);
          // Each member at its place in the list (an id given twice keeps its first place).
          const placed = new Set<string>();
          for (const articleId of story.articleIds) {
            if (placed.has(articleId)) continue;
            placed.add(articleId);
            const row = this.s.articleMembership.get(articleId) as MemberRow | undefined;
            if (row?.story_id != null && !written.has(row.story_id)) leftBehind.add(row.story_id);
            this.s.setStory.run(story.id, placed.size - 1, articleId);
          }
          this.s.setNextOrd.run(placed.size, story.id);
          this.s.deleteFacts.run(story.id);
          story.facts.forEach((fact, ord) => {
            this.s.insertFact.run({
              story_id: story.id,
              ord,
              id: fact.id,
              status: fact.status,
              independent_origins: fact.independentOrigins,
              article_ids: JSON.stringify(fact.articleIds),
              summary: fact.summary,
              doc: JSON.stringify(fact),
            });
          });
        }
        // Stories that lost articles to the ones written (and were not written themselves).
        for (const id of leftBehind) this.refreshMembership(id);
      }).immediate(),
    );
  }

  async assignArticles(storyId: string, articleIds: readonly string[]): Promise<AssignResult> {
    return this.guard(() =>
      this.db.transaction(() => {
        if (this.s.storyExists.get(storyId) === undefined) throw new Error(`assignArticles: no story ${storyId}`);
        const result: AssignResult = { assigned: [], missing: [] };
        for (const id of articleIds) (this.s.articleSeq.get(id) === undefined ? result.missing : result.assigned).push(id);
        this.moveMembers([{ storyId, articleIds: result.assigned }], Date.now());
        return result;
      }).immediate(),
    );
  }

  async getStory(id: string): Promise<Story | null> {
    return this.guard(() => {
      const row = this.s.storyWhole.get(id) as StoryWholeRow | undefined;
      if (!row) return null;
      const story = withMembership(row, this.s.memberIds.all(id) as string[]);
      // Assigning in place keeps the key where the placeholder held it (byte-for-byte round trip).
      story.facts = (this.s.factDocs.all(id) as { doc: string }[]).map((f) => JSON.parse(f.doc) as Fact);
      return story;
    });
  }

  async listStories(options: ListStoriesOptions): Promise<StorySummary[]> {
    return this.guard(() => {
      const params = {
        since: options.since === undefined ? null : sinceKey(options.since),
        until: options.until === undefined ? null : untilKey(options.until),
        outlet: options.outlet ?? null,
        limit: options.limit,
        offset: options.offset ?? 0,
      };
      const stmt = options.order === 'largest' ? this.s.listLargest : this.s.listNewest;
      return (stmt.all(params) as StoryRow[]).map((r) => toSummary(r, r.stale_since !== null));
    });
  }

  async staleStories(limit: number): Promise<string[]> {
    return this.guard(() => (this.s.stale.all(limit) as { id: string }[]).map((r) => r.id));
  }

  async search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    const match = toMatchQuery(query);
    if (match === null || options.limit <= 0) return [];
    const kinds = new Set<SearchKind>(options.kinds ?? ['article', 'story', 'fact']);
    const [open, close] = options.highlight ?? ['[', ']'];
    return this.guard(() => {
      const params = { match, open, close, limit: options.limit, tokens: SNIPPET_TOKENS };
      const hits: SearchHit[] = [];
      if (kinds.has('story')) for (const r of this.s.searchStories.all(params) as HitRow[]) hits.push(toHit('story', r));
      if (kinds.has('fact')) for (const r of this.s.searchFacts.all(params) as HitRow[]) hits.push(toHit('fact', r));
      if (kinds.has('article')) for (const r of this.s.searchArticles.all(params) as HitRow[]) hits.push(toHit('article', r));
      return hits.sort((a, b) => a.rank - b.rank).slice(0, options.limit);
    });
  }

  exportArticles(): AsyncIterable<ArticleRecord> {
    return this.pages(this.s.exportArticles, (r: ArticleRow) => toRecord(r));
  }

  exportStories(): AsyncIterable<StoryRecord> {
    return this.pages(this.s.exportStories, (row: StoryRow) => ({
      ...toSummary(row, row.stale_since !== null),
      articleIds: this.s.memberIds.all(row.id) as string[],
    }));
  }

  exportFacts(): AsyncIterable<FactRecord> {
    return this.pages(this.s.exportFacts, (row: FactRow) => ({
      storyId: row.story_id,
      id: row.id,
      status: row.status,
      independentOrigins: row.independent_origins,
      articleIds: JSON.parse(row.article_ids) as string[],
      summary: row.summary,
      ...factEvidence(row.doc),
    }));
  }

  async putFingerprints(entries: readonly { articleId: string; fingerprint: Fingerprint }[]): Promise<void> {
    return this.guard(() => this.db.transaction(() => this.writeFingerprints(entries)).immediate());
  }

  /** `known`: rows of the entries' articles already at hand (commitBatch: those it just inserted), read otherwise. */
  private writeFingerprints(entries: readonly { articleId: string; fingerprint: Fingerprint }[], known?: ReadonlyMap<string, ArticleTimeRow>): void {
    // The postings of all the entries, inserted in the index's order: a batch's ~40k postings one
    // article after the other jump between distant leaves at every row; in key order each insert
    // lands next to the previous one (on the development dump's store, 4k articles: the inserts of
    // a batch 150-185 -> 110-120 ms CPU, sorting included). The rows written are the same.
    // Grouped by month and key, whose distinct values are sorted by the built-in string order (a
    // comparator call per pair of ~40k postings was a third of this function's CPU); a key's few
    // postings then by time and article.
    const byMonth = new Map<string, Map<string, [string, number][]>>();
    const written = new Set<number>();
    for (const { articleId, fingerprint: fp } of entries) {
      const row = known?.get(articleId) ?? (this.s.articleTime.get(articleId) as ArticleTimeRow | undefined);
      if (!row) throw new Error(`putFingerprints: no stored article ${articleId}`);
      const time = row.time_key ?? '';
      const month = time.slice(0, MONTH_CHARS);
      // The postings of the fingerprint replaced, by their whole key (an article's time never changes).
      // A row inserted by this transaction has none before its first entry here (a row number used
      // again after a delete had its fingerprint deleted with its article: ON DELETE CASCADE).
      const first = row.fresh === true && !written.has(row.seq);
      written.add(row.seq);
      const old = first ? undefined : (this.s.fingerprintKeys.get(row.seq) as { terms: string; entities: string; bands: string } | undefined);
      if (old) for (const key of postingKeys(JSON.parse(old.entities) as string[], JSON.parse(old.terms) as string[], JSON.parse(old.bands) as string[])) this.s.deletePosting.run(month, key, time, row.seq);
      const bands = fp.bands ?? [];
      this.s.upsertFingerprint.run({
        article_seq: row.seq,
        terms: JSON.stringify(fp.terms),
        entities: JSON.stringify(fp.entities),
        bands: JSON.stringify(bands),
        minhash: Buffer.from(Uint32Array.from(fp.minhash).buffer),
      });
      let byKey = byMonth.get(month);
      if (!byKey) byMonth.set(month, (byKey = new Map()));
      for (const key of postingKeys(fp.entities, fp.terms, bands)) {
        const list = byKey.get(key);
        if (list) list.push([time, row.seq]);
        else byKey.set(key, [[time, row.seq]]);
      }
    }
    // ROWS_PER_INSERT rows a statement: each run's binding and crossing into SQLite was a fifth
    // of the inserts' cost, one posting at a time.
    const insert = new GroupedInsert(this.s.insertPostings, this.s.insertPosting, 4);
    for (const month of [...byMonth.keys()].sort()) {
      const byKey = byMonth.get(month) as Map<string, [string, number][]>;
      for (const key of [...byKey.keys()].sort()) {
        const list = byKey.get(key) as [string, number][];
        if (list.length > 1) list.sort(byTimeAndSeq);
        for (const [time, seq] of list) insert.add4(month, key, time, seq);
      }
    }
    insert.flush();
  }

  async getFingerprints(articleIds: readonly string[]): Promise<Map<string, Fingerprint>> {
    return this.guard(() => {
      const out = new Map<string, Fingerprint>();
      for (const id of articleIds) {
        const row = this.s.fingerprint.get(id) as { terms: string; entities: string; bands: string; minhash: Buffer; published_at: string | null } | undefined;
        if (!row) continue;
        const words = new Uint32Array(row.minhash.buffer, row.minhash.byteOffset, row.minhash.byteLength / 4);
        out.set(id, {
          terms: JSON.parse(row.terms) as string[],
          entities: JSON.parse(row.entities) as string[],
          minhash: Array.from(words),
          bands: JSON.parse(row.bands) as string[],
          publishedAt: row.published_at,
        });
      }
      return out;
    });
  }

  async candidateStories(query: CandidateQuery): Promise<Candidate[]> {
    return this.guard(() => this.findCandidates(query, this.postingReader()));
  }

  async candidateStoriesMany(queries: readonly CandidateQuery[]): Promise<Candidate[][]> {
    return this.guard(() => {
      const read = this.postingReader();
      return queries.map((q) => this.findCandidates(q, read));
    });
  }

  /**
   * Reads bounded posting lists, each (key, window) once per reader, with the id and story of
   * each article met (a reader lives for one call: nothing is written meanwhile). A list is read
   * from the months of its window, newest first (a month's time keys all sort after those of the
   * months before it; a shorter key, '2017' or '', is a month of its own), so that the index
   * stops at `perKey` postings. The keys of one query are first probed together, and only those
   * with postings in the window are read: most band keys belong to one article only, and a
   * statement per key cost more than the lookups themselves.
   */
  private postingReader(): PostingReader {
    const windows = new Map<string, { months: string[]; json: string; lists: Map<string, PostingRow[]> }>();
    const articles = new Map<number, PostingRow | null>();
    let months: string[] | null = null;
    const allMonths = (): string[] => {
      if (months === null) {
        months = [];
        for (let m = this.s.monthBefore.get('\uffff') as string | undefined; m !== undefined; m = this.s.monthBefore.get(m) as string | undefined) months.push(m);
      }
      return months;
    };
    return (keys, lo, hi, perKey) => {
      const w = `${lo}\u0000${hi}\u0000${perKey}`;
      let win = windows.get(w);
      if (!win) {
        // Month m holds m itself (when shorter than MONTH_CHARS) or keys that start with it.
        const inWindow = allMonths().filter((m) => m <= hi && (m.length < MONTH_CHARS ? m >= lo : m >= lo.slice(0, MONTH_CHARS)));
        windows.set(w, (win = { months: inWindow, json: JSON.stringify(inWindow), lists: new Map() }));
      }
      const { lists } = win;
      const unread = keys.filter((k) => !lists.has(k));
      if (unread.length > 0) {
        const { months, json } = win;
        // A window within one month (most are) reads it without the list of months.
        const one = months.length === 1 ? months[0] : undefined;
        const found = new Set(
          (one === undefined
            ? this.s.keysWithPostingsInMonths.all({ months: json, lo, hi, keys: JSON.stringify(unread) })
            : this.s.keysWithPostingsInMonth.all({ month: one, lo, hi, keys: JSON.stringify(unread) })) as string[],
        );
        for (const key of unread) {
          const rows: PostingRow[] = [];
          if (found.has(key)) {
            const seqs = one === undefined ? this.s.postingsOfMonths.all({ months: json, key, lo, hi, limit: perKey }) : this.s.postingsOfMonth.all({ month: one, key, lo, hi, limit: perKey });
            for (const seq of seqs as number[]) {
              let row = articles.get(seq);
              if (row === undefined) {
                const a = this.s.articleBySeq.get(seq) as { id: string; story_id: string | null } | undefined;
                articles.set(seq, (row = a ? { seq, id: a.id, story_id: a.story_id } : null));
              }
              if (row) rows.push(row);
            }
          }
          lists.set(key, rows);
        }
      }
      return keys.map((k) => lists.get(k) ?? []);
    };
  }

  private findCandidates(query: CandidateQuery, read: PostingReader): Candidate[] {
    const lo = query.since === undefined ? '' : sinceKey(query.since);
    const hi = query.until === undefined ? '\uffff' : untilKey(query.until);
    const perKey = query.perKey ?? DEFAULT_POSTINGS_PER_KEY;
    const weightOf = queryKeyWeights(query);
    const keys = [...weightOf.keys()];
    const found = read(keys, lo, hi, perKey);
    // Per article: the keys it shares with the query (each posting list read once, bounded).
    const keysOf = new Map<number, { row: PostingRow; keys: string[] }>();
    keys.forEach((key, i) => {
      for (const row of found[i] ?? []) {
        const entry = keysOf.get(row.seq);
        if (entry) entry.keys.push(key);
        else keysOf.set(row.seq, { row, keys: [key] });
      }
    });
    const byStory = new Map<string, { keys: Set<string>; articles: { id: string; n: number }[] }>();
    for (const { row, keys } of keysOf.values()) {
      if (row.story_id === null) continue;
      let entry = byStory.get(row.story_id);
      if (!entry) byStory.set(row.story_id, (entry = { keys: new Set(), articles: [] }));
      for (const k of keys) entry.keys.add(k);
      entry.articles.push({ id: row.id, n: keys.length });
    }
    const candidates: Candidate[] = [];
    for (const [storyId, { keys, articles }] of byStory) {
      let score = 0;
      for (const k of keys) score += weightOf.get(k) ?? 0;
      articles.sort((a, b) => b.n - a.n || (a.id < b.id ? -1 : 1));
      candidates.push({ storyId, score, articleIds: articles.map((a) => a.id) });
    }
    candidates.sort((a, b) => b.score - a.score || (a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : 0));
    return candidates.slice(0, query.limit);
  }

  async getSketch(): Promise<SketchCounts | null> {
    return this.guard(() => {
      const rows = this.s.sketchRows.raw().all() as [number, number][];
      if (rows.length === 0) return null;
      const documents = rows[0]?.[0] === SKETCH_DOCUMENTS ? (rows.shift()?.[1] ?? 0) : 0;
      return { documents, counts: rows };
    });
  }

  async pageStories(options: StoryPageOptions): Promise<StoryPageResult> {
    return this.guard(() => {
      const filters = {
        since: options.since === undefined ? null : sinceKey(options.since),
        until: options.until === undefined ? null : untilKey(options.until),
        outlet: options.outlet ?? null,
      };
      const want = options.limit + 1;
      const after = options.after;
      let rows: PageRow[];
      if (options.order === 'largest') {
        rows = after
          ? (this.r.largestAfter.all({ ...filters, key: Number(after.key), id: after.id, limit: want }) as PageRow[])
          : (this.r.largestFirst.all({ ...filters, limit: want }) as PageRow[]);
      } else {
        // Dated stories newest first, then the undated ones (NULL sorts last), by id.
        rows = [];
        if (!after) rows = this.r.newestFirst.all({ ...filters, limit: want }) as PageRow[];
        else if (after.key !== null) rows = this.r.newestAfter.all({ ...filters, key: String(after.key), id: after.id, limit: want }) as PageRow[];
        if (rows.length < want && filters.since === null && filters.until === null) {
          const from = after && after.key === null ? after.id : '';
          rows.push(...(this.r.undatedAfter.all({ outlet: filters.outlet, id: from, limit: want - rows.length }) as PageRow[]));
        }
      }
      const shown = rows.slice(0, options.limit);
      const last = shown[shown.length - 1];
      const next: StoryCursor | null = rows.length > options.limit && last ? { key: options.order === 'largest' ? last.article_count : last.last_key, id: last.id } : null;
      return { stories: shown.map((r) => toSummary(r, r.stale_since !== null)), next };
    });
  }

  async searchPage(query: string, options: SearchPageOptions): Promise<SearchPageResult> {
    const match = toMatchQuery(query);
    if (match === null || options.limit <= 0) return { hits: [], next: null };
    const kinds = new Set<SearchKind>(options.kinds ?? ['article', 'story', 'fact']);
    const [open, close] = options.highlight ?? ['[', ']'];
    const after = options.after;
    return this.guard(() => {
      const hits: SearchHit[] = [];
      for (const kind of ['story', 'fact', 'article'] as const) {
        if (!kinds.has(kind)) continue;
        const params = {
          match, open, close, limit: options.limit + 1, tokens: SNIPPET_TOKENS,
          rank: after?.rank ?? null,
          // Within an equal rank: kinds after the cursor's all follow it; of the same kind, the larger ids.
          later: after ? Number(SEARCH_KIND_ORDER[kind] > SEARCH_KIND_ORDER[after.kind]) : 1,
          same: after ? Number(kind === after.kind) : 0,
          id: after?.id ?? '',
        };
        const stmt = kind === 'story' ? this.r.searchStories : kind === 'fact' ? this.r.searchFacts : this.r.searchArticles;
        for (const r of stmt.all(params) as HitRow[]) hits.push(toHit(kind, r));
      }
      hits.sort(compareHits);
      const shown = hits.slice(0, options.limit);
      const last = shown[shown.length - 1];
      return { hits: shown, next: hits.length > options.limit && last ? { rank: last.rank, kind: last.kind, id: last.id } : null };
    });
  }

  async storySummaries(ids: readonly string[]): Promise<Map<string, StorySummary>> {
    return this.guard(() => {
      const out = new Map<string, StorySummary>();
      for (const id of ids) {
        const row = this.r.summary.get(id) as StoryRow | undefined;
        if (row) out.set(id, toSummary(row, row.stale_since !== null));
      }
      return out;
    });
  }

  async changeMark(): Promise<string> {
    // data_version moves with other connections' commits, total_changes() with this one's.
    return this.guard(() => {
      const r = this.r.changeMark.get() as { v: number; n: number };
      return `${r.v}:${r.n}`;
    });
  }

  async storyStamp(id: string): Promise<string | null> {
    // The row's version (schema 4): the next number of one counter at every write of the story.
    return this.guard(() => {
      const row = this.r.stamp.get(id) as { version: number } | undefined;
      return row ? String(row.version) : null;
    });
  }

  async stats(): Promise<StoreStats> {
    return this.guard(() => {
      const r = this.s.stats.get() as Omit<StoreStats, 'schemaVersion'>;
      return { schemaVersion: this.schemaVersion, ...r };
    });
  }

  async checkIntegrity(): Promise<string[]> {
    return this.guard(() => {
      const problems: string[] = [];
      for (const r of this.db.pragma('integrity_check') as { integrity_check: string }[]) {
        if (r.integrity_check !== 'ok') problems.push(`integrity_check: ${r.integrity_check}`);
      }
      for (const r of this.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) {
        problems.push(`foreign key: ${r.table} row ${r.rowid} points to a missing ${r.parent}`);
      }
      for (const fts of ['articles_fts', 'stories_fts', 'facts_fts']) {
        try {
          this.db.prepare(`INSERT INTO ${fts}(${fts}, rank) VALUES ('integrity-check', 1)`).run();
        } catch (e) {
          problems.push(`${fts}: ${(e as Error).message}`);
        }
      }
      return problems;
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /**
   * Moves articles into stories (out of any other) and brings the stories touched up to date,
   * inside the caller's transaction. The joined members take the next places of their story, in
   * the members' order (by time, unknown first, then as stored), as a refresh would list them.
   */
  private moveMembers(assignments: readonly { storyId: string; articleIds: readonly string[] }[], now: number): void {
    const touched = new Set<string>();
    const lost = new Set<string>(); // stories that an article left
    const joined = new Map<string, MemberRow[]>();
    for (const a of assignments) {
      touched.add(a.storyId);
      for (const id of a.articleIds) {
        const row = this.s.articleMembership.get(id) as MemberRow | undefined;
        if (!row || row.story_id === a.storyId) continue;
        if (row.story_id !== null) {
          touched.add(row.story_id);
          lost.add(row.story_id);
        }
        this.s.setStory.run(a.storyId, null, id);
        const list = joined.get(a.storyId);
        if (list) list.push(row);
        else joined.set(a.storyId, [row]);
      }
    }
    for (const [storyId, rows] of joined) {
      rows.sort(byMemberOrder);
      let next = (this.s.nextOrd.get(storyId) as number | undefined) ?? 0;
      // An article moved twice in one call sits in the last story it was given (the first one
      // lost it then, and is refreshed).
      const placed = rows.filter((m) => this.s.placeMember.run(next, m.id, storyId).changes > 0 && ++next > 0);
      this.s.setNextOrd.run(next, storyId);
      joined.set(storyId, placed);
    }
    for (const id of touched) if (lost.has(id) || !this.growMembership(id, joined.get(id) ?? [], now)) this.refreshMembership(id, now);
  }

  /**
   * What refreshMembership writes for a story that only gained articles, from its listing
   * columns and the joined members alone: a long-running story is touched by most batches, and
   * reading its members (or a document listing them) each time made the cost per article grow
   * with the story (clustering stage 1M/10k 1.93). The columns are a refresh's own once the story
   * is stale (every membership write since its last put went through here or refreshMembership);
   * a fresh story's are as its analysis put them, which need not be (its outlets in another
   * order, say): then it returns false and the story is refreshed in full, once.
   */
  private growMembership(storyId: string, joined: readonly MemberRow[], now: number): boolean {
    const row = this.s.storyListing.get(storyId) as { article_count: number; outlets: string; stale_since: number | null } | undefined;
    if (!row || row.stale_since === null) return false;
    const outlets = JSON.parse(row.outlets) as string[];
    // joined is in the members' order (moveMembers sorted it): new outlets come in that order.
    for (const m of joined) if (m.outlet !== null && !outlets.includes(m.outlet)) outlets.push(m.outlet);
    const firstPublished = (this.s.firstDated.get(storyId) as string | null | undefined) ?? null;
    const lastPublished = (this.s.lastDated.get(storyId) as string | null | undefined) ?? null;
    this.s.updateMembership.run({ id: storyId, ...membershipColumns(row.article_count + joined.length, outlets, firstPublished, lastPublished), stale_since: now });
    return true;
  }

  /** Recomputes a story's member count, outlets and dates from its articles after some moved; deletes it when none are left. */
  private refreshMembership(storyId: string, now = Date.now()): void {
    const row = this.s.storyListing.get(storyId) as { outlets: string } | undefined;
    if (!row) return;
    const members = this.s.members.all(storyId) as MemberRow[];
    if (members.length === 0) {
      this.s.deleteStory.run(storyId);
      return;
    }
    const memberOutlets = new Set(members.flatMap((m) => (m.outlet === null ? [] : [m.outlet])));
    const outlets = (JSON.parse(row.outlets) as string[]).filter((o) => memberOutlets.has(o));
    for (const o of memberOutlets) if (!outlets.includes(o)) outlets.push(o);
    // members come ordered by time_key, unknown dates first.
    const dated = members.filter((m) => m.time_key !== null);
    this.s.updateMembership.run({
      id: storyId,
      ...membershipColumns(members.length, outlets, dated[0]?.published_at ?? null, dated[dated.length - 1]?.published_at ?? null),
      stale_since: now,
    });
  }

  /** Keyset pagination as an async iterable: one page in memory, no statement left open between pages. */
  private pages<R extends { seq: number }, T>(stmt: Database.Statement, map: (row: R) => T): AsyncIterable<T> {
    const self = this;
    return {
      async *[Symbol.asyncIterator]() {
        let after = 0;
        for (;;) {
          const rows = self.guard(() => stmt.all(after, EXPORT_PAGE) as R[]);
          for (const row of rows) yield map(row);
          const last = rows[rows.length - 1];
          if (!last || rows.length < EXPORT_PAGE) return;
          after = last.seq;
        }
      },
    };
  }

  /** Turns SQLite's failures the user can act on into coded StoreErrors. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw translate(e, this.path);
    }
  }
}

export function translate(e: unknown, uri: string): unknown {
  if (!(e instanceof Database.SqliteError)) return e;
  const code = e.code;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new StoreError('CC603', `${uri} is locked by another process (${e.message})`, { uri, cause: e });
  if (code === 'SQLITE_NOTADB') return new StoreError('CC602', `${uri} is not an SQLite database`, { uri, cause: e });
  if (/^SQLITE_(CANTOPEN|READONLY|IOERR|FULL|PERM|CORRUPT)/.test(code)) return new StoreError('CC604', `${uri}: ${e.message}`, { uri, cause: e });
  return e;
}

function prepare(db: Database.Database) {
  return {
    articleByHash: db.prepare('SELECT id FROM articles WHERE content_hash = ?'),
    articleSeq: db.prepare('SELECT seq FROM articles WHERE id = ?'),
    articleTime: db.prepare('SELECT seq, time_key FROM articles WHERE id = ?'),
    articleBySeq: db.prepare('SELECT id, story_id FROM articles WHERE seq = ?'),
    articleById: db.prepare('SELECT b.text, b.doc FROM articles a JOIN article_bodies b ON b.seq = a.seq WHERE a.id = ?'),
    articleMembership: db.prepare('SELECT seq, id, story_id, outlet, published_at, time_key FROM articles WHERE id = ?'),
    insertArticle: db.prepare(`INSERT INTO articles (id, content_hash, uri, url, outlet, title, byline, published_at, time_key, lang)
      VALUES (@id, @content_hash, @uri, @url, @outlet, @title, @byline, @published_at, @time_key, @lang)`),
    insertBody: db.prepare('INSERT INTO article_bodies (seq, text, doc) VALUES (?, ?, ?)'),
    members: db.prepare('SELECT seq, id, story_id, outlet, published_at, time_key FROM articles WHERE story_id = ? ORDER BY time_key, seq'),
    // A story's member list: by place (schema 7), an article placed before there were places last.
    memberIds: db.prepare('SELECT id FROM articles WHERE story_id = ? ORDER BY story_ord IS NULL, story_ord, time_key, seq').pluck(),
    setStory: db.prepare('UPDATE articles SET story_id = ?, story_ord = ? WHERE id = ?'),
    placeMember: db.prepare('UPDATE articles SET story_ord = ? WHERE id = ? AND story_id = ?'),
    nextOrd: db.prepare('SELECT next_ord FROM stories WHERE id = ?').pluck(),
    setNextOrd: db.prepare('UPDATE stories SET next_ord = ? WHERE id = ?'),
    // The ends of a story's dated members, from the index alone (growMembership).
    firstDated: db.prepare('SELECT published_at FROM articles WHERE story_id = ? AND time_key IS NOT NULL ORDER BY time_key, seq LIMIT 1').pluck(),
    lastDated: db.prepare('SELECT published_at FROM articles WHERE story_id = ? AND time_key IS NOT NULL ORDER BY time_key DESC, seq DESC LIMIT 1').pluck(),
    clearMembers: db.prepare('UPDATE articles SET story_id = NULL WHERE story_id = ?'),

    upsertStory: db.prepare(`INSERT INTO stories (id, title, article_count, outlet_count, outlets, first_published, last_published, first_key, last_key, corroborated, single_source, disputed, stale_since, doc)
      VALUES (@id, @title, @article_count, @outlet_count, @outlets, @first_published, @last_published, @first_key, @last_key, @corroborated, @single_source, @disputed, NULL, @doc)
      ON CONFLICT (id) DO UPDATE SET title = excluded.title, article_count = excluded.article_count, outlet_count = excluded.outlet_count,
        outlets = excluded.outlets, first_published = excluded.first_published, last_published = excluded.last_published,
        first_key = excluded.first_key, last_key = excluded.last_key, corroborated = excluded.corroborated,
        single_source = excluded.single_source, disputed = excluded.disputed, stale_since = NULL, doc = excluded.doc`),
    updateMembership: db.prepare(`UPDATE stories SET article_count = @article_count, outlet_count = @outlet_count, outlets = @outlets,
      first_published = @first_published, last_published = @last_published, first_key = @first_key, last_key = @last_key,
      stale_since = COALESCE(stale_since, @stale_since) WHERE id = @id`),
    deleteStory: db.prepare('DELETE FROM stories WHERE id = ?'),
    storyWhole: db.prepare('SELECT outlets, first_published, last_published, doc FROM stories WHERE id = ?'),
    storyListing: db.prepare('SELECT article_count, outlets, stale_since FROM stories WHERE id = ?'),
    // Existence only: an analyzed story's document can be large, and a batch asks for each story it touches.
    storyExists: db.prepare('SELECT 1 FROM stories WHERE id = ?').pluck(),
    deleteFacts: db.prepare('DELETE FROM facts WHERE story_id = ?'),
    insertFact: db.prepare(`INSERT INTO facts (story_id, ord, id, status, independent_origins, article_ids, summary, doc)
      VALUES (@story_id, @ord, @id, @status, @independent_origins, @article_ids, @summary, @doc)`),
    factDocs: db.prepare('SELECT doc FROM facts WHERE story_id = ? ORDER BY ord'),
    listNewest: db.prepare(listSql('last_key DESC, id')),
    listLargest: db.prepare(listSql('article_count DESC, id')),
    stale: db.prepare('SELECT id FROM stories WHERE stale_since IS NOT NULL ORDER BY stale_since, id LIMIT ?'),

    searchArticles: db.prepare(`SELECT a.id AS id, a.story_id AS story_id, a.title AS title,
        snippet(articles_fts, -1, @open, @close, '…', @tokens) AS snippet, bm25(articles_fts, ${TITLE_WEIGHT}, 1.0) AS rank
      FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
      WHERE articles_fts MATCH @match ORDER BY rank LIMIT @limit`),
    searchStories: db.prepare(`SELECT s.id AS id, s.id AS story_id, s.title AS title,
        snippet(stories_fts, 0, @open, @close, '…', @tokens) AS snippet, bm25(stories_fts) AS rank
      FROM stories_fts JOIN stories s ON s.seq = stories_fts.rowid
      WHERE stories_fts MATCH @match ORDER BY rank LIMIT @limit`),
    searchFacts: db.prepare(`SELECT f.id AS id, f.story_id AS story_id, f.summary AS title,
        snippet(facts_fts, 0, @open, @close, '…', @tokens) AS snippet, bm25(facts_fts) AS rank
      FROM facts_fts JOIN facts f ON f.seq = facts_fts.rowid
      WHERE facts_fts MATCH @match ORDER BY rank LIMIT @limit`),

    exportArticles: db.prepare(`SELECT ${ARTICLE_RECORD_COLUMNS} FROM articles WHERE seq > ? ORDER BY seq LIMIT ?`),
    exportStories: db.prepare(`SELECT ${STORY_SUMMARY_COLUMNS} FROM stories WHERE seq > ? ORDER BY seq LIMIT ?`),
    exportFacts: db.prepare('SELECT seq, story_id, id, status, independent_origins, article_ids, summary, doc FROM facts WHERE seq > ? ORDER BY seq LIMIT ?'),

    deletePosting: db.prepare('DELETE FROM postings WHERE month = ? AND key = ? AND time_key = ? AND article_seq = ?'),
    fingerprintKeys: db.prepare('SELECT terms, entities, bands FROM fingerprints WHERE article_seq = ?'),
    insertPosting: db.prepare('INSERT OR IGNORE INTO postings (month, key, time_key, article_seq) VALUES (?, ?, ?, ?)'),
    insertPostings: db.prepare(`INSERT OR IGNORE INTO postings (month, key, time_key, article_seq) VALUES ${Array(ROWS_PER_INSERT).fill('(?, ?, ?, ?)').join(', ')}`),
    upsertFingerprint: db.prepare(`INSERT INTO fingerprints (article_seq, terms, entities, bands, minhash) VALUES (@article_seq, @terms, @entities, @bands, @minhash)
      ON CONFLICT (article_seq) DO UPDATE SET terms = excluded.terms, entities = excluded.entities, bands = excluded.bands, minhash = excluded.minhash`),
    fingerprint: db.prepare('SELECT f.terms, f.entities, f.bands, f.minhash, a.published_at FROM fingerprints f JOIN articles a ON a.seq = f.article_seq WHERE a.id = ?'),
    // Ordered by the month first, so that the index gives the rows in order (newest month first) and stops at the limit.
    postingsOfMonths: db
      .prepare(`SELECT article_seq FROM postings WHERE month IN (SELECT value FROM json_each(@months)) AND key = @key AND time_key >= @lo AND time_key <= @hi
        ORDER BY month DESC, time_key DESC, article_seq DESC LIMIT @limit`)
      .pluck(),
    postingsOfMonth: db
      .prepare('SELECT article_seq FROM postings WHERE month = @month AND key = @key AND time_key >= @lo AND time_key <= @hi ORDER BY time_key DESC, article_seq DESC LIMIT @limit')
      .pluck(),
    keysWithPostingsInMonth: db
      .prepare('SELECT value FROM json_each(@keys) k WHERE EXISTS (SELECT 1 FROM postings WHERE month = @month AND key = k.value AND time_key >= @lo AND time_key <= @hi)')
      .pluck(),
    keysWithPostingsInMonths: db
      .prepare(`SELECT value FROM json_each(@keys) k
        WHERE EXISTS (SELECT 1 FROM postings WHERE month IN (SELECT value FROM json_each(@months)) AND key = k.value AND time_key >= @lo AND time_key <= @hi)`)
      .pluck(),
    monthBefore: db.prepare('SELECT month FROM postings WHERE month < ? ORDER BY month DESC LIMIT 1').pluck(),
    sketchRows: db.prepare('SELECT bucket, count FROM sketch ORDER BY bucket'),
    addSketch: db.prepare('INSERT INTO sketch (bucket, count) VALUES (?, ?) ON CONFLICT (bucket) DO UPDATE SET count = count + excluded.count'),
    addSketches: db.prepare(`INSERT INTO sketch (bucket, count) VALUES ${Array(ROWS_PER_INSERT).fill('(?, ?)').join(', ')} ON CONFLICT (bucket) DO UPDATE SET count = count + excluded.count`),

    getState: db.prepare('SELECT value FROM state WHERE key = ?'),
    putState: db.prepare('INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),

    stats: db.prepare(`SELECT
        (SELECT COUNT(*) FROM articles) AS articles,
        (SELECT COUNT(*) FROM stories) AS stories,
        (SELECT COUNT(*) FROM facts) AS facts,
        (SELECT COUNT(*) FROM articles WHERE story_id IS NULL) AS unassigned,
        (SELECT COUNT(*) FROM fingerprints) AS fingerprints,
        (SELECT COUNT(*) FROM stories WHERE stale_since IS NOT NULL) AS staleStories`),
  };
}

interface PageRow extends StoryRow {
  last_key: string | null;
}

/** Hits in the search pages' total order: rank, then kind, then id. */
function compareHits(a: SearchHit, b: SearchHit): number {
  return a.rank - b.rank || SEARCH_KIND_ORDER[a.kind] - SEARCH_KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Keyset pages of the story list walk the indexes stories_newest (last_key DESC, id) and
 * stories_largest (article_count DESC, id) from the cursor on: `key <= @key` is the range the
 * index seeks to, `(key < @key OR id > @id)` drops the rows of the cursor's key already shown.
 */
function prepareReads(db: Database.Database) {
  const filters = `AND (@until IS NULL OR first_key <= @until)
      AND (@outlet IS NULL OR id IN (SELECT story_id FROM articles WHERE outlet = @outlet AND story_id IS NOT NULL))`;
  const columns = `${STORY_SUMMARY_COLUMNS}, last_key`;
  const keyset = (kind: 'story' | 'fact' | 'article', rank: string): string =>
    `AND (@rank IS NULL OR ${rank} > @rank OR (${rank} = @rank AND (@later = 1 OR (@same = 1 AND ${kind === 'fact' ? 'f.id' : kind === 'story' ? 's.id' : 'a.id'} > @id))))`;
  const articleRank = `bm25(articles_fts, ${TITLE_WEIGHT}, 1.0)`;
  return {
    newestFirst: db.prepare(`SELECT ${columns} FROM stories WHERE last_key >= coalesce(@since, '') ${filters} ORDER BY last_key DESC, id LIMIT @limit`),
    newestAfter: db.prepare(`SELECT ${columns} FROM stories
      WHERE last_key <= @key AND (last_key < @key OR id > @id) AND last_key >= coalesce(@since, '') ${filters}
      ORDER BY last_key DESC, id LIMIT @limit`),
    undatedAfter: db.prepare(`SELECT ${columns} FROM stories
      WHERE last_key IS NULL AND id > @id
        AND (@outlet IS NULL OR id IN (SELECT story_id FROM articles WHERE outlet = @outlet AND story_id IS NOT NULL))
      ORDER BY id LIMIT @limit`),
    largestFirst: db.prepare(`SELECT ${columns} FROM stories
      WHERE (@since IS NULL OR last_key >= @since) ${filters} ORDER BY article_count DESC, id LIMIT @limit`),
    largestAfter: db.prepare(`SELECT ${columns} FROM stories
      WHERE article_count <= @key AND (article_count < @key OR id > @id) AND (@since IS NULL OR last_key >= @since) ${filters}
      ORDER BY article_count DESC, id LIMIT @limit`),
    summary: db.prepare(`SELECT ${STORY_SUMMARY_COLUMNS} FROM stories WHERE id = ?`),
    changeMark: db.prepare('SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS n'),
    stamp: db.prepare('SELECT version FROM stories WHERE id = ?'),
    searchArticles: db.prepare(`SELECT a.id AS id, a.story_id AS story_id, a.title AS title,
        snippet(articles_fts, -1, @open, @close, '…', @tokens) AS snippet, ${articleRank} AS rank
      FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
      WHERE articles_fts MATCH @match ${keyset('article', articleRank)} ORDER BY rank, a.id LIMIT @limit`),
    searchStories: db.prepare(`SELECT s.id AS id, s.id AS story_id, s.title AS title,
        snippet(stories_fts, 0, @open, @close, '…', @tokens) AS snippet, bm25(stories_fts) AS rank
      FROM stories_fts JOIN stories s ON s.seq = stories_fts.rowid
      WHERE stories_fts MATCH @match ${keyset('story', 'bm25(stories_fts)')} ORDER BY rank, s.id LIMIT @limit`),
    searchFacts: db.prepare(`SELECT f.id AS id, f.story_id AS story_id, f.summary AS title,
        snippet(facts_fts, 0, @open, @close, '…', @tokens) AS snippet, bm25(facts_fts) AS rank
      FROM facts_fts JOIN facts f ON f.seq = facts_fts.rowid
      WHERE facts_fts MATCH @match ${keyset('fact', 'bm25(facts_fts)')} ORDER BY rank, f.id LIMIT @limit`),
  };
}

function listSql(order: string): string {
  return `SELECT ${STORY_SUMMARY_COLUMNS} FROM stories
    WHERE (@since IS NULL OR last_key >= @since)
      AND (@until IS NULL OR first_key <= @until)
      AND (@outlet IS NULL OR id IN (SELECT story_id FROM articles WHERE outlet = @outlet AND story_id IS NOT NULL))
    ORDER BY ${order} LIMIT @limit OFFSET @offset`;
}

function storyColumns(story: Story) {
  let corroborated = 0;
  let singleSource = 0;
  let disputed = 0;
  for (const f of story.facts) {
    if (f.status === 'corroborated') corroborated++;
    else if (f.status === 'single-source') singleSource++;
    else disputed++;
  }
  return {
    id: story.id,
    title: story.title,
    article_count: story.articleIds.length,
    outlet_count: story.outlets.length,
    outlets: JSON.stringify(story.outlets),
    first_published: story.firstPublished,
    last_published: story.lastPublished,
    first_key: timeKey(story.firstPublished),
    last_key: timeKey(story.lastPublished),
    corroborated,
    single_source: singleSource,
    disputed,
    // Facts are rows of their own, members are their articles' rows (in order, schema 7) and the
    // listing fields are columns: the placeholders keep the keys' places in the JSON.
    doc: JSON.stringify({ ...story, articleIds: [], facts: [] }),
  };
}

/** A member (or an article about to become one) as membership bookkeeping reads it. */
interface MemberRow {
  seq: number;
  id: string;
  story_id: string | null;
  outlet: string | null;
  published_at: string | null;
  time_key: string | null;
}

interface StoryWholeRow {
  outlets: string;
  first_published: string | null;
  last_published: string | null;
  doc: string;
}

/** The members' order: by time, unknown first, then as stored. */
function byMemberOrder(a: MemberRow, b: MemberRow): number {
  return a.time_key === b.time_key ? a.seq - b.seq : a.time_key === null ? -1 : b.time_key === null ? 1 : a.time_key < b.time_key ? -1 : 1;
}

function membershipColumns(articleCount: number, outlets: readonly string[], firstPublished: string | null, lastPublished: string | null) {
  return {
    article_count: articleCount,
    outlet_count: outlets.length,
    outlets: JSON.stringify(outlets),
    first_published: firstPublished,
    last_published: lastPublished,
    first_key: timeKey(firstPublished),
    last_key: timeKey(lastPublished),
  };
}

/**
 * A story as stored: its document, with the members (their rows, in order) and the listing
 * fields (the columns membership writes keep) in the placeholders' places. A document written
 * before schema 7 still lists its members; the rows are the list now.
 */
function withMembership(row: StoryWholeRow, memberIds: string[]): Story {
  const story = JSON.parse(row.doc) as Story;
  story.articleIds = memberIds;
  story.outlets = JSON.parse(row.outlets) as string[];
  story.firstPublished = row.first_published;
  story.lastPublished = row.last_published;
  return story;
}

/**
 * Rows given one at a time, written ROWS_PER_INSERT a statement (`many`), the rest one by one
 * (`one`), in the order given: the same rows as `one` for each.
 */
class GroupedInsert {
  private readonly args: (string | number)[];
  private filled = 0;

  constructor(
    private readonly many: Database.Statement,
    private readonly one: Database.Statement,
    private readonly width: number,
  ) {
    this.args = new Array(ROWS_PER_INSERT * width);
  }

  add2(a: string | number, b: string | number): void {
    const at = this.filled * 2;
    this.args[at] = a;
    this.args[at + 1] = b;
    if (++this.filled === ROWS_PER_INSERT) this.runMany();
  }

  add4(a: string | number, b: string | number, c: string | number, d: string | number): void {
    const at = this.filled * 4;
    this.args[at] = a;
    this.args[at + 1] = b;
    this.args[at + 2] = c;
    this.args[at + 3] = d;
    if (++this.filled === ROWS_PER_INSERT) this.runMany();
  }

  flush(): void {
    for (let r = 0; r < this.filled; r++) this.one.run(this.args.slice(r * this.width, (r + 1) * this.width));
    this.filled = 0;
  }

  private runMany(): void {
    this.many.run(this.args);
    this.filled = 0;
  }
}

/** The postings table's primary key order within one (month, key): time_key, article_seq. */
function byTimeAndSeq(a: readonly [string, number], b: readonly [string, number]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
}

function postingKeys(entities: readonly string[], terms: readonly string[], bands: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const e of entities) keys.add(`e${KEY_SEP}${e}`);
  for (const t of terms) keys.add(`t${KEY_SEP}${t}`);
  for (const b of bands) keys.add(`b${KEY_SEP}${b}`);
  return keys;
}

function toArticle(row: { text: string; doc: string }): Article {
  return fromStored(row.doc, row.text);
}

interface HitRow {
  id: string;
  story_id: string | null;
  title: string | null;
  snippet: string;
  rank: number;
}

function toHit(kind: SearchKind, r: HitRow): SearchHit {
  return { kind, id: r.id, storyId: r.story_id, title: r.title, snippet: r.snippet, rank: r.rank };
}
