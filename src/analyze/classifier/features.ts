/**
 * Features of the profile classifier, from the raw text of one sentence (no pipeline needed, so
 * `crosscheck classify` and the analysis share them). Everything is hashed into a fixed number
 * of buckets (FNV-1a, hash.ts); the model is outlet-agnostic (no outlet, URL or topic feature).
 *
 * Sentence features (opinion and bias models):
 *   w:  word unigrams (lower-cased norms)            b:  word bigrams
 *   c:  character 3- to 5-grams of each word, with word boundaries (" slam", "med ")
 *   L:  our loaded-word lexicon (lexicon-loaded.ts): kind, lemma and weight, in or out of quotes
 *   Q:  our opinion cue tables (lexicon-opinion.ts): hedge, intensifier, first person,
 *       obligation, evaluative, commentary, sweeping, reporting: max weight per table
 *   s:  POS-free cues: first person outside quotes, modal, quote marks, question or exclamation
 *       mark, a number, a date word, length band, share of capitalised words, "..." openings
 *
 * Word features (loaded-word model), for word i: its norm, character 3- to 5-grams, the words
 * around it, its lexicon entry, capitalisation (names are not loaded words) and quotes.
 */
import { LOADED, type LoadedEntry } from '../lexicon-loaded.js';
import {
  COMMENTARY, DATE_WORDS, EVALUATIVE, FIRST_PERSON, HEDGES, INTENSIFIERS, OBLIGATION, REPORTING, SWEEPING, type Cue,
} from '../lexicon-opinion.js';
import { matchAllMasked, PhraseIndex, type PhraseMatch, type PhraseTable } from '../signal-words.js';
import type { CompactModel } from './encode.js';
import { fnv, FNV_OFFSET } from './hash.js';

/** A word of a sentence: the fields of signal-words.ts's Word the features read, and their own. */
export interface SentenceWord {
  start: number;
  end: number;
  /** Lower-cased, typographic apostrophes as "'". */
  norm: string;
  /** True when punctuation stands between this word and the previous one. */
  gap: boolean;
  /** True for a number. */
  isNumber: boolean;
  /** Starts with an upper-case letter. */
  capital: boolean;
  /** Inside quotation marks. */
  quoted: boolean;
}

/** The words of one sentence, and the sentence-level facts read on the way. */
export interface Tokens {
  text: string;
  words: SentenceWord[];
  quoteMarks: number;
  question: boolean;
  exclamation: boolean;
}

// Letters and digits with inner apostrophes ("don't", "Trump's"); anything else is one mark.
// (The reference definition; `tokens` scans by character class instead, with the same result:
// the regex with \p{...} classes was a tenth of the classifier's time.)
//   /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu
const DIGIT = /^\p{N}/u;
const UPPER = /^\p{Lu}/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/u;

/** Character classes: 0 white space, 1 letter or digit, 2 anything else. */
const SPACE_CLASS = 0;
const WORD_CLASS = 1;
const ASCII_CLASS = new Uint8Array(128).map((_, c) => {
  const ch = String.fromCharCode(c);
  return SPACE.test(ch) ? SPACE_CLASS : WORD_CHAR.test(ch) ? WORD_CLASS : 2;
});
/** Classes of the non-ASCII code points seen so far (few distinct ones in a corpus). */
const WIDE_CLASS = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp] as number;
  let k = WIDE_CLASS.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = SPACE.test(ch) ? SPACE_CLASS : WORD_CHAR.test(ch) ? WORD_CLASS : 2;
    WIDE_CLASS.set(cp, k);
  }
  return k;
}

/** Code point at i (a lone surrogate is its own code point, as in a /u regex). */
function codePointAt(text: string, i: number): number {
  return text.codePointAt(i) as number;
}

function isQuoteMark(c: number): boolean {
  return c === 0x22 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb;
}

/** End of the run of letters and digits starting at i. */
function wordRunEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const cp = codePointAt(text, i);
    if (classOf(cp) !== WORD_CLASS) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** Splits a sentence into words (hyphen parts joined, `gap` after other punctuation). */
