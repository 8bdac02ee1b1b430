import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLines } from './lines.js';

async function* chunks(parts: (string | Buffer)[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield typeof p === 'string' ? Buffer.from(p) : p;
}

test('lines split across chunks, CRLF stripped, last line without newline', async () => {
  const out: string[] = [];
  for await (const l of splitLines(chunks(['ab', 'c\r', '\nde', 'f\n\ngh']), 100)) out.push(`${l.number}:${l.bytes.toString()}`);
  assert.deepEqual(out, ['1:abc', '2:def', '3:', '4:gh']);
});

test('an oversize line is dropped as it streams past, in bounded memory', async () => {
  const mb = Buffer.alloc(1024 * 1024, 0x61);
  async function* huge(): AsyncGenerator<Buffer> {
    yield Buffer.from('{"text":"first"}\n');
    for (let i = 0; i < 200; i++) yield mb; // a 200 MB line
    yield Buffer.from('\n{"text":"last"}\n');
  }
  const rss = process.memoryUsage().rss;
  const out: { number: number; oversize: boolean; length: number }[] = [];
  for await (const l of splitLines(huge(), 1024)) out.push({ number: l.number, oversize: l.oversize, length: l.length });
  assert.deepEqual(out, [
    { number: 1, oversize: false, length: 16 },
    { number: 2, oversize: true, length: 200 * 1024 * 1024 },
    { number: 3, oversize: false, length: 15 },
  ]);
  assert.ok(process.memoryUsage().rss - rss < 100 * 1024 * 1024);
});
