import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOADED } from './lexicon-loaded.js';
import { COMMENTARY, EVALUATIVE, FIRST_PERSON, HEDGES, INTENSIFIERS, OBLIGATION, REPORTING, SWEEPING } from './lexicon-opinion.js';
import { isRealMatch, lexicalOf, type CueTable } from './signal-lexical.js';
import { buildView } from './signal-view.js';
import { PhraseIndex } from './signal-words.js';
import { fixtureDoc } from './signal-fixture.js';
import { wordFlags } from './word-flags.js';
import { WORD_BITS, WordBitTable, wordBits } from './word-bits.js';
import { Working } from './working.js';
import { findCues } from './attribution-sources.js';

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

test('the lexical matches skipping the two-word lookups the second-word bit rules out are every table\'s own matches', () => {
  const text = 'The far-right group lashed out at the left, and according to the report, I think it is of course a disgrace; the regime\'s thugs blew up the bridge, to be sure, as it turns out.';
  const view = viewOf(text);
  const lex = lexicalOf(view);
  const spans = (ms: readonly { from: number; to: number }[]) => ms.map((m) => `${m.from}-${m.to}`);
  assert.deepEqual(spans([...lex.loaded, ...lex.literal].sort((a, b) => a.from - b.from)), spans(LOADED.matchAll(view.words)));
  const tables: Record<CueTable, typeof HEDGES> = { hedge: HEDGES, intensifier: INTENSIFIERS, firstPerson: FIRST_PERSON, obligation: OBLIGATION, evaluative: EVALUATIVE, commentary: COMMENTARY, sweeping: SWEEPING, reporting: REPORTING };
  let multi = 0;
  for (const [name, table] of Object.entries(tables) as [CueTable, typeof HEDGES][]) {
    const own = table.matchAll(view.words).filter((m) => isRealMatch(view, name, m));
    assert.deepEqual(spans(lex.cues[name]), spans(own), name);
    multi += own.filter((m) => m.to - m.from > 1).length;
  }
  assert.ok(multi >= 2, `the text has matches of two or more words (${multi})`);
});

test("a run's view takes its words' bits from the tokens, hyphenated parts looked up, the same bits as a lookup per word", () => {
  const doc = fixtureDoc([['body', TEXT], ['body', 'Officials said the so-called "far-right" thugs, according to police, were well-known.']]);
  const work = new Working();
  const cues = findCues({ text: doc.text, tokens: doc.tokens, sentences: doc.sentences, entities: doc.entities, quoted: [] });
  assert.ok(cues.length >= 2, 'the cues are found without the bits as well');
  assert.deepEqual(work.cues({ text: doc.text, tokens: doc.tokens, sentences: doc.sentences, entities: doc.entities, quoted: [] }), cues);
  const view = work.view(doc);
  assert.ok(view.memo.tokenBits !== undefined, 'the run left the token bits on the view');
  assert.ok(view.words.some((w) => w.norm === 'far') && view.words.some((w) => w.norm === 'known'), 'hyphenated tokens are split into words');
  const fromTokens = [...wordBits(view)];
  const alone = buildView(doc);
  assert.equal(alone.memo.tokenBits, undefined);
  assert.deepEqual(fromTokens, [...wordBits(alone)]);
  assert.deepEqual(fromTokens, view.words.map((w) => WORD_BITS.of(w.norm)));
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

test('a short word of letters a-z reads the same bits from the direct table as from the Map, after every change', () => {
  const table = new WordBitTable();
  const field = table.field(4, true);
  table.add(field, 'the', 1);
  table.add(field, 'of', 2);
  table.add(field, 'zap', 4);
  table.add(field, 'a1', 8);
  assert.equal(table.of('the'), 1);
  assert.equal(table.of('of'), 2 << field.shift);
  assert.equal(table.of('zap'), 4);
  assert.equal(table.of('a1'), 8, 'a digit leaves the direct table: the Map answers');
  assert.equal(table.of('thx'), 0);
  assert.equal(table.of('z'), 0);
  assert.equal(table.of(''), 0);
  // a change after a lookup is seen by the next one
  table.add(field, 'the', 8);
  table.add(field, 'a', 2);
  assert.equal(table.of('the'), 9);
  assert.equal(table.of('a'), 2);
  const other = table.field(2);
  table.add(other, 'of', 3);
  assert.equal(table.of('of'), 2 | (3 << other.shift));
  // longer words and possessives keep the Map and the stem
  table.add(field, 'zaps', 1);
  assert.equal(table.of('zaps'), 1);
  assert.equal(table.of("zap's"), 4);
});
