/**
 * Text pieces the stance model works on: word tokens (lower-cased, lightly stemmed, with their
 * offsets), sentences as spans of the body, and stop words. Kept apart from src/analyze's
 * tokenizer on purpose: the model's features must not shift when the analysis tokenizer is tuned,
 * or the trained weights would silently stop matching what they were trained on.
 *
 * Cost is linear in the text: one precompiled regex pass for words, one for sentence ends.
 */
import type { Span } from '../model/index.js';

/** Letters or digits, joined across an inner apostrophe or period in numbers (3.5, don't). */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?(?:[.,]\d+)*/gu;
/** A sentence ends at . ! ? (and closing quotes/brackets after it) before white space, or at a line break. */
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s)|\n+/g;
/** Sentences shorter than this (UTF-16 units) are joined to the next one (bylines, "AP —"). */
const MIN_SENTENCE = 20;

export interface Token {
  /** Lower-cased, stemmed form used for matching. */
  stem: string;
  /** Lower-cased surface form (cue words are matched on it). */
  lower: string;
  start: number;
  end: number;
  /** Starts with a capital letter (a rough name cue). */
  capital: boolean;
  isNumber: boolean;
}

/**
 * Function words left out of overlap features: they match in every pair. Negations (not, no,
 * never) are deliberately absent — they are stance cues. Our own list.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an the and or but if of at by for with about against between into through during before after above below to from up down in out on off ' +
    'over under again further then once here there when where why how all any both each few more most other some such own same so than too very ' +
    'can will just should now is are was were be been being have has had having do does did doing would could i me my we our you your he him his ' +
    'she her it its they them their what which who whom this that these those am as until while s t d ll m o re ve y said says say also one two ' +
    'new may us mr mrs ms like get got via according report reports reported told tell year years day days time week').split(' '),
);

/** A cheap suffix stripper (plural, past, gerund, adverb): enough to match "denies" with "denied". */
export function stem(word: string): string {
  const n = word.length;
  if (n <= 3) return word;
  if (word.endsWith("'s") || word.endsWith('’s')) return stem(word.slice(0, -2));
  if (n > 5 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (n > 5 && word.endsWith('ied')) return word.slice(0, -3) + 'y';
  if (n > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (n > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (n > 4 && word.endsWith('ly')) return word.slice(0, -2);
  if (n > 4 && word.endsWith('es') && /[sxz]es$|[cs]hes$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;

function cachedStem(lower: string): string {
  let s = stemCache.get(lower);
  if (s === undefined) {
    s = stem(lower.replace(/’/g, "'"));
    if (stemCache.size < STEM_CACHE_MAX) stemCache.set(lower, s);
  }
  return s;
}

/** The word tokens of a text, in order, with offsets into it. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const surface = m[0];
    const lower = surface.toLowerCase();
    const c = surface.charCodeAt(0);
    out.push({
      stem: cachedStem(lower),
      lower,
      start: m.index,
      end: m.index + surface.length,
      capital: surface !== lower && !(c >= 48 && c <= 57),
      isNumber: c >= 48 && c <= 57,
    });
  }
  return out;
}

/** Sentences of a body as half-open spans, trimmed of surrounding white space. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  const push = (from: number, to: number): void => {
    while (from < to && /\s/.test(text[from] ?? '')) from++;
    while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
    if (to > from) spans.push({ start: from, end: to });
  };
  for (let m = SENTENCE_END.exec(text); m !== null; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] !== '\n' && end - start < MIN_SENTENCE) continue;
    push(start, m[0][0] === '\n' ? m.index : end);
    start = end;
  }
  push(start, text.length);
  return spans;
}

/** Whether a token is a content word (not a stop word, not a single letter). */
export function isContent(t: Token): boolean {
  return t.lower.length > 1 && !STOP_WORDS.has(t.lower);
}
