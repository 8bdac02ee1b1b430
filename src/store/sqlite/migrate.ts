/**
 * Brings a database up to the latest schema: checks that the file is ours (application_id, or
 * an empty file), refuses one written by a newer crosscheck (CC601), then applies the pending
 * steps of MIGRATIONS, each in its own IMMEDIATE transaction so that two processes opening the
 * same new file do not both migrate it.
 */
import type Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS, type Migration } from './schema.js';

export function migrate(db: Database.Database, uri: string, migrations: readonly Migration[] = MIGRATIONS): number {
  assertOurs(db, uri);
  // The mark and the version table together, so that a crash cannot leave one without the other.
  const hasVersionTable = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'`).get() !== undefined;
  if (!hasVersionTable) db.transaction(() => {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
  }).immediate();
  const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
  const current = (): number => (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version').get() as { v: number }).v;
  const found = current();
  if (found > latest) {
    throw new StoreError('CC601', `${uri} has schema version ${found}, this crosscheck knows up to ${latest}`, { uri });
  }
  const record = db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)');
  for (const step of migrations.filter((m) => m.version > found).sort((a, b) => a.version - b.version)) {
    db.transaction(() => {
      if (current() >= step.version) return; // another process applied it meanwhile
      db.exec(step.sql);
      record.run(step.version, step.name, new Date().toISOString());
    }).immediate();
  }
  return current();
}

/** A file with tables but no crosscheck mark is someone else's database: leave it alone. */
function assertOurs(db: Database.Database, uri: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === APPLICATION_ID) return;
  const tables = (db.prepare(`SELECT COUNT(*) AS n FROM sqlite_schema WHERE type IN ('table', 'view')`).get() as { n: number }).n;
  if (appId !== 0 || tables > 0) {
    throw new StoreError('CC602', `${uri} is an SQLite database of another program (application_id ${appId}, ${tables} tables)`, { uri });
  }
}

export { LATEST_VERSION };
