/**
 * Sorted character offsets: where the one-character marks of a pattern stand in a text (one
 * native regex scan, not a loop over every char code), and a binary search into such a list.
 * Shared by the quotation finder (quotes.ts) and the signal view's quote regions (signal-view.ts).
 */

/** Offsets of every match of `marks` (a global pattern of one-character matches) in `text`, in order. */
export function markOffsets(text: string, marks: RegExp): number[] {
  const out: number[] = [];
  marks.lastIndex = 0;
  // test() without a match array: lastIndex is one past the mark (one character long)
  while (marks.test(text)) out.push(marks.lastIndex - 1);
  return out;
}

/** Index of the first of the sorted `offsets` at or after `at` (offsets.length when none is). */
export function firstAtOrAfter(offsets: readonly number[], at: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((offsets[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
