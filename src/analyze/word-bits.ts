/**
 * Word lists as bit fields of one table, looked up once per word of a view. Three readers test
 * every word of a document against lists of their own: the lexicon index of signal-lexical.ts
 * (which phrase tables can start at the word), the list flags of word-flags.ts (dates, event
 * verbs, finite forms...) and the cue lists of checkworthy/features.ts. Each used to look every
 * word up in its own Map: three lookups per word in three tables. Here each reader reserves a
 * field of bits and adds its words to it; `wordBits(view)` looks each word up once and the
 * readers shift their bits out of the one answer.
 *
 * A field made `stemmed` also answers for a word's possessive: "trump's" gets the bits of
 * "trump" in that field (PhraseTable.matchAt looks up the stem the same way).
 */
import type { TextView } from './signal-view.js';
import { stem, type Word } from './signal-words.js';

/** A reader's bits in the table: `(bits & mask) >>> shift` are its own. */
export interface BitField {
  readonly shift: number;
  readonly mask: number;
}

class WordBitTable {
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

  /** The bits of every field for a word norm (a stemmed field's from the stem as well). */
  of(norm: string): number {
    const own = this.bits.get(norm) ?? 0;
    if (this.stemmed === 0) return own;
    const stemmed = stem(norm);
    return stemmed === norm ? own : own | ((this.bits.get(stemmed) ?? 0) & this.stemmed);
  }
}

export const WORD_BITS = new WordBitTable();

/** The bits of each word of the view (built once per view, kept on it). */
export function wordBits(view: TextView): Int32Array {
  const hit = view.memo.wordBits;
  if (hit !== undefined && hit.version === WORD_BITS.version) return hit.bits;
  const { words } = view;
  const bits = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) bits[i] = WORD_BITS.of((words[i] as Word).norm);
  view.memo.wordBits = { version: WORD_BITS.version, bits };
  return bits;
}

/** Writes one field's value for each word of the view into `out` (readers keep theirs on the view). */
export function fieldOf(view: TextView, field: BitField, out: Uint8Array | Int32Array): void {
  const bits = wordBits(view);
  const { shift, mask } = field;
  for (let i = 0; i < bits.length; i++) out[i] = ((bits[i] as number) & mask) >>> shift;
}
