/**
 * Which word lists each word of a view is on, as bits. claims (check-worthiness, finite verbs)
 * and opinion (dates, group nouns) test the words of most sentences against several lists: one
 * Set lookup per list per word each time. Here each word of a document is looked up once, in
 * one table of all the lists, and the tests read a byte.
 */
import { AUXILIARIES, EVENT_VERBS, IRREGULAR_FINITE, NOT_PAST, QUANTITY_WORDS } from './lexicon-claims.js';
import { DATE_WORDS, GROUP_NOUNS } from './lexicon-opinion.js';
import type { TextView } from './signal-view.js';
import { memoField, WORD_BITS } from './word-bits.js';

export const DATE_WORD = 1;
export const QUANTITY_WORD = 2;
export const EVENT_VERB = 4;
/** An auxiliary or an irregular finite verb form. */
export const FINITE_FORM = 8;
export const NOT_PAST_WORD = 16;
export const GROUP_NOUN = 32;

/**
 * The bits of every word on any of the lists (a few hundred words), a field of the one word
 * table (word-bits.ts) that the lexicon index and the check-worthiness cues share: one lookup
 * per word for all of them. (A memo of every word form seen was slower: a large table misses
 * the caches.)
 */
const FLAGS = WORD_BITS.field(6);
function mark(words: ReadonlySet<string>, bit: number): void {
  for (const w of words) WORD_BITS.add(FLAGS, w, bit);
}
mark(DATE_WORDS, DATE_WORD);
mark(QUANTITY_WORDS, QUANTITY_WORD);
mark(EVENT_VERBS, EVENT_VERB);
mark(AUXILIARIES, FINITE_FORM);
mark(IRREGULAR_FINITE, FINITE_FORM);
mark(NOT_PAST, NOT_PAST_WORD);
mark(GROUP_NOUNS, GROUP_NOUN);

/** The list bits of each word of the view (built once per view, kept on it). */
export function wordFlags(view: TextView): Uint8Array {
  return memoField(view, 'flags', FLAGS);
}
