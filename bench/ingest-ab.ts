/**
 * A/B of `ingest` end to end into SQLite between two builds of crosscheck, on one generated dump
 * (issue 21): the same dump is ingested by A and B in alternating runs (A B B A A B ...), each in
 * a child process of its own into a fresh database, and
 *   1. every run's story partition (each article's story id, read from the database) must be
 *      identical to A's first run, and so must what it stored (stored.ts: a digest of each
 *      table, rows in a fixed order, columns that hold no clock; with `--analyze`, the analysis of
 *      each story that both runs analysed, since the final pass is bounded by time): the first
 *      difference is printed and the exit status is 1;
 *   2. the CPU of each run (all threads of the child: `process.cpuUsage`) per article, the main
 *      thread's own CPU per article (the serial part; from /proc, Linux only), the wall clock
 *      and the machine's load are printed per run, then the medians and the median of the paired
 *      B/A ratios of CPU. On the shared 2-core machine read CPU, not the wall clock.
 *
 *   node --import tsx bench/ingest-ab.ts --a main --b . [--n 20000] [--rounds 2] [--analyze]
 *
 * `--a` / `--b`: a directory holding a checkout (its src/ is run through tsx) or a git revision,
 * exported (git archive) under the system's temporary folder. The final pass of story analysis
 * is left out unless `--analyze` (it is bounded by time, so its share would blur the figure).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixed, median, table } from './fnc1.js';
import { checkoutOf, repo } from './checkout.js';
import { storedDifference, storedDigests, type Stored } from './stored.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
};

interface RunResult extends Stored {
  stored: number;
  seconds: number;
  cpuMs: number;
  mainBusyMs: number;
  partition: [string, string | null][];
}

/** CPU time of this process's main thread alone (Linux: its task's utime + stime, in clock ticks of 10 ms); NaN elsewhere. */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

// --child DIR DUMP DB ANALYZE: one ingest with DIR's code, its result as JSON on stdout.
const childAt = process.argv.indexOf('--child');
if (childAt > 0) {
  const [dir, dump, db, analyze] = process.argv.slice(childAt + 1) as [string, string, string, string];
  const at = (path: string): string => pathToFileURL(join(dir, 'src', `${path}.ts`)).href;
  const { openStore } = (await import(at('store/index'))) as typeof import('../src/store/index.js');
  const { ingest } = (await import(at('collection/ingest'))) as typeof import('../src/collection/ingest.js');
  const store = await openStore(db);
  const main0 = mainThreadCpuMs();
  const cpu0 = process.cpuUsage();
  const s = await ingest({ store, inputs: [dump], analyze: analyze === '1' });
  const cpu = process.cpuUsage(cpu0);
  const main = mainThreadCpuMs() - main0;
  await store.close();
  const Database = (await import('better-sqlite3')).default;
  const raw = new Database(db, { readonly: true });
  const partition = raw.prepare('SELECT id, story_id FROM articles ORDER BY id').raw().all() as [string, string | null][];
  const out: RunResult = { stored: s.new, seconds: s.seconds, cpuMs: (cpu.user + cpu.system) / 1e3, mainBusyMs: main, partition, ...storedDigests(raw) };
  raw.close();
  // To a file: a pipe's end of a large stdout write is lost when the process exits.
  writeFileSync(`${db}.json`, JSON.stringify(out));
  process.exit(0);
}


const n = Number(arg('n', '20000'));
const rounds = Number(arg('rounds', '2'));
const analyze = process.argv.includes('--analyze') ? '1' : '0';
const sides = { A: checkoutOf(arg('a', 'main')), B: checkoutOf(arg('b', '.')) };
const work = mkdtempSync(join(tmpdir(), 'crosscheck-ingest-ab-'));
const dump = join(work, `dump-${n}.jsonl`);
execFileSync(process.execPath, ['--import', 'tsx', join(repo, 'bench/ingest.bench.ts'), '--dump', String(n), dump], { stdio: 'inherit' });
console.log(`ingest A/B: ${n} articles, ${rounds} rounds; A = ${sides.A.label}, B = ${sides.B.label}; story analysis ${analyze === '1' ? 'on' : 'off'}\n`);

const load = (): string => loadavg().map((x) => fixed(x, 1)).join(' ');
const rows: string[][] = [];
const cpu: Record<'A' | 'B', number[]> = { A: [], B: [] };
const busy: Record<'A' | 'B', number[]> = { A: [], B: [] };
let reference: RunResult | null = null;
let failed = false;
try {
  for (let r = 0; r < rounds; r++) {
    for (const side of (r % 2 === 0 ? ['A', 'B'] : ['B', 'A']) as ('A' | 'B')[]) {
      const db = join(work, `${side}-${r}.db`);
      const before = load();
      execFileSync(process.execPath, ['--import', 'tsx', join(repo, 'bench/ingest-ab.ts'), '--child', sides[side].dir, dump, db, analyze], { cwd: sides[side].dir, stdio: 'inherit' });
      const json = readFileSync(`${db}.json`, 'utf8');
      rmSync(`${db}.json`, { force: true });
      rmSync(db, { force: true });
      rmSync(`${db}-wal`, { force: true });
      rmSync(`${db}-shm`, { force: true });
      const res = JSON.parse(json) as RunResult;
      cpu[side].push(res.cpuMs / res.stored);
      busy[side].push(res.mainBusyMs / res.stored);
      const row = [String(r + 1), side, String(res.stored), String(new Set(res.partition.map(([, s]) => s)).size), fixed(res.seconds, 1), fixed(res.stored / res.seconds, 0), fixed(res.cpuMs / res.stored, 2), fixed(res.mainBusyMs / res.stored, 2), `${before} -> ${load()}`];
      rows.push(row);
      // each run as it ends: a long A/B that stops half way still says what it measured
      console.log(`run ${row.join(' | ')}`);
      if (reference === null) reference = res;
      else if (!failed) {
        const ref = reference.partition;
        const diff = res.partition.findIndex(([id, s], i) => ref[i]?.[0] !== id || ref[i]?.[1] !== s);
        const stored = storedDifference(reference, res);
        if (diff >= 0 || res.partition.length !== ref.length) {
          failed = true;
          console.log(`partition differs (run ${r + 1} ${side}): ${JSON.stringify(res.partition[diff])} vs ${JSON.stringify(ref[diff])}`);
        } else if (stored !== null) {
          failed = true;
          console.log(`what was stored differs (run ${r + 1} ${side}): ${stored}`);
        }
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(table(['round', 'side', 'stored', 'stories', 'seconds', 'articles/s', 'CPU ms/article', 'main thread CPU ms/article', 'load (1, 5, 15 min) before -> after'], rows));
const ratios = cpu.B.map((b, i) => b / (cpu.A[i] as number));
console.log(`\nmedian CPU ms/article: A ${fixed(median(cpu.A), 2)}, B ${fixed(median(cpu.B), 2)}; median of paired B/A ${fixed(median(ratios), 3)}`);
console.log(`median main-thread CPU ms/article: A ${fixed(median(busy.A), 2)}, B ${fixed(median(busy.B), 2)}`);
console.log(failed ? 'story partitions or stored rows: DIFFERENT' : `story partitions and stored rows (${Object.keys(reference?.tables ?? {}).join(', ')}; analyses of the stories analysed by both runs): identical in every run`);
process.exit(failed ? 1 : 0);
