/**
 * Rendered pages and JSON bodies, kept until what they show changes. Readers far outnumber
 * writers, and a large story page costs tens of milliseconds to read and render, so under
 * load most answers come from here.
 *
 * Each entry remembers the database's change mark when it was made (Store.changeMark: this
 * server's writes and any other process's commits move it) and, for a story or an article
 * page, the stamp of what it shows (Store.storyStamp, the article's story and title). An entry
 * whose mark is current is answered as is; after a write, an entry with a stamp is checked
 * against the current stamp (one small read) and kept when its story did not change, so an
 * ingest elsewhere in the collection does not throw away every story page; an entry without
 * a stamp (the story list, a search) is rendered again. Each entry carries an ETag (a digest
 * of its body) for conditional requests. Bounded by total bytes, least recently used first out.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** Bodies at least this large are kept gzipped too, for clients that accept it (pages compress about 10:1). */
const GZIP_FROM = 1024;

export interface Rendered {
  status: number;
  type: string;
  body: Buffer;
}

export interface CachedAnswer {
  value: Rendered;
  /** Strong validator: a digest of the body, quoted. */
  etag: string;
  /** The body gzipped (made once, when kept), or null; its ETag is `etag` with "-gz" inside the quotes. */
  gzip: Buffer | null;
  /** The change mark it was made under. */
  mark: string;
  /** What it shows, when that can be checked alone (a story or an article); null: only the mark. */
  stamp: string | null;
}

export class PageCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;

  /** `enabled` false keeps nothing (every answer is made afresh). */
  constructor(
    readonly enabled: boolean,
    private readonly maxBytes = 256 * 1024 * 1024,
  ) {}

  /** The entry for `key` whatever its mark (the caller validates it), refreshed in the LRU order. */
  peek(key: string): CachedAnswer | null {
    const e = this.entries.get(key);
    if (!e) return null;
    // Re-insert: Map order is the LRU order.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  /** Marks an entry as checked under a newer change mark (its stamp still matched). */
  revalidate(key: string, mark: string): void {
    const e = this.entries.get(key);
    if (e) e.mark = mark;
  }

  set(key: string, value: Rendered, mark: string, stamp: string | null): CachedAnswer {
    const answer: CachedAnswer = { value, etag: etagOf(value.body), gzip: null, mark, stamp };
    if (!this.enabled || value.body.length > this.maxBytes / 8) return answer;
    if (value.body.length >= GZIP_FROM) answer.gzip = gzipSync(value.body, { level: 6 });
    this.delete(key);
    this.entries.set(key, answer);
    this.bytes += value.body.length + (answer.gzip?.length ?? 0);
    for (const [k] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(k);
    }
    return answer;
  }

  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.value.body.length + (e.gzip?.length ?? 0);
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** The ETag of an answer's gzipped form (a strong validator names one representation). */
export function gzipEtag(etag: string): string {
  return etag.replace(/"$/, '-gz"');
}

/** True when the client accepts gzip (Accept-Encoding names it or *, with a q above 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** True when an If-None-Match header names this ETag (or is *). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** A JSON answer, laid out as sendJson does. */
export function jsonRendered(status: number, value: unknown): Rendered {
  return { status, type: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify(value, null, 2) + '\n') };
}

export function htmlRendered(status: number, page: { value: string }): Rendered {
  return { status, type: 'text/html; charset=utf-8', body: Buffer.from(page.value) };
}
