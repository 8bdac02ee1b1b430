/**
 * `crosscheck ingest` prints the warnings `extract` prints (issue 19: a file that is not valid
 * UTF-8 and was read as Windows-1252 was CC103 in extract, silent in ingest), and a warning about
 * an input is not a failed record (exit 0, "0 failed").
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runCli } from './testing.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-ingest-warn-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = 'Caf\u00e9 owners on the quay said on Monday that the harbour board\u2019s plan would close the road for a year. The board said work starts in March.';

test('ingest prints CC103 for a Windows-1252 file, as extract does', async () => {
  const file = join(dir, 'cafe.txt');
  writeFileSync(file, Buffer.from(TEXT.replace('\u2019', "'"), 'latin1'));
  const extract = await runCli('extract', file);
  assert.match(extract.err, /CC103/, 'extract reports it');
  const ingest = await runCli('ingest', '--workers', '0', '--db', join(dir, 'a.db'), file);
  assert.equal(ingest.code, 0, ingest.err);
  assert.match(ingest.err, /CC103/, 'ingest reports it too');
  assert.match(ingest.out, /1 new, 0 already stored, 0 failed/);
});

test('a warning about an input (junk after a .gz) is printed and is not a failed record', async () => {
  const file = join(dir, 'dump.jsonl.gz');
  writeFileSync(file, Buffer.concat([gzipSync(`${JSON.stringify({ text: TEXT })}\n`), Buffer.from('junk after the member')]));
  const ingest = await runCli('ingest', '--workers', '0', '--db', join(dir, 'b.db'), file);
  assert.equal(ingest.code, 0, ingest.err);
  assert.match(ingest.err, /CC115/);
  assert.match(ingest.out, /read 1 record: 1 new, 0 already stored, 0 failed/);
});
