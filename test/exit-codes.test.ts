/**
 * Exit codes (issue 9): batch commands (ingest, extract) exit 3 when some records failed and the
 * rest was processed, 0 when all was fine, 2 when nothing was read; compare keeps exit 0 when it
 * made a report (issue 2). The resource-limit options are taken by compare, extract and ingest.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runCli } from '../src/cli/testing.js';
import { EXIT, EXIT_CODES } from '../src/model/exit-codes.js';
import { dropSchemas, freshSchema, requireServer, withSchema } from '../src/store/postgres/test-server.js';

const tmp = mkdtempSync(join(tmpdir(), 'cc-exit-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const run = runCli;

const A = 'Crane collapses at Vell quay\n\nA loading crane collapsed onto the Vell quay on Monday, injuring two dock workers, the port authority said.\n';
const B = 'Two hurt as crane falls at Vell port\n\nA crane fell onto the quay at Vell port on Monday and two dock workers were hurt, port officials said.\n';
const good = join(tmp, 'good.jsonl');
writeFileSync(good, [JSON.stringify({ id: 'a', text: A }), JSON.stringify({ id: 'b', text: B })].join('\n') + '\n');
const mixed = join(tmp, 'mixed.jsonl');
writeFileSync(mixed, [JSON.stringify({ id: 'a', text: A }), '{"id": "broken", "text": "unterminated', JSON.stringify({ id: 'b', text: B })].join('\n') + '\n');
const bad = join(tmp, 'bad.jsonl');
writeFileSync(bad, '{"broken\n{"text": ""}\n');

test('the exit code table has partial = 3, documented', () => {
  assert.equal(EXIT.partial, 3);
  const row = EXIT_CODES.find((e) => e.code === 3);
  assert.ok(row && row.name === 'partial' && /compare/.test(row.meaning));
});

test('ingest: 0 all fine, 3 some records failed, 2 nothing read', async () => {
  assert.equal((await run('ingest', good, '--db', join(tmp, 'good.db'), '--workers', '0')).code, EXIT.ok);
  const partial = await run('ingest', mixed, '--db', join(tmp, 'mixed.db'), '--workers', '0');
  assert.equal(partial.code, EXIT.partial, partial.err);
  assert.match(partial.err, /CC106 .*mixed\.jsonl:2/);
  assert.match(partial.out, /2 new/);
  assert.equal((await run('ingest', bad, '--db', join(tmp, 'bad.db'), '--workers', '0')).code, EXIT.noInput);
});

test('extract: 0 all fine, 3 some records failed, 2 nothing read', async () => {
  assert.equal((await run('extract', good, '--format', 'jsonl')).code, EXIT.ok);
  const partial = await run('extract', mixed, '--format', 'jsonl');
  assert.equal(partial.code, EXIT.partial);
  assert.equal(partial.out.trim().split('\n').length, 2);
  assert.equal((await run('extract', bad)).code, EXIT.noInput);
});

test('compare keeps exit 0 when some inputs could not be read (issue 2), 2 when none could', async () => {
  const r = await run('compare', mixed, join(tmp, 'missing.txt'), '--json');
  assert.equal(r.code, EXIT.ok);
  assert.match(r.err, /CC100/);
  assert.equal((await run('compare', bad)).code, EXIT.noInput);
});

test('the limit options: given to compare, extract and ingest; bad values are usage errors', async () => {
  const bomb = join(tmp, 'bomb.jsonl.gz');
  writeFileSync(bomb, Buffer.concat([gzipSync(JSON.stringify({ id: 'a', text: A }) + '\n'), gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x0a))]));
  const ex = await run('extract', bomb, '--format', 'jsonl', '--max-decompressed', '65536');
  assert.equal(ex.code, EXIT.partial);
  assert.match(ex.err, /CC112/);
  const ing = await run('ingest', bomb, '--db', join(tmp, 'bomb.db'), '--workers', '0', '--max-decompressed', '65536');
  assert.equal(ing.code, EXIT.partial);
  assert.match(ing.err, /CC112/);
  const cmp = await run('compare', bomb, '--max-decompressed', '65536', '--time-limit-ms', '0');
  assert.equal(cmp.code, EXIT.ok);
  assert.match(cmp.err, /CC112/);
  // 1 ms is less than the analysis of any article: the later stages are stopped (CC207), the article kept.
  const slow = await run('extract', good, '--format', 'jsonl', '--time-limit-ms', '1');
  assert.equal(slow.code, EXIT.ok);
  const long = join(tmp, 'long.txt');
  writeFileSync(long, A + 'The port authority said on Monday that Mara Lind, a spokeswoman, had seen the crane fall. '.repeat(60));
  const timed = await run('compare', long, '--time-limit-ms', '1', '--json');
  assert.equal(timed.code, EXIT.ok);
  assert.match(timed.err, /CC207/);
  for (const argv of [['compare', good, '--max-decompressed', '0'], ['extract', good, '--time-limit-ms', '-1'], ['ingest', good, '--db', join(tmp, 'x.db'), '--time-limit-ms', 'soon']]) {
    const r = await run(...argv);
    assert.equal(r.code, EXIT.usage, argv.join(' '));
    assert.match(r.err, /CC502/);
  }
});

test('ingest --time-limit-ms: a document past the bound has its worker replaced (CC706), the rest is stored, exit 3', async () => {
  const dump = join(tmp, 'slow.jsonl');
  // About 14 MB of sentences on another subject (so that it can never share a story with the others, whose
  // analysis would then take minutes): about 3 s of work on a lightly loaded machine (6 MB took 1.2 s),
  // past a 0.8 s bound; the small records take milliseconds.
  const huge = 'Museum budget review\n\n' + Array.from({ length: 140_000 }, (_, i) => `The museum trustees in Orlen approved budget line ${i} for the new gallery wing, the treasurer said. `).join('');
  writeFileSync(dump, [JSON.stringify({ id: 'a', text: A }), JSON.stringify({ id: 'huge', text: huge }), JSON.stringify({ id: 'b', text: B })].join('\n') + '\n');
  const r = await run('ingest', dump, '--db', join(tmp, 'slow.db'), '--workers', '1', '--max-bytes', '16000000', '--max-chars', '16000000', '--time-limit-ms', '800', '--json');
  assert.equal(r.code, EXIT.partial, r.err);
  assert.match(r.err, /CC706 .*slow\.jsonl:2/);
  const summary = JSON.parse(r.out) as { new: number; failed: number };
  assert.equal(summary.new, 2);
  assert.equal(summary.failed, 1);
});

const pgUrl = await requireServer('worker exit codes');
if (pgUrl !== null) {
  const base = pgUrl;
  after(() => dropSchemas(base));
  test('worker --until-empty: 0 when every job was done, 3 when some failed', async () => {
    const clean = withSchema(base, freshSchema());
    assert.equal((await run('ingest', good, '--db', clean, '--enqueue')).code, EXIT.ok);
    const ok = await run('worker', '--db', clean, '--until-empty', '--concurrency', '0');
    assert.equal(ok.code, EXIT.ok, ok.err);
    const mixedDb = withSchema(base, freshSchema());
    // A record of zero-width spaces passes the reader but has no article text: its job fails, the others are done.
    const furniture = join(tmp, 'furniture.jsonl');
    writeFileSync(furniture, [JSON.stringify({ id: 'a', text: A }), JSON.stringify({ id: 'f', text: '\u200B\u200B\u200B' })].join('\n') + '\n');
    assert.equal((await run('ingest', furniture, '--db', mixedDb, '--enqueue')).code, EXIT.ok);
    const partial = await run('worker', '--db', mixedDb, '--until-empty', '--concurrency', '0');
    assert.equal(partial.code, EXIT.partial, partial.out + partial.err);
    assert.match(partial.out, /1 failed/);
  });
}
