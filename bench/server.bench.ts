/**
 * The web app under load: requests per second and p50/p99 latency for the story list (first
 * page, a deep page, JSON), a story page and an article page at 50 concurrent keep-alive
 * connections, against `crosscheck serve` in its own process. Goal (issue 7): p99 under 50 ms
 * for each. The peer, in the same run: a bare node:http server in its own process answering
 * fixed bodies of the same sizes (what the transport alone costs on this machine and load).
 *
 * The database: 100k articles from the stories issue's scale generator, built by
 * bench/scale-data.ts (a few thousand generated articles ingested for real, then cloned with
 * new ids, hashes, outlets and dates through the store's batch API) and cached under the OS
 * temp dir, so a rerun starts at once. The client is node:http with a keep-alive agent,
 * loopback only, bounded by --seconds per endpoint and --max requests.
 *
 *   node --import tsx bench/server.bench.ts [--articles 100000] [--connections 50] [--seconds 5] [--max 50000]
 *                                          [--cache-seconds 2] [--db PATH]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { scaleDatabase } from './scale-data.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i > 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const dbArg = ((): string | null => {
  const i = process.argv.indexOf('--db');
  return i > 0 ? (process.argv[i + 1] ?? null) : null;
})();
const ARTICLES = arg('articles', 100_000);
const CONNECTIONS = arg('connections', 50);
const SECONDS = arg('seconds', 5);
const MAX = arg('max', 50_000);
/** The server's page cache (crosscheck serve --cache-seconds); 0 measures every request rendered afresh. */
const CACHE = ((): string => {
  const i = process.argv.indexOf('--cache-seconds');
  return i > 0 ? (process.argv[i + 1] ?? '2') : '2';
})();
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** --identity: ask for uncompressed bodies (by default the client accepts gzip, as browsers do). */
const ENCODING = process.argv.includes('--identity') ? 'identity' : 'gzip';

