/**
 * The tagger's features, as row numbers of one hashed weight table. Everything that depends on
 * a token alone is computed once per document into typed arrays (a 32-bit hash of its norm,
 * its shape, its case class, the word lists and gazetteer names it is on, whether the document
 * also writes it in lower case); a feature is then a hash of a template number and one to three
 * of those values: no string is built per token.
 *
 * Only candidate tokens are tagged: words with a capital letter, a short word or number between
 * capitalised words ("Bank of England", "Group 7"), but not a capitalised function word with no
 * capitalised neighbour ("The", "He", "I"). Every other token is O without being scored: on
 * eng.train 98.6% of the names lie wholly on candidates (TRAINING.md), and news has few
 * capitalised words, so the tagger costs little per byte.
 */
import type { Span, Token } from '../../model/index.js';
import { CONNECTORS, FUNCTION_WORDS, JOB_NOUNS, NOT_NAMES, ORG_PREFIXES, ORG_SUFFIXES, PLACE_PREFIXES, PLACE_SUFFIXES, TITLE_HEADS, TITLE_MODIFIERS } from '../entity-tables.js';
import { gazetteerFirstWords, matchGazetteer } from '../gazetteer.js';

/**
 * log2 of the rows of the weight table. Calibrated on eng.testa: 2^16 rows cost 0.3 F1 to
 * collisions against 2^18 (0.906 vs 0.909) for a quarter of the memory (1.1 MB of int8), which
 * keeps the scattered row reads of the tagger in the caches.
 */
export const TABLE_BITS = 16;
export const TABLE_MASK = (1 << TABLE_BITS) - 1;
/**
 * Features per candidate token (the templates of `featuresOf`). 31: dropping the words two away,
 * the shape trigram, the length and one list/gazetteer pair (36 before) cost 0.3 F1 on eng.testa
 * and a seventh of the scoring.
 */
export const FEATURE_COUNT = 31;

/** Case classes of a token. */
export const LOWER = 0;
export const TITLE = 1;
export const UPPER = 2;
export const SINGLE = 3;
export const MIXED = 4;
export const NUMBER = 5;
export const PUNCT = 6;
export const ALNUM = 7;

/** Sentence modes: ordinary text, a headline in capitals, a headline in title case. */
export const NORMAL = 0;
export const ALL_CAPS = 1;
export const TITLE_CASE = 2;
/** Share of the letter words written in capitals above which a sentence is an all-caps headline. */
const ALL_CAPS_SHARE = 0.8;
/** The title-case test of entities.ts: content words capitalised, and a third of those common words. */
const TITLE_CASE_SHARE = 0.75;
const TITLE_CASE_COMMON_SHARE = 1 / 3;
const TITLE_CASE_MIN_COMMON = 2;
const TITLE_CASE_MIN_WORDS = 3;
/**
 * Longest word taken as a connector between capitalised words ("of", "de", "the", "von"). Not
 * "and": it joins two names far more often than it is inside one ("The Associated Press and
 * Reuters"; 49 of the 23,499 names of eng.train have it: "Trinidad and Tobago").
 */
const CONNECTOR_MAX_CHARS = 5;

/** Word-list bits (our own lists in entity-tables.ts). */
const LIST_BITS = new Map<string, number>();
function mark(words: ReadonlySet<string>, bit: number): void {
  for (const w of words) LIST_BITS.set(w, (LIST_BITS.get(w) ?? 0) | bit);
}
mark(TITLE_HEADS, 1);
mark(TITLE_MODIFIERS, 2);
mark(JOB_NOUNS, 4);
mark(FUNCTION_WORDS, 8);
mark(NOT_NAMES, 16);
mark(CONNECTORS, 32);
mark(ORG_PREFIXES, 64);
mark(ORG_SUFFIXES, 128);
mark(PLACE_PREFIXES, 256);
mark(PLACE_SUFFIXES, 512);
const LISTS_UNKNOWN = 0xffff;

const GAZ_TYPES: Record<string, number> = { person: 1, org: 2, group: 3, place: 4, misc: 7 };

