import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runStoreContract } from '../contract.js';
import { isStoreError } from '../errors.js';
import { openStore } from '../index.js';
import { makeArticle, makeArticles, makeStory } from '../test-fixtures.js';
import { toStore } from '../rows.js';
import { timeKey } from '../time-key.js';
import type { Assignment, Store } from '../store.js';
import { openSqliteStore } from '../sqlite/index.js';
import { LATEST_VERSION, MIGRATIONS, openPostgresStore, parseLocation, redact } from './index.js';
import { createPool, parseLocation as locationOf } from './connection.js';
import { migrate } from './migrate.js';
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

    test('stories that grow, lose members and are put back read as on SQLite, batch after batch', async () => {
      const stores: Store[] = [await openPostgresStore(withSchema(base, freshSchema())), await openSqliteStore(':memory:')];
      try {
        let seed = 7;
        const rand = (n: number): number => {
          seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
          return (seed >>> 8) % n;
        };
        // Unknown outlets and dates, equal times written two ways: the members' order has ties to break.
        const dates = [null, '2017-11-02', '2017-11-02T08:00:00Z', '2017-11-02T10:00:00+02:00', '2017-11-03'];
        const arts = makeArticles(160, (i) => ({ outlet: i % 7 === 0 ? null : `o${rand(5)}`, publishedAt: dates[rand(dates.length)] ?? null }));
        const byId = new Map(arts.map((a) => [a.id, a]));
        for (let b = 0; b < 20; b++) {
          const fresh = arts.slice(b * 8, b * 8 + 8);
          const stored = arts.slice(0, b * 8);
          const assignments: Assignment[] = Array.from({ length: 1 + rand(3) }, () => ({
            storyId: `s${rand(4)}`,
            title: `Story ${b}`,
            articleIds: [...fresh.filter(() => rand(3) > 0), ...(stored.length > 0 && rand(3) === 0 ? [stored[rand(stored.length)]] : [])].map((a) => (a as (typeof arts)[number]).id),
          }));
          for (const s of stores) await s.commitBatch({ articles: fresh.map(toStore), fingerprints: [], assignments });
          // Now and then a story analyzed and put back (outlets in its own order), or one grown by hand.
          if (b % 3 === 2) {
            const id = `s${rand(4)}`;
            const members = (await stores[1]?.getStory(id))?.articleIds ?? [];
            const story = makeStory(id, members.map((m) => byId.get(m) as (typeof arts)[number]));
            for (const s of stores) await s.putStories([{ ...story, outlets: [...story.outlets].reverse() }]);
          }
          if (b % 4 === 3 && stored.length > 0) {
            const late = (stored[rand(stored.length)] as (typeof arts)[number]).id;
            for (const s of stores) if ((await s.storySummaries(['s0'])).has('s0')) await s.assignArticles('s0', [late]);
          }
          const [onPg, onSqlite] = await Promise.all(stores.map(async (s) => {
            const ids = (await s.listStories({ order: 'largest', limit: 100 })).map((x) => x.id).sort();
            const exported = [];
            for await (const r of s.exportStories()) exported.push(r);
            return { ids, stories: JSON.stringify(await Promise.all(ids.map((id) => s.getStory(id)))), summaries: [...(await s.storySummaries(ids))].sort((x, y) => (x[0] < y[0] ? -1 : 1)), exported: exported.sort((x, y) => (x.id < y.id ? -1 : 1)) };
          }));
          assert.deepEqual(onPg, onSqlite, `batch ${b}`);
        }
      } finally {
        for (const s of stores) await s.close();
      }
    });

    test('a version 6 schema keeps its stories\' members in order (version 7)', async () => {
      const schema = freshSchema();
      const pool = createPool(locationOf(withSchema(base, schema)));
      try {
        await migrate(pool, schema, 'test', MIGRATIONS.filter((m) => m.version <= 6));
      } finally {
        await pool.end();
      }
      // Written as version 6 did: the members listed in the story's document, in its own order.
      const arts = makeArticles(4, (i) => ({ outlet: `o${i % 2}`, publishedAt: `2017-11-0${5 - i}` }));
      const story = { ...makeStory('s', [arts[3], arts[0], arts[2]] as typeof arts), facts: [] };
      await sql(schema, `INSERT INTO stories (id, title, article_count, outlet_count, outlets, first_published, last_published, stale_since, doc) VALUES ('s', '', 3, $1, $2, $3, $4, 1, $5)`,
        [story.outlets.length, JSON.stringify(story.outlets), story.firstPublished, story.lastPublished, JSON.stringify(story)]);
      for (const [i, a] of arts.entries()) {
        await sql(schema, 'INSERT INTO articles (id, content_hash, uri, outlet, published_at, time_key, story_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [a.id, a.contentHash, a.uri, a.outlet, a.publishedAt, timeKey(a.publishedAt), i === 1 ? null : 's']);
      }
      const store = await openPostgresStore(withSchema(base, schema));
      try {
        assert.equal(JSON.stringify(await store.getStory('s')), JSON.stringify(story));
        await store.assignArticles('s', [arts[1]?.id ?? '']);
        assert.deepEqual((await store.getStory('s'))?.articleIds, [3, 0, 2, 1].map((i) => arts[i]?.id));
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
