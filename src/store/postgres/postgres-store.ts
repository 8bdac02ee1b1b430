/**
 * The Store on PostgreSQL (node-postgres): a pool of connections whose sessions see one
 * crosscheck schema, one transaction per batch (set-based statements over unnest arrays, so
 * a batch is a handful of round trips whatever its size), idempotency by content hash through
 * ON CONFLICT, full-text search on tsvector/GIN, the posting-list candidate index read with
 * one bounded LATERAL scan per key, and exports streamed through a server-side cursor.
 * Several processes may write at once: a transaction that deadlocks or fails to serialise is
 * run again (TRANSACTION_RETRIES).
 */
import type pg from 'pg';
import type { Article, Fact, Story } from '../../model/index.js';
import { sinceKey, timeKey, untilKey } from '../time-key.js';
import {
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
  type ArticleToStore,
} from '../store.js';
import { isRetryable, translate } from './connection.js';
import {
  MARK_CLOSE,
  MARK_OPEN,
  STORY_COLUMN_NAMES,
  STORY_SUMMARY_COLUMNS,
  bodyColumns,
  factColumns,
  storable,
  storableOrNull,
  storyColumns,
  withMembership,
  toArticle,
  toHit,
  type ArticleRow,
  type HitRow,
  type StoryRow,
} from './rows.js';
import { factEvidence, toRecord, toStore, toSummary } from '../rows.js';
import { TS_CONFIG } from './schema.js';
import { toTsQuery } from './ts-query.js';

/** Rows fetched per round trip by the exports' cursors. */
const EXPORT_PAGE = 1000;
/** Words of context in search snippets (ts_headline MaxWords / MinWords). */
const SNIPPET_WORDS = { max: 24, min: 8 };
/** Characters of an article's text put in its search vector (a tsvector is at most 1 MB). */
const SEARCH_TEXT_CHARS = 200_000;
/** Times a transaction that deadlocked or failed to serialise is run again. */
const TRANSACTION_RETRIES = 5;

export type Queryable = Pick<pg.PoolClient, 'query'>;

/** The sketch row that holds the number of documents counted (buckets are >= 0). */
const SKETCH_DOCUMENTS = -1;

export class PostgresStore implements Store {
  readonly uri: string;
  readonly schema: string;
  readonly schemaVersion: number;
  readonly pool: pg.Pool;
  private closed = false;

  constructor(pool: pg.Pool, uri: string, schema: string, schemaVersion: number) {
    this.pool = pool;
    this.uri = uri;
    this.schema = schema;
    this.schemaVersion = schemaVersion;
  }

  async putArticles(articles: readonly Article[]): Promise<PutArticlesResult> {
    return this.transaction((c) => insertArticles(c, articles.map(toStore)));
  }

  /** `also` runs in the same transaction, last (the queue marks its jobs done there: both or neither). */
  async commitBatch(batch: IngestBatch, also?: (c: Queryable) => Promise<void>): Promise<PutArticlesResult> {
    return this.transaction(async (c) => {
      const result = await insertArticles(c, batch.articles);
      const inserted = new Set(result.inserted);
      await writeFingerprints(c, batch.fingerprints.filter((f) => inserted.has(f.articleId)));
      const moves = new Membership();
      for (const a of batch.assignments) {
        const stub: Story = { id: a.storyId, title: a.title, articleIds: [], outlets: [], firstPublished: null, lastPublished: null, origins: [], facts: [], reuse: [], coverage: [] };
        // A no-op update of an existing story locks its row, so that a transaction about to delete
        // it as empty waits for the articles this one moves in (or this one recreates it).
        await c.query(`INSERT INTO stories (${STORY_COLUMN_NAMES}) VALUES (${placeholders(13)}) ON CONFLICT (id) DO UPDATE SET title = stories.title`, storyColumns(stub));
        moves.touched.add(a.storyId);
        moves.add(a.storyId, await moveArticles(c, a.storyId, a.articleIds));
      }
      await moves.settle(c, Date.now());
      for (const [key, value] of Object.entries(batch.state ?? {})) await putState(c, key, value);
      if (batch.sketch && batch.sketch.documents > 0) {
        // Increments, in bucket order (the documents row, -1, first): concurrent batches lock the rows they share in one order.
        const rowsIn = [[SKETCH_DOCUMENTS, batch.sketch.documents] as const, ...batch.sketch.counts].sort((a, b) => a[0] - b[0]);
        await c.query(
          `INSERT INTO sketch (bucket, count) SELECT * FROM unnest($1::int[], $2::bigint[])
           ON CONFLICT (bucket) DO UPDATE SET count = sketch.count + excluded.count`,
          [rowsIn.map((r) => r[0]), rowsIn.map((r) => r[1])],
        );
      }
      await also?.(c);
      return result;
    });
  }

  async getState(key: string): Promise<Uint8Array | null> {
    const { rows } = await this.query<{ value: Buffer }>('SELECT value FROM state WHERE key = $1', [key]);
    return rows[0] ? new Uint8Array(rows[0].value) : null;
  }

  async putState(key: string, value: Uint8Array): Promise<void> {
    await this.guard(() => putState(this.pool, key, value));
  }

  async hasContent(hashes: readonly string[]): Promise<Set<string>> {
    const { rows } = await this.query<{ content_hash: string }>('SELECT content_hash FROM articles WHERE content_hash = ANY($1::text[])', [hashes]);
    return new Set(rows.map((r) => r.content_hash));
  }

