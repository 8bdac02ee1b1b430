/**
 * `crosscheck watch` against real local HTTP servers (127.0.0.1) that change their pages between
 * rounds, driven round by round with --once --recheck all, and read back with
 * `export --what versions`, `article --versions` and `stories --changed-since`.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { runCli } from '../cli/testing.js';
import { openStore } from '../store/index.js';
import { startServer } from '../server/server.js';
import { dropSchemas, freshSchema, requireServer, withSchema } from '../store/postgres/test-server.js';

interface Hit {
  path: string;
  headers: IncomingMessage['headers'];
}

interface Site {
  server: Server;
  origin: string;
  hits: Hit[];
  /** path -> [status, headers, body] */
  routes: Map<string, { status: number; headers: Record<string, string>; body: string; etag?: string }>;
}

async function site(): Promise<Site> {
  const s: Site = { server: createServer(), origin: '', hits: [], routes: new Map() };
  s.server.on('request', (req, res) => {
    const path = req.url ?? '/';
    s.hits.push({ path, headers: req.headers });
    const r = s.routes.get(path);
    if (!r) {
      res.writeHead(404).end('not found');
      return;
    }
    if (r.etag && req.headers['if-none-match'] === r.etag) {
      res.writeHead(304, { etag: r.etag }).end();
      return;
    }
    res.writeHead(r.status, { ...r.headers, ...(r.etag ? { etag: r.etag } : {}) }).end(r.body);
  });
  await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
  const address = s.server.address();
  s.origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return s;
}

let etags = 0;
function page(s: Site, path: string, title: string, paragraphs: string[]): void {
  const body = `<!doctype html><html><head><title>${title}</title><meta property="article:published_time" content="2026-12-06T08:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article><footer>Copyright Example News</footer></body></html>`;
  s.routes.set(path, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body, etag: `"e${++etags}"` });
}

