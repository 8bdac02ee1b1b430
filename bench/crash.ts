/**
 * Crash safety, long form (issue 9): runs `crosscheck ingest` on a generated dump, kills it with
 * SIGKILL at a seeded random moment, and checks after each kill that the database opens, passes
 * `PRAGMA integrity_check` (and the store's own checks), that a rerun completes, and that every
 * article of the input is stored exactly once (content hashes of the store = those of the input).
 *
 *   node --import tsx bench/crash.ts                       # 20 trials, 3000 articles, from source
 *   node --import tsx bench/crash.ts --trials 50 --seed 7 --articles 5000 --built
 *
 * --built runs the compiled CLI (node bin/crosscheck.js; run `npm run build` first) instead of
 * the sources through tsx; --cli PATH runs another compiled entry (a snapshot build, so that
 * edits to src/ during a long run cannot break it). Prints one line per trial, then trials, failures and time; exits 1
 * when a trial failed. test/crash.test.ts runs a bounded form (2 trials) in CI.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { prng } from '../src/model/random.js';
import { openStore } from '../src/store/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface CrashOptions {
  trials: number;
  seed: number;
  articles: number;
  /** Run bin/crosscheck.js (compiled) instead of src/cli/run.ts through tsx. */
  built: boolean;
  /** Another compiled entry point to run (a snapshot build, so that edits to src/ during a long run do not matter). */
  cli?: string;
  /** Worker threads for the ingest (the CLI's --workers). */
  workers: number;
  log?: (line: string) => void;
}

export interface TrialResult {
  trial: number;
  killAfterMs: number;
  /** False when the ingest ended before its kill. */
  killed: boolean;
  /** Articles in the database right after the kill. */
  afterKill: number;
  /** What went wrong; empty when the trial passed. */
  problems: string[];
}

export interface CrashReport {
  trials: TrialResult[];
  failures: number;
  seconds: number;
  /** The time one uninterrupted ingest of the dump took, in ms (kills are spread over it). */
  fullRunMs: number;
}

const PLACES = ['Marrowby', 'Dunmere', 'Tollcross', 'Brackenfield', 'Kestrel Bay', 'Ostwick', 'Vell', 'Harrowgate'];
const EVENTS = ['a ferry ran aground in fog', 'the council closed the old bridge', 'a laboratory fire destroyed samples', 'police arrested four men over stolen books', 'a crane collapsed onto the quay', 'floods cut the coast road'];

/** A JSONL dump of `n` distinct articles (seeded), and the content hashes ingest will give them. */
export function crashDump(n: number, seed: number): { jsonl: string; hashes: Set<string> } {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const lines: string[] = [];
  const hashes = new Set<string>();
  for (let i = 0; i < n; i++) {
    const place = pick(PLACES);
    const event = pick(EVENTS);
    const text = `In ${place}, ${event}, officials said on ${pick(['Monday', 'Tuesday', 'Friday'])}. Witness ${i} told reporters that ${event} had shaken the town. ${pick(['Residents gathered at the hall.', 'The mayor promised an inquiry.', 'Repairs will take months.'])} Report ${i} filed from ${place}.`;
    lines.push(JSON.stringify({ id: `a${i}`, outlet: `outlet-${i % 7}`, title: `${place}: ${event} (${i})`, publishedAt: `2025-04-${String(1 + (i % 28)).padStart(2, '0')}`, text }));
    hashes.add(createHash('sha256').update(text).digest('hex'));
  }
  return { jsonl: lines.join('\n') + '\n', hashes };
}

function cliArgs(options: CrashOptions): string[] {
  if (options.cli) return [options.cli];
  return options.built ? [join(ROOT, 'bin', 'crosscheck.js')] : ['--import', 'tsx', join(ROOT, 'src', 'cli', 'run.ts')];
}

/** Runs the CLI; kills it with SIGKILL after `killAfterMs` when given. Resolves with how it ended. */
function runIngest(args: string[], killAfterMs: number | null): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; stderr: string }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - t0, stderr });
    });
  });
}

/** The checks after a kill (and after the rerun): problems found, empty when all is well. */
async function checkDatabase(db: string, hashes: Set<string> | null): Promise<{ problems: string[]; articles: number }> {
  const problems: string[] = [];
  if (!existsSync(db)) return { problems, articles: 0 };
  let articles = 0;
  try {
    const raw = new Database(db, { readonly: true, fileMustExist: true });
    try {
      const rows = raw.pragma('integrity_check') as { integrity_check: string }[];
      if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') problems.push(`PRAGMA integrity_check: ${rows.map((x) => x.integrity_check).join('; ')}`);
      const hasTable = raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'`).get();
      const stored = hasTable ? (raw.prepare('SELECT content_hash AS h FROM articles').all() as { h: string }[]).map((x) => x.h) : [];
      articles = stored.length;
      if (new Set(stored).size !== stored.length) problems.push('an article is stored twice');
      if (hashes) {
        const missing = [...hashes].filter((h) => !stored.includes(h)).length;
        const extra = stored.filter((h) => !hashes.has(h)).length;
        if (missing || extra || stored.length !== hashes.size) problems.push(`stored ${stored.length} articles for ${hashes.size} in the input (${missing} missing, ${extra} not in the input)`);
      }
    } finally {
      raw.close();
    }
  } catch (error) {
    // A database the kill left before the schema was written may not open with better-sqlite3 readonly (no WAL yet): the store must still open it.
    problems.push(`the database does not open: ${(error as Error).message}`);
  }
  const store = await openStore(db).catch((error: Error) => error);
  if (store instanceof Error) problems.push(`the store does not open: ${store.message}`);
  else {
    problems.push(...(await store.checkIntegrity()).map((p) => `store check: ${p}`));
    const st = await store.stats();
    if (st.unassigned !== 0) problems.push(`${st.unassigned} articles without a story`);
    await store.close();
  }
  return { problems, articles };
}

