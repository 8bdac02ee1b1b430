import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { runStoreContract } from '../contract.js';
import { isStoreError } from '../errors.js';
import { makeArticles } from '../test-fixtures.js';
import { LATEST_VERSION, MIGRATIONS, openSqliteStore } from './index.js';
import { toMatchQuery } from './fts-query.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-store-'));
let n = 0;
const freshPath = async () => join(dir, `db-${n++}.sqlite`);
after(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('sqlite file', {
  fresh: freshPath,
  open: (path) => openSqliteStore(path),
  persistent: true,
  module: fileURLToPath(new URL('./index.ts', import.meta.url)),
});

runStoreContract('sqlite :memory:', {
  fresh: async () => ':memory:',
  open: (path) => openSqliteStore(path),
  persistent: false,
});

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isStoreError(e), `not a StoreError: ${String(e)}`);
    assert.equal(e.code, code);
    assert.equal(e.problem.stage, 'store');
    return true;
  });
}

test('the file is in WAL mode with foreign keys on, and records its schema version', async () => {
  const path = await freshPath();
  const store = await openSqliteStore(path);
  await store.close();
  const db = new Database(path, { readonly: true });
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.deepEqual(db.prepare('SELECT version FROM schema_version ORDER BY version').all(), MIGRATIONS.map((m) => ({ version: m.version })));
  assert.equal(MIGRATIONS[MIGRATIONS.length - 1]?.version, LATEST_VERSION);
  db.close();
});

test('a database written by a newer crosscheck is refused with CC601', async () => {
  const path = await freshPath();
  await (await openSqliteStore(path)).close();
  const db = new Database(path);
  db.prepare(`INSERT INTO schema_version (version, name, applied_at) VALUES (?, 'from the future', '2099-01-01')`).run(LATEST_VERSION + 1);
  db.close();
  await rejectsWith(openSqliteStore(path), 'CC601');
});

test('a file that is not a crosscheck database is refused with CC602 and left as it was', async () => {
  const other = await freshPath();
  const db = new Database(other);
  db.exec('CREATE TABLE people (name TEXT)');
  db.close();
  await rejectsWith(openSqliteStore(other), 'CC602');
  const garbage = await freshPath();
  writeFileSync(garbage, 'this is not a database at all, just some text that is long enough to have a header'.repeat(20));
  await rejectsWith(openSqliteStore(garbage), 'CC602');
});

test('a write blocked by another process past the busy timeout fails with CC603', async () => {
  const path = await freshPath();
  const store = await openSqliteStore(path, { busyTimeoutMs: 50 });
  const other = new Database(path);
  other.exec('BEGIN IMMEDIATE');
  try {
    await rejectsWith(store.putArticles(makeArticles(1)), 'CC603');
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  assert.equal((await store.putArticles(makeArticles(1))).inserted.length, 1);
  await store.close();
});

test('a folder that does not exist gives CC604', async () => {
  await rejectsWith(openSqliteStore(join(dir, 'no', 'such', 'folder', 'x.db')), 'CC604');
});

test('toMatchQuery quotes every word', () => {
  assert.equal(toMatchQuery('U.S. envoy'), '"U.S." "envoy"');
  assert.equal(toMatchQuery('say "hi'), '"say" """hi"');
  assert.equal(toMatchQuery('counc*'), '"counc"*');
  assert.equal(toMatchQuery('" * ( -'), null);
  assert.equal(toMatchQuery(''), null);
});
