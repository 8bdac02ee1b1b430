/**
 * The server over a few hundred stories: keyset pages (HTML and JSON) walk the whole list and
 * the search without losing or repeating anything, and the page cache answers 304 to a known
 * ETag and never serves a page after a write changed what it shows (a write by another
 * connection, as `crosscheck ingest` beside the server, and an ingest through the server).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store, type StorySummary } from '../store/index.js';
import { makeArticles, makeStory } from '../store/test-fixtures.js';
import { startServer, type RunningServer } from './server.js';
import { TEST_TOKEN, request } from './testing.js';

let dir: string;
let store: Store;
let other: Store;
let srv: RunningServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-cache-test-'));
  store = await openStore(join(dir, 'test.db'));
  // 320 stories of 1-2 articles; dates repeat (equal sort keys) and some are missing.
  const arts = makeArticles(480, (i) => ({ outlet: `outlet-${i % 7}`, publishedAt: i % 61 === 0 ? null : `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 5)).padStart(2, '0')}` }));
  await store.putArticles(arts);
  const stories = [];
  for (let k = 0, i = 0; i < arts.length; k++) {
    const n = k % 2 === 0 ? 1 : 2;
    stories.push(makeStory(`story-${String((k * 53) % 320).padStart(3, '0')}`, arts.slice(i, i + n), `Harbour council story ${k}`));
    i += n;
  }
  await store.putStories(stories);
  other = await openStore(join(dir, 'test.db'));
  srv = await startServer({ store, token: TEST_TOKEN, host: '127.0.0.1', port: 0, log: () => undefined });
});

after(async () => {
  await srv?.close();
  await store?.close();
  await other?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('JSON pages of the story list follow their next links through every story, in order', async () => {
  for (const order of ['newest', 'largest'] as const) {
    for (const filter of ['', '&outlet=outlet-3', '&since=2024-03-01&until=2024-08-31']) {
      const want = (await store.listStories({ order, limit: 1000, ...(filter.includes('outlet') ? { outlet: 'outlet-3' } : {}), ...(filter.includes('since') ? { since: '2024-03-01', until: '2024-08-31' } : {}) })).map((s) => s.id);
      const seen: string[] = [];
      let next: string | null = `/api/stories?order=${order}&limit=17${filter}`;
      for (let pages = 0; next !== null && pages < 100; pages++) {
        const page = (await request(srv.url, next)).json() as { stories: StorySummary[]; next: string | null };
        seen.push(...page.stories.map((s) => s.id));
        next = page.next;
      }
      assert.ok(want.length > 10, `${order}${filter}: ${want.length} stories`);
      assert.deepEqual(seen, want, `${order}${filter}`);
    }
  }
});

test('the HTML list pages on by its Next links; the numbering goes on', async () => {
  const want = (await store.listStories({ order: 'newest', limit: 1000 })).map((s) => s.id);
  const seen: string[] = [];
  let next: string | null = '/';
  let pages = 0;
  for (; next !== null && pages < 100; pages++) {
    const page = await request(srv.url, next);
    assert.equal(page.status, 200);
    seen.push(...[...page.text.matchAll(/<h2><a href="\/stories\/([^"]+)">/g)].map((m) => decodeURIComponent(m[1] ?? '')));
    if (pages === 1) {
      assert.match(page.text, /Page 2: stories 21–40/);
      assert.match(page.text, /rel="first"/);
    }
    next = /<a href="([^"]+)" rel="next">/.exec(page.text)?.[1]?.replaceAll('&amp;', '&') ?? null;
  }
  assert.equal(pages, Math.ceil(want.length / 20));
  assert.deepEqual(seen, want);
});

test('search results come in pages that follow on', async () => {
  const all = (await request(srv.url, '/api/search?q=harbour+council&limit=100')).json() as { hits: { kind: string; id: string }[]; next: string | null };
  const seen: string[] = [];
  let next: string | null = '/api/search?q=harbour+council&limit=30';
  for (let pages = 0; next !== null && pages < 100; pages++) {
    const page = (await request(srv.url, next)).json() as { hits: { kind: string; id: string }[]; next: string | null };
    seen.push(...page.hits.map((h) => `${h.kind}:${h.id}`));
    next = page.next;
  }
  assert.equal(new Set(seen).size, seen.length, 'no hit twice');
  assert.deepEqual(seen.slice(0, 100), all.hits.map((h) => `${h.kind}:${h.id}`));
  assert.ok(seen.length > 100, `${seen.length} hits in all`);
  const html = await request(srv.url, '/?q=harbour+council');
  const link = /<a href="([^"]+)" rel="next">/.exec(html.text)?.[1]?.replaceAll('&amp;', '&');
  assert.ok(link?.includes('after='), 'the search page links to its next page');
  assert.match((await request(srv.url, link ?? '/')).text, /Page 2: 20 hits/);
});

test('ETags: a known one gets 304; a write by another connection changes the story page, others keep theirs', async () => {
  const a = await request(srv.url, '/stories/story-001');
  const b = await request(srv.url, '/stories/story-002');
  const etag = a.headers.get('etag');
  assert.ok(etag && a.status === 200);
  assert.equal(a.headers.get('cache-control'), 'no-cache');
  const again = await request(srv.url, '/stories/story-001', { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  assert.equal(again.text, '');
  // Another process renames the story: the next answer shows it (no waiting for a timeout).
  const story = await other.getStory('story-001');
  assert.ok(story);
  await other.putStory({ ...story, title: 'Renamed by another writer' });
  const after = await request(srv.url, '/stories/story-001', { headers: { 'if-none-match': etag } });
  assert.equal(after.status, 200);
  assert.match(after.text, /Renamed by another writer/);
  assert.notEqual(after.headers.get('etag'), etag);
  // The article page shows its story's new title too; the JSON list as well.
  const member = story.articleIds[0] ?? '';
  assert.match((await request(srv.url, `/articles/${encodeURIComponent(member)}`)).text, /Renamed by another writer/);
  const list = (await request(srv.url, '/api/stories?order=largest&limit=100')).json() as { stories: StorySummary[] };
  assert.equal(list.stories.find((s) => s.id === 'story-001')?.title, 'Renamed by another writer');
  // story-002 did not change: same body, same ETag.
  const b2 = await request(srv.url, '/stories/story-002', { headers: { 'if-none-match': b.headers.get('etag') ?? '' } });
  assert.equal(b2.status, 304);
});

test('an ingest through the server shows at once on the list and on the pages it changes', async () => {
  const before = (await request(srv.url, '/api/stories?limit=5')).json() as { stories: StorySummary[] };
  const page = await request(srv.url, '/');
  const text = 'The Marrowby lighthouse keeper reported the lamp failed on Sunday, the harbour office said. Engineers will replace it on Monday, officials said.';
  const posted = await request(srv.url, '/api/articles', {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text, title: 'Lighthouse lamp fails', outlet: 'quay-news', publishedAt: '2030-01-01' }),
  });
  assert.equal(posted.status, 201, posted.text);
  const { articles } = posted.json() as { articles: { id: string; storyId: string | null }[] };
  const after = (await request(srv.url, '/api/stories?limit=5')).json() as { stories: StorySummary[] };
  assert.notDeepEqual(after.stories.map((s) => s.id), before.stories.map((s) => s.id));
  assert.equal(after.stories[0]?.id, articles[0]?.storyId, 'the newest story is the one just ingested');
  const pageAfter = await request(srv.url, '/', { headers: { 'if-none-match': page.headers.get('etag') ?? '' } });
  assert.equal(pageAfter.status, 200);
  assert.match(pageAfter.text, /Lighthouse lamp fails/);
  // A page that did not exist before the ingest (a 404 is never kept) answers now.
  assert.equal((await request(srv.url, `/articles/${encodeURIComponent(articles[0]?.id ?? '')}`)).status, 200);
});

test('gzip for clients that accept it: the same page, its own ETag, 304 on it', async () => {
  const { request: raw } = await import('node:http');
  const get = (path: string, headers: Record<string, string>): Promise<{ status: number; headers: import('node:http').IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const url = new URL(srv.url);
      const req = raw({ host: url.hostname, port: url.port, path, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      });
      req.on('error', reject);
      req.end();
    });
  const { gunzipSync } = await import('node:zlib');
  const plain = await get('/stories/story-003', {});
  const zipped = await get('/stories/story-003', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(zipped.headers['content-encoding'], 'gzip');
  assert.ok(zipped.body.length < plain.body.length / 2, `${zipped.body.length} of ${plain.body.length} bytes`);
  assert.deepEqual(gunzipSync(zipped.body), plain.body);
  assert.notEqual(zipped.headers.etag, plain.headers.etag);
  assert.match(String(zipped.headers.vary), /accept-encoding/);
  assert.equal((await get('/stories/story-003', { 'accept-encoding': 'gzip', 'if-none-match': String(zipped.headers.etag) })).status, 304);
  assert.equal((await get('/stories/story-003', { 'accept-encoding': 'gzip;q=0', 'if-none-match': String(zipped.headers.etag) })).status, 200, 'gzip refused: the plain form, whose tag differs');
});
