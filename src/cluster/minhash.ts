/**
 * MinHash over word shingles, and LSH bands of the signature: two articles that share a band
 * are near duplicates (a copy, a lightly edited rewrite). With BANDS x ROWS = 16 x 4 the chance
 * of sharing a band is 1/2 at a Jaccard similarity of (1/16)^(1/4) = 0.5 and 0.98 at 0.8.
 */
import { hashString, mix } from './hash.js';

export const MINHASH = {
  /** Words per shingle: 4 keeps common phrases ("said in a statement") from counting as copying. */
  shingle: 4,
  bands: 16,
  rows: 4,
} as const;

export const SIGNATURE_LENGTH = MINHASH.bands * MINHASH.rows;

const SEEDS = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => mix(0x9e3779b9 ^ Math.imul(i + 1, 0x2545f491)));

/** The MinHash signature of a sequence of normalised words. */
export function signature(words: readonly string[]): number[] {
  const sig = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  const k = MINHASH.shingle;
  const wordHashes = words.map((w) => hashString(w));
  const n = Math.max(1, wordHashes.length - k + 1);
  for (let i = 0; i < n; i++) {
    let h = 0;
    for (let j = i; j < Math.min(i + k, wordHashes.length); j++) h = mix((h ^ (wordHashes[j] ?? 0)) + j - i);
    for (let s = 0; s < SIGNATURE_LENGTH; s++) {
      const v = mix(h ^ (SEEDS[s] ?? 0));
      if (v < (sig[s] ?? 0)) sig[s] = v;
    }
  }
  return Array.from(sig);
}

/** Band keys: "band index:hash of its rows". */
export function bands(sig: readonly number[]): string[] {
  if (sig.length < SIGNATURE_LENGTH) return [];
  const out: string[] = [];
  for (let b = 0; b < MINHASH.bands; b++) {
    let h = b;
    for (let r = 0; r < MINHASH.rows; r++) h = mix(h ^ (sig[b * MINHASH.rows + r] ?? 0));
    out.push(`${b}:${h.toString(36)}`);
  }
  return out;
}

/** Estimated Jaccard similarity of the two shingle sets. */
export function jaccard(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}
