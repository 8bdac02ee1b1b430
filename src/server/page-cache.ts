/**
 * Rendered pages and JSON bodies kept for a few seconds. Readers far outnumber writers, and a
 * story page costs milliseconds to read and render, so under load most answers come from
 * here. An entry is dropped when this server writes (WriteLock.generation). Past `ttlMs` it
 * is stale: it is still answered once more while one request renders it again (so writes by
 * another process, a `crosscheck ingest` beside the server, show up within about that time,
 * and many pages expiring together do not stall every client at once). Bounded by total
 * bytes, least recently used first out.
 */
export interface Rendered {
  status: number;
  type: string;
  body: Buffer;
}

export class PageCache {
  private readonly entries = new Map<string, { value: Rendered; at: number; generation: number }>();
  private bytes = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  private readonly refreshing = new Set<string>();

  /** The entry and whether it is fresh; null when there is none or a write made it wrong. */
  lookup(key: string, generation: number, now = Date.now()): { value: Rendered; fresh: boolean } | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.generation !== generation) {
      this.delete(key);
      return null;
    }
    // Re-insert: Map order is the LRU order.
    this.entries.delete(key);
    this.entries.set(key, e);
    return { value: e.value, fresh: now - e.at <= this.ttlMs };
  }

  /** A fresh entry or null (for callers that do not refresh stale ones). */
  get(key: string, generation: number, now = Date.now()): Rendered | null {
    const hit = this.lookup(key, generation, now);
    return hit?.fresh ? hit.value : null;
  }

  /** Claims the refresh of a stale key: true for the one caller that should render it again. */
  claimRefresh(key: string): boolean {
    if (this.refreshing.has(key)) return false;
    this.refreshing.add(key);
    return true;
  }

  releaseRefresh(key: string): void {
    this.refreshing.delete(key);
  }

  set(key: string, value: Rendered, generation: number, now = Date.now()): void {
    if (this.ttlMs <= 0 || value.body.length > this.maxBytes / 8) return;
    this.delete(key);
    this.entries.set(key, { value, at: now, generation });
    this.bytes += value.body.length;
    for (const [k] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(k);
    }
  }

  private delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.value.body.length;
    this.entries.delete(key);
  }
}

/** A JSON answer, laid out as sendJson does. */
export function jsonRendered(status: number, value: unknown): Rendered {
  return { status, type: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify(value, null, 2) + '\n') };
}

export function htmlRendered(status: number, page: { value: string }): Rendered {
  return { status, type: 'text/html; charset=utf-8', body: Buffer.from(page.value) };
}
