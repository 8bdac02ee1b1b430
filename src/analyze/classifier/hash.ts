/**
 * Feature hashing and the seeded PRNG of the classifier: FNV-1a over UTF-16 code units (fast,
 * stable across platforms and Node versions), and mulberry32 (the same seed gives the same
 * sequence, so training is reproducible bit for bit).
 */

/** FNV-1a of `s` continued from `h` (pass FNV_OFFSET to start). */
export function fnv(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
export const FNV_OFFSET = 2166136261;

/** FNV-1a of a slice of `s`, [start, end), continued from `h`. */
export function fnvSlice(s: string, start: number, end: number, h: number): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

