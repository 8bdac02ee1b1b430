/**
 * The ingest queue, held in PostgreSQL next to the store (the `jobs` and `workers` tables of
 * migration 3). One job per input record, keyed by the hash of its raw text, so enqueueing the
 * same input twice adds nothing. A worker claims jobs with FOR UPDATE SKIP LOCKED (workers never
 * wait on each other's claims) and holds them for a lease it renews while it works; a job whose
 * lease ran out (its worker died) is claimed again, up to MAX_ATTEMPTS, then fails with a reason.
 * A worker also holds a session advisory lock on its id for as long as it lives (holdLiveness):
 * PostgreSQL drops it the moment the worker's connection ends (kill -9, a crashed machine once
 * TCP gives up), so the jobs of a dead worker are claimed again at once, not after the lease.
 * A job is marked done in the same transaction that stores its article (see worker.ts).
 */
import { createHash } from 'node:crypto';
import type { SourceRecord } from '../model/index.js';
import type { PostgresStore, Queryable } from '../store/postgres/index.js';
import { rawInputOf } from '../read/utf8-text.js';

export const QUEUE = {
  /** Claims of a job that ended with its worker gone; past this the job fails (a record that kills workers). */
  maxAttempts: 3,
  /** A worker not seen for this long is counted as gone in `status`. */
  aliveSeconds: 30,
  /** Jobs inserted per statement by `enqueue`. */
  enqueueBatch: 500,
  /** Throughput in `status` is measured over this window. */
  rateWindowSeconds: 60,
} as const;

export interface Job {
  seq: string;
  contentHash: string;
  source: SourceRecord;
  attempts: number;
}

export function jobHash(source: SourceRecord): string {
  return createHash('sha256').update(rawInputOf(source)).digest('hex');
}

/** Puts records on the queue; returns how many were new (the rest were queued or done before). */
export async function enqueue(store: PostgresStore, sources: readonly SourceRecord[]): Promise<number> {
  if (sources.length === 0) return 0;
  const res = await store.transaction((c) =>
    c.query(
      `INSERT INTO jobs (content_hash, source) SELECT h, s FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(h, s, ord) ORDER BY ord
       ON CONFLICT (content_hash) DO NOTHING`,
      [sources.map(jobHash), sources.map((s) => JSON.stringify(s))],
    ),
  );
  return res.rowCount ?? 0;
}

/**
 * Claims up to `n` jobs for `worker`, lowest seq first: queued ones, and running ones whose
 * worker is gone (its lease ran out, or its liveness lock is free). With `before`, only jobs
 * queued before that seq (a worker helping the jobs its own batch waits for). A job claimed
 * past MAX_ATTEMPTS fails instead (it is not returned).
 */
export async function claim(store: PostgresStore, worker: string, n: number, leaseSeconds: number, before?: string): Promise<Job[]> {
  return store.transaction(async (c) => {
    // Claims take turns (a lock held until this transaction ends, a few ms): two claims side by
    // side with SKIP LOCKED would each take part of a dead worker's batch, and batches made of
    // other articles cluster differently from the single process's (seen after SIGKILLs in the
    // 10k equivalence run). SKIP LOCKED still keeps a claim off rows another transaction holds.
    await c.query('SELECT pg_advisory_xact_lock($1, 0)', [CLAIM_SPACE]);
    const { rows } = await c.query<{ seq: string; content_hash: string; source: string; attempts: number }>(
      `WITH alive AS (${ALIVE_SQL})
       UPDATE jobs j SET state = 'running', worker = $1, lease_until = now() + make_interval(secs => $2), attempts = j.attempts + 1
       FROM (SELECT seq FROM jobs
             WHERE (state = 'queued' OR (state = 'running' AND (lease_until < now() OR hashtext(worker)::oid NOT IN (SELECT objid FROM alive))))
               AND ($4::bigint IS NULL OR seq < $4::bigint)
             ORDER BY seq LIMIT $3 FOR UPDATE SKIP LOCKED) picked
       WHERE j.seq = picked.seq
       RETURNING j.seq, j.content_hash, j.source, j.attempts`,
      [worker, leaseSeconds, n, before ?? null],
    );
    const tooMany = rows.filter((r) => r.attempts > QUEUE.maxAttempts).map((r) => r.seq);
    if (tooMany.length > 0) {
      await c.query(
        `UPDATE jobs SET state = 'failed', finished_at = now(), lease_until = NULL,
           reason = 'CC701 the worker processing it stopped ' || (attempts - 1) || ' times (killed, or out of memory on this record)'
         WHERE seq = ANY($1::bigint[])`,
        [tooMany],
      );
    }
    return rows
      .filter((r) => r.attempts <= QUEUE.maxAttempts)
      .sort((a, b) => Number(a.seq) - Number(b.seq))
      .map((r) => ({ seq: r.seq, contentHash: r.content_hash, source: JSON.parse(r.source) as SourceRecord, attempts: r.attempts }));
  });
}

