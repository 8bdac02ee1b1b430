import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verbStem } from './lemma.js';
import { stem } from './stem.js';

test('the forms of an irregular verb meet: sent / sending / sends, took / taking, paid / paying', () => {
  assert.equal(verbStem('sent'), verbStem('sending'));
  assert.equal(verbStem('sent'), verbStem('sends'));
  assert.equal(verbStem('took'), verbStem('taking'));
  assert.equal(verbStem('taken'), verbStem('takes'));
  assert.equal(verbStem('paid'), verbStem('paying'));
  assert.equal(verbStem('fled'), verbStem('fleeing'));
});

test('other words keep their stem', () => {
  for (const w of ['email', 'released', 'found', 'rose', 'talks']) assert.equal(verbStem(w), stem(w));
});
