/** What every handler can reach: the store, the write token (null: no writes), limits, the log. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '../store/index.js';
import { HttpError, send } from './http.js';
import type { PageCache, Rendered } from './page-cache.js';
import { bearerToken, tokenMatches } from './security.js';
import type { WriteLock } from './write-lock.js';

export interface ServerContext {
  store: Store;
  /** The write token; null when the server takes no writes. */
  token: string | null;
  lock: WriteLock;
  /** Rendered read answers, dropped on every write through this server and after a few seconds. */
  cache: PageCache;
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
 * Answers a read from the page cache, or produces, sends and keeps it (200s only). The key
 * is the address and whether JSON was asked for. A stale entry is answered while one request
 * renders it again in the background.
 */
export async function serveCached(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, json: boolean, produce: () => Promise<Rendered>): Promise<void> {
  const key = `${json ? 'j' : 'h'} ${req.url ?? ''}`;
  const generation = ctx.lock.generation;
  const hit = ctx.cache.lookup(key, generation);
  let answer: Rendered;
  if (hit) {
    answer = hit.value;
    if (!hit.fresh && ctx.cache.claimRefresh(key)) {
      setImmediate(() => {
        produce()
          .then((fresh) => {
            if (fresh.status === 200) ctx.cache.set(key, fresh, generation);
          })
          .catch((err: unknown) => ctx.log(`crosscheck serve: refreshing ${key}: ${err instanceof Error ? err.message : String(err)}`))
          .finally(() => ctx.cache.releaseRefresh(key));
      });
    }
  } else {
    answer = await produce();
    if (answer.status === 200) ctx.cache.set(key, answer, generation);
  }
  send(res, answer.status, answer.type, answer.body, { 'cache-control': 'no-store' });
}
