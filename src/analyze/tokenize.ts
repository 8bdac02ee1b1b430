/**
 * Tokenizer: one pass over the char codes of `text` (no per-character regex), producing
 * words, numbers, punctuation and symbols with their offsets.
 *
 *   words         letters and digits, joined across an internal apostrophe (We're, Yun’s, O'Brien)
 *                 or hyphen (Sang-duk, missile-development, al-Assad, COVID-19)
 *   abbreviations short letter groups each closed by a period (U.S., U.N., a.m., e.g., J.R.R., Ph.D.)
 *                 are one word token that ends with its period; "Mr." is "Mr" + "." (segment decides)
 *   numbers       1,000  3.5  1990s  21st  25%  10:30  2017-11-02
 *   punctuation   one token per mark, except runs of periods ("...") and of hyphens ("--")
 *   symbols       $ € % + = @ # emoji ...
 *
 * `norm` is the lower-cased token with typographic apostrophes (’ ʼ) turned into "'".
 * Character classes are a table for ASCII and a memo (filled on first sight) for the rest.
 */
import type { Context, Doc, Token, TokenKind } from '../model/index.js';
import type { Working } from './working.js';

/** Distinct surface forms whose norm is cached per text (bounds the cache on huge inputs). */
const NORM_CACHE_MAX = 50_000;
/** Longest letter group allowed in one part of a period abbreviation ("Ph" in Ph.D.). */
const ABBREVIATION_PART_MAX = 2;

const OTHER = 0; // punctuation
const LETTER = 1;
const DIGIT = 2;
const SPACE = 3;
const APOSTROPHE = 4; // ' ’ ʼ
const HYPHEN = 5; // - ‐ ‑
const PERIOD = 6;
const SYMBOL = 7;
const SURROGATE = 8; // half of an astral character (emoji and the like): a symbol

/** What the scan knows of a token's norm (tokenizeText). */
const UNKNOWN = 0;
const OWN = 1;
const NOT_OWN = 2;

const ASCII_SYMBOLS = '$%&+<=>@#^`|~*\\';

const ascii = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) ascii[c] = LETTER;
  else if (c >= 48 && c <= 57) ascii[c] = DIGIT;
  else if (c <= 32 || c === 127) ascii[c] = SPACE; // control characters count as space
  else if (c === 39) ascii[c] = APOSTROPHE;
  else if (c === 45) ascii[c] = HYPHEN;
  else if (c === 46) ascii[c] = PERIOD;
  else if (ASCII_SYMBOLS.includes(ch)) ascii[c] = SYMBOL;
  else ascii[c] = OTHER;
}

/** Non-ASCII classes, stored as class + 1 so that 0 means "not looked at yet". */
const memo = new Uint8Array(65536);
const reSpace = /\s/;
const reLetter = /[\p{L}\p{M}]/u;
const reDigit = /\p{Nd}/u;
const reSymbol = /\p{S}/u;

function classifySlow(c: number): number {
  if (c === 0x2019 || c === 0x02bc) return APOSTROPHE;
  if (c === 0x2010 || c === 0x2011) return HYPHEN;
  if (c >= 0xd800 && c <= 0xdfff) return SURROGATE;
  if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff || c === 0xad) return SPACE;
  const ch = String.fromCharCode(c);
  if (reSpace.test(ch)) return SPACE;
  if (reLetter.test(ch)) return LETTER;
  if (reDigit.test(ch)) return DIGIT;
  if (reSymbol.test(ch)) return SYMBOL;
  return OTHER;
}

/** Class of the character at i; past the end counts as space. */
function classAt(text: string, i: number): number {
  if (i >= text.length) return SPACE;
  const c = text.charCodeAt(i);
  return c < 128 ? (ascii[c] as number) : classOf(c);
}

function classOf(c: number): number {
  let m = memo[c] ?? 0;
  if (m === 0) {
    m = classifySlow(c) + 1;
    memo[c] = m;
  }
  return m - 1;
}

/** Tokens of a text, in order, never overlapping, whitespace left out. */
export function tokenizeText(text: string): Token[] {
  const tokens: Token[] = [];
  // one norm string per distinct surface form that needs one made (capitalised, non-ASCII)
  const norms = new Map<string, string>();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = classAt(text, i);
    if (c === SPACE) {
      i++;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    // whether the surface is its own norm (ASCII, no capital), when the scan already knows
    let own = UNKNOWN;
    if (c === LETTER) {
      kind = 'word';
      // most words: an ASCII letter, then letters a-z up to a character that cannot join
      // anything (space, comma, quote...): the end scanWord would find, and the surface is its
      // own norm unless it starts with a capital
      const j = plainWordEnd(text, i);
      if (j < 0) i = scanWord(text, i);
      else {
        own = text.charCodeAt(i) >= 97 ? OWN : NOT_OWN;
        i = j;
      }
    } else if (c === DIGIT) {
      kind = 'number';
      i = scanNumber(text, i);
    } else if (c === PERIOD || c === HYPHEN) {
      kind = 'punct';
      i++;
      while (i < n && classAt(text, i) === c) i++;
    } else if (c === SURROGATE) {
      kind = 'symbol';
      i++;
      if (i < n && classAt(text, i) === SURROGATE) i++;
    } else {
      kind = c === SYMBOL ? 'symbol' : 'punct';
      i++;
    }
    const surface = text.slice(start, i);
    // most surfaces are their own norm (ASCII, no capital): used as they are, without the Map
    // (its lookup and growth per token cost more than the strings it shared: 5% of processSource)
    if (own === UNKNOWN) own = isOwnNorm(surface) ? OWN : NOT_OWN;
    let norm = own === OWN ? surface : norms.get(surface);
    if (norm === undefined) {
      norm = normOf(surface);
      if (norms.size < NORM_CACHE_MAX) norms.set(surface, norm);
    }
    tokens.push({ start, end: i, norm, kind });
  }
  return tokens;
}

