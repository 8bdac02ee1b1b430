import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONTEXT, type Doc, type SignalKind } from '../model/index.js';
import { findSignals, QUOTED_FACTOR } from './signals.js';
import { badEvidence, fixtureDoc } from './signal-fixture.js';
import { INDEX_TABLES, lexicalOf } from './signal-lexical.js';
import { LEXICON_TABLES, lexiconMask } from './classifier/features.js';
import { Working } from './working.js';

function signals(doc: Doc, kind: SignalKind): { text: string; weight: number; detail: string }[] {
  return findSignals(doc, DEFAULT_CONTEXT).signals.filter((s) => s.kind === kind).map((s) => ({ text: s.text, weight: s.weight, detail: s.detail }));
}

test('every signal is evidence: id, span and the exact words', () => {
  const doc = findSignals(fixtureDoc([
    ['title', 'SHOCKING: Mayor Blasts Critics!!!'],
    ['standfirst', 'We think the plan is a disaster.'],
    ['body', 'The mayor reportedly lashed out at “radical” critics, who may appeal. Of course, nobody believes him!'],
  ], 'a1'), DEFAULT_CONTEXT);
  assert.deepEqual(badEvidence(doc), []);
  assert.ok(doc.signals.every((s) => s.weight > 0 && s.weight <= 1 && s.detail !== ''));
  const kinds = new Set(doc.signals.map((s) => s.kind));
  for (const k of ['sensational-title', 'loaded', 'hedge', 'intensifier', 'first-person', 'opinion'] as const) assert.ok(kinds.has(k), k);
});

test('sensational title: the span of "!!!" in the title paragraph', () => {
  const doc = fixtureDoc([['title', 'Talks with North Korea for Months!!!'], ['body', 'Officials met on Friday.']]);
  const s = signals(doc, 'sensational-title');
  assert.equal(s.length, 1);
  assert.equal(s[0]!.text, '!!!');
});

test('loaded words: the writer’s at full weight, quoted ones lower and marked', () => {
  const doc = fixtureDoc([['body', 'Democrats are railing against the plan. “These thugs must go,” he said.']]);
  const l = signals(doc, 'loaded');
  const railing = l.find((x) => x.text === 'railing against');
  const thugs = l.find((x) => x.text === 'thugs');
  assert.ok(railing && thugs);
  assert.ok(thugs.detail.endsWith('(in quote)'));
  assert.ok(thugs.weight <= railing.weight * QUOTED_FACTOR + 1e-9 || thugs.weight < railing.weight);
});

test('hedges: modal may/might/could only as modals', () => {
  const doc = fixtureDoc([['body', 'The plant could close next year. The vote took place in May 2020. Officials could not be reached. It was allegedly sold.']]);
  const h = signals(doc, 'hedge').map((x) => x.text);
  assert.deepEqual(h, ['could', 'allegedly']);
  // a negated may/might still hedges (it was dropped with "could not", which is inability)
  const negated = fixtureDoc([['body', 'The cause may not be known for weeks. The tower might not survive the winter. The owners could not be reached.']]);
  assert.deepEqual(signals(negated, 'hedge').map((x) => x.text), ['may', 'might']);
});

test('first person: the author’s I/we outside quotes; "US" the country is not "us"', () => {
  const doc = fixtureDoc([['body', 'We were wrong about the US economy. “Give us time,” she said. It hurts all of us.']]);
  const fp = signals(doc, 'first-person').map((x) => x.text);
  assert.deepEqual(fp, ['We', 'us']);
});

test('opinion: one signal per opinion sentence, span = sentence, detail = cues', () => {
  const text = 'Under this scenario, the regime keeps its nukes.';
  const doc = fixtureDoc([['body', `The talks ended on Friday, officials said. ${text}`]]);
  const o = signals(doc, 'opinion');
  assert.equal(o.length, 1);
  assert.equal(o[0]!.text, text);
  assert.match(o[0]!.detail, /commentary 'Under this scenario'/);
  assert.match(o[0]!.detail, /loaded 'nukes'/);
});

test('an article without title or text gives no signals and no errors', () => {
  assert.deepEqual(findSignals(fixtureDoc([]), DEFAULT_CONTEXT).signals, []);
});

test('a violence verb meant literally is not loaded; the same verb aimed at people is', () => {
  const literal = signals(fixtureDoc([['body', 'A fire destroyed a furniture warehouse on Tuesday. The storm demolished two barns.']]), 'loaded');
  assert.deepEqual(literal.map((s) => s.text), []);
  const idiom = signals(fixtureDoc([['body', 'The senator destroyed her rivals in the debate.']]), 'loaded');
  assert.ok(idiom.some((s) => s.text === 'destroyed'), JSON.stringify(idiom));
});

test('a hazard word said of a substance is a technical term; said of people or politics it is loaded', () => {
  const technical = signals(fixtureDoc([['body', 'The fumes are toxic, the fire brigade said. The truck held explosive gas cylinders and dangerous chemicals.']]), 'loaded');
  assert.deepEqual(technical.map((s) => s.text), []);
  const loaded = signals(fixtureDoc([['body', 'The senator fumes about the budget. His toxic rhetoric divided the party. The explosive allegations were denied.']]), 'loaded');
  assert.deepEqual(loaded.map((s) => s.text.toLowerCase()), ['fumes', 'toxic', 'explosive']);
});

test('a verb of speech that names a physical force is literal when a storm or a blast does it', () => {
  const literal = signals(fixtureDoc([['body', 'The storm slammed into the coast. Winds ripped roofs off houses. A blast at a fuel depot shattered windows.']]), 'loaded');
  assert.deepEqual(literal.map((s) => s.text), []);
  const loaded = signals(fixtureDoc([['body', 'The senator slammed his critics. She blasted the plan. The mayor raged at reporters.']]), 'loaded');
  assert.deepEqual(loaded.map((s) => s.text), ['slammed', 'blasted', 'raged']);
});

test('the legal terms of a charge are not loaded; the same words of a law or an idea are', () => {
  const legal = signals(fixtureDoc([['body', 'He was charged with assault on a police officer and possession of a dangerous weapon.']]), 'loaded');
  assert.deepEqual(legal.map((s) => s.text), []);
  const loaded = signals(fixtureDoc([['body', 'The new law is an assault on voters. His dangerous ideas worry the party.']]), 'loaded');
  assert.deepEqual(loaded.map((s) => s.text), ['assault on', 'dangerous']);
});

test("the view's lexicon index is the classifier's: opinion.ts hands the classifier its masks", () => {
  assert.equal(INDEX_TABLES.length, LEXICON_TABLES.length);
  INDEX_TABLES.forEach((t, k) => assert.equal(t, LEXICON_TABLES[k], `table ${k}`));
  const doc = fixtureDoc([['body', "Frankly, we think the far-right's claims are clearly outrageous, and I may be wrong."], ['body', "Officials said they doubt it; the mayor's office may disagree in May."]]);
  const view = new Working().view(doc);
  const lex = lexicalOf(view);
  assert.ok(lex.masks.some((m) => m !== 0));
  view.words.forEach((w, i) => assert.equal(lex.masks[i], lexiconMask(w.norm), w.norm));
});
