/**
 * The word stream the signal, opinion and claim stages match lexicons on, and the phrase table
 * they match with. Built from `doc.tokens` (norms), with two adjustments that make one lexicon
 * entry match every spelling of a phrase:
 *
 *   - hyphenated tokens ("far-right", "lashed-out") are split into their parts, which are marked
 *     as joined (`gap: false`), so the entry "far right" matches "far right" and "far-right";
 *   - a punctuation token between two words sets `gap` on the next word, so a multi-word entry
 *     never matches across a comma or a sentence end ("... the left. Blow up" is not "left blow").
 *
 * Matching is longest-first at each word, left to right, without overlaps: a Map lookup on the
 * first word, then a comparison of at most a handful of candidate entries (linear in the text).
 */
import type { Token, TokenKind } from '../model/index.js';

/**
 * A word of the view. Most words are the doc's own Token objects (no new object per word): only
 * a word after punctuation (`gap`) and the parts of a split hyphenated token are objects of their
 * own. A number is `kind === 'number'`.
 */
export interface Word {
  start: number;
  end: number;
  /** Lower-cased, typographic apostrophes as "'" (the token's norm or a part of it). */
  norm: string;
  kind: TokenKind;
  /** True when punctuation stands between this word and the previous one (absent: false). */
  gap?: boolean;
}

/** What phrase matching reads of a word: its norm and whether punctuation precedes it. */
export interface PhraseWord {
  norm: string;
  gap?: boolean;
}

/** True when the norm holds a hyphen (- \u2010 \u2011): a char-code scan, not a regex per token. */
function hasHyphen(norm: string): boolean {
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x2d || c === 0x2010 || c === 0x2011) return true;
  }
  return false;
}
const HYPHEN_SPLIT = /[-\u2010\u2011]+/g;

/**
 * The words of `tokens`, in text order (punctuation and symbols only set `gap`). A token read as
 * it is becomes the word itself: the view holds ~15% new objects per word instead of one each
 * (the words were a quarter of the claims stage's allocation).
 */
export function wordsOf(tokens: readonly Token[]): Word[] {
  const out: Word[] = [];
  let gap = false;
  for (const t of tokens) {
    const kind = t.kind;
    if (kind === 'punct' || kind === 'symbol') {
      gap = true;
      continue;
    }
    // Split "far-right" into parts when the norm lines up with the text (same length).
    if (kind !== 'number' && hasHyphen(t.norm) && t.norm.length === t.end - t.start) {
      let offset = 0;
      let first = true;
      for (const part of t.norm.split(HYPHEN_SPLIT)) {
        const at = t.norm.indexOf(part, offset);
        offset = at + part.length;
        if (part === '') continue;
        out.push({ start: t.start + at, end: t.start + offset, norm: part, kind: 'word', gap: first ? gap : false });
        first = false;
      }
      gap = false;
      continue;
    }
    out.push(gap ? { start: t.start, end: t.end, norm: t.norm, kind, gap } : t);
    gap = false;
  }
  return out;
}

/** Norm without a possessive "'s" ("trump's" -> "trump"), for lookups. */
export function stem(norm: string): string {
  const n = norm.length;
  return n > 2 && norm.charCodeAt(n - 1) === 115 && norm.charCodeAt(n - 2) === 39 ? norm.slice(0, -2) : norm;
}

export interface PhraseMatch<T> {
  /** Index of the first and one past the last word matched. */
  from: number;
  to: number;
  value: T;
}

interface PhraseEntry<T> {
  words: readonly string[];
  value: T;
  /** The match is refused when the next word is one of these ("the right" + "to"). */
  notBefore: ReadonlySet<string> | null;
}

/** Splits a lexicon phrase into the word norms it matches ("far-right" -> ["far", "right"]). */
export function phraseWords(phrase: string): string[] {
  return phrase.toLowerCase().replace(/\u2019/g, "'").split(/[\s\-\u2010\u2011]+/).filter((w) => w !== '');
}

