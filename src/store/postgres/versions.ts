/**
 * WatchStore and VersionStore (../versions.ts) on the PostgreSQL store's pool (tables of schema
 * step 6). Several watchers may share one database: a claim takes due targets with FOR UPDATE
 * SKIP LOCKED and leases them (a killed watcher's lease runs out and another takes them), and a
 * version is numbered under a transaction-scoped advisory lock on its url, so two watchers that
 * fetched the same change store it once.
 */
import type {
  ArticleVersion,
  ClaimOptions,
  FetchRecord,
  HostState,
  NewTarget,
  NewVersion,
  PageVersions,
  TargetKind,
  WatchTarget,
  WatchVersionStore,
} from '../versions.js';
import { leaseEnd, toTarget, toVersion, versionDoc, type TargetRow, type VersionRow } from '../versions-rows.js';
import type { PostgresStore } from './postgres-store.js';

/** Advisory lock space of version numbering ("CCvr"); the url is hashed into the second key. */
const VERSION_LOCK = 0x43437672;
/** Pages read per round of the export (keyset by url). */
const EXPORT_PAGES = 200;

export class PostgresVersions implements WatchVersionStore {
  private readonly store: PostgresStore;

  constructor(store: PostgresStore) {
    this.store = store;
  }

  async addTargets(targets: readonly NewTarget[]): Promise<string[]> {
    if (targets.length === 0) return [];
    const { rows } = await this.store.transaction((c) =>
      c.query<{ url: string }>(
        `INSERT INTO watch_targets (url, kind, feed, added_at, due_at)
         SELECT u, k, f, d, d FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(u, k, f, d, ord) ORDER BY ord
         ON CONFLICT (url) DO NOTHING RETURNING url`,
        [targets.map((t) => t.url), targets.map((t) => t.kind), targets.map((t) => t.feed ?? null), targets.map((t) => t.dueAt)],
      ),
    );
    const added = new Set(rows.map((r) => r.url));
    return targets.map((t) => t.url).filter((u) => added.has(u));
  }

  async countTargets(): Promise<Record<TargetKind, number>> {
    const counts: Record<TargetKind, number> = { feed: 0, page: 0 };
    const { rows } = await this.store.transaction((c) => c.query<{ kind: TargetKind; n: string }>(`SELECT kind, COUNT(*) AS n FROM watch_targets GROUP BY kind`));
    for (const r of rows) counts[r.kind] = Number(r.n);
    return counts;
  }

  async makeDue(kind: TargetKind, now: string): Promise<number> {
    const r = await this.store.transaction((c) => c.query(`UPDATE watch_targets SET due_at = $1 WHERE kind = $2 AND due_at > $1`, [now, kind]));
    return r.rowCount ?? 0;
  }

  async claimDue(o: ClaimOptions): Promise<WatchTarget[]> {
    const { rows } = await this.store.transaction((c) =>
      c.query<TargetRow>(
        `UPDATE watch_targets t SET lease_worker = $4, lease_until = $5
         FROM (SELECT url FROM watch_targets
               WHERE due_at <= $1 AND ($2::text IS NULL OR kind = $2) AND (lease_until IS NULL OR lease_until < $1 OR lease_worker = $4)
               ORDER BY due_at, url LIMIT $3 FOR UPDATE SKIP LOCKED) picked
         WHERE t.url = picked.url
         RETURNING t.*`,
        [o.now, o.kind ?? null, o.limit, o.worker, leaseEnd(o.now, o.leaseMs)],
      ),
    );
    return rows.map(toTarget).sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  }

