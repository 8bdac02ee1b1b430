/**
 * Issue 8's equivalence and fault check, bounded for CI (the full size is equivalence-long.ts):
 * the example corpus and 240 generated articles, ingested (a) into SQLite by one process and
 * (b) into PostgreSQL by three worker processes started together, one killed with SIGKILL twice
 * at random points and started again, give the same stories and the same facts, and every
 * article is stored exactly once. Both sides assign 64 articles at a time, so that (b) has
 * several batches for its workers to share.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/collection/ingest.js';
import { openSqliteStore } from '../src/store/index.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { dropSchemas, freshSchema, requireServer, withSchema } from '../src/store/postgres/test-server.js';
import { enqueueInputs } from '../src/worker/enqueue.js';
import { queueStatus } from '../src/worker/queue.js';
import { canonical, contentHashes, differences, EXAMPLES, generateCorpus, jsonlOf, runWorkers, storedExactlyOnce } from './equivalence.js';

const url = await requireServer('the SQLite / PostgreSQL-workers equivalence test');
const BATCH = 64;

if (url !== null) {
  const base = url;
  const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-equivalence-'));
  after(async () => {
    await dropSchemas(base);
    rmSync(tmp, { recursive: true, force: true });
  });

  test('one SQLite process and three PostgreSQL workers (one killed twice) make the same stories and facts, every article once', async () => {
    const file = join(tmp, 'generated.jsonl');
    const records = generateCorpus(240, 21);
    assert.ok(records.some((r) => !r.publishedAt), 'some generated articles are undated');
    writeFileSync(file, jsonlOf(records));
    const inputs = [EXAMPLES, file];

    const sqlite = await openSqliteStore(join(tmp, 'a.db'));
    const single = await ingest({ store: sqlite, inputs, workers: 0, batchSize: BATCH, analyze: 'all' });
    assert.equal(single.failed, 0, JSON.stringify(single.problems));
    const a = await canonical(sqlite);
    const hashes = await contentHashes(sqlite);
    await sqlite.close();
    assert.ok(a.partition.length > 40 && a.partition.some((s) => s.includes(' ')), `several stories, some of several articles (${a.partition.length})`);
    assert.ok(a.facts.some((f) => f.includes('| disputed |')) && a.facts.some((f) => f.includes('| corroborated |')), 'disputed and corroborated facts');

    const location = withSchema(base, freshSchema());
    const store = await openPostgresStore(location);
    try {
      const queued = await enqueueInputs(store, inputs, { maxBytes: 8 << 20 });
      assert.equal(queued.enqueued, single.read);
      assert.equal((await enqueueInputs(store, inputs, { maxBytes: 8 << 20 })).enqueued, 0, 'enqueueing twice adds nothing');
      const run = await runWorkers(store, location, { workers: 3, kills: 2, seed: 21, killDelayMs: 1500, extra: ['--concurrency', '0', '--batch', String(BATCH)] });
      assert.deepEqual(run.exitCodes, [0, 0, 0], run.output);
      assert.ok(run.kills.length >= 1, 'a worker was killed while jobs were left');
      assert.deepEqual(await storedExactlyOnce(store, hashes), []);
      const b = await canonical(store);
      assert.deepEqual(differences(a, b, ['SQLite', 'PostgreSQL']), []);
      const status = await queueStatus(store);
      assert.deepEqual([status.queued, status.running, status.done, status.failed], [0, 0, single.read, 0]);
      // Those that exited said so; the killed ones lost their liveness lock with their connection.
      assert.equal(status.workers.length, 3 + run.kills.length, 'each worker killed had registered');
      assert.ok(status.workers.every((w) => !w.alive), 'no worker is alive once all have exited or been killed');
    } finally {
      await store.close();
    }
  });
}