/** `crosscheck serve` in its own process on a free loopback port; resolves with its address. */
function serve(db: string): Promise<{ child: ChildProcess; url: string }> {
  const main = new URL('../src/cli/main.ts', import.meta.url).href;
  const code = `const m = await import(${JSON.stringify(main)}); process.exitCode = await m.main(['serve', '--db', ${JSON.stringify(db)}, '--port', '0', '--host', '127.0.0.1', '--cache-seconds', ${JSON.stringify(CACHE)}]);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'ignore', 'pipe'], cwd: ROOT });
  return listening(child, 'serve');
}

/** Resolves with the child's URL once it prints " on http://127.0.0.1:PORT " on standard error. */
function listening(child: ChildProcess, name: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = / on (http:\/\/127\.0\.0\.1:\d+) /.exec(err);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}): ${err}`)));
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
      const req = request({ host: url.hostname, port: url.port, path, agent, headers: { accept, 'accept-encoding': ENCODING } }, (res) => {
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

/** The peer: node:http answering fixed bodies (/b/SIZE), in its own process. */
function bareServer(): Promise<{ child: ChildProcess; url: string }> {
  const code = `const http = require('node:http'); const bodies = new Map();
    const s = http.createServer((req, res) => { const n = Number(req.url.slice(3)) || 0; let b = bodies.get(n); if (!b) bodies.set(n, b = Buffer.alloc(n, 97));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': b.length }); res.end(b); });
    s.keepAliveTimeout = 5000; s.listen(0, '127.0.0.1', () => process.stderr.write(' on http://127.0.0.1:' + s.address().port + ' \\n'));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'ignore', 'pipe'] });
  return listening(child, 'bare server');
}

/** One request on its own: its time and the bytes of its body as sent (gzipped when the client accepts it). */
function timed(base: string, path: string): Promise<{ ms: number; bytes: number }> {
  const url = new URL(base);
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, headers: { accept: 'text/html', 'accept-encoding': ENCODING } }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => (bytes += d.length));
      res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, bytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

const children: ChildProcess[] = [];
try {
  const db = dbArg ?? (await scaleDatabase({ articles: ARTICLES, log: (line) => console.log(line) }));
  if (!db) {
    console.log('skipped: ../shared/data/fnc1/train_bodies.csv not found (the scale generator needs the FNC-1 bodies)');
    process.exit(0);
  }
  const size = statSync(db).size;
  const started = await serve(db);
  children.push(started.child);
  const base = started.url;
  // Where a cold request's time goes, one at a time, before any load: the first view of a page renders it.
  const newest = await getJson<{ stories: { id: string; articleCount: number }[] }>(base, '/api/stories?limit=100');
  const typical = newest.stories.filter((s) => s.articleCount >= 3 && s.articleCount <= 8).map((s) => s.id).slice(0, 40);
  const largest = await getJson<{ stories: { id: string; articleCount: number }[] }>(base, '/api/stories?order=largest&limit=20');
  const big = largest.stories.map((s) => s.id).slice(0, 10);
  const storyPaths = typical.map((id) => `/stories/${encodeURIComponent(id)}`);
  const bigPaths = big.map((id) => `/stories/${encodeURIComponent(id)}`);
  const cold: Record<string, number[]> = { 'story page (typical), first view': [], 'story page (largest), first view': [], 'article page, first view': [] };
  let storyBytes = 0;
  let bigBytes = 0;
  let articleBytes = 0;
  for (const p of storyPaths) {
    const t = await timed(base, p);
    cold['story page (typical), first view']?.push(t.ms);
    storyBytes = Math.max(storyBytes, t.bytes);
  }
  for (const p of bigPaths) {
    const t = await timed(base, p);
    cold['story page (largest), first view']?.push(t.ms);
    bigBytes = Math.max(bigBytes, t.bytes);
  }
  const articleIds: string[] = [];
  for (const id of typical.slice(0, 20)) {
    const s = await getJson<{ stories: { articleIds: string[] }[] }>(base, `/api/stories/${encodeURIComponent(id)}`);
    articleIds.push(...(s.stories[0]?.articleIds ?? []));
  }
  const articlePaths = articleIds.slice(0, 60).map((id) => `/articles/${encodeURIComponent(id)}`);
  for (const p of articlePaths) {
    const t = await timed(base, p);
    cold['article page, first view']?.push(t.ms);
    articleBytes = Math.max(articleBytes, t.bytes);
  }
  // A deep page: follow the keyset cursors 10,000 stories in (or as deep as the list goes).
  let deep = '/api/stories?limit=100';
  let depth = 0;
  for (; depth < 10_000; depth += 100) {
    const page = await getJson<{ next: string | null }>(base, deep);
    if (!page.next) break;
    deep = page.next;
  }
  const deepPath = deep.replace('/api/stories', '/').replace('limit=100&', '').replace(/page=\d+/, `page=${depth / 20 + 1}`);
  const listPaths = ['/', '/?order=largest', '/?outlet=outlet-7-3', '/?since=2015-06-01&until=2015-06-30'];
  await load(base, 'warm-up', [...listPaths, deepPath, ...storyPaths, ...bigPaths, ...articlePaths]);
  const results = [
    await load(base, 'story list, first pages (HTML)', listPaths),
    await load(base, 'story list, first pages (JSON)', listPaths.map((p) => `/api/stories${p.slice(1)}`), 'application/json'),
    await load(base, `story list, deep page (story ${depth + 1} on, keyset cursor)`, [deepPath]),
    await load(base, `story page, 3-8 articles (${storyPaths.length} pages, <= ${(storyBytes / 1024).toFixed(0)} KB as sent)`, storyPaths),
    await load(base, `story page, largest (${bigPaths.length} pages, <= ${(bigBytes / 1024).toFixed(0)} KB as sent)`, bigPaths),
    await load(base, `article page (${articlePaths.length} pages)`, articlePaths),
  ];
  // The peer answers bodies of the largest wire size of each kind (gzipped when the client accepts gzip).
  const bare = await bareServer();
  children.push(bare.child);
  const peer = [
    await load(bare.url, `peer: bare node:http, ${(storyBytes / 1024).toFixed(0)} KB body`, [`/b/${storyBytes}`]),
    await load(bare.url, `peer: bare node:http, ${(bigBytes / 1024).toFixed(0)} KB body`, [`/b/${bigBytes}`]),
    await load(bare.url, `peer: bare node:http, ${(articleBytes / 1024).toFixed(0)} KB body`, [`/b/${articleBytes}`]),
  ];
  console.log(`\nnode ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}, database ${(size / 1e9).toFixed(2)} GB (${ARTICLES} articles), ${CONNECTIONS} connections, ${SECONDS} s per row, page cache ${CACHE === '0' ? 'off' : 'on'}, client accepts ${ENCODING}\n`);
  console.log('| endpoint | requests | req/s | p50 ms | p99 ms | max ms | errors | p99 < 50 ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of [...results, ...peer]) {
    console.log(`| ${r.name} | ${r.requests} | ${(r.requests / r.seconds).toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.errors} | ${r.p99 < 50 ? 'yes' : 'NO'} |`);
  }
  console.log('\nfirst views (one request at a time, before the load: the page is read and rendered, not cached):');
  for (const [name, ms] of Object.entries(cold)) {
    const sorted = [...ms].sort((a, b) => a - b);
    console.log(`  ${name}: n=${sorted.length}, median ${(sorted[Math.floor(sorted.length / 2)] ?? NaN).toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? NaN).toFixed(1)} ms`);
  }
} finally {
  for (const c of children) c.kill('SIGTERM');
}
