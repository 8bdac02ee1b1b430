/** A worker thread of the ingest pool: runs jobs as they come (see jobs.ts), after saying it is ready (pool.ts starts its clocks then). */
import { parentPort } from 'node:worker_threads';
import { packResult, runJob, unpackJob, type PackedJob } from './jobs.js';

parentPort?.on('message', (msg: { seq: number; job: PackedJob }) => {
  parentPort?.postMessage({ seq: msg.seq, result: packResult(runJob(unpackJob(msg.job))) });
});
parentPort?.postMessage({ ready: true });
