/** Rows of the watch tables (schema step 6, both databases) to the values of ../versions.ts, and back. */
import type { ArticleVersion, DiffSpan, NewVersion, TargetKind, VersionFlag, WatchTarget } from './versions.js';

export interface TargetRow {
  url: string;
  kind: string;
  feed: string | null;
  added_at: string;
  due_at: string;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: string | null;
  last_changed_at: string | null;
  published_at: string | null;
  fetches: number | string;
  failures: number | string;
  last_error: string | null;
}

export interface VersionRow {
  url: string;
  n: number | string;
  article_id: string | null;
  fetched_at: string;
  content_hash: string;
  title: string | null;
  published_at: string | null;
  modified_at: string | null;
  text: string;
  doc: string;
}

export function toTarget(r: TargetRow): WatchTarget {
  return {
    url: r.url,
    kind: r.kind as TargetKind,
    feed: r.feed,
    addedAt: r.added_at,
    dueAt: r.due_at,
    etag: r.etag,
    lastModified: r.last_modified,
    lastFetchedAt: r.last_fetched_at,
    lastChangedAt: r.last_changed_at,
    publishedAt: r.published_at,
    fetches: Number(r.fetches),
    failures: Number(r.failures),
    lastError: r.last_error,
  };
}

/** The version's diff and flags as one JSON column. */
export function versionDoc(v: NewVersion): string {
  return JSON.stringify({ diff: v.diff, flags: v.flags, ...(v.notes && v.notes.length > 0 ? { notes: v.notes } : {}) });
}

export function toVersion(r: VersionRow): ArticleVersion {
  const doc = JSON.parse(r.doc) as { diff: DiffSpan[]; flags: VersionFlag[]; notes?: string[] };
  const v: ArticleVersion = {
    url: r.url,
    n: Number(r.n),
    fetchedAt: r.fetched_at,
    contentHash: r.content_hash,
    articleId: r.article_id,
    title: r.title,
    publishedAt: r.published_at,
    modifiedAt: r.modified_at,
    text: r.text,
    diff: doc.diff,
    flags: doc.flags,
  };
  if (doc.notes) v.notes = doc.notes;
  return v;
}

/** When a claim made at `now` for `ms` runs out. */
export function leaseEnd(now: string, ms: number): string {
  return new Date(Date.parse(now) + ms).toISOString();
}