/** Marks jobs done (inside the transaction that stored their articles). */
export async function markDone(c: Queryable, seqs: readonly string[]): Promise<void> {
  if (seqs.length > 0) await c.query(`UPDATE jobs SET state = 'done', finished_at = now(), lease_until = NULL, reason = NULL WHERE seq = ANY($1::bigint[])`, [seqs]);
}

export async function markFailed(store: PostgresStore, failures: readonly { seq: string; reason: string }[]): Promise<void> {
  if (failures.length === 0) return;
  await store.transaction((c) =>
    c.query(
      `UPDATE jobs j SET state = 'failed', finished_at = now(), lease_until = NULL, reason = f.reason
       FROM unnest($1::bigint[], $2::text[]) AS f(seq, reason) WHERE j.seq = f.seq`,
      [failures.map((f) => f.seq), failures.map((f) => f.reason)],
    ),
  );
}

/** Keeps a worker's claimed jobs leased while it works on them, and says it is alive. */
export async function heartbeat(store: PostgresStore, worker: string, leaseSeconds: number, counters: WorkerCounters): Promise<void> {
  await store.transaction(async (c) => {
    await c.query(`UPDATE jobs SET lease_until = now() + make_interval(secs => $2) WHERE worker = $1 AND state = 'running'`, [worker, leaseSeconds]);
    await c.query(
      `UPDATE workers SET seen_at = now(), done = $2, failed = $3, busy_ms = $4, db_wait_ms = $5 WHERE id = $1`,
      [worker, counters.done, counters.failed, Math.round(counters.busyMs), Math.round(counters.dbWaitMs)],
    );
  });
}

export interface WorkerCounters {
  done: number;
  failed: number;
  /** Time spent on the per-article work (the worker threads), ms. */
  busyMs: number;
  /** Time spent waiting on the database (queries, locks, commits), ms. */
  dbWaitMs: number;
}

/** A worker that stops cleanly says so (one that is killed is found gone by its silence). */
export async function stopWorker(store: PostgresStore, worker: string): Promise<void> {
  await store.pool.query('UPDATE workers SET stopped_at = now() WHERE id = $1', [worker]);
}

/** First key of the workers' liveness locks ("CCwk"); the second is hashtext(worker id). */
const LIVENESS_SPACE = 0x4343776b;
/** Advisory lock space of the claim turn (locks.ts uses 0x4343776c and the next one). */
const CLAIM_SPACE = 0x4343776a;

/** The liveness locks held now in this database: one row (objid) per live worker. */
const ALIVE_SQL = `SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = ${LIVENESS_SPACE}::oid
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

/**
 * Takes the worker's liveness lock on a connection kept for the worker's life; the returned
 * function lets it go (and the connection). A killed worker's session ends and the lock with it.
 */
export async function holdLiveness(store: PostgresStore, worker: string): Promise<() => Promise<void>> {
  const client = await store.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LIVENESS_SPACE, worker]);
  } catch (e) {
    client.release();
    throw e;
  }
  // A broken connection must not take the process down: the lock is gone with it, and the
  // worker's jobs may be taken by others (content-hash idempotency stores nothing twice).
  client.on('error', () => undefined);
  return async () => {
    await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LIVENESS_SPACE, worker]).catch(() => undefined);
    client.release();
  };
}

/** Jobs queued before `seq` that are not finished (queued, or running anywhere). */
export async function unfinishedBefore(store: PostgresStore, seq: string): Promise<{ waiting: boolean; orphaned: boolean }> {
  const { rows } = await store.pool.query<{ waiting: boolean; orphaned: boolean }>(
    `WITH alive AS (${ALIVE_SQL})
     SELECT COUNT(*) > 0 AS waiting,
            COALESCE(bool_or(state = 'queued' OR lease_until < now() OR hashtext(worker)::oid NOT IN (SELECT objid FROM alive)), false) AS orphaned
     FROM jobs WHERE seq < $1 AND state IN ('queued', 'running')`,
    [seq],
  );
  return rows[0] ?? { waiting: false, orphaned: false };
}

export async function registerWorker(store: PostgresStore, worker: string, host: string, pid: number): Promise<void> {
  await store.transaction((c) => c.query('INSERT INTO workers (id, host, pid) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET seen_at = now()', [worker, host, pid]));
}

/** True when no job is queued or running (leased or not): the queue is drained. */
export async function isDrained(store: PostgresStore): Promise<boolean> {
  const { rows } = await store.pool.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM jobs WHERE state IN ('queued', 'running')`);
  return (rows[0]?.n ?? 0) === 0;
}