export function tokens(text: string): Tokens {
  const words: SentenceWord[] = [];
  let gap = false;
  let quoted = false;
  let quoteMarks = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = codePointAt(text, i);
    const size = cp > 0xffff ? 2 : 1;
    const k = classOf(cp);
    if (k === SPACE_CLASS) {
      i += size;
      continue;
    }
    if (k !== WORD_CLASS && size === 1) {
      // one mark (an astral symbol is two code units and is kept as a word, as the regex did)
      if (isQuoteMark(cp)) {
        quoteMarks++;
        // a straight quote opens or closes by turn; curly ones say which
        quoted = cp === 0x201c || cp === 0x201e || cp === 0xab ? true : cp === 0x201d || cp === 0xbb ? false : !quoted;
      }
      if (!(cp === 0x2d || cp === 0x2010 || cp === 0x2011)) gap = true; // a hyphen joins ("far-right")
      i++;
      continue;
    }
    const start = i;
    let end = i + size;
    let curly = false;
    if (k === WORD_CLASS) {
      end = wordRunEnd(text, end);
      // inner apostrophes: "don't", "Trump’s"
      while (end + 1 < n) {
        const a = text.charCodeAt(end);
        if (a !== 0x27 && a !== 0x2019) break;
        if (classOf(codePointAt(text, end + 1)) !== WORD_CLASS) break;
        if (a === 0x2019) curly = true;
        end = wordRunEnd(text, end + 1);
      }
    }
    const s = text.slice(start, end);
    const lower = s.toLowerCase();
    words.push({
      start,
      end,
      norm: curly ? lower.replace(/\u2019/g, "'") : lower,
      gap,
      isNumber: cp < 128 ? cp >= 48 && cp <= 57 : DIGIT.test(s),
      capital: cp < 128 ? cp >= 65 && cp <= 90 : UPPER.test(s),
      quoted,
    });
    gap = false;
    i = end;
  }
  const t = text.trimEnd();
  let e = t.length - 1;
  while (e >= 0 && /["\u201d\u2019)]/.test(t[e] ?? '')) e--;
  return { text, words, quoteMarks, question: t[e] === '?', exclamation: t[e] === '!' };
}

/** A growable sparse vector: bucket indices and values (duplicates add up). */
export class Features {
  idx: Int32Array;
  val: Float32Array;
  n = 0;
  constructor(capacity = 1024) {
    this.idx = new Int32Array(capacity);
    this.val = new Float32Array(capacity);
  }
  clear(): void {
    this.n = 0;
  }
  add(hash: number, value: number): void {
    if (this.n === this.idx.length) {
      const idx = new Int32Array(this.n * 2);
      idx.set(this.idx);
      const val = new Float32Array(this.n * 2);
      val.set(this.val);
      this.idx = idx;
      this.val = val;
    }
    this.idx[this.n] = hash | 0;
    this.val[this.n++] = value;
  }
  /** Makes room for `k` more features (so a caller may write idx/val at [n, n + k) itself). */
  reserve(k: number): void {
    let size = this.idx.length;
    if (this.n + k <= size) return;
    while (this.n + k > size) size *= 2;
    const idx = new Int32Array(size);
    idx.set(this.idx);
    const val = new Float32Array(size);
    val.set(this.val);
    this.idx = idx;
    this.val = val;
  }
  /** Scales values [from, n) so that they have L2 norm `norm` (1 unless a family is weighted). */
  normalise(from: number, norm = 1): void {
    let ss = 0;
    for (let i = from; i < this.n; i++) ss += (this.val[i] as number) ** 2;
    if (ss === 0) return;
    const f = norm / Math.sqrt(ss);
    for (let i = from; i < this.n; i++) this.val[i] = (this.val[i] as number) * f;
  }
  copy(): Features {
    const out = new Features(Math.max(1, this.n));
    out.idx.set(this.idx.subarray(0, this.n));
    out.val.set(this.val.subarray(0, this.n));
    out.n = this.n;
    return out;
  }
}

const CUE_TABLES: readonly (readonly [string, PhraseTable<Cue>])[] = [
  ['hedge', HEDGES], ['intensifier', INTENSIFIERS], ['firstPerson', FIRST_PERSON], ['obligation', OBLIGATION],
  ['evaluative', EVALUATIVE], ['commentary', COMMENTARY], ['sweeping', SWEEPING], ['reporting', REPORTING],
];
const MODALS: ReadonlySet<string> = new Set(['should', 'must', 'would', 'could', 'might', 'may', 'ought', 'shall', 'will', "won't", "shouldn't", "wouldn't", "couldn't"]);
const FIRST_PERSON_WORDS: ReadonlySet<string> = new Set(['i', 'me', 'my', 'we', 'our', 'ours', 'us', "i'm", "we're", "i've", "we've", "let's"]);

/** Seeds of each feature family: a family's hash continues from its seed. */
const SEED = {
  word: fnv('w\u0001'), bigram: fnv('b\u0001'), char: fnv('c\u0001'), loaded: fnv('L\u0001'), cue: fnv('Q\u0001'),
  cue2: fnv('Q2\u0001'), cue3: fnv('Q3\u0001'), shape: fnv('s\u0001'), bias: fnv('bias'),
  wWord: fnv('W\u0001'), wChar: fnv('C\u0001'), wPrev: fnv('P\u0001'), wNext: fnv('N\u0001'), wPrev2: fnv('PP\u0001'), wNext2: fnv('NN\u0001'), wLex: fnv('X\u0001'), wShape: fnv('S\u0001'),
} as const;

// Constant hashes of the word model's fixed features, computed once (they were hashed per word).
const SHAPE_NUMBER = fnv('number', SEED.wShape);
const SHAPE_SHORT = fnv('short', SEED.wShape);
const SHAPE_LY = fnv('ly', SEED.wShape);
const SHAPE_NAME = fnv('name', SEED.wShape);
const SHAPE_FIRST = fnv('first', SEED.wShape);
const SHAPE_QUOTED = fnv('quoted', SEED.wShape);
const W_START = fnv('<s>', SEED.wPrev);
const W_END = fnv('</s>', SEED.wNext);
const W_LEX_ANY = fnv('any', SEED.wLex);

/** Lexicon matches of a sentence: loaded words and each cue table, without overlaps per table. */
export interface SentenceLexicon {
  loaded: PhraseMatch<LoadedEntry>[];
  /** `k`: the table's index in CUE_TABLES. */
  cues: { table: string; k: number; match: PhraseMatch<Cue> }[];
}

/** The tables of the lexicon index: LOADED (bit 0) and the cue tables (bit k + 1). */
export const LEXICON_TABLES: readonly PhraseTable<unknown>[] = [LOADED, ...CUE_TABLES.map(([, table]) => table)];
/** First-word index of LEXICON_TABLES, to skip words that start no entry. */
const LEXICON_INDEX = new PhraseIndex(LEXICON_TABLES);

/** LEXICON_INDEX's mask of a word norm. */
export function lexiconMask(norm: string): number {
  return LEXICON_INDEX.maskOf(norm);
}

/**
 * The lexicon matches of a sentence. `masks`, when given, holds LEXICON_INDEX's mask of each word
 * (a caller that has them already: opinion.ts takes them from the view's lexicon, whose index is
 * the same tables in the same order, see signal-lexical.ts); else they are looked up.
 */
export function lexiconOf(t: Tokens, masks: Int32Array = LEXICON_INDEX.masks(t.words)): SentenceLexicon {
  const { words } = t;
  let any = 0;
  for (let i = 0; i < masks.length; i++) any |= masks[i] as number;
  const loaded = (any & 1) === 0 ? [] : matchAllMasked(LOADED, words, masks, 1);
  const cues: { table: string; k: number; match: PhraseMatch<Cue> }[] = [];
  for (let k = 0; k < CUE_TABLES.length; k++) {
    const bit = 1 << (k + 1);
    if ((any & bit) === 0) continue;
    const [name, table] = CUE_TABLES[k] as readonly [string, PhraseTable<Cue>];
    for (const m of matchAllMasked(table, words, masks, bit)) {
      const w = words[m.from] as SentenceWord;
      if (name === 'firstPerson' && (m.value.lemma === 'us' || m.value.lemma === 'i') && !(w.norm === 'us' ? t.text.slice(w.start, w.end) === 'us' : t.text.slice(w.start, w.end) === 'I')) continue;
      if (name === 'hedge' && m.value.lemma === 'may' && t.text.slice(w.start, w.end) !== 'may') continue;
      cues.push({ table: name, k, match: m });
    }
  }
  return { loaded, cues };
}

const CHAR_MIN = 3;
const CHAR_MAX = 5;

/**
 * Character n-grams of " norm " into `f` from `seed`, each with `value`. The padded string is
 * not built: the hash runs over its code units directly (a space at either end), the same
 * values as fnvSlice over ' ' + norm + ' ' without a string per word.
 */
function charGrams(f: Features, norm: string, seed: number, value: number): void {
  const n = norm.length + 2;
  if (n > PADDED.length) {
    for (let len = CHAR_MIN; len <= CHAR_MAX; len++) {
      for (let i = 0; i + len <= n; i++) {
        let h = seed + len;
        for (let k = i; k < i + len; k++) h = Math.imul(h ^ (k === 0 || k === n - 1 ? 32 : norm.charCodeAt(k - 1)), 16777619);
        f.add(h >>> 0, value);
      }
    }
    return;
  }
  // The same hashes from the padded code units read once into a scratch array, written straight
  // into the buffer (add stores (h >>> 0) | 0, which is h).
  PADDED[0] = 32;
  for (let k = 1; k < n - 1; k++) PADDED[k] = norm.charCodeAt(k - 1);
  PADDED[n - 1] = 32;
  let count = 0;
  for (let len = CHAR_MIN; len <= CHAR_MAX; len++) if (n >= len) count += n - len + 1;
  f.reserve(count);
  const { idx, val } = f;
  let at = f.n;
  for (let len = CHAR_MIN; len <= CHAR_MAX; len++) {
    for (let i = 0; i + len <= n; i++) {
      let h = seed + len;
      for (let k = i; k < i + len; k++) h = Math.imul(h ^ (PADDED[k] as number), 16777619);
      idx[at] = h;
      val[at++] = value;
    }
  }
  f.n = at;
}
/** Scratch code units of " norm " for charGrams (longer words take the plain loop). */
const PADDED = new Int32Array(64);

/**
 * The hashes of each word of a sentence that the features read more than once or from a
 * neighbour: the unigram hash of the sentence models (numbers as '#'), the FNV state of a bigram
 * whose left word it is (its norm, then ' '), and the word model's hashes of it as the previous,
 * next, second previous and second next word. Made by `wordHashes` in one pass over each norm's
 * characters (six independent FNV chains side by side), the same values as fnv one by one.
 */
export class WordHashes {
  n = 0;
  word = new Int32Array(64);
  left = new Int32Array(64);
  prev = new Int32Array(64);
  next = new Int32Array(64);
  prev2 = new Int32Array(64);
  next2 = new Int32Array(64);
}

const NUMBER_WORD = fnv('#', SEED.word);

/** The WordHashes of the words of `t` into `out` (its arrays grow to the longest sentence). */
export function wordHashes(t: Tokens, out: WordHashes): void {
  const { words } = t;
  const n = words.length;
  if (n > out.word.length) {
    let size = out.word.length;
    while (size < n) size *= 2;
    out.word = new Int32Array(size);
    out.left = new Int32Array(size);
    out.prev = new Int32Array(size);
    out.next = new Int32Array(size);
    out.prev2 = new Int32Array(size);
    out.next2 = new Int32Array(size);
  }
  out.n = n;
  for (let i = 0; i < n; i++) {
    const w = words[i] as SentenceWord;
    const norm = w.norm;
    let hw = SEED.word;
    let hb = SEED.bigram;
    let hp = SEED.wPrev;
    let hn = SEED.wNext;
    let hp2 = SEED.wPrev2;
    let hn2 = SEED.wNext2;
    for (let k = 0; k < norm.length; k++) {
      const c = norm.charCodeAt(k);
      hw = Math.imul(hw ^ c, 16777619);
      hb = Math.imul(hb ^ c, 16777619);
      hp = Math.imul(hp ^ c, 16777619);
      hn = Math.imul(hn ^ c, 16777619);
      hp2 = Math.imul(hp2 ^ c, 16777619);
      hn2 = Math.imul(hn2 ^ c, 16777619);
    }
    // fnv(' ', fnv(norm, SEED.bigram)): the state continues from the unsigned hash
    out.word[i] = w.isNumber ? NUMBER_WORD : hw;
    out.left[i] = Math.imul((hb >>> 0) ^ 32, 16777619);
    out.prev[i] = hp;
    out.next[i] = hn;
    out.prev2[i] = hp2;
    out.next2[i] = hn2;
  }
}

/**
 * Weight of each sentence feature family (words and bigrams, character n-grams: their L2 norm;
 * lexicon and cue hits: a factor on their table weights). All 1: the families weighed alike was
 * the best of the variants tried across outlets (TRAINING.md, eval/profile-babe-outlets.ts).
 */
export interface FamilyWeights {
  words: number;
  chars: number;
  lexicon: number;
  cues: number;
}
export const FAMILY_WEIGHTS: Readonly<FamilyWeights> = { words: 1, chars: 1, lexicon: 1, cues: 1 };

/**
 * Sentence features into `f` (cleared first). Families are normalised one by one. `hashes`, when
 * given, holds the sentence's WordHashes (the same features, the words not hashed again).
 */
export function sentenceFeatures(t: Tokens, lex: SentenceLexicon, f: Features, weights: Readonly<FamilyWeights> = FAMILY_WEIGHTS, hashes: WordHashes | null = null): void {
  f.clear();
  const { words } = t;
  f.add(SEED.bias, 1);
  // words and bigrams
  let from = f.n;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as SentenceWord;
    if (hashes === null) {
      const hw = fnv(w.isNumber ? '#' : w.norm, SEED.word);
      f.add(hw, 1);
      if (i > 0) f.add(fnv(w.isNumber ? '#' : w.norm, fnv(' ', fnv((words[i - 1] as SentenceWord).norm, SEED.bigram))), 1);
    } else {
      f.add(hashes.word[i] as number, 1);
      if (i > 0) f.add(fnv(w.isNumber ? '#' : w.norm, (hashes.left[i - 1] as number) >>> 0), 1);
    }
  }
  f.normalise(from, weights.words);
  // character n-grams
  from = f.n;
  for (const w of words) if (!w.isNumber) charGrams(f, w.norm, SEED.char, 1);
  f.normalise(from, weights.chars);
  const lw = weights.lexicon;
  const cw = weights.cues;
  // lexicons: kept at their table weights (not normalised: a hit is a hit in any sentence)
  let loadedOut = 0;
  let loadedIn = 0;
  for (const m of lex.loaded) {
    const quoted = (words[m.from] as SentenceWord).quoted;
    const e = m.value;
    f.add(hashOf(quoted ? 'q' + e.kind : e.kind, SEED.loaded, LOADED_HASHES), e.weight * lw);
    f.add(hashOf(e.lemma, SEED.loaded, LOADED_HASHES), 0.5 * lw);
    if (quoted) loadedIn += e.weight;
    else loadedOut += e.weight;
  }
  if (loadedOut > 0) f.add(H_ANY_OUT, Math.min(1.5, loadedOut) * lw);
  if (loadedIn > 0) f.add(H_ANY_IN, Math.min(1.5, loadedIn) * lw);
  // The strongest cue of each table, in or out of quotes, in the order each was first met (as a
  // Map of the keys would iterate them): slot 2k + quoted.
  let slots = 0;
  for (const { k, match } of lex.cues) {
    const slot = 2 * k + ((words[match.from] as SentenceWord).quoted ? 1 : 0);
    if (BEST[slot] === -Infinity) {
      BEST[slot] = 0;
      SLOT_ORDER[slots++] = slot;
    }
    BEST[slot] = Math.max(BEST[slot] as number, match.value.weight);
    f.add(hashOf(match.value.lemma, SEED.cue2, CUE2_HASHES), 0.3 * cw);
  }
  for (let j = 0; j < slots; j++) {
    const slot = SLOT_ORDER[j] as number;
    f.add(CUE_HASHES[slot] as number, (BEST[slot] as number) * cw);
    BEST[slot] = -Infinity;
  }
  // POS-free cues (no local helper closure: this runs once per classified sentence)
  let caps = 0;
  let firstPerson = false;
  let modal = false;
  let number = false;
  let date = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as SentenceWord;
    if (w.capital && i > 0) caps++;
    const b = SHAPE_WORDS.get(w.norm);
    if (b !== undefined) {
      if (!w.quoted && (b & SHAPE_FIRST_PERSON) !== 0 && !(w.norm === 'us' && t.text.slice(w.start, w.end) !== 'us')) firstPerson = true;
      if (!w.quoted && (b & SHAPE_MODAL) !== 0) modal = true;
      if ((b & SHAPE_DATE) !== 0) date = true;
    }
    if (w.isNumber) number = true;
  }
  if (firstPerson) f.add(S.firstPerson, 1);
  if (modal) f.add(S.modal, 1);
  if (number) f.add(S.number, 1);
  if (date) f.add(S.date, 1);
  if (t.quoteMarks > 0) f.add(S.quote, 1);
  if (t.quoteMarks === 1) f.add(S.openQuote, 1);
  if (t.question) f.add(S.question, 1);
  if (t.exclamation) f.add(S.exclamation, 1);
  if (t.text.startsWith('...') || t.text.startsWith('\u2026')) f.add(S.ellipsisStart, 1);
  const n = words.length;
  f.add(S.len[n < 12 ? 0 : n < 20 ? 1 : n < 30 ? 2 : n < 45 ? 3 : 4] as number, 1);
  if (n > 0) f.add(S.caps, Math.min(1, (caps / n) * 3));
}

