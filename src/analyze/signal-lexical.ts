/**
 * Every lexicon match of a document, found in one pass over its words and shared by opinion.ts
 * and signals.ts. A word whose norm starts no entry in any table (most words) costs one Set
 * lookup; the others are tried against each table, longest entry first, without overlaps within
 * a table. Matches that are not what their table means in context (the country "US" as "us",
 * the month "May" as a hedge) are dropped here. Quoted matches are kept: each user decides
 * what quoted words count for.
 */
import { isHazardTerm, isLiteralSense, LOADED, type LoadedEntry } from './lexicon-loaded.js';
import {
  COMMENTARY, EVALUATIVE, FIRST_PERSON, HEDGES, INTENSIFIERS, OBLIGATION, REPORTING, SWEEPING, type Cue,
} from './lexicon-opinion.js';
import type { TextView } from './signal-view.js';
import type { PhraseMatch, PhraseTable, Word } from './signal-words.js';
import { wordBits, WORD_BITS } from './word-bits.js';

const CUE_TABLES = {
  hedge: HEDGES,
  intensifier: INTENSIFIERS,
  firstPerson: FIRST_PERSON,
  obligation: OBLIGATION,
  evaluative: EVALUATIVE,
  commentary: COMMENTARY,
  sweeping: SWEEPING,
  reporting: REPORTING,
} as const satisfies Record<string, PhraseTable<Cue>>;

export type CueTable = keyof typeof CUE_TABLES;
const CUE_NAMES = Object.keys(CUE_TABLES) as CueTable[];
const CUE_LIST: readonly PhraseTable<Cue>[] = CUE_NAMES.map((n) => CUE_TABLES[n]);
/**
 * The tables of the index below, in bit order. opinion.ts hands the classifier these masks, so
 * they must be the classifier's lexicon index (classifier/features.ts LEXICON_TABLES: the same
 * tables in the same order; signals.test.ts checks it).
 */
export const INDEX_TABLES: readonly PhraseTable<unknown>[] = [LOADED, ...CUE_LIST];

/**
 * Which tables can match at a word (bit 0 LOADED, bit k + 1 CUE_LIST[k]), from the tables' first
 * words, a word's possessive looked up by its stem as `matchAt` does: a field of the one word
 * table (word-bits.ts) that the word flags and the check-worthiness cues share, so one lookup per
 * word answers all of them, instead of a lookup in each of the nine tables for every word that
 * starts any entry. (The PhraseIndex of signal-words.ts, on a table of its own.)
 */
const INDEX = WORD_BITS.field(1 + CUE_LIST.length, true);
/**
 * Whether a word (or its stem) is the second word of an entry in any of the tables: most words
 * after a table's first word ("the", "of", "in" open entries in three tables) are not, and then
 * `matchAt` skips its lookup of the entries of two or more words.
 */
const SECOND = WORD_BITS.field(1, true);
INDEX_TABLES.forEach((table, k) => {
  for (const w of (table as PhraseTable<unknown>).firstWords()) WORD_BITS.add(INDEX, w, 1 << k);
  for (const w of (table as PhraseTable<unknown>).secondWords()) WORD_BITS.add(SECOND, w, 1);
});
const CUE_BIT = Object.fromEntries(CUE_NAMES.map((n, k) => [n, 2 << k])) as Record<CueTable, number>;

export interface Lexical {
  loaded: PhraseMatch<LoadedEntry>[];
  /** Lexicon matches meant literally or technically ("a fire destroyed", "toxic fumes"): not loaded, and no classifier mark either. */
  literal: PhraseMatch<LoadedEntry>[];
  cues: Record<CueTable, PhraseMatch<Cue>[]>;
  /** Matches per sentence index (a match lying across two sentences belongs to none); read-only (empty lists, and the lists of tables without a match, are shared). */
  loadedBySentence: PhraseMatch<LoadedEntry>[][];
  cuesBySentence: Record<CueTable, PhraseMatch<Cue>[][]>;
  /** Sentence index of each word (-1 between sentences). */
  sentenceOf: Int32Array;
  /** Which tables can match at each word (INDEX bits: see `canStart`). */
  masks: Int32Array;
}

