/**
 * `crosscheck watch FEED_OR_PAGE_URL... [--from FILE] --db DB [--interval 15m] [--once]`:
 * follows feeds and pages (src/watch), round after round, until interrupted (or one round with
 * --once). Events go to --events FILE as JSON lines (or standard output with --events -); a
 * progress line on a terminal; coded messages on standard error; the round goes on past each.
 */
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { hostname } from 'node:os';
import { once } from 'node:events';
import { formatMessage, message } from '../model/index.js';
import { POSTGRES_URL } from '../store/index.js';
import { versionStoreFor } from '../store/versions.js';
import { guessKind, parseWatchList } from '../watch/list.js';
import { parseInterval } from '../watch/schedule.js';
import { WATCH, watchRound, type RoundProgress, type WatchOptions } from '../watch/watch.js';
import { eventLine, type WatchEvent } from '../watch/events.js';
import { LIMIT_SPECS, limitsOf, parseArgs, positiveInteger, type OptionSpecs } from './args.js';
import { usageError } from './compare.js';
import { DB_SPECS, withDb } from './db-options.js';
import { EXIT } from './help.js';
import { packageVersion, writeMessages, type CliIO } from './io.js';

export const WATCH_HELP = `Usage: crosscheck watch FEED_OR_PAGE_URL... [--from FILE] [options]

Follows the news: polls each feed, fetches the articles it lists, ingests them into stories as
"crosscheck ingest" does, and fetches known articles again on a schedule (every 15 minutes in
their first hour, then less often, weekly after a month) to catch updates. When an article's text
changes, a new version is stored with a word-level diff against the previous one; a version that
says it was corrected ("Correction:", "This article has been updated", "An earlier version of
this article...") is flagged as a correction, one that changes numbers, quotes, negations, whole
sentences or the headline with no such note as a stealth edit. See them with
"crosscheck article ID --versions", "crosscheck stories --changed-since T", the article's web
page, or "crosscheck export --what versions".

It is polite: one connection per host with a delay between requests, robots.txt honoured
(CC750), a User-Agent naming crosscheck, conditional GET (ETag, Last-Modified), and a host that
answers 429 or 5xx is left alone for its Retry-After or a doubling backoff (CC751). Its state is
in the database: killed at any moment, it goes on where it stopped when started again. With a
postgres://… database several watchers share the fetching.

Options:
  --db PATH           the database file, or a postgres://… URL (default: $CROSSCHECK_DB, else ./crosscheck.db)
  --from FILE         more addresses: one URL a line (# comments), or an OPML file of feeds
  --interval TIME     how often feeds are fetched, and the pause between rounds (default 15m;
                      units s, m, h, d)
  --once              one round, then exit
  --recheck all       make every known article due in this round (else they follow their schedule)
  --events FILE       write events as JSON lines to FILE (appended; "-": standard output): new
                      articles, versions, corrections, stealth edits, new stories, disputes, problems
  --delay MS          least wait between two requests to one host, in ms (default ${WATCH.hostDelayMs};
                      a longer Crawl-delay in robots.txt wins)
  --max-items N       items followed per feed and fetch (default ${WATCH.maxItems}; more is CC752)
  --timeout-ms N      time limit per fetch, in ms (default 15000): a page that never finishes is cut
  --max-bytes N       largest page accepted, in bytes (default 8388608)
  --allow-private     fetch from private, loopback or link-local addresses (refused by default)
  -q, --quiet         no progress line and no info messages
  -h, --help          this help

Examples:
  crosscheck watch https://example.org/rss.xml --db news.db
  crosscheck watch --from feeds.opml --db postgres://localhost/news --events events.jsonl

Exit codes:
  0   done: the round(s) ran (addresses that failed are messages on standard error)
  2   no address to watch, or the --from file could not be read (CC753)
  64  usage error (CC502)
  73  the --events file could not be written (CC503)
  74  the database could not be opened, reached or written (CC601-CC606)
`;

const SPECS: OptionSpecs = {
  ...DB_SPECS,
  ...LIMIT_SPECS,
  from: { type: 'string' },
  interval: { type: 'string' },
  once: { type: 'boolean' },
  recheck: { type: 'string' },
  events: { type: 'string' },
  delay: { type: 'string' },
  'max-items': { type: 'string' },
  'timeout-ms': { type: 'string' },
  'allow-private': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
};

