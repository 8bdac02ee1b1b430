/**
 * Story assignment must see a consistent set of stories: two workers placing articles of the
 * same event at the same moment would each found a story and split it in two. So assignment is
 * serialised per time window with PostgreSQL advisory locks, held on one connection (a killed
 * worker's session ends and its locks go with it):
 *   - time is cut into buckets of the clusterer's window (SIMILARITY.windowDays); an article
 *     can only join stories within one window of it, so a batch locks the buckets of its
 *     articles and their neighbours, and batches far apart in time run side by side;
 *   - an article with no date can join any story: its batch takes the global lock exclusively,
 *     every other batch takes it shared;
 *   - locks are taken in one order (global, then buckets ascending), so there is no deadlock.
 */
import type pg from 'pg';
import { DAY_MS, SIMILARITY } from '../stories/group/similarity.js';

/** First key of every crosscheck assignment lock ("CCwl"). */
const LOCK_SPACE = 0x4343776c;
/** Second key of the global lock (buckets are days/window since 1970: never negative). */
const GLOBAL = -1;
const BUCKET_MS = SIMILARITY.windowDays * DAY_MS;

export interface LockSet {
  global: 'shared' | 'exclusive';
  buckets: number[];
}

/** The locks that assigning articles with these times (ms, or null for undated) needs. */
export function locksFor(times: readonly (number | null)[]): LockSet {
  if (times.some((t) => t === null)) return { global: 'exclusive', buckets: [] };
  const buckets = new Set<number>();
  for (const t of times as number[]) {
    const b = Math.floor(t / BUCKET_MS);
    for (const k of [b - 1, b, b + 1]) if (k >= 0) buckets.add(k);
  }
  return { global: 'shared', buckets: [...buckets].sort((a, b) => a - b) };
}

/** Every assignment waits for this one (writing back an analyzed story: see worker.ts). */
export const EXCLUSIVE: LockSet = { global: 'exclusive', buckets: [] };

/** Runs `fn` holding the locks on a connection of its own; they are released whatever happens. */
export async function withLocks<T>(pool: pg.Pool, locks: LockSet, fn: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(locks.global === 'shared' ? 'SELECT pg_advisory_lock_shared($1, $2)' : 'SELECT pg_advisory_lock($1, $2)', [LOCK_SPACE, GLOBAL]);
    if (locks.buckets.length > 0) {
      // One statement, in ascending order (a VALUES list keeps its order in a plain scan).
      await client.query('SELECT pg_advisory_lock($1, b) FROM unnest($2::int[]) WITH ORDINALITY AS t(b, ord) ORDER BY ord', [LOCK_SPACE, locks.buckets]);
    }
    return await fn();
  } finally {
    await client.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    client.release();
  }
}

/** Tries to take a lock on one story for its analysis; false when another worker has it. */
export async function tryStoryLock(client: pg.PoolClient, storyId: string): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LOCK_SPACE + 1, storyId]);
  return rows[0]?.ok === true;
}

export async function releaseStoryLock(client: pg.PoolClient, storyId: string): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_SPACE + 1, storyId]);
}
