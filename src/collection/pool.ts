/**
 * A pool of worker threads for the per-article work. Jobs go to the least busy worker; the
 * caller bounds how many are in flight (so memory stays flat however large the dump). With
 * size 0 the jobs run on the calling thread (tests, tiny inputs). Under tsx (the sources run
 * as .ts) each worker first registers tsx, as workers do not inherit the parent's loaders.
 *
 * The time bound per document (Context.timeLimitMs): a worker runs its jobs in the order they
 * were posted, so the job at the head of a worker's queue is the one running, and its clock starts
 * when the job before it finished (or when the worker said it was ready). A source job past the
 * bound has its worker terminated and replaced; it fails with CC706, and the jobs queued behind
 * it go to the new worker. A worker that dies (an uncaught error, out of memory) is replaced the
 * same way: its running job fails and the rest of the batch goes on.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { message } from '../model/index.js';
import { packJob, runJob, unpackResult, type Job, type JobResult, type PackedResult } from './jobs.js';

interface Pending {
  seq: number;
  job: Job;
  resolve: (r: JobResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Posted jobs, in the order the worker runs them: the head is running. */
  queue: Pending[];
  /** False until the worker has loaded its modules (its first message). */
  ready: boolean;
  timer: NodeJS.Timeout | null;
}

/** What a worker posts: its readiness once, then one answer per job. */
type WorkerMessage = { ready: true } | { seq: number; result: PackedResult };

export class WorkerPool {
  size: number;
  /** Workers replaced after a timeout or a crash (for tests and the summary). */
  replaced = 0;
  private readonly slots: Slot[] = [];
  private seq = 0;
  private closed = false;

  constructor(size: number) {
    this.size = size;
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: undefined as unknown as Worker, queue: [], ready: false, timer: null };
      slot.worker = this.spawn(slot);
      this.slots.push(slot);
    }
  }

  /**
   * One worker per core but one: the main thread, which owns the database, clusters and commits
   * every batch and is the serial part of an ingest; a worker per core made three threads share
   * two cores, and the main thread's turns were slower (10k articles: 580/s with two workers,
   * 700/s with one, bench/README.md). Work that leaves the main thread idle (the final pass of
   * story analysis) grows the pool to one per core (`grow`).
   */
  static defaultSize(): number {
    return Math.max(1, availableParallelism() - 1);
  }

  /** Adds workers up to `size` (never removes any). */
  grow(size: number): void {
    if (this.closed) return;
    while (this.slots.length < size) {
      const slot: Slot = { worker: undefined as unknown as Worker, queue: [], ready: false, timer: null };
      slot.worker = this.spawn(slot);
      this.slots.push(slot);
    }
    this.size = this.slots.length;
  }

  run(job: Job): Promise<JobResult> {
    if (this.size === 0) return Promise.resolve(runJob(job));
    const slot = this.slots.reduce((a, b) => (b.queue.length < a.queue.length ? b : a));
    return new Promise((resolve, reject) => {
      const pending: Pending = { seq: ++this.seq, job, resolve, reject };
      slot.queue.push(pending);
      slot.worker.postMessage({ seq: pending.seq, job: packJob(job) });
      if (slot.queue.length === 1) this.startClock(slot);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.slots) this.stopClock(s);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(slot: Slot): Worker {
    const self = new URL(import.meta.url);
    const ts = self.pathname.endsWith('.ts');
    const entry = new URL(ts ? './thread.ts' : './thread.js', self).href;
    const worker = ts
      ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true })
      : new Worker(new URL(entry));
    worker.on('message', (msg: WorkerMessage) => {
      if (slot.worker !== worker) return;
      if ('ready' in msg) {
        slot.ready = true;
        this.startClock(slot);
        return;
      }
      const i = slot.queue.findIndex((p) => p.seq === msg.seq);
      if (i < 0) return;
      const [done] = slot.queue.splice(i, 1);
      this.stopClock(slot);
      done?.resolve(unpackResult(msg.result));
      this.startClock(slot);
    });
    const died = (err: Error): void => {
      if (slot.worker !== worker || this.closed) return;
      // The running job fails; the others go to a new worker.
      const head = slot.queue.shift();
      head?.reject(err);
      this.replace(slot);
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`worker exited with code ${code}`)));
    return worker;
  }

  /** Starts the clock of the job at the head of the slot's queue (once the worker is ready). */
  private startClock(slot: Slot): void {
    this.stopClock(slot);
    const head = slot.queue[0];
    if (!slot.ready || !head || head.job.kind !== 'source') return;
    const limit = head.job.ctx.timeLimitMs;
    if (!(limit > 0)) return;
    slot.timer = setTimeout(() => {
      slot.timer = null;
      if (slot.queue[0] !== head || head.job.kind !== 'source') return;
      slot.queue.shift();
      const uri = head.job.source.uri;
      head.resolve({ kind: 'failed', message: message('CC706', `${uri}: took longer than the time limit of ${limit} ms per document; its worker was stopped`, { uri }) });
      this.replace(slot);
    }, limit);
  }

  private stopClock(slot: Slot): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
  }

  /** Terminates the slot's worker and gives its queued jobs to a new one. */
  private replace(slot: Slot): void {
    this.stopClock(slot);
    const old = slot.worker;
    this.replaced++;
    slot.ready = false;
    slot.worker = this.spawn(slot);
    old.terminate().catch(() => undefined);
    for (const p of slot.queue) slot.worker.postMessage({ seq: p.seq, job: packJob(p.job) });
  }
}
