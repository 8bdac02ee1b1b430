/**
 * What `crosscheck watch` keeps in the store, behind its own two small ports (not more methods on
 * the Store): WatchStore holds what to fetch and when (feeds and pages, their validators for
 * conditional GET, per-host backoff and robots.txt); VersionStore holds every version of a watched
 * page with its word-level diff against the previous one and its flags. One implementation per
 * database (sqlite/versions.ts, postgres/versions.ts) on the Store's own connection, so a version
 * and the article it was ingested as live in the same file; one contract suite
 * (versions-contract.ts) that both run.
 *
 * Times are ISO 8601 UTC strings of one shape (Date.toISOString), so they order as strings in
 * both databases.
 */
import type { Span } from '../model/index.js';
import type { Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteVersions } from './sqlite/versions.js';
import { PostgresVersions } from './postgres/versions.js';

export type TargetKind = 'feed' | 'page';

export interface NewTarget {
  url: string;
  kind: TargetKind;
  /** The feed that listed a page; null for pages and feeds given by the user. */
  feed?: string | null;
  /** When it is first due. */
  dueAt: string;
}

/** A feed or page under watch, with what the next fetch needs. */
export interface WatchTarget {
  url: string;
  kind: TargetKind;
  feed: string | null;
  addedAt: string;
  dueAt: string;
  /** Validators of the last 200 answer, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  lastFetchedAt: string | null;
  /** When the last new version was stored (pages) or the last new item seen (feeds). */
  lastChangedAt: string | null;
  /** The page's publication date, as its latest version says (the schedule starts from it). */
  publishedAt: string | null;
  fetches: number;
  /** Failures in a row (reset by a success); the schedule backs off with them. */
  failures: number;
  lastError: string | null;
}

/** The outcome of one fetch of a target: its new schedule and validators; releases its claim. */
export interface FetchRecord {
  url: string;
  fetchedAt: string;
  dueAt: string;
  /** Absent: keep the stored validator (a 304 sends none). */
  etag?: string | null;
  lastModified?: string | null;
  publishedAt?: string | null;
  /** What the answer showed the target to be, when the guess at adding it was wrong. */
  kind?: TargetKind;
  /** A new version (page) or new items (feed) came of it. */
  changed: boolean;
  /** The coded reason of a failure ("CC125 ..."), null on success. */
  error: string | null;
}

/** Per-host politeness kept across restarts: the earliest next request, and robots.txt. */
export interface HostState {
  host: string;
  /** No request to the host before this (delay, or backoff after 429/503/errors). */
  nextAt: string;
  /** Errors in a row from the host (the backoff doubles with each). */
  failures: number;
  /** The robots.txt text (empty when the host has none), and when it was fetched. */
  robots: string | null;
  robotsAt: string | null;
}

export type DiffKind = 'insert' | 'delete' | 'change';

/**
 * One difference between two versions, as spans of both texts: `before` in the previous version's
 * text, `after` in this one's. An insertion has an empty `before` (where the words went in), a
 * deletion an empty `after`.
 */
export interface DiffSpan {
  kind: DiffKind;
  before: Span;
  after: Span;
  beforeText: string;
  afterText: string;
}

export type VersionFlagKind = 'correction' | 'stealth-edit';

/** Words behind a flag, in the previous ('before') or this ('after') version's text. */
export interface FlagEvidence {
  version: 'before' | 'after';
  /** In the version's text; with `removed`, in its raw input (as the article's `removed` layer). */
  span: Span;
  text: string;
  /** True when the words are a line the cleaner took out as boilerplate (a correction note often is). */
  removed?: boolean;
}

export interface VersionFlag {
  kind: VersionFlagKind;
  /** What was seen: "correction note added", "number changed: 12 -> 14", "headline changed". */
  reason: string;
  evidence: FlagEvidence[];
}

export interface NewVersion {
  url: string;
  fetchedAt: string;
  /** sha256 of the article as extracted (its text, byline and date; watch.ts versionHash). */
  contentHash: string;
  /** The article this version was ingested as, when it was. */
  articleId: string | null;
  title: string | null;
  publishedAt: string | null;
  /** The page's own dateModified, kept apart from publishedAt (null when the page gives none). */
  modifiedAt: string | null;
  text: string;
  /** Against the previous version; empty for the first. */
  diff: DiffSpan[];
  flags: VersionFlag[];
  /** Correction notes the cleaner took out of the text as boilerplate (their words), so the next version can tell a new note from an old one. */
  notes?: string[];
}

export interface ArticleVersion extends NewVersion {
  /** 1 for the first version of the page, then 2, 3... */
  n: number;
}

export interface PageVersions {
  url: string;
  versions: ArticleVersion[];
}

export interface ClaimOptions {
  now: string;
  limit: number;
  /** Who claims (host:pid): with PostgreSQL several watchers share the targets. */
  worker: string;
  /** How long a claim holds before another watcher may take the target. */
  leaseMs: number;
  /** Only targets of this kind. */
  kind?: TargetKind;
}

export interface WatchStore {
  /** Adds targets not yet watched; returns the urls that were new. */
  addTargets(targets: readonly NewTarget[]): Promise<string[]>;
  /** How many feeds and pages are watched. */
  countTargets(): Promise<Record<TargetKind, number>>;
  /** Makes every watched page (or feed) due now (`watch --recheck all`). Returns how many. */
  makeDue(kind: TargetKind, now: string): Promise<number>;
  /** Takes up to `limit` due targets (dueAt <= now, earliest first), not claimed by a live watcher. */
  claimDue(options: ClaimOptions): Promise<WatchTarget[]>;
  recordFetch(record: FetchRecord): Promise<void>;
  hostState(host: string): Promise<HostState | null>;
  putHostState(state: HostState): Promise<void>;
}

export interface VersionStore {
  /**
   * Stores a version as the page's next one, unless its content hash is that of the page's
   * latest version (then null: a fetch repeated after a crash stores nothing twice).
   */
  putVersion(version: NewVersion): Promise<ArticleVersion | null>;
  /** The page's versions, oldest first. */
  versions(url: string): Promise<ArticleVersion[]>;
  /** The versions of the page one of whose versions is this article (empty when none is). */
  versionsOfArticle(articleId: string): Promise<ArticleVersion[]>;
  /** Versions after the first (changes) fetched at or after `since`, oldest first. */
  changedSince(since: string, limit: number): Promise<ArticleVersion[]>;
  /** Every watched page with its versions, streamed page by page. */
  exportVersions(): AsyncIterable<PageVersions>;
}

export type WatchVersionStore = WatchStore & VersionStore;

/** The watch and version ports on an open store's own connection. */
export function versionStoreFor(store: Store): WatchVersionStore {
  const ports = versionStoreOf(store);
  if (ports === null) throw new Error('versionStoreFor: a store of an unknown kind');
  return ports;
}

/** The same, or null for a store that keeps no versions (a wrapper in a test, a store of another kind). */
export function versionStoreOf(store: Store): WatchVersionStore | null {
  if (store instanceof SqliteStore) return new SqliteVersions(store.db);
  if (store instanceof PostgresStore) return new PostgresVersions(store);
  return null;
}
