/**
 * Ingest on PostgreSQL with 1 and 2 worker processes (`crosscheck worker`, one thread each):
 * a generated set of articles (the invented events of src/collection/testing.ts, retold by many
 * outlets over several weeks) is put on the queue, the workers are started together and run
 * until the queue is empty. Printed per run: articles/s from the first claim to the last
 * commit (process start-up left out), the share of the workers' working time spent waiting
 * on the database (claims, locks, assignment, commits) against the per-article work, and a
 * projection for more machines from those two figures (Amdahl: the database share is the
 * part that does not spread). The peer is the single-process SQLite ingest of the same set
 * (`ingest --workers 1`), in the same run. Both assign `--batch` articles at a time (the workers'
 * claim; small enough that 2 workers have several batches each to share).
 *   node --import tsx bench/workers.bench.ts [--articles 600] [--batch 100] [--db postgres://127.0.0.1/test]
 */
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/collection/ingest.js';
import { eventArticles, jsonl } from '../src/collection/testing.js';
import { openSqliteStore } from '../src/store/index.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { dropSchemas, freshSchema, testServer, withSchema } from '../src/store/postgres/test-server.js';
import { enqueueInputs } from '../src/worker/enqueue.js';
import type { WorkerSummary } from '../src/worker/worker.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const ARTICLES = Number(arg('articles', '600'));
const BATCH = Number(arg('batch', '100'));
const server = process.argv.includes('--db') ? { ok: true as const, url: arg('db', '') } : await testServer();
if (!server.ok) {
  console.log(`skipped: no PostgreSQL server (${server.reason})`);
  process.exit(0);
}
const cli = fileURLToPath(new URL('../src/cli/run.ts', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-bench-workers-'));
const dump = join(tmp, 'articles.jsonl');
// 4 events a week, each retold by up to 12 outlets: stories of realistic size that close.
const records = [];
for (let week = 0; records.length < ARTICLES; week++) for (let e = 0; e < 4 && records.length < ARTICLES; e++) records.push(...eventArticles(e, Math.min(12, ARTICLES - records.length), 1 + ((week * 7 + e) % 27)).map((r) => ({ ...r, text: `${r.text} Week ${week}.` })));
writeFileSync(dump, jsonl(records));
const bytes = Buffer.byteLength(jsonl(records));

interface Run {
  label: string;
  seconds: number;
  articles: number;
  dbShare: number | null;
  orderShare: number | null;
  assignShare: number | null;
}
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');
const loads: string[] = [load()];

const runs: Run[] = [];
{
  const store = await openSqliteStore(join(tmp, 'peer.db'));
  const t = performance.now();
  const s = await ingest({ store, inputs: [dump], workers: 1, batchSize: BATCH });
  runs.push({ label: 'SQLite ingest, 1 process, 1 thread (peer)', seconds: (performance.now() - t) / 1000, articles: s.new, dbShare: null, orderShare: null, assignShare: null });
  loads.push(load());
  await store.close();
}

for (const workers of [1, 2]) {
  const location = withSchema(server.url, freshSchema());
  const store = await openPostgresStore(location);
  await enqueueInputs(store, [dump], { maxBytes: 8 << 20 });
  const summaries = await Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<WorkerSummary>((resolve, reject) => {
        const c = spawn(process.execPath, ['--import', 'tsx', cli, 'worker', '--db', location, '--until-empty', '--concurrency', '1', '--batch', String(BATCH), '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        c.stdout.on('data', (d: Buffer) => (out += d.toString()));
        c.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as WorkerSummary) : reject(new Error(`worker exited with ${code}`))));
      }),
    ),
  );
  // From the first claim to the last commit, as the database recorded them.
  const { rows } = await store.pool.query<{ seconds: number; n: number }>(
    `SELECT EXTRACT(EPOCH FROM MAX(finished_at) - MIN(enqueued_at))::float8 AS seconds, COUNT(*)::int AS n FROM jobs WHERE state = 'done'`,
  );
  const { rows: first } = await store.pool.query<{ lag: number }>(`SELECT EXTRACT(EPOCH FROM MIN(started_at) - (SELECT MIN(enqueued_at) FROM jobs))::float8 AS lag FROM workers`);
  const busy = summaries.reduce((s, w) => s + w.busyMs, 0);
  const wait = summaries.reduce((s, w) => s + w.dbWaitMs, 0);
  const order = summaries.reduce((s, w) => s + w.orderWaitMs, 0);
  const assign = summaries.reduce((s, w) => s + w.assignMs, 0);
  const seconds = (rows[0]?.seconds ?? 0) - Math.max(0, first[0]?.lag ?? 0);
  runs.push({ label: `PostgreSQL, ${workers} worker process${workers > 1 ? 'es' : ''}, 1 thread each`, seconds, articles: (await store.stats()).articles, dbShare: wait / Math.max(1, busy + wait + order), orderShare: order / Math.max(1, busy + wait + order), assignShare: assign / Math.max(1, busy + wait + order) });
  loads.push(load());
  await store.close();
}
await dropSchemas(server.url);
rmSync(tmp, { recursive: true, force: true });

console.log(`\n${ARTICLES} generated articles (${(bytes / 1e6).toFixed(2)} MB), batches of ${BATCH}, ${availableParallelism()} cores; load average (1/5/15 min) before and after each run: ${loads.join(' | ')}\n`);
console.log('| run | articles | seconds | articles/s | time waiting on the database | of which assigning under the locks | waiting for earlier batches |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
const pct = (x: number | null): string => (x === null ? '-' : `${(100 * x).toFixed(0)}%`);
for (const r of runs) {
  console.log(`| ${r.label} | ${r.articles} | ${r.seconds.toFixed(1)} | ${(r.articles / r.seconds).toFixed(1)} | ${pct(r.dbShare)} | ${pct(r.assignShare)} | ${pct(r.orderShare)} |`);
}
const [one, two] = [runs[1], runs[2]];
if (one && two && one.dbShare !== null && one.assignShare !== null) {
  const speedup = one.seconds / two.seconds;
  // Batches are assigned in queue order, one after another: the assignment is the serial part;
  // the per-article work, the claims and the story analyses spread over the workers.
  const serial = one.assignShare;
  const project = (n: number) => 1 / (serial + (1 - serial) / n);
  console.log(`\n2 workers ran ${speedup.toFixed(2)}x as fast as 1 on this machine (${availableParallelism()} cores shared by the workers, the database, this script and anything else running).`);
  console.log(`Projection (Amdahl): batches are assigned one after another in queue order, so the serial part is the`);
  console.log(`assignment, ${(100 * serial).toFixed(0)}% of one worker's time here (all database waits: ${(100 * one.dbShare).toFixed(0)}%). With each worker on`);
  console.log(`machines of its own, N workers would ingest about ${[2, 4, 8, 16].map((n) => `${project(n).toFixed(1)}x (N=${n})`).join(', ')}`);
  console.log(`the rate of one, at most ${(1 / Math.max(serial, 1e-9)).toFixed(0)}x however many, as long as the database server keeps up with the`);
  console.log(`claims, reads and commits of all of them.`);
}
