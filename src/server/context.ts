/** What every handler can reach: the store, the write token (null: no writes), limits, the log. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '../store/index.js';
import { HttpError, send } from './http.js';
import { acceptsGzip, etagMatches, gzipEtag, type CachedAnswer, type PageCache, type Rendered } from './page-cache.js';
import { bearerToken, securityHeaders, tokenMatches } from './security.js';
import type { WriteLock } from './write-lock.js';

export interface ServerContext {
  store: Store;
  /** The write token; null when the server takes no writes. */
  token: string | null;
  lock: WriteLock;
  /** Rendered read answers, kept while what they show is unchanged (see page-cache.ts). */
  cache: PageCache;
  /** Answers being made, by cache key and change mark: concurrent misses wait for one render. */
  pending: Map<string, Promise<CachedAnswer>>;
  /** Largest request body, in bytes. */
  maxBody: number;
  /** Where internal errors are written (never to the client). */
  log: (line: string) => void;
}

/**
 * Refuses a write unless it carries the server's token: 403 (CC904) when the server takes no
 * writes or the token is wrong, 401 (CC903) when none was given.
 */
export function requireToken(ctx: ServerContext, given: string | null): void {
  if (ctx.token === null) throw new HttpError(403, 'CC904', 'this server takes no writes (it was started without --token)');
  if (given === null || given === '') {
    throw new HttpError(401, 'CC903', 'this endpoint needs the write token', { headers: { 'www-authenticate': 'Bearer realm="crosscheck"' } });
  }
  if (!tokenMatches(given, ctx.token)) throw new HttpError(403, 'CC904', 'the write token is wrong');
}

export function headerToken(req: IncomingMessage): string | null {
  return bearerToken(req.headers.authorization);
}

/**
 * Answers a read from the page cache, or makes, sends and keeps it (200s only). The key is the
 * address and whether JSON was asked for. The change mark is read first, then the stamp, then
 * the data: a write in between can only make the entry look older than it is, never newer.
 * `stamp` (a story's or an article's) lets an entry outlive writes that did not touch it.
 * Answers carry an ETag; a request whose If-None-Match names it gets 304 and no body.
 */
export async function serveCached(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  json: boolean,
  produce: () => Promise<Rendered>,
  stamp?: () => Promise<string | null>,
): Promise<void> {
  const key = `${json ? 'j' : 'h'} ${req.url ?? ''}`;
  const mark = `${ctx.lock.generation}/${await ctx.store.changeMark()}`;
  let answer: CachedAnswer | null = null;
  const hit = ctx.cache.peek(key);
  if (hit && hit.mark === mark) answer = hit;
  else if (hit && hit.stamp !== null && stamp) {
    if ((await stamp()) === hit.stamp) {
      ctx.cache.revalidate(key, mark);
      answer = hit;
    }
  }
  if (!answer) {
    const pendingKey = `${mark} ${key}`;
    let making = ctx.pending.get(pendingKey);
    if (!making) {
      making = (async () => {
        const stamped = stamp ? await stamp() : null;
        const value = await produce();
        return value.status === 200 ? ctx.cache.set(key, value, mark, stamped) : { value, etag: '', gzip: null, mark, stamp: null };
      })();
      ctx.pending.set(pendingKey, making);
      void making.catch(() => undefined).finally(() => ctx.pending.delete(pendingKey));
    }
    answer = await making;
  }
  const { value } = answer;
  if (value.status !== 200) {
    send(res, value.status, value.type, value.body, { 'cache-control': 'no-store' });
    return;
  }
  const gzip = answer.gzip !== null && acceptsGzip(req.headers['accept-encoding']) ? answer.gzip : null;
  const etag = gzip ? gzipEtag(answer.etag) : answer.etag;
  // no-cache: a browser may keep the answer but asks again (If-None-Match) before using it.
  const headers: Record<string, string> = { etag, 'cache-control': 'no-cache', vary: 'accept, accept-encoding' };
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, { ...securityHeaders(), ...headers });
    res.end();
    return;
  }
  if (gzip) headers['content-encoding'] = 'gzip';
  send(res, value.status, value.type, gzip ?? value.body, headers);
}