/**
 * A bit per value of the low 16 bits of a norm's hash (normHash of `prepare`) for a set of norms:
 * a clear bit proves the norm is not in the set, so most tokens skip the Map lookup (and the
 * slice of a possessive) that would find nothing.
 */
class NormFilter {
  private readonly bits = new Uint32Array(1 << 11);
  constructor(norms: Iterable<string>) {
    for (const norm of norms) {
      let h = FNV;
      for (let k = 0; k < norm.length; k++) h = fnvStep(h, norm.charCodeAt(k));
      this.bits[(h >>> 5) & 0x7ff] = (this.bits[(h >>> 5) & 0x7ff] as number) | (1 << (h & 31));
    }
  }
  mayHave(h: number): boolean {
    return ((this.bits[(h >>> 5) & 0x7ff] as number) & (1 << (h & 31))) !== 0;
  }
}

/** Letter case of each UTF-16 code unit: 1 upper, 2 lower, 3 other; 0 = not looked at yet. */
const caseMemo = new Uint8Array(65536);
function caseAt(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? 1 : c >= 97 && c <= 122 ? 2 : 3;
  let m = caseMemo[c] as number;
  if (m === 0) {
    const ch = String.fromCharCode(c);
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    m = lo !== ch ? 1 : up !== ch ? 2 : 3;
    caseMemo[c] = m;
  }
  return m;
}

