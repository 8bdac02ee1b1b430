/** `crosscheck search "text"`: articles, stories and facts by full-text search (FTS5, porter stems). */
import type { SearchKind } from '../store/index.js';
import { stripControls } from '../report/sanitize.js';
import { parseArgs, positiveInteger, type OptionSpecs } from './args.js';
import { usageError } from './compare.js';
import { DB_SPECS, withDb } from './db-options.js';
import { EXIT, SEARCH_HELP } from './help.js';
import type { CliIO } from './io.js';

const SPECS: OptionSpecs = { ...DB_SPECS, limit: { type: 'string' }, kind: { type: 'string' }, json: { type: 'boolean' } };
const KINDS: readonly SearchKind[] = ['article', 'story', 'fact'];

export async function searchCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError(io, parsed.error, 'search');
  const { values, positionals } = parsed.args;
  if (values['help']) {
    io.stdout.write(SEARCH_HELP);
    return EXIT.ok;
  }
  const query = positionals.join(' ').trim();
  if (!query) return usageError(io, 'give the words to search for: crosscheck search "harbour radar"', 'search');
  let limit = 20;
  if (typeof values['limit'] === 'string') {
    const n = positiveInteger('limit', values['limit']);
    if (!n.ok) return usageError(io, n.error, 'search');
    limit = n.value;
  }
  let kinds: SearchKind[] | undefined;
  if (typeof values['kind'] === 'string') {
    const asked = values['kind'].split(',').map((k) => k.trim());
    const bad = asked.find((k) => !KINDS.includes(k as SearchKind));
    if (bad !== undefined) return usageError(io, `--kind takes article, story, fact (comma-separated), not "${bad}"`, 'search');
    kinds = asked as SearchKind[];
  }
  return withDb(values, io, true, async (store) => {
    const hits = await store.search(query, kinds ? { limit, kinds } : { limit });
    if (values['json']) {
      io.stdout.write(JSON.stringify({ query, hits }, null, 2) + '\n');
      return EXIT.ok;
    }
    if (hits.length === 0) {
      io.stdout.write(`nothing found for "${stripControls(query)}"\n`);
      return EXIT.ok;
    }
    const lines: string[] = [];
    for (const h of hits) {
      lines.push(`${h.kind.padEnd(7)} ${h.id}${h.storyId && h.kind !== 'story' ? `  (story ${h.storyId})` : ''}`);
      if (h.title && h.kind !== 'fact') lines.push(`        ${stripControls(h.title)}`);
      lines.push(`        ${stripControls(h.snippet).replace(/\s+/g, ' ')}`);
    }
    io.stdout.write(lines.join('\n') + '\n');
    return EXIT.ok;
  });
}
