/**
 * WARC records that lie (issue 19, defect 8, and the hostile batch): a Content-Length of 10^15
 * (or just past the end) no longer swallows the records after it, and a compressed payload cut
 * short is reported, never stored as a garbage article.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readInputs, type ReadItem } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-warc-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const page = (title: string): Buffer =>
  Buffer.from(`<html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>The harbour board agreed on Monday to rebuild the north quay before the winter storms, its chair said after a long meeting.</p><p>Work starts in March, the board said.</p></article></body></html>`);

function record(uri: string, body: Buffer, options: { length?: number; encoding?: string; type?: string } = {}): Buffer {
  const http = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n${options.encoding ? `Content-Encoding: ${options.encoding}\r\n` : ''}\r\n`), body]);
  const head = `WARC/1.0\r\nWARC-Type: ${options.type ?? 'response'}\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2025-03-03T00:00:00Z\r\nContent-Length: ${options.length ?? http.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), http, Buffer.from('\r\n\r\n')]);
}

async function read(name: string, bytes: Buffer, maxBytes = 1_000_000): Promise<ReadItem[]> {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  const out: ReadItem[] = [];
  for await (const item of readInputs([p], { maxBytes })) out.push(item);
  return out;
}
const urls = (items: ReadItem[]): (string | null)[] => items.flatMap((i) => (i.kind === 'source' ? [i.source.record.url ?? null] : []));
const codes = (items: ReadItem[]): string[] => items.flatMap((i) => (i.kind === 'problem' ? [i.message.code] : []));

test('a record with Content-Length 10^15 does not swallow the records after it (was: all lost, no message)', async () => {
  for (const type of ['response', 'metadata']) {
    const bytes = Buffer.concat([record('http://a.example/1', page('One')), record('http://a.example/liar', page('Liar'), { length: 1e15, type }), record('http://a.example/2', page('Two')), record('http://a.example/3', page('Three'))]);
    for (const name of [`liar-${type}.warc`, `liar-${type}.warc.gz`]) {
      const items = await read(name, name.endsWith('.gz') ? gzipSync(bytes) : bytes);
      assert.deepEqual(urls(items), ['http://a.example/1', 'http://a.example/2', 'http://a.example/3'], name);
      assert.deepEqual(codes(items), ['CC123'], name);
    }
  }
});

test('a length a little past the end, under the size limit: the next records are read too', async () => {
  const liar = record('http://a.example/liar', page('Liar'), { length: 5000 });
  const items = await read('short-liar.warc', Buffer.concat([liar, record('http://a.example/2', page('Two'))]));
  assert.deepEqual(urls(items), ['http://a.example/2']);
  assert.deepEqual(codes(items), ['CC123']);
});

test('a true over-limit record that holds "WARC/1." in its payload is skipped whole (CC105), the next read', async () => {
  const big = Buffer.concat([page('Big'), Buffer.from('\nWARC/1.0\r\nWARC-Type: response\r\nContent-Length: 3\r\n\r\nabc\n'), Buffer.alloc(20_000, 0x20)]);
  const items = await read('big.warc', Buffer.concat([record('http://a.example/big', big), record('http://a.example/2', page('Two'))]), 10_000);
  assert.deepEqual(urls(items), ['http://a.example/2']);
  assert.deepEqual(codes(items), ['CC105']);
});

test('a gzip payload cut short is CC120, not stored as its compressed bytes; a plain payload labelled gzip is read', async () => {
  const gz = gzipSync(page('Cut'));
  const items = await read('cut-payload.warc', Buffer.concat([record('http://a.example/cut', gz.subarray(0, gz.length - 30), { encoding: 'gzip' }), record('http://a.example/plain', page('Plain'), { encoding: 'gzip' })]));
  assert.deepEqual(urls(items), ['http://a.example/plain']);
  assert.deepEqual(codes(items), ['CC120']);
});
