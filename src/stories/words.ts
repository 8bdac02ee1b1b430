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

// What a word is: the regular expression below, kept as the definition; `words` runs a scan over
// char codes that finds exactly its matches, in half the time (the regex was the largest part of
// the clusterer's features on the ingest workers). words.test.ts holds the two together.
//   /[A-Za-z](?:\.[A-Za-z])+\.?|\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+\.\d+%?|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)*%?/gu
// That is: abbreviations with inner dots ("U.S.", "e.g."), numbers with separators ("1,000",
// "3.5", "40%"), and runs of letters, marks and digits with inner apostrophes ("wasn't",
// "Yun's"). Alternatives are tried in that order at each position, the first that matches wins.
// A lower-case run glued to a capitalised word ("handsWarmbier"): a damaged space, not a name
// like "McCain" or "MacArthur" (left part of 4+ letters, tuned on the seed's glued words).
const GLUED_RE = /^(\p{Ll}{4,})(\p{Lu}\p{Ll}+)$/u;

// Unicode classes of a code point, as bits; the BMP ones memoised (bit 8: looked at).
const L = 1;
const N = 2;
const M = 4;
const SEEN = 8;
const bmpFlags = new Uint8Array(0x10000);
const reL = /\p{L}/u;
const reN = /\p{N}/u;
const reM = /\p{M}/u;

function flagsOf(cp: number): number {
  if (cp < 0x10000) {
    let f = bmpFlags[cp] as number;
    if (f === 0) {
      f = lookUp(cp) | SEEN;
      bmpFlags[cp] = f;
    }
    return f & ~SEEN;
  }
  return lookUp(cp);
}

function lookUp(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (reL.test(ch) ? L : 0) | (reN.test(ch) ? N : 0) | (reM.test(ch) ? M : 0);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const PERIOD = 46;
const COMMA = 44;
const PERCENT = 37;

/** Tokenizes `text` (or its slice [from, to)) into words with offsets into `text`. */
export function words(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  // the slice bounds the scan as it bounded the regex: nothing past `to` is looked at
  const s = from === 0 && to === text.length ? text : text.slice(from, to);
  const n = s.length;
  // past the end reads as NaN, which no test below accepts
  const at = (i: number): number => s.charCodeAt(i);
  let i = 0;
  while (i < n) {
    const c = at(i);
    let end = -1;
    let isNumber = false;
    if (isAsciiLetter(c)) {
      // U.S.  e.g.  a.m
      if (at(i + 1) === PERIOD && isAsciiLetter(at(i + 2))) {
        end = i + 3;
        while (at(end) === PERIOD && isAsciiLetter(at(end + 1))) end += 2;
        if (at(end) === PERIOD) end++;
      }
    } else if (isDigit(c)) {
      let r = i + 1;
      while (isDigit(at(r))) r++;
      if (r - i <= 3 && at(r) === COMMA && isDigit(at(r + 1)) && isDigit(at(r + 2)) && isDigit(at(r + 3))) {
        // 1,000  1,000,000.5  1,000%
        end = r;
        while (at(end) === COMMA && isDigit(at(end + 1)) && isDigit(at(end + 2)) && isDigit(at(end + 3))) end += 4;
        if (at(end) === PERIOD && isDigit(at(end + 1))) {
          end += 2;
          while (isDigit(at(end))) end++;
        }
      } else if (at(r) === PERIOD && isDigit(at(r + 1))) {
        // 3.5  40.2%
        end = r + 2;
        while (isDigit(at(end))) end++;
      }
      if (end >= 0) {
        if (at(end) === PERCENT) end++;
        isNumber = true;
      }
    }
    if (end < 0) {
      const cp = s.codePointAt(i) as number;
      const size = cp > 0xffff ? 2 : 1;
      if ((flagsOf(cp) & (L | N)) === 0) {
        i += size;
        continue;
      }
      end = runEnd(s, i + size);
      // digits then a % only ("1990", "25%"): a number, as /^\d[\d.,]*%?$/ says
      if (isDigit(c)) {
        let j = i + 1;
        while (j < end && isDigit(at(j))) j++;
        isNumber = j === end || (j === end - 1 && at(j) === PERCENT);
      }
    }
    push(out, s.slice(i, end), from + i, isNumber);
    i = end;
  }
  return out;
}

/** End of [\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)*%? from `i`. */
function runEnd(s: string, i: number): number {
  let j = i;
  for (;;) {
    const c = s.charCodeAt(j);
    if (c < 128) {
      // ASCII (most text): a letter or digit goes on, anything else ends the run (NaN: the end)
      if (isAsciiLetter(c) || isDigit(c)) {
        j++;
        continue;
      }
      break;
    }
    const cp = s.codePointAt(j);
    if (cp === undefined || (flagsOf(cp) & (L | M | N)) === 0) break;
    j += cp > 0xffff ? 2 : 1;
  }
  for (;;) {
    const c = s.charCodeAt(j);
    if (c !== 39 && c !== 0x2019) break;
    let k = j + 1;
    for (;;) {
      const cp = s.codePointAt(k);
      if (cp === undefined || (flagsOf(cp) & L) === 0) break;
      k += cp > 0xffff ? 2 : 1;
    }
    if (k === j + 1) break;
    j = k;
  }
  if (s.charCodeAt(j) === PERCENT) j++;
  return j;
}

function push(out: Word[], raw: string, start: number, isNumber: boolean): void {
  // GLUED_RE needs 6+ characters and a capital after the 4th: most words are let through unread
  if (raw.length >= 6 && !isNumber && mayBeGlued(raw)) {
    const glued = GLUED_RE.exec(raw);
    if (glued && glued[1] && glued[2]) {
      out.push(word(raw.slice(0, glued[1].length), start, false));
      out.push(word(glued[2], start + glued[1].length, false));
      return;
    }
  }
  out.push(word(raw, start, isNumber));
}

/** False when `raw` is ASCII with no capital after its first four letters (GLUED_RE cannot match). */
function mayBeGlued(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 128 || (i >= 4 && c >= 65 && c <= 90)) return true;
  }
  return false;
}

function word(raw: string, start: number, isNumber: boolean): Word {
  return {
    start,
    end: start + raw.length,
    norm: normOf(raw),
    isNumber,
    isCapitalised: isCapital(raw),
  };
}

/** Lower-cased, ’ as '; ASCII without a capital (most words) is its own norm. */
function normOf(raw: string): string {
  let upper = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 128) {
      const lower = raw.toLowerCase();
      return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
    }
    if (c >= 65 && c <= 90) upper = true;
  }
  return upper ? raw.toLowerCase() : raw;
}

function isCapital(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const first = raw.charAt(0);
  return first !== first.toLowerCase();
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
