/**
 * A pool of worker threads for the per-article work. Jobs go to the least busy worker; the
 * caller bounds how many are in flight (so memory stays flat however large the dump). With
 * size 0 the jobs run on the calling thread (tests, tiny inputs). Under tsx (the sources run
 * as .ts) each worker first registers tsx, as workers do not inherit the parent's loaders.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { runJob, type Job, type JobResult } from './jobs.js';

interface Slot {
  worker: Worker;
  busy: number;
}

export class WorkerPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { resolve: (r: JobResult) => void; reject: (e: Error) => void; slot: Slot }>();
  private seq = 0;

  constructor(size: number) {
    this.size = size;
    for (let i = 0; i < size; i++) this.slots.push({ worker: this.spawn(), busy: 0 });
  }

  /** One worker per core, leaving the main thread (which owns the database) its share. */
  static defaultSize(): number {
    return Math.max(1, availableParallelism());
  }

  run(job: Job): Promise<JobResult> {
    if (this.size === 0) return Promise.resolve(runJob(job));
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const seq = ++this.seq;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject, slot });
      slot.worker.postMessage({ seq, job });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Worker {
    const self = new URL(import.meta.url);
    const ts = self.pathname.endsWith('.ts');
    const entry = new URL(ts ? './worker.ts' : './worker.js', self).href;
    const worker = ts
      ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true })
      : new Worker(new URL(entry));
    worker.on('message', (msg: { seq: number; result: JobResult }) => {
      const w = this.waiting.get(msg.seq);
      if (!w) return;
      this.waiting.delete(msg.seq);
      w.slot.busy--;
      w.resolve(msg.result);
    });
    worker.on('error', (err) => {
      // A worker that dies fails its jobs; the others go on.
      for (const [seq, w] of this.waiting) {
        if (w.slot.worker !== worker) continue;
        this.waiting.delete(seq);
        w.reject(err);
      }
    });
    return worker;
  }
}
