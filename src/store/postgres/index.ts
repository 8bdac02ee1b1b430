/**
 * Opens (creating and migrating when needed) a crosscheck store in a PostgreSQL schema:
 *   postgres://user@host:5432/db            the `crosscheck` schema
 *   postgres://user@host:5432/db?schema=x   schema x (several stores in one database)
 * Failures the user can act on reject with a StoreError (CC601 newer schema, CC602 a schema of
 * another program, CC603 lock timeout, CC604 bad URL or not writable, CC606 server unreachable).
 */
import { createPool, parseLocation, translate } from './connection.js';
import { migrate } from './migrate.js';
import { PostgresStore } from './postgres-store.js';

export { PostgresStore, type Queryable } from './postgres-store.js';
export { MIGRATIONS, LATEST_VERSION, type Migration } from './schema.js';
export { DEFAULT_SCHEMA, parseLocation, redact } from './connection.js';

export interface PostgresStoreOptions {
  /** The schema to use (else `?schema=` in the URL, else `crosscheck`). */
  schema?: string;
  /** Connections in the pool. */
  poolSize?: number;
}

export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const location = parseLocation(url, options.schema);
  const pool = createPool(location, options.poolSize);
  try {
    const version = await migrate(pool, location.schema, location.shown);
    return new PostgresStore(pool, location.shown, location.schema, version);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw translate(e, location.shown);
  }
}

/** The entry the contract's crash test uses: a location is a postgres:// URL. */
export function openStore(location: string): Promise<PostgresStore> {
  return openPostgresStore(location);
}