// Constant hashes of the sentence features, computed once (they were hashed per sentence).
const S = {
  firstPerson: fnv('first-person', SEED.shape), modal: fnv('modal', SEED.shape), number: fnv('number', SEED.shape),
  date: fnv('date', SEED.shape), quote: fnv('quote', SEED.shape), openQuote: fnv('open-quote', SEED.shape),
  question: fnv('question', SEED.shape), exclamation: fnv('exclamation', SEED.shape), ellipsisStart: fnv('ellipsis-start', SEED.shape),
  len: [0, 1, 2, 3, 4].map((k) => fnv(`len${k}`, SEED.shape)), caps: fnv('caps', SEED.shape),
} as const;
const H_ANY_OUT = fnv('any-out', SEED.loaded);
const H_ANY_IN = fnv('any-in', SEED.loaded);
/** fnv(key, SEED.cue) of each slot 2k + quoted: the table's name, 'q' + name in quotes. */
const CUE_HASHES = CUE_TABLES.flatMap(([name]) => [fnv(name, SEED.cue), fnv('q' + name, SEED.cue)]);
const BEST = new Float64Array(CUE_HASHES.length).fill(-Infinity);
const SLOT_ORDER = new Int32Array(CUE_HASHES.length);
/**
 * Hashes of lexicon kinds and lemmas, by string: the keys are the entries of our own tables
 * (a few thousand at most), not the text's words, so the maps stay small.
 */
