import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
