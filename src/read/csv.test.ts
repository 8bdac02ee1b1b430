import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { CSVParser, parseCSV, parseCSVStream, toRecords } from './csv.js';

const FNC1_BODIES = new URL('../../../shared/data/fnc1/train_bodies.csv', import.meta.url);

/** Feeds `text` to a fresh parser in pieces of `size` characters. */
function parseInPieces(text: string, size: number): string[][] {
  const parser = new CSVParser();
  const rows: string[][] = [];
  for (let i = 0; i < text.length; i += size) rows.push(...parser.push(text.slice(i, i + size)));
  rows.push(...parser.end());
  return rows;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test('plain fields and rows, with or without a final line break', () => {
  assert.deepEqual(parseCSV('a,b,c\n1,2,3\n'), [['a', 'b', 'c'], ['1', '2', '3']]);
  assert.deepEqual(parseCSV('a,b,c\n1,2,3'), [['a', 'b', 'c'], ['1', '2', '3']]);
  assert.deepEqual(parseCSV(''), []);
});

test('empty fields, including a trailing one', () => {
  assert.deepEqual(parseCSV(',a,,\n'), [['', 'a', '', '']]);
  assert.deepEqual(parseCSV('a,\n'), [['a', '']]);
  assert.deepEqual(parseCSV('""\n'), [['']]);
});

test('quoted fields hold commas, doubled quotes and line breaks', () => {
  const text = 'id,body\r\n1,"Hello, world"\r\n2,"She said ""no"".\r\nThen left."\r\n3,""""\r\n';
  assert.deepEqual(parseCSV(text), [
    ['id', 'body'],
    ['1', 'Hello, world'],
    ['2', 'She said "no".\r\nThen left.'],
    ['3', '"'],
  ]);
});

test('CRLF, LF and lone CR all end a row; a blank line in the middle is one empty field', () => {
  assert.deepEqual(parseCSV('a\r\nb\nc\rd'), [['a'], ['b'], ['c'], ['d']]);
  assert.deepEqual(parseCSV('a\n\nb\n'), [['a'], [''], ['b']]);
});

test('lenient where real files break the RFC', () => {
  assert.deepEqual(parseCSV('5" screen,x\n'), [['5" screen', 'x']]);
  assert.deepEqual(parseCSV('"a"b,c\n'), [['ab', 'c']]);
  const parser = new CSVParser();
  const rows = [...parser.push('1,"never closed\nstill inside'), ...parser.end()];
  assert.deepEqual(rows, [['1', 'never closed\nstill inside']]);
  assert.equal(parser.unterminated, true);
});

test('a byte order mark at the start is dropped', () => {
  assert.deepEqual(parseCSV('\uFEFFa,b\n'), [['a', 'b']]);
});

test('the same rows whatever the chunk boundaries (split CRLF, split doubled quote)', () => {
  const text = 'h1,h2\r\n"x, ""y""\r\nz",plain\r\n"",last\r\n,\r\n"end"';
  const whole = parseCSV(text);
  for (let size = 1; size <= text.length; size++) assert.deepEqual(parseInPieces(text, size), whole, `pieces of ${size}`);
});

test('parseCSVStream decodes bytes, a character split across chunks included', async () => {
  const bytes = Buffer.from('name,city\n"Zoë","Saint-Étienne, FR"\n', 'utf8');
  const split = bytes.indexOf(0xc3) + 1; // inside the two bytes of "ë"
  const rows = await collect(parseCSVStream(Readable.from([bytes.subarray(0, split), bytes.subarray(split)])));
  assert.deepEqual(rows, [['name', 'city'], ['Zoë', 'Saint-Étienne, FR']]);
  assert.deepEqual(await collect(parseCSVStream(Readable.from(['a,"b\n', 'c"\n'], { objectMode: true }))), [['a', 'b\nc']]);
});

test('toRecords keys rows by the header', () => {
  assert.deepEqual(toRecords(parseCSV('id,body\n1,hi\n2\n')), [{ id: '1', body: 'hi' }, { id: '2', body: '' }]);
  assert.deepEqual(toRecords([]), []);
});

test('FNC-1 train_bodies.csv: 1,683 bodies, line breaks inside quotes', { skip: !existsSync(FNC1_BODIES) && 'FNC-1 data not found in ../shared/data/fnc1' }, async () => {
  const text = readFileSync(FNC1_BODIES, 'utf8');
  const rows = parseCSV(text);
  assert.deepEqual(rows[0], ['Body ID', 'articleBody']);
  const bodies = toRecords(rows);
  assert.equal(bodies.length, 1683);
  assert.ok(rows.every((r) => r.length === 2), 'every row has two fields');
  assert.equal(new Set(bodies.map((b) => b['Body ID'])).size, 1683, 'body ids are unique');
  assert.equal(bodies[0]?.['Body ID'], '0');
  assert.match(bodies[0]?.articleBody ?? '', /^A small meteorite crashed into a wooded area in Nicaragua's capital/);
  assert.match(bodies[0]?.articleBody ?? '', /\n/, 'the first body has line breaks inside its quotes');
  assert.match(bodies[0]?.articleBody ?? '', /a "relatively small" meteorite/, 'doubled quotes read as one');
  assert.equal(bodies.at(-1)?.['Body ID'], '2532');
  assert.equal(bodies.reduce((n, b) => n + (b.articleBody ?? '').length, 0), 3_705_768, 'total body length in UTF-16 units, as Python csv reads it');

  // Streamed from disk in small chunks: the same rows.
  const streamed = await collect(parseCSVStream(createReadStream(FNC1_BODIES, { highWaterMark: 4096 })));
  assert.deepEqual(streamed, rows);
});
