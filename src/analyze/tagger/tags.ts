/**
 * The tagger's tags: BILOU over the four CoNLL classes. O is 0; for class k (0 PER, 1 ORG,
 * 2 LOC, 3 MISC) B is 1 + 4k, I 2 + 4k, L 3 + 4k, U 4 + 4k. BILOU rather than BIO: the last
 * word of a name ("Holdings", "River") and a name of one word get weights of their own
 * (CoNLL-2003 dev +0.6 F1 in Ratinov & Roth 2009; the same direction here).
 */
export const TAG_COUNT = 17;
export const CLASS_COUNT = 4;
export const O = 0;
export const B = 1;
export const I = 2;
export const L = 3;
export const U = 4;

export function tagOf(position: number, klass: number): number {
  return position === O ? O : position + 4 * klass;
}
/** B, I, L or U of a tag (O for O). */
export function positionOf(tag: number): number {
  return tag === O ? O : ((tag - 1) % 4) + 1;
}
export function classOf(tag: number): number {
  return tag === O ? -1 : ((tag - 1) / 4) | 0;
}

/** True when `next` may follow `prev` (B/I of a class go on with I/L of it; the rest end a name). */
export function canFollow(prev: number, next: number): boolean {
  const p = positionOf(prev);
  const n = positionOf(next);
  if (p === B || p === I) return (n === I || n === L) && classOf(prev) === classOf(next);
  return n === O || n === B || n === U;
}

/** Tags a name can start with / end with (a run is bounded by O on both sides). */
export function canStart(tag: number): boolean {
  const p = positionOf(tag);
  return p === O || p === B || p === U;
}
export function canEnd(tag: number): boolean {
  const p = positionOf(tag);
  return p === O || p === L || p === U;
}

/** For each tag, the tags that may precede it, flattened: PREV[PREV_START[t] .. PREV_START[t + 1]). */
export const PREV_START = new Int32Array(TAG_COUNT + 1);
export const PREV: Int32Array = (() => {
  const list: number[] = [];
  for (let t = 0; t < TAG_COUNT; t++) {
    PREV_START[t] = list.length;
    for (let p = 0; p < TAG_COUNT; p++) if (canFollow(p, t)) list.push(p);
  }
  PREV_START[TAG_COUNT] = list.length;
  return Int32Array.from(list);
})();
