/**
 * The PostgreSQL server the tests run against (127.0.0.1:5432, database `test`, trust auth;
 * CROSSCHECK_TEST_PG overrides), and a fresh schema per use so that runs never collide.
 * When no server answers, the tests skip with a loud reason, except in CI (process.env.CI),
 * where a missing server is a failure: CI must run them.
 */
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import pg from 'pg';

const CANDIDATES = process.env['CROSSCHECK_TEST_PG']
  ? [process.env['CROSSCHECK_TEST_PG']]
  : ['postgres://127.0.0.1:5432/test', 'postgres://postgres@127.0.0.1:5432/test', 'postgres://root@127.0.0.1:5432/test'];

export type TestServer = { ok: true; url: string } | { ok: false; reason: string };

let probed: Promise<TestServer> | undefined;

/** The first URL that answers `select 1`, or why none did. */
export function testServer(): Promise<TestServer> {
  probed ??= (async () => {
    const reasons: string[] = [];
    for (const url of CANDIDATES) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return { ok: true, url };
      } catch (e) {
        reasons.push(`${url}: ${(e as Error).message || String(e)}`);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    return { ok: false, reason: reasons.join('; ') };
  })();
  return probed;
}

/**
 * The server's URL, or null after saying loudly why the tests are skipped (outside CI), or
 * after registering a failing test (in CI).
 */
export async function requireServer(what: string): Promise<string | null> {
  const server = await testServer();
  if (server.ok) return server.url;
  if (process.env['CI']) {
    test(`${what}: a PostgreSQL server is required in CI`, () => {
      throw new Error(`no PostgreSQL server reachable (${server.reason}); .ci/run starts it`);
    });
  } else {
    console.error(`\n*** SKIPPED ${what}: no PostgreSQL server reachable (${server.reason}) ***\n`);
  }
  return null;
}

/** Schemas made for tests, dropped by dropSchemas(). */
const made = new Set<string>();

export function freshSchema(): string {
  const name = `crosscheck_test_${randomBytes(6).toString('hex')}`;
  made.add(name);
  return name;
}

export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

export async function dropSchemas(url: string, schemas: Iterable<string> = made): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of [...schemas]) {
      await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
      made.delete(s);
    }
  } finally {
    await client.end();
  }
}
