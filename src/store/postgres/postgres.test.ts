import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runStoreContract } from '../contract.js';
import { isStoreError } from '../errors.js';
import { openStore } from '../index.js';
import { makeArticle } from '../test-fixtures.js';
import { LATEST_VERSION, MIGRATIONS, openPostgresStore, parseLocation, redact } from './index.js';
import { toTsQuery } from './ts-query.js';
import { dropSchemas, freshSchema, requireServer, withSchema } from './test-server.js';

const url = await requireServer('PostgreSQL store tests');

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isStoreError(e), `not a StoreError: ${String(e)}`);
    assert.equal(e.code, code);
    assert.equal(e.problem.stage, 'store');
    return true;
  });
}

if (url !== null) {
  const base = url;
  after(() => dropSchemas(base));

  runStoreContract('postgres', {
    fresh: async () => withSchema(base, freshSchema()),
    open: (location) => openPostgresStore(location),
    persistent: true,
    module: fileURLToPath(new URL('./index.ts', import.meta.url)),
  });

  describe('PostgreSQL specifics', () => {
    const sql = async (schema: string, text: string, params: unknown[] = []) => {
      const client = new pg.Client({ connectionString: base, options: `-c search_path=${schema}` });
      await client.connect();
      try {
        return (await client.query(text, params)).rows;
      } finally {
        await client.end();
      }
    };

    test('openStore picks PostgreSQL for a postgres:// URL; the schema records every migration once', async () => {
      const schema = freshSchema();
      const store = await openStore(withSchema(base, schema));
      assert.equal((await store.stats()).schemaVersion, LATEST_VERSION);
      await store.close();
      // Two processes opening a new schema together migrate it once.
      const again = await Promise.all([openPostgresStore(withSchema(base, schema)), openPostgresStore(withSchema(base, schema))]);
      for (const s of again) await s.close();
      assert.deepEqual((await sql(schema, 'SELECT version FROM schema_version ORDER BY version')).map((r) => r.version), MIGRATIONS.map((m) => m.version));
    });

    test('a schema written by a newer crosscheck is refused with CC601', async () => {
      const schema = freshSchema();
      await (await openPostgresStore(withSchema(base, schema))).close();
      await sql(schema, `INSERT INTO schema_version (version, name) VALUES ($1, 'from the future')`, [LATEST_VERSION + 1]);
      await rejectsWith(openPostgresStore(withSchema(base, schema)), 'CC601');
    });

    test("a schema holding another program's tables is refused with CC602 and left as it was", async () => {
      const schema = freshSchema();
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.people (name text)`);
      await client.end();
      await rejectsWith(openPostgresStore(withSchema(base, schema)), 'CC602');
      assert.deepEqual((await sql(schema, `SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [schema])).map((r) => r.table_name), ['people']);
    });

    test('an unreachable server is CC606, a bad schema name CC604, and passwords never show', async () => {
      await rejectsWith(openPostgresStore('postgres://someone:secret@127.0.0.1:1/test'), 'CC606');
      await assert.rejects(openPostgresStore('postgres://someone:secret@127.0.0.1:1/test'), (e: Error) => !e.message.includes('secret'));
      await rejectsWith(openPostgresStore(`${base}?schema=Robert'); DROP TABLE x;--`), 'CC604');
      assert.equal(redact('postgres://u:p@h/db'), 'postgres://u:…@h/db');
      const parsed = parseLocation('postgres://u@h/db?schema=abc&sslmode=disable');
      assert.deepEqual(parsed, { connectionString: 'postgres://u@h/db?sslmode=disable', schema: 'abc', shown: 'postgres://u@h/db?schema=abc&sslmode=disable' });
    });

    test('text PostgreSQL cannot hold in a column (NUL, lone surrogates) still comes back exactly', async () => {
      const store = await openPostgresStore(withSchema(base, freshSchema()));
      try {
        const a = makeArticle({ id: 'odd', title: 'Odd \u0000 title \ud800', text: 'Body with a NUL \u0000 and a lone \udc00 surrogate; searchable words remain.' });
        assert.deepEqual((await store.putArticles([a])).inserted, ['odd']);
        assert.equal(JSON.stringify(await store.getArticle('odd')), JSON.stringify(a));
        assert.deepEqual((await store.search('searchable', { limit: 5 })).map((h) => h.id), ['odd']);
      } finally {
        await store.close();
      }
    });

    test('two writers putting the same articles at once store each one once', async () => {
      const location = withSchema(base, freshSchema());
      const [s1, s2] = await Promise.all([openPostgresStore(location), openPostgresStore(location)]);
      try {
        const arts = Array.from({ length: 200 }, (_, i) => makeArticle({ text: `Concurrent article ${i}.` }));
        const [r1, r2] = await Promise.all([s1.putArticles(arts), s2.putArticles([...arts].reverse())]);
        assert.equal(r1.inserted.length + r2.inserted.length, 200);
        assert.equal(r1.duplicates.length + r2.duplicates.length, 200);
        assert.equal((await s1.stats()).articles, 200);
      } finally {
        await s1.close();
        await s2.close();
      }
    });
  });
}

test('toTsQuery builds parameters only, one phrase per word', () => {
  assert.deepEqual(toTsQuery("U.S. o'brien counc*", 'english'), {
    sql: "phraseto_tsquery('english', $1) && phraseto_tsquery('english', $2) && to_tsquery('english', $3)",
    params: ['U.S.', "o'brien", "'counc':*"],
  });
  assert.equal(toTsQuery('" * ( - \u0000', 'english'), null);
  assert.equal(toTsQuery('', 'english'), null);
  assert.equal(toTsQuery("it's*", 'english')?.sql, "phraseto_tsquery('english', $1)");
});