function rmDb(db: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(db + suffix, { force: true });
}

export async function crashTrials(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined);
  const t0 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'cc-crash-'));
  try {
    const { jsonl, hashes } = crashDump(options.articles, options.seed);
    const dump = join(dir, 'dump.jsonl');
    writeFileSync(dump, jsonl);
    const base = [...cliArgs(options), 'ingest', dump, '--workers', String(options.workers), '--quiet'];
    // One uninterrupted run, to spread the kills over the time an ingest takes.
    const full = await runIngest([...base, '--db', join(dir, 'full.db')], null);
    if (full.code !== 0) throw new Error(`the uninterrupted ingest exited ${full.code}: ${full.stderr}`);
    const fullCheck = await checkDatabase(join(dir, 'full.db'), hashes);
    if (fullCheck.problems.length) throw new Error(`the uninterrupted ingest is wrong: ${fullCheck.problems.join('; ')}`);
    log(`uninterrupted ingest of ${options.articles} articles: ${full.ms.toFixed(0)} ms`);
    const r = prng(options.seed ^ 0x9e3779b9);
    const trials: TrialResult[] = [];
    // The length of a run, re-estimated when one ends before its kill (a shared machine's speed changes).
    let runMs = full.ms;
    for (let trial = 1; trial <= options.trials; trial++) {
      const db = join(dir, `t${trial}.db`);
      let killAfterMs = 0;
      let killed: Awaited<ReturnType<typeof runIngest>> | null = null;
      const problems: string[] = [];
      // Up to three tries at a kill; a run that ended first is started again on a fresh database.
      for (let attempt = 0; attempt < 3; attempt++) {
        rmDb(db);
        // Anywhere from process start-up to near the end of the run.
        killAfterMs = Math.round(runMs * (0.05 + 0.9 * r()));
        killed = await runIngest([...base, '--db', db], killAfterMs);
        if (killed.signal === 'SIGKILL') break;
        if (killed.code !== 0) {
          problems.push(`the ingest exited ${killed.code} before the kill: ${killed.stderr.slice(-500)}`);
          break;
        }
        runMs = Math.min(runMs, killed.ms);
      }
      // A trial whose runs all ended before the kill is not a failure, but it is counted.
      const wasKilled = killed?.signal === 'SIGKILL';
      const mid = await checkDatabase(db, null);
      problems.push(...mid.problems.map((p) => `after the kill: ${p}`));
      const rerun = await runIngest([...base, '--db', db], null);
      if (rerun.code !== 0) problems.push(`the rerun exited ${rerun.code}: ${rerun.stderr.slice(-500)}`);
      const end = await checkDatabase(db, hashes);
      problems.push(...end.problems.map((p) => `after the rerun: ${p}`));
      trials.push({ trial, killAfterMs, killed: wasKilled, afterKill: mid.articles, problems });
      log(`trial ${trial}: ${wasKilled ? 'killed' : 'NOT killed (ended first)'} at ${killAfterMs} ms with ${mid.articles} articles stored; rerun ${rerun.ms.toFixed(0)} ms; ${problems.length ? `FAILED: ${problems.join('; ')}` : 'ok'}`);
      rmDb(db);
    }
    return { trials, failures: trials.filter((t) => t.problems.length > 0).length, seconds: (performance.now() - t0) / 1000, fullRunMs: full.ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const options: CrashOptions = {
    trials: flag('trials', 20),
    seed: flag('seed', 20251121),
    articles: flag('articles', 3000),
    workers: flag('workers', 1),
    built: process.argv.includes('--built'),
    log: (line) => console.log(line),
  };
  const cli = process.argv.indexOf('--cli');
  if (cli >= 0 && process.argv[cli + 1]) options.cli = process.argv[cli + 1]!;
  const report = await crashTrials(options);
  console.log(`\ntrials ${report.trials.length} (${report.trials.filter((t) => t.killed).length} killed), failures ${report.failures}, time ${report.seconds.toFixed(1)} s (seed ${options.seed}, ${options.articles} articles, ${options.cli ?? (options.built ? 'built CLI' : 'sources via tsx')}, workers ${options.workers})`);
  for (const t of report.trials.filter((x) => x.problems.length)) console.log(`  trial ${t.trial} (kill at ${t.killAfterMs} ms): ${t.problems.join('; ')}`);
  process.exitCode = report.failures ? 1 : 0;
}