/**
 * The end of a word at `start` that is an ASCII letter followed by letters a-z up to the end of
 * the text or an ASCII character that is no letter or digit, apostrophe, hyphen or period (after
 * which scanWord stops as well); -1 for any other word.
 */
function plainWordEnd(text: string, start: number): number {
  if (text.charCodeAt(start) >= 128) return -1;
  const n = text.length;
  let j = start + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c >= 97 && c <= 122) j++;
    else {
      if (c >= 128) return -1;
      const k = ascii[c] as number;
      return k === SPACE || k === OTHER || k === SYMBOL ? j : -1;
    }
  }
  return j;
}

/** ASCII without a capital: normOf would give `s` itself. */
function isOwnNorm(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

function normOf(s: string): string {
  // ASCII (most tokens): lower-case it only when it has a capital; no apostrophe to map
  let ascii = true;
  let upper = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if (c >= 65 && c <= 90) upper = true;
  }
  if (ascii) return upper ? s.toLowerCase() : s;
  const lower = s.toLowerCase();
  return lower.includes('’') || lower.includes('ʼ') ? lower.replaceAll('’', "'").replaceAll('ʼ', "'") : lower;
}

function scanWord(text: string, start: number): number {
  const n = text.length;
  let j = start + 1;
  let joined = false;
  for (;;) {
    while (j < n) {
      const k = classAt(text, j);
      if (k !== LETTER && k !== DIGIT) break;
      j++;
    }
    if (j + 1 >= n) return j;
    const k = classAt(text, j);
    const after = classAt(text, j + 1);
    if (k === APOSTROPHE && after === LETTER) {
      j += 2;
      joined = true;
      continue;
    }
    if (k === HYPHEN && (after === LETTER || after === DIGIT)) {
      j += 2;
      joined = true;
      continue;
    }
    if (k === PERIOD && !joined && after === LETTER && j - start <= ABBREVIATION_PART_MAX && isLettersOnly(text, start, j)) {
      const end = scanAbbreviation(text, j);
      if (end > j) return end;
    }
    return j;
  }
}

/** From the period after a first short part: the end of "U.S." when at least one more part follows, else `dot`. */
function scanAbbreviation(text: string, dot: number): number {
  const n = text.length;
  let end = dot;
  let p = dot; // at a period
  for (;;) {
    let q = p + 1;
    while (q < n && classAt(text, q) === LETTER) q++;
    const part = q - (p + 1);
    if (part < 1 || part > ABBREVIATION_PART_MAX || q >= n || classAt(text, q) !== PERIOD) break;
    end = q + 1;
    p = q;
  }
  return end;
}

function isLettersOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (classAt(text, i) !== LETTER) return false;
  return true;
}

function scanNumber(text: string, start: number): number {
  const n = text.length;
  let j = start + 1;
  for (;;) {
    while (classAt(text, j) === DIGIT) j++;
    const c = j < n ? text.charCodeAt(j) : 0;
    // 1,000,000: a comma followed by exactly three digits
    if (c === 44 && classAt(text, j + 1) === DIGIT && classAt(text, j + 2) === DIGIT && classAt(text, j + 3) === DIGIT && classAt(text, j + 4) !== DIGIT) {
      j += 4;
      continue;
    }
    // 3.5, 1.2.3
    if (c === 46 && classAt(text, j + 1) === DIGIT) {
      j += 2;
      continue;
    }
    // 10:30
    if (c === 58 && classAt(text, j + 1) === DIGIT && classAt(text, j + 2) === DIGIT && classAt(text, j + 3) !== DIGIT) {
      j += 3;
      continue;
    }
    // 2017-11-02, 3-1
    if (j < n && classAt(text, j) === HYPHEN && classAt(text, j + 1) === DIGIT) {
      j += 2;
      continue;
    }
    break;
  }
  // 1990s, 21st, 3D, 10km; 1980's
  while (j < n && classAt(text, j) === LETTER) j++;
  if (j + 1 < n && classAt(text, j) === APOSTROPHE && classAt(text, j + 1) === LETTER) {
    j += 2;
    while (j < n && classAt(text, j) === LETTER) j++;
  }
  if (j < n && text.charCodeAt(j) === 37) j++; // 25%
  return j;
}

/** Index of the first token that ends after `offset` (tokens sorted): tokens[i..] lie at or after it. */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid]?.end ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True for a word token that is an abbreviation with periods ("U.S.", "a.m."). */
export function isPeriodAbbreviation(token: Token): boolean {
  return token.kind === 'word' && token.norm.endsWith('.');
}

/**
 * The tokens layer. With the run's `work`, each word is also looked up in the shared word table
 * here (word-bits.ts), once per run: the stages after it (the attribution cues, the text view)
 * read the bits, and a stage timed alone (bench/pipeline-ab.ts --stage) is not billed for a
 * lookup that the pipeline makes for all of them.
 */
export function tokenize(doc: Doc, ctx: Context, work?: Working): Doc {
  void ctx;
  const tokens = tokenizeText(doc.text);
  work?.tokenBits(tokens);
  return { ...doc, tokens };
}
