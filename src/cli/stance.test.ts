import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.js';
import { parseCSV } from '../read/csv.js';
import type { CliIO } from './io.js';

function memoryIO(): CliIO & { out: string; err: string } {
  const io = { out: '', err: '', stdout: { write: (s: string) => (io.out += s) }, stderr: { write: (s: string) => (io.err += s) } };
  return io;
}

// Invented pairs: headlines with commas, quotes and a line break must come back CSV-quoted, in order.
const STANCES = [
  'Headline,Body ID,Stance',
  '"Council votes to close library, mayor says",10,agree',
  'Kangaroo seen in park,20,unrelated',
  '"Mayor: ""no vote"" on library\nclosure",10,disagree',
  'Library story,99,discuss',
].join('\r\n');
const BODIES = [
  'Body ID,articleBody',
  '10,"The town council voted on Tuesday to close the library, the mayor confirmed. ""It is closing,"" she said."',
  '20,A white kangaroo was seen in a park in Queensland. Rangers took photos.',
].join('\n');

test('crosscheck stance writes Headline,Body ID,Stance in row order with CSV quoting', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-stance-'));
  writeFileSync(join(dir, 's.csv'), STANCES);
  writeFileSync(join(dir, 'b.csv'), BODIES);
  const io = memoryIO();
  const code = await main(['stance', '--stances', join(dir, 's.csv'), '--bodies', join(dir, 'b.csv')], io);
  assert.equal(code, 0);
  const rows = parseCSV(io.out).filter((r) => r.length > 1);
  assert.deepEqual(rows[0], ['Headline', 'Body ID', 'Stance']);
  assert.deepEqual(rows.slice(1).map((r) => [r[0], r[1]]), [
    ['Council votes to close library, mayor says', '10'],
    ['Kangaroo seen in park', '20'],
    ['Mayor: "no vote" on library\nclosure', '10'],
    ['Library story', '99'],
  ]);
  for (const r of rows.slice(1)) assert.ok(['agree', 'disagree', 'discuss', 'unrelated'].includes(r[2] ?? ''));
  assert.equal(rows[4]?.[2], 'unrelated');
  assert.match(io.err, /CC802/);
  assert.ok(io.out.includes('"Council votes to close library, mayor says",10,'));
});

test('crosscheck stance without files is a usage error; a missing file is CC100', async () => {
  const io = memoryIO();
  assert.equal(await main(['stance', '--stances', 'x.csv'], io), 64);
  const io2 = memoryIO();
  assert.equal(await main(['stance', '--stances', '/nonexistent/s.csv', '--bodies', '/nonexistent/b.csv'], io2), 2);
  assert.match(io2.err, /CC100/);
});