export interface QueueStatus {
  queued: number;
  running: number;
  /** Running jobs whose lease ran out (their worker is gone): they will be claimed again. */
  expired: number;
  done: number;
  failed: number;
  /** Jobs done per second over the last QUEUE.rateWindowSeconds. */
  perSecond: number;
  /** Workers seen; `alive` false for those that stopped, or whose liveness lock is gone (killed), or went silent. */
  workers: { id: string; host: string; pid: number; alive: boolean; seenSecondsAgo: number; done: number; failed: number; busyMs: number; dbWaitMs: number }[];
  failures: { seq: string; uri: string; attempts: number; reason: string }[];
}

export async function queueStatus(store: PostgresStore, failuresShown = 20): Promise<QueueStatus> {
  const q = store.pool;
  const { rows: counts } = await q.query<{ state: string; expired: boolean; n: number }>(
    `SELECT state, (state = 'running' AND lease_until < now()) AS expired, COUNT(*)::int AS n FROM jobs GROUP BY 1, 2`,
  );
  const n = (state: string, expired?: boolean) => counts.filter((r) => r.state === state && (expired === undefined || r.expired === expired)).reduce((s, r) => s + r.n, 0);
  const { rows: rate } = await q.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM jobs WHERE state = 'done' AND finished_at > now() - make_interval(secs => $1)`, [QUEUE.rateWindowSeconds]);
  const { rows: workers } = await q.query<{ id: string; host: string; pid: number; ago: number; stopped: boolean; locked: boolean; done: string; failed: string; busy_ms: string; db_wait_ms: string }>(
    `WITH alive AS (${ALIVE_SQL})
     SELECT id, host, pid, EXTRACT(EPOCH FROM now() - seen_at)::float8 AS ago, stopped_at IS NOT NULL AS stopped,
            hashtext(id)::oid IN (SELECT objid FROM alive) AS locked, done, failed, busy_ms, db_wait_ms
     FROM workers ORDER BY started_at, id`,
  );
  const { rows: failures } = await q.query<{ seq: string; source: string; attempts: number; reason: string | null }>(
    `SELECT seq, source, attempts, reason FROM jobs WHERE state = 'failed' ORDER BY seq LIMIT $1`,
    [failuresShown],
  );
  return {
    queued: n('queued'),
    running: n('running', false),
    expired: n('running', true),
    done: n('done'),
    failed: n('failed'),
    perSecond: (rate[0]?.n ?? 0) / QUEUE.rateWindowSeconds,
    workers: workers.map((w) => ({
      id: w.id,
      host: w.host,
      pid: w.pid,
      alive: !w.stopped && w.locked && w.ago < QUEUE.aliveSeconds,
      seenSecondsAgo: w.ago,
      done: Number(w.done),
      failed: Number(w.failed),
      busyMs: Number(w.busy_ms),
      dbWaitMs: Number(w.db_wait_ms),
    })),
    failures: failures.map((f) => ({ seq: f.seq, uri: (JSON.parse(f.source) as SourceRecord).uri, attempts: f.attempts, reason: f.reason ?? '' })),
  };
}

/** Puts failed jobs back on the queue; returns how many. */
export async function retryFailed(store: PostgresStore): Promise<number> {
  const res = await store.transaction((c) => c.query(`UPDATE jobs SET state = 'queued', attempts = 0, reason = NULL, finished_at = NULL, worker = NULL WHERE state = 'failed'`));
  return res.rowCount ?? 0;
}
