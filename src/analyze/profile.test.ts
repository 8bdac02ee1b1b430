import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONTEXT, type Doc } from '../model/index.js';
import { findClaims } from './claims.js';
import { findSignals } from './signals.js';
import { MIXED_ARTICLE_SHARE, profile } from './profile.js';
import { fixtureDoc } from './signal-fixture.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from './index.js';
import { extract } from '../extract/index.js';

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

/** Issue #17's fire test: plain wire reporting of a fire, which the profile used to flag. */
const FIRE = [
  ['title', 'Fire destroys warehouse in Millbrook'],
  ['body', 'A fire destroyed a furniture warehouse on the edge of Millbrook early on Tuesday, the county fire service said.'],
  ['body', 'Eleven workers were in the building when the fire started. Three of them were hurt.'],
  ['body', 'It is believed the fire started in a storage room, the fire service said. Investigators may take several weeks to find the cause.'],
  ['body', '“It could have been much worse,” said Ana Ruiz, the site manager.'],
] as const;

test('fire test: a literal verb in the title and body is neither clickbait nor loaded', () => {
  const doc = profiled(fixtureDoc(FIRE));
  assert.equal(doc.profile.sensationalTitle, false);
  assert.deepEqual(doc.signals.filter((s) => s.kind === 'loaded').map((s) => s.text), []);
  assert.equal(doc.profile.loadedWords, 0);
});

test('fire test: "Three of them were hurt." is not opinion', () => {
  const doc = profiled(fixtureDoc(FIRE));
  assert.deepEqual(doc.signals.filter((s) => s.kind === 'opinion').map((s) => s.text), []);
  assert.equal(doc.profile.kind, 'reporting');
});

test('fire test: hedges in impersonal and modal forms are found; a quoted speaker\'s "could" is not counted', () => {
  const doc = profiled(fixtureDoc(FIRE));
  const hedges = doc.signals.filter((s) => s.kind === 'hedge');
  const outside = hedges.filter((s) => !s.detail.endsWith('(in quote)')).map((s) => s.text.toLowerCase());
  assert.ok(outside.includes('it is believed'), JSON.stringify(outside));
  assert.ok(outside.includes('may'), JSON.stringify(outside));
  assert.ok(!outside.includes('could'));
  assert.equal(doc.profile.hedges, outside.length);
});

test('biased wording counts the strongly opinionated sentences too (issue #17: "0 of 21" beside 5 opinion sentences)', () => {
  const doc = profiled(fixtureDoc([
    ['title', 'The council’s disgrace'],
    ['body', 'We think this disastrous, shameful budget is a gift to the radical left and its corrupt cronies!'],
    ['body', 'Of course, the mayor’s pathetic excuses are utterly absurd and nobody should believe a word of them.'],
    ['body', 'The council approved the budget on Tuesday.'],
  ]));
  assert.ok(doc.profile.opinionSentences >= 2);
  assert.ok((doc.profile.biasedSentences ?? 0) >= 1, `biased ${doc.profile.biasedSentences} beside ${doc.profile.opinionSentences} opinion sentences`);
});

/** Golden cases of real-text failure classes: test/cases/profile/<case>/{source.txt, expected.json}. */
test('golden profile cases (test/cases/profile)', () => {
  const dir = fileURLToPath(new URL('../../test/cases/profile/', import.meta.url));
  const cases = readdirSync(dir);
  assert.ok(cases.length > 0);
  for (const name of cases) {
    const raw = readFileSync(join(dir, name, 'source.txt'), 'utf8');
    const want = JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as { sensationalTitle: boolean; kind: string; opinionSentences: number; loadedWords: number; hedges: string[]; attributions?: Doc['profile']['attributions'] };
    const doc = analyze(extract({ uri: `${name}.txt`, format: 'text', raw, record: {}, messages: [] }, DEFAULT_CONTEXT), DEFAULT_CONTEXT);
    const p = doc.profile;
    const hedges = doc.signals.filter((s) => s.kind === 'hedge' && !s.detail.endsWith('(in quote)')).map((s) => s.text.toLowerCase());
    assert.deepEqual(
      { sensationalTitle: p.sensationalTitle, kind: p.kind, opinionSentences: p.opinionSentences, loadedWords: p.loadedWords, hedges },
      { sensationalTitle: want.sensationalTitle, kind: want.kind, opinionSentences: want.opinionSentences, loadedWords: want.loadedWords, hedges: want.hedges },
      name,
    );
    assert.equal(p.hedges, hedges.length, `${name}: profile hedges = hedge signals outside quotes`);
    if (want.attributions) assert.deepEqual(p.attributions, want.attributions, `${name}: attributions counted`);
  }
});

