import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONTEXT, type SourceRecord } from '../model/index.js';
import { WorkerPool } from './pool.js';

const source = (uri: string, raw: string): SourceRecord => ({ uri, format: 'text', raw, record: {}, messages: [] });
const SMALL = 'Crane collapses at Vell quay\n\nA loading crane collapsed onto the Vell quay on Monday, injuring two dock workers, the port authority said.\n';
// About 1.5 MB of sentences: far more than 5 ms of work on any machine.
const HUGE = 'Crane report\n\n' + 'The port authority said on Monday that Mara Lind, a spokeswoman, had seen the crane fall. '.repeat(16_000);

test('a document past the time limit has its worker replaced (CC706); the other jobs finish', async () => {
  const pool = new WorkerPool(1);
  try {
    const slow = { ...DEFAULT_CONTEXT, timeLimitMs: 5, maxChars: 10_000_000 };
    const relaxed = { ...DEFAULT_CONTEXT, timeLimitMs: 60_000 };
    // Queued on the same worker: one before the slow job, two behind it.
    const jobs = [
      pool.run({ kind: 'source', source: source('a.txt', SMALL), ctx: relaxed }),
      pool.run({ kind: 'source', source: source('huge.txt', HUGE), ctx: slow }),
      pool.run({ kind: 'source', source: source('b.txt', SMALL.replace('Monday', 'Tuesday')), ctx: relaxed }),
      pool.run({ kind: 'source', source: source('c.txt', SMALL.replace('Monday', 'Friday')), ctx: relaxed }),
    ];
    const results = await Promise.all(jobs);
    assert.deepEqual(results.map((r) => r.kind), ['article', 'failed', 'article', 'article']);
    const failed = results[1];
    assert.ok(failed?.kind === 'failed');
    assert.equal(failed.message.code, 'CC706');
    assert.equal(failed.message.uri, 'huge.txt');
    assert.equal(pool.replaced, 1);
  } finally {
    await pool.close();
  }
});

test('without a time limit the same document is processed', async () => {
  const pool = new WorkerPool(1);
  try {
    const r = await pool.run({ kind: 'source', source: source('huge.txt', HUGE.slice(0, 30_000)), ctx: { ...DEFAULT_CONTEXT, timeLimitMs: 0 } });
    assert.equal(r.kind, 'article');
    assert.equal(pool.replaced, 0);
  } finally {
    await pool.close();
  }
});

test('a pool grown for the final pass runs jobs on its new workers too', async () => {
  const pool = new WorkerPool(1);
  try {
    const order: string[] = [];
    const busy = pool.run({ kind: 'source', source: source('slow.txt', HUGE + HUGE), ctx: { ...DEFAULT_CONTEXT, timeLimitMs: 0, maxChars: 10_000_000 } }).then((r) => (order.push('slow'), r));
    pool.grow(2);
    assert.equal(pool.size, 2);
    // The first worker is busy: the least busy one, the new worker, takes this job and ends first.
    const quick = pool.run({ kind: 'source', source: source('a.txt', SMALL), ctx: DEFAULT_CONTEXT }).then((r) => (order.push('quick'), r));
    const [a, b] = await Promise.all([busy, quick]);
    assert.deepEqual([a.kind, b.kind], ['article', 'article']);
    assert.deepEqual(order, ['quick', 'slow']);
    pool.grow(1);
    assert.equal(pool.size, 2, 'grow never removes workers');
  } finally {
    await pool.close();
  }
});
