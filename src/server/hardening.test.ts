/**
 * The server's defects from issue 19's attack run, each against a real server on 127.0.0.1:
 * the form's token checked before the body is held (#3), a record nested 5,000 deep refused
 * alone (#4), posted articles stored under a neutral uri and the database path kept from web
 * clients (#5).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../store/index.js';
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
const ARTICLE = (n: number): string =>
  `Ferry crews at Brannock Sound walked out on Thursday over rota changes, number ${n}. The operator said two crossings were cancelled and the rest ran late. "We were not asked," said deckhand Ilse Varo, one of the crew.`;

interface Answer {
  status: number;
  body: string;
  /** Bytes of the body written when the answer came. */
  sentWhenAnswered: number;
}

/**
 * Posts a body of `total` bytes in pieces, and stops sending once an answer comes (or after the
 * first `stallAfter` bytes, waiting for one). A server that reads the whole body before it
 * answers never answers a stalled request: the test gives up after `waitMs` and says so.
 */
function stalledPost(path: string, headers: Record<string, string>, head: Buffer, total: number, waitMs = 20_000): Promise<Answer | 'no answer'> {
  const url = new URL(path, srv.url);
  return new Promise((resolve) => {
    let sent = 0;
    const req = httpRequest(url, { method: 'POST', headers: { ...headers, 'content-length': String(total) } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sentWhenAnswered: sent });
      });
    });
    req.on('error', () => undefined);
    const timer = setTimeout(() => {
      req.destroy();
      resolve('no answer');
    }, waitMs);
    req.write(head);
    sent += head.length;
    const filler = Buffer.alloc(64 * 1024, 0x61);
    for (let i = 0; i < 2; i++) {
      req.write(filler);
      sent += filler.length;
    }
    // ... and the rest of the declared body never comes.
  });
}

