/**
 * The store's public entry: the Store interface and its types, the coded StoreError, and
 * `openStore(location)`, which picks the implementation from the location (a postgres:// URL,
 * else an SQLite file path or ':memory:').
 */
import type { Store } from './store.js';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite/index.js';
import { openPostgresStore } from './postgres/index.js';

export * from './store.js';
export { StoreError, isStoreError, type StoreErrorCode } from './errors.js';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/index.js';
export { openPostgresStore, type PostgresStoreOptions } from './postgres/index.js';

/** The database file when neither --db nor CROSSCHECK_DB says otherwise (in the working directory). */
export const DEFAULT_DB = 'crosscheck.db';

/** Where the database is: the --db option, else CROSSCHECK_DB, else crosscheck.db. */
export function resolveDbLocation(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return option || env['CROSSCHECK_DB'] || DEFAULT_DB;
}

export const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

export async function openStore(location: string, options: SqliteStoreOptions = {}): Promise<Store> {
  if (POSTGRES_URL.test(location)) return openPostgresStore(location);
  return openSqliteStore(location, options);
}
