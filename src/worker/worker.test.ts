import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../ingest/ingest.js';
import { eventArticles, jsonl } from '../ingest/testing.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { openPostgresStore, type PostgresStore } from '../store/postgres/index.js';
import { dropSchemas, freshSchema, requireServer, withSchema } from '../store/postgres/test-server.js';
import { enqueueInputs } from './enqueue.js';
import { locksFor } from './locks.js';
import { queueStatus, retryFailed } from './queue.js';

const url = await requireServer('PostgreSQL queue and worker tests');
const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-worker-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const cli = fileURLToPath(new URL('../cli/run.ts', import.meta.url));
const corpus = fileURLToPath(new URL('../../examples/corpus', import.meta.url));

/** The example corpus and four invented events told by several outlets each, some on other days. */
function inputs(): string[] {
  const records = [0, 1, 2, 3].flatMap((e) => eventArticles(e, 6, 10 + 5 * e));
  const file = join(tmp, 'events.jsonl');
  writeFileSync(file, jsonl(records));
  return [corpus, file];
}

/** The partition as sorted member lists, with each story's fact counts (story ids aside). */
async function stories(store: Store): Promise<string[]> {
  const out: string[] = [];
  for await (const s of store.exportStories()) out.push(`${[...s.articleIds].sort().join(',')} ${s.facts.corroborated}/${s.facts.singleSource}/${s.facts.disputed}`);
  return out.sort();
}

function startWorker(location: string, ...extra: string[]): ChildProcess & { done: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'worker', '--db', location, '--until-empty', '--concurrency', '0', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return Object.assign(child, { done, output: () => output });
}

async function waitFor(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('assignment locks: neighbouring windows overlap, far ones do not, undated takes the global lock', () => {
  const day = 86_400_000;
  const a = locksFor([Date.UTC(2025, 3, 10)]);
  const b = locksFor([Date.UTC(2025, 3, 10) + 6 * day]);
  const far = locksFor([Date.UTC(2025, 6, 1)]);
  assert.equal(a.global, 'shared');
  assert.ok(a.buckets.some((k) => b.buckets.includes(k)));
  assert.ok(!a.buckets.some((k) => far.buckets.includes(k)));
  assert.deepEqual(locksFor([null, 1]), { global: 'exclusive', buckets: [] });
});

if (url !== null) {
  const base = url;
  after(() => dropSchemas(base));

  describe('queue and workers on PostgreSQL', () => {
    test('three workers started together give the same stories and facts as one SQLite ingest', async () => {
      const files = inputs();
      const sqlite = await openSqliteStore(':memory:');
      const single = await ingest({ store: sqlite, inputs: files, workers: 0 });
      assert.equal(single.failed, 0);
      const expected = await stories(sqlite);
      await sqlite.close();

      const location = withSchema(base, freshSchema());
      const store = await openPostgresStore(location);
      try {
        const queued = await enqueueInputs(store, files, { maxBytes: 8 << 20 });
        assert.equal(queued.enqueued, single.read);
        assert.equal((await enqueueInputs(store, files, { maxBytes: 8 << 20 })).enqueued, 0, 'enqueueing twice adds nothing');
        const workers = [0, 1, 2].map(() => startWorker(location, '--batch', '4'));
        const codes = await Promise.all(workers.map((w) => w.done));
        assert.deepEqual(codes, [0, 0, 0], workers.map((w) => w.output()).join('\n'));
        const status = await queueStatus(store);
        assert.deepEqual([status.queued, status.running, status.expired, status.done, status.failed], [0, 0, 0, single.read, 0]);
        assert.ok(status.workers.length === 3 && status.workers.every((w) => !w.alive), 'stopped workers are not alive');
        assert.deepEqual(await stories(store), expected);
        assert.deepEqual(await store.checkIntegrity(), []);
      } finally {
        await store.close();
      }
    });

    test('a worker killed with SIGKILL mid-run: the others finish, every article stored exactly once', async () => {
      const files = inputs();
      const location = withSchema(base, freshSchema());
      const store: PostgresStore = await openPostgresStore(location);
      try {
        const { enqueued } = await enqueueInputs(store, files, { maxBytes: 8 << 20 });
        const doneJobs = async () => Number((await store.pool.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM jobs WHERE state = 'done'`)).rows[0]?.n);
        const victim = startWorker(location, '--batch', '3', '--lease', '2');
        const other = startWorker(location, '--batch', '3', '--lease', '2');
        // Kill one as soon as work is under way: it holds claimed jobs, maybe a transaction.
        await waitFor('the first jobs to be done', async () => (await doneJobs()) >= 3);
        victim.kill('SIGKILL');
        assert.equal(await victim.done, null);
        const late = startWorker(location, '--batch', '3', '--lease', '2');
        assert.deepEqual(await Promise.all([other.done, late.done]), [0, 0], other.output() + late.output());
        const status = await queueStatus(store);
        assert.deepEqual([status.queued, status.running, status.expired, status.done, status.failed], [0, 0, 0, enqueued, 0]);
        const stats = await store.stats();
        assert.equal(stats.articles, enqueued);
        assert.equal(stats.unassigned, 0);
        const { rows } = await store.pool.query<{ n: number; distinct: number }>('SELECT COUNT(*)::int AS n, COUNT(DISTINCT content_hash)::int AS distinct FROM articles');
        assert.deepEqual(rows[0], { n: enqueued, distinct: enqueued });
        assert.deepEqual(await store.checkIntegrity(), []);
        // The killed one looks alive until it has been silent for QUEUE.aliveSeconds; the others said they stopped.
        assert.equal(status.workers.filter((w) => !w.alive).length, 2);
      } finally {
        await store.close();
      }
    });

    test('failed jobs are listed with their reason and can be retried; status and enqueue on the command line', async () => {
      const location = withSchema(base, freshSchema());
      const file = join(tmp, 'bad.jsonl');
      writeFileSync(file, jsonl([{ text: '<div></div>', format: 'html' }, ...eventArticles(1, 2)]));
      const store = await openPostgresStore(location);
      try {
        const run = (...argv: string[]) =>
          new Promise<{ code: number | null; out: string }>((resolve) => {
            const c = spawn(process.execPath, ['--import', 'tsx', cli, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
            let out = '';
            c.stdout.on('data', (d: Buffer) => (out += d.toString()));
            c.stderr.on('data', (d: Buffer) => (out += d.toString()));
            c.on('exit', (code) => resolve({ code, out }));
          });
        const enq = await run('ingest', '--db', location, '--enqueue', file);
        assert.equal(enq.code, 0, enq.out);
        assert.match(enq.out, /read 3 records: 3 queued/);
        // A job whose worker vanished for good: claimed past the attempts allowed.
        await store.pool.query(`UPDATE jobs SET attempts = 3, state = 'running', lease_until = now() - interval '1 second' WHERE seq = (SELECT MIN(seq) FROM jobs)`);
        const w = startWorker(location);
        assert.equal(await w.done, 0, w.output());
        const st = await run('status', '--db', location);
        assert.equal(st.code, 0, st.out);
        assert.match(st.out, /queue: 0 queued, 0 running, 0 waiting for a lost worker's lease, 2 done, 1 failed/);
        assert.match(st.out, /bad\.jsonl:1 \(4 attempts\): CC701 the worker processing it stopped 3 times/);
        assert.equal(await retryFailed(store), 1);
        assert.equal((await queueStatus(store)).queued, 1);
        assert.equal((await run('worker', '--db', join(tmp, 'x.db'))).code, 64);
      } finally {
        await store.close();
      }
    });
  });
}