const LOADED_HASHES = new Map<string, number>();
const CUE2_HASHES = new Map<string, number>();
function hashOf(key: string, seed: number, memo: Map<string, number>): number {
  let h = memo.get(key);
  if (h === undefined) {
    h = fnv(key, seed);
    memo.set(key, h);
  }
  return h;
}
const SHAPE_FIRST_PERSON = 1;
const SHAPE_MODAL = 2;
const SHAPE_DATE = 4;
/** FIRST_PERSON_WORDS, MODALS and DATE_WORDS as bits of one map: one lookup per word, not three. */
const SHAPE_WORDS = new Map<string, number>();
for (const [list, bit] of [[FIRST_PERSON_WORDS, SHAPE_FIRST_PERSON], [MODALS, SHAPE_MODAL], [DATE_WORDS, SHAPE_DATE]] as const) {
  for (const w of list) SHAPE_WORDS.set(w, (SHAPE_WORDS.get(w) ?? 0) | bit);
}

/** Features of word `i` of `t` for the loaded-word model into `f` (cleared first). */
export function wordFeatures(t: Tokens, lexOfWord: readonly (LoadedEntry | null)[], i: number, f: Features): void {
  f.clear();
  wordOwnFeatures(t.words[i] as SentenceWord, f);
  wordContextFeatures(t, lexOfWord, i, f);
}

