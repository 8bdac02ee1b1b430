/**
 * `crosscheck worker`: one of any number of processes, on any number of machines, that take
 * ingest jobs from the PostgreSQL queue and store their articles. Per round:
 *   1. claim     up to `claimSize` jobs (FOR UPDATE SKIP LOCKED, with a lease kept alive by a
 *                heartbeat); jobs whose content is already stored are just marked done
 *   2. process   extract + analyze + cluster features on `concurrency` worker threads: the
 *                expensive part, fully parallel across workers
 *   3. assign    under the advisory locks of the batch's time windows (locks.ts): the
 *                clusterer reloads the shared state, plans, and ONE transaction stores the
 *                articles, fingerprints, membership, state, and marks the jobs done. A worker
 *                killed at any moment leaves all of it or none: its jobs are claimed again
 *                when the lease runs out, and content-hash idempotency stores nothing twice
 *   4. analyse   the stories the batch changed are compared again off the locks, and put back
 *                under the global lock, only if their membership is still the one analysed
 * When the queue is empty the worker analyses stale stories (one worker per story, by
 * try-lock) and waits for more, or exits when asked to stop at an empty queue.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { DEFAULT_CONTEXT, message, type Context } from '../model/index.js';
import type { JobResult } from '../ingest/jobs.js';
import { Clusterer, DF_STATE_KEY, type ClusterItem } from '../cluster/clusterer.js';
import { DocumentFrequency } from '../cluster/df.js';
import { applyAnalysis, storyInput } from '../cluster/refresh.js';
import { WorkerPool } from '../ingest/pool.js';
import { INGEST } from '../ingest/ingest.js';
import type { PostgresStore, Queryable } from '../store/postgres/index.js';
import { EXCLUSIVE, locksFor, releaseStoryLock, tryStoryLock, withLocks } from './locks.js';
import { claim, heartbeat, isDrained, markDone, markFailed, registerWorker, stopWorker, type Job, type WorkerCounters } from './queue.js';

export const WORKER = {
  /** Jobs claimed (and committed) together: one transaction amortised over them, little lost to a kill. */
  claimSize: 64,
  /** How long a claimed job is ours without a heartbeat; a dead worker's jobs wait this long. */
  leaseSeconds: 60,
  /** Wait between polls of an empty queue. */
  pollMs: 500,
  /**
   * Longest wait for earlier jobs to be committed before assigning a batch. Assignment in queue
   * order makes the stories the same as one process's (a borderline article, above all an
   * undated one, can found a story of its own when it is placed before its story's other
   * articles); a worker that died holds its jobs only until their lease runs out, and past
   * this wait the batch goes ahead anyway.
   */
  orderWaitMs: 10_000,
} as const;

export interface WorkerOptions {
  store: PostgresStore;
  /** Worker threads for the per-article work; 0 runs it on the main thread. */
  concurrency?: number;
  claimSize?: number;
  leaseSeconds?: number;
  pollMs?: number;
  /** Exit once no job is queued or running (else wait for more until `signal` aborts). */
  untilEmpty?: boolean;
  /** Compare the stories that changed (default true). */
  analyse?: boolean;
  context?: Partial<Context>;
  signal?: AbortSignal;
  /** Called after each committed batch. */
  onBatch?: (s: WorkerSummary) => void;
}

export interface WorkerSummary extends WorkerCounters {
  id: string;
  /** Articles stored by this worker. */
  stored: number;
  /** Jobs whose content was already stored. */
  duplicates: number;
  batches: number;
  analysed: number;
  seconds: number;
}