  async getArticle(id: string): Promise<Article | null> {
    return (await this.getArticles([id]))[0] ?? null;
  }

  async getArticles(ids: readonly string[]): Promise<Article[]> {
    const { rows } = await this.query<{ id: string; text: string; doc: string }>(
      'SELECT a.id, b.text, b.doc FROM articles a JOIN article_bodies b ON b.seq = a.seq WHERE a.id = ANY($1::text[])',
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toArticle(row)] : [];
    });
  }

  async storyOf(articleIds: readonly string[]): Promise<Map<string, string | null>> {
    const { rows } = await this.query<{ id: string; story_id: string | null }>('SELECT id, story_id FROM articles WHERE id = ANY($1::text[])', [articleIds]);
    const byId = new Map(rows.map((r) => [r.id, r.story_id]));
    const out = new Map<string, string | null>();
    for (const id of articleIds) if (byId.has(id)) out.set(id, byId.get(id) ?? null);
    return out;
  }

  async putStory(story: Story, options: PutStoriesOptions = {}): Promise<void> {
    return this.putStories([story], options);
  }

  async putStories(stories: readonly Story[], options: PutStoriesOptions = {}): Promise<void> {
    await this.transaction(async (c) => {
      if (options.remove?.length) await c.query('DELETE FROM stories WHERE id = ANY($1::text[])', [options.remove]);
      const written = new Set(stories.map((s) => s.id));
      const leftBehind = new Set<string>();
      for (const story of stories) {
        await c.query(
          `INSERT INTO stories (${STORY_COLUMN_NAMES}) VALUES (${placeholders(13)})
           ON CONFLICT (id) DO UPDATE SET title = excluded.title, article_count = excluded.article_count, outlet_count = excluded.outlet_count,
             outlets = excluded.outlets, first_published = excluded.first_published, last_published = excluded.last_published,
             first_key = excluded.first_key, last_key = excluded.last_key, corroborated = excluded.corroborated,
             single_source = excluded.single_source, disputed = excluded.disputed, stale_since = NULL, doc = excluded.doc`,
          storyColumns(story),
        );
        await c.query('UPDATE articles SET story_id = NULL WHERE story_id = $1', [story.id]);
        for (const m of await moveArticles(c, story.id, story.articleIds)) if (m.from !== null && !written.has(m.from)) leftBehind.add(m.from);
        // Each member at its place in the list (an id given twice keeps its first place).
        const placed = [...new Set(story.articleIds)];
        await c.query(
          'UPDATE articles a SET story_ord = o.ord FROM unnest($1::text[], $2::int[]) AS o(id, ord) WHERE a.id = o.id AND a.story_id = $3',
          [placed, placed.map((_, i) => i), story.id],
        );
        await c.query('UPDATE stories SET next_ord = $2 WHERE id = $1', [story.id, placed.length]);
        await c.query('DELETE FROM facts WHERE story_id = $1', [story.id]);
        if (story.facts.length > 0) {
          await c.query(
            `INSERT INTO facts (story_id, ord, id, status, independent_origins, article_ids, summary, doc)
             SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[])`,
            factColumns(story.id, story.facts),
          );
        }
      }
      // Stories that lost articles to the ones written (and were not written themselves).
      const now = Date.now();
      for (const id of [...leftBehind].sort()) await refreshMembership(c, id, null, now);
    });
  }

  async assignArticles(storyId: string, articleIds: readonly string[]): Promise<AssignResult> {
    return this.transaction(async (c) => {
      const exists = await c.query('SELECT 1 FROM stories WHERE id = $1 FOR UPDATE', [storyId]);
      if (exists.rowCount === 0) throw new Error(`assignArticles: no story ${storyId}`);
      const { rows } = await c.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1::text[])', [articleIds]);
      const stored = new Set(rows.map((r) => r.id));
      const result: AssignResult = { assigned: [], missing: [] };
      for (const id of articleIds) (stored.has(id) ? result.assigned : result.missing).push(id);
      const moves = new Membership();
      const moved = await moveArticles(c, storyId, result.assigned);
      if (moved.length > 0) moves.touched.add(storyId);
      moves.add(storyId, moved);
      await moves.settle(c, Date.now());
      return result;
    });
  }

  async getStory(id: string): Promise<Story | null> {
    const { rows } = await this.query<{ doc: string; facts: string[] | null; members: string[] | null; outlets: string; first_published: string | null; last_published: string | null }>(
      `SELECT s.doc, s.outlets, s.first_published, s.last_published, ${MEMBER_IDS} AS members,
         (SELECT array_agg(f.doc ORDER BY f.ord) FROM facts f WHERE f.story_id = s.id) AS facts FROM stories s WHERE s.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    const story = withMembership(row);
    // Assigning in place keeps the key where the placeholder held it (byte-for-byte round trip).
    story.facts = (row.facts ?? []).map((f) => JSON.parse(f) as Fact);
    return story;
  }

  async listStories(options: ListStoriesOptions): Promise<StorySummary[]> {
    const order = options.order === 'largest' ? 'article_count DESC, id' : 'last_key DESC NULLS LAST, id';
    const { rows } = await this.query<StoryRow>(
      `SELECT ${STORY_SUMMARY_COLUMNS} FROM stories
       WHERE ($1::text IS NULL OR last_key >= $1)
         AND ($2::text IS NULL OR first_key <= $2)
         AND ($3::text IS NULL OR id IN (SELECT story_id FROM articles WHERE outlet = $3 AND story_id IS NOT NULL))
       ORDER BY ${order} LIMIT $4 OFFSET $5`,
      [
        options.since === undefined ? null : sinceKey(options.since),
        options.until === undefined ? null : untilKey(options.until),
        options.outlet ?? null,
        options.limit,
        options.offset ?? 0,
      ],
    );
    return rows.map((r) => toSummary(r, r.stale));
  }

  async staleStories(limit: number): Promise<string[]> {
    const { rows } = await this.query<{ id: string }>('SELECT id FROM stories WHERE stale_since IS NOT NULL ORDER BY stale_since, id LIMIT $1', [limit]);
    return rows.map((r) => r.id);
  }

  async search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    const built = toTsQuery(query, TS_CONFIG);
    if (built === null || options.limit <= 0) return [];
    const kinds = new Set<SearchKind>(options.kinds ?? ['article', 'story', 'fact']);
    const [open, close] = options.highlight ?? ['[', ']'];
    // The query once, as text: each search below casts it back (no user text in any SQL).
    const { rows: qrows } = await this.query<{ q: string; n: number }>(`SELECT q::text AS q, numnode(q) AS n FROM (SELECT ${built.sql} AS q) x`, built.params);
    const tsq = qrows[0];
    if (!tsq || tsq.n === 0) return [];
    const headline = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=${SNIPPET_WORDS.max}, MinWords=${SNIPPET_WORDS.min}, ShortWord=1, HighlightAll=false, MaxFragments=1`;
    const params = [tsq.q, options.limit, headline];
    const hits: SearchHit[] = [];
    const run = async (kind: SearchKind, sql: string): Promise<void> => {
      if (!kinds.has(kind)) return;
      for (const r of (await this.query<HitRow>(sql, params)).rows) hits.push(toHit(kind, r, open, close));
    };
    // Ranks are negated so that lower is better, as bm25's.
    await run('story', `SELECT id, id AS story_id, title, ts_headline('${TS_CONFIG}', title, $1::tsquery, $3) AS snippet, -ts_rank_cd(search, $1::tsquery) AS rank
      FROM stories WHERE search @@ $1::tsquery ORDER BY rank, id LIMIT $2`);
    await run('fact', `SELECT id, story_id, summary AS title, ts_headline('${TS_CONFIG}', summary, $1::tsquery, $3) AS snippet, -ts_rank_cd(search, $1::tsquery) AS rank
      FROM facts WHERE search @@ $1::tsquery ORDER BY rank, seq LIMIT $2`);
    await run('article', `SELECT a.id, a.story_id, a.title, ts_headline('${TS_CONFIG}', left(m.text, ${SEARCH_TEXT_CHARS}), $1::tsquery, $3) AS snippet, m.rank
      FROM (SELECT seq, text, -ts_rank_cd(search, $1::tsquery) AS rank FROM article_bodies WHERE search @@ $1::tsquery ORDER BY rank, seq LIMIT $2) m
      JOIN articles a ON a.seq = m.seq ORDER BY m.rank, m.seq`);
    return hits.sort((a, b) => a.rank - b.rank).slice(0, options.limit);
  }

  async pageStories(options: StoryPageOptions): Promise<StoryPageResult> {
    // Keyset pages on stories_newest (last_key DESC, id) and stories_largest (article_count DESC, id); see the SQLite store.
    const since = options.since === undefined ? null : sinceKey(options.since);
    const until = options.until === undefined ? null : untilKey(options.until);
    const outlet = options.outlet ?? null;
    const filters = `AND ($2::text IS NULL OR first_key <= $2)
      AND ($3::text IS NULL OR id IN (SELECT story_id FROM articles WHERE outlet = $3 AND story_id IS NOT NULL))`;
    const columns = `${STORY_SUMMARY_COLUMNS}, last_key`;
    const want = options.limit + 1;
    const after = options.after;
    type Row = StoryRow & { last_key: string | null };
    let rows: Row[];
    if (options.order === 'largest') {
      rows = after
        ? (await this.query<Row>(`SELECT ${columns} FROM stories WHERE article_count <= $5 AND (article_count < $5 OR id > $6) AND ($1::text IS NULL OR last_key >= $1) ${filters}
            ORDER BY article_count DESC, id LIMIT $4`, [since, until, outlet, want, Number(after.key), after.id])).rows
        : (await this.query<Row>(`SELECT ${columns} FROM stories WHERE ($1::text IS NULL OR last_key >= $1) ${filters} ORDER BY article_count DESC, id LIMIT $4`, [since, until, outlet, want])).rows;
    } else {
      rows = [];
      if (!after) {
        rows = (await this.query<Row>(`SELECT ${columns} FROM stories WHERE last_key >= coalesce($1, '') ${filters} ORDER BY last_key DESC, id LIMIT $4`, [since, until, outlet, want])).rows;
      } else if (after.key !== null) {
        rows = (await this.query<Row>(`SELECT ${columns} FROM stories WHERE last_key <= $5 AND (last_key < $5 OR id > $6) AND last_key >= coalesce($1, '') ${filters}
          ORDER BY last_key DESC, id LIMIT $4`, [since, until, outlet, want, String(after.key), after.id])).rows;
      }
      if (rows.length < want && since === null && until === null) {
        const from = after && after.key === null ? after.id : '';
        const undated = await this.query<Row>(`SELECT ${columns} FROM stories WHERE last_key IS NULL AND id > $2
            AND ($1::text IS NULL OR id IN (SELECT story_id FROM articles WHERE outlet = $1 AND story_id IS NOT NULL))
          ORDER BY id LIMIT $3`, [outlet, from, want - rows.length]);
        rows.push(...undated.rows);
      }
    }
    const shown = rows.slice(0, options.limit);
    const last = shown[shown.length - 1];
    const next: StoryCursor | null = rows.length > options.limit && last ? { key: options.order === 'largest' ? last.article_count : last.last_key, id: last.id } : null;
    return { stories: shown.map((r) => toSummary(r, r.stale)), next };
  }

  async searchPage(query: string, options: SearchPageOptions): Promise<SearchPageResult> {
    const built = toTsQuery(query, TS_CONFIG);
    if (built === null || options.limit <= 0) return { hits: [], next: null };
    const kinds = new Set<SearchKind>(options.kinds ?? ['article', 'story', 'fact']);
    const [open, close] = options.highlight ?? ['[', ']'];
    const { rows: qrows } = await this.query<{ q: string; n: number }>(`SELECT q::text AS q, numnode(q) AS n FROM (SELECT ${built.sql} AS q) x`, built.params);
    const tsq = qrows[0];
    if (!tsq || tsq.n === 0) return { hits: [], next: null };
    const headline = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=${SNIPPET_WORDS.max}, MinWords=${SNIPPET_WORDS.min}, ShortWord=1, HighlightAll=false, MaxFragments=1`;
    const after = options.after;
    const hits: SearchHit[] = [];
    // Ids compare byte-wise (COLLATE "C"), as the pages' merge of the three kinds does.
    const keyset = (rank: string, id: string): string => `AND ($4::real IS NULL OR ${rank} > $4::real OR (${rank} = $4::real AND ($5 OR ($6 AND ${id} COLLATE "C" > $7))))`;
    const run = async (kind: SearchKind, sql: string): Promise<void> => {
      if (!kinds.has(kind)) return;
      const later = after ? SEARCH_KIND_ORDER[kind] > SEARCH_KIND_ORDER[after.kind] : true;
      const params = [tsq.q, options.limit + 1, headline, after?.rank ?? null, later, after ? kind === after.kind : false, after?.id ?? ''];
      for (const r of (await this.query<HitRow>(sql, params)).rows) hits.push(toHit(kind, r, open, close));
    };
    const rank = (v: string): string => `(-ts_rank_cd(${v}, $1::tsquery))`;
    await run('story', `SELECT id, id AS story_id, title, ts_headline('${TS_CONFIG}', title, $1::tsquery, $3) AS snippet, ${rank('search')} AS rank
      FROM stories WHERE search @@ $1::tsquery ${keyset(rank('search'), 'id')} ORDER BY rank, id COLLATE "C" LIMIT $2`);
    await run('fact', `SELECT id, story_id, summary AS title, ts_headline('${TS_CONFIG}', summary, $1::tsquery, $3) AS snippet, ${rank('search')} AS rank
      FROM facts WHERE search @@ $1::tsquery ${keyset(rank('search'), 'id')} ORDER BY rank, id COLLATE "C" LIMIT $2`);
    await run('article', `SELECT a.id, a.story_id, a.title, ts_headline('${TS_CONFIG}', left(b.text, ${SEARCH_TEXT_CHARS}), $1::tsquery, $3) AS snippet, ${rank('b.search')} AS rank
      FROM article_bodies b JOIN articles a ON a.seq = b.seq WHERE b.search @@ $1::tsquery ${keyset(rank('b.search'), 'a.id')} ORDER BY rank, a.id COLLATE "C" LIMIT $2`);
    hits.sort((a, b) => a.rank - b.rank || SEARCH_KIND_ORDER[a.kind] - SEARCH_KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const shown = hits.slice(0, options.limit);
    const last = shown[shown.length - 1];
    return { hits: shown, next: hits.length > options.limit && last ? { rank: last.rank, kind: last.kind, id: last.id } : null };
  }

  async storySummaries(ids: readonly string[]): Promise<Map<string, StorySummary>> {
    const { rows } = await this.query<StoryRow>(`SELECT ${STORY_SUMMARY_COLUMNS} FROM stories WHERE id = ANY($1::text[])`, [ids]);
    return new Map(rows.map((r) => [r.id, toSummary(r, r.stale)]));
  }

  async changeMark(): Promise<string> {
    // The snapshot (xmin:xmax:in-progress) changes when any transaction that wrote starts or ends.
    const { rows } = await this.query<{ mark: string }>('SELECT pg_current_snapshot()::text AS mark');
    return rows[0]?.mark ?? '';
  }

  async storyStamp(id: string): Promise<string | null> {
    // The row's version (schema 4): the next number of a sequence at every write of the story.
    const { rows } = await this.query<{ version: string }>('SELECT version::text AS version FROM stories WHERE id = $1', [id]);
    return rows[0]?.version ?? null;
  }

  exportArticles(): AsyncIterable<ArticleRecord> {
    return this.cursor<ArticleRow, ArticleRecord>('SELECT id, content_hash, uri, url, outlet, title, byline, published_at, lang, story_id FROM articles ORDER BY seq', toRecord);
  }

  exportStories(): AsyncIterable<StoryRecord> {
    return this.cursor<StoryRow & { members: string[] | null }, StoryRecord>(`SELECT ${STORY_SUMMARY_COLUMNS}, ${MEMBER_IDS} AS members FROM stories s ORDER BY seq`, (row) => ({
      ...toSummary(row, row.stale),
      articleIds: row.members ?? [],
    }));
  }

  exportFacts(): AsyncIterable<FactRecord> {
    type FactRow = { story_id: string; id: string; status: Fact['status']; independent_origins: number; article_ids: string; summary: string; doc: string };
    return this.cursor<FactRow, FactRecord>('SELECT story_id, id, status, independent_origins, article_ids, summary, doc FROM facts ORDER BY seq', (row) => ({
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
    await this.transaction((c) => writeFingerprints(c, entries));
  }

  async getFingerprints(articleIds: readonly string[]): Promise<Map<string, Fingerprint>> {
    const { rows } = await this.query<{ id: string; terms: string; entities: string; bands: string; minhash: Buffer; published_at: string | null }>(
      'SELECT a.id, f.terms, f.entities, f.bands, f.minhash, a.published_at FROM fingerprints f JOIN articles a ON a.seq = f.article_seq WHERE a.id = ANY($1::text[])',
      [articleIds],
    );
    const out = new Map<string, Fingerprint>();
    for (const row of rows) {
      const words = new Uint32Array(row.minhash.buffer.slice(row.minhash.byteOffset, row.minhash.byteOffset + row.minhash.byteLength));
      out.set(row.id, {
        terms: JSON.parse(row.terms) as string[],
        entities: JSON.parse(row.entities) as string[],
        minhash: Array.from(words),
        bands: JSON.parse(row.bands) as string[],
        publishedAt: row.published_at,
      });
    }
    return out;
  }

  async candidateStories(query: CandidateQuery): Promise<Candidate[]> {
    return (await this.candidateStoriesMany([query]))[0] ?? [];
  }

  async candidateStoriesMany(queries: readonly CandidateQuery[]): Promise<Candidate[][]> {
    // Each distinct (key, window, bound) is one bounded index range (the most recent postings in
    // the window), all of a batch's in ONE statement; the scoring is the same as the SQLite store's.
    const tuples: { key: string; lo: string; hi: string; per: number }[] = [];
    const tupleOf = new Map<string, number>();
    const plans = queries.map((query) => {
      const weightOf = queryKeyWeights(query);
      if (weightOf.size === 0 || query.limit <= 0) return null;
      const lo = query.since === undefined ? '' : sinceKey(query.since);
      const hi = query.until === undefined ? '\uffff' : untilKey(query.until);
      const per = query.perKey ?? DEFAULT_POSTINGS_PER_KEY;
      const ts: number[] = [];
      for (const key of weightOf.keys()) {
        const k = `${key}\u0000${lo}\u0000${hi}\u0000${per}`;
        let t = tupleOf.get(k);
        if (t === undefined) {
          t = tuples.length;
          tupleOf.set(k, t);
          tuples.push({ key, lo, hi, per });
        }
        ts.push(t);
      }
      return { limit: query.limit, weightOf, ts };
    });
    if (tuples.length === 0) return queries.map(() => []);
    const { rows } = await this.query<{ t: number; key: string; id: string; story_id: string }>(
      `SELECT q.t, q.key, a.id, a.story_id
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[]) AS q(t, key, lo, hi, per)
       CROSS JOIN LATERAL (SELECT p.article_seq FROM postings p WHERE p.key = q.key AND p.time_key >= q.lo AND p.time_key <= q.hi
                           ORDER BY p.time_key DESC, p.article_seq DESC LIMIT q.per) p
       JOIN articles a ON a.seq = p.article_seq
       WHERE a.story_id IS NOT NULL`,
      [tuples.map((_, i) => i), tuples.map((x) => x.key), tuples.map((x) => x.lo), tuples.map((x) => x.hi), tuples.map((x) => x.per)],
    );
    const byTuple = new Map<number, { key: string; id: string; story_id: string }[]>();
    for (const r of rows) {
      const list = byTuple.get(r.t);
      if (list) list.push(r);
      else byTuple.set(r.t, [r]);
    }
    return plans.map((plan) => {
      if (!plan) return [];
      const byStory = new Map<string, { keys: Set<string>; articles: Map<string, number> }>();
      for (const t of plan.ts) {
        for (const { key, id, story_id } of byTuple.get(t) ?? []) {
          let entry = byStory.get(story_id);
          if (!entry) byStory.set(story_id, (entry = { keys: new Set(), articles: new Map() }));
          entry.keys.add(key);
          entry.articles.set(id, (entry.articles.get(id) ?? 0) + 1);
        }
      }
      const candidates: Candidate[] = [];
      for (const [storyId, { keys, articles }] of byStory) {
        let score = 0;
        for (const k of keys) score += plan.weightOf.get(k) ?? 0;
        const ranked = [...articles].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
        candidates.push({ storyId, score, articleIds: ranked.map(([id]) => id) });
      }
      candidates.sort((a, b) => b.score - a.score || (a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : 0));
      return candidates.slice(0, plan.limit);
    });
  }

  async getSketch(): Promise<SketchCounts | null> {
    const { rows } = await this.query<{ bucket: number; count: number }>('SELECT bucket, count::float8 AS count FROM sketch ORDER BY bucket');
    if (rows.length === 0) return null;
    const documents = rows[0]?.bucket === SKETCH_DOCUMENTS ? (rows.shift()?.count ?? 0) : 0;
    return { documents, counts: rows.map((r) => [r.bucket, r.count] as const) };
  }

  async stats(): Promise<StoreStats> {
    const { rows } = await this.query<Omit<StoreStats, 'schemaVersion'>>(`SELECT
        (SELECT COUNT(*) FROM articles)::int AS articles,
        (SELECT COUNT(*) FROM stories)::int AS stories,
        (SELECT COUNT(*) FROM facts)::int AS facts,
        (SELECT COUNT(*) FROM articles WHERE story_id IS NULL)::int AS unassigned,
        (SELECT COUNT(*) FROM fingerprints)::int AS fingerprints,
        (SELECT COUNT(*) FROM stories WHERE stale_since IS NOT NULL)::int AS "staleStories"`);
    return { schemaVersion: this.schemaVersion, ...(rows[0] as Omit<StoreStats, 'schemaVersion'>) };
  }

  /**
   * PostgreSQL enforces the keys and checksums itself; these are the invariants it cannot
   * declare: every article has its body, and a story's counted members are its articles.
   */
  async checkIntegrity(): Promise<string[]> {
    const problems: string[] = [];
    const { rows: orphans } = await this.query<{ id: string }>('SELECT a.id FROM articles a LEFT JOIN article_bodies b ON b.seq = a.seq WHERE b.seq IS NULL LIMIT 10');
    for (const r of orphans) problems.push(`article ${r.id} has no body`);
    const { rows: counts } = await this.query<{ id: string; counted: number; actual: number }>(
      `SELECT s.id, s.article_count AS counted, COALESCE(m.n, 0)::int AS actual FROM stories s
       LEFT JOIN (SELECT story_id, COUNT(*) AS n FROM articles WHERE story_id IS NOT NULL GROUP BY story_id) m ON m.story_id = s.id
       WHERE s.article_count <> COALESCE(m.n, 0) LIMIT 10`,
    );
    for (const r of counts) problems.push(`story ${r.id} counts ${r.counted} articles but has ${r.actual}`);
    return problems;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** Runs `fn` in one transaction on one connection, again when it deadlocked or failed to serialise. */
  async transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.guard(async () => {
      for (let attempt = 1; ; attempt++) {
        const client = await this.pool.connect();
        try {
          await client.query('BEGIN');
          const out = await fn(client);
          await client.query('COMMIT');
          return out;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (!isRetryable(e) || attempt >= TRANSACTION_RETRIES) throw e;
        } finally {
          client.release();
        }
      }
    });
  }

  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.guard(() => this.pool.query<R>(sql, params));
  }

  /** A server-side cursor in a read-only snapshot: one page in memory, other queries free to run meanwhile. */
  private cursor<R, T>(sql: string, map: (row: R) => T): AsyncIterable<T> {
    const self = this;
    return {
      async *[Symbol.asyncIterator]() {
        const client = await self.guard(() => self.pool.connect());
        let finished = false;
        try {
          await self.guard(async () => {
            await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
            await client.query(`DECLARE export NO SCROLL CURSOR FOR ${sql}`);
          });
          for (;;) {
            const { rows } = await self.guard(() => client.query(`FETCH ${EXPORT_PAGE} FROM export`));
            for (const row of rows) yield map(row as R);
            if (rows.length < EXPORT_PAGE) break;
          }
          await client.query('COMMIT');
          finished = true;
        } finally {
          // A consumer that stops early (break) ends up here too: the cursor goes with the transaction.
          if (!finished) await client.query('ROLLBACK').catch(() => undefined);
          client.release();
        }
      },
    };
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw translate(e, this.uri);
    }
  }
}

function placeholders(n: number): string {
  return Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ');
}

/** Inserts the articles whose content is new, in input order (inside the caller's transaction). */
async function insertArticles(c: Queryable, articles: readonly ArticleToStore[]): Promise<PutArticlesResult> {
  const result: PutArticlesResult = { inserted: [], duplicates: [], conflicts: [] };
  if (articles.length === 0) return result;
  const col = <K extends keyof ArticleToStore>(k: K) => articles.map((a) => storableOrNull(a[k] as string | null));
  // ON CONFLICT DO NOTHING covers both unique keys: a stored content hash (a duplicate) and an
  // id taken by other content (a conflict); which of the two it was is sorted out below.
  const { rows } = await c.query<{ seq: string; id: string; content_hash: string }>(
    `INSERT INTO articles (id, content_hash, uri, url, outlet, title, byline, published_at, time_key, lang)
     SELECT id, content_hash, uri, url, outlet, title, byline, published_at, time_key, lang
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
       WITH ORDINALITY AS t(id, content_hash, uri, url, outlet, title, byline, published_at, time_key, lang, ord)
     ORDER BY ord
     ON CONFLICT DO NOTHING
     RETURNING seq, id, content_hash`,
    [articles.map((a) => a.id), articles.map((a) => a.contentHash), col('uri'), col('url'), col('outlet'), col('title'), col('byline'), col('publishedAt'), articles.map((a) => timeKey(a.publishedAt)), col('lang')],
  );
  const insertedSeq = new Map(rows.map((r) => [`${r.id}\u0000${r.content_hash}`, r.seq]));
  const bodies: { seq: string; article: ArticleToStore }[] = [];
  const inserted = new Set<number>();
  const rest: ArticleToStore[] = [];
  articles.forEach((a, i) => {
    const key = `${a.id}\u0000${a.contentHash}`;
    const seq = insertedSeq.get(key);
    if (seq !== undefined) {
      insertedSeq.delete(key); // the same article twice in the batch: the second is a duplicate
      bodies.push({ seq, article: a });
      inserted.add(i);
    } else rest.push(a);
  });
  if (bodies.length > 0) {
    const cols = bodies.map((b) => bodyColumns(b.article));
    await c.query(
      `INSERT INTO article_bodies (seq, text, doc, search)
       SELECT seq, text, doc, setweight(to_tsvector('${TS_CONFIG}', COALESCE(title, '')), 'A') || setweight(to_tsvector('${TS_CONFIG}', left(text, ${SEARCH_TEXT_CHARS})), 'B')
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS t(seq, text, doc, title)`,
      [bodies.map((b) => b.seq), cols.map((x) => x.text), cols.map((x) => x.doc), bodies.map((b) => storableOrNull(b.article.title))],
    );
  }
  const known = new Set<string>();
  if (rest.length > 0) {
    const { rows: found } = await c.query<{ content_hash: string }>('SELECT content_hash FROM articles WHERE content_hash = ANY($1::text[])', [rest.map((a) => a.contentHash)]);
    for (const r of found) known.add(r.content_hash);
  }
  articles.forEach((a, i) => {
    if (inserted.has(i)) result.inserted.push(a.id);
    else if (known.has(a.contentHash)) result.duplicates.push(a.id);
    else result.conflicts.push(a.id);
  });
  return result;
}

/** A story's member list (schema 7): by place, an article placed before there were places last. */
const MEMBER_IDS = '(SELECT array_agg(a.id ORDER BY a.story_ord NULLS LAST, a.time_key NULLS FIRST, a.seq) FROM articles a WHERE a.story_id = s.id)';

/** A moved article: the story it came from (null when it had none) and what membership bookkeeping reads of it. */
interface Moved {
  from: string | null;
  id: string;
  seq: string;
  outlet: string | null;
  published_at: string | null;
  time_key: string | null;
}

/**
 * Moves articles into a story (their places given later, by Membership.settle), returning the
 * moved ones; articles already in it, and ids with no article, are left alone.
 */
async function moveArticles(c: Queryable, storyId: string, articleIds: readonly string[]): Promise<Moved[]> {
  if (articleIds.length === 0) return [];
  const { rows } = await c.query<Moved>(
    `WITH old AS (SELECT id, story_id FROM articles WHERE id = ANY($2::text[]) AND story_id IS DISTINCT FROM $1 ORDER BY seq FOR UPDATE)
     UPDATE articles a SET story_id = $1, story_ord = NULL FROM old WHERE a.id = old.id
     RETURNING old.story_id AS "from", a.id, a.seq, a.outlet, a.published_at, a.time_key`,
    [storyId, articleIds],
  );
  return rows;
}

/** The members' order: by time, unknown first, then as stored. */
function byMemberOrder(a: Moved, b: Moved): number {
  return a.time_key === b.time_key ? Number(BigInt(a.seq) - BigInt(b.seq)) : a.time_key === null ? -1 : b.time_key === null ? 1 : a.time_key < b.time_key ? -1 : 1;
}

/**
 * The stories one write moved articles between, brought up to date in one place (as the SQLite
 * store's moveMembers): the joined articles take the next places of their story in the members'
 * order; a story that only gained articles is written from its listing columns and the joined
 * ones (growMembership), one that lost any is refreshed from all its members.
 */
class Membership {
  readonly touched = new Set<string>();
  private readonly lost = new Set<string>();
  /** Each moved article and the story it was moved into last (an article moved twice in one write joined the second). */
  private readonly moved = new Map<string, { storyId: string; m: Moved }>();

  add(storyId: string, moved: readonly Moved[]): void {
    for (const m of moved) {
      if (m.from !== null) {
        this.touched.add(m.from);
        this.lost.add(m.from);
      }
      this.moved.delete(m.id);
      this.moved.set(m.id, { storyId, m });
    }
  }

  /** In story id order, as every writer locks them. */
  async settle(c: Queryable, now: number): Promise<void> {
    const joinedBy = new Map<string, Moved[]>();
    for (const { storyId, m } of this.moved.values()) {
      const list = joinedBy.get(storyId);
      if (list) list.push(m);
      else joinedBy.set(storyId, [m]);
    }
    for (const id of [...this.touched].sort()) {
      const joined = (joinedBy.get(id) ?? []).sort(byMemberOrder);
      const { rows } = await c.query<{ next_ord: number; article_count: number; outlets: string; stale_since: string | null }>(
        'SELECT next_ord, article_count, outlets, stale_since FROM stories WHERE id = $1 FOR UPDATE',
        [id],
      );
      const row = rows[0];
      if (!row) continue;
      if (joined.length > 0) {
        await c.query(
          'UPDATE articles a SET story_ord = o.ord FROM unnest($1::text[], $2::int[]) AS o(id, ord) WHERE a.id = o.id AND a.story_id = $3',
          [joined.map((m) => m.id), joined.map((_, i) => row.next_ord + i), id],
        );
      }
      const nextOrd = row.next_ord + joined.length;
      if (this.lost.has(id) || !(await growMembership(c, id, row, joined, nextOrd, now))) await refreshMembership(c, id, nextOrd, now);
    }
  }
}

/**
 * What refreshMembership writes for a story that only gained articles, from its listing columns
 * and the joined members alone (the SQLite store's growMembership says why, and when the columns
 * are a refresh's own: once the story is stale). False when the story must be refreshed in full.
 */
async function growMembership(c: Queryable, storyId: string, row: { article_count: number; outlets: string; stale_since: string | null }, joined: readonly Moved[], nextOrd: number, now: number): Promise<boolean> {
  if (row.stale_since === null) return false;
  const outlets = JSON.parse(row.outlets) as string[];
  for (const m of joined) if (m.outlet !== null && !outlets.includes(m.outlet)) outlets.push(m.outlet);
  const { rows } = await c.query<{ first: string | null; last: string | null }>(
    `SELECT (SELECT published_at FROM articles WHERE story_id = $1 AND time_key IS NOT NULL ORDER BY time_key, seq LIMIT 1) AS first,
            (SELECT published_at FROM articles WHERE story_id = $1 AND time_key IS NOT NULL ORDER BY time_key DESC, seq DESC LIMIT 1) AS last`,
    [storyId],
  );
  await writeMembership(c, storyId, row.article_count + joined.length, outlets, rows[0]?.first ?? null, rows[0]?.last ?? null, nextOrd, now);
  return true;
}

/** Recomputes a story's member count, outlets and dates from its articles after some moved; deletes it when none are left. */
async function refreshMembership(c: Queryable, storyId: string, nextOrd: number | null, now: number): Promise<void> {
  const { rows } = await c.query<{ outlets: string; next_ord: number }>('SELECT outlets, next_ord FROM stories WHERE id = $1 FOR UPDATE', [storyId]);
  const row = rows[0];
  if (!row) return;
  const { rows: members } = await c.query<{ id: string; outlet: string | null; published_at: string | null; time_key: string | null }>(
    'SELECT id, outlet, published_at, time_key FROM articles WHERE story_id = $1 ORDER BY time_key NULLS FIRST, seq',
    [storyId],
  );
  if (members.length === 0) {
    await c.query('DELETE FROM stories WHERE id = $1', [storyId]);
    return;
  }
  const memberOutlets = new Set(members.flatMap((m) => (m.outlet === null ? [] : [m.outlet])));
  const outlets = (JSON.parse(row.outlets) as string[]).filter((o) => memberOutlets.has(o));
  for (const o of memberOutlets) if (!outlets.includes(o)) outlets.push(o);
  // members come ordered by time_key, unknown dates first.
  const dated = members.filter((m) => m.time_key !== null);
  await writeMembership(c, storyId, members.length, outlets, dated[0]?.published_at ?? null, dated[dated.length - 1]?.published_at ?? null, nextOrd ?? row.next_ord, now);
}

/** The listing columns and the next place to give, in one statement (a round trip per story touched). */
async function writeMembership(c: Queryable, storyId: string, articleCount: number, outlets: readonly string[], firstPublished: string | null, lastPublished: string | null, nextOrd: number, now: number): Promise<void> {
  await c.query(
    `UPDATE stories SET article_count = $2, outlet_count = $3, outlets = $4, first_published = $5, last_published = $6,
       first_key = $7, last_key = $8, stale_since = COALESCE(stale_since, $9), next_ord = $10 WHERE id = $1`,
    [storyId, articleCount, outlets.length, JSON.stringify(outlets), firstPublished, lastPublished, timeKey(firstPublished), timeKey(lastPublished), now, nextOrd],
  );
}

async function writeFingerprints(c: Queryable, entries: readonly { articleId: string; fingerprint: Fingerprint }[]): Promise<void> {
  if (entries.length === 0) return;
  // The last entry of an article wins, as when they are written one after the other.
  const last = new Map(entries.map((e) => [e.articleId, e.fingerprint]));
  const ids = [...last.keys()];
  const { rows } = await c.query<{ id: string; seq: string; time_key: string | null }>('SELECT id, seq, time_key FROM articles WHERE id = ANY($1::text[])', [ids]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.find((id) => !byId.has(id));
  if (missing !== undefined) throw new Error(`putFingerprints: no stored article ${missing}`);
  const seqs = ids.map((id) => byId.get(id)?.seq as string);
  await c.query('DELETE FROM postings WHERE article_seq = ANY($1::bigint[])', [seqs]);
  const fps = ids.map((id) => last.get(id) as Fingerprint);
  await c.query(
    `INSERT INTO fingerprints (article_seq, terms, entities, bands, minhash)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bytea[])
     ON CONFLICT (article_seq) DO UPDATE SET terms = excluded.terms, entities = excluded.entities, bands = excluded.bands, minhash = excluded.minhash`,
    [
      seqs,
      fps.map((f) => JSON.stringify(f.terms)),
      fps.map((f) => JSON.stringify(f.entities)),
      fps.map((f) => JSON.stringify(f.bands ?? [])),
      fps.map((f) => Buffer.from(Uint32Array.from(f.minhash).buffer)),
    ],
  );
  const keys: string[] = [];
  const times: string[] = [];
  const articleSeqs: string[] = [];
  ids.forEach((id, i) => {
    const fp = fps[i] as Fingerprint;
    const time = byId.get(id)?.time_key ?? '';
    for (const key of postingKeys(fp)) {
      keys.push(storable(key));
      times.push(time);
      articleSeqs.push(seqs[i] as string);
    }
  });
  if (keys.length > 0) {
    await c.query('INSERT INTO postings (key, time_key, article_seq) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]) ON CONFLICT DO NOTHING', [keys, times, articleSeqs]);
  }
}

function postingKeys(fp: Fingerprint): Set<string> {
  const keys = new Set<string>();
  for (const e of fp.entities) keys.add(`e${KEY_SEP}${e}`);
  for (const t of fp.terms) keys.add(`t${KEY_SEP}${t}`);
  for (const b of fp.bands ?? []) keys.add(`b${KEY_SEP}${b}`);
  return keys;
}

async function putState(c: Queryable, key: string, value: Uint8Array): Promise<void> {
  await c.query('INSERT INTO state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
    key,
    Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  ]);
}