/** Entries sharing a first word: the one-word entry, and longer ones keyed on their second word. */
interface PhraseNode<T> {
  single: PhraseEntry<T> | null;
  /** Entries of two or more words by second word, longest first. */
  bySecond: Map<string, PhraseEntry<T>[]>;
}

/**
 * Multi-word lexicon lookup keyed on the first two words' norms: a common first word ("the",
 * "of") costs two Map lookups, not a walk over every entry that starts with it.
 */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, PhraseNode<T>>();
  private count = 0;

  add(phrase: string, value: T, notBefore: readonly string[] = []): void {
    const words = phraseWords(phrase);
    const [first, second] = words;
    if (first === undefined) throw new Error(`empty lexicon phrase "${phrase}"`);
    let node = this.byFirst.get(first);
    if (node === undefined) {
      node = { single: null, bySecond: new Map() };
      this.byFirst.set(first, node);
    }
    // Later entries for the same words replace earlier ones (lexicon tables are read top-down).
    const entry: PhraseEntry<T> = { words, value, notBefore: notBefore.length ? new Set(notBefore) : null };
    if (second === undefined) {
      if (node.single === null) this.count++;
      node.single = entry;
      return;
    }
    const list = node.bySecond.get(second) ?? [];
    const same = list.findIndex((e) => e.words.length === words.length && e.words.every((w, i) => w === words[i]));
    if (same >= 0) list[same] = entry;
    else {
      list.push(entry);
      this.count++;
    }
    list.sort((x, y) => y.words.length - x.words.length);
    node.bySecond.set(second, list);
  }

  /** The first words of all entries (for a prefilter shared by several tables). */
  firstWords(): IterableIterator<string> {
    return this.byFirst.keys();
  }

  /** The second words of the entries of two or more words (for a prefilter: see `matchAt`). */
  *secondWords(): IterableIterator<string> {
    for (const node of this.byFirst.values()) yield* node.bySecond.keys();
  }

  get size(): number {
    return this.count;
  }

  has(phrase: string): boolean {
    const words = phraseWords(phrase);
    const node = this.byFirst.get(words[0] ?? '');
    if (node === undefined) return false;
    if (words.length === 1) return node.single !== null;
    return (node.bySecond.get(words[1] ?? '') ?? []).some((e) => e.words.length === words.length && e.words.every((w, i) => w === words[i]));
  }

  private lookup<V>(map: Map<string, V>, norm: string): V | undefined {
    const hit = map.get(norm);
    if (hit !== undefined) return hit;
    const stemmed = stem(norm);
    return stemmed === norm ? undefined : map.get(stemmed);
  }

  private accepts(e: PhraseEntry<T>, words: readonly PhraseWord[], to: number): boolean {
    if (e.notBefore === null) return true;
    const next = words[to];
    return next === undefined || next.gap || !e.notBefore.has(next.norm);
  }

  /**
   * The entry matching at word `i`, longest first, or null. `secondMay` false says the next word
   * is no entry's second word, nor is its stem (a caller's prefilter over `secondWords`): the
   * entries of two or more words are then not looked up.
   */
  matchAt(words: readonly PhraseWord[], i: number, end = words.length, secondMay = true): PhraseMatch<T> | null {
    const w = words[i];
    if (w === undefined) return null;
    const node = this.lookup(this.byFirst, w.norm);
    if (node === undefined) return null;
    const second = words[i + 1];
    if (secondMay && node.bySecond.size > 0 && second !== undefined && !second.gap && i + 1 < end) {
      const list = this.lookup(node.bySecond, second.norm);
      if (list !== undefined) {
        for (const e of list) {
          const to = i + e.words.length;
          if (to > end) continue;
          let ok = true;
          for (let k = 2; k < e.words.length; k++) {
            const x = words[i + k];
            if (x === undefined || x.gap || (x.norm !== e.words[k] && stem(x.norm) !== e.words[k])) {
              ok = false;
              break;
            }
          }
          if (ok && this.accepts(e, words, to)) return { from: i, to, value: e.value };
        }
      }
    }
    if (node.single !== null && this.accepts(node.single, words, i + 1)) return { from: i, to: i + 1, value: node.single.value };
    return null;
  }

  /** All non-overlapping matches in words [from, to), longest first at each word. */
  matchAll(words: readonly PhraseWord[], from = 0, to = words.length): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    let i = from;
    while (i < to) {
      const m = this.matchAt(words, i, to);
      if (m === null) i++;
      else {
        out.push(m);
        i = m.to;
      }
    }
    return out;
  }
}

