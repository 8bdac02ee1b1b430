/**
 * Hostile inputs through the readers (issue 9): gzip bombs, entity expansion, UTF-16 with and
 * without a byte-order mark, mislabelled Windows-1252 / Latin-1, NUL bytes, a 50 MB JSONL line,
 * 100,000 nested elements, malformed JSON, feeds and WARC records. Each gives a record or a coded
 * message, in bounded memory and with cost that grows linearly, and the rest of the input is
 * still read. Issue 19 added: a feed's own entities are never stored ("&lol9;"), and no bound is
 * a wall-clock speed (they failed on a busy machine).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { readInputs, type ReadItem, type ReadOptions } from '../src/read/index.js';
import { readJsonlStream } from '../src/read/jsonl.js';
import { processSource } from '../src/collection/pipeline.js';
import { DEFAULT_CONTEXT } from '../src/model/index.js';
import { extract } from '../src/extract/index.js';
import { growthAsync } from './growth.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-hostile-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const BODY = 'Harbour crane collapses at Vell quay\n\nA loading crane collapsed onto the Vell quay on Monday, injuring two dock workers, the port authority said. The café on the quay was closed.\n';
const RECORD = (id: string): string => JSON.stringify({ id, text: BODY.replace('Monday', `Monday (${id})`) }) + '\n';

function file(name: string, data: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}

async function readAll(inputs: string[], options: Partial<ReadOptions> = {}): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readInputs(inputs, { maxBytes: DEFAULT_CONTEXT.maxBytes, ...options })) out.push(item);
  return out;
}

const sources = (items: ReadItem[]) => items.flatMap((i) => (i.kind === 'source' ? [i.source] : []));
const codes = (items: ReadItem[]) => items.flatMap((i) => (i.kind === 'problem' ? [i.message.code] : i.source.messages.map((m) => m.code)));
/** The codes of reading and then extracting (pages are read as markup; their problems are extract's). */
const extractedCodes = (items: ReadItem[]) => items.flatMap((i) => (i.kind === 'problem' ? [i.message.code] : extract(i.source, DEFAULT_CONTEXT).messages.map((m) => m.code)));

// A full collection before each sample, so that a sample counts the buffers still held, not garbage
// the collector has not got to yet (which made the measure depend on the machine's load).
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Runs `fn` while sampling the process's live off-heap buffers; the most they grew, in MB. */
async function peakBufferGrowthMB(fn: () => Promise<void>): Promise<number> {
  gc();
  const base = process.memoryUsage().arrayBuffers;
  let peak = base;
  const timer = setInterval(() => {
    gc();
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
  }, 50);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return (peak - base) / 1e6;
}

// A bomb: 80 MiB of newlines gzip to about 80 KB (deflate's ratio is about 1000:1).
const BOMB_BYTES = 80 * 1024 * 1024;
const bomb = gzipSync(Buffer.alloc(BOMB_BYTES, 0x0a), { level: 9 });

test('a JSONL gzip bomb is stopped while inflating (CC112); the records before it are kept', async () => {
  // Multi-member gzip: a good record, then the bomb, then a record that is never reached.
  const p = file('bomb.jsonl.gz', Buffer.concat([gzipSync(RECORD('before')), bomb, gzipSync(RECORD('after'))]));
  let items: ReadItem[] = [];
  // By the ratio guard (default limits) ...
  const grew = await peakBufferGrowthMB(async () => {
    items = await readAll([p]);
  });
  assert.deepEqual(sources(items).map((s) => s.record.id), ['before']);
  const m = items.find((i) => i.kind === 'problem');
  assert.equal(m?.kind === 'problem' && m.message.code, 'CC112');
  assert.ok(grew < 48, `inflated in bounded memory (grew ${grew.toFixed(0)} MB)`);
  // Stopped while inflating: fewer bytes inflated than the bomb holds (not a wall-clock bound,
  // which failed on a busy machine: 26 s with the load at 24).
  const inflated = Number(/\((\d+) bytes from/.exec(m?.kind === 'problem' ? m.message.reason : '')?.[1] ?? NaN);
  assert.ok(inflated < BOMB_BYTES, `stopped after ${inflated} of ${BOMB_BYTES} bytes`);
  // ... and by --max-decompressed, before the ratio guard would act.
  const small = await readAll([p], { maxDecompressed: 1024 * 1024 });
  assert.deepEqual(codes(small), ['CC112']);
  const stopped = small.find((i) => i.kind === 'problem');
  assert.match(stopped?.kind === 'problem' ? stopped.message.reason : '', /limit of 1048576 bytes/);
});

test('single-document .gz bombs (text, html, feed) are stopped at the size limit', async () => {
  for (const name of ['bomb.txt.gz', 'bomb.html.gz', 'bomb.rss.gz']) {
    const items = await readAll([file(name, bomb)]);
    assert.equal(items.length, 1, name);
    assert.ok(['CC105', 'CC112'].includes(codes(items)[0] ?? ''), `${name}: ${codes(items).join(',')}`);
  }
  assert.deepEqual(codes(await readAll([file('bomb2.txt.gz', bomb)], { maxDecompressed: 4096 })), ['CC112']);
});

function warcResponse(body: Buffer, encoding: string | null, uri: string): Buffer {
  const head = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n${encoding ? `Content-Encoding: ${encoding}\r\n` : ''}\r\n`;
  const http = Buffer.concat([Buffer.from(head), body]);
  return Buffer.concat([Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2025-03-03T00:00:00Z\r\nContent-Length: ${http.length}\r\n\r\n`), http, Buffer.from('\r\n\r\n')]);
}

