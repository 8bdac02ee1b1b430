/**
 * A/B of the per-article pipeline between two builds of crosscheck, on the same FNC-1 bodies:
 *   1. every article's output (the Article of `processSource`, as JSON) must be byte-identical
 *      between A and B; the first difference is printed and the exit status is 1;
 *   2. then A and B are timed in alternating rounds (A B B A A B ...: neither side always runs
 *      first after the collector), and the medians and the median of the paired ratios of CPU
 *      time printed.
 * Both builds live in one process (two module graphs), so they share the JIT's warm-up and the
 * machine's load as evenly as a loaded machine allows.
 *
 *   node --expose-gc --import tsx bench/pipeline-ab.ts --a 2e673f9 --b . [--n 1000] [--rounds 9]
 *
 * `--a` / `--b`: a directory holding a checkout (its src/ is run through tsx) or a git revision,
 * which is exported (git archive) under the system's temporary folder and run from there.
 * `--dist`: compile each side first (tsc, tsconfig.build.json) and time the compiled code, what
 * users run; without it both sides run through tsx, which costs both alike.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Article, SourceRecord } from '../src/model/index.js';
import { FNC1_BODIES, collectGarbage, fixed, intArg, loadBodies, median, table, time, toSource, utf8Bytes } from './fnc1.js';

const repo = fileURLToPath(new URL('..', import.meta.url));

function stringArg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
}

/** The checkout a side names: a directory as it is, or a revision exported once (cached by commit). */
function checkoutOf(spec: string): { dir: string; label: string } {
  const asDir = resolve(spec);
  if (existsSync(join(asDir, 'src'))) return { dir: asDir, label: spec === '.' ? 'working tree' : asDir };
  const commit = execFileSync('git', ['rev-parse', '--verify', `${spec}^{commit}`], { cwd: repo, encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `crosscheck-ab-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, 'src'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const archive = execFileSync('git', ['archive', '--format=tar', commit, 'src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'], { cwd: repo, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  }
  return { dir, label: `${spec} (${commit.slice(0, 7)})` };
}

type Process = (source: SourceRecord) => Article;

async function load(dir: string, compiled: boolean): Promise<Process> {
  let entry = join(dir, 'src/collection/pipeline.ts');
  if (compiled) {
    const out = join(dir, 'dist-ab');
    execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.build.json'), '--outDir', out, '--sourceMap', 'false', '--declaration', 'false'], { stdio: 'inherit' });
    entry = join(out, 'collection/pipeline.js');
  }
  const mod = (await import(pathToFileURL(entry).href)) as { processSource: Process };
  return mod.processSource;
}

/** The first place two JSON texts differ, with a little context. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  const from = Math.max(0, i - 120);
  return `at character ${i}:\n  A: ...${a.slice(from, i + 120)}\n  B: ...${b.slice(from, i + 120)}`;
}

const n = intArg('n', 1000);
const rounds = intArg('rounds', 9);
const compiled = process.argv.includes('--dist');
const a = checkoutOf(stringArg('a', 'HEAD'));
const b = checkoutOf(stringArg('b', '.'));

const bodies = await loadBodies(n);
if (bodies === null) {
  console.log(`skipped: ${FNC1_BODIES} not found (the FNC-1 set lives in ../shared/data/fnc1; the bench reads it at run time)`);
  process.exit(0);
}
const sources = bodies.map(toSource);
const mb = utf8Bytes(bodies.map((x) => x.text)) / 1e6;
const runA = await load(a.dir, compiled);
const runB = await load(b.dir, compiled);

// 1. Identical outputs (this pass also warms both sides up).
let differing = 0;
let firstReport = '';
for (const source of sources) {
  const ja = JSON.stringify(runA(source));
  const jb = JSON.stringify(runB(source));
  if (ja === jb) continue;
  differing++;
  if (!firstReport) firstReport = `${source.uri} ${firstDifference(ja, jb)}`;
}
console.log(`pipeline A/B: ${sources.length} FNC-1 bodies, ${fixed(mb, 2)} MB; A = ${a.label}, B = ${b.label}, ${compiled ? 'compiled (tsc)' : 'through tsx'}`);
if (differing > 0) {
  console.log(`outputs DIFFER on ${differing} of ${sources.length} articles; first: ${firstReport}`);
  process.exit(1);
}
console.log(`outputs identical on all ${sources.length} articles (JSON of each Article)`);

// 2. Alternating timed rounds. On a loaded machine the wall time of a pass counts the time
// other processes held the cores; the process's CPU time (user + system) counts far less of
// it, so the ratio is read from CPU time and the wall time is printed beside it.
interface Pass {
  wall: number;
  cpu: number;
}
function pass(run: Process): Pass {
  collectGarbage();
  const c0 = process.cpuUsage();
  const wall = time(() => {
    for (const source of sources) run(source);
  });
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6 };
}
const passesA: Pass[] = [];
const passesB: Pass[] = [];
const ratios: number[] = [];
const loads: number[] = [];
for (let r = 0; r < rounds; r++) {
  loads.push(loadavg()[0] ?? 0);
  let pa: Pass;
  let pb: Pass;
  if (r % 2 === 0) {
    pa = pass(runA);
    pb = pass(runB);
  } else {
    pb = pass(runB);
    pa = pass(runA);
  }
  passesA.push(pa);
  passesB.push(pb);
  ratios.push(pa.cpu / pb.cpu);
}
const row = (name: string, ps: Pass[]): string[] => {
  const cpu = ps.map((p) => p.cpu);
  const wall = ps.map((p) => p.wall);
  return [name, fixed(median(cpu), 3), fixed(Math.min(...cpu), 3), fixed(Math.max(...cpu), 3), fixed(median(wall), 3), fixed(mb / median(cpu), 2)];
};
console.log(table(['side', 'CPU s median', 'min', 'max', 'wall s median', 'MB per CPU s'], [row(`A ${a.label}`, passesA), row(`B ${b.label}`, passesB)]));
console.log(`B is ${fixed(median(ratios), 3)}x A's speed (median of ${rounds} paired rounds of CPU time; A/B ratios ${ratios.map((x) => fixed(x, 2)).join(' ')})`);
console.log(`load average (1 min) during the rounds: ${loads.map((x) => fixed(x, 1)).join(' ')}${(globalThis as { gc?: unknown }).gc ? '' : '; run node with --expose-gc to collect garbage between passes'}`);
