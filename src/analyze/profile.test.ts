import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONTEXT, type Doc } from '../model/index.js';
import { findClaims } from './claims.js';
import { findSignals } from './signals.js';
import { MIXED_ARTICLE_SHARE, profile } from './profile.js';
import { fixtureDoc } from './signal-fixture.js';

function profiled(doc: Doc): Doc {
  return profile(findSignals(findClaims(doc, DEFAULT_CONTEXT), DEFAULT_CONTEXT), DEFAULT_CONTEXT);
}

test('a plain report profiles as reporting', () => {
  const p = profiled(fixtureDoc([
    ['title', 'Council approves budget'],
    ['body', 'The city council approved a $12 million budget on Tuesday. The vote was 7-2, the clerk said.'],
    ['body', 'The budget takes effect in July.'],
  ])).profile;
  assert.equal(p.kind, 'reporting');
  assert.equal(p.sentences, 3);
  assert.equal(p.opinionSentences, 0);
  assert.equal(p.sensationalTitle, false);
  assert.ok(p.words > 15);
});

test('opinion share, loaded words, hedges and a sensational title are counted', () => {
  const p = profiled(fixtureDoc([
    ['title', 'Council Wastes Millions!!!'],
    ['body', 'The council approved the budget on Tuesday. We think this disastrous budget is a gift to the radical left.'],
    ['body', 'The money will reportedly go to consultants.'],
  ])).profile;
  assert.equal(p.sensationalTitle, true);
  assert.ok(p.opinionSentences >= 1);
  assert.ok(p.opinionShare >= MIXED_ARTICLE_SHARE);
  assert.notEqual(p.kind, 'reporting');
  assert.ok(p.loadedWords >= 2);
  assert.ok(p.loadedPer1000 > 0);
  assert.ok(p.hedges >= 1);
});

test('removed characters and repairs come from the extract layers', () => {
  const doc = fixtureDoc([['body', 'The bridge reopened on Monday.']]);
  const withLayers: Doc = {
    ...doc,
    removed: [{ articleId: doc.id, span: { start: 0, end: 40 }, text: 'x'.repeat(40), kind: 'comment-widget' }],
    repairs: [{ articleId: doc.id, span: { start: 0, end: 3 }, text: 'The', kind: 'glued-words', before: 'The', rawSpan: { start: 0, end: 3 } }],
  };
  const p = profiled(withLayers).profile;
  assert.equal(p.removedChars, 40);
  assert.equal(p.repairs, 1);
});
