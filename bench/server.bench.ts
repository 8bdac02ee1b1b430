/**
 * The web app under load: requests per second and p50/p99 latency for the story list, a story
 * page and an article page (and the story list's JSON and a deep page), at 50 concurrent
 * keep-alive connections, against `crosscheck serve` in its own process. Goal (issue 7):
 * p99 under 50 ms for each.
 *
 * The database: the stories issue's generator needs ../shared/data (FNC-1 bodies) and an
 * ingest of every article; this script instead recombines the example corpus, which needs
 * nothing: the corpus is ingested once, then its articles and analysed stories are copied
 * with new ids, hashes, outlets and dates until --articles are stored (each copy of a story
 * keeps its facts, reuse and coverage, so story pages are full-size). The client is node:http
 * with a keep-alive agent, loopback only, bounded by --seconds per endpoint and --max requests.
 *
 *   node --import tsx bench/server.bench.ts [--articles 20000] [--connections 50] [--seconds 5] [--max 50000]
 *                                          [--cache-seconds 2] [--db PATH]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Story } from '../src/model/index.js';
import { ingest } from '../src/ingest/ingest.js';
import { openStore, type Store } from '../src/store/index.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i > 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const dbArg = ((): string | null => {
  const i = process.argv.indexOf('--db');
  return i > 0 ? (process.argv[i + 1] ?? null) : null;
})();
const ARTICLES = arg('articles', 20_000);
const CONNECTIONS = arg('connections', 50);
const SECONDS = arg('seconds', 5);
const MAX = arg('max', 50_000);
/** The server's page cache (crosscheck serve --cache-seconds); 0 measures every request rendered afresh. */
const CACHE = ((): string => {
  const i = process.argv.indexOf('--cache-seconds');
  return i > 0 ? (process.argv[i + 1] ?? '2') : '2';
})();
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = join(ROOT, 'examples/corpus');

/** Copies the seed's articles and stories with `k` in every id until the store holds `target` articles. */
async function fill(store: Store, target: number): Promise<void> {
  const seed = await openStore(':memory:');
  await ingest({ store: seed, inputs: [CORPUS], workers: 0 });
  const ids: string[] = [];
  for await (const a of seed.exportArticles()) ids.push(a.id);
  const articles = await seed.getArticles(ids);
  const stories: Story[] = [];
  for await (const s of seed.exportStories()) {
    const story = await seed.getStory(s.id);
    if (story) stories.push(story);
  }
  await seed.close();
  const idPattern = new RegExp([...ids, ...stories.map((s) => s.id)].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const copies = Math.ceil(target / articles.length);
  const started = Date.now();
  for (let k = 0; k < copies; k += 50) {
    const batchArticles: Article[] = [];
    const batchStories: Story[] = [];
    for (let c = k; c < Math.min(copies, k + 50); c++) {
      const rename = (json: string): string => json.replace(idPattern, (id) => `${id}-c${c}`);
      const day = (iso: string | null): string | null => (iso ? shiftDays(iso, c % 365) : null);
      for (const a of articles) {
        const copy = JSON.parse(rename(JSON.stringify(a))) as Article & { outlet: string | null; publishedAt: string | null; contentHash: string };
        copy.contentHash = createHash('sha256').update(`${a.contentHash}:${c}`).digest('hex');
        copy.outlet = a.outlet ? `${a.outlet}-${c % 400}` : null;
        copy.publishedAt = day(a.publishedAt);
        batchArticles.push(copy);
      }
      for (const s of stories) {
        const copy = JSON.parse(rename(JSON.stringify(s))) as Story;
        copy.outlets = s.outlets.map((o) => `${o}-${c % 400}`);
        copy.firstPublished = day(s.firstPublished);
        copy.lastPublished = day(s.lastPublished);
        batchStories.push(copy);
      }
    }
    await store.putArticles(batchArticles);
    await store.putStories(batchStories);
  }
  console.log(`filled: ${copies * articles.length} articles, ${copies * stories.length} stories in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function shiftDays(iso: string, days: number): string {
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(t)) return iso;
  const shifted = new Date(t - days * 86_400_000).toISOString();
  return iso.length === 10 ? shifted.slice(0, 10) : shifted;
}

/** `crosscheck serve` in its own process on a free loopback port; resolves with its address. */
function serve(db: string): Promise<{ child: ChildProcess; url: string }> {
  const main = new URL('../src/cli/main.ts', import.meta.url).href;
  const code = `const m = await import(${JSON.stringify(main)}); process.exitCode = await m.main(['serve', '--db', ${JSON.stringify(db)}, '--port', '0', '--host', '127.0.0.1', '--cache-seconds', ${JSON.stringify(CACHE)}]);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'ignore', 'pipe'], cwd: ROOT });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = / on (http:\/\/127\.0\.0\.1:\d+) /.exec(err);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
  });
}

