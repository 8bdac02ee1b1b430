/**
 * The store's public entry: the Store interface and its types, the coded StoreError, and
 * `openStore(location)`, which picks the implementation from the location (an SQLite file path
 * or ':memory:' today; a postgres:// URL once that implementation exists).
 */
import { StoreError } from './errors.js';
import type { Store } from './store.js';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite/index.js';

export * from './store.js';
export { StoreError, isStoreError, type StoreErrorCode } from './errors.js';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/index.js';

/** The database file when neither --db nor CROSSCHECK_DB says otherwise (in the working directory). */
export const DEFAULT_DB = 'crosscheck.db';

/** Where the database is: the --db option, else CROSSCHECK_DB, else crosscheck.db. */
export function resolveDbLocation(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return option || env['CROSSCHECK_DB'] || DEFAULT_DB;
}

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

export async function openStore(location: string, options: SqliteStoreOptions = {}): Promise<Store> {
  if (POSTGRES_URL.test(location)) {
    throw new StoreError('CC604', `${location.replace(/\/\/[^@/]*@/, '//…@')}: PostgreSQL is not supported yet`, {
      uri: location,
    });
  }
  return openSqliteStore(location, options);
}