/**
 * The features of a word that depend on the word alone (its form, character n-grams, shape).
 * The model is linear, so their score can be cached per word form (see model.ts): this part
 * holds the character n-grams, the costliest features by far.
 */
export function wordOwnFeatures(w: SentenceWord, f: Features): void {
  f.add(SEED.bias, 1);
  const norm = w.isNumber ? '#' : w.norm;
  f.add(fnv(norm, SEED.wWord), 1);
  if (!w.isNumber) charGrams(f, w.norm, SEED.wChar, 0.3);
  if (w.isNumber) f.add(SHAPE_NUMBER, 1);
  if (w.norm.length <= 3) f.add(SHAPE_SHORT, 1);
  if (w.norm.endsWith('ly')) f.add(SHAPE_LY, 1);
}

/** The features of word i that depend on its neighbours, the lexicon and its place (appended to `f`). */
export function wordContextFeatures(t: Tokens, lexOfWord: readonly (LoadedEntry | null)[], i: number, f: Features): void {
  const { words } = t;
  const w = words[i] as SentenceWord;
  const prev = words[i - 1];
  const next = words[i + 1];
  f.add(prev ? fnv(prev.norm, SEED.wPrev) : W_START, 0.5);
  f.add(next ? fnv(next.norm, SEED.wNext) : W_END, 0.5);
  const prev2 = words[i - 2];
  const next2 = words[i + 2];
  if (prev2) f.add(fnv(prev2.norm, SEED.wPrev2), 0.3);
  if (next2) f.add(fnv(next2.norm, SEED.wNext2), 0.3);
  const e = lexOfWord[i] ?? null;
  if (e) {
    f.add(fnv(e.kind, SEED.wLex), e.weight);
    f.add(W_LEX_ANY, e.weight);
  }
  if (w.capital && i > 0 && !(prev?.gap ?? false)) f.add(SHAPE_NAME, 1);
  if (w.capital && i === 0) f.add(SHAPE_FIRST, 1);
  if (w.quoted) f.add(SHAPE_QUOTED, 1);
}

