/**
 * WatchStore and VersionStore (../versions.ts) on the SQLite store's own connection (tables of
 * schema step 6). better-sqlite3 is synchronous: each method is one statement or one IMMEDIATE
 * transaction, so a kill at any moment leaves a version either stored whole or not at all.
 * Claims are leases like PostgreSQL's: a second watcher on the same file skips what the first
 * holds, and a lease of a killed watcher runs out.
 */
import type Database from 'better-sqlite3';
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

/** Pages read per round of the export (keyset by url): memory stays flat. */
const EXPORT_PAGES = 200;

export class SqliteVersions implements WatchVersionStore {
  private readonly db: Database.Database;
  private readonly s: ReturnType<typeof prepare>;

  constructor(db: Database.Database) {
    this.db = db;
    this.s = prepare(db);
  }

  async addTargets(targets: readonly NewTarget[]): Promise<string[]> {
    const added: string[] = [];
    this.db.transaction(() => {
      for (const t of targets) {
        const r = this.s.addTarget.run(t.url, t.kind, t.feed ?? null, t.dueAt, t.dueAt);
        if (r.changes > 0) added.push(t.url);
      }
    }).immediate();
    return added;
  }

  async countTargets(): Promise<Record<TargetKind, number>> {
    const counts: Record<TargetKind, number> = { feed: 0, page: 0 };
    for (const r of this.s.count.all() as { kind: TargetKind; n: number }[]) counts[r.kind] = r.n;
    return counts;
  }

  async makeDue(kind: TargetKind, now: string): Promise<number> {
    return this.s.makeDue.run(now, kind, now).changes;
  }

  async claimDue(options: ClaimOptions): Promise<WatchTarget[]> {
    const until = leaseEnd(options.now, options.leaseMs);
    return this.db.transaction(() => {
      const rows = this.s.due.all(options.now, options.kind ?? null, options.kind ?? null, options.now, options.worker, options.limit) as TargetRow[];
      for (const r of rows) this.s.lease.run(options.worker, until, r.url);
      return rows.map(toTarget);
    }).immediate();
  }

  async recordFetch(r: FetchRecord): Promise<void> {
    this.s.recordFetch.run({
      url: r.url,
      kind: r.kind ?? null,
      fetched: r.fetchedAt,
      due: r.dueAt,
      keepEtag: r.etag === undefined ? 1 : 0,
      etag: r.etag ?? null,
      keepModified: r.lastModified === undefined ? 1 : 0,
      modified: r.lastModified ?? null,
      keepPublished: r.publishedAt === undefined ? 1 : 0,
      published: r.publishedAt ?? null,
      changed: r.changed ? 1 : 0,
      failed: r.error === null ? 0 : 1,
      error: r.error,
    });
  }

  async hostState(host: string): Promise<HostState | null> {
    const row = this.s.host.get(host) as { host: string; next_at: string; failures: number; robots: string | null; robots_at: string | null } | undefined;
    return row ? { host: row.host, nextAt: row.next_at, failures: row.failures, robots: row.robots, robotsAt: row.robots_at } : null;
  }

  async putHostState(h: HostState): Promise<void> {
    this.s.putHost.run(h.host, h.nextAt, h.failures, h.robots, h.robotsAt);
  }

  async putVersion(v: NewVersion): Promise<ArticleVersion | null> {
    return this.db.transaction(() => {
      const last = this.s.latest.get(v.url) as { n: number; content_hash: string } | undefined;
      if (last && last.content_hash === v.contentHash) return null;
      const n = (last?.n ?? 0) + 1;
      this.s.insertVersion.run(v.url, n, v.articleId, v.fetchedAt, v.contentHash, v.title, v.publishedAt, v.modifiedAt, v.text, versionDoc(v));
      return { ...v, n };
    }).immediate();
  }

  async versions(url: string): Promise<ArticleVersion[]> {
    return (this.s.versions.all(url) as VersionRow[]).map(toVersion);
  }

  async versionsOfArticle(articleId: string): Promise<ArticleVersion[]> {
    const row = this.s.urlOfArticle.get(articleId) as { url: string } | undefined;
    return row ? this.versions(row.url) : [];
  }

  async changedSince(since: string, limit: number): Promise<ArticleVersion[]> {
    return (this.s.changedSince.all(since, limit) as VersionRow[]).map(toVersion);
  }

  async *exportVersions(): AsyncIterable<PageVersions> {
    let after = '';
    for (;;) {
      const urls = (this.s.pageUrls.all(after, EXPORT_PAGES) as { url: string }[]).map((r) => r.url);
      if (urls.length === 0) return;
      for (const url of urls) yield { url, versions: await this.versions(url) };
      after = urls[urls.length - 1]!;
    }
  }
}

function prepare(db: Database.Database) {
  return {
    addTarget: db.prepare(`INSERT INTO watch_targets (url, kind, feed, added_at, due_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`),
    count: db.prepare(`SELECT kind, COUNT(*) AS n FROM watch_targets GROUP BY kind`),
    makeDue: db.prepare(`UPDATE watch_targets SET due_at = ? WHERE kind = ? AND due_at > ?`),
    due: db.prepare(
      `SELECT * FROM watch_targets
       WHERE due_at <= ? AND (? IS NULL OR kind = ?) AND (lease_until IS NULL OR lease_until < ? OR lease_worker = ?)
       ORDER BY due_at, url LIMIT ?`,
    ),
    lease: db.prepare(`UPDATE watch_targets SET lease_worker = ?, lease_until = ? WHERE url = ?`),
    recordFetch: db.prepare(
      `UPDATE watch_targets SET
         last_fetched_at = @fetched, due_at = @due, fetches = fetches + 1, kind = COALESCE(@kind, kind),
         etag = CASE WHEN @keepEtag THEN etag ELSE @etag END,
         last_modified = CASE WHEN @keepModified THEN last_modified ELSE @modified END,
         published_at = CASE WHEN @keepPublished THEN published_at ELSE @published END,
         last_changed_at = CASE WHEN @changed THEN @fetched ELSE last_changed_at END,
         failures = CASE WHEN @failed THEN failures + 1 ELSE 0 END,
         last_error = @error, lease_worker = NULL, lease_until = NULL
       WHERE url = @url`,
    ),
    host: db.prepare(`SELECT * FROM watch_hosts WHERE host = ?`),
    putHost: db.prepare(
      `INSERT INTO watch_hosts (host, next_at, failures, robots, robots_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (host) DO UPDATE SET next_at = excluded.next_at, failures = excluded.failures, robots = excluded.robots, robots_at = excluded.robots_at`,
    ),
    latest: db.prepare(`SELECT n, content_hash FROM article_versions WHERE url = ? ORDER BY n DESC LIMIT 1`),
    insertVersion: db.prepare(
      `INSERT INTO article_versions (url, n, article_id, fetched_at, content_hash, title, published_at, modified_at, text, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    versions: db.prepare(`SELECT * FROM article_versions WHERE url = ? ORDER BY n`),
    urlOfArticle: db.prepare(`SELECT url FROM article_versions WHERE article_id = ? LIMIT 1`),
    changedSince: db.prepare(`SELECT * FROM article_versions WHERE n > 1 AND fetched_at >= ? ORDER BY fetched_at, seq LIMIT ?`),
    pageUrls: db.prepare(`SELECT DISTINCT url FROM article_versions WHERE url > ? ORDER BY url LIMIT ?`),
  };
}
