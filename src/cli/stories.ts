/** `crosscheck stories`: the stories in the database, newest or largest first, filtered and paged. */
import { message } from '../model/index.js';
import type { ListStoriesOptions, Store, StorySummary } from '../store/index.js';
import { versionStoreFor, type ArticleVersion } from '../store/versions.js';
import { stripControls } from '../report/sanitize.js';
import { parseArgs, positiveInteger, type OptionSpecs } from './args.js';
import { usageError } from './compare.js';
import { DB_SPECS, withDb } from './db-options.js';
import { EXIT, STORIES_HELP } from './help.js';
import { writeMessages, type CliIO } from './io.js';

const SPECS: OptionSpecs = {
  ...DB_SPECS,
  order: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  outlet: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  json: { type: 'boolean' },
  'changed-since': { type: 'string' },
};

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

export async function storiesCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError(io, parsed.error, 'stories');
  const { values, positionals } = parsed.args;
  if (values['help']) {
    io.stdout.write(STORIES_HELP);
    return EXIT.ok;
  }
  if (positionals.length) return usageError(io, `stories takes no arguments (got "${positionals[0]}"); to see one story run crosscheck story ID`, 'stories');
  const order = values['order'] ?? 'newest';
  if (order !== 'newest' && order !== 'largest') return usageError(io, `--order must be newest or largest, not "${String(order)}"`, 'stories');
  const options: ListStoriesOptions = { order, limit: 20 };
  for (const flag of ['since', 'until'] as const) {
    const v = values[flag];
    if (typeof v !== 'string') continue;
    if (!DATE.test(v.trim())) return usageError(io, `--${flag} needs an ISO 8601 date (2017-11-02 or 2017-11-02T14:00Z), not "${v}"`, 'stories');
    options[flag] = v.trim();
  }
  if (typeof values['outlet'] === 'string') options.outlet = values['outlet'];
  if (typeof values['limit'] === 'string') {
    const n = positiveInteger('limit', values['limit']);
    if (!n.ok) return usageError(io, n.error, 'stories');
    options.limit = n.value;
  }
  if (typeof values['offset'] === 'string') {
    const v = values['offset'].trim();
    if (!/^\d+$/.test(v)) return usageError(io, `--offset needs a whole number, not "${v}"`, 'stories');
    options.offset = Number(v);
  }
  const changedSince = values['changed-since'];
  if (typeof changedSince === 'string') {
    const at = Date.parse(changedSince.trim());
    if (!DATE.test(changedSince.trim()) || Number.isNaN(at)) return usageError(io, `--changed-since needs an ISO 8601 date or time (2026-12-07 or 2026-12-07T04:00Z), not "${changedSince}"`, 'stories');
    return withDb(values, io, true, (store) => changedStories(store, new Date(at).toISOString(), options.limit, values['json'] === true, io));
  }
  return withDb(values, io, true, async (store) => {
    const list = await store.listStories(options);
    if (values['json']) {
      io.stdout.write(JSON.stringify({ stories: list }, null, 2) + '\n');
      return EXIT.ok;
    }
    if (list.length === 0) {
      writeMessages(io, [message('CC705', 'no story matches', { hint: 'loosen --since/--until/--outlet, or run crosscheck ingest first' })]);
      return EXIT.ok;
    }
    io.stdout.write(storiesText(list));
    return EXIT.ok;
  });
}

/** Most versions read for --changed-since. */
const CHANGES_READ = 10_000;

/** `--changed-since T`: the stories with an article whose page changed since T (crosscheck watch), and what changed. */
async function changedStories(store: Store, since: string, limit: number, json: boolean, io: CliIO): Promise<number> {
  const changes = await versionStoreFor(store).changedSince(since, CHANGES_READ);
  const storyOf = await store.storyOf(changes.map((v) => v.articleId).filter((id): id is string => id !== null));
  const byStory = new Map<string, ArticleVersion[]>();
  for (const v of changes) {
    const id = v.articleId === null ? null : storyOf.get(v.articleId) ?? null;
    if (id === null) continue;
    const list = byStory.get(id);
    if (list) list.push(v);
    else byStory.set(id, [v]);
  }
  // Most recently changed first.
  const ids = [...byStory.keys()].sort((a, b) => (byStory.get(b)!.at(-1)!.fetchedAt < byStory.get(a)!.at(-1)!.fetchedAt ? -1 : 1)).slice(0, limit);
  const summaries = await store.storySummaries(ids);
  if (json) {
    const stories = ids.map((id) => ({ ...(summaries.get(id) ?? { id }), changes: byStory.get(id)!.map(({ text: _text, ...v }) => v) }));
    io.stdout.write(JSON.stringify({ since, stories }, null, 2) + '\n');
    return EXIT.ok;
  }
  if (ids.length === 0) {
    writeMessages(io, [message('CC705', `no story changed since ${since}`, { hint: 'crosscheck watch stores a new version when a page it follows changes' })]);
    return EXIT.ok;
  }
  for (const id of ids) {
    const s = summaries.get(id);
    if (s) io.stdout.write(storiesText([s]));
    for (const v of byStory.get(id)!) {
      const flags = v.flags.map((f) => `${f.kind === 'correction' ? 'correction' : 'stealth edit'} (${f.reason})`).join(', ');
      io.stdout.write(`  changed ${v.fetchedAt}: ${stripControls(v.url)} version ${v.n}, ${v.diff.length} difference${v.diff.length === 1 ? '' : 's'}${flags ? `; ${flags}` : ''} (crosscheck article ${v.articleId} --versions)\n`);
    }
  }
  return EXIT.ok;
}

export function storiesText(list: readonly StorySummary[]): string {
  const lines: string[] = [];
  for (const s of list) {
    const when = s.firstPublished === null ? 'undated' : s.firstPublished === s.lastPublished ? s.firstPublished.slice(0, 10) : `${s.firstPublished.slice(0, 10)} – ${(s.lastPublished ?? '').slice(0, 10)}`;
    const facts = `${s.facts.corroborated} corroborated, ${s.facts.singleSource} single-source, ${s.facts.disputed} disputed`;
    lines.push(`${s.id}  ${stripControls(s.title)}`);
    lines.push(`  ${s.articleCount} article${s.articleCount === 1 ? '' : 's'}, ${s.outletCount} outlet${s.outletCount === 1 ? '' : 's'} · ${when} · ${facts}${s.stale ? ' · (facts counted when the story is first shown)' : ''}`);
    if (s.outlets.length) lines.push(`  ${stripControls(s.outlets.slice(0, 8).join(', '))}${s.outlets.length > 8 ? `, +${s.outlets.length - 8}` : ''}`);
  }
  return lines.join('\n') + '\n';
}
