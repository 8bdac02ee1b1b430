/**
 * `crosscheck worker`: one of any number of processes, on any number of machines, that take
 * ingest jobs from the PostgreSQL queue and store their articles. Per round:
 *   1. claim     up to `claimSize` jobs, lowest seq first (FOR UPDATE SKIP LOCKED, with a
 *                lease kept alive by a heartbeat, and a liveness lock held while the worker
 *                lives); jobs whose content is already stored are just marked done
 *   2. process   extract + analyze + cluster features on `concurrency` worker threads: the
 *                expensive part, fully parallel across workers
 *   3. assign    in queue order: once every earlier job is committed (earlier jobs of a dead
 *                worker it takes and assigns itself first), and under the advisory locks of
 *                the batch's time windows (locks.ts), the clusterer reloads the shared state,
 *                plans, and ONE transaction stores the articles, fingerprints, membership, the
 *                document-frequency increments, and marks the jobs done. So the stories are
 *                those one `ingest` process makes with the same batches (test/equivalence*.ts).
 *                A worker killed at any moment leaves all of it or none: its jobs are claimed
 *                again as soon as its connection is gone (or its lease runs out), and
 *                content-hash idempotency stores nothing twice
 *   4. analyze   the stories the batch changed are compared again off the locks, and put back
 *                under the global lock, only if their membership is still the one analyzed
 * When the queue is empty the worker analyses stale stories (one worker per story, by
 * try-lock) and waits for more, or exits when asked to stop at an empty queue.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { DEFAULT_CONTEXT, message, type Context } from '../model/index.js';
import type { JobResult } from '../collection/jobs.js';
import { Clusterer, DF_STATE_KEY, type ClusterItem } from '../stories/group/clusterer.js';
import { applyAnalysis, storyInput } from '../collection/lifecycle.js';
import { WorkerPool } from '../collection/pool.js';
import { INGEST } from '../collection/ingest.js';
import { clusterBatch } from '../collection/batch.js';
import type { PostgresStore } from '../store/postgres/index.js';
import { EXCLUSIVE, locksFor, releaseStoryLock, tryStoryLock, withLocks } from './locks.js';
import { claim, heartbeat, holdLiveness, isDrained, markDone, markFailed, registerWorker, stopWorker, unfinishedBefore, type Job, type WorkerCounters } from './queue.js';

export const WORKER = {
  /**
   * Jobs claimed (and committed) together: one transaction amortised over them. The same as
   * one `ingest` process's batch, so that workers assigning batches in queue order make the
   * very stories that process makes (the clusterer weighs a batch's articles with the
   * document frequencies of the whole batch, and places its undated articles last). A kill
   * loses a batch's per-article work (a worker started again takes it up at once).
   */
  claimSize: INGEST.batchSize,
  /** How long a claimed job is ours without a heartbeat; a dead worker's jobs wait this long. */
  leaseSeconds: 60,
  /** Wait between polls of an empty queue. */
  pollMs: 500,
  /**
   * Longest wait for earlier jobs to be committed before assigning a batch. Assignment in queue
   * order makes the stories the same as one process's (a borderline article, above all an
   * undated one, can found a story of its own when it is placed before its story's other
   * articles, and the document frequencies it is weighed with are those of the articles before
   * it). A waiting worker does not wait on the dead: earlier jobs whose worker is gone (its
   * liveness lock free, or its lease out) it claims and assigns itself first. So this bound is
   * only reached when a live worker is stuck; past it the batch goes ahead out of order.
   */
  orderWaitMs: 300_000,
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
  analyze?: boolean;
  context?: Partial<Context>;
  signal?: AbortSignal;
  /** Called after each committed batch. */
  onBatch?: (s: WorkerSummary) => void;
}

export interface WorkerSummary extends WorkerCounters {
  id: string;
  /** Articles stored by this worker. */
  stored: number;
  /** Time spent waiting for earlier jobs, held by other live workers, to be committed (ms; not in dbWaitMs). */
  orderWaitMs: number;
  /**
   * Time spent assigning under the locks (clustering against the stored stories and the commit;
   * part of dbWaitMs), ms: the part that batches in queue order do one after another.
   */
  assignMs: number;
  /** Jobs whose content was already stored. */
  duplicates: number;
  batches: number;
  analyzed: number;
  seconds: number;
}

