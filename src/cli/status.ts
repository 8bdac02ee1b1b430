/**
 * `crosscheck status --db postgres://…`: the ingest queue (depth, throughput), the workers
 * (alive or gone), and failed jobs with their reasons; --retry-failed puts those back.
 */
import { POSTGRES_URL, resolveDbLocation } from '../store/index.js';
import { PostgresStore } from '../store/postgres/index.js';
import { queueStatus, retryFailed, type QueueStatus } from '../worker/queue.js';
import { parseArgs, type OptionSpecs } from './args.js';
import { usageError } from './compare.js';
import { DB_SPECS, withDb } from './db-options.js';
import { EXIT } from './help.js';
import type { CliIO } from './io.js';
import { stripControls } from '../report/sanitize.js';

export const STATUS_HELP = `Usage: crosscheck status --db postgres://… [options]

Shows the ingest queue in PostgreSQL: jobs queued, running (and those whose worker is gone,
waiting for their lease to run out), done and failed; jobs done per second over the last
minute; the workers, alive or gone, with what each has done and how much of its time went to
waiting on the database; and the failed jobs with their reasons.

Options:
  --db URL            the PostgreSQL database (default: $CROSSCHECK_DB)
  --retry-failed      put the failed jobs back on the queue (after fixing what made them fail)
  --json              the status as JSON
  -h, --help          this help

Exit codes:
  0   done
  64  usage error, or --db is not a postgres:// URL (CC502)
  74  the database could not be opened or reached (CC601-CC606)
`;

const SPECS: OptionSpecs = { ...DB_SPECS, 'retry-failed': { type: 'boolean' }, json: { type: 'boolean' } };

export async function statusCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError(io, parsed.error, 'status');
  const { values } = parsed.args;
  if (values['help']) {
    io.stdout.write(STATUS_HELP);
    return EXIT.ok;
  }
  const location = resolveDbLocation(typeof values['db'] === 'string' ? values['db'] : undefined, (io.env ?? process.env) as NodeJS.ProcessEnv);
  if (!POSTGRES_URL.test(location)) return usageError(io, `status shows the PostgreSQL ingest queue (--db postgres://…), not "${location}"`, 'status');
  return withDb(values, io, false, async (store) => {
    if (!(store instanceof PostgresStore)) return usageError(io, 'status needs a PostgreSQL database', 'status');
    const retried = values['retry-failed'] === true ? await retryFailed(store) : null;
    const status = await queueStatus(store);
    const stats = await store.stats();
    if (values['json']) io.stdout.write(JSON.stringify({ ...status, retried, articles: stats.articles, stories: stats.stories }, null, 2) + '\n');
    else io.stdout.write(statusText(status, retried, stats.articles, stats.stories));
    return EXIT.ok;
  });
}

export function statusText(s: QueueStatus, retried: number | null, articles: number, stories: number): string {
  const lines: string[] = [];
  if (retried !== null) lines.push(`${retried} failed job${retried === 1 ? '' : 's'} put back on the queue`);
  lines.push(`queue: ${s.queued} queued, ${s.running} running, ${s.expired} waiting for a lost worker's lease, ${s.done} done, ${s.failed} failed`);
  lines.push(`throughput: ${s.perSecond.toFixed(1)} jobs/s over the last minute; ${articles} articles in ${stories} stories`);
  const alive = s.workers.filter((w) => w.alive);
  lines.push(`workers: ${alive.length} alive, ${s.workers.length - alive.length} gone`);
  for (const w of s.workers) {
    const share = w.busyMs + w.dbWaitMs > 0 ? (100 * w.dbWaitMs) / (w.busyMs + w.dbWaitMs) : 0;
    lines.push(`  ${w.alive ? 'alive' : 'gone '} ${w.id}  seen ${w.seenSecondsAgo.toFixed(0)} s ago, ${w.done} done, ${w.failed} failed, ${share.toFixed(0)}% waiting on the database`);
  }
  if (s.failures.length > 0) {
    lines.push(`failed jobs${s.failed > s.failures.length ? ` (first ${s.failures.length} of ${s.failed})` : ''}; retry them with --retry-failed:`);
    for (const f of s.failures) lines.push(`  ${stripControls(f.uri)} (${f.attempts} attempt${f.attempts === 1 ? '' : 's'}): ${stripControls(f.reason)}`);
  }
  return lines.join('\n') + '\n';
}
