/** `crosscheck ingest --db postgres://… --enqueue INPUT...`: the inputs' records onto the queue (src/worker/enqueue.ts). */
import { message } from '../model/index.js';
import type { IngestOptions } from '../collection/ingest.js';
import type { ReadOptions } from '../read/index.js';
import { DEFAULT_CONTEXT } from '../model/index.js';
import { POSTGRES_URL, resolveDbLocation } from '../store/index.js';
import { PostgresStore } from '../store/postgres/index.js';
import { enqueueInputs } from '../worker/enqueue.js';
import type { ParsedArgs } from './args.js';
import { usageError } from './compare.js';
import { withDb } from './db-options.js';
import { EXIT } from './help.js';
import { writeMessages, type CliIO } from './io.js';

export async function enqueueCommand(values: ParsedArgs['values'], inputs: readonly string[], options: Omit<IngestOptions, 'store'>, io: CliIO): Promise<number> {
  const location = resolveDbLocation(typeof values['db'] === 'string' ? values['db'] : undefined, (io.env ?? process.env) as NodeJS.ProcessEnv);
  if (!POSTGRES_URL.test(location)) return usageError(io, `--enqueue needs a PostgreSQL database (--db postgres://…), not "${location}"`, 'ingest');
  const read: ReadOptions = { maxBytes: options.context?.maxBytes ?? DEFAULT_CONTEXT.maxBytes, maxDecompressed: options.context?.maxDecompressed ?? DEFAULT_CONTEXT.maxDecompressed };
  if (options.format) read.format = options.format;
  if (options.stdin) read.stdin = options.stdin;
  return withDb(values, io, false, async (store) => {
    if (!(store instanceof PostgresStore)) return usageError(io, '--enqueue needs a PostgreSQL database', 'ingest');
    const s = await enqueueInputs(store, inputs, read);
    writeMessages(io, values['quiet'] === true ? s.problems.filter((m) => m.severity !== 'info') : s.problems);
    if (values['json']) io.stdout.write(JSON.stringify({ read: s.read, enqueued: s.enqueued, known: s.known, failed: s.problems.filter((m) => m.severity === 'error').length }, null, 2) + '\n');
    else io.stdout.write(`read ${s.read} records: ${s.enqueued} queued, ${s.known} already queued or done, ${s.problems.filter((m) => m.severity === 'error').length} failed\nstart workers with: crosscheck worker --db … (as many as you like, on any machine)\n`);
    if (s.enqueued === 0 && s.known === 0) {
      writeMessages(io, [message('CC501', `none of the ${inputs.length === 1 ? 'input' : `${inputs.length} inputs`} gave a record`)]);
      return EXIT.noInput;
    }
    return s.problems.some((m) => m.severity === 'error') ? EXIT.partial : EXIT.ok;
  });
}
