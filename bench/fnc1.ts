/**
 * Shared by the benches: real news texts from the FNC-1 training bodies, read at run time from
 * ../shared/data (never copied in), and a few helpers for timing and printing tables.
 */
import { createReadStream, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseCSVStream } from '../src/read/csv.js';
import type { SourceRecord } from '../src/model/index.js';

export const FNC1_BODIES = fileURLToPath(new URL('../../shared/data/fnc1/train_bodies.csv', import.meta.url));

export interface Body {
  id: string;
  text: string;
}

/** The first `n` article bodies of FNC-1 (`Body ID,articleBody`), streamed; null when the file is absent. */
export async function loadBodies(n: number, path = FNC1_BODIES): Promise<Body[] | null> {
  if (!existsSync(path)) return null;
  const bodies: Body[] = [];
  let header = true;
  for await (const row of parseCSVStream(createReadStream(path))) {
    if (header) {
      header = false;
      continue;
    }
    const [id, text] = row;
    if (id === undefined || !text) continue;
    bodies.push({ id, text });
    if (bodies.length >= n) break;
  }
  return bodies;
}

/** A body as a reader would yield it: a plain-text source record. */
export function toSource(body: Body): SourceRecord {
  return { uri: `fnc1/train_bodies.csv#${body.id}`, format: 'text', raw: body.text, record: { id: `fnc1-${body.id}` }, messages: [] };
}

export function utf8Bytes(texts: readonly string[]): number {
  let n = 0;
  for (const t of texts) n += Buffer.byteLength(t, 'utf8');
  return n;
}

/** Wall time of `fn` in seconds. */
export function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/**
 * Times `fn` up to `repeat` times (after collecting garbage) and returns every time; stops
 * after the first run when that run alone took longer than `longSeconds`, so a slow stage
 * (an all-pairs compare on many articles) does not keep the bench running for minutes.
 */
export function timeRuns(fn: () => void, repeat: number, longSeconds = 10): number[] {
  const times: number[] = [];
  for (let r = 0; r < repeat; r++) {
    collectGarbage();
    const t = time(fn);
    times.push(t);
    if (t > longSeconds) break;
  }
  return times;
}

/** `timeRuns` for an async job (the comparison runs the clusterer over an in-memory store). */
export async function timeRunsAsync(fn: () => Promise<void>, repeat: number, longSeconds = 10): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < repeat; r++) {
    collectGarbage();
    const t = process.hrtime.bigint();
    await fn();
    const seconds = Number(process.hrtime.bigint() - t) / 1e9;
    times.push(seconds);
    if (seconds > longSeconds) break;
  }
  return times;
}

/** CPU milliseconds (user + system) of this process since `from`. */
export function cpuMsSince(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

/** CPU milliseconds (user + system) that `fn` took. */
export function cpuMsOf(fn: () => void): number {
  const from = process.cpuUsage();
  fn();
  return cpuMsSince(from);
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Runs the collector when node was started with --expose-gc, so one system's garbage is not billed to the next. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/** `--name value` from the command line, as a positive integer. */
export function intArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) {
    console.error(`--${name} takes a positive integer (got ${process.argv[i + 1] ?? 'nothing'})`);
    process.exit(2);
  }
  return v;
}

/** Where the figures come from: commit, date, node, CPU. */
export function environment(): string {
  let commit = 'unknown commit';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (dirty) commit += ' + uncommitted changes in src/';
  } catch {
    // Not a git checkout (an npm package): the commit is unknown.
  }
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${new Date().toISOString().slice(0, 10)}, commit ${commit}, node ${process.version}, ${cpu}`;
}

/** A plain-text table with right-aligned numbers. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k] ?? 0) : c.padStart(widths[k] ?? 0))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function fixed(x: number, digits: number): string {
  return x.toFixed(digits);
}
