import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { readInputs, type ReadItem, type ReadOptions } from './index.js';

const SEEDS = fileURLToPath(new URL('../../../shared/corpus/seeds/', import.meta.url));
const ARTICLE = 'A headline\n\nThe council voted on Monday to build a second bridge.\n';
let dir = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-read-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
}

async function readAll(inputs: string[], options: Partial<ReadOptions> = {}): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readInputs(inputs, { maxBytes: 1024 * 1024, ...options })) out.push(item);
  return out;
}

function codes(items: ReadItem[]): string[] {
  return items.map((i) => (i.kind === 'source' ? 'source' : i.message.code));
}

test('a text file is one source record, uri as given', async () => {
  const p = file('a.txt', ARTICLE);
  const items = await readAll([p]);
  assert.deepEqual(codes(items), ['source']);
  const s = items[0]!.kind === 'source' ? items[0]!.source : null;
  assert.ok(s);
  assert.equal(s.uri, p);
  assert.equal(s.format, 'text');
  assert.equal(s.raw, ARTICLE);
  assert.deepEqual(s.messages, []);
});

test('the seeds are read as text', async () => {
  const items = await readAll([join(SEEDS, '000_095b28c4d977072b.txt'), join(SEEDS, '004_9f62991a42b9fc4b.txt')]);
  assert.deepEqual(codes(items), ['source', 'source']);
});

test('CC100 missing path; the batch goes on', async () => {
  const good = file('good.txt', ARTICLE);
  const items = await readAll([join(dir, 'nope.txt'), good]);
  assert.deepEqual(codes(items), ['CC100', 'source']);
  const m = items[0]!.kind === 'problem' ? items[0]!.message : null;
  assert.ok(m && m.reason.includes('nope.txt') && m.hint.length > 0 && m.uri?.endsWith('nope.txt'));
});

test('CC101 not a regular file', async () => {
  assert.deepEqual(codes(await readAll(['/dev/null'])), ['CC101']);
});

test('CC102 binary: NUL bytes, or many control bytes', async () => {
  const nul = file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]));
  const ctl = file('ctl.txt', Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))));
  assert.deepEqual(codes(await readAll([nul, ctl])), ['CC102', 'CC102']);
  assert.deepEqual(codes(await readAll([file('bin.jsonl', Buffer.from([0x7b, 0x00, 0x00, 0x01]))])), ['CC102']);
});

test('CC103 invalid UTF-8 is read as Windows-1252 with a warning on the record', async () => {
  const p = file('latin.txt', Buffer.from([...Buffer.from('Caf'), 0xe9, 0x20, 0x93, 0x71, 0x94, ...Buffer.from(' and more text\n')]));
  const items = await readAll([p]);
  assert.equal(items[0]!.kind, 'source');
  if (items[0]!.kind !== 'source') return;
  assert.equal(items[0]!.source.raw, 'Café “q” and more text\n');
  assert.deepEqual(items[0]!.source.messages.map((m) => [m.code, m.severity]), [['CC103', 'warning']]);
});

