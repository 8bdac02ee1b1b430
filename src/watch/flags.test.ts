import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffTexts } from './diff.js';
import { correctionNotes, flagVersion } from './flags.js';

function flags(before: string, after: string, titles: [string, string] = ['T', 'T']) {
  return flagVersion({
    before: { text: before, title: titles[0], titleSpan: null },
    after: { text: after, title: titles[1], titleSpan: null },
    diff: diffTexts(before, after),
  });
}

const BASE = 'Police said 12 people were hurt in the fire on Monday.\nThe mayor visited the scene.';

test('a changed number with a correction note is a correction, its evidence the note', () => {
  const after = 'Police said 14 people were hurt in the fire on Monday.\nThe mayor visited the scene.\nCorrection: An earlier version of this article gave the wrong number of injured.';
  const f = flags(BASE, after);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.kind, 'correction');
  const e = f[0]!.evidence[0]!;
  assert.equal(e.version, 'after');
  assert.equal(after.slice(e.span.start, e.span.end), e.text);
  assert.match(e.text, /^Correction: An earlier version/);
});

test('a silently changed number is a stealth edit, with the words of both versions', () => {
  const after = BASE.replace('12', '14');
  const f = flags(BASE, after);
  assert.deepEqual(f.map((x) => [x.kind, x.reason]), [['stealth-edit', 'number changed']]);
  assert.deepEqual(f[0]!.evidence.map((e) => [e.version, e.text]), [['before', '12'], ['after', '14']]);
});

test('a quiet denial, a removed sentence, a changed quote and a new headline are stealth edits; a typo is not', () => {
  assert.equal(flags('The minister said he knew.', 'The minister said he never knew.')[0]?.reason, 'negation changed');
  assert.equal(flags(BASE, 'Police said 12 people were hurt in the fire on Monday.')[0]?.reason, 'statement removed');
  assert.equal(flags('He said "we will win" today.', 'He said "we could win" today.')[0]?.reason, 'quote changed');
  assert.equal(flags(BASE, BASE, ['Fire kills many', 'Fire in town'])[0]?.reason, 'headline changed');
  assert.deepEqual(flags(BASE, BASE, ['Warehouse fire in Harwcik', 'Warehouse fire in Harwick']), [], 'a headline typo fixed is not a new headline');
  assert.deepEqual(flags('The mayor vistied the scene.', 'The mayor visited the scene.'), []);
  assert.deepEqual(flags('He said "the disrtict is calm" today.', 'He said "the district is calm" today.'), [], 'a spelling fixed inside a quote is wording');
  assert.equal(flags('He said "the district is calm" today.', 'He said "the district is tense" today.')[0]?.reason, 'quote changed');
});

test('a note the old version already had is not a new correction; a timestamp line is not a note', () => {
  const old = 'Correction: the earlier text misnamed the street.\n' + BASE;
  assert.equal(flags(old, old.replace('12', '14'))[0]?.kind, 'stealth-edit');
  assert.deepEqual(correctionNotes('Updated: 10:32 AM\nBody.'), []);
  assert.equal(correctionNotes('This story has been updated to include a statement from the police.').length, 1);
});

test('a correction note the cleaner took out as boilerplate still makes a correction, once', () => {
  const after = BASE.replace('12', '14');
  const note = { span: { start: 300, end: 360 }, text: 'This article has been updated to correct the number of injured.' };
  const f = flagVersion({ before: { text: BASE, title: 'T', titleSpan: null }, after: { text: after, title: 'T', titleSpan: null, removed: [note, { span: { start: 0, end: 9 }, text: 'Share this' }] }, diff: diffTexts(BASE, after) });
  assert.deepEqual(f.map((x) => x.kind), ['correction']);
  assert.deepEqual(f[0]!.evidence, [{ version: 'after', span: note.span, text: note.text, removed: true }]);
  // The next edit, with the same old note still on the page, is not a new correction.
  const again = after.replace('\nThe mayor visited the scene.', '');
  const g = flagVersion({ before: { text: after, title: 'T', titleSpan: null, notes: [note.text] }, after: { text: again, title: 'T', titleSpan: null, removed: [note] }, diff: diffTexts(after, again) });
  assert.deepEqual(g.map((x) => [x.kind, x.reason]), [['stealth-edit', 'statement removed']]);
});