test('a WARC record whose payload is a gzip bomb is skipped (CC112); the next record is read', async () => {
  const page = Buffer.from(`<html><body><article><h1>Crane collapses</h1><p>${BODY.split('\n')[2]}</p></article></body></html>`);
  const p = file('bomb.warc', Buffer.concat([warcResponse(bomb, 'gzip', 'http://example.com/bomb'), warcResponse(page, null, 'http://example.com/good')]));
  const items = await readAll([p]);
  assert.deepEqual(codes(items).filter((c) => c === 'CC112'), ['CC112']);
  assert.deepEqual(sources(items).map((s) => s.record.url), ['http://example.com/good']);
});

test('UTF-16 LE and BE, with and without a byte-order mark: text, HTML and JSONL', async () => {
  const le = (s: string): Buffer => Buffer.from(s, 'utf16le');
  const be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();
  const bom = (enc: 'le' | 'be'): Buffer => Buffer.from(enc === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  const html = `<html><head><title>Crane collapses</title></head><body><article><p>${BODY.split('\n')[2]}</p></article></body></html>`;
  for (const enc of ['le', 'be'] as const) {
    const encode = enc === 'le' ? le : be;
    for (const withBom of [true, false]) {
      const tag = `${enc}${withBom ? '-bom' : ''}`;
      const pre = withBom ? bom(enc) : Buffer.alloc(0);
      const text = await readAll([file(`u16-${tag}.txt`, Buffer.concat([pre, encode(BODY)]))]);
      assert.equal(sources(text)[0]?.raw, BODY, `text ${tag}`);
      assert.equal(codes(text).includes('CC114'), !withBom, `text ${tag}: CC114 only without a BOM`);
      const page = sources(await readAll([file(`u16-${tag}.html`, Buffer.concat([pre, encode(html)]))]))[0];
      assert.ok(page?.raw.includes('the port authority said'), `html ${tag}: ${JSON.stringify(page?.raw.slice(0, 60))}`);
      const jsonl = sources(await readAll([file(`u16-${tag}.jsonl`, Buffer.concat([pre, encode(RECORD('a') + RECORD('b'))]))]));
      assert.deepEqual(jsonl.map((s) => s.record.id), ['a', 'b'], `jsonl ${tag}`);
      // The same JSONL gzipped, and on standard input: decoded before its lines are split.
      const gz = sources(await readAll([file(`u16-${tag}.jsonl.gz`, gzipSync(Buffer.concat([pre, encode(RECORD('c') + RECORD('d'))])))]));
      assert.deepEqual(gz.map((s) => s.record.id), ['c', 'd'], `jsonl.gz ${tag}`);
      const stdin = sources(await readAll(['-'], { stdin: Readable.from([Buffer.concat([pre, encode(RECORD('e') + RECORD('f'))])]) }));
      assert.deepEqual(stdin.map((s) => s.record.id), ['e', 'f'], `stdin ${tag}`);
      assert.equal(stdin[0]?.raw, BODY.replace('Monday', 'Monday (e)'), `stdin ${tag}: the text decoded`);
    }
  }
});

test('Windows-1252 and Latin-1 bytes labelled UTF-8 (or not labelled) are read with a warning', async () => {
  const cp = Buffer.from('<html><head><meta charset="utf-8"><title>Caf\xe9 reopens</title></head><body><article><p>The caf\xe9 owner said the quay reopened on Friday after repairs, \x93at last\x94, and that the harbour\x92s crane was gone.</p></article></body></html>', 'latin1');
  const page = await readAll([file('cp1252-as-utf8.html', cp)]);
  assert.ok(codes(page).includes('CC121'));
  const raw = sources(page)[0]?.raw ?? '';
  assert.ok(raw.includes('café owner') && raw.includes('\u201Cat last\u201D') && raw.includes('harbour\u2019s'), raw);
  // The other way round: UTF-8 bytes on a page that says Latin-1 are read as UTF-8.
  const utf8 = await readAll([file('utf8-as-latin1.html', Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><article><p>The café owner said the quay reopened on Friday after repairs, “at last”, and that the harbour’s crane was gone.</p></article></body></html>', 'utf8'))]);
  assert.ok(codes(utf8).includes('CC121'));
  assert.ok(sources(utf8)[0]?.raw.includes('café owner said'));
  const text = await readAll([file('latin1.txt', Buffer.from('Caf\xe9 reopens\n\nThe caf\xe9 owner said the quay reopened on Friday, \xab enfin \xbb.\n', 'latin1'))]);
  assert.ok(codes(text).includes('CC103'));
  assert.ok(sources(text)[0]?.raw.includes('café owner said'));
  const jsonl = await readAll([file('latin1.jsonl', Buffer.concat([Buffer.from(RECORD('u')), Buffer.from('{"id":"l","text":"Caf\xe9 owner said the quay reopened."}\n', 'latin1')]))]);
  assert.deepEqual(sources(jsonl).map((s) => s.record.id), ['u', 'l']);
  assert.ok(sources(jsonl)[1]?.raw.includes('Café'));
});

test('stray NUL bytes in a text are removed with CC206; a file full of them is binary (CC102)', async () => {
  const items = await readAll([file('nul.txt', BODY.replace('quay on', 'qu\0ay\0 on'))]);
  const source = sources(items)[0];
  assert.ok(source, `read, not refused: ${codes(items).join(',')}`);
  const article = processSource(source);
  assert.ok(!article.text.includes('\0'));
  assert.ok(article.messages.some((m) => m.code === 'CC206'));
  assert.deepEqual(codes(await readAll([file('nuls.txt', Buffer.from(BODY.replace(/ /g, '\0\0\0')))])), ['CC102']);
});

test('a 50 MB JSONL line is refused with its position, in bounded memory; the other lines are read', async () => {
  // From a file: the position and the rest of the file.
  const p = join(dir, 'long-line.jsonl');
  const fd = openSync(p, 'w');
  writeSync(fd, RECORD('first'));
  writeSync(fd, '{"id":"huge","text":"');
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  for (let i = 0; i < 50; i++) writeSync(fd, chunk);
  writeSync(fd, '"}\n');
  writeSync(fd, RECORD('last'));
  closeSync(fd);
  const items = await readAll([p]);
  assert.deepEqual(sources(items).map((s) => s.record.id), ['first', 'last']);
  const refused = items.find((i) => i.kind === 'problem');
  assert.ok(refused?.kind === 'problem');
  assert.equal(refused.message.code, 'CC105');
  assert.equal(refused.message.uri, `${p}:2`);
  // The memory, measured as the reader pulls each fresh 1 MB chunk of the line (after a full
  // collection, so only what is still held counts): it must stay near the 8 MB limit, not grow to 50.
  let peak = 0;
  async function* line(): AsyncGenerator<Buffer> {
    yield Buffer.from(RECORD('first') + '{"id":"huge","text":"');
    gc();
    const base = process.memoryUsage().arrayBuffers;
    for (let i = 0; i < 50; i++) {
      yield Buffer.alloc(1024 * 1024, 'a');
      gc();
      peak = Math.max(peak, process.memoryUsage().arrayBuffers - base);
    }
    yield Buffer.from('"}\n' + RECORD('last'));
  }
  const streamed: ReadItem[] = [];
  for await (const item of readJsonlStream(line(), 'stream', DEFAULT_CONTEXT.maxBytes)) streamed.push(item);
  assert.deepEqual(codes(streamed), ['CC105']);
  assert.deepEqual(sources(streamed).map((s) => s.record.id), ['first', 'last']);
  assert.ok(peak / 1e6 < 20, `a line over the limit is not held (held ${(peak / 1e6).toFixed(0)} MB of it)`);
});

test('100,000 nested elements: a feed is cut with CC113, a page with CC223, JSON with CC106/CC107; cost grows linearly', async () => {
  const deep = '<x>'.repeat(100_000);
  const feed = await readAll([file('deep.rss', `<rss><channel><title>T</title><item><title>ok</title><description>${BODY}</description></item>${deep}<item><title>lost</title></item></channel></rss>`)]);
  assert.deepEqual(sources(feed).map((s) => s.record.title), ['ok']);
  assert.ok(codes(feed).includes('CC113'));
  const page = await readAll([file('deep.html', `<html><body>${'<div>'.repeat(100_000)}<p>${BODY}</p></body></html>`)]);
  assert.ok(extractedCodes(page).includes('CC223') || extractedCodes(page).includes('CC220'), extractedCodes(page).join(','));
  const json = await readAll([file('deep.jsonl', '['.repeat(100_000) + ']'.repeat(100_000) + '\n' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000) + '\n' + RECORD('ok'))]);
  assert.deepEqual(sources(json).map((s) => s.record.id), ['ok']);
  // JSON.parse takes 100,000 levels: both lines parse, and neither is a record with a text.
  assert.deepEqual(codes(json), ['CC107', 'CC107']);
  // 10x the depth, under 30x the time (a wall-clock bound failed on a busy machine).
  const nested = async (depth: number): Promise<void> => {
    await readAll([file('grow.rss', `<rss><channel><item><title>ok</title><description>${BODY}</description></item>${'<x>'.repeat(depth)}</channel></rss>`)]);
    extractedCodes(await readAll([file('grow.html', `<html><body>${'<div>'.repeat(depth)}<p>${BODY}</p></body></html>`)]));
    await readAll([file('grow.jsonl', '['.repeat(depth) + ']'.repeat(depth) + '\n' + RECORD('ok'))]);
  };
  const g = await growthAsync(nested, 10_000, 100_000, { runs: 1 });
  assert.ok(g.ratio < 30, g.text);
});

test('entity expansion (billion laughs) is never expanded, in feeds or pages', async () => {
  const dtd = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
  const feed = `<?xml version="1.0"?>${dtd}<rss><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9; ${BODY}</description></item></channel></rss>`;
  const page = `${dtd}<html><body><article><p>&lol9; ${BODY}</p></article></body></html>`;
  for (const [name, data] of [['lol.rss', feed], ['lol.html', page]] as const) {
    const items = await readAll([file(name, data)]);
    // What is kept: a feed item's content as read, a page's text as extracted (its raw input is the page).
    const raw = sources(items).map((s) => (s.markup === 'html' && s.format === 'html' ? extract(s, DEFAULT_CONTEXT).text : s.raw)).join('');
    assert.ok(raw.length < data.length, `${name}: ${raw.length} chars from ${data.length}`);
    assert.ok(!raw.includes('lollol'), `${name}: an entity was expanded`);
  }
  // Nothing of an unexpanded reference is stored (issue 19: an article titled "&lol9;"), and the
  // feed says why; an item made only of references is not stored.
  const only = `<?xml version="1.0"?>${dtd}<rss><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item><item><title>&lol9;</title><description>&lol9; ${BODY}</description></item></channel></rss>`;
  const items = await readAll([file('lol-only.rss', only)]);
  assert.deepEqual(codes(items), ['CC116', 'CC220']);
  const stored = sources(items);
  assert.equal(stored.length, 1);
  for (const s of stored) {
    assert.doesNotMatch(`${s.raw} ${s.record.title ?? ''} ${s.record.outlet ?? ''}`, /&lol/, 'no unexpanded reference stored');
  }
});

test('malformed JSON, feeds and WARC records give coded messages and the rest is read', async () => {
  const jsonl = await readAll([file('bad.jsonl', ['{"id":"x","text":', '{"id":1}', 'nul\0l', '"just a string"', RECORD('good')].join('\n'))]);
  assert.deepEqual(sources(jsonl).map((s) => s.record.id), ['good']);
  assert.deepEqual(codes(jsonl).filter((c) => c !== 'CC108'), ['CC106', 'CC107', 'CC106', 'CC107']);
  assert.deepEqual(codes(await readAll([file('bad.rss', '<rss><channel><item><title>unclosed')])), ['CC220']);
  assert.deepEqual(codes(await readAll([file('notfeed.xml', '<?xml version="1.0"?><catalog><book/></catalog>')])), ['CC122']);
  const page = Buffer.from(`<html><body><article><p>${BODY.split('\n')[2]}</p></article></body></html>`);
  const warc = await readAll([file('bad.warc', Buffer.concat([Buffer.from('WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\njunk\r\n\r\n'), warcResponse(page, null, 'http://example.com/ok'), Buffer.from('WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ncut')]))]);
  assert.deepEqual(sources(warc).map((s) => s.record.url), ['http://example.com/ok']);
  assert.deepEqual(codes(warc).filter((c) => c === 'CC123'), ['CC123', 'CC123']);
});
