import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Token } from '../model/index.js';
import { LOADED } from './lexicon-loaded.js';
import { nounForms, PhraseTable, verbForms, wordsOf } from './signal-words.js';
import { tokenize } from './tokenize.js';
import { DEFAULT_CONTEXT, emptyProfile, type Doc } from '../model/index.js';

function tokens(text: string): Token[] {
  const doc = { text, tokens: [] } as unknown as Doc;
  const out = tokenize({ ...doc, paragraphs: [], sentences: [], profile: emptyProfile() } as Doc, DEFAULT_CONTEXT).tokens;
  return out;
}

function loaded(text: string): string[] {
  const words = wordsOf(tokens(text));
  return LOADED.matchAll(words).map((m) => text.slice(words[m.from]!.start, words[m.to - 1]!.end));
}

test('the lexicon has a few hundred entries of every kind', () => {
  assert.ok(LOADED.size > 300, `only ${LOADED.size}`);
  for (const phrase of ['thug', 'regime', 'railing against', 'railed at', 'slammed', 'lashed out', 'the left', 'far-right', 'blow up', 'nukes', 'dictatorship']) {
    assert.ok(LOADED.has(phrase), phrase);
  }
});

test('verb and noun inflections', () => {
  assert.deepEqual(verbForms('slam'), ['slam', 'slams', 'slammed', 'slamming']);
  assert.deepEqual(verbForms('lash out'), ['lash out', 'lashes out', 'lashed out', 'lashing out']);
  assert.deepEqual(verbForms('rail'), ['rail', 'rails', 'railed', 'railing']);
  assert.deepEqual(verbForms('decry'), ['decry', 'decries', 'decried', 'decrying']);
  assert.deepEqual(nounForms('thug'), ['thug', 'thugs']);
});

test('multi-word entries match across spellings and never across punctuation', () => {
  assert.deepEqual(loaded('Critics on the far-right and the far right agree.'), ['the far-right', 'the far right']);
  assert.deepEqual(loaded('A far-right group marched.'), ['far-right']);
  assert.deepEqual(loaded('He lashed out at reporters.'), ['lashed out']);
  assert.deepEqual(loaded('He wants to blow. Up the hill they went.'), []);
  assert.deepEqual(loaded('The left side of the road was closed.'), []);
  assert.deepEqual(loaded('Policies favoured by the left.'), ['the left']);
});

test('possessives and case do not hide an entry', () => {
  assert.deepEqual(loaded("The Regime's thugs arrived."), ["Regime's", 'thugs']);
});

test('PhraseTable: longest match first, later entries replace earlier ones', () => {
  const t = new PhraseTable<number>();
  t.add('war', 1);
  t.add('war on', 2);
  t.add('war on', 3);
  const words = wordsOf(tokens('a war on drugs'));
  const m = t.matchAll(words);
  assert.equal(m.length, 1);
  assert.equal(m[0]!.value, 3);
  assert.equal(m[0]!.to - m[0]!.from, 2);
});

test("'rail' is loaded as a verb of speech with its preposition, never as the noun", () => {
  assert.deepEqual(loaded('Democrats were railing against the plan, and he railed at the council.'), ['railing against', 'railed at']);
  assert.deepEqual(loaded('The rail line reopened, the regional rail operator said, after new rails were laid.'), []);
});