/** False when no entry of `table` starts at word i (then `matchAt` there is null, whatever the end). */
export function canStart(lex: Lexical, table: CueTable, i: number): boolean {
  return ((lex.masks[i] as number) & CUE_BIT[table]) !== 0;
}

const MODAL_HEDGES: ReadonlySet<string> = new Set(['may', 'might', 'could']);
const NEGATIONS: ReadonlySet<string> = new Set(['not', "n't", 'never']);
const ROMAN_CONTEXT: ReadonlySet<string> = new Set(['war', 'world', 'phase', 'part', 'chapter', 'class', 'type', 'article', 'title', 'stage', 'level', 'grade']);

/** False for matches that are not what the table means here ("US" the country, "May" the month). */
export function isRealMatch(view: TextView, table: CueTable, m: PhraseMatch<Cue>): boolean {
  const w = view.words[m.from] as Word;
  if (table === 'firstPerson') {
    if (m.value.lemma === 'us') return view.text.slice(w.start, w.end) === 'us';
    if (m.value.lemma === 'i') {
      if (view.text.slice(w.start, w.end) !== 'I') return false;
      const prev = view.words[m.from - 1];
      return !(prev && !prev.gap && ROMAN_CONTEXT.has(prev.norm));
    }
    return true;
  }
  if (table === 'hedge' && MODAL_HEDGES.has(m.value.lemma)) {
    const surface = view.text.slice(w.start, w.end);
    if (m.value.lemma === 'may' && surface !== 'may') return false; // May, the month or the name
    const next = view.words[m.to];
    if (next === undefined || next.gap || next.kind === 'number') return false;
    // "could not be reached" is inability, not doubt; "may not be known for weeks" and "might not
    // survive" still hedge
    if (m.value.lemma === 'could' && NEGATIONS.has(next.norm)) return false;
  }
  // "dangerous chemicals": a technical term, not the writer's verdict (as for loaded words)
  if (table === 'evaluative' && isHazardTerm(view.text, view.words, m.from, m.to, m.value.lemma)) return false;
  // "three of them seriously injured", "seriously ill": how badly someone is hurt, a medical fact
  // ("14 were injured, three of them seriously": the condition said before the adverb)
  if (table === 'intensifier' && SEVERITY_ADVERBS.has(m.value.lemma) && (conditionWithin(view.words, m.to, 1) || conditionBefore(view.words, m.from, 6))) return false;
  // "None of them is seriously ill", "all of them were in a stable condition": a count of the
  // people just named, not a sweeping claim
  if (table === 'sweeping' && GROUP_PARTITIVE.has(view.words[m.to - 1]?.norm ?? '') && view.words[m.to - 2]?.norm === 'of' && BE_FORMS.has(view.words[m.to]?.norm ?? '') && conditionWithin(view.words, m.to + 1, 3)) return false;
  return true;
}

/** Adverbs that grade an injury or illness ("seriously injured", "critically ill"). */
const SEVERITY_ADVERBS: ReadonlySet<string> = new Set(['seriously', 'critically', 'badly', 'gravely', 'severely']);
/** The last word of a partitive of a group just named: "none of them", "all of those". */
const GROUP_PARTITIVE: ReadonlySet<string> = new Set(['them', 'those', 'these', 'us']);
const BE_FORMS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'remain', 'remains', 'remained']);
/** Words of bodily harm and medical condition. */
const CONDITION_WORDS: ReadonlySet<string> = new Set([
  'ill', 'sick', 'injured', 'hurt', 'wounded', 'burned', 'burnt', 'harmed', 'hospitalised', 'hospitalized', 'hospital', 'stable',
  'critical', 'condition', 'unharmed', 'unhurt', 'missing', 'dead', 'killed', 'alive', 'safe', 'conscious', 'unconscious', 'injuries',
]);

/** Is there a CONDITION_WORDS word among the `n` words before index i? */
function conditionBefore(words: readonly Word[], i: number, n: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - n; k--) if (CONDITION_WORDS.has((words[k] as Word).norm)) return true;
  return false;
}

