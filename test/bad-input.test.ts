/**
 * Bad input in a batch (issue 2): a binary file, invalid UTF-8, an empty file, a malformed JSONL
 * line and a 50 MB file each give a coded message; the rest of the batch is still compared.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, openSync, ftruncateSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare } from '../src/index.js';
import { assertEvidenceExact } from './helpers.js';

const GOOD_A = `Harbour crane collapses at Vell quay\n\nBy Ama Oduya | Mar 3, 2025\nA loading crane collapsed onto the Vell quay on Monday, injuring two dock workers, the port authority said.\nThe authority said the crane had passed an inspection in January.\n`;
const GOOD_B = `Crane falls at Vell port, two hurt\n\nA loading crane fell onto the quay at Vell port on Monday and two dock workers were injured, port officials said.\nThe crane had been inspected in January, according to the port authority.\n`;

test('a batch with every kind of bad input still compares the good articles', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bad-'));
  try {
    writeFileSync(join(dir, 'good-a.txt'), GOOD_A);
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    // Windows-1252 bytes that are not valid UTF-8: read with a warning, not lost.
    writeFileSync(join(dir, 'latin.txt'), Buffer.from('Caf\xe9 owner says port r\xe9opening was delayed\n\nThe caf\xe9 owner said the quay reopened on Friday after repairs.\n', 'latin1'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'feed.jsonl'), [
      JSON.stringify({ id: 'rec-1', outlet: 'Vell Courier', title: 'Two hurt as crane falls at Vell', text: GOOD_B }),
      '{"id": "broken", "text": "unterminated',
      JSON.stringify({ id: 'no-text' }),
    ].join('\n') + '\n');
    // 50 MB, sparse: the reader must refuse it by size without reading it into memory.
    const huge = join(dir, 'huge.txt');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);

    const c = await compare([dir, join(dir, 'missing.txt')]);
    const codes = c.messages.map((m) => m.code);
    for (const code of ['CC100', 'CC102', 'CC104', 'CC105', 'CC106', 'CC107'] as const) {
      assert.ok(codes.includes(code), `no ${code} in ${codes.join(',')}`);
      const m = c.messages.find((x) => x.code === code);
      assert.ok(m && m.reason.length > 0 && m.hint.length > 0);
    }
    const latin = c.articles.find((a) => a.uri.endsWith('latin.txt'));
    assert.ok(latin, 'the Windows-1252 file is read, not dropped');
    assert.ok(latin.text.includes('Café'), 'decoded as Windows-1252');
    assert.ok(latin.messages.some((m) => m.code === 'CC103'));
    const ids = c.articles.map((a) => a.id);
    assert.ok(ids.includes('rec-1'), 'the good JSONL record is read despite the broken lines');
    assert.ok(c.articles.some((a) => a.uri.endsWith('good-a.txt')));
    assert.ok(c.stories.length >= 1);
    assertEvidenceExact(c);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