test('POST /ingest checks the form token before it holds the body (was: 16 MiB read first)', async () => {
  const boundary = 'xHardenBoundary';
  const part = (name: string, value: string, filename?: string): string =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${value}\r\n`;
  const type = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  const total = 8 * 1024 * 1024;
  // No token before the file: refused at once, 401, with most of the body never sent.
  const noToken = await stalledPost('/ingest', type, Buffer.from(part('files', '', 'dump.jsonl').slice(0, -2)), total);
  assert.notEqual(noToken, 'no answer', 'the server waited for the whole body before checking the token');
  if (noToken !== 'no answer') {
    assert.equal(noToken.status, 401, noToken.body);
    assert.match(noToken.body, /CC903/);
    assert.ok(noToken.sentWhenAnswered < total / 4);
  }
  // A wrong token as the first field: 403, as early.
  const wrong = await stalledPost('/ingest', type, Buffer.from(part('token', 'wrong') + part('files', '', 'dump.jsonl').slice(0, -2)), total);
  assert.notEqual(wrong, 'no answer');
  if (wrong !== 'no answer') assert.equal(wrong.status, 403, wrong.body);
  // A wrong bearer token: refused before the body too.
  const bearer = await stalledPost('/ingest', { ...type, authorization: 'Bearer wrong' }, Buffer.from(part('text', 'x')), total);
  assert.notEqual(bearer, 'no answer');
  if (bearer !== 'no answer') assert.equal(bearer.status, 403, bearer.body);

  // The right token first (as the page's form sends it): stored; urlencoded forms too.
  const form = new FormData();
  form.set('token', TEST_TOKEN);
  form.set('text', ARTICLE(1));
  const ok = await request(srv.url, '/ingest?format=json', { method: 'POST', body: form });
  assert.equal(ok.status, 201, ok.text);
  const encoded = new URLSearchParams({ token: TEST_TOKEN, text: ARTICLE(2) });
  const ok2 = await request(srv.url, '/ingest?format=json', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: encoded.toString() });
  assert.equal(ok2.status, 201, ok2.text);
  // The page's form puts the token first.
  const page = await request(srv.url, '/ingest');
  assert.ok(page.text.indexOf('name="token"') < page.text.indexOf('name="text"'), 'the token field comes before the others');
});

/** JSON text of a value nested `depth` levels (arrays and objects by turns), built as text: JSON.stringify overflows on it. */
function nested(depth: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '{"x":' : '[';
    close = (i % 2 ? '}' : ']') + close;
  }
  return `${open}"bottom"${close}`;
}

test('a record nested 5,000 deep is refused alone (400 for it, CC902); the other records are stored (was: 500, all lost)', async () => {
  const post = (body: string) => request(srv.url, '/api/articles', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body });
  const deep = `{"text":${JSON.stringify(ARTICLE(3))},"extra":${nested(5000)}}`;
  const mixed = await post(`[${JSON.stringify({ text: ARTICLE(4) })},${deep},${JSON.stringify({ text: ARTICLE(5) })}]`);
  assert.equal(mixed.status, 201, mixed.text);
  const r = mixed.json() as { new: number; failed: number; problems: { code: string; reason: string }[] };
  assert.equal(r.new, 2);
  assert.equal(r.failed, 1);
  assert.ok(r.problems.some((p) => p.code === 'CC902' && /record 2 nests/.test(p.reason)), JSON.stringify(r.problems));
  const alone = await post(deep);
  assert.equal(alone.status, 400, alone.text);
  assert.equal((alone.json() as { error: { code: string } }).error.code, 'CC501');
  assert.ok((alone.json() as { problems: { code: string }[] }).problems.some((p) => p.code === 'CC902'));
  // A record of 32 levels is still a record.
  const ok = await post(`{"text":${JSON.stringify(ARTICLE(6))},"extra":${nested(30)}}`);
  assert.equal(ok.status, 201, ok.text);
  assert.equal(srv.logs.filter((l) => /RangeError|stack size/.test(l)).length, 0, srv.logs.join('\n'));
});

test('posted articles are stored as posted:<request>:<line>; no temporary path in the API, export or pages', async () => {
  const lines = `${JSON.stringify({ text: ARTICLE(7) })}\n{not json\n${JSON.stringify({ text: ARTICLE(8) })}\n`;
  const a = await request(srv.url, '/api/articles', { method: 'POST', headers: { ...auth, 'content-type': 'application/x-ndjson' }, body: lines });
  assert.equal(a.status, 201, a.text);
  assert.doesNotMatch(a.text, /crosscheck-post-|\/tmp\//, 'no temporary path in the answer (problems included)');
  assert.match(a.text, /posted:[0-9a-f]{12}:2/, 'the bad line is named by the request and line');
  const form = new FormData();
  form.append('files', new Blob([`${JSON.stringify({ text: ARTICLE(9) })}\n`], { type: 'application/x-ndjson' }), 'more.jsonl');
  const b = await request(srv.url, '/api/articles', { method: 'POST', headers: auth, body: form });
  assert.equal(b.status, 201, b.text);
  const exported = await request(srv.url, '/api/export?what=articles&format=jsonl');
  const uris = exported.text.trim().split('\n').map((l) => (JSON.parse(l) as { uri?: string }).uri ?? '');
  const posted = uris.filter((u) => u.startsWith('posted:'));
  assert.ok(posted.some((u) => /^posted:[0-9a-f]{12}:3$/.test(u)), posted.join(', '));
  assert.ok(posted.some((u) => /^posted:[0-9a-f]{12}\/001-more\.jsonl:1$/.test(u)), posted.join(', '));
  // (the example corpus may itself live under /tmp: its paths are not what this checks)
  assert.doesNotMatch(exported.text, /crosscheck-post-/);
  const id = (a.json() as { articles: { id: string }[] }).articles[0]?.id ?? '';
  for (const path of [`/api/articles/${id}`, `/articles/${id}`]) assert.doesNotMatch((await request(srv.url, path)).text, /crosscheck-post-|\/tmp\//, path);
});

test('a locked database is 503 CC603 without its path; the log has the path', async () => {
  const dbPath = join(srv.dir, 'locked.db');
  const store = await openStore(dbPath, { busyTimeoutMs: 50 });
  const logs: string[] = [];
  const server = await startServer({ store, token: TEST_TOKEN, host: '127.0.0.1', port: 0, log: (l) => logs.push(l) });
  const holder = new Database(dbPath);
  try {
    holder.exec('BEGIN EXCLUSIVE');
    const a = await request(server.url, '/api/articles', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ text: ARTICLE(10) }) });
    assert.equal(a.status, 503, a.text);
    assert.equal((a.json() as { error: { code: string } }).error.code, 'CC603');
    assert.ok(!a.text.includes(srv.dir), `the answer names the database: ${a.text}`);
    assert.ok(logs.some((l) => l.includes(dbPath)), 'the log keeps the path for the operator');
  } finally {
    holder.exec('ROLLBACK');
    holder.close();
    await server.close();
    await store.close();
  }
});