/** Is there a CONDITION_WORDS word among the `n` words from index i (in one run of words)? */
function conditionWithin(words: readonly Word[], i: number, n: number): boolean {
  for (let k = i; k < i + n && k < words.length; k++) {
    const w = words[k] as Word;
    if (k > i && w.gap) return false;
    if (CONDITION_WORDS.has(w.norm)) return true;
  }
  return false;
}

/** Shared by every sentence without matches of a table (most of them): read-only. */
const NONE: readonly unknown[] = Object.freeze([]);

function bucket<T>(matches: readonly PhraseMatch<T>[], sentenceOf: Int32Array, sentences: number, empty: PhraseMatch<unknown>[][]): PhraseMatch<T>[][] {
  // A table without a match in the document shares one list of empty lists (read-only) with the
  // others; arrays only for the sentences with a match: nine tables x every sentence was a lot
  // of garbage for mostly empty lists.
  if (matches.length === 0) return empty as PhraseMatch<T>[][];
  const out = new Array<PhraseMatch<T>[]>(sentences).fill(NONE as unknown as PhraseMatch<T>[]);
  for (const m of matches) {
    const s = sentenceOf[m.from] ?? -1;
    if (s >= 0 && sentenceOf[m.to - 1] === s) {
      let list = out[s] as PhraseMatch<T>[];
      if ((list as readonly unknown[]) === NONE) out[s] = list = [];
      list.push(m);
    }
  }
  return out;
}

function build(view: TextView): Lexical {
  const { words } = view;
  const loaded: PhraseMatch<LoadedEntry>[] = [];
  const literal: PhraseMatch<LoadedEntry>[] = [];
  const found: PhraseMatch<Cue>[][] = CUE_NAMES.map(() => []);
  const nextFree = new Int32Array(CUE_NAMES.length + 1);
  const masks = new Int32Array(words.length);
  const bits = wordBits(view);
  for (let i = 0; i < words.length; i++) {
    const mask = ((bits[i] as number) & INDEX.mask) >>> INDEX.shift;
    masks[i] = mask;
    if (mask === 0) continue;
    const secondMay = i + 1 < words.length && ((bits[i + 1] as number) & SECOND.mask) !== 0;
    if ((mask & 1) !== 0 && i >= (nextFree[0] as number)) {
      const m = LOADED.matchAt(words, i, words.length, secondMay);
      if (m) {
        // "A fire destroyed the warehouse" reports damage, "toxic fumes" a hazard: literal or
        // technical senses are not loaded
        if (!isLiteralSense(view.text, words, m.from, m.to, m.value)) loaded.push(m);
        else literal.push(m);
        nextFree[0] = m.to;
      }
    }
    for (let k = 0; k < CUE_NAMES.length; k++) {
      if ((mask & (2 << k)) === 0 || i < (nextFree[k + 1] as number)) continue;
      const m = (CUE_LIST[k] as PhraseTable<Cue>).matchAt(words, i, words.length, secondMay);
      if (m === null) continue;
      nextFree[k + 1] = m.to;
      if (isRealMatch(view, CUE_NAMES[k] as CueTable, m)) (found[k] as PhraseMatch<Cue>[]).push(m);
    }
  }
  const cues = Object.fromEntries(CUE_NAMES.map((n, k) => [n, found[k] as PhraseMatch<Cue>[]])) as Record<CueTable, PhraseMatch<Cue>[]>;
  const sentenceOf = new Int32Array(words.length).fill(-1);
  for (const s of view.sentences) for (let i = s.from; i < s.to; i++) sentenceOf[i] = s.index;
  const n = view.sentences.length;
  const empty = new Array<PhraseMatch<unknown>[]>(n).fill(NONE as unknown as PhraseMatch<unknown>[]);
  const cuesBySentence = Object.fromEntries(CUE_NAMES.map((name) => [name, bucket(cues[name], sentenceOf, n, empty)])) as Record<CueTable, PhraseMatch<Cue>[][]>;
  return { loaded, literal, cues, loadedBySentence: bucket(loaded, sentenceOf, n, empty), cuesBySentence, sentenceOf, masks };
}

/** The lexicon matches of a view (built once per view, kept on it). */
export function lexicalOf(view: TextView): Lexical {
  view.memo.lexical ??= build(view);
  return view.memo.lexical;
}
