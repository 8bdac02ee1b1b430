/**
 * The HTTP API against a real server on an ephemeral port, over a temporary database filled
 * from examples/corpus through ingest: listing, search, story and article JSON (the same as the
 * CLI's --json), writes with and without the token, body limits, coded errors, export.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { runCli } from '../cli/testing.js';
import type { Store, StorySummary } from '../store/index.js';
import { OPENAPI } from './openapi.js';
import { startServer } from './server.js';
import { TEST_TOKEN, request, startTestServer, type TestServer } from './testing.js';

let srv: TestServer;
before(async () => {
  srv = await startTestServer();
});
after(async () => {
  await srv.stop();
});

const auth = { authorization: `Bearer ${TEST_TOKEN}` };

interface ErrorJSON {
  status: number;
  error: { code: string; severity: string; reason: string; hint: string };
}

function assertCoded(a: { status: number; text: string; json: () => unknown }, status: number, code: string): ErrorJSON {
  assert.equal(a.status, status, a.text);
  const body = a.json() as ErrorJSON;
  assert.equal(body.status, status);
  assert.equal(body.error.code, code);
  assert.ok(body.error.hint.length > 0);
  assert.doesNotMatch(a.text, /\n\s+at .*\(/, 'no stack trace');
  return body;
}

async function cli(...argv: string[]): Promise<string> {
  const r = await runCli(...argv);
  assert.equal(r.code, 0, r.err);
  return r.out;
}

async function stories(query = ''): Promise<{ stories: StorySummary[]; next: string | null; previous: string | null }> {
  const a = await request(srv.url, `/api/stories${query}`);
  assert.equal(a.status, 200, a.text);
  return a.json() as { stories: StorySummary[]; next: string | null; previous: string | null };
}

test('every answer carries the security headers; pages have a strict CSP', async () => {
  const page = await request(srv.url, '/');
  assert.equal(page.status, 200);
  const csp = page.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
  assert.doesNotMatch(page.text, /<script>|<style>|\son[a-z]+=/i, 'no inline script, style or handler');
  const missing = await request(srv.url, '/api/nope');
  assert.equal(missing.headers.get('x-content-type-options'), 'nosniff');
  assertCoded(missing, 404, 'CC905');
});

test('/openapi.json is OpenAPI 3.1 and every GET path it lists answers', async () => {
  const a = await request(srv.url, '/openapi.json');
  assert.equal(a.status, 200);
  const doc = a.json() as typeof OPENAPI;
  assert.equal(doc.openapi, '3.1.0');
  const [first] = (await stories()).stories;
  assert.ok(first);
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!('get' in item)) continue;
    const concrete = path.replace('{id}', path.includes('stories') ? first.id : 'x').replace('/api/search', '/api/search?q=ferry');
    const r = await request(srv.url, concrete);
    assert.ok(r.status === 200 || (path.includes('articles') && r.status === 404), `${path}: ${r.status}`);
  }
  for (const op of ['/api/articles'] as const) assert.ok('post' in doc.paths[op]);
});

test('story list: newest and largest, outlet and date filters, pages that link on', async () => {
  const newest = (await stories()).stories;
  assert.ok(newest.length >= 2);
  const largest = (await stories('?order=largest')).stories;
  for (let i = 1; i < largest.length; i++) assert.ok((largest[i - 1]?.articleCount ?? 0) >= (largest[i]?.articleCount ?? 0));
  const byOutlet = (await stories('?outlet=dunmere-evening-post')).stories;
  assert.ok(byOutlet.length >= 1 && byOutlet.every((s) => s.outlets.includes('dunmere-evening-post')));
  assert.equal((await stories('?since=2030-01-01')).stories.length, 0);
  assert.ok((await stories('?since=2025-04-01&until=2025-04-30')).stories.length >= 2);
  const one = await stories('?limit=1');
  assert.equal(one.stories.length, 1);
  assert.ok(one.next);
  assert.match(one.next, /[?&]after=[A-Za-z0-9_-]+/, 'the next page is a keyset cursor, not an offset');
  const second = (await request(srv.url, one.next)).json() as { stories: StorySummary[]; first: string | null; page: number };
  assert.equal(second.stories[0]?.id, newest[1]?.id);
  assert.equal(second.page, 2);
  assert.equal(second.first, '/api/stories?limit=1');
  // The older ?offset= form still answers, with links both ways.
  const byOffset = (await request(srv.url, '/api/stories?limit=1&offset=1')).json() as { stories: StorySummary[]; previous: string | null };
  assert.equal(byOffset.stories[0]?.id, newest[1]?.id);
  assert.ok(byOffset.previous);
  for (const bad of ['?order=oldest', '?limit=0', '?limit=1000', '?offset=-1', '?since=yesterday', '?after=not%20a%20cursor', '?after=e30', '?after=WzEsMl0', '?after=x&offset=2', '?order=largest&after=WyJhIiwiYiJd']) {
    assertCoded(await request(srv.url, `/api/stories${bad}`), 400, 'CC902');
  }
  // The page is the same data as JSON (Accept or ?format=json).
  const page = (await request(srv.url, '/?order=largest', { headers: { accept: 'application/json' } })).json() as { stories: StorySummary[] };
  assert.deepEqual(page.stories.map((s) => s.id), largest.map((s) => s.id));
});

test('search: the API, the list with q, and the page with marked words', async () => {
  const a = (await request(srv.url, '/api/search?q=radar')).json() as { hits: { kind: string; snippet: string }[] };
  assert.ok(a.hits.length > 0);
  assert.ok(a.hits.some((h) => h.snippet.includes('[')));
  const b = (await request(srv.url, '/api/stories?q=radar')).json() as { hits: unknown[] };
  assert.ok(b.hits.length > 0);
  const page = await request(srv.url, '/?q=radar');
  assert.equal(page.status, 200);
  assert.match(page.text, /<mark>[^<]*[Rr]adar[^<]*<\/mark>/);
  assertCoded(await request(srv.url, '/api/search'), 400, 'CC902');
  assertCoded(await request(srv.url, '/api/search?q=x&kind=people'), 400, 'CC902');
});

test('a story and an article are the JSON report, the same as the CLI prints', async () => {
  const [largest] = (await stories('?order=largest')).stories;
  assert.ok(largest);
  const story = (await request(srv.url, `/api/stories/${largest.id}`)).json() as { schema: string; stories: { id: string; facts: { members: { articleId: string; span: { start: number; end: number }; text: string }[] }[]; reuse: unknown[] }[]; articles: { id: string; text: string }[] };
  assert.equal(story.schema, 'crosscheck/1');
  assert.equal(story.stories[0]?.id, largest.id);
  assert.ok((story.stories[0]?.facts.length ?? 0) > 0);
  assert.ok((story.stories[0]?.reuse.length ?? 0) > 0);
  // Evidence is exact: each member's words are its article's text at its span.
  const texts = new Map(story.articles.map((a) => [a.id, a.text]));
  for (const f of story.stories[0]?.facts ?? []) for (const m of f.members) assert.equal(texts.get(m.articleId)?.slice(m.span.start, m.span.end), m.text);
  const db = join(srv.dir, 'test.db');
  assert.deepEqual(story, JSON.parse(await cli('story', largest.id, '--db', db, '--json')));
  assert.deepEqual((await request(srv.url, `/stories/${largest.id}?format=json`)).json(), story);
  const id = story.articles[0]?.id ?? '';
  const article = (await request(srv.url, `/api/articles/${encodeURIComponent(id)}`)).json() as { articles: { id: string; signals: unknown[] }[]; storyId: string };
  assert.equal(article.storyId, largest.id);
  assert.deepEqual(article, JSON.parse(await cli('article', id, '--db', db, '--json')));
  assert.deepEqual((await request(srv.url, `/articles/${encodeURIComponent(id)}`, { headers: { accept: 'application/json' } })).json(), article);
  assertCoded(await request(srv.url, '/api/stories/s-nope'), 404, 'CC705');
  assertCoded(await request(srv.url, '/api/articles/nope'), 404, 'CC705');
  assert.equal((await request(srv.url, '/stories/s-nope')).status, 404);
});

test('writes need the token: 401 without, 403 wrong, 403 on a server with none', async () => {
  const body = JSON.stringify({ text: 'A test article about nothing at all.' });
  const json = { 'content-type': 'application/json' };
  assertCoded(await request(srv.url, '/api/articles', { method: 'POST', headers: json, body }), 401, 'CC903');
  assertCoded(await request(srv.url, '/api/articles', { method: 'POST', headers: { ...json, authorization: 'Bearer wrong' }, body }), 403, 'CC904');
  assertCoded(await request(srv.url, '/api/articles', { method: 'POST', headers: { ...json, authorization: `Bearer ${TEST_TOKEN}x` }, body }), 403, 'CC904');
  const form = new FormData();
  form.set('text', 'Pasted');
  form.set('token', 'wrong');
  assert.equal((await request(srv.url, '/ingest', { method: 'POST', body: form })).status, 403);
  const readOnly = await startServer({ store: srv.store, token: null, port: 0, log: () => undefined });
  try {
    assertCoded(await request(readOnly.url, '/api/articles', { method: 'POST', headers: { ...json, ...auth }, body }), 403, 'CC904');
    assert.equal((await request(readOnly.url, '/ingest')).status, 404);
    assert.doesNotMatch((await request(readOnly.url, '/')).text, /href="\/ingest"/);
  } finally {
    await readOnly.close();
  }
  assert.match((await request(srv.url, '/')).text, /href="\/ingest"/);
});

const ARTICLE = 'Lighthouse keepers on Skerrin Rock reported on Monday that the old lamp failed during the storm. The coastguard said the beacon was repaired by noon, according to a statement. "We had two ships pass safely," said keeper Mara Odell.';

test('posting articles: JSON, JSONL, raw text with metadata, multipart files; idempotent', async () => {
  const post = (body: BodyInit, type: string | null, query = '') =>
    request(srv.url, `/api/articles${query}`, { method: 'POST', headers: type ? { ...auth, 'content-type': type } : auth, body });
  const a = await post(JSON.stringify({ text: ARTICLE, outlet: 'skerrin-gazette', title: 'Lamp fails on Skerrin Rock', publishedAt: '2025-05-02' }), 'application/json');
  assert.equal(a.status, 201, a.text);
  const r = a.json() as { new: number; articles: { id: string; storyId: string | null; outlet: string }[] };
  assert.equal(r.new, 1);
  assert.equal(r.articles[0]?.outlet, 'skerrin-gazette');
  const got = (await request(srv.url, `/api/articles/${r.articles[0]?.id ?? ''}`)).json() as { articles: { title: string }[] };
  assert.equal(got.articles[0]?.title, 'Lamp fails on Skerrin Rock');
  const again = await post(JSON.stringify([{ text: ARTICLE }]), 'application/json');
  assert.equal(again.status, 200);
  assert.equal((again.json() as { duplicates: number }).duplicates, 1);

  const lines = `${JSON.stringify({ text: ARTICLE.replace('Monday', 'Tuesday'), outlet: 'rock-news' })}\n{not json\n`;
  const b = await post(lines, 'application/x-ndjson');
  assert.equal(b.status, 201, b.text);
  assert.ok((b.json() as { problems: { code: string }[] }).problems.some((p) => p.code === 'CC106'));

  const c = await post(ARTICLE.replace('storm', 'gale'), 'text/plain', '?title=Gale%20on%20the%20rock&outlet=plain-post');
  assert.equal(c.status, 201, c.text);
  assert.equal((c.json() as { articles: { outlet: string }[] }).articles[0]?.outlet, 'plain-post');

  const form = new FormData();
  form.append('files', new Blob([ARTICLE.replace('noon', 'dusk')], { type: 'text/plain' }), 'dusk.txt');
  form.append('files', new Blob([`<html><head><title>Beacon back</title></head><body><article><h1>Beacon back</h1><p>${ARTICLE.replace('noon', 'dawn')}</p></article></body></html>`], { type: 'text/html' }), 'page.html');
  const d = await request(srv.url, '/api/articles', { method: 'POST', headers: auth, body: form });
  assert.equal(d.status, 201, d.text);
  const posted = d.json() as { new: number; articles: { id: string }[] };
  assert.equal(posted.new, 2);
  assert.equal(posted.articles.length, 2, 'the answer names the stored articles, the page one included');
});

test('malformed and oversized bodies: 400, 413, 415, each coded', async () => {
  const post = (body: string, type: string) => request(srv.url, '/api/articles', { method: 'POST', headers: { ...auth, 'content-type': type }, body });
  assertCoded(await post('{"text": ', 'application/json'), 400, 'CC902');
  assertCoded(await post('[1, 2]', 'application/json'), 400, 'CC902');
  assertCoded(await post('{"title": "no text"}', 'application/json'), 400, 'CC902');
  assertCoded(await post('{}', 'application/xml'), 415, 'CC907');
  assertCoded(await post('--x\r\nno', 'multipart/form-data; boundary=x'), 400, 'CC902');
  const empty = await post(JSON.stringify({ text: '\u0007\u0007' }), 'application/json');
  assertCoded(empty, 400, 'CC501');
  const small = await startServer({ store: srv.store, token: TEST_TOKEN, port: 0, maxBody: 1000, log: () => undefined });
  try {
    const big = await request(small.url, '/api/articles', { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: 'word '.repeat(1000) });
    assertCoded(big, 413, 'CC901');
  } finally {
    await small.close();
  }
});

test('other refusals: 405 with Allow, 421 for a foreign Host, HEAD, assets cached by hash', async () => {
  const del = await request(srv.url, '/api/articles', { method: 'DELETE' });
  const body = assertCoded(del, 405, 'CC906');
  assert.ok(body.error.reason.includes('DELETE'));
  assert.equal(del.headers.get('allow'), 'POST');
  const foreign = await new Promise<number>((resolve, reject) => {
    const u = new URL(srv.url);
    httpRequest({ host: u.hostname, port: u.port, path: '/', headers: { host: 'rebind.example' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject).end();
  });
  assert.equal(foreign, 421);
  assert.equal((await request(srv.url, '/', { method: 'HEAD' })).status, 200);
  const page = (await request(srv.url, '/')).text;
  const css = /href="(\/assets\/app\.css\?v=[0-9a-f]+)"/.exec(page)?.[1];
  assert.ok(css);
  const asset = await request(srv.url, css);
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get('content-type') ?? '', /text\/css/);
  assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
  assert.equal((await request(srv.url, '/assets/evil.js')).status, 404);
});

test('an unexpected failure is CC908 with no details; the log has them', async () => {
  const broken = new Proxy({} as Store, {
    get: (_t, name) => (name === 'close' ? async () => undefined : async () => {
      throw new Error('secret internals at /srv/db');
    }),
  });
  const logs: string[] = [];
  const s = await startServer({ store: broken, token: null, port: 0, log: (l) => logs.push(l) });
  try {
    const a = await request(s.url, '/api/stories');
    assertCoded(a, 500, 'CC908');
    assert.doesNotMatch(a.text, /secret internals/);
    const page = await request(s.url, '/');
    assert.equal(page.status, 500);
    assert.doesNotMatch(page.text, /secret internals/);
    assert.ok(logs.some((l) => l.includes('secret internals')));
  } finally {
    await s.close();
  }
});

test('export: articles as JSONL, facts as CSV', async () => {
  const a = await request(srv.url, '/api/export?what=articles');
  assert.equal(a.status, 200);
  const lines = a.text.trim().split('\n');
  assert.ok(lines.length >= 9);
  assert.ok((JSON.parse(lines[0] ?? '{}') as { id?: string }).id);
  const c = await request(srv.url, '/api/export?what=facts&format=csv');
  assert.match(c.text, /^storyId,id,status,independentOrigins,articleIds,summary,members,conflicts\r\n/);
  assertCoded(await request(srv.url, '/api/export?what=people'), 400, 'CC902');
});
