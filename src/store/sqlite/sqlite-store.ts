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
  CANDIDATE_WEIGHTS,
  DEFAULT_POSTINGS_PER_KEY,
  type ArticleRecord,
  type AssignResult,
  type Candidate,
  type CandidateQuery,
  type FactRecord,
  type Fingerprint,
  type IngestBatch,
  type ListStoriesOptions,
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
import { toRecord, toSummary, type ArticleRecordRow, type StorySummaryRow } from '../rows.js';
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
/** Separator between a posting key's kind and its value (cannot occur in either). */
const KEY_SEP = '\u0001';

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

export class SqliteStore implements Store {
  readonly path: string;
  readonly schemaVersion: number;
  private readonly db: Database.Database;
  private readonly s: ReturnType<typeof prepare>;

  constructor(db: Database.Database, path: string, schemaVersion: number) {
    this.db = db;
    this.path = path;
    this.schemaVersion = schemaVersion;
    this.s = prepare(db);
  }

  async putArticles(articles: readonly Article[]): Promise<PutArticlesResult> {
    return this.guard(() => this.db.transaction(() => this.insertArticles(articles)).immediate());
  }

  async commitBatch(batch: IngestBatch): Promise<PutArticlesResult> {
    return this.guard(() =>
      this.db.transaction(() => {
        const result = this.insertArticles(batch.articles);
        const inserted = new Set(result.inserted);
        this.writeFingerprints(batch.fingerprints.filter((f) => inserted.has(f.articleId)));
        const touched = new Set<string>();
        const now = Date.now();
        for (const a of batch.assignments) {
          if (this.s.storyDoc.get(a.storyId) === undefined) {
            const stub: Story = { id: a.storyId, title: a.title, articleIds: [], outlets: [], firstPublished: null, lastPublished: null, origins: [], facts: [], reuse: [], coverage: [] };
            this.s.upsertStory.run(storyColumns(stub));
          }
          touched.add(a.storyId);
          for (const id of a.articleIds) {
            const row = this.s.articleMembership.get(id) as { story_id: string | null } | undefined;
            if (!row || row.story_id === a.storyId) continue;
            if (row.story_id !== null) touched.add(row.story_id);
            this.s.setStory.run(a.storyId, id);
          }
        }
        for (const id of touched) this.refreshMembership(id, now);
        for (const [key, value] of Object.entries(batch.state ?? {})) this.s.putState.run(key, Buffer.from(value.buffer, value.byteOffset, value.byteLength));
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

  /** Inserts the articles whose content is new (inside the caller's transaction). */
  private insertArticles(articles: readonly Article[]): PutArticlesResult {
    const result: PutArticlesResult = { inserted: [], duplicates: [], conflicts: [] };
    for (const a of articles) {
      if (this.s.articleByHash.get(a.contentHash) !== undefined) result.duplicates.push(a.id);
      else if (this.s.articleSeq.get(a.id) !== undefined) result.conflicts.push(a.id);
      else {
        const { lastInsertRowid } = this.s.insertArticle.run({
          id: a.id,
          content_hash: a.contentHash,
          uri: a.uri,
          url: a.url,
          outlet: a.outlet,
          title: a.title,
          byline: a.byline,
          published_at: a.publishedAt,
          time_key: timeKey(a.publishedAt),
          lang: a.lang,
        });
        // The text is stored once, in its column; the placeholder keeps the key's place.
        this.s.insertBody.run(lastInsertRowid, a.text, JSON.stringify({ ...a, text: '' }));
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
          for (const articleId of story.articleIds) {
            const row = this.s.articleMembership.get(articleId) as { story_id: string | null } | undefined;
            if (row?.story_id != null && !written.has(row.story_id)) leftBehind.add(row.story_id);
            this.s.setStory.run(story.id, articleId);
          }
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
        if (this.s.storyDoc.get(storyId) === undefined) throw new Error(`assignArticles: no story ${storyId}`);
        const result: AssignResult = { assigned: [], missing: [] };
        const touched = new Set<string>();
        for (const id of articleIds) {
          const row = this.s.articleMembership.get(id) as { story_id: string | null } | undefined;
          if (!row) {
            result.missing.push(id);
            continue;
          }
          if (row.story_id !== storyId) {
            if (row.story_id !== null) touched.add(row.story_id);
            touched.add(storyId);
            this.s.setStory.run(storyId, id);
          }
          result.assigned.push(id);
        }
        for (const id of touched) this.refreshMembership(id);
        return result;
      }).immediate(),
    );
  }

  async getStory(id: string): Promise<Story | null> {
    return this.guard(() => {
      const row = this.s.storyDoc.get(id) as { doc: string } | undefined;
      if (!row) return null;
      const story = JSON.parse(row.doc) as Story;
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
      articleIds: (JSON.parse(row.doc) as Story).articleIds,
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
    }));
  }

  async putFingerprints(entries: readonly { articleId: string; fingerprint: Fingerprint }[]): Promise<void> {
    return this.guard(() => this.db.transaction(() => this.writeFingerprints(entries)).immediate());
  }

  private writeFingerprints(entries: readonly { articleId: string; fingerprint: Fingerprint }[]): void {
    for (const { articleId, fingerprint: fp } of entries) {
      const row = this.s.articleTime.get(articleId) as { seq: number; time_key: string | null } | undefined;
      if (!row) throw new Error(`putFingerprints: no stored article ${articleId}`);
      this.s.deletePostings.run(row.seq);
      const bands = fp.bands ?? [];
      this.s.upsertFingerprint.run({
        article_seq: row.seq,
        terms: JSON.stringify(fp.terms),
        entities: JSON.stringify(fp.entities),
        bands: JSON.stringify(bands),
        minhash: Buffer.from(Uint32Array.from(fp.minhash).buffer),
      });
      const time = row.time_key ?? '';
      for (const key of postingKeys(fp.entities, fp.terms, bands)) this.s.insertPosting.run(key, time, row.seq);
    }
  }

  async getFingerprints(articleIds: readonly string[]): Promise<Map<string, Fingerprint>> {
    return this.guard(() => {
      const out = new Map<string, Fingerprint>();
      for (const id of articleIds) {
        const row = this.s.fingerprint.get(id) as { terms: string; entities: string; bands: string; minhash: Buffer } | undefined;
        if (!row) continue;
        const words = new Uint32Array(row.minhash.buffer, row.minhash.byteOffset, row.minhash.byteLength / 4);
        out.set(id, {
          terms: JSON.parse(row.terms) as string[],
          entities: JSON.parse(row.entities) as string[],
          minhash: Array.from(words),
          bands: JSON.parse(row.bands) as string[],
        });
      }
      return out;
    });
  }

  async candidateStories(query: CandidateQuery): Promise<Candidate[]> {
    return this.guard(() => {
      const lo = query.since === undefined ? '' : sinceKey(query.since);
      const hi = query.until === undefined ? '\uffff' : untilKey(query.until);
      const perKey = query.perKey ?? DEFAULT_POSTINGS_PER_KEY;
      // Per article: the keys it shares with the query (each posting list read once, bounded).
      const keysOf = new Map<number, string[]>();
      const weightOf = new Map<string, number>();
      const lists: [readonly string[] | undefined, keyof typeof CANDIDATE_WEIGHTS][] = [
        [query.entities, 'entity'],
        [query.terms, 'term'],
        [query.bands, 'band'],
      ];
      for (const [values, kind] of lists) {
        for (const value of new Set(values ?? [])) {
          const key = `${kind[0]}${KEY_SEP}${value}`;
          weightOf.set(key, CANDIDATE_WEIGHTS[kind]);
          for (const { article_seq } of this.s.postings.all(key, lo, hi, perKey) as { article_seq: number }[]) {
            const keys = keysOf.get(article_seq);
            if (keys) keys.push(key);
            else keysOf.set(article_seq, [key]);
          }
        }
      }
      const byStory = new Map<string, { keys: Set<string>; articles: { id: string; n: number }[] }>();
      for (const [seq, keys] of keysOf) {
        const row = this.s.articleBySeq.get(seq) as { id: string; story_id: string | null } | undefined;
        if (!row || row.story_id === null) continue;
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

  /** Recomputes a story's members, outlets and dates from its articles after some moved; deletes it when none are left. */
  private refreshMembership(storyId: string, now = Date.now()): void {
    const row = this.s.storyDoc.get(storyId) as { doc: string } | undefined;
    if (!row) return;
    const members = this.s.members.all(storyId) as { id: string; outlet: string | null; published_at: string | null; time_key: string | null }[];
    if (members.length === 0) {
      this.s.deleteStory.run(storyId);
      return;
    }
    const story = JSON.parse(row.doc) as Story;
    const memberIds = new Set(members.map((m) => m.id));
    const kept = story.articleIds.filter((id) => memberIds.has(id));
    const keptSet = new Set(kept);
    story.articleIds = [...kept, ...members.filter((m) => !keptSet.has(m.id)).map((m) => m.id)];
    const memberOutlets = new Set(members.flatMap((m) => (m.outlet === null ? [] : [m.outlet])));
    const outlets = story.outlets.filter((o) => memberOutlets.has(o));
    for (const o of memberOutlets) if (!outlets.includes(o)) outlets.push(o);
    story.outlets = outlets;
    // members come ordered by time_key, unknown dates first.
    const dated = members.filter((m) => m.time_key !== null);
    story.firstPublished = dated[0]?.published_at ?? null;
    story.lastPublished = dated[dated.length - 1]?.published_at ?? null;
    this.s.updateMembership.run({ ...storyColumns(story), stale_since: now });
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
    articleMembership: db.prepare('SELECT story_id FROM articles WHERE id = ?'),
    insertArticle: db.prepare(`INSERT INTO articles (id, content_hash, uri, url, outlet, title, byline, published_at, time_key, lang)
      VALUES (@id, @content_hash, @uri, @url, @outlet, @title, @byline, @published_at, @time_key, @lang)`),
    insertBody: db.prepare('INSERT INTO article_bodies (seq, text, doc) VALUES (?, ?, ?)'),
    members: db.prepare('SELECT id, outlet, published_at, time_key FROM articles WHERE story_id = ? ORDER BY time_key, seq'),
    setStory: db.prepare('UPDATE articles SET story_id = ? WHERE id = ?'),
    clearMembers: db.prepare('UPDATE articles SET story_id = NULL WHERE story_id = ?'),

    upsertStory: db.prepare(`INSERT INTO stories (id, title, article_count, outlet_count, outlets, first_published, last_published, first_key, last_key, corroborated, single_source, disputed, stale_since, doc)
      VALUES (@id, @title, @article_count, @outlet_count, @outlets, @first_published, @last_published, @first_key, @last_key, @corroborated, @single_source, @disputed, NULL, @doc)
      ON CONFLICT (id) DO UPDATE SET title = excluded.title, article_count = excluded.article_count, outlet_count = excluded.outlet_count,
        outlets = excluded.outlets, first_published = excluded.first_published, last_published = excluded.last_published,
        first_key = excluded.first_key, last_key = excluded.last_key, corroborated = excluded.corroborated,
        single_source = excluded.single_source, disputed = excluded.disputed, stale_since = NULL, doc = excluded.doc`),
    updateMembership: db.prepare(`UPDATE stories SET article_count = @article_count, outlet_count = @outlet_count, outlets = @outlets,
      first_published = @first_published, last_published = @last_published, first_key = @first_key, last_key = @last_key,
      stale_since = COALESCE(stale_since, @stale_since), doc = @doc WHERE id = @id`),
    deleteStory: db.prepare('DELETE FROM stories WHERE id = ?'),
    storyDoc: db.prepare('SELECT doc FROM stories WHERE id = ?'),
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
    exportStories: db.prepare(`SELECT ${STORY_SUMMARY_COLUMNS}, doc FROM stories WHERE seq > ? ORDER BY seq LIMIT ?`),
    exportFacts: db.prepare('SELECT seq, story_id, id, status, independent_origins, article_ids, summary FROM facts WHERE seq > ? ORDER BY seq LIMIT ?'),

    deletePostings: db.prepare('DELETE FROM postings WHERE article_seq = ?'),
    insertPosting: db.prepare('INSERT OR IGNORE INTO postings (key, time_key, article_seq) VALUES (?, ?, ?)'),
    upsertFingerprint: db.prepare(`INSERT INTO fingerprints (article_seq, terms, entities, bands, minhash) VALUES (@article_seq, @terms, @entities, @bands, @minhash)
      ON CONFLICT (article_seq) DO UPDATE SET terms = excluded.terms, entities = excluded.entities, bands = excluded.bands, minhash = excluded.minhash`),
    fingerprint: db.prepare('SELECT f.terms, f.entities, f.bands, f.minhash FROM fingerprints f JOIN articles a ON a.seq = f.article_seq WHERE a.id = ?'),
    postings: db.prepare('SELECT article_seq FROM postings WHERE key = ? AND time_key >= ? AND time_key <= ? ORDER BY time_key DESC LIMIT ?'),

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
    // Facts are rows of their own; the placeholder keeps the key's place in the JSON.
    doc: JSON.stringify({ ...story, facts: [] }),
  };
}

function postingKeys(entities: readonly string[], terms: readonly string[], bands: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const e of entities) keys.add(`e${KEY_SEP}${e}`);
  for (const t of terms) keys.add(`t${KEY_SEP}${t}`);
  for (const b of bands) keys.add(`b${KEY_SEP}${b}`);
  return keys;
}

function toArticle(row: { text: string; doc: string }): Article {
  const article = JSON.parse(row.doc) as Article;
  article.text = row.text;
  return article;
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