/**
 * score(model, wordContextFeatures(t, lexOfWord, i)) without the feature buffer: the same
 * features, weighted and summed in the same order with the values rounded to float32 as the
 * buffer stores them, so the result is bit for bit the same; the neighbours' hashes come from the
 * sentence's WordHashes. It runs for every word of every classified sentence.
 */
export function wordContextScore(t: Tokens, lexOfWord: readonly (LoadedEntry | null)[], i: number, model: CompactModel, hashes: WordHashes): number {
  const mask = (1 << model.bits) - 1;
  const { bytes, table } = model;
  const { words } = t;
  const w = words[i] as SentenceWord;
  const n = words.length;
  const prev = words[i - 1];
  let z = 0;
  z += (table[bytes[(i > 0 ? (hashes.prev[i - 1] as number) : W_START) & mask] as number] as number) * 0.5;
  z += (table[bytes[(i + 1 < n ? (hashes.next[i + 1] as number) : W_END) & mask] as number] as number) * 0.5;
  if (i > 1) z += (table[bytes[(hashes.prev2[i - 2] as number) & mask] as number] as number) * F32_03;
  if (i + 2 < n) z += (table[bytes[(hashes.next2[i + 2] as number) & mask] as number] as number) * F32_03;
  const e = lexOfWord[i] ?? null;
  if (e) {
    const v = Math.fround(e.weight);
    z += (table[bytes[fnv(e.kind, SEED.wLex) & mask] as number] as number) * v;
    z += (table[bytes[W_LEX_ANY & mask] as number] as number) * v;
  }
  if (w.capital && i > 0 && !(prev?.gap ?? false)) z += table[bytes[SHAPE_NAME & mask] as number] as number;
  if (w.capital && i === 0) z += table[bytes[SHAPE_FIRST & mask] as number] as number;
  if (w.quoted) z += table[bytes[SHAPE_QUOTED & mask] as number] as number;
  return z;
}
/** 0.3 as the Float32Array of a feature buffer holds it. */
const F32_03 = Math.fround(0.3);

/** The loaded-lexicon entry covering each word of `t` (null for none). */
export function loadedByWord(t: Tokens, lex: SentenceLexicon): (LoadedEntry | null)[] {
  const out: (LoadedEntry | null)[] = new Array<LoadedEntry | null>(t.words.length).fill(null);
  for (const m of lex.loaded) for (let i = m.from; i < m.to; i++) out[i] = m.value;
  return out;
}