export async function watchCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError(io, parsed.error, 'watch');
  const { values, positionals } = parsed.args;
  if (values['help']) {
    io.stdout.write(WATCH_HELP);
    return EXIT.ok;
  }
  const urls: string[] = [];
  for (const p of positionals) {
    if (!/^https?:\/\//i.test(p)) return usageError(io, `"${p}" is not an http(s) address`, 'watch');
    urls.push(p);
  }
  if (typeof values['from'] === 'string') {
    let text: string;
    try {
      text = readFileSync(values['from'], 'utf8');
    } catch (e) {
      writeMessages(io, [message('CC753', `${values['from']}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { uri: values['from'] })]);
      return EXIT.noInput;
    }
    const list = parseWatchList(text);
    if (list.cut) writeMessages(io, [message('CC753', `${values['from']} holds more addresses than the limit; the first ${list.urls.length} are watched`, { uri: values['from'], hint: 'split the list' })]);
    for (const u of list.urls) if (/^https?:\/\//i.test(u)) urls.push(u);
  }
  const interval = typeof values['interval'] === 'string' ? parseInterval(values['interval']) : 15 * 60_000;
  if (interval === null) return usageError(io, `--interval needs a time like 15m, 1h or 90s, not "${String(values['interval'])}"`, 'watch');
  const recheck = values['recheck'];
  if (recheck !== undefined && recheck !== 'all') return usageError(io, `--recheck takes "all", not "${String(recheck)}"`, 'watch');
  const numbers: Partial<Record<'delay' | 'max-items' | 'timeout-ms', number>> = {};
  for (const flag of ['delay', 'max-items', 'timeout-ms'] as const) {
    const v = values[flag];
    if (typeof v !== 'string') continue;
    if (flag === 'delay' && v.trim() === '0') {
      numbers.delay = 0;
      continue;
    }
    const n = positiveInteger(flag, v);
    if (!n.ok) return usageError(io, n.error, 'watch');
    numbers[flag] = n.value;
  }
  const limits = limitsOf(values);
  if (!limits.ok) return usageError(io, limits.error, 'watch');
  const quiet = values['quiet'] === true;

  return withDb(values, io, false, async (store) => {
    const versions = versionStoreFor(store);
    const now = new Date().toISOString();
    if (urls.length > 0) await versions.addTargets(urls.map((url) => ({ url, kind: guessKind(url), dueAt: now })));
    else if (Object.values(await versions.countTargets()).every((n) => n === 0)) {
      writeMessages(io, [message('CC753', 'nothing to watch: give feed or page addresses, or --from FILE', { hint: 'the addresses are kept in the database; later runs need none' })]);
      return EXIT.noInput;
    }
    const events = await openEvents(values['events'], io);
    if (events === null) return EXIT.cantCreate;
    const stderrTTY = (io.stderr as { isTTY?: boolean }).isTTY === true && !quiet;
    const location = typeof values['db'] === 'string' ? values['db'] : '';
    const options: WatchOptions = {
      store,
      versions,
      userAgent: `crosscheck/${packageVersion()} (news watch; +https://github.com/crosscheck)`,
      // SQLite is one machine: a restarted watcher takes back what the killed one held. With
      // PostgreSQL each watcher is its own, and a dead one's claims run out (WATCH.leaseMs).
      worker: POSTGRES_URL.test(location) ? `${hostname()}:${process.pid}` : 'local',
      feedIntervalMs: interval,
      context: limits.limits,
      onEvent: (e: WatchEvent) => events.write(e),
    };
    if (numbers.delay !== undefined) options.hostDelayMs = numbers.delay;
    if (numbers['max-items'] !== undefined) options.maxItems = numbers['max-items'];
    if (numbers['timeout-ms'] !== undefined) options.fetchTimeoutMs = numbers['timeout-ms'];
    if (values['allow-private'] === true) options.allowPrivate = true;
    if (recheck === 'all') options.recheckAll = true;
    if (stderrTTY) options.onProgress = (p) => io.stderr.write(`\r\x1b[K${progressLine(p)}`);

    let stop = false;
    const onSignal = (): void => {
      stop = true;
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      for (let round = 0; ; round++) {
        const summary = await watchRound(options);
        if (stderrTTY) io.stderr.write('\r\x1b[K');
        for (const m of summary.problems) if (!quiet || m.severity !== 'info') io.stderr.write(formatMessage(m) + '\n');
        if (!quiet) io.stderr.write(`${roundLine(summary)}\n`);
        options.recheckAll = false;
        if (values['once'] === true || stop) break;
        const until = Date.now() + interval;
        while (!stop && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, until - Date.now())));
        if (stop) break;
      }
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await events.close();
    }
    return EXIT.ok;
  });
}

/** "watch: 12 due · 10 fetched (4 unchanged) · 3 new · 1 updated · 1 error | example.org 6 fetched, 1 error". */
export function progressLine(p: RoundProgress): string {
  const hosts = [...p.hosts].slice(0, 3).map(([h, c]) => `${h} ${c.fetched} fetched${c.errors ? `, ${c.errors} error${c.errors === 1 ? '' : 's'}` : ''}`);
  const more = p.hosts.size > 3 ? ` +${p.hosts.size - 3} hosts` : '';
  return `${roundLine(p)}${hosts.length ? ` | ${hosts.join('; ')}${more}` : ''}`;
}

function roundLine(p: RoundProgress): string {
  return `watch: ${p.due} due · ${p.fetched} fetched (${p.notModified} not modified) · ${p.new} new · ${p.updated} updated · ${p.errors} error${p.errors === 1 ? '' : 's'}${p.skipped ? ` · ${p.skipped} waiting (robots.txt or backoff)` : ''}`;
}

interface EventSink {
  write(e: WatchEvent): void;
  close(): Promise<void>;
}

async function openEvents(option: unknown, io: CliIO): Promise<EventSink | null> {
  if (option === undefined) return { write: () => undefined, close: async () => undefined };
  if (option === '-') return { write: (e) => io.stdout.write(eventLine(e)), close: async () => undefined };
  const path = String(option);
  const file: WriteStream = createWriteStream(path, { flags: 'a' });
  try {
    await once(file, 'open');
  } catch (err) {
    writeMessages(io, [message('CC503', `${path}: ${(err as Error).message}`, { uri: path })]);
    return null;
  }
  return {
    write: (e) => {
      file.write(eventLine(e));
    },
    close: async () => {
      file.end();
      await once(file, 'finish');
    },
  };
}