function feed(s: Site, links: string[]): void {
  const items = links.map((l, i) => `<item><title>Item ${i}</title><link>${s.origin}${l}</link><description>Item ${i}</description></item>`).join('');
  s.routes.set('/feed.xml', { status: 200, headers: { 'content-type': 'application/rss+xml' }, body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>${items}</channel></rss>`, etag: `"f${++etags}"` });
}

const FIRE = [
  'Fire crews were called to a warehouse on Dock Street in Harwick early on Monday after neighbours reported smoke.',
  'Police said 12 people were treated for smoke inhalation and two were taken to the county hospital.',
  'The cause of the fire is not yet known, a spokesman for the fire service said, and an investigation has begun.',
  'The owner of the warehouse, Marta Lindqvist, said she was "shocked and grateful that nobody was killed".',
];
const BRIDGE = [
  'The council of Harwick voted on Tuesday to close the old river bridge to heavy traffic from next month.',
  'Engineers found cracks in two of the bridge supports during an inspection in the spring, the council said.',
  'Councillor Amir Haddad said the repairs would cost about 3 million pounds and take at least a year.',
  'Local businesses said the closure would add twenty minutes to deliveries across the town.',
];

const dir = mkdtempSync(join(tmpdir(), 'cc-watch-'));
const servers: Site[] = [];
after(async () => {
  for (const s of servers) await new Promise((resolve) => s.server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function versionsOf(db: string): Promise<Map<string, { n: number; contentHash: string; fetchedAt: string; diff: { kind: string; beforeText: string; afterText: string; before: { start: number; end: number }; after: { start: number; end: number } }[]; flags: { kind: string; reason: string; evidence: { version: string; text: string }[] }[]; text: string }[]>> {
  const r = await runCli('export', '--db', db, '--format', 'jsonl', '--what', 'versions');
  assert.equal(r.code, 0, r.err);
  const out = new Map();
  for (const line of r.out.split('\n').filter(Boolean)) {
    const rec = JSON.parse(line) as { url: string; versions: unknown[] };
    out.set(new URL(rec.url).pathname, rec.versions);
  }
  return out;
}

test('watch: new items once, 304 for unchanged pages, versions with diff spans, corrections, stealth edits, robots.txt, 429 backoff', async () => {
  const a = await site();
  const b = await site();
  servers.push(a, b);
  a.routes.set('/robots.txt', { status: 200, headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nDisallow: /private/\n' });
  page(a, '/fire', 'Warehouse fire in Harwick', FIRE);
  page(a, '/bridge', 'Harwick bridge to close', BRIDGE);
  page(a, '/private/draft', 'Draft', FIRE);
  feed(a, ['/fire', '/bridge', '/private/draft']);
  b.routes.set('/robots.txt', { status: 404, headers: {}, body: '' });
  b.routes.set('/slow-down', { status: 429, headers: { 'retry-after': '120' }, body: 'too many' });
  const db = join(dir, 'w.db');
  const events = join(dir, 'events.jsonl');
  const watch = (...extra: string[]) => runCli('watch', `${a.origin}/feed.xml`, `${b.origin}/slow-down`, '--db', db, '--once', '--allow-private', '--delay', '0', '--timeout-ms', '3000', '--events', events, ...extra);

  // Round 1: the feed's items are fetched and ingested; robots.txt keeps the draft out; b says 429.
  let r = await watch();
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /CC750 .*private\/draft/);
  assert.match(r.err, /CC751 /);
  assert.ok(!a.hits.some((h) => h.path === '/private/draft'), 'robots.txt disallow is respected');
  assert.ok(a.hits.every((h) => /^crosscheck\//.test(String(h.headers['user-agent']))), 'the User-Agent names crosscheck');
  let v = await versionsOf(db);
  assert.deepEqual([...v.keys()].sort(), ['/bridge', '/fire']);
  assert.equal(v.get('/fire')!.length, 1);
  const stories = await runCli('stories', '--db', db, '--json');
  const articles = (JSON.parse(stories.out) as { stories: { articleCount: number }[] }).stories.reduce((n, s) => n + s.articleCount, 0);
  assert.equal(articles, 2, 'each new item ingested once');
  const bHits = b.hits.filter((h) => h.path === '/slow-down').length;
  assert.equal(bHits, 1);

  // Round 2: nothing changed: conditional GET answers 304, no new version, nothing re-ingested; b is still backed off.
  const before = a.hits.length;
  r = await watch('--recheck', 'all');
  assert.equal(r.code, 0, r.err);
  const round2 = a.hits.slice(before).filter((h) => h.path === '/fire' || h.path === '/bridge');
  assert.equal(round2.length, 2);
  assert.ok(round2.every((h) => typeof h.headers['if-none-match'] === 'string'), 'conditional GET with the stored ETag');
  assert.match(r.err, /2 fetched \(2 not modified\)/);
  assert.equal(b.hits.filter((h) => h.path === '/slow-down').length, bHits, 'a host that answered 429 is left alone for its Retry-After');
  v = await versionsOf(db);
  assert.equal(v.get('/fire')!.length, 1);
  assert.equal(v.get('/bridge')!.length, 1);

  // Round 3: a silently changed number (stealth edit) and a corrected page (correction note).
  page(a, '/fire', 'Warehouse fire in Harwick', FIRE.map((p) => p.replace('12 people', '14 people')));
  page(a, '/bridge', 'Harwick bridge to close', [...BRIDGE.map((p) => p.replace('3 million', '4 million')), 'Correction: An earlier version of this article gave the wrong cost of the repairs.']);
  r = await watch('--recheck', 'all');
  assert.equal(r.code, 0, r.err);
  v = await versionsOf(db);
  const fire = v.get('/fire')!;
  assert.equal(fire.length, 2);
  assert.notEqual(fire[0]!.contentHash, fire[1]!.contentHash);
  assert.ok(fire[1]!.fetchedAt >= fire[0]!.fetchedAt);
  assert.deepEqual(fire[1]!.diff.map((d) => [d.kind, d.beforeText, d.afterText]), [['change', '12', '14']]);
  const d = fire[1]!.diff[0]!;
  assert.equal(fire[0]!.text.slice(d.before.start, d.before.end), '12');
  assert.equal(fire[1]!.text.slice(d.after.start, d.after.end), '14');
  assert.deepEqual(fire[1]!.flags.map((f) => [f.kind, f.reason]), [['stealth-edit', 'number changed']]);
  const bridge = v.get('/bridge')!;
  assert.equal(bridge.length, 2);
  assert.deepEqual(bridge[1]!.flags.map((f) => f.kind), ['correction']);
  assert.match(bridge[1]!.flags[0]!.evidence[0]!.text, /^Correction: An earlier version/);

  // The stories' facts follow the latest versions: the superseded articles left their stories.
  const after3 = JSON.parse((await runCli('stories', '--db', db, '--json')).out) as { stories: { articleCount: number }[] };
  assert.equal(after3.stories.reduce((n, x) => n + x.articleCount, 0), 2, 'one article per page in the stories: the latest version');
  const oldFire = (fire[0] as unknown as { articleId: string }).articleId;
  const oldShown = JSON.parse((await runCli('article', oldFire, '--db', db, '--json')).out) as { storyId: string | null };
  assert.equal(oldShown.storyId, null);

  // The event stream told of the articles, the versions and the flags.
  const kinds = readFileSync(events, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { type: string }).type);
  for (const k of ['article', 'version', 'stealth-edit', 'correction', 'story', 'problem', 'round']) assert.ok(kinds.includes(k), `event ${k}`);

  // Round 4: the same pages again: nothing doubles.
  r = await watch('--recheck', 'all');
  v = await versionsOf(db);
  assert.equal(v.get('/fire')!.length, 2);
  assert.equal(v.get('/bridge')!.length, 2);

  // The views: article --versions, stories --changed-since.
  const articleId = (fire[1] as unknown as { articleId: string }).articleId;
  const shown = await runCli('article', articleId, '--db', db, '--versions');
  assert.equal(shown.code, 0, shown.err);
  assert.match(shown.out, /version 2/);
  assert.match(shown.out, /\[-12-\]\{\+14\+\}/);
  assert.match(shown.out, /stealth edit: number changed/);
  // Since the round's earliest fetch: the two pages may be fetched in different seconds, in either order
  // (the test once cut fire's time to its second, and bridge, fetched a moment before, fell outside).
  const round3 = [fire[1]!.fetchedAt, bridge[1]!.fetchedAt].sort()[0]!;
  const changed = await runCli('stories', '--db', db, '--changed-since', round3, '--json');
  assert.equal(changed.code, 0, changed.err);
  const ch = JSON.parse(changed.out) as { stories: { changes: { url: string; n: number }[] }[] };
  assert.deepEqual(ch.stories.flatMap((s) => s.changes.map((c) => new URL(c.url).pathname)).sort(), ['/bridge', '/fire']);
  // The article web page lists the versions with the difference highlighted.
  const store = await openStore(db);
  const web = await startServer({ store, token: null, host: '127.0.0.1', port: 0, log: () => undefined });
  try {
    const res = await fetch(`${web.url}/articles/${encodeURIComponent(articleId)}`);
    const body = await res.text();
    assert.equal(res.status, 200);
    assert.match(body, /Versions \(2\)/);
    assert.match(body, /<del>12<\/del><ins>14<\/ins>/);
  } finally {
    await web.close();
    await store.close();
  }
  const later = await runCli('stories', '--db', db, '--changed-since', '2999-01-01', '--json');
  assert.deepEqual((JSON.parse(later.out) as { stories: unknown[] }).stories, []);
});

test('watch: malformed and huge feeds, redirect loops and pages that never finish are coded messages; the round goes on', async () => {
  const s = await site();
  servers.push(s);
  s.routes.set('/robots.txt', { status: 404, headers: {}, body: '' });
  s.routes.set('/broken.xml', { status: 200, headers: { 'content-type': 'application/rss+xml' }, body: '<rss><channel><title>x</title>' });
  const many = Array.from({ length: 100_000 }, (_, i) => `<item><title>t${i}</title><link>${'/many/'}${i}</link></item>`).join('');
  s.routes.set('/many.xml', { status: 200, headers: { 'content-type': 'application/rss+xml' }, body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>${many}</channel></rss>` });
  s.routes.set('/loop', { status: 302, headers: { location: '/loop' }, body: '' });
  page(s, '/ok', 'Harwick bridge to close', BRIDGE);
  const hang = createServer((req, res) => {
    if (req.url === '/robots.txt') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>This page never finishes');
  });
  await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve));
  const port = (hang.address() as { port: number }).port;
  const db = join(dir, 'bad.db');
  try {
    const r = await runCli('watch', `${s.origin}/broken.xml`, `${s.origin}/many.xml`, `${s.origin}/loop`, `http://127.0.0.1:${port}/never`, `${s.origin}/ok`, '--db', db, '--once', '--allow-private', '--delay', '0', '--timeout-ms', '600', '--max-items', '5');
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /CC122 .*broken\.xml/);
    assert.match(r.err, /CC752 .*lists 100000 items; the first 5 were followed/);
    assert.match(r.err, /CC127 .*loop/);
    assert.match(r.err, /CC127 .*never/);
    const v = await versionsOf(db);
    assert.ok(v.has('/ok'), 'the good page was still read');
    assert.equal(s.hits.filter((h) => h.path.startsWith('/many/')).length, 5, 'only the first items are followed');
  } finally {
    hang.closeAllConnections();
    await new Promise((resolve) => hang.close(resolve));
  }
});

