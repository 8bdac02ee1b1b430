import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Clusterer, DF_STATE_KEY } from '../stories/group/clusterer.js';
import { DocumentFrequency } from '../stories/group/df.js';
import { eventArticles, jsonl } from '../collection/testing.js';
import { openPostgresStore, type PostgresStore } from '../store/postgres/index.js';
import { dropSchemas, freshSchema, requireServer, withSchema } from '../store/postgres/test-server.js';
import { enqueueInputs } from './enqueue.js';
import { locksFor } from './locks.js';
import { claim, enqueue, holdLiveness, queueStatus, registerWorker, retryFailed, unfinishedBefore } from './queue.js';
import { runWorker } from './worker.js';

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
    // Three workers against one SQLite process, with kills, on the example corpus and generated
    // articles: test/equivalence.test.ts.

    test('a dead worker\'s jobs are taken again at once (its liveness lock went with its connection), a live one\'s are not', async () => {
      const location = withSchema(base, freshSchema());
      const store = await openPostgresStore(location);
      const other = await openPostgresStore(location);
      const releases: (() => Promise<void>)[] = [];
      try {
        await enqueue(store, eventArticles(2, 6).map((r, i) => ({ uri: `x.jsonl:${i + 1}`, format: 'jsonl' as const, raw: r.text, record: {}, messages: [] })));
        // Worker "a" claims four jobs with a long lease, on its own connection ("other").
        await registerWorker(other, 'a', 'host', 1);
        releases.push(await holdLiveness(other, 'a'));
        const mine = await claim(other, 'a', 4, 600);
        releases.push(await holdLiveness(store, 'b'));
        assert.equal(mine.length, 4);
        assert.equal((await claim(store, 'b', 10, 600, mine[2]?.seq)).length, 0, 'jobs before a live worker\'s are its own');
        assert.deepEqual(await unfinishedBefore(store, mine[3]?.seq ?? ''), { waiting: true, orphaned: false });
        assert.equal((await queueStatus(store)).workers.find((w) => w.id === 'a')?.alive, true);
        // "a" dies: its session ends (as with kill -9), the lease has 10 minutes left.
        await store.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = hashtext('a')::oid AND granted`);
        await waitFor('the liveness lock to go', async () => (await unfinishedBefore(store, mine[3]?.seq ?? '')).orphaned);
        assert.equal((await queueStatus(store)).workers.find((w) => w.id === 'a')?.alive, false);
        const before = await claim(store, 'b', 10, 600, mine[3]?.seq);
        assert.deepEqual(before.map((j) => j.seq), mine.slice(0, 3).map((j) => j.seq), 'only the jobs queued before the one given, in order');
        assert.ok(before.every((j) => j.attempts === 2));
        assert.equal((await claim(store, 'c', 10, 600)).length, 3, 'the rest: a\'s last job and the two never claimed');
      } finally {
        for (const release of releases) await release(); // a client whose connection was cut is let go too
        await other.close().catch(() => undefined);
        await store.close();
      }
    });

    test('document frequencies: a database with the older single value has it moved to rows, then every batch adds its counts', async () => {
      const location = withSchema(base, freshSchema());
      const store = await openPostgresStore(location);
      try {
        const older = new DocumentFrequency();
        for (let i = 0; i < 40; i++) older.add(['harbour', 'ferry', `word${i}`]);
        await store.putState(DF_STATE_KEY, older.serialize());
        const file = join(tmp, 'df.jsonl');
        writeFileSync(file, jsonl([...eventArticles(0, 3), ...eventArticles(2, 3, 20)]));
        const { enqueued } = await enqueueInputs(store, [file], { maxBytes: 8 << 20 });
        const summary = await runWorker({ store, concurrency: 0, untilEmpty: true, analyze: false, claimSize: 2, pollMs: 20 });
        assert.equal(summary.stored, enqueued);
        const sketch = await store.getSketch();
        assert.ok(sketch, 'the counts are rows now');
        assert.equal(sketch.documents, 40 + enqueued, 'the older documents once, and each article once');
        const now = (await Clusterer.open(store)).df;
        assert.equal(now.documents, 40 + enqueued);
        assert.equal(now.df('word7'), 1, 'a count only the older value had, carried over once');
        assert.ok(now.df('harbour') >= 40);
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
        await waitFor('both workers to be up', async () => Number((await store.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM workers')).rows[0]?.n) >= 2, 60_000);
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
        // The others said they stopped; the killed one's liveness lock went with its connection.
        assert.equal(status.workers.length, 3);
        assert.ok(status.workers.every((w) => !w.alive));
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
