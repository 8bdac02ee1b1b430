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
// mix(h ^ seed) begins with x ^= x >>> 16, which is linear: (h ^ seed) ^ ((h ^ seed) >>> 16) =
// (h ^ h >>> 16) ^ (seed ^ seed >>> 16). So that step is done once per shingle and once per seed
// (here) instead of once per pair, the inner loop's work.
const SEEDS_SHIFTED = Int32Array.from(SEEDS, (seed) => seed ^ (seed >>> 16));

/** The MinHash signature of a sequence of normalised words. */
export function signature(words: readonly string[]): number[] {
  const k = MINHASH.shingle;
  // int32 (same bits as the uint32 hashes, and ^ reads both alike): no heap number per word
  const wordHashes = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHashes[i] = hashString(words[i] as string);
  const n = Math.max(1, wordHashes.length - k + 1);
  // each shingle's hash, with mix's first step done (see SEEDS_SHIFTED)
  const shingles = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0;
    for (let j = i; j < Math.min(i + k, wordHashes.length); j++) h = mix((h ^ (wordHashes[j] as number)) + j - i);
    shingles[i] = h ^ (h >>> 16);
  }
  // Minima kept as int32 with the top bit flipped: signed order of v ^ 0x80000000 is the
  // unsigned order of v, and int32 stays out of heap numbers in the inner loop.
  const sig: number[] = [];
  for (let s = 0; s < SIGNATURE_LENGTH; s++) {
    const seed = SEEDS_SHIFTED[s] as number;
    let min = 0x7fffffff;
    for (let i = 0; i < n; i++) {
      let v = (shingles[i] as number) ^ seed;
      v = Math.imul(v, 0x85ebca6b);
      v ^= v >>> 13;
      v = Math.imul(v, 0xc2b2ae35);
      v = v ^ (v >>> 16) ^ 0x80000000;
      if (v < min) min = v;
    }
    sig.push((min ^ 0x80000000) >>> 0);
  }
  return sig;
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
