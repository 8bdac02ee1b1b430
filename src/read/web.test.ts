/** Readers for the web: .html files, .gz, RSS/Atom feeds, WARC(.gz), JSONL "html" records, URLs. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readInputs, type ReadItem, type ReadOptions } from './index.js';
import { isPrivateAddress } from './url.js';
import { extract } from '../extract/index.js';
import { DEFAULT_CONTEXT, type SourceRecord } from '../model/index.js';

const PAGE = `<!doctype html><html lang="en"><head><title>Bridge vote | Courier</title>
<meta property="article:published_time" content="2024-03-05"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Bridge vote</h1><p>The council voted on Monday to build a second bridge across the river, ending a long debate.</p>
<p>The crossing will cost 40 million dollars and open in 2027, the mayor said after the vote, to applause.</p></article></body></html>`;
let dir = '';
let server: Server;
let base = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-web-'));
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (url.startsWith('/loop')) {
      res.writeHead(302, { location: `/loop${Number(url.slice(5) || 0) + 1}` });
      res.end();
    } else if (url === '/moved') {
      res.writeHead(301, { location: '/page' });
      res.end();
    } else if (url === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<p>' + 'x'.repeat(200_000) + '</p>');
    } else if (url === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>');
      // never ends
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function readAll(inputs: string[], options: Partial<ReadOptions> = {}): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readInputs(inputs, { maxBytes: 100_000, ...options })) out.push(item);
  return out;
}

const codes = (items: ReadItem[]): string[] => items.map((i) => (i.kind === 'source' ? 'source' : i.message.code));
const sources = (items: ReadItem[]) => items.flatMap((i) => (i.kind === 'source' ? [i.source] : []));
/** What extract makes of a record (readers give markup; the metadata is extract's). */
const doc = (s: SourceRecord | undefined) => extract(s!, DEFAULT_CONTEXT);

test('an .html file is one record: the page as it is, markup html; extract finds its metadata', async () => {
  const [s] = sources(await readAll([file('a.html', PAGE)]));
  assert.ok(s);
  assert.equal(s.format, 'html');
  assert.equal(s.markup, 'html');
  assert.equal(s.raw, PAGE);
  assert.deepEqual(s.record, {}, 'a reader extracts nothing');
  const d = doc(s);
  assert.equal(d.title, 'Bridge vote');
  assert.equal(d.publishedAt, '2024-03-05');
  assert.ok(d.text.startsWith('Bridge vote\n\nThe council voted'), d.text);
});

test('.html.gz, .jsonl.gz (streamed) and a truncated gzip (CC120 after the good records)', async () => {
  assert.deepEqual(codes(await readAll([file('b.html.gz', gzipSync(PAGE))])), ['source']);
  const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `r${i}`, text: `Record ${i} says the council voted on Monday to build a bridge.` })).join('\n');
  const gz = gzipSync(lines);
  assert.equal(sources(await readAll([file('c.jsonl.gz', gz)])).length, 50);
  const cut = await readAll([file('d.jsonl.gz', gz.subarray(0, Math.floor(gz.length / 2)))]);
  assert.equal(codes(cut).at(-1), 'CC120');
});

test('RSS 2.0 and Atom: each item an article, full content preferred, item metadata kept', async () => {
  const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Courier</title>
<item><title>Bridge vote</title><link>https://courier.example/bridge</link><pubDate>Tue, 05 Mar 2024 09:30:00 +0000</pubDate><dc:creator>Maria Lopez</dc:creator>
<description>Short summary.</description><content:encoded><![CDATA[<p>The council voted on Monday to build a second bridge across the river, ending a long debate.</p><p>It opens in 2027.</p>]]></content:encoded></item>
<item><title>Ferry ends</title><link>https://courier.example/ferry</link><description>&lt;p&gt;The ferry service across the river will end in May after sixty years, the operator said on Friday.&lt;/p&gt;</description></item>
</channel></rss>`;
  const items = sources(await readAll([file('f.rss', rss)]));
  assert.equal(items.length, 2);
  assert.equal(items[0]!.format, 'feed');
  assert.equal(items[0]!.record.byline, 'Maria Lopez');
  assert.equal(items[0]!.record.url, 'https://courier.example/bridge');
  assert.equal(items[0]!.record.outlet, 'Courier');
  assert.equal(items[0]!.markup, 'html');
  assert.ok(doc(items[0]).publishedAt?.startsWith('2024-03-05'));
  assert.equal(doc(items[0]).byline, 'Maria Lopez');
  assert.ok(doc(items[0]).text.includes('It opens in 2027.'));
  assert.ok(doc(items[1]).text.includes('The ferry service across the river'));
  const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Coast News</title>
<entry><title>Storm closes harbour</title><link rel="alternate" href="https://coast.example/storm"/><published>2023-11-02T07:15:00Z</published><author><name>Ann Berg</name></author>
<content type="html">&lt;p&gt;A storm closed the harbour on Thursday, and the port authority said it would stay shut until Saturday.&lt;/p&gt;</content></entry></feed>`;
  const [e] = sources(await readAll([file('g.atom', atom)]));
  assert.equal(e?.record.url, 'https://coast.example/storm');
  assert.equal(e?.record.byline, 'Ann Berg');
  assert.equal(doc(e).publishedAt, '2023-11-02T07:15:00Z');
  assert.deepEqual(codes(await readAll([file('h.xml', '<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>')])), ['CC122']);
});

