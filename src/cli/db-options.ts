/**
 * What every command that reads or writes the database shares: the --db option (else
 * CROSSCHECK_DB, else ./crosscheck.db), opening the store with its coded failures printed, and
 * the check that a command that only reads finds a database there.
 */
import { existsSync } from 'node:fs';
import { message } from '../model/index.js';
import { isStoreError, openStore, resolveDbLocation, type Store } from '../store/index.js';
import { EXIT } from './help.js';
import { writeMessages, type CliIO } from './io.js';
import type { OptionSpecs, ParsedArgs } from './args.js';

export const DB_SPECS: OptionSpecs = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** Opens the database; `mustExist` for commands that only read (a missing file is CC704, not a new empty database). */
export async function openDb(values: ParsedArgs['values'], io: CliIO, mustExist: boolean): Promise<{ ok: true; store: Store; location: string } | { ok: false; code: number }> {
  const location = resolveDbLocation(typeof values['db'] === 'string' ? values['db'] : undefined, (io.env ?? process.env) as NodeJS.ProcessEnv);
  if (mustExist && location !== ':memory:' && !/^postgres/i.test(location) && !existsSync(location)) {
    writeMessages(io, [message('CC704', `${location} does not exist`, { uri: location })]);
    return { ok: false, code: EXIT.noInput };
  }
  try {
    return { ok: true, store: await openStore(location), location };
  } catch (e) {
    if (!isStoreError(e)) throw e;
    writeMessages(io, [e.problem]);
    return { ok: false, code: EXIT.database };
  }
}

/** Runs `fn` with the store open, closing it afterwards whatever happens. */
export async function withDb(values: ParsedArgs['values'], io: CliIO, mustExist: boolean, fn: (store: Store) => Promise<number>): Promise<number> {
  const opened = await openDb(values, io, mustExist);
  if (!opened.ok) return opened.code;
  try {
    return await fn(opened.store);
  } catch (e) {
    if (!isStoreError(e)) throw e;
    writeMessages(io, [e.problem]);
    return EXIT.database;
  } finally {
    await opened.store.close();
  }
}
