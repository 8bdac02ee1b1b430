/**
 * Word lists as bit fields of one table, looked up once per token of a document. Four readers
 * test every word against lists of their own: the attribution cues (attribution-sources.ts: can
 * the word open a cue), the lexicon index of signal-lexical.ts (which phrase tables can start at
 * the word), the list flags of word-flags.ts (dates, event verbs, finite forms...) and the cue
 * lists of checkworthy/features.ts. Each used to look every word up in its own Map or Set: four
 * lookups per word in four tables. Here each reader reserves a field of bits and adds its words
 * to it; `tokenBits(tokens)` looks each word token up once (the Working of a run keeps the
 * answer), the view's words take their token's bits (`wordBits`: only the parts of a hyphenated
 * token are looked up again), and the readers shift their bits out of the one answer.
 *
 * A field made `stemmed` also answers for a word's possessive: "trump's" gets the bits of
 * "trump" in that field (PhraseTable.matchAt looks up the stem the same way).
 */
import type { Token } from '../model/index.js';
import type { TextView } from './signal-view.js';
import { stem, type Word } from './signal-words.js';

/** A reader's bits in the table: `(bits & mask) >>> shift` are its own. */
export interface BitField {
  readonly shift: number;
  readonly mask: number;
}

export class WordBitTable {
  private readonly bits = new Map<string, number>();
  private used = 0;
  /** The fields whose entries also match a possessive's stem. */
  private stemmed = 0;
  /** Bumped by every change, so a view's bits made before a reader's words were added are remade. */
  version = 0;

  /** Reserves `width` bits for one reader (31 in all: the values stay small integers). */
  field(width: number, stemmed = false): BitField {
    if (width < 1 || this.used + width > 31) throw new Error(`word-bits: no room for a field of ${width} bits (${this.used} of 31 used)`);
    const shift = this.used;
    this.used += width;
    const mask = ((1 << width) - 1) << shift;
    if (stemmed) this.stemmed |= mask;
    this.version++;
    return { shift, mask };
  }

  /** Sets `value`'s bits (within the field) for the word norm. */
  add(field: BitField, norm: string, value: number): void {
    this.bits.set(norm, (this.bits.get(norm) ?? 0) | ((value << field.shift) & field.mask));
    this.version++;
  }

  /** The bits of every word of one to SHORT_MAX letters a-z, by `shortKey` (built when `version` moves). */
  private short = new Int32Array(SHORT_KEYS);
  private shortVersion = -1;

  /** The bits of every field for a word norm (a stemmed field's from the stem as well). */
  of(norm: string): number {
    // a short word of letters a-z (half of a news text's words: the, of, and, to, in...) is read
    // from a direct table by its letters: no hash of a fresh string, no probe of a 2,500-word Map.
    // Such a norm is no possessive, so its stemmed fields have nothing to add.
    if (norm.length <= SHORT_MAX) {
      const key = shortKey(norm);
      if (key > 0) {
        if (this.shortVersion !== this.version) this.fillShort();
        return this.short[key] as number;
      }
    }
    const own = this.bits.get(norm) ?? 0;
    if (this.stemmed === 0) return own;
    const stemmed = stem(norm);
    return stemmed === norm ? own : own | ((this.bits.get(stemmed) ?? 0) & this.stemmed);
  }

  private fillShort(): void {
    this.short.fill(0);
    for (const [norm, bits] of this.bits) {
      const key = norm.length <= SHORT_MAX ? shortKey(norm) : -1;
      if (key > 0) this.short[key] = bits;
    }
    this.shortVersion = this.version;
  }
}

/** Longest word read from the direct table: 27^3 entries of 4 bytes (79 KB); 4 letters would take 2 MB. */
const SHORT_MAX = 3;
const SHORT_KEYS = 27 * 27 * 27;

/** A norm of 1 to SHORT_MAX letters a-z as a number in base 27 (a = 1), or -1 for any other norm. */
function shortKey(norm: string): number {
  let key = 0;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i) - 96;
    if (c < 1 || c > 26) return -1;
    key = key * 27 + c;
  }
  return key;
}

export const WORD_BITS = new WordBitTable();

/** The bits of each token (0 for punctuation and symbols, which are no words). */
export interface TokenBits {
  tokens: readonly Token[];
  version: number;
  bits: Int32Array;
}

export function tokenBits(tokens: readonly Token[]): TokenBits {
  const bits = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'word' || t.kind === 'number') bits[i] = WORD_BITS.of(t.norm);
  }
  return { tokens, version: WORD_BITS.version, bits };
}

/**
 * The bits of each word of the view (built once per view, kept on it). A word that is a whole
 * token (same offsets, same norm) takes the token's bits from `view.memo.tokenBits` when the run
 * left them there (working.ts); the others (parts of "far-right", a view without them) are looked up.
 */
export function wordBits(view: TextView): Int32Array {
  const hit = view.memo.wordBits;
  if (hit !== undefined && hit.version === WORD_BITS.version) return hit.bits;
  const { words } = view;
  const bits = new Int32Array(words.length);
  const known = view.memo.tokenBits;
  if (known !== undefined && known.version === WORD_BITS.version) {
    const { tokens } = known;
    let t = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as Word;
      while (t < tokens.length && (tokens[t] as Token).end <= w.start) t++;
      const tok = tokens[t];
      bits[i] = tok !== undefined && tok.start === w.start && tok.end === w.end && tok.norm === w.norm ? (known.bits[t] as number) : WORD_BITS.of(w.norm);
    }
  } else {
    for (let i = 0; i < words.length; i++) bits[i] = WORD_BITS.of((words[i] as Word).norm);
  }
  view.memo.wordBits = { version: WORD_BITS.version, bits };
  return bits;
}

/** Writes one field's value for each word of the view into `out`. */
export function fieldOf(view: TextView, field: BitField, out: Uint8Array | Int32Array): void {
  const bits = wordBits(view);
  const { shift, mask } = field;
  for (let i = 0; i < bits.length; i++) out[i] = ((bits[i] as number) & mask) >>> shift;
}

/** One field's value for each word of the view, built once and kept on the view under `key`. */
export function memoField(view: TextView, key: 'flags' | 'checkworthyCues', field: BitField): Uint8Array {
  let out = view.memo[key];
  if (out === undefined) {
    out = new Uint8Array(view.words.length);
    fieldOf(view, field, out);
    view.memo[key] = out;
  }
  return out;
}