function warcRecord(type: string, target: string, payload: string): Buffer {
  const block = Buffer.from(payload);
  const head = `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${target}\r\nWARC-Date: 2019-11-18T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${block.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), block, Buffer.from('\r\n\r\n')]);
}
const httpPage = (body: string): string => `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${body}`;

test('WARC and WARC.gz: HTML responses with target URI and date; a corrupt record is reported and skipped', async () => {
  const warc = Buffer.concat([
    warcRecord('warcinfo', '', 'software: test'),
    warcRecord('response', 'https://courier.example/a', httpPage(PAGE)),
    Buffer.from('garbage that is not a record\r\n\r\n'),
    warcRecord('response', 'https://courier.example/b', httpPage(PAGE.replace('second bridge', 'third bridge'))),
    warcRecord('response', 'https://courier.example/img', 'HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG'),
  ]);
  const items = await readAll([file('x.warc', warc)]);
  assert.deepEqual(codes(items), ['source', 'CC123', 'source']);
  const [a] = sources(items);
  assert.equal(a?.format, 'warc');
  assert.equal(a?.record.url, 'https://courier.example/a');
  // The WARC-Date is the fetch date: the page's own date wins over it.
  assert.equal(a?.record.publishedAt, '2019-11-18T10:00:00Z');
  assert.equal(doc(a).publishedAt, '2024-03-05');
  assert.equal(doc(a).url, 'https://courier.example/a');
  // A .warc.gz is a gzip member per record.
  const gz = Buffer.concat([warcRecord('response', 'https://courier.example/a', httpPage(PAGE)), warcRecord('response', 'https://courier.example/c', httpPage(PAGE.replace('second', 'fourth')))].map((r) => gzipSync(r)));
  assert.deepEqual(codes(await readAll([file('y.warc.gz', gz)])), ['source', 'source']);
  const cut = Buffer.concat([warcRecord('response', 'https://courier.example/a', httpPage(PAGE)), warcRecord('response', 'https://x/b', httpPage(PAGE)).subarray(0, 200)]);
  assert.deepEqual(codes(await readAll([file('z.warc', cut)])), ['source', 'CC123']);
});

test('JSONL records with "html" instead of "text"', async () => {
  const p = file('h.jsonl', JSON.stringify({ id: 'p1', url: 'https://courier.example/a', outlet: 'Courier', html: PAGE }) + '\n');
  const [s] = sources(await readAll([p]));
  assert.equal(s?.record.id, 'p1');
  assert.equal(s?.record.outlet, 'Courier');
  assert.equal(s?.raw, PAGE);
  assert.equal(doc(s).outlet, 'Courier');
  assert.equal(doc(s).title, 'Bridge vote');
  assert.ok(doc(s).text.includes('The council voted'));
});

test('URLs: private addresses refused without --allow-private; redirects, size and time bounded', async () => {
  assert.deepEqual(codes(await readAll([`${base}/page`])), ['CC126']);
  assert.deepEqual(codes(await readAll([`http://localhost:${new URL(base).port}/page`])), ['CC126']);
  const ok = sources(await readAll([`${base}/moved`], { allowPrivate: true }));
  assert.equal(doc(ok[0]).title, 'Bridge vote');
  assert.equal(doc(ok[0]).url, `${base}/page`);
  assert.deepEqual(codes(await readAll([`${base}/loop`], { allowPrivate: true })), ['CC127']);
  assert.deepEqual(codes(await readAll([`${base}/big`], { allowPrivate: true })), ['CC105']);
  assert.deepEqual(codes(await readAll([`${base}/slow`], { allowPrivate: true, fetchTimeoutMs: 300 })), ['CC127']);
  assert.deepEqual(codes(await readAll([`${base}/missing`], { allowPrivate: true })), ['CC125']);
});

test('private address ranges', () => {
  for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1']) assert.equal(isPrivateAddress(ip), true, ip);
  for (const ip of ['8.8.8.8', '93.184.216.34', '2606:2800:220:1::1']) assert.equal(isPrivateAddress(ip), false, ip);
});
