/**
 * Words for comparison: a tokenizer that keeps offsets into the article text, a stop-word
 * table, and a plain sentence splitter used when the analysis stages gave no sentences.
 * Tokens here are for matching only; every label is still built from their spans.
 */
import type { Span } from '../model/index.js';

export interface Word {
  start: number;
  end: number;
  /** Lower-cased, typographic apostrophes as "'". */
  norm: string;
  isNumber: boolean;
  /** Starts with a capital letter (a name candidate). */
  isCapitalised: boolean;
}

// Abbreviations with inner dots ("U.S.", "e.g."), words with inner apostrophes ("wasn't",
// "Yun's"), numbers with separators ("1,000", "3.5", "40%"). No nested quantifiers.
const WORD_RE = /[A-Za-z](?:\.[A-Za-z])+\.?|\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+\.\d+%?|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)*%?/gu;
// A lower-case run glued to a capitalised word ("handsWarmbier"): a damaged space, not a name
// like "McCain" or "MacArthur" (left part of 4+ letters, tuned on the seed's glued words).
const GLUED_RE = /^(\p{Ll}{4,})(\p{Lu}\p{Ll}+)$/u;
const NUMBER_RE = /^\d[\d.,]*%?$/;

/** Tokenizes `text` (or its slice [from, to)) into words with offsets into `text`. */
export function words(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  const slice = text.slice(from, to);
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(slice); m !== null; m = WORD_RE.exec(slice)) {
    const start = from + m.index;
    const raw = m[0];
    const glued = GLUED_RE.exec(raw);
    if (glued && glued[1] && glued[2]) {
      out.push(word(raw.slice(0, glued[1].length), start));
      out.push(word(glued[2], start + glued[1].length));
    } else out.push(word(raw, start));
  }
  return out;
}

function word(raw: string, start: number): Word {
  const norm = raw.toLowerCase().replace(/’/g, "'");
  const first = raw.charAt(0);
  return {
    start,
    end: start + raw.length,
    norm,
    isNumber: NUMBER_RE.test(raw),
    isCapitalised: first !== first.toLowerCase(),
  };
}

/** Function words and reporting filler that say nothing about which event or fact it is. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or but nor so yet if then than that this these those there here which who whom whose what when where why how " +
    'of to in on at by for with from into onto over under about after before since until while during through between among against ' +
    'without within along across behind around upon via per ' +
    'is am are was were be been being do does did doing done have has had having will would shall should can could may might must ' +
    "it its it's he him his she her hers they them their theirs we us our ours you your yours i me my mine one's " +
    'not no also just very too more most much many some any all each every both either neither other another such own same ' +
    'even still already again ever now then up down out off as well like ' +
    "said says say saying told tell tells according reported reports report reporting added adds noted stated statement " +
    "mr mrs ms dr n't 's time times"
  ).split(/\s+/),
);

/** True for a word that carries content (not a stop word, not punctuation-like). */
export function isContentWord(w: Word): boolean {
  return !STOPWORDS.has(w.norm) && (w.isNumber || w.norm.length > 1);
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: ReadonlySet<string> = new Set(
  'mr mrs ms dr prof sen rep gov gen col lt sgt capt st jr sr inc corp co ltd vs etc no jan feb mar apr jun jul aug sep sept oct nov dec fig'.split(' '),
);
const TERMINAL_RE = /[.!?]+["'”’)\]]*(?=\s)|\n/g;

/**
 * Splits text into sentence spans: at line breaks and at . ! ? followed by white space and a
 * capital, digit or quote, unless the word before is an abbreviation or an initial.
 * The fallback for articles the analysis stages have not segmented.
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  const slice = text.slice(from, to);
  TERMINAL_RE.lastIndex = 0;
  for (let m = TERMINAL_RE.exec(slice); m !== null; m = TERMINAL_RE.exec(slice)) {
    const end = from + m.index + m[0].length;
    if (m[0] !== '\n') {
      const next = nextVisible(text, end, to);
      if (next !== '' && !/[\p{Lu}\d"“'‘(]/u.test(next)) continue;
      const before = /([\p{L}.]+)\.$/u.exec(text.slice(Math.max(from, end - 12), end).replace(/["'”’)\]!?]+$/, ''));
      const prev = before?.[1]?.toLowerCase() ?? '';
      if (m[0].startsWith('.') && (ABBREVIATIONS.has(prev) || /^\p{L}$/u.test(prev) || /^(?:\p{L}\.)+\p{L}$/u.test(prev))) continue;
    }
    pushTrimmed(text, start, end, out);
    start = end;
  }
  pushTrimmed(text, start, to, out);
  return out;
}

function nextVisible(text: string, at: number, to: number): string {
  for (let i = at; i < to; i++) {
    const c = text.charAt(i);
    if (!/\s/.test(c)) return c;
  }
  return '';
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}