test('profile: relayed reporting is counted as relayed, not as a named source', () => {
  const doc = analyze(extract({ uri: 'relay.txt', format: 'text', raw: 'Dam bursts\nA dam burst on Sunday and flooded three villages, the Associated Press reported. The mayor, Lina Berg, said 400 people were moved.', record: {}, messages: [] }, DEFAULT_CONTEXT), DEFAULT_CONTEXT);
  const a = doc.profile?.attributions;
  assert.ok(a);
  assert.equal(a.relayed, 1, JSON.stringify(doc.attributions.map((x) => [x.kind, x.text])));
  assert.equal(a.named, 1);
});

test('a quoted speaker\'s side comes from the words nearest the name in its own sentence, not the sentence before', () => {
  const raw = [
    'Barn fire in Ostrava Vale',
    'The owner said the company may rebuild on the site. “We could lose the whole harvest,” said farmer Tom Reyes.',
    '“Nobody was inside the barn when it caught fire,” said Mia Stroud, a spokeswoman for the county police.',
  ].join('\n');
  const doc = analyze(extract({ uri: 'side.txt', format: 'text', raw, record: {}, messages: [] }, DEFAULT_CONTEXT), DEFAULT_CONTEXT);
  const sides = new Map((doc.profile.quoted ?? []).map((q) => [q.speaker, q]));
  const reyes = [...sides.values()].find((q) => q.speaker.includes('reyes'));
  const stroud = [...sides.values()].find((q) => q.speaker.includes('stroud'));
  assert.ok(reyes && stroud, JSON.stringify([...sides.keys()]));
  assert.notEqual(reyes.side, 'company', `farmer Tom Reyes: ${reyes.side} (${reyes.sideCue})`);
  assert.equal(stroud.side, 'official', `Mia Stroud: ${stroud.side} (${stroud.sideCue})`);
});

test('a quote whose pronoun speaker nobody resolved adds no quoted source named "she"', () => {
  const raw = 'Clinic reopens\nThe clinic reopened on Monday, the council said.\n\n“Nobody’s life is in danger,” she said.';
  const doc = analyze(extract({ uri: 'she.txt', format: 'text', raw, record: {}, messages: [] }, DEFAULT_CONTEXT), DEFAULT_CONTEXT);
  assert.ok(doc.quotes.some((q) => q.speaker?.text === 'she' && q.speakerCanonical === null), JSON.stringify(doc.quotes.map((q) => [q.speaker?.text, q.speakerCanonical])));
  assert.deepEqual((doc.profile.quoted ?? []).map((q) => q.speaker).filter((s) => s === 'she'), []);
});

test('profile: a bare verb of saying joined to an infinitive is no second statement of the same source (#16)', () => {
  const raw = 'Envoy keeps talking\nThe regional official insisted that Berg has been using the back channel to reach out to her counterparts and urge them to stop the tests. The talks go on.';
  const doc = analyze(extract({ uri: 'bare.txt', format: 'text', raw, record: {}, messages: [] }, DEFAULT_CONTEXT), DEFAULT_CONTEXT);
  const a = doc.profile?.attributions;
  assert.ok(a);
  assert.equal(a.anonymous + a.named, 1, JSON.stringify(doc.attributions.map((x) => [x.kind, x.text])));
});

test('profile: a named source who told another outlet counts as named, with the outlet kept as the relay (#16)', () => {
  const raw = 'Strike talks\nThe transport minister, Alma Virta, told the Norland Herald that she would meet both sides on Friday. The talks go on.';
  const doc = analyze(extract({ uri: 'told.txt', format: 'text', raw, record: {}, messages: [] }, DEFAULT_CONTEXT), DEFAULT_CONTEXT);
  assert.deepEqual(doc.attributions.map((x) => [x.kind, x.sourceCanonical, x.outlet]), [['named', 'person:alma-virta', 'Norland Herald']]);
  assert.equal(doc.profile?.attributions.named, 1);
  assert.equal(doc.profile?.attributions.relayed, 0);
});