interface Result {
  name: string;
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
}

/** `CONNECTIONS` loops, each one request at a time over a keep-alive agent, until time or count runs out. */
async function load(base: string, name: string, paths: readonly string[], accept = 'text/html'): Promise<Result> {
  const url = new URL(base);
  if (url.hostname !== '127.0.0.1') throw new Error('the load client only talks to loopback');
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(SECONDS * 1e9);
  const once = (path: string): Promise<void> =>
    new Promise((resolve) => {
      const t0 = process.hrtime.bigint();
      const req = request({ host: url.hostname, port: url.port, path, agent, headers: { accept } }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => {
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (res.statusCode !== 200) errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  const worker = async (w: number): Promise<void> => {
    for (let i = w; process.hrtime.bigint() < deadline && sent < MAX; i += CONNECTIONS) {
      sent++;
      await once(paths[i % paths.length] ?? '/');
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => worker(w)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { name, requests: latencies.length, errors, seconds, p50: q(0.5), p99: q(0.99), max: latencies[latencies.length - 1] ?? NaN };
}

async function getJson<T>(base: string, path: string): Promise<T> {
  return (await (await fetch(base + path)).json()) as T;
}

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-server-bench-'));
const db = dbArg ?? join(dir, 'bench.db');
let child: ChildProcess | null = null;
try {
  if (!dbArg || !existsSync(db)) {
    const store = await openStore(db);
    await fill(store, ARTICLES);
    await store.close();
  }
  const size = statSync(db).size;
  const started = await serve(db);
  child = started.child;
  const base = started.url;
  const largest = await getJson<{ stories: { id: string; articleCount: number }[] }>(base, '/api/stories?order=largest&limit=100');
  const storyIds = largest.stories.filter((s) => s.articleCount > 1).map((s) => s.id).slice(0, 50);
  const storyPaths = storyIds.map((id) => `/stories/${encodeURIComponent(id)}`);
  // Story pages are analysed once when first seen; warm each so the load measures reading.
  for (const p of storyPaths) await fetch(base + p).then((r) => r.text());
  const articleIds: string[] = [];
  for (const id of storyIds.slice(0, 20)) {
    const s = await getJson<{ stories: { articleIds: string[] }[] }>(base, `/api/stories/${encodeURIComponent(id)}`);
    articleIds.push(...(s.stories[0]?.articleIds ?? []));
  }
  const articlePaths = articleIds.map((id) => `/articles/${encodeURIComponent(id)}`);
  const listPaths = ['/', '/?order=largest', '/?offset=20', '/?order=largest&offset=40'];
  await load(base, 'warm-up', [...listPaths, ...storyPaths.slice(0, 5), ...articlePaths.slice(0, 5)]);
  const results = [
    await load(base, 'story list (HTML)', listPaths),
    await load(base, 'story list (JSON)', listPaths.map((p) => `/api/stories${p.slice(1)}`), 'application/json'),
    await load(base, `story list, deep page (offset ${Math.max(0, Math.floor(ARTICLES / 10) - 20)})`, [`/?offset=${Math.max(0, Math.floor(ARTICLES / 10) - 20)}`]),
    await load(base, 'story page (6 articles, ~40 facts)', storyPaths),
    await load(base, 'article page', articlePaths),
  ];
  console.log(`\nnode ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), database ${(size / 1e6).toFixed(0)} MB (${ARTICLES} articles), ${CONNECTIONS} connections, ${SECONDS} s per row, page cache ${CACHE} s\n`);
  console.log('| endpoint | requests | req/s | p50 ms | p99 ms | max ms | errors | p99 < 50 ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of results) {
    console.log(`| ${r.name} | ${r.requests} | ${(r.requests / r.seconds).toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.errors} | ${r.p99 < 50 ? 'yes' : 'NO'} |`);
  }
} finally {
  child?.kill('SIGTERM');
  if (!dbArg) rmSync(dir, { recursive: true, force: true });
}