const FNV = 2166136261;
function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}
/** The word lists' norms and the gazetteer's first words, as filters on normHash. */
const LIST_FILTER = new NormFilter(LIST_BITS.keys());
const GAZETTEER_FILTER = new NormFilter(gazetteerFirstWords());
/** Mixes a template number and up to three values into a row of the table. */
function row(template: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(template + 1, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ c;
  h ^= h >>> 16;
  return h & TABLE_MASK;
}

/** Per-document arrays the features read. */
export interface Prepared {
  text: string;
  tokens: readonly Token[];
  normHash: Int32Array;
  shapeHash: Int32Array;
  caseClass: Uint8Array;
  /** 1 when the word ends in a possessive 's (the name leaves it out). */
  possessive: Uint8Array;
  /** Word-list bits (filled on demand). */
  lists: Uint16Array;
  /** Gazetteer name: type * 4 + position (0 B, 1 I, 2 L, 3 U); 0 = none. */
  gaz: Uint8Array;
  /** Bit 1: the document writes this word in lower case; bit 2: capitalised in mid-sentence. Candidates only (0 for the other tokens). */
  docBits: Uint8Array;
  /** Position in the sentence, words only, capped at 3 (0 = first word). */
  sentPos: Uint8Array;
  mode: Uint8Array;
  candidate: Uint8Array;
  /** Index of the sentence's first token and one past its last, per token. */
  sentFrom: Int32Array;
  sentTo: Int32Array;
}

/** An open-addressing set of non-zero 32-bit hashes, cleared and reused from one document to the next. */
class HashSet {
  private keys = new Int32Array(1024);
  private mask = 1023;
  /** Empties the set and makes room for n keys. */
  reset(n: number): this {
    let size = 16;
    while (size < n * 2) size *= 2;
    if (size > this.keys.length) this.keys = new Int32Array(size);
    else this.keys.fill(0, 0, size);
    this.mask = size - 1;
    return this;
  }
  add(h: number): void {
    const k = h | 1;
    let i = (Math.imul(k, 0x9e3779b1) >>> 7) & this.mask;
    for (;;) {
      const at = this.keys[i] as number;
      if (at === k) return;
      if (at === 0) {
        this.keys[i] = k;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }
  has(h: number): boolean {
    const k = h | 1;
    let i = (Math.imul(k, 0x9e3779b1) >>> 7) & this.mask;
    for (;;) {
      const at = this.keys[i] as number;
      if (at === k) return true;
      if (at === 0) return false;
      i = (i + 1) & this.mask;
    }
  }
}
const lowerSet = new HashSet();
const capMidSet = new HashSet();

/** Arrays of a Prepared, over a buffer of `size` tokens. */
function arrays(text: string, tokens: readonly Token[], size: number): Prepared {
  return {
    text,
    tokens,
    normHash: new Int32Array(size),
    shapeHash: new Int32Array(size),
    caseClass: new Uint8Array(size),
    possessive: new Uint8Array(size),
    lists: new Uint16Array(size),
    gaz: new Uint8Array(size),
    docBits: new Uint8Array(size),
    sentPos: new Uint8Array(size),
    mode: new Uint8Array(size),
    candidate: new Uint8Array(size),
    sentFrom: new Int32Array(size),
    sentTo: new Int32Array(size),
  };
}
/** The arrays reused by `prepare` when the caller does not keep them (every document of the pipeline). */
let shared = arrays('', [], 4096);

function isPossessiveNorm(norm: string): boolean {
  const n = norm.length;
  return n > 2 && norm.charCodeAt(n - 1) === 115 && norm.charCodeAt(n - 2) === 39;
}

/** Case class, shape hash (runs collapsed: "McDonald's" -> Xx X x) of text[start, end). */
export function surfaceOf(text: string, start: number, end: number, out: { klass: number; shape: number }): void {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let other = 0;
  let shape = FNV;
  let last = -1;
  let firstUpper = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    let code: number;
    if (c >= 48 && c <= 57) {
      digit++;
      code = 100;
    } else {
      const k = caseAt(c);
      if (k === 1) {
        upper++;
        code = 101;
        if (i === start) firstUpper = true;
      } else if (k === 2) {
        lower++;
        code = 102;
      } else {
        other++;
        code = c > 1000 ? 103 : c; // letters without case (CJK, Arabic) read as one class
        if (c > 1000) lower++;
      }
    }
    if (code !== last) shape = fnvStep(shape, code);
    last = code;
  }
  out.shape = shape;
  out.klass = classOfCounts(upper, lower, digit, firstUpper);
  void other;
}

/**
 * `surfaceOf` of text[start, start + len) and the FNV hash of norm[0, len) in one loop, for a
 * norm as long as its surface; returns the hash.
 */
export function surfaceAndHashOf(text: string, start: number, norm: string, len: number, out: { klass: number; shape: number }): number {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let shape = FNV;
  let h = FNV;
  let last = -1;
  let firstUpper = false;
  for (let k = 0; k < len; k++) {
    h = fnvStep(h, norm.charCodeAt(k));
    const c = text.charCodeAt(start + k);
    let code: number;
    if (c >= 48 && c <= 57) {
      digit++;
      code = 100;
    } else {
      const kind = caseAt(c);
      if (kind === 1) {
        upper++;
        code = 101;
        if (k === 0) firstUpper = true;
      } else if (kind === 2) {
        lower++;
        code = 102;
      } else {
        code = c > 1000 ? 103 : c;
        if (c > 1000) lower++;
      }
    }
    if (code !== last) shape = fnvStep(shape, code);
    last = code;
  }
  out.shape = shape;
  out.klass = classOfCounts(upper, lower, digit, firstUpper);
  return h;
}

/** The case class of a token from the counts of its upper-case letters, lower-case letters and digits. */
function classOfCounts(upper: number, lower: number, digit: number, firstUpper: boolean): number {
  const letters = upper + lower;
  if (letters === 0) return digit > 0 ? NUMBER : PUNCT;
  if (digit > 0) return ALNUM;
  if (upper === 0) return LOWER;
  if (upper === 1 && letters === 1) return SINGLE;
  if (lower === 0) return UPPER;
  if (firstUpper && upper === 1) return TITLE;
  return MIXED;
}

const surface = { klass: 0, shape: 0 };

function hasUpper(klass: number): boolean {
  return klass === TITLE || klass === UPPER || klass === SINGLE || klass === MIXED;
}

/**
 * The per-document arrays for the tokens of `text`, cut into `sentences`. Unless `keep` is set,
 * they live in buffers reused by the next call (the pipeline reads them before it prepares the
 * next document; training keeps one set per document).
 */
export function prepare(text: string, tokens: readonly Token[], sentences: readonly Span[], keep = false): Prepared {
  const n = tokens.length;
  let p: Prepared;
  if (keep) p = arrays(text, tokens, n);
  else {
    if (shared.normHash.length < n) shared = arrays('', [], n * 2);
    p = { ...shared, text, tokens };
    p.gaz.fill(0, 0, n);
    p.candidate.fill(0, 0, n);
    p.sentFrom.fill(0, 0, n);
    p.sentTo.fill(0, 0, n);
  }
  p.lists.fill(LISTS_UNKNOWN, 0, n);
  const lowerSeen = lowerSet.reset(n);
  for (let i = 0; i < n; i++) {
    const tok = tokens[i] as Token;
    const norm = tok.norm;
    const poss = isPossessiveNorm(norm);
    const len = poss ? norm.length - 2 : norm.length;
    const end = poss ? tok.end - 2 : tok.end;
    let h: number;
    if (end - tok.start === len) {
      // the norm as long as the surface (nearly every token): one loop reads both
      h = surfaceAndHashOf(text, tok.start, norm, len, surface);
    } else {
      h = FNV;
      for (let k = 0; k < len; k++) h = fnvStep(h, norm.charCodeAt(k));
      surfaceOf(text, tok.start, end, surface);
    }
    p.normHash[i] = h;
    p.possessive[i] = poss ? 1 : 0;
    p.caseClass[i] = surface.klass;
    p.shapeHash[i] = surface.shape;
    if (surface.klass === LOWER) lowerSeen.add(h);
  }
  // sentences: bounds, positions, modes
  const capMid = capMidSet.reset(n);
  let t = 0;
  for (const s of sentences) {
    while (t < n && (tokens[t] as Token).end <= s.start) t++;
    let e = t;
    while (e < n && (tokens[e] as Token).start < s.end) e++;
    const mode = sentenceMode(p, lowerSeen, t, e);
    let pos = 0;
    for (let i = t; i < e; i++) {
      p.sentFrom[i] = t;
      p.sentTo[i] = e;
      p.mode[i] = mode;
      p.sentPos[i] = pos;
      const k = p.caseClass[i] as number;
      if (k !== PUNCT) {
        if (mode === NORMAL && pos > 0 && hasUpper(k)) capMid.add(p.normHash[i] as number);
        if (pos < 3) pos++;
      }
    }
    markGazetteer(p, t, e);
    t = e;
  }
  markCandidates(p);
  // read for candidates only (their features, and the names made of them): the two lookups are
  // skipped for the other tokens, five in six
  for (let i = 0; i < n; i++) {
    if (p.candidate[i] === 0) {
      p.docBits[i] = 0;
      continue;
    }
    const h = p.normHash[i] as number;
    p.docBits[i] = (lowerSeen.has(h) ? 1 : 0) | (capMid.has(h) ? 2 : 0);
  }
  return p;
}

function sentenceMode(p: Prepared, lowerSeen: HashSet, a: number, b: number): number {
  // cheap first: a headline has a capital on a third of its words or more; most sentences do not
  let upper = 0;
  for (let i = a; i < b; i++) if (hasUpper(p.caseClass[i] as number)) upper++;
  if (upper < 2 || upper * 3 < b - a - 1) return NORMAL;
  let words = 0;
  let caps = 0;
  let content = 0;
  let capital = 0;
  let common = 0;
  for (let i = a; i < b; i++) {
    const k = p.caseClass[i] as number;
    if (k === PUNCT || k === NUMBER || k === ALNUM) continue;
    const tok = p.tokens[i] as Token;
    if (tok.end - tok.start > 1) {
      words++;
      if (k === UPPER) caps++;
    }
    const bits = listsAt(p, i);
    if (bits & (8 | 32)) continue; // function words and connectors
    content++;
    if (!hasUpper(k)) continue;
    capital++;
    if (lowerSeen.has(p.normHash[i] as number)) common++;
  }
  if (words >= 2 && caps >= words * ALL_CAPS_SHARE) return ALL_CAPS;
  if (content >= TITLE_CASE_MIN_WORDS && capital >= content * TITLE_CASE_SHARE && common >= Math.max(TITLE_CASE_MIN_COMMON, capital * TITLE_CASE_COMMON_SHARE)) return TITLE_CASE;
  return NORMAL;
}

function listsAt(p: Prepared, i: number): number {
  let bits = p.lists[i] as number;
  if (bits === LISTS_UNKNOWN) {
    const tok = p.tokens[i] as Token;
    // normHash is the hash of the norm without its possessive 's: the key looked up
    if (!LIST_FILTER.mayHave(p.normHash[i] as number)) bits = 0;
    else bits = (p.possessive[i] ? LIST_BITS.get(tok.norm.slice(0, -2)) : LIST_BITS.get(tok.norm)) ?? 0;
    p.lists[i] = bits;
  }
  return bits;
}

function markGazetteer(p: Prepared, a: number, b: number): void {
  let i = a;
  while (i < b) {
    // a name starts with one of the gazetteer's first words (a possessive is looked up whole
    // too, and its normHash leaves the 's out: no shortcut for it)
    if (!hasUpper(p.caseClass[i] as number) || (p.possessive[i] === 0 && !GAZETTEER_FILTER.mayHave(p.normHash[i] as number))) {
      i++;
      continue;
    }
    const m = matchGazetteer(p.text, p.tokens, i, b);
    if (!m) {
      i++;
      continue;
    }
    const type = m.entry.kind === 'demonym' ? 5 : m.entry.kind === 'metonym' ? 6 : (GAZ_TYPES[m.entry.type] ?? 7);
    if (m.end - i === 1) p.gaz[i] = type * 4 + 3;
    else {
      for (let j = i; j < m.end; j++) p.gaz[j] = type * 4 + (j === i ? 0 : j === m.end - 1 ? 2 : 1);
    }
    i = m.end;
  }
}

function markCandidates(p: Prepared): void {
  const n = p.tokens.length;
  for (let i = 0; i < n; i++) {
    const k = p.caseClass[i] as number;
    const from = p.sentFrom[i] as number;
    const to = p.sentTo[i] as number;
    if (hasUpper(k)) {
      // a capitalised function word with no capitalised neighbour is no name: the "The", "He",
      // "But" that open sentences and the pronoun "I" (a third of the capitalised words of news)
      if (p.mode[i] === NORMAL && listsAt(p, i) & 8 && (i === from || !hasUpper(p.caseClass[i - 1] as number)) && (i + 1 >= to || !hasUpper(p.caseClass[i + 1] as number))) continue;
      p.candidate[i] = 1;
      continue;
    }
    if (i === from || !hasUpper(p.caseClass[i - 1] as number)) continue;
    if (k === NUMBER || k === ALNUM) {
      p.candidate[i] = 1;
      continue;
    }
    const tok = p.tokens[i] as Token;
    if (tok.end - tok.start > CONNECTOR_MAX_CHARS || tok.norm === 'and') continue;
    // a short word between capitalised words: "of" in "Bank of England", "of the" in "Bank of the West"
    if (i + 1 < to && hasUpper(p.caseClass[i + 1] as number)) p.candidate[i] = 1;
    else if (i + 2 < to && hasUpper(p.caseClass[i + 2] as number) && (p.tokens[i + 1] as Token).end - (p.tokens[i + 1] as Token).start <= 3) {
      p.candidate[i] = 1;
      p.candidate[i + 1] = 1;
    }
  }
}

/** Hash of the context token at j (a fixed value per side past the sentence's ends). */
function normAt(p: Prepared, j: number, from: number, to: number): number {
  return j < from ? -1 - (from - j) : j >= to ? -10 - (j - to) : (p.normHash[j] as number);
}
function classAt(p: Prepared, j: number, from: number, to: number): number {
  return j < from ? 8 : j >= to ? 9 : (p.caseClass[j] as number);
}
function listsOrEdge(p: Prepared, j: number, from: number, to: number): number {
  return j < from ? 0x10000 : j >= to ? 0x20000 : listsAt(p, j);
}
function gazAt(p: Prepared, j: number, from: number, to: number): number {
  return j < from ? 250 : j >= to ? 251 : (p.gaz[j] as number);
}

/**
 * Features of token i that depend on its word form alone: its norm, case class, shape and
 * possessive (the bias row, the word, prefixes and suffixes, its word lists). They come first in
 * `featuresOf`, so the decoder can sum their weights once per word form (decode.ts).
 */
export const OWN_FEATURE_COUNT = 14;

/** Writes the FEATURE_COUNT rows of token i into out[at ..]: its own rows, then its context's. */
export function featuresOf(p: Prepared, i: number, out: Int32Array, at: number): void {
  ownFeaturesOf(p, i, out, at);
  contextFeaturesOf(p, i, out, at + OWN_FEATURE_COUNT);
}

/** Writes the OWN_FEATURE_COUNT rows of token i that depend on its word form alone. */
export function ownFeaturesOf(p: Prepared, i: number, out: Int32Array, at: number): void {
  const norm = (p.tokens[i] as Token).norm;
  const poss = p.possessive[i] as number;
  const len = poss ? norm.length - 2 : norm.length;
  const w = p.normHash[i] as number;
  const k = p.caseClass[i] as number;
  let f = at;
  out[f++] = row(0, 0);
  out[f++] = row(1, w);
  out[f++] = row(2, w, k);
  out[f++] = row(9, p.shapeHash[i] as number);
  // prefixes and suffixes of 1-4 characters of the norm (without a possessive 's)
  let h = FNV;
  for (let c = 0; c < 4; c++) {
    if (c < len) h = fnvStep(h, norm.charCodeAt(c));
    out[f++] = row(11 + c, c < len ? h : 0);
  }
  h = FNV;
  for (let c = 0; c < 4; c++) {
    if (c < len) h = fnvStep(h, norm.charCodeAt(len - 1 - c));
    out[f++] = row(15 + c, c < len ? h : 0);
  }
  out[f++] = row(24, listsAt(p, i));
  out[f++] = row(29, poss, k);
}

/**
 * The context rows of `contextFeaturesOf` split three ways for the decoder (decode.ts), which sums
 * the rows of each small-valued group once per distinct key and the word rows per token:
 *   - the CLASS rows (19, 20, 27, 28) read only the case classes of the token and its neighbours,
 *     its position, the sentence mode and the doc bits: `classContextKey` packs them in 17 bits;
 *   - the GAZ rows (21, 22, 23) read only the gazetteer marks of the token and its neighbours:
 *     `gazContextKey`, 18 bits;
 *   - the WORD rows, the other WORD_CONTEXT_COUNT, read word hashes and list bits.
 * Each group writes the rows `contextFeaturesOf` writes for it (the same templates and values).
 */
export const CLASS_CONTEXT_COUNT = 4;
export const GAZ_CONTEXT_COUNT = 3;
export const WORD_CONTEXT_COUNT = FEATURE_COUNT - OWN_FEATURE_COUNT - CLASS_CONTEXT_COUNT - GAZ_CONTEXT_COUNT;

/** Everything the CLASS rows of token i read, packed: kPrev (4 bits), k (3), kNext (4), pos (2), mode (2), doc (2). */
export function classContextKey(p: Prepared, i: number): number {
  const from = p.sentFrom[i] as number;
  const to = p.sentTo[i] as number;
  return (
    classAt(p, i - 1, from, to) |
    ((p.caseClass[i] as number) << 4) |
    (classAt(p, i + 1, from, to) << 7) |
    ((p.sentPos[i] as number) << 11) |
    ((p.mode[i] as number) << 13) |
    ((p.docBits[i] as number) << 15)
  );
}

/** Writes the CLASS_CONTEXT_COUNT rows of a `classContextKey`. */
export function classContextFeatures(key: number, out: Int32Array, at: number): void {
  const kPrev = key & 15;
  const k = (key >>> 4) & 7;
  const kNext = (key >>> 7) & 15;
  const pos = (key >>> 11) & 3;
  const mode = (key >>> 13) & 3;
  const doc = (key >>> 15) & 3;
  out[at] = row(19, kPrev, k, kNext);
  out[at + 1] = row(20, pos, k, mode);
  out[at + 2] = row(27, doc, k, pos === 0 ? 0 : 1);
  out[at + 3] = row(28, mode, k, doc);
}

/** A gazetteer mark (0-31, or gazAt's 250 / 251 past the sentence's ends) in 6 bits. */
function gazBits(g: number): number {
  return g >= 250 ? g - 250 + 32 : g;
}
function gazOfBits(b: number): number {
  return b >= 32 ? b - 32 + 250 : b;
}

/** Everything the GAZ rows of token i read, packed: the marks of the previous token, the token and the next, 6 bits each. */
export function gazContextKey(p: Prepared, i: number): number {
  const from = p.sentFrom[i] as number;
  const to = p.sentTo[i] as number;
  return gazBits(gazAt(p, i - 1, from, to)) | (gazBits(p.gaz[i] as number) << 6) | (gazBits(gazAt(p, i + 1, from, to)) << 12);
}

/** Writes the GAZ_CONTEXT_COUNT rows of a `gazContextKey`. */
export function gazContextFeatures(key: number, out: Int32Array, at: number): void {
  const prev = gazOfBits(key & 63);
  const gaz = gazOfBits((key >>> 6) & 63);
  const next = gazOfBits((key >>> 12) & 63);
  out[at] = row(21, gaz);
  out[at + 1] = row(22, prev, gaz);
  out[at + 2] = row(23, gaz, next);
}

/** Writes the WORD_CONTEXT_COUNT rows of token i: those of `contextFeaturesOf` that read words and word lists. */
export function wordContextFeaturesOf(p: Prepared, i: number, out: Int32Array, at: number): void {
  const from = p.sentFrom[i] as number;
  const to = p.sentTo[i] as number;
  const w = p.normHash[i] as number;
  const k = p.caseClass[i] as number;
  const wPrev = normAt(p, i - 1, from, to);
  const wNext = normAt(p, i + 1, from, to);
  const mode = p.mode[i] as number;
  let f = at;
  out[f++] = row(3, wPrev);
  out[f++] = row(4, wNext);
  out[f++] = row(7, wPrev, w);
  out[f++] = row(8, w, wNext);
  out[f++] = row(25, listsOrEdge(p, i - 1, from, to), k);
  out[f++] = row(26, listsOrEdge(p, i + 1, from, to), k);
  out[f++] = row(30, wPrev, k);
  out[f++] = row(31, k, wNext);
  out[f++] = row(33, mode, w);
  out[f++] = row(35, normAt(p, i - 2, from, to), wPrev, k);
}

/** Writes the FEATURE_COUNT - OWN_FEATURE_COUNT rows of token i that read its neighbours and sentence. */
export function contextFeaturesOf(p: Prepared, i: number, out: Int32Array, at: number): void {
  const from = p.sentFrom[i] as number;
  const to = p.sentTo[i] as number;
  const w = p.normHash[i] as number;
  const k = p.caseClass[i] as number;
  const wPrev = normAt(p, i - 1, from, to);
  const wNext = normAt(p, i + 1, from, to);
  const kPrev = classAt(p, i - 1, from, to);
  const kNext = classAt(p, i + 1, from, to);
  const mode = p.mode[i] as number;
  const pos = p.sentPos[i] as number;
  const doc = p.docBits[i] as number;
  const listsPrev = listsOrEdge(p, i - 1, from, to);
  const listsNext = listsOrEdge(p, i + 1, from, to);
  const gaz = p.gaz[i] as number;
  let f = at;
  out[f++] = row(3, wPrev);
  out[f++] = row(4, wNext);
  out[f++] = row(7, wPrev, w);
  out[f++] = row(8, w, wNext);
  out[f++] = row(19, kPrev, k, kNext);
  out[f++] = row(20, pos, k, mode);
  out[f++] = row(21, gaz);
  out[f++] = row(22, gazAt(p, i - 1, from, to), gaz);
  out[f++] = row(23, gaz, gazAt(p, i + 1, from, to));
  out[f++] = row(25, listsPrev, k);
  out[f++] = row(26, listsNext, k);
  out[f++] = row(27, doc, k, pos === 0 ? 0 : 1);
  out[f++] = row(28, mode, k, doc);
  out[f++] = row(30, wPrev, k);
  out[f++] = row(31, k, wNext);
  out[f++] = row(33, mode, w);
  out[f++] = row(35, normAt(p, i - 2, from, to), wPrev, k);
}
