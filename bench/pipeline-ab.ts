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
 * `--stage NAME`: time one analysis stage alone, on the docs each side's earlier stages made,
 * each doc handed a fresh Working (per pass, made before the timing) whose word-table lookup of
 * the tokens is done, as the tokenize stage does it in the pipeline: the first stage to read the
 * bits is not billed for a lookup that serves them all.
 * `--allow-different`: go on to the timing when the outputs differ (the count and the first
 * difference printed), for changes of accuracy whose cost is to be measured.
 * `--dist`: build each side's dist/ first (tsc -p tsconfig.build.json, as `npm run build`) and
 * time the compiled code, what users run; without it both sides run through tsx, which costs
 * both alike.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CONTEXT, type Article, type Context, type Doc, type SourceRecord } from '../src/model/index.js';
import { FNC1_BODIES, collectGarbage, fixed, intArg, loadBodies, median, table, time, toSource, utf8Bytes } from './fnc1.js';
import { checkoutOf, repo } from './checkout.js';


function stringArg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
}


type Process = (source: SourceRecord) => Article;
/** The part of a side's Working (src/analyze/working.ts) the bench uses. */
interface Work {
  tokenBits(tokens: Doc['tokens']): unknown;
}
type Stage = (doc: Doc, ctx: Context, work?: Work) => Doc;
interface Side {
  processSource: Process;
  extract: (source: SourceRecord, ctx: Context) => Doc;
  stages: readonly { name: string; run: Stage }[];
  Working: new () => Work;
}

async function load(dir: string, compiled: boolean): Promise<Side> {
  let root = join(dir, 'src');
  let ext = 'ts';
  if (compiled) {
    // into the side's dist/, as `npm run build` does (the compiled code finds its data files and
    // node_modules from there)
    root = join(dir, 'dist');
    ext = 'js';
    execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.build.json'), '--outDir', root, '--sourceMap', 'false', '--declaration', 'false'], { stdio: 'inherit' });
  }
  const at = (path: string): string => pathToFileURL(join(root, `${path}.${ext}`)).href;
  const { processSource } = (await import(at('collection/pipeline'))) as { processSource: Process };
  const { extract } = (await import(at('extract/index'))) as { extract: Side['extract'] };
  const { STAGES } = (await import(at('analyze/index'))) as { STAGES: Side['stages'] };
  const { Working } = (await import(at('analyze/working'))) as { Working: Side['Working'] };
  return { processSource, extract, stages: STAGES, Working };
}

/**
 * A pass over every body: the whole pipeline, or with --stage one analysis stage on its input
 * docs. `prepare` (not timed) makes what the pass reads: a fresh Working per doc, its tokens
 * looked up in the word table, so no pass reads what an earlier one left in them.
 */
interface PassOf {
  prepare: () => void;
  run: () => void;
}
function passOf(side: Side, stage: string | null): PassOf {
  if (stage === null) {
    const run = side.processSource;
    return {
      prepare: () => {},
      run: () => {
        for (const source of sources) run(source);
      },
    };
  }
  const k = side.stages.findIndex((s) => s.name === stage);
  if (k < 0) throw new Error(`--stage ${stage}: no such stage (${side.stages.map((s) => s.name).join(', ')})`);
  const inputs = sources.map((source) => side.stages.slice(0, k).reduce((doc, s) => s.run(doc, DEFAULT_CONTEXT), side.extract(source, DEFAULT_CONTEXT)));
  const run = (side.stages[k] as { run: Stage }).run;
  let works: Work[] = [];
  return {
    prepare: () => {
      works = inputs.map((doc) => {
        const work = new side.Working();
        if (doc.tokens.length > 0) work.tokenBits(doc.tokens);
        return work;
      });
    },
    run: () => {
      for (let i = 0; i < inputs.length; i++) run(inputs[i] as Doc, DEFAULT_CONTEXT, works[i]);
    },
  };
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
const stageName = process.argv.includes('--stage') ? stringArg('stage', '') : null;
const sideA = await load(a.dir, compiled);
const sideB = await load(b.dir, compiled);

// 1. Identical outputs (this pass also warms both sides up).
let differing = 0;
let firstReport = '';
for (const source of sources) {
  const ja = JSON.stringify(sideA.processSource(source));
  const jb = JSON.stringify(sideB.processSource(source));
  if (ja === jb) continue;
  differing++;
  if (!firstReport) firstReport = `${source.uri} ${firstDifference(ja, jb)}`;
}
console.log(`pipeline A/B: ${sources.length} FNC-1 bodies, ${fixed(mb, 2)} MB; A = ${a.label}, B = ${b.label}, ${compiled ? 'compiled (tsc)' : 'through tsx'}`);
if (differing > 0) {
  console.log(`outputs DIFFER on ${differing} of ${sources.length} articles; first: ${firstReport}`);
  // --allow-different: time two builds whose outputs differ on purpose (an accuracy change), the
  // difference printed above; without it a speed change must keep every output
  if (!process.argv.includes('--allow-different')) process.exit(1);
} else console.log(`outputs identical on all ${sources.length} articles (JSON of each Article)`);

// 2. Alternating timed rounds. On a loaded machine the wall time of a pass counts the time
// other processes held the cores; the process's CPU time (user + system) counts far less of
// it, so the ratio is read from CPU time and the wall time is printed beside it.
interface Pass {
  wall: number;
  cpu: number;
}
const runA = passOf(sideA, stageName);
const runB = passOf(sideB, stageName);
function pass({ prepare, run }: PassOf): Pass {
  prepare();
  collectGarbage();
  const c0 = process.cpuUsage();
  const wall = time(run);
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
console.log(`B is ${fixed(median(ratios), 3)}x A's speed${stageName === null ? '' : ` on the ${stageName} stage alone`} (median of ${rounds} paired rounds of CPU time; A/B ratios ${ratios.map((x) => fixed(x, 2)).join(' ')})`);
const minRatio = Math.min(...passesA.map((p) => p.cpu)) / Math.min(...passesB.map((p) => p.cpu));
console.log(`ratio of the fastest passes (least disturbed by other processes): ${fixed(minRatio, 3)}x`);
console.log(`load average (1 min) during the rounds: ${loads.map((x) => fixed(x, 1)).join(' ')}${(globalThis as { gc?: unknown }).gc ? '' : '; run node with --expose-gc to collect garbage between passes'}`);
