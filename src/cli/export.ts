/**
 * `crosscheck export --format jsonl|csv [--what articles|stories|facts]`: one record per line
 * or row, streamed from the store (memory stays flat), to standard output or --output FILE.
 * CSV follows RFC 4180: every field that holds a comma, quote, CR or LF is quoted, quotes
 * doubled; lists are joined with "|"; a leading = + - @ is prefixed with ' so that a
 * spreadsheet does not run it as a formula.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { message } from '../model/index.js';
import { versionStoreFor, type PageVersions } from '../store/versions.js';
import { COLUMNS as ROW_COLUMNS, csvCells, exportRows, refreshStale, type ExportWhat } from '../collection/index.js';
import { csvRow } from '../report/csv.js';
import { parseArgs, type OptionSpecs } from './args.js';
import { usageError } from './compare.js';
import { DB_SPECS, withDb } from './db-options.js';
import { EXIT, EXPORT_HELP } from './help.js';
import { writeMessages, type CliIO } from './io.js';

const SPECS: OptionSpecs = { ...DB_SPECS, format: { type: 'string' }, what: { type: 'string' }, output: { type: 'string', short: 'o' } };

type What = ExportWhat | 'versions';

export const COLUMNS: Record<What, readonly string[]> = {
  ...ROW_COLUMNS,
  // CSV: one row per version (JSONL: one record per watched page, with its versions).
  versions: ['url', 'n', 'fetchedAt', 'contentHash', 'articleId', 'title', 'publishedAt', 'modifiedAt', 'changes', 'flags'],
};
export async function exportCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError(io, parsed.error, 'export');
  const { values, positionals } = parsed.args;
  if (values['help']) {
    io.stdout.write(EXPORT_HELP);
    return EXIT.ok;
  }
  if (positionals.length) return usageError(io, `export takes no arguments (got "${positionals[0]}")`, 'export');
  const format = values['format'];
  if (format !== 'jsonl' && format !== 'csv') return usageError(io, format === undefined ? 'give --format jsonl or --format csv' : `--format must be jsonl or csv, not "${String(format)}"`, 'export');
  const what = values['what'] ?? 'articles';
  if (what !== 'articles' && what !== 'stories' && what !== 'facts' && what !== 'versions') return usageError(io, `--what must be articles, stories, facts or versions, not "${String(what)}"`, 'export');
  return withDb(values, io, true, async (store) => {
    const output = typeof values['output'] === 'string' ? values['output'] : null;
    let file: WriteStream | null = null;
    if (output !== null) {
      file = createWriteStream(output);
      try {
        await once(file, 'open');
      } catch (err) {
        writeMessages(io, [message('CC503', `${output}: ${(err as Error).message}`, { uri: output })]);
        return EXIT.cantCreate;
      }
    }
    const write = async (line: string): Promise<void> => {
      if (file === null) io.stdout.write(line);
      else if (!file.write(line)) await once(file, 'drain');
    };
    // Facts, and the stories' fact counts, of stale stories are computed first (ingest leaves
    // stories for their first view); an exported fact is never one of an older membership.
    if (what === 'stories' || what === 'facts') await refreshStale(store);
    if (format === 'csv') await write(csvRow(COLUMNS[what]));
    if (what === 'versions') {
      for await (const page of versionStoreFor(store).exportVersions()) {
        if (format === 'csv') for (const v of versionRows(page)) await write(csvRow(COLUMNS.versions.map((c) => v[c])));
        else await write(JSON.stringify(versionRecord(page)) + '\n');
      }
    } else for await (const row of exportRows(store, what)) await write(format === 'csv' ? csvRow(csvCells(what, row)) : JSON.stringify(row) + '\n');
    if (file !== null) {
      file.end();
      await once(file, 'finish');
    }
    return EXIT.ok;
  });
}

/** A watched page and its versions (watch): the latest article id first, then every version with its diff spans and flags. */
export function versionRecord(page: PageVersions): Record<string, unknown> {
  const latest = page.versions.at(-1);
  return { url: page.url, articleId: latest?.articleId ?? null, articleIds: page.versions.map((v) => v.articleId), versions: page.versions };
}

function versionRows(page: PageVersions): Record<string, unknown>[] {
  return page.versions.map((v) => ({ ...v, changes: v.diff.length, flags: v.flags.map((f) => f.kind) }));
}
