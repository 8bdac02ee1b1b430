import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOADED } from './lexicon-loaded.js';
import { COMMENTARY, EVALUATIVE, FIRST_PERSON, HEDGES, INTENSIFIERS, OBLIGATION, REPORTING, SWEEPING } from './lexicon-opinion.js';
import { lexicalOf } from './signal-lexical.js';
import { buildView } from './signal-view.js';
import { PhraseIndex } from './signal-words.js';
import { fixtureDoc } from './signal-fixture.js';
import { wordFlags } from './word-flags.js';
import { WORD_BITS, wordBits } from './word-bits.js';

function viewOf(text: string) {
  return buildView(fixtureDoc([['body', text]]));
}

const TEXT = "The regime's aides said the far-right group may be thugs; I think we should never trust them, reports said on Monday, and it's a terrible, truly shocking disgrace.";

test('the lexicon masks from the shared word table are those of a PhraseIndex over the same tables', () => {
  // the index as signal-lexical.ts built it before the tables were merged: LOADED, then the cue tables in its order
  const index = new PhraseIndex([LOADED, HEDGES, INTENSIFIERS, FIRST_PERSON, OBLIGATION, EVALUATIVE, COMMENTARY, SWEEPING, REPORTING]);
  const view = viewOf(TEXT);
  const lex = lexicalOf(view);
  assert.deepEqual([...lex.masks], view.words.map((w) => index.maskOf(w.norm)));
  // a possessive takes its stem's lexicon bits: "regime's" starts what "regime" starts
  const possessive = view.words.findIndex((w) => w.norm === "regime's");
  assert.ok(possessive >= 0 && ((lex.masks[possessive] as number) & 1) === 1, 'LOADED can start at "regime\'s"');
});

test('one lookup per word answers every field; a view made before a field changed is read again', () => {
  const view = viewOf(TEXT);
  const bits = wordBits(view);
  assert.equal(wordBits(view), bits, 'kept on the view');
  const flags = wordFlags(view);
  const monday = view.words.findIndex((w) => w.norm === 'monday');
  assert.ok(monday >= 0 && (flags[monday] as number) !== 0, 'a date word has its flag');
  const before = WORD_BITS.version;
  const probe = WORD_BITS.field(1);
  WORD_BITS.add(probe, 'disgrace', 1);
  assert.ok(WORD_BITS.version > before);
  const again = wordBits(view);
  assert.notEqual(again, bits, 'remade after the table changed');
  const at = view.words.findIndex((w) => w.norm === 'disgrace');
  assert.equal(((again[at] as number) & probe.mask) >>> probe.shift, 1);
  assert.throws(() => WORD_BITS.field(31), /no room/);
});