test('watch: private addresses are refused unless --allow-private', async () => {
  const s = await site();
  servers.push(s);
  page(s, '/p', 'x', BRIDGE);
  const r = await runCli('watch', `${s.origin}/p`, '--db', join(dir, 'private.db'), '--once', '--delay', '0');
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /CC754 |CC126 /);
  assert.equal(s.hits.filter((h) => h.path === '/p').length, 0, 'nothing fetched from a private address');
});

test('watch: killed with SIGKILL mid-poll, a restart loses nothing and doubles nothing', async () => {
  const s = await site();
  servers.push(s);
  s.routes.set('/robots.txt', { status: 404, headers: {}, body: '' });
  page(s, '/one', 'Warehouse fire in Harwick', FIRE);
  page(s, '/three', 'Harwick bridge to close', BRIDGE);
  feed(s, ['/one', '/two', '/three']);
  // /two hangs while `holding`: the watcher is killed while it waits for it.
  let holding = true;
  let hanging = 0;
  const listeners = s.server.listeners('request') as ((q: IncomingMessage, r: import('node:http').ServerResponse) => void)[];
  s.server.removeAllListeners('request');
  s.server.on('request', (req, res) => {
    if (req.url === '/two' && holding) {
      hanging++;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><article><h1>Mayor re');
      return; // never ends
    }
    for (const l of listeners) l(req, res);
  });
  const db = join(dir, 'kill.db');
  const main = new URL('../cli/main.ts', import.meta.url).href;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', `const { main } = await import(${JSON.stringify(main)}); process.exitCode = await main(process.argv.slice(1));`,
      'watch', `${s.origin}/feed.xml`, '--db', db, '--once', '--allow-private', '--delay', '0', '--timeout-ms', '60000'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let childErr = '';
  child.stderr!.on('data', (b: Buffer) => (childErr += b.toString()));
  try {
    for (let i = 0; i < 600 && hanging === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(hanging > 0, `the watcher reached the page that hangs (${childErr})`);
    child.kill('SIGKILL');
    await once(child, 'exit');
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  holding = false;
  page(s, '/two', 'Mayor resigns in Harwick', BRIDGE.map((p) => p.replace('Tuesday', 'Wednesday')).concat('The mayor of Harwick resigned on Wednesday evening after the vote.'));
  const r = await runCli('watch', '--db', db, '--once', '--allow-private', '--delay', '0', '--timeout-ms', '3000');
  assert.equal(r.code, 0, r.err);
  let v = await versionsOf(db);
  assert.deepEqual([...v.keys()].sort(), ['/one', '/three', '/two'], 'the restart fetched what the killed watcher had not stored');
  for (const list of v.values()) assert.equal(list.length, 1);
  await runCli('watch', '--db', db, '--once', '--allow-private', '--delay', '0', '--recheck', 'all');
  v = await versionsOf(db);
  for (const list of v.values()) assert.equal(list.length, 1, 'nothing doubled');
  const stories = JSON.parse((await runCli('stories', '--db', db, '--json')).out) as { stories: { articleCount: number }[] };
  assert.equal(stories.stories.reduce((n, x) => n + x.articleCount, 0), 3);
});

const pgUrl = await requireServer('crosscheck watch on PostgreSQL');
if (pgUrl !== null) {
  test('watch on PostgreSQL: versions, flags and conditional GET as on SQLite', async () => {
    const schema = freshSchema();
    const db = withSchema(pgUrl, schema);
    try {
      const s = await site();
      servers.push(s);
      s.routes.set('/robots.txt', { status: 404, headers: {}, body: '' });
      page(s, '/fire', 'Warehouse fire in Harwick', FIRE);
      feed(s, ['/fire']);
      const watch = (...extra: string[]) => runCli('watch', `${s.origin}/feed.xml`, '--db', db, '--once', '--allow-private', '--delay', '0', ...extra);
      assert.equal((await watch()).code, 0);
      const r2 = await watch('--recheck', 'all');
      assert.match(r2.err, /1 fetched \(1 not modified\)/);
      page(s, '/fire', 'Warehouse fire in Harwick', FIRE.map((p) => p.replace('not yet known', 'an electrical fault')).concat('This article has been updated to include the cause of the fire.'));
      assert.equal((await watch('--recheck', 'all')).code, 0);
      const fire = (await versionsOf(db)).get('/fire')!;
      assert.equal(fire.length, 2);
      assert.deepEqual(fire[1]!.flags.map((f) => f.kind), ['correction']);
      assert.ok(fire[1]!.diff.some((d) => d.beforeText === 'not yet known' && d.afterText === 'an electrical fault'));
    } finally {
      await dropSchemas(pgUrl, [schema]);
    }
  });
}

test('watch: a --from list (OPML) is read; a missing list and nothing to watch are CC753', async () => {
  const s = await site();
  servers.push(s);
  s.routes.set('/robots.txt', { status: 404, headers: {}, body: '' });
  page(s, '/fire', 'Warehouse fire in Harwick', FIRE);
  feed(s, ['/fire']);
  const list = join(dir, 'feeds.opml');
  writeFileSync(list, `<?xml version="1.0"?><opml version="2.0"><body><outline text="Example" type="rss" xmlUrl="${s.origin}/feed.xml"/></body></opml>`);
  const db = join(dir, 'from.db');
  const r = await runCli('watch', '--from', list, '--db', db, '--once', '--allow-private', '--delay', '0');
  assert.equal(r.code, 0, r.err);
  assert.deepEqual([...(await versionsOf(db)).keys()], ['/fire']);
  const missing = await runCli('watch', '--from', join(dir, 'nope.txt'), '--db', db, '--once');
  assert.equal(missing.code, 2);
  assert.match(missing.err, /CC753 /);
  const none = await runCli('watch', '--db', join(dir, 'empty.db'), '--once');
  assert.equal(none.code, 2);
  assert.match(none.err, /CC753 .*nothing to watch/);
  assert.equal((await runCli('watch', 'ftp://x', '--db', db)).code, 64);
});