export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const { store } = options;
  const started = Date.now();
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const lease = options.leaseSeconds ?? WORKER.leaseSeconds;
  const ctx: Context = { ...DEFAULT_CONTEXT, ...options.context };
  const summary: WorkerSummary = { id, done: 0, failed: 0, busyMs: 0, dbWaitMs: 0, orderWaitMs: 0, assignMs: 0, stored: 0, duplicates: 0, batches: 0, analyzed: 0, seconds: 0 };
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
  const releaseLiveness = await holdLiveness(store, id);
  let beating: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    beating = heartbeat(store, id, lease, summary).catch(() => undefined);
  }, Math.max(200, (lease * 1000) / 3));

  /** Step 4 for one story: analyzed off the locks, written back under them if still current. */
  const analyze = async (storyId: string, upTo: number): Promise<void> => {
    if (options.analyze === false) return;
    const input = await db(() => storyInput(store, storyId));
    if (!input || input.memberIds.length > upTo || input.memberIds.length < INGEST.analyzeFrom) return;
    const t = performance.now();
    const r = await pool.run({ kind: 'story', id: storyId, articles: input.articles });
    summary.busyMs += performance.now() - t;
    if (r.kind !== 'story') return;
    // Written back under the global lock, exclusively: an article can join a story through an
    // undated member whatever its date, so no time window bounds who may be changing it.
    if (await db(() => withLocks(store.pool, EXCLUSIVE, () => applyAnalysis(store, input, r.story)))) summary.analyzed++;
  };

  /** Stale stories left by batches (large ones, and those of killed workers): one worker each. */
  const analyzeStale = async (): Promise<void> => {
    if (options.analyze === false) return;
    const ids = await db(() => store.staleStories(100_000));
    if (ids.length === 0) return;
    const client = await store.pool.connect();
    try {
      for (const storyId of ids) {
        if (options.signal?.aborted) return;
        if (!(await tryStoryLock(client, storyId))) continue;
        try {
          await analyze(storyId, Infinity);
        } finally {
          await releaseStoryLock(client, storyId);
        }
      }
    } finally {
      client.release();
    }
  };

  /**
   * Waits (at most WORKER.orderWaitMs) until no job queued before these is still waiting or
   * running; earlier jobs that nobody live holds (a killed worker's, or queued again) are
   * claimed and done here first, a batch at a time, in queue order.
   */
  const waitForEarlier = async (jobs: readonly Job[]): Promise<void> => {
    const first = jobs.reduce((a, j) => (BigInt(j.seq) < BigInt(a) ? j.seq : a), jobs[0]?.seq ?? '0');
    const until = Date.now() + WORKER.orderWaitMs;
    const step = Math.min(50, options.pollMs ?? WORKER.pollMs);
    while (Date.now() < until) {
      const earlier = await db(() => unfinishedBefore(store, first));
      if (!earlier.waiting) return;
      if (earlier.orphaned) {
        const taken = await db(() => claim(store, id, options.claimSize ?? WORKER.claimSize, lease, first));
        if (taken.length > 0) {
          await round(taken);
          continue;
        }
      }
      const t = performance.now();
      await sleep(step);
      summary.orderWaitMs += performance.now() - t;
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
        items.push(r.item);
        doneSeqs.push(job.seq);
      }
    }
    await db(() => markFailed(store, failures));
    summary.failed += failures.length;
    // 3. Assignment in queue order (see WORKER.orderWaitMs), serialised per time window; the
    //    jobs are marked done in the same transaction.
    await waitForEarlier(jobs);
    // A database whose document frequencies are still the older single value (no sketch rows
    // yet) has them moved to rows by the first batch, alone: two batches side by side would
    // each add the whole older count.
    const legacy = await db(async () => (await store.pool.query<{ legacy: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM sketch) AND EXISTS (SELECT 1 FROM state WHERE key = $1) AS legacy', [DF_STATE_KEY])).rows[0]?.legacy === true);
    const locks = legacy ? EXCLUSIVE : locksFor(items.map((i) => i.features.time));
    const changed = await db(() =>
      withLocks(store.pool, locks, async () => {
        const assignStarted = performance.now();
        const already = await store.hasContent(items.map((i) => i.article.contentHash));
        const fresh = items.filter((i) => !already.has(i.article.contentHash));
        summary.duplicates += items.length - fresh.length;
        const clusterer = await Clusterer.open(store);
        // The document frequencies are shared by every worker: this batch's increments are added
        // to the stored counters inside the commit, so that batches committing side by side in
        // other time windows never lose each other's counts.
        const { plan, result } = await clusterBatch(store, clusterer, fresh, (batch) => store.commitBatch(batch, (c) => markDone(c, doneSeqs)));
        summary.stored += result.inserted.length;
        summary.duplicates += result.duplicates.length;
        summary.assignMs += performance.now() - assignStarted;
        return plan.assignments.map((a) => a.storyId);
      }),
    );
    summary.done += doneSeqs.length;
    summary.batches++;
    // 4. The stories this batch changed.
    for (const storyId of changed) await analyze(storyId, INGEST.analyzeNowUpTo);
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
      if (!idle) await analyzeStale();
      idle = true;
      if (options.untilEmpty && (await db(() => isDrained(store)))) {
        await analyzeStale(); // what the last batches of the other workers left
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
    await releaseLiveness();
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
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
