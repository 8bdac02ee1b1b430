/**
 * `crosscheck ingest INPUT... [--db PATH]`: reads, cleans, analyses and clusters the inputs
 * into the database (src/ingest). A progress line on standard error when it is a terminal;
 * a summary at the end; each record that could not be ingested is a coded message with its
 * position in the input ("dump.jsonl:1234").
 */
import { stat } from 'node:fs/promises';
import { message } from '../model/index.js';
import { ingest, type IngestOptions, type IngestProgress, type IngestSummary } from '../collection/ingest.js';
import { walkDirectory } from '../read/directory.js';
import { LIMIT_SPECS, limitsOf, parseArgs, type OptionSpecs } from './args.js';
import { usageError } from './compare.js';
import { DB_SPECS, withDb } from './db-options.js';
import { EXIT, INGEST_HELP } from './help.js';
import { writeMessages, type CliIO } from './io.js';
import { enqueueCommand } from './enqueue.js';

const SPECS: OptionSpecs = {
  ...DB_SPECS,
  ...LIMIT_SPECS,
  format: { type: 'string' },
  workers: { type: 'string' },
  analyze: { type: 'string' },
  // the earlier spelling, still accepted
  analyse: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  enqueue: { type: 'boolean' },
  'allow-private': { type: 'boolean' },
};

const FORMATS = ['text', 'jsonl', 'html', 'feed', 'warc'];

export async function ingestCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError(io, parsed.error, 'ingest');
  const { values, positionals } = parsed.args;
  if (values['help']) {
    io.stdout.write(INGEST_HELP);
    return EXIT.ok;
  }
  if (!positionals.length) return usageError(io, 'no inputs given: name files, directories, or "-" for standard input', 'ingest');
  const options: Omit<IngestOptions, 'store'> = { inputs: positionals, context: {} };
  const format = values['format'];
  if (typeof format === 'string') {
    if (!FORMATS.includes(format)) return usageError(io, `--format must be one of ${FORMATS.join(', ')}, not "${format}"`, 'ingest');
    options.format = format as NonNullable<IngestOptions['format']>;
  }
  const limits = limitsOf(values);
  if (!limits.ok) return usageError(io, limits.error, 'ingest');
  Object.assign(options.context as object, limits.limits);
  if (typeof values['workers'] === 'string') {
    const w = values['workers'].trim();
    if (!/^\d+$/.test(w)) return usageError(io, `--workers needs a whole number (0 runs on one thread), not "${w}"`, 'ingest');
    options.workers = Number(w);
  }
  const analyzeMode = values['analyze'] ?? values['analyse'];
  if (typeof analyzeMode === 'string') {
    const mode = analyzeMode.trim();
    if (mode !== 'some' && mode !== 'all' && mode !== 'none') return usageError(io, `--analyze is some, all or none, not "${mode}"`, 'ingest');
    options.analyze = mode === 'some' ? true : mode === 'all' ? 'all' : false;
  }
  if (io.stdin) options.stdin = io.stdin;
  if (values['allow-private'] === true) options.allowPrivate = true;
  if (values['enqueue'] === true) return enqueueCommand(values, positionals, options, io);
  const stderrTTY = (io.stderr as { isTTY?: boolean }).isTTY === true;
  if (stderrTTY) {
    const total = await totalBytes(positionals);
    options.onProgress = (p) => io.stderr.write(`\r\x1b[K${progressLine(p, total)}`);
  }
  return withDb(values, io, false, async (store) => {
    const summary = await ingest({ ...options, store });
    if (stderrTTY) io.stderr.write('\r\x1b[K');
    const quiet = values['quiet'] === true;
    writeMessages(io, quiet ? summary.problems.filter((m) => m.severity !== 'info') : summary.problems);
    if (values['json']) io.stdout.write(JSON.stringify(summaryJSON(summary), null, 2) + '\n');
    else io.stdout.write(summaryText(summary));
    if (summary.new === 0 && summary.duplicates === 0) {
      writeMessages(io, [message('CC501', `none of the ${positionals.length === 1 ? 'input' : `${positionals.length} inputs`} gave an article`)]);
      return EXIT.noInput;
    }
    return summary.failed > 0 ? EXIT.partial : EXIT.ok;
  });
}

export function summaryText(s: IngestSummary): string {
  const rate = s.seconds > 0 ? (s.new + s.duplicates) / s.seconds : 0;
  const lines = [
    `read ${s.read} record${s.read === 1 ? '' : 's'}: ${s.new} new, ${s.duplicates} already stored, ${s.failed} failed`,
    `stories: ${s.stories.created} new, ${s.stories.joined} articles joined a story, ${s.stories.merged} merged, ${s.stories.analyzed} analyzed; ${s.stories.total} in the database${s.stories.stale > 0 ? ` (${s.stories.stale} to be analyzed when first shown)` : ''}`,
    `${s.seconds.toFixed(1)} s, ${rate.toFixed(0)} articles/s, ${(s.bytes / 1e6 / Math.max(s.seconds, 1e-9)).toFixed(2)} MB/s`,
  ];
  if (s.failed > 0) {
    const byCode = new Map<string, number>();
    for (const m of s.problems) if (m.severity === 'error') byCode.set(m.code, (byCode.get(m.code) ?? 0) + 1);
    lines.push(`failed by reason: ${[...byCode].map(([c, n]) => `${c} ×${n}`).join(', ')} (each listed above on standard error)`);
  }
  return lines.join('\n') + '\n';
}

function summaryJSON(s: IngestSummary): unknown {
  return {
    read: s.read,
    new: s.new,
    duplicates: s.duplicates,
    failed: s.failed,
    failures: s.problems.filter((m) => m.severity === 'error').map((m) => ({ code: m.code, uri: m.uri ?? null, reason: m.reason })),
    stories: s.stories,
    seconds: Number(s.seconds.toFixed(3)),
    bytes: s.bytes,
  };
}

/** "1234 articles · 812/s · 3.1 MB of 40 MB · ETA 0:47" (no ETA when the size is not knowable). */
export function progressLine(p: IngestProgress, total: number | null): string {
  const rate = p.seconds > 0 ? p.read / p.seconds : 0;
  const parts = [`ingest: ${p.read} read, ${p.stored} stored`, `${rate.toFixed(0)}/s`];
  if (total !== null && total > 0) {
    parts.push(`${(p.bytes / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB`);
    const bps = p.seconds > 0 ? p.bytes / p.seconds : 0;
    if (bps > 0) {
      const eta = Math.max(0, Math.round((total - p.bytes) / bps));
      parts.push(`ETA ${Math.floor(eta / 60)}:${String(eta % 60).padStart(2, '0')}`);
    }
  }
  return parts.join(' · ');
}

/** Total size of the inputs when knowable (files and directories; not stdin, not compressed files). */
async function totalBytes(inputs: readonly string[]): Promise<number | null> {
  let total = 0;
  for (const input of inputs) {
    if (input === '-' || /\.gz$/i.test(input) || /^https?:/i.test(input)) return null;
    try {
      const s = await stat(input);
      if (s.isFile()) total += s.size;
      else if (s.isDirectory()) {
        for await (const item of walkDirectory(input)) {
          if (item.kind !== 'file') continue;
          if (/\.gz$/i.test(item.file.path)) return null;
          total += item.file.size;
        }
      }
    } catch {
      return null;
    }
  }
  return total;
}
