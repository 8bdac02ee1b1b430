/**
 * `crosscheck worker --db postgres://… [--concurrency N]`: takes ingest jobs from the queue
 * until stopped (SIGINT/SIGTERM finish the batch in hand), or until the queue is empty with
 * --until-empty. See src/worker/worker.ts.
 */
import { message } from '../model/index.js';
import { POSTGRES_URL, resolveDbLocation } from '../store/index.js';
import { PostgresStore } from '../store/postgres/index.js';
import { runWorker, WORKER, type WorkerOptions, type WorkerSummary } from '../worker/worker.js';
import { parseArgs, positiveInteger, type OptionSpecs } from './args.js';
import { usageError } from './compare.js';
import { DB_SPECS, withDb } from './db-options.js';
import { EXIT } from './help.js';
import { writeMessages, type CliIO } from './io.js';

export const WORKER_HELP = `Usage: crosscheck worker --db postgres://… [options]

Takes ingest jobs (put there by "crosscheck ingest --db postgres://… --enqueue INPUT...") from
the queue in PostgreSQL, cleans and analyses the articles, assigns them to stories and stores
them. Start as many workers as you like, on as many machines: they share the queue
(FOR UPDATE SKIP LOCKED) and take turns only for story assignment, per time window. A worker
that dies has its jobs taken again once their lease runs out; nothing is stored twice.
SIGINT or SIGTERM stops it after the batch in hand.

Options:
  --db URL            the PostgreSQL database (default: $CROSSCHECK_DB); ?schema=NAME picks the schema
  --concurrency N     worker threads for the per-article work (default 1; 0 runs on the main thread)
  --batch N           jobs claimed and committed together (default ${WORKER.claimSize}, ingest's batch:
                      batches assigned in queue order make the stories one ingest process makes)
  --lease SECONDS     how long a claimed job is held without a heartbeat (default ${WORKER.leaseSeconds}; a
                      killed worker's jobs are taken again as soon as its connection is gone)
  --until-empty       exit once no job is queued or running (default: wait for more)
  --json              the summary as JSON on standard output
  -h, --help          this help

Exit codes:
  0   stopped, every job it took was done (the summary says how many)
  3   partial: some jobs failed (crosscheck status lists them with their reasons), the rest were done
  64  usage error, or --db is not a postgres:// URL (CC502)
  74  the database could not be opened or reached (CC601-CC606)
`;

const SPECS: OptionSpecs = {
  ...DB_SPECS,
  concurrency: { type: 'string' },
  batch: { type: 'string' },
  lease: { type: 'string' },
  'until-empty': { type: 'boolean' },
  json: { type: 'boolean' },
};

export async function workerCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError(io, parsed.error, 'worker');
  const { values, positionals } = parsed.args;
  if (values['help']) {
    io.stdout.write(WORKER_HELP);
    return EXIT.ok;
  }
  if (positionals.length) return usageError(io, `worker takes no inputs (put them on the queue with crosscheck ingest --enqueue): ${positionals[0]}`, 'worker');
  const location = resolveDbLocation(typeof values['db'] === 'string' ? values['db'] : undefined, (io.env ?? process.env) as NodeJS.ProcessEnv);
  if (!POSTGRES_URL.test(location)) return usageError(io, `worker needs a PostgreSQL database (--db postgres://…), not "${location}"`, 'worker');
  const options: Omit<WorkerOptions, 'store'> = { untilEmpty: values['until-empty'] === true };
  if (typeof values['concurrency'] === 'string') {
    const c = values['concurrency'].trim();
    if (!/^\d+$/.test(c)) return usageError(io, `--concurrency needs a whole number (0 runs on the main thread), not "${c}"`, 'worker');
    options.concurrency = Number(c);
  }
  for (const [flag, key] of [['batch', 'claimSize'], ['lease', 'leaseSeconds']] as const) {
    const value = values[flag];
    if (typeof value !== 'string') continue;
    const n = positiveInteger(flag, value);
    if (!n.ok) return usageError(io, n.error, 'worker');
    options[key] = n.value;
  }
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await withDb(values, io, false, async (store) => {
      if (!(store instanceof PostgresStore)) return usageError(io, 'worker needs a PostgreSQL database', 'worker');
      const summary = await runWorker({ ...options, store, signal: stop.signal });
      if (values['json']) io.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      else io.stdout.write(workerText(summary));
      if (summary.failed > 0) writeMessages(io, [message('CC701', `${summary.failed} jobs failed; crosscheck status --db … lists them with their reasons`)]);
      return summary.failed > 0 ? EXIT.partial : EXIT.ok;
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function workerText(s: WorkerSummary): string {
  const rate = s.seconds > 0 ? s.done / s.seconds : 0;
  const dbShare = s.busyMs + s.dbWaitMs > 0 ? (100 * s.dbWaitMs) / (s.busyMs + s.dbWaitMs) : 0;
  return [
    `worker ${s.id}: ${s.done} jobs done (${s.stored} articles stored, ${s.duplicates} already stored), ${s.failed} failed, ${s.batches} batches, ${s.analyzed} stories analyzed`,
    `${s.seconds.toFixed(1)} s, ${rate.toFixed(1)} jobs/s, ${dbShare.toFixed(0)}% of working time waiting on the database, ${(s.orderWaitMs / 1000).toFixed(1)} s waiting for earlier jobs (other workers') to be committed first`,
  ].join('\n') + '\n';
}
