/**
 * gzip damage (issue 19, defect 2): every record that inflated is kept, as `gzip -d` keeps it.
 * Bytes after the last member are a warning (CC115); a stream cut short is CC120 after all the
 * records it held; a single document cut short is not stored (its end is missing).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gzipSync, gunzipSync } from 'node:zlib';
import { readInputs, type ReadItem } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-gzip-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const record = (i: number): string => JSON.stringify({ id: `r${i}`, text: `The harbour board met on Monday to talk about item ${i} of the north quay plan.${' More words.'.repeat(i % 37)}` }) + '\n';
const records = (n: number): string => Array.from({ length: n }, (_, i) => record(i)).join('');

async function read(name: string, bytes: Buffer): Promise<ReadItem[]> {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  const out: ReadItem[] = [];
  for await (const item of readInputs([p], { maxBytes: 10_000_000 })) out.push(item);
  return out;
}
const sourceCount = (items: ReadItem[]): number => items.filter((i) => i.kind === 'source').length;
const problemCodes = (items: ReadItem[]): string[] => items.flatMap((i) => (i.kind === 'problem' ? [i.message.code] : []));

test('a .jsonl.gz followed by junk keeps every record, with a CC115 warning (was: 0 of 5, and 7 lost of 3,000)', async () => {
  for (const n of [5, 1000]) {
    for (const junk of [Buffer.from('garbage after the member'), Buffer.from([0x1f, 0x8b, 0x09, 0x00]), Buffer.from('PK\x03\x04')]) {
      const items = await read(`junk-${n}.jsonl.gz`, Buffer.concat([gzipSync(records(n)), junk]));
      assert.equal(sourceCount(items), n, `${n} records, junk ${junk.subarray(0, 4).toString('hex')}`);
      assert.deepEqual(problemCodes(items), ['CC115']);
      const warning = items.find((i) => i.kind === 'problem');
      assert.equal(warning?.kind === 'problem' && warning.message.severity, 'warning');
    }
  }
});

test('a .jsonl.gz cut short keeps every record gzip -d recovers, then CC120', async () => {
  const whole = gzipSync(records(3000));
  for (const cut of [100, Math.floor(whole.length / 2), whole.length - 3]) {
    const bytes = whole.subarray(0, whole.length - cut);
    // What a tolerant inflater gets out of the same bytes: its complete lines.
    const recoverable = gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8').split('\n').length - 1;
    const items = await read('cut.jsonl.gz', bytes);
    assert.ok(sourceCount(items) >= recoverable, `cut ${cut}: ${sourceCount(items)} records, ${recoverable} recoverable`);
    assert.deepEqual(problemCodes(items).slice(-1), ['CC120']);
  }
});

test('a multi-member .jsonl.gz with a damaged second member keeps the first member whole', async () => {
  const second = gzipSync(records(50));
  second[20] = second[20]! ^ 0xff;
  second[21] = second[21]! ^ 0xff;
  const items = await read('damaged.jsonl.gz', Buffer.concat([gzipSync(records(40)), second]));
  assert.ok(sourceCount(items) >= 40, `${sourceCount(items)} records`);
  assert.deepEqual(problemCodes(items).slice(-1), ['CC120']);
});

const PAGE = `<html><head><title>Quay plan agreed</title></head><body><article>${Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i} of the report: the harbour board agreed on Monday to rebuild the north quay before the winter storms.</p>`).join('')}</article></body></html>`;

test('a truncated .html.gz is reported (CC120) and not stored; junk after a whole page is a warning', async () => {
  const gz = gzipSync(PAGE);
  for (const keep of [gz.length - 4, Math.floor(gz.length / 2)]) {
    const items = await read('cut.html.gz', gz.subarray(0, keep));
    assert.deepEqual(items.map((i) => (i.kind === 'problem' ? i.message.code : 'source')), ['CC120'], `kept ${keep} of ${gz.length}`);
  }
  const items = await read('junk.html.gz', Buffer.concat([gz, Buffer.from('\n\n-- signature --\n')]));
  assert.deepEqual(items.map((i) => (i.kind === 'problem' ? i.message.code : 'source')), ['CC115', 'source']);
});
