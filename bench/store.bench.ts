/**
 * Store write and lookup speed against a named peer, in one run:
 *   (a) crosscheck's SQLite store: putArticles in batches (JSON layers, FTS5 index, uniqueness
 *       checks by content hash and id), then fingerprints with their postings;
 *   (b) the floor: plain better-sqlite3 inserting the same rows (id, hash, text) into a table
 *       with no index but the primary key, one transaction per batch, same pragmas.
 * Then search and candidate lookups over the filled store (median of many).
 * Articles are small hand-built ones (src/store/test-fixtures.ts), so this measures the store.
 *
 *   node --import tsx bench/store.bench.ts --n 100000 --batch 1000
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { makeArticles } from '../src/store/test-fixtures.js';
import type { Article } from '../src/model/index.js';

function intArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const n = intArg('n', 100_000);
const batch = intArg('batch', 1000);
const lookups = intArg('lookups', 200);
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-store-bench-'));
const WORDS = ['council', 'minister', 'storm', 'election', 'market', 'court', 'police', 'talks', 'strike', 'vote', 'budget', 'flood'];

function articlesFor(from: number, count: number): Article[] {
  return makeArticles(count, (i) => {
    const k = from + i;
    const w = (j: number) => WORDS[(k * 7 + j * 3) % WORDS.length];
    return {
      text: `Report ${k}: the ${w(0)} and the ${w(1)} met after the ${w(2)}; officials said the ${w(3)} would follow.`,
      outlet: `Outlet ${k % 40}`,
      publishedAt: `2017-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`,
    };
  });
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

try {
  // Build the inputs first, so that neither side pays for them.
  const batches: Article[][] = [];
  for (let from = 0; from < n; from += batch) batches.push(articlesFor(from, Math.min(batch, n - from)));

  const storePath = join(dir, 'store.db');
  const store = await openSqliteStore(storePath);
  let t = process.hrtime.bigint();
  for (const b of batches) await store.putArticles(b);
  const storeSeconds = seconds(t);

  t = process.hrtime.bigint();
  for (const b of batches) {
    await store.putFingerprints(
      b.map((a, i) => ({
        articleId: a.id,
        fingerprint: {
          terms: a.text.toLowerCase().match(/[a-z]+/g)?.slice(0, 20) ?? [],
          entities: [`org:outlet-${i % 40}`],
          minhash: Array.from({ length: 64 }, (_, j) => (i * 2654435761 + j * 40503) >>> 0),
          bands: [`b${i % 16}:${i % 997}`],
        },
      })),
    );
  }
  const fingerprintSeconds = seconds(t);

  // Stories of 10 consecutive articles, so that candidates have something to return.
  const stories = batches.flat().reduce<Article[][]>((acc, a, i) => {
    if (i % 10 === 0) acc.push([]);
    acc[acc.length - 1]?.push(a);
    return acc;
  }, []);
  t = process.hrtime.bigint();
  for (let i = 0; i < stories.length; i += 500) {
    await store.putStories(
      stories.slice(i, i + 500).map((members, j) => ({
        id: `s${i + j}`, title: members[0]?.title ?? '', articleIds: members.map((a) => a.id), outlets: [], firstPublished: null,
        lastPublished: members[0]?.publishedAt ?? null, origins: [], facts: [], reuse: [], coverage: [],
      })),
    );
  }
  const storySeconds = seconds(t);

  const searchMs: number[] = [];
  const candidateMs: number[] = [];
  for (let i = 0; i < lookups; i++) {
    let s = process.hrtime.bigint();
    await store.search(`${WORDS[i % WORDS.length]} ${WORDS[(i + 5) % WORDS.length]}`, { limit: 20 });
    searchMs.push(seconds(s) * 1000);
    s = process.hrtime.bigint();
    await store.candidateStories({ entities: [`org:outlet-${i % 40}`], terms: ['council', 'storm', 'talks'], since: '2017-03-01', until: '2017-05-31', limit: 20 });
    candidateMs.push(seconds(s) * 1000);
  }
  await store.close();

  const floorPath = join(dir, 'floor.db');
  const db = new Database(floorPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE a (seq INTEGER PRIMARY KEY, id TEXT, hash TEXT, text TEXT)');
  const insert = db.prepare('INSERT INTO a (id, hash, text) VALUES (?, ?, ?)');
  const writeBatch = db.transaction((b: Article[]) => {
    for (const a of b) insert.run(a.id, a.contentHash, a.text);
  });
  t = process.hrtime.bigint();
  for (const b of batches) writeBatch(b);
  const floorSeconds = seconds(t);
  db.close();

  const mb = (p: string) => (statSync(p).size + (statSync(`${p}-wal`, { throwIfNoEntry: false })?.size ?? 0)) / 1e6;
  console.log(`store bench: ${n} small articles in batches of ${batch} (node ${process.version}, better-sqlite3, SQLite file in ${tmpdir()})\n`);
  console.log('| what | seconds | rows/s | file MB |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| crosscheck putArticles | ${storeSeconds.toFixed(2)} | ${Math.round(n / storeSeconds)} | ${mb(storePath).toFixed(1)} |`);
  console.log(`| crosscheck putFingerprints | ${fingerprintSeconds.toFixed(2)} | ${Math.round(n / fingerprintSeconds)} | |`);
  console.log(`| crosscheck putStories (10 articles each) | ${storySeconds.toFixed(2)} | ${Math.round(stories.length / storySeconds)} | |`);
  console.log(`| peer: plain better-sqlite3 insert | ${floorSeconds.toFixed(2)} | ${Math.round(n / floorSeconds)} | ${mb(floorPath).toFixed(1)} |`);
  console.log(`\nsearch: median ${median(searchMs).toFixed(2)} ms; candidateStories: median ${median(candidateMs).toFixed(2)} ms (${lookups} lookups each)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
