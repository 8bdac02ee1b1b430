/**
 * Issue 8's equivalence and fault check at full size, on demand (not part of `npm test`):
 *   node --import tsx test/equivalence-long.ts [--articles 10000] [--kills 5] [--seed 8] [--workers 3]
 *        [--concurrency 1] [--batch 500] [--kill-delay 15000] [--also-single] [--db postgres://127.0.0.1:5432/test]
 * The example corpus and `--articles` generated articles (test/equivalence.ts) are ingested
 * (a) into SQLite by one `ingest` process and (b) into PostgreSQL by `--workers` worker
 * processes started together, one of them killed with SIGKILL `--kills` times at random points
 * (spread over the queue, then up to `--kill-delay` ms into a round) and started again. Both
 * sides assign `--batch` articles at a time (default: ingest's batch, which is also the
 * worker's default claim). Prints what it compared and exits 1 when the stories, the facts or
 * the exactly-once checks differ. `--also-single` also ingests into PostgreSQL with one `ingest`
 * process (c), to tell a difference of the stores (a vs c) from one of the workers (c vs b).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { ingest, INGEST } from '../src/collection/ingest.js';
import { openSqliteStore } from '../src/store/index.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { dropSchemas, freshSchema, testServer, withSchema } from '../src/store/postgres/test-server.js';
import { enqueueInputs } from '../src/worker/enqueue.js';
import { canonical, contentHashes, differences, EXAMPLES, generateCorpus, jsonlOf, runWorkers, storedExactlyOnce } from './equivalence.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const ARTICLES = Number(arg('articles', '10000'));
const KILLS = Number(arg('kills', '5'));
const SEED = Number(arg('seed', '8'));
const WORKERS = Number(arg('workers', '3'));
const CONCURRENCY = arg('concurrency', '1');
const BATCH = Number(arg('batch', String(INGEST.batchSize)));
const KILL_DELAY = Number(arg('kill-delay', '15000'));
const server = process.argv.includes('--db') ? { ok: true as const, url: arg('db', '') } : await testServer();
if (!server.ok) {
  console.error(`*** SKIPPED: no PostgreSQL server (${server.reason}) ***`);
  process.exit(process.env['CI'] ? 1 : 0);
}
const log = (line: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-equivalence-'));
const file = join(tmp, 'generated.jsonl');
const records = generateCorpus(ARTICLES, SEED);
writeFileSync(file, jsonlOf(records));
const inputs = [EXAMPLES, file];
log(`inputs: the example corpus and ${records.length} generated articles (seed ${SEED}, ${records.filter((r) => !r.publishedAt).length} undated); ${availableParallelism()} cores, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);

let failed = false;
try {
  const sqlite = await openSqliteStore(join(tmp, 'a.db'));
  let t = Date.now();
  const single = await ingest({ store: sqlite, inputs, workers: 1, batchSize: BATCH, analyze: 'all' });
  const a = await canonical(sqlite);
  const hashes = await contentHashes(sqlite);
  await sqlite.close();
  log(`(a) SQLite, one ingest process (batches of ${BATCH}): ${single.read} read, ${single.new} stored, ${single.failed} failed, ${a.partition.length} stories, ${a.facts.length} facts, ${((Date.now() - t) / 1000).toFixed(0)} s`);
  if (process.argv.includes('--also-single')) {
    const single2 = await openPostgresStore(withSchema(server.url, freshSchema()));
    try {
      const t2 = Date.now();
      await ingest({ store: single2, inputs, workers: 1, batchSize: BATCH, analyze: 'all' });
      const c = await canonical(single2);
      const diff = differences(a, c, ['SQLite', 'PostgreSQL, one process']);
      log(`(c) PostgreSQL, one ingest process: ${c.partition.length} stories, ${c.facts.length} facts, ${((Date.now() - t2) / 1000).toFixed(0)} s; same as (a): ${diff.length === 0 ? 'yes' : 'NO'}`);
      for (const d of diff) log(`  ${d}`);
      failed ||= diff.length > 0;
    } finally {
      await single2.close();
    }
  }

  const location = withSchema(server.url, freshSchema());
  const store = await openPostgresStore(location);
  try {
    const queued = await enqueueInputs(store, inputs, { maxBytes: 8 << 20 });
    log(`(b) PostgreSQL: ${queued.enqueued} jobs queued; ${WORKERS} workers (--concurrency ${CONCURRENCY} --batch ${BATCH}) started together, one killed ${KILLS} times`);
    t = Date.now();
    const run = await runWorkers(store, location, { workers: WORKERS, kills: KILLS, seed: SEED, killDelayMs: KILL_DELAY, extra: ['--concurrency', CONCURRENCY, '--batch', String(BATCH)], log });
    if (run.exitCodes.some((c) => c !== 0)) {
      failed = true;
      log(`workers exited with ${run.exitCodes.join(', ')}:\n${run.output}`);
    }
    const b = await canonical(store);
    log(`(b) PostgreSQL, ${WORKERS} workers: ${b.articles} stored, ${b.partition.length} stories, ${b.facts.length} facts, ${run.kills.length} kills, ${run.seconds.toFixed(0)} s`);
    const once = await storedExactlyOnce(store, hashes);
    const diff = differences(a, b, ['SQLite', 'PostgreSQL']);
    log(`exactly once (${hashes.size} content hashes, counts, jobs, integrity): ${once.length === 0 ? 'ok' : 'FAILED'}`);
    for (const p of once) log(`  ${p}`);
    log(`same partition (${a.partition.length} stories of ${a.articles} articles): ${diff.some((d) => d.startsWith('partition')) ? 'NO' : 'yes'}`);
    log(`same facts (${a.facts.length} facts: story, status, origins, members, text): ${diff.some((d) => d.startsWith('facts')) ? 'NO' : 'yes'}`);
    for (const d of diff) log(`  ${d}`);
    failed ||= once.length > 0 || diff.length > 0;
  } finally {
    await store.close();
  }
} finally {
  await dropSchemas(server.url).catch(() => undefined);
  rmSync(tmp, { recursive: true, force: true });
}
log(failed ? 'FAILED' : 'passed');
process.exit(failed ? 1 : 0);
