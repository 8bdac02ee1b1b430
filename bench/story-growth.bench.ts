/**
 * A story that keeps growing (a war, an election: tens of thousands of members), written batch
 * by batch as ingest writes it: does a batch cost the same whatever the size of the stories it
 * adds to? Each commit of `--batch` articles founds small stories (2-5 members each) and adds
 * `--join` articles to one long-running story; the long story is analyzed (put back with its
 * coverage, as the final pass does) once at the start. Prints the CPU per commit (this thread:
 * SQLite runs in it) over the first and the last tenth of the batches and their ratio, which
 * should stay near 1 (the articles and the small stories are the same work in every batch).
 * Only the store's public API is used, so the same file measures another checkout of the store
 * in the same run (`--store PATH/src/store/sqlite/index.ts`).
 *
 *   node --import tsx bench/story-growth.bench.ts [--batches 300] [--batch 100] [--join 90] [--store PATH]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Assignment, Store } from '../src/store/index.js';
import { makeArticles } from '../src/store/test-fixtures.js';
import { toStore } from '../src/store/rows.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const BATCHES = Number(arg('batches', '300'));
const BATCH = Number(arg('batch', '100'));
const JOIN = Number(arg('join', '90'));
const storeModule = resolve(arg('store', 'src/store/sqlite/index.ts'));
const { openSqliteStore } = (await import(pathToFileURL(storeModule).href)) as { openSqliteStore: (path: string) => Promise<Store> };

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-growth-'));
try {
  const store = await openSqliteStore(join(dir, 'growth.db'));
  const perBatch: number[] = [];
  let made = 0;
  for (let b = 0; b < BATCHES; b++) {
    const day = `2017-${String(1 + Math.floor((b * 12) / BATCHES)).padStart(2, '0')}-${String(1 + (b % 28)).padStart(2, '0')}`;
    const articles = makeArticles(BATCH, (i) => ({ text: `Report ${made + i} of batch ${b}: the council met after the storm.`, outlet: `Outlet ${(made + i) % 40}`, publishedAt: day }));
    made += BATCH;
    const assignments: Assignment[] = [{ storyId: 'long', title: 'The long story', articleIds: articles.slice(0, JOIN).map((a) => a.id) }];
    for (let i = JOIN, k = 0; i < articles.length; k++) {
      const size = 2 + (k % 4);
      assignments.push({ storyId: `b${b}-${k}`, title: '', articleIds: articles.slice(i, i + size).map((a) => a.id) });
      i += size;
    }
    const rows = articles.map(toStore);
    const cpu = process.cpuUsage();
    await store.commitBatch({ articles: rows, fingerprints: [], assignments });
    const used = process.cpuUsage(cpu);
    perBatch.push((used.user + used.system) / 1000);
    // The final pass analyses the long story once, early (its coverage lists every member).
    if (b === 1) {
      const long = await store.getStory('long');
      if (long) await store.putStory({ ...long, coverage: long.articleIds.map((id) => ({ articleId: id, outlet: null, only: [], missing: [] })) });
    }
  }
  const tenth = Math.max(1, Math.floor(BATCHES / 10));
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = mean(perBatch.slice(0, tenth));
  const last = mean(perBatch.slice(-tenth));
  const size = (await store.storySummaries(['long'])).get('long')?.articleCount ?? 0;
  console.log(`store ${storeModule}`);
  console.log(`${BATCHES} commits of ${BATCH} articles, ${JOIN} of each joining one story (${size} members at the end); load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`CPU ms per commit: first tenth ${first.toFixed(1)}, last tenth ${last.toFixed(1)}, ratio ${(last / first).toFixed(2)}`);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
