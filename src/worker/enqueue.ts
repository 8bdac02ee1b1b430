/**
 * `crosscheck ingest --enqueue`: reads the inputs (streamed, as ingest does) and puts one job
 * per record on the PostgreSQL queue, for `crosscheck worker` processes to take. Records that
 * cannot be read are reported here, with their place in the input; enqueueing the same input
 * twice adds nothing (jobs are keyed by the hash of their raw text).
 */
import type { Message, SourceRecord } from '../model/index.js';
import { readInputs, type ReadOptions } from '../read/index.js';
import type { PostgresStore } from '../store/postgres/index.js';
import { enqueue, QUEUE } from './queue.js';

export interface EnqueueSummary {
  read: number;
  /** Jobs put on the queue by this run. */
  enqueued: number;
  /** Records already queued or done. */
  known: number;
  problems: Message[];
}

export async function enqueueInputs(store: PostgresStore, inputs: readonly string[], options: ReadOptions): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { read: 0, enqueued: 0, known: 0, problems: [] };
  let batch: SourceRecord[] = [];
  const flush = async (): Promise<void> => {
    const n = await enqueue(store, batch);
    summary.enqueued += n;
    summary.known += batch.length - n;
    batch = [];
  };
  for await (const item of readInputs(inputs, options)) {
    summary.read++;
    if (item.kind === 'problem') summary.problems.push(item.message);
    else {
      batch.push(item.source);
      if (batch.length >= QUEUE.enqueueBatch) await flush();
    }
  }
  await flush();
  return summary;
}