/**
 * Which of several phrase tables can match at a word: a bit mask per word norm (bit k for
 * tables[k]), from the tables' first words, the norm and its stem looked up as `matchAt` does.
 * Most words start no entry in any table; with the mask they cost two Map lookups at most
 * instead of one lookup (and a stem) per table.
 */
export class PhraseIndex {
  private readonly bits = new Map<string, number>();

  constructor(tables: readonly PhraseTable<unknown>[]) {
    if (tables.length > 30) throw new Error('PhraseIndex: at most 30 tables');
    tables.forEach((t, k) => {
      for (const w of t.firstWords()) this.bits.set(w, (this.bits.get(w) ?? 0) | (1 << k));
    });
  }

  /** Bit k is set when tables[k] has an entry whose first word is `norm` or its stem. */
  maskOf(norm: string): number {
    const own = this.bits.get(norm) ?? 0;
    const stemmed = stem(norm);
    return stemmed === norm ? own : own | (this.bits.get(stemmed) ?? 0);
  }

  /** The mask of each word. */
  masks(words: readonly PhraseWord[]): Int32Array {
    const out = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) out[i] = this.maskOf((words[i] as PhraseWord).norm);
    return out;
  }
}

/**
 * `table.matchAll(words)` restricted to the words whose mask has `bit` (the only words where
 * `matchAt` can return a match): the same matches, in the same order.
 */
export function matchAllMasked<T>(table: PhraseTable<T>, words: readonly PhraseWord[], masks: Int32Array, bit: number): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  let i = 0;
  const n = words.length;
  while (i < n) {
    if (((masks[i] as number) & bit) === 0) {
      i++;
      continue;
    }
    const m = table.matchAt(words, i, n);
    if (m === null) i++;
    else {
      out.push(m);
      i = m.to;
    }
  }
  return out;
}

/** English inflections of a verb: "slam" -> slam, slams, slammed, slamming (regular rules only). */
export function verbForms(base: string): string[] {
  const [head = '', ...rest] = base.split(' ');
  const tail = rest.length ? ' ' + rest.join(' ') : '';
  const forms = new Set<string>([head]);
  if (/(?:s|sh|ch|x|z)$/.test(head)) forms.add(head + 'es');
  else if (/[^aeiou]y$/.test(head)) forms.add(head.slice(0, -1) + 'ies');
  else forms.add(head + 's');
  if (head.endsWith('e')) {
    forms.add(head + 'd');
    forms.add(head.slice(0, -1) + 'ing');
  } else if (/[^aeiou]y$/.test(head)) {
    forms.add(head.slice(0, -1) + 'ied');
    forms.add(head + 'ing');
  } else if (/^[^aeiou]*[aeiou][bdgmnprt]$/.test(head)) {
    // one short vowel before a final consonant doubles it: slam -> slammed, rip -> ripping
    const last = head[head.length - 1] ?? '';
    forms.add(head + last + 'ed');
    forms.add(head + last + 'ing');
  } else {
    forms.add(head + 'ed');
    forms.add(head + 'ing');
  }
  return [...forms].map((f) => f + tail);
}

/** Singular and plural of a noun: "thug" -> thug, thugs. */
export function nounForms(base: string): string[] {
  const words = base.split(' ');
  const last = words.pop() ?? '';
  const lead = words.length ? words.join(' ') + ' ' : '';
  let plural: string;
  if (/(?:s|sh|ch|x|z)$/.test(last)) plural = last + 'es';
  else if (/[^aeiou]y$/.test(last)) plural = last.slice(0, -1) + 'ies';
  else plural = last + 's';
  return [lead + last, lead + plural];
}