  async recordFetch(r: FetchRecord): Promise<void> {
    await this.store.transaction((c) =>
      c.query(
        `UPDATE watch_targets SET
           last_fetched_at = $2, due_at = $3, fetches = fetches + 1, kind = COALESCE($12, kind),
           etag = CASE WHEN $4 THEN etag ELSE $5 END,
           last_modified = CASE WHEN $6 THEN last_modified ELSE $7 END,
           published_at = CASE WHEN $8 THEN published_at ELSE $9 END,
           last_changed_at = CASE WHEN $10 THEN $2 ELSE last_changed_at END,
           failures = CASE WHEN $11::text IS NULL THEN 0 ELSE failures + 1 END,
           last_error = $11, lease_worker = NULL, lease_until = NULL
         WHERE url = $1`,
        [r.url, r.fetchedAt, r.dueAt, r.etag === undefined, r.etag ?? null, r.lastModified === undefined, r.lastModified ?? null, r.publishedAt === undefined, r.publishedAt ?? null, r.changed, r.error, r.kind ?? null],
      ),
    );
  }

  async hostState(host: string): Promise<HostState | null> {
    const { rows } = await this.store.transaction((c) =>
      c.query<{ host: string; next_at: string; failures: number; robots: string | null; robots_at: string | null }>(`SELECT * FROM watch_hosts WHERE host = $1`, [host]),
    );
    const row = rows[0];
    return row ? { host: row.host, nextAt: row.next_at, failures: Number(row.failures), robots: row.robots, robotsAt: row.robots_at } : null;
  }

  async putHostState(h: HostState): Promise<void> {
    await this.store.transaction((c) =>
      c.query(
        `INSERT INTO watch_hosts (host, next_at, failures, robots, robots_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (host) DO UPDATE SET next_at = excluded.next_at, failures = excluded.failures, robots = excluded.robots, robots_at = excluded.robots_at`,
        [h.host, h.nextAt, h.failures, h.robots, h.robotsAt],
      ),
    );
  }

  async putVersion(v: NewVersion): Promise<ArticleVersion | null> {
    return this.store.transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [VERSION_LOCK, v.url]);
      const { rows } = await c.query<{ n: number; content_hash: string }>(`SELECT n, content_hash FROM article_versions WHERE url = $1 ORDER BY n DESC LIMIT 1`, [v.url]);
      const last = rows[0];
      if (last && last.content_hash === v.contentHash) return null;
      const n = Number(last?.n ?? 0) + 1;
      await c.query(
        `INSERT INTO article_versions (url, n, article_id, fetched_at, content_hash, title, published_at, modified_at, text, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [v.url, n, v.articleId, v.fetchedAt, v.contentHash, v.title, v.publishedAt, v.modifiedAt, v.text, versionDoc(v)],
      );
      return { ...v, n };
    });
  }

  async versions(url: string): Promise<ArticleVersion[]> {
    const { rows } = await this.store.transaction((c) => c.query<VersionRow>(`SELECT * FROM article_versions WHERE url = $1 ORDER BY n`, [url]));
    return rows.map(toVersion);
  }

  async versionsOfArticle(articleId: string): Promise<ArticleVersion[]> {
    const { rows } = await this.store.transaction((c) => c.query<{ url: string }>(`SELECT url FROM article_versions WHERE article_id = $1 LIMIT 1`, [articleId]));
    const url = rows[0]?.url;
    return url === undefined ? [] : this.versions(url);
  }

  async changedSince(since: string, limit: number): Promise<ArticleVersion[]> {
    const { rows } = await this.store.transaction((c) =>
      c.query<VersionRow>(`SELECT * FROM article_versions WHERE n > 1 AND fetched_at >= $1 ORDER BY fetched_at, seq LIMIT $2`, [since, limit]),
    );
    return rows.map(toVersion);
  }

  async *exportVersions(): AsyncIterable<PageVersions> {
    let after = '';
    for (;;) {
      const { rows } = await this.store.transaction((c) =>
        c.query<{ url: string }>(`SELECT DISTINCT url FROM article_versions WHERE url > $1 ORDER BY url LIMIT $2`, [after, EXPORT_PAGES]),
      );
      if (rows.length === 0) return;
      for (const { url } of rows) yield { url, versions: await this.versions(url) };
      after = rows[rows.length - 1]!.url;
    }
  }
}
