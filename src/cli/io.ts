/**
 * Where the command line reads and writes. Tests pass in-memory streams; the real entry points
 * use the process's. Also: finding the package root (for the demo corpus and the version) from
 * this file's URL, so it works from src/ under tsx, from dist/ and from any working directory.
 */
import { readFileSync, existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMessage, message, type Message } from '../model/index.js';
import { EXIT } from '../model/exit-codes.js';
import { stripControls } from '../report/sanitize.js';

export interface Writer {
  write(chunk: string): unknown;
}

export interface CliIO {
  stdout: Writer;
  stderr: Writer;
  /** Standard input, for the "-" input. */
  stdin?: NodeJS.ReadableStream;
  /** Whether stdout is a terminal (colour and width follow it). */
  isTTY?: boolean;
  /** Terminal width, when stdout is a terminal. */
  columns?: number;
  /** Environment (NO_COLOR, FORCE_COLOR). */
  env?: Record<string, string | undefined>;
}

export function processIO(): CliIO {
  const io: CliIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, isTTY: process.stdout.isTTY === true, env: process.env };
  if (process.stdout.columns) io.columns = process.stdout.columns;
  // "crosscheck compare ... | head" closes the pipe early: stop quietly instead of crashing.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  return io;
}

/** Writes messages to stderr, one line each; article-derived text is stripped of terminal controls. */
export function writeMessages(io: CliIO, messages: readonly Message[]): void {
  for (const m of messages) io.stderr.write(stripControls(formatMessage(m)).replace(/[\r\n]+/g, ' ') + '\n');
}

/**
 * Colour when asked (--color / --no-color), else FORCE_COLOR (any value but "0") turns it on,
 * NO_COLOR (any non-empty value, no-color.org) turns it off, else colour when stdout is a terminal.
 */
export function wantsColor(io: CliIO, flags: { color?: boolean; noColor?: boolean }): boolean {
  if (flags.noColor) return false;
  if (flags.color) return true;
  const env = io.env ?? {};
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env['NO_COLOR']) return false;
  return io.isTTY === true;
}

let root: string | undefined;

/** The package root: the nearest folder above this file holding crosscheck's package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        if ((JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'crosscheck') return (root = dir);
      } catch {
        // an unreadable package.json on the way up is not ours; keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`crosscheck: no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

/** A report to standard output, or to the file `-o` named (CC503 and its exit code when it cannot be written). */
export async function writeReport(io: CliIO, output: string | null, text: string): Promise<number> {
  if (output === null) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  try {
    await writeFile(output, text);
  } catch (err) {
    writeMessages(io, [message('CC503', `${output}: ${(err as Error).message}`, { uri: output })]);
    return EXIT.cantCreate;
  }
  return EXIT.ok;
}
