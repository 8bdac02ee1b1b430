/**
 * Opens (creating when needed) a crosscheck database in an SQLite file, or ':memory:'.
 * Failures the user can act on reject with a StoreError (CC601 newer schema, CC602 not a
 * crosscheck database, CC603 locked, CC604 cannot open or write).
 */
import Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { migrate } from './migrate.js';
import { SqliteStore, translate, type SqliteStoreOptions } from './sqlite-store.js';

export { SqliteStore, type SqliteStoreOptions } from './sqlite-store.js';
export { MIGRATIONS, LATEST_VERSION, APPLICATION_ID, type Migration } from './schema.js';

/** Default wait for another process's write lock; ingest batches are short, so a few seconds is plenty. */
const DEFAULT_BUSY_TIMEOUT_MS = 5000;
/** Page cache per connection: the unique indexes on id and content hash take random writes, which thrash SQLite's 2 MB default. */
const CACHE_KIB = 64 * 1024;
/**
 * Checkpoint the WAL into the database file once it holds this many pages (SQLite's default is
 * 1,000, 4 MiB). A commit of 500 articles dirties thousands of pages, most of them leaves of the
 * posting index (keyed by term, entity and band, so each article's postings land on as many
 * pages, more of them the larger the index), so with the default every commit was checkpointed:
 * each page written twice and the database synced per commit, a cost per article that grew with
 * the collection (bench/README.md, "Ingest at scale", 2026-11-21 06:11: 100k/10k CPU per article
 * 1.81 -> 1.72, wall clock 4.84 -> 1.80). With a larger WAL a page dirtied by several commits is
 * copied once. The WAL is cut back to WAL_KEEP_BYTES after each checkpoint (it reaches ~1.1 GB).
 */
const WAL_CHECKPOINT_PAGES = 262_144;
const WAL_KEEP_BYTES = 64 * 2 ** 20;

export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  let db: Database.Database | undefined;
  try {
    try {
      db = new Database(path, { timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
    } catch (e) {
      // better-sqlite3 checks the folder itself and throws a TypeError, not an SqliteError.
      throw e instanceof Database.SqliteError ? e : new StoreError('CC604', `${path}: ${(e as Error).message}`, { uri: path, cause: e });
    }
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    db.pragma(`journal_size_limit = ${WAL_KEEP_BYTES}`);
    db.pragma('synchronous = NORMAL');
    db.pragma(`cache_size = -${CACHE_KIB}`);
    db.pragma('foreign_keys = ON');
    const version = migrate(db, path);
    return new SqliteStore(db, path, version);
  } catch (e) {
    if (db?.open) db.close();
    throw translate(e, path);
  }
}

/** The entry the contract's crash test (and later `openStore`) uses: a location is a file path. */
export function openStore(location: string): Promise<SqliteStore> {
  return openSqliteStore(location);
}
