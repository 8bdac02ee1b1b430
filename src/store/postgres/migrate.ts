/**
 * Brings a schema up to the latest version: creates it when missing, refuses a schema that
 * holds tables but is not crosscheck's (CC602) or was written by a newer crosscheck (CC601),
 * then applies the pending steps of MIGRATIONS, each in its own transaction under an advisory
 * lock, so that two workers starting together do not both migrate.
 */
import type pg from 'pg';
import { StoreError } from '../errors.js';
import { MIGRATIONS, type Migration } from './schema.js';

/** Advisory lock key space of the migrations (the schema name is hashed into the second key). */
const MIGRATE_LOCK = 0x43436d67; // "CCmg"

export async function migrate(pool: pg.Pool, schema: string, uri: string, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const client = await pool.connect();
  try {
    const inLock = async <T>(fn: () => Promise<T>): Promise<T> => {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATE_LOCK, schema]);
        const out = await fn();
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    };
    const current = async (): Promise<number> => Number((await client.query<{ v: number }>('SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_version')).rows[0]?.v ?? 0);

    const found = await inLock(async () => {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      const { rows } = await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1`, [schema]);
      const names = new Set(rows.map((r) => r.name));
      if (!names.has('schema_version')) {
        if (names.size > 0) throw new StoreError('CC602', `${uri}: schema "${schema}" holds ${names.size} tables of another program`, { uri });
        await client.query(`CREATE TABLE schema_version (
          version    INTEGER PRIMARY KEY,
          name       TEXT NOT NULL,
          applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )`);
      }
      return current();
    });
    const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
    if (found > latest) throw new StoreError('CC601', `${uri} (schema ${schema}) has schema version ${found}, this crosscheck knows up to ${latest}`, { uri });
    for (const step of migrations.filter((m) => m.version > found).sort((a, b) => a.version - b.version)) {
      await inLock(async () => {
        if ((await current()) >= step.version) return; // another process applied it meanwhile
        await client.query(step.sql);
        await client.query('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [step.version, step.name]);
      });
    }
    return await current();
  } finally {
    client.release();
  }
}
