import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorsDoc } from '../scripts/errors-doc.js';
import { CATALOGUE } from '../src/model/messages.js';

test('docs/errors.md is generated from the catalogue and up to date', () => {
  const onDisk = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
  assert.equal(onDisk, errorsDoc(), 'run: node --import tsx scripts/errors-doc.ts');
});

test('every catalogue entry says what it means and what to do next', () => {
  for (const [code, e] of Object.entries(CATALOGUE)) {
    assert.match(code, /^CC[1-9]\d\d$/);
    assert.ok(e.meaning.length > 5 && e.hint.length > 10, code);
  }
});

test('a message line names its input once', async () => {
  const { formatMessage, message } = await import('../src/model/messages.js');
  assert.equal(formatMessage(message('CC106', 'feed.jsonl:3: line is not valid JSON', { uri: 'feed.jsonl:3' })).split('feed.jsonl:3').length, 2);
  assert.match(formatMessage(message('CC104', 'the file is empty', { uri: 'a.txt' })), /^CC104 error a\.txt: the file is empty/);
});

/** Every source file under src/ but tests and the catalogue itself. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !p.endsWith(join('model', 'messages.ts')) ? [p] : [];
  });
}

test('every code used in src/ is catalogued, and every catalogued code is used', () => {
  const used = new Map<string, string>();
  for (const file of sourceFiles(fileURLToPath(new URL('../src', import.meta.url)))) {
    // String literals only ('CC106', "CC106", `CC106 ...`): a code in a comment is not a use.
    for (const m of readFileSync(file, 'utf8').matchAll(/['"`](CC\d{3})\b/g)) used.set(m[1]!, file);
  }
  assert.ok(used.size > 40, `found only ${used.size} codes: the scan is broken`);
  const missing = [...used].filter(([code]) => !Object.hasOwn(CATALOGUE, code)).map(([code, file]) => `${code} (${file})`);
  assert.deepEqual(missing, [], 'codes used in src/ but not in src/model/messages.ts');
  const unused = Object.keys(CATALOGUE).filter((code) => !used.has(code));
  assert.deepEqual(unused, [], 'catalogued codes no source file uses');
});
