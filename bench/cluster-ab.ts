/**
 * A/B of the clustering stage alone, the serial part of an ingest (issue 21): the work of
 * ingest's main thread on a batch (clusterBatch: fingerprints, candidates from the index,
 * assignment, merges and splits, the commit into SQLite) by two builds, in one process, on the
 * same articles. End to end (ingest-ab.ts) the workers and the load blur a change of a few
 * percent in this part; here nothing else runs in the process.
 *
 *   node --import tsx bench/cluster-ab.ts --a main --b . [--n 6000] [--rounds 5]
 *
 * The articles are the first `n` of a generated dump (ingest.bench.ts --dump), processed once
 * into ClusterItems (what the workers send) with B's code. Each round runs A and B (the order
 * alternating) over all of them in batches of 500, each into a fresh SQLite file, and reads
 * the CPU time of the whole pass (process.cpuUsage: one thread). What each stored (stored.ts:
 * every table, by digest) must be identical to A's first run, else the exit status is 1.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { cpuMsSince, fixed, median, table } from './fnc1.js';
import { checkoutOf, repo } from './checkout.js';
import { storedDifference, storedDigests, type Stored } from './stored.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
};
const n = Number(arg('n', '6000'));
const rounds = Number(arg('rounds', '5'));
const sides = { A: checkoutOf(arg('a', 'main')), B: checkoutOf(arg('b', '.')) };
const work = mkdtempSync(join(tmpdir(), 'crosscheck-cluster-ab-'));

type Side = 'A' | 'B';
const load = (): string => loadavg().map((x) => fixed(x, 1)).join(' ');
const at = (side: Side, path: string): string => pathToFileURL(join(sides[side].dir, 'src', `${path}.ts`)).href;

interface Code {
  openStore: typeof import('../src/store/index.js').openStore;
  Clusterer: typeof import('../src/stories/group/clusterer.js').Clusterer;
  clusterBatch: typeof import('../src/collection/batch.js').clusterBatch;
}
const code: Record<Side, Code> = { A: undefined as unknown as Code, B: undefined as unknown as Code };
for (const side of ['A', 'B'] as Side[]) {
  code[side] = {
    openStore: ((await import(at(side, 'store/index'))) as typeof import('../src/store/index.js')).openStore,
    Clusterer: ((await import(at(side, 'stories/group/clusterer'))) as typeof import('../src/stories/group/clusterer.js')).Clusterer,
    clusterBatch: ((await import(at(side, 'collection/batch'))) as typeof import('../src/collection/batch.js')).clusterBatch,
  };
}

try {
  const dump = join(work, `dump-${n}.jsonl`);
  execFileSync(process.execPath, ['--import', 'tsx', join(repo, 'bench/ingest.bench.ts'), '--dump', String(n), dump], { stdio: 'inherit' });
  const { readInputs } = (await import(at('B', 'read/index'))) as typeof import('../src/read/index.js');
  const { runJob } = (await import(at('B', 'collection/jobs'))) as typeof import('../src/collection/jobs.js');
  const { DEFAULT_CONTEXT } = (await import(at('B', 'model/index'))) as typeof import('../src/model/index.js');
  type Item = import('../src/stories/group/clusterer.js').ClusterItem;
  const items: Item[] = [];
  for await (const r of readInputs([dump], { maxBytes: DEFAULT_CONTEXT.maxBytes, maxDecompressed: DEFAULT_CONTEXT.maxDecompressed })) {
    if (r.kind !== 'source') continue;
    const done = runJob({ kind: 'source', source: r.source, ctx: DEFAULT_CONTEXT });
    if (done.kind === 'article') items.push(done.item);
  }
  console.log(`cluster A/B: ${items.length} articles in batches of 500, ${rounds} rounds; A = ${sides.A.label}, B = ${sides.B.label}\n`);

  const cpu: Record<Side, number[]> = { A: [], B: [] };
  const rows: string[][] = [];
  let reference: Stored | null = null;
  let failed = false;
  for (let r = 0; r < rounds; r++) {
    for (const side of (r % 2 === 0 ? ['A', 'B'] : ['B', 'A']) as Side[]) {
      const path = join(work, `${side}-${r}.db`);
      const before = load();
      const { openStore, Clusterer, clusterBatch } = code[side];
      const store = await openStore(path);
      const clusterer = await Clusterer.open(store);
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < items.length; i += 500) await clusterBatch(store, clusterer, items.slice(i, i + 500));
      const ms = cpuMsSince(cpu0);
      await store.close();
      const raw = new Database(path, { readonly: true });
      const stored = storedDigests(raw);
      const stories = (raw.prepare('SELECT count(*) FROM stories').pluck().get() as number) ?? 0;
      raw.close();
      for (const x of ['', '-wal', '-shm']) rmSync(path + x, { force: true });
      cpu[side].push(ms / items.length);
      const row = [String(r + 1), side, String(stories), fixed(ms / items.length, 3), `${before} -> ${load()}`];
      rows.push(row);
      console.log(`run ${row.join(' | ')}`);
      if (reference === null) reference = stored;
      else if (!failed) {
        const diff = storedDifference(reference, stored);
        if (diff !== null) {
          failed = true;
          console.log(`what was stored differs (run ${r + 1} ${side}): ${diff}`);
        }
      }
    }
  }
  console.log(table(['round', 'side', 'stories', 'CPU ms/article', 'load (1, 5, 15 min) before -> after'], rows));
  const ratios = cpu.B.map((b, i) => b / (cpu.A[i] as number));
  console.log(`\nmedian CPU ms/article: A ${fixed(median(cpu.A), 3)}, B ${fixed(median(cpu.B), 3)}; paired B/A ${ratios.map((x) => fixed(x, 3)).join(', ')}; median ${fixed(median(ratios), 3)}`);
  console.log(failed ? 'stored rows: DIFFERENT' : 'stored rows (every table): identical in every run');
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
