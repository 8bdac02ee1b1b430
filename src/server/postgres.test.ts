/**
 * `serve` on PostgreSQL answers as on SQLite: the example corpus is ingested into a SQLite file
 * and into a fresh PostgreSQL schema, `crosscheck serve` is started on each (real processes,
 * real HTTP), and the story list, every story page, every article page, search and the JSON API
 * must give the same content. (The pages in a browser are src/server/browser.test.ts's.)
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../collection/ingest.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { openPostgresStore } from '../store/postgres/index.js';
import { dropSchemas, freshSchema, requireServer, withSchema } from '../store/postgres/test-server.js';
import { CORPUS } from './testing.js';

const url = await requireServer('serve on PostgreSQL');
const cli = fileURLToPath(new URL('../cli/run.ts', import.meta.url));

interface Served {
  base: string;
  child: ChildProcess;
  log: () => string;
}

/** `crosscheck serve --db LOCATION --port 0`, resolved with its address once it listens. */
function serve(location: string): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--db', location, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${log}`)), 60_000);
    child.stderr?.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /on (http:\/\/\S+?) \(/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ base: m[1], child, log: () => log });
      }
    });
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${log}`));
    });
  });
}

async function stop(s: Served | undefined): Promise<void> {
  if (!s || s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

interface Got {
  status: number;
  type: string;
  body: string;
}

async function get(base: string, path: string): Promise<Got> {
  const res = await fetch(base + path, { redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

async function fill(store: Store): Promise<void> {
  const summary = await ingest({ store, inputs: [CORPUS], workers: 0 });
  assert.ok(summary.new > 0 && summary.failed === 0, JSON.stringify(summary.problems));
  await store.close();
}

if (url !== null) {
  const base = url;
  const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-serve-pg-'));
  let sqlite: Served | undefined;
  let postgres: Served | undefined;

  before(async () => {
    const file = join(tmp, 'corpus.db');
    const location = withSchema(base, freshSchema());
    await fill(await openSqliteStore(file));
    await fill(await openPostgresStore(location));
    [sqlite, postgres] = await Promise.all([serve(file), serve(location)]);
  });
  after(async () => {
    await Promise.all([stop(sqlite), stop(postgres)]);
    await dropSchemas(base);
    rmSync(tmp, { recursive: true, force: true });
  });

  /** The same path on both servers: same status, type and body. Returns the body. */
  const same = async (path: string): Promise<string> => {
    assert.ok(sqlite && postgres);
    const [a, b] = await Promise.all([get(sqlite.base, path), get(postgres.base, path)]);
    assert.equal(b.status, a.status, `${path}: status`);
    assert.equal(b.type, a.type, `${path}: content type`);
    assert.equal(b.body, a.body, `${path}: the PostgreSQL server's body differs from the SQLite server's`);
    return a.body;
  };

  describe('serve on PostgreSQL gives what serve on SQLite gives', () => {
    test('the story list, as a page and as JSON, in both orders', async () => {
      const list = JSON.parse(await same('/api/stories')) as { stories: { id: string }[] };
      assert.ok(list.stories.length >= 2, 'the example corpus makes several stories');
      for (const path of ['/', '/?order=largest', '/api/stories?order=largest', '/api/stories?outlet=marrowby-courier', '/api/stories?since=2025-04-09']) await same(path);
    });

    test('every story page and every article page, HTML and JSON', async () => {
      const list = JSON.parse(await same('/api/stories?limit=100')) as { stories: { id: string }[] };
      const articles = new Set<string>();
      for (const { id } of list.stories) {
        await same(`/stories/${encodeURIComponent(id)}`);
        const story = JSON.parse(await same(`/api/stories/${encodeURIComponent(id)}`)) as { articles: { id: string }[]; facts: unknown[] };
        for (const a of story.articles) articles.add(a.id);
      }
      assert.ok(articles.size >= 6, `articles reached through the stories: ${articles.size}`);
      for (const id of articles) {
        await same(`/articles/${encodeURIComponent(id)}`);
        await same(`/api/articles/${encodeURIComponent(id)}`);
      }
      await same('/stories/no-such-story');
      await same('/api/articles/no-such-article');
    });

    test('the export of articles, stories and facts', async () => {
      for (const path of ['/api/export?what=articles', '/api/export?what=stories', '/api/export?what=facts&format=csv']) await same(path);
    });

    // Full-text search is each engine's own (SQLite FTS5's bm25 and snippet(), PostgreSQL's
    // ts_rank and ts_headline): the same hits must be found, with the words marked in each
    // snippet; the rank values, hence the order, and the snippets' cut are the engine's.
    test('search finds the same hits, words marked, as a page and as JSON', async () => {
      assert.ok(sqlite && postgres);
      for (const path of ['/api/search?q=harbour+radar', '/api/search?q=ferry&limit=50', '/api/search?q=Kestrel+Dawn&limit=50', '/api/stories?q=passengers', '/api/search?q=nosuchwordanywhere']) {
        const [a, b]: Got[] = await Promise.all([get(sqlite.base, path), get(postgres.base, path)]);
        assert.ok(a && b);
        assert.equal(b.status, a.status, `${path}: status`);
        const hits = (body: string) => (JSON.parse(body) as { hits: { kind: string; id: string; storyId: string | null; title: string | null; snippet: string }[] }).hits;
        const key = (h: { kind: string; id: string; storyId: string | null; title: string | null }) => `${h.kind} ${h.id} ${h.storyId} ${h.title}`;
        assert.deepEqual(hits(b.body).map(key).sort(), hits(a.body).map(key).sort(), `${path}: the hits`);
        for (const h of [...hits(a.body), ...hits(b.body)]) assert.match(h.snippet, /\[[^\]]+\]/, `${path}: a snippet with the words marked: ${h.snippet}`);
        if (path.includes('harbour')) assert.ok(hits(a.body).length >= 3, 'the radar story is found');
      }
      const links = (html: string) => [...html.matchAll(/href="(\/(?:stories|articles)\/[^"#?]+)/g)].map((m) => m[1]).sort();
      for (const path of ['/?q=fog', '/?q=harbour+radar']) {
        const [a, b]: Got[] = await Promise.all([get(sqlite.base, path), get(postgres.base, path)]);
        assert.ok(a && b);
        assert.equal(b.status, a.status, `${path}: status`);
        assert.ok(links(a.body).length > 0, `${path}: the page links its hits`);
        assert.deepEqual(links(b.body), links(a.body), `${path}: the stories and articles linked`);
      }
    });
  });
}