export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const { store } = options;
  const started = Date.now();
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const lease = options.leaseSeconds ?? WORKER.leaseSeconds;
  const ctx: Context = { ...DEFAULT_CONTEXT, ...options.context };
  const summary: WorkerSummary = { id, done: 0, failed: 0, busyMs: 0, dbWaitMs: 0, stored: 0, duplicates: 0, batches: 0, analysed: 0, seconds: 0 };
  const db = async <T>(fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await fn();
    } finally {
      summary.dbWaitMs += performance.now() - t;
    }
  };
  const pool = new WorkerPool(options.concurrency ?? 1);
  await registerWorker(store, id, hostname(), process.pid);
  let beating: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    beating = heartbeat(store, id, lease, summary).catch(() => undefined);
  }, Math.max(200, (lease * 1000) / 3));

  /** Step 4 for one story: analysed off the locks, written back under them if still current. */
  const analyse = async (storyId: string, upTo: number): Promise<void> => {
    if (options.analyse === false) return;
    const input = await db(() => storyInput(store, storyId));
    if (!input || input.memberIds.length > upTo || input.memberIds.length < INGEST.analyseFrom) return;
    const t = performance.now();
    const r = await pool.run({ kind: 'story', id: storyId, articles: input.articles });
    summary.busyMs += performance.now() - t;
    if (r.kind !== 'story') return;
    // Written back under the global lock, exclusively: an article can join a story through an
    // undated member whatever its date, so no time window bounds who may be changing it.
    if (await db(() => withLocks(store.pool, EXCLUSIVE, () => applyAnalysis(store, input, r.story)))) summary.analysed++;
  };

  /** Stale stories left by batches (large ones, and those of killed workers): one worker each. */
  const analyseStale = async (): Promise<void> => {
    if (options.analyse === false) return;
    const ids = await db(() => store.staleStories(100_000));
    if (ids.length === 0) return;
    const client = await store.pool.connect();
    try {
      for (const storyId of ids) {
        if (options.signal?.aborted) return;
        if (!(await tryStoryLock(client, storyId))) continue;
        try {
          await analyse(storyId, Infinity);
        } finally {
          await releaseStoryLock(client, storyId);
        }
      }
    } finally {
      client.release();
    }
  };

  const round = async (jobs: Job[]): Promise<void> => {
    // 1. Content already stored (a rerun, or a job retried after its worker stored it) is done.
    const stored = await db(() => store.hasContent(jobs.map((j) => j.contentHash)));
    // 2. The per-article work, in parallel on the threads.
    const t = performance.now();
    const results = await Promise.all(jobs.map(async (job) => ({ job, r: stored.has(job.contentHash) ? null : await pool.run({ kind: 'source', source: job.source, ctx }).catch((e: Error): JobResult => ({ kind: 'failed', message: message('CC701', `${job.source.uri}: a worker thread stopped: ${e.message}`) })) })));
    summary.busyMs += performance.now() - t;
    const items: ClusterItem[] = [];
    const doneSeqs: string[] = [];
    const failures: { seq: string; reason: string }[] = [];
    for (const { job, r } of results) {
      if (r === null) {
        doneSeqs.push(job.seq);
        summary.duplicates++;
      } else if (r.kind === 'failed') failures.push({ seq: job.seq, reason: `${r.message.code} ${r.message.reason}` });
      else if (r.kind === 'article') {
        if (r.article.text.trim() === '') {
          const why = r.article.messages.find((m) => m.severity === 'error');
          failures.push({ seq: job.seq, reason: why ? `${why.code} ${why.reason}` : `CC701 ${job.source.uri}: no text left to ingest` });
        } else {
          items.push({ article: r.article, features: r.features });
          doneSeqs.push(job.seq);
        }
      }
    }
    await db(() => markFailed(store, failures));
    summary.failed += failures.length;
    // 3. Assignment in queue order (see WORKER.orderWaitMs), serialised per time window; the
    //    jobs are marked done in the same transaction.
    await db(() => earlierJobsDone(store, jobs.map((j) => j.seq), WORKER.orderWaitMs, options.pollMs ?? WORKER.pollMs));
    const locks = locksFor(items.map((i) => i.features.time));
    const changed = await db(() =>
      withLocks(store.pool, locks, async () => {
        const already = await store.hasContent(items.map((i) => i.article.contentHash));
        const fresh = items.filter((i) => !already.has(i.article.contentHash));
        summary.duplicates += items.length - fresh.length;
        const clusterer = await Clusterer.open(store);
        const before = clusterer.df.counts.slice();
        const documentsBefore = clusterer.df.documents;
        const plan = await clusterer.planBatch(fresh);
        // The document frequencies are shared by every worker: this batch's counts are added to
        // the stored sketch inside the commit (row locked), so that batches committing side by
        // side in other time windows never lose each other's counts.
        const delta = sketchDelta(before, clusterer.df.counts);
        const documents = clusterer.df.documents - documentsBefore;
        const batch = { articles: fresh.map((i) => i.article), fingerprints: plan.fingerprints, assignments: plan.assignments };
        const result = await store.commitBatch(batch, async (c) => {
          await addToSketch(c, delta, documents);
          await markDone(c, doneSeqs);
        });
        summary.stored += result.inserted.length;
        summary.duplicates += result.duplicates.length;
        return plan.assignments.map((a) => a.storyId);
      }),
    );
    summary.done += doneSeqs.length;
    summary.batches++;
    // 4. The stories this batch changed.
    for (const storyId of changed) await analyse(storyId, INGEST.analyseNowUpTo);
    summary.seconds = (Date.now() - started) / 1000;
    options.onBatch?.(summary);
  };

  try {
    let idle = false;
    while (!options.signal?.aborted) {
      const jobs = await db(() => claim(store, id, options.claimSize ?? WORKER.claimSize, lease));
      if (jobs.length > 0) {
        idle = false;
        await round(jobs);
        continue;
      }
      if (!idle) await analyseStale();
      idle = true;
      if (options.untilEmpty && (await db(() => isDrained(store)))) {
        await analyseStale(); // what the last batches of the other workers left
        break;
      }
      await sleep(options.pollMs ?? WORKER.pollMs, options.signal);
    }
  } finally {
    clearInterval(timer);
    await beating;
    await heartbeat(store, id, lease, summary).catch(() => undefined);
    await stopWorker(store, id).catch(() => undefined);
    await pool.close();
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/** Waits (at most `maxMs`) until no job queued before these is still waiting or running. */
async function earlierJobsDone(store: PostgresStore, seqs: readonly string[], maxMs: number, pollMs: number): Promise<void> {
  const first = seqs.reduce((a, b) => (BigInt(b) < BigInt(a) ? b : a));
  const until = Date.now() + maxMs;
  const step = Math.min(50, pollMs);
  while (Date.now() < until) {
    const { rowCount } = await store.pool.query(`SELECT 1 FROM jobs WHERE seq < $1 AND state IN ('queued', 'running') LIMIT 1`, [first]);
    if (!rowCount) return;
    await new Promise((r) => setTimeout(r, step));
  }
}

/** The counters that changed, as (index, increment) pairs. */
function sketchDelta(before: Uint32Array, after: Uint32Array): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < after.length; i++) if (after[i] !== before[i]) out.push([i, (after[i] ?? 0) - (before[i] ?? 0)]);
  return out;
}

/** Adds a batch's counts to the stored document-frequency sketch (read and written under a row lock). */
async function addToSketch(c: Queryable, delta: readonly [number, number][], documents: number): Promise<void> {
  if (documents === 0) return;
  const { rows } = await c.query<{ value: Buffer }>('SELECT value FROM state WHERE key = $1 FOR UPDATE', [DF_STATE_KEY]);
  const df = DocumentFrequency.deserialize(rows[0] ? new Uint8Array(rows[0].value) : null);
  for (const [i, n] of delta) df.counts[i] = (df.counts[i] ?? 0) + n;
  df.documents += documents;
  const bytes = df.serialize();
  await c.query('INSERT INTO state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [DF_STATE_KEY, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
}