test('BOMs: UTF-8 stripped, UTF-16 LE and BE decoded', async () => {
  const u8 = file('bom8.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)]));
  const le = file('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]));
  const beBody = Buffer.from(ARTICLE, 'utf16le').swap16();
  const be = file('be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), beBody]));
  const items = await readAll([u8, le, be]);
  assert.deepEqual(items.map((i) => (i.kind === 'source' ? i.source.raw : i.message.code)), [ARTICLE, ARTICLE, ARTICLE]);
});

test('CC104 empty or whitespace-only', async () => {
  assert.deepEqual(codes(await readAll([file('empty.txt', ''), file('ws.txt', ' \n\t\n'), file('empty.jsonl', ''), file('blank.jsonl', '\n\n')])), ['CC104', 'CC104', 'CC104', 'CC104']);
});

test('CC105 larger than maxBytes, checked before reading', async () => {
  const p = file('big.txt', 'x'.repeat(2000));
  assert.deepEqual(codes(await readAll([p], { maxBytes: 1000 })), ['CC105']);
  // A real 50 MB file (sparse: made with truncate, never written or read into memory).
  const huge = join(dir, 'huge.txt');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  const heapBefore = process.memoryUsage().rss;
  const items = await readAll([huge], { maxBytes: 8 * 1024 * 1024 });
  assert.deepEqual(codes(items), ['CC105']);
  assert.ok(process.memoryUsage().rss - heapBefore < 40 * 1024 * 1024, 'the 50 MB file was not loaded');
});

test('JSONL: good and bad lines in one file; bad ones reported with line numbers, good ones read', async () => {
  const lines = [
    JSON.stringify({ id: 'a1', text: 'First article text.', url: 'https://www.example.com/x', outlet: 'Example', title: 'T1', byline: 'Jane Doe', publishedAt: '2017-11-02' }),
    '',
    '{"text": "broken',
    JSON.stringify({ title: 'no text here' }),
    JSON.stringify({ text: 42 }),
    JSON.stringify({ text: '   ' }),
    '[1, 2, 3]',
    JSON.stringify({ text: 'Third article.', byline: 7, title: null }),
    'x'.repeat(300),
    JSON.stringify({ text: 'Last article, no newline at the end.' }),
  ];
  const p = file('mixed.jsonl', lines.join('\n'));
  const items = await readAll([p], { maxBytes: 200 });
  assert.deepEqual(codes(items), ['source', 'CC106', 'CC107', 'CC107', 'CC107', 'CC107', 'source', 'CC105', 'source']);
  const first = items[0]!.kind === 'source' ? items[0]!.source : null;
  assert.ok(first);
  assert.equal(first.uri, `${p}:1`);
  assert.equal(first.format, 'jsonl');
  assert.equal(first.raw, 'First article text.');
  assert.deepEqual(first.record, { id: 'a1', url: 'https://www.example.com/x', outlet: 'Example', title: 'T1', byline: 'Jane Doe', publishedAt: '2017-11-02' });
  const bad = items[1]!.kind === 'problem' ? items[1]!.message : null;
  assert.ok(bad && bad.uri === `${p}:3` && bad.reason.includes('line 3') && /JSON|Unterminated|Unexpected/.test(bad.reason));
  const third = items[6]!.kind === 'source' ? items[6]!.source : null;
  assert.ok(third);
  assert.equal(third.uri, `${p}:8`);
  assert.deepEqual(third.record, {});
  assert.deepEqual(third.messages.map((m) => m.code), ['CC108']);
  assert.ok(third.messages[0]!.reason.includes('byline'));
  const oversize = items[7]!.kind === 'problem' ? items[7]!.message : null;
  assert.equal(oversize?.uri, `${p}:9`);
});

test('JSONL is streamed: CRLF line ends, a BOM, and invalid UTF-8 on one line', async () => {
  const bytes = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from('{"text":"one"}\r\n'),
    Buffer.from('{"text":"caf'),
    Buffer.from([0xe9]),
    Buffer.from('"}\r\n'),
  ]);
  const items = await readAll([file('crlf.ndjson', bytes)]);
  assert.deepEqual(items.map((i) => (i.kind === 'source' ? [i.source.raw, i.source.messages.map((m) => m.code)] : i.message.code)), [
    ['one', []],
    ['café', ['CC103']],
  ]);
});

test('--format jsonl reads a .txt file as JSONL; --format text reads a .jsonl file whole', async () => {
  const p = file('records.txt', '{"text":"a"}\n{"text":"b"}\n');
  assert.deepEqual(codes(await readAll([p], { format: 'jsonl' })), ['source', 'source']);
  const q = file('whole.jsonl', '{"text":"a"}\n');
  const items = await readAll([q], { format: 'text' });
  assert.equal(items[0]!.kind === 'source' && items[0]!.source.format, 'text');
});

test('unknown extension: sniffed; text is read, binary is CC109', async () => {
  const txt = file('story.html', 'Just text in an html-named file\n\nSecond paragraph.\n');
  const bin = file('photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));
  assert.deepEqual(codes(await readAll([txt, bin])), ['source', 'CC109']);
});

test('directories: recursive, sorted, hidden and unknown files skipped', async () => {
  const d = join(dir, 'tree');
  file('tree/b.txt', ARTICLE + 'b');
  file('tree/a.md', ARTICLE + 'a');
  file('tree/sub/c.text', ARTICLE + 'c');
  file('tree/sub/d.jsonl', '{"text":"d"}\n');
  file('tree/.hidden.txt', 'hidden');
  file('tree/.git/config.txt', 'hidden dir');
  file('tree/image.png', Buffer.from([0, 1, 2]));
  file('tree/notes.pdf', 'skipped in a directory');
  const items = await readAll([d]);
  assert.deepEqual(items.map((i) => (i.kind === 'source' ? i.source.uri.slice(d.length + 1) : i.message.code)), ['a.md', 'b.txt', 'sub/c.text', 'sub/d.jsonl:1']);
});

test('CC110: a directory with no readable article files', async () => {
  const d = join(dir, 'nothing');
  file('nothing/image.png', Buffer.from([0, 1, 2]));
  file('nothing/.hidden.txt', 'x');
  const items = await readAll([d]);
  assert.deepEqual(codes(items), ['CC110']);
  const e = join(dir, 'allbad');
  file('allbad/empty.txt', '');
  assert.deepEqual(codes(await readAll([e])), ['CC104', 'CC110']);
});

test('stdin: one text article', async () => {
  const items = await readAll(['-'], { stdin: Readable.from([Buffer.from('A headline\n\n'), Buffer.from('Body text.\n')]) });
  assert.deepEqual(items.map((i) => (i.kind === 'source' ? [i.source.uri, i.source.format, i.source.raw] : i.message.code)), [['stdin', 'text', 'A headline\n\nBody text.\n']]);
});

test('stdin: JSONL sniffed when every non-empty line starts with "{"', async () => {
  const items = await readAll(['-'], { stdin: Readable.from(['{"text":"one"}\n\n{"text":', '"two"}\n', '{bad\n']) });
  assert.deepEqual(items.map((i) => (i.kind === 'source' ? [i.source.uri, i.source.raw] : [i.message.code, i.message.uri])), [
    ['stdin:1', 'one'],
    ['stdin:3', 'two'],
    ['CC106', 'stdin:4'],
  ]);
  // A text whose first line happens to start with "{" but whose other lines do not stays text.
  const text = await readAll(['-'], { stdin: Readable.from(['{Editor’s note} A headline\nBody text.\n']) });
  assert.deepEqual(codes(text), ['source']);
  assert.equal(text[0]!.kind === 'source' && text[0]!.source.format, 'text');
});

test('stdin: empty, binary and oversize', async () => {
  assert.deepEqual(codes(await readAll(['-'], { stdin: Readable.from([]) })), ['CC104']);
  assert.deepEqual(codes(await readAll(['-'], { stdin: Readable.from([Buffer.from([0, 0, 0, 1])]) })), ['CC102']);
  assert.deepEqual(codes(await readAll(['-'], { stdin: Readable.from([Buffer.from('x'.repeat(500))]), maxBytes: 100 })), ['CC105']);
});
