/**
 * A wire dateline opening a sentence: "HARROWGATE (WW) — ", "WASHINGTON, Dec. 8 (UPI) — ",
 * "PARIS, Aug 31 (Reuters) - ", "LONDON — ". It tells where and by whom a story was filed, not
 * what happened: a claim or a fact member shows the sentence from the word after it.
 */

/** The place in capitals, an optional date after a comma, an optional agency in brackets, then a dash. */
const DATELINE = /[\p{Lu}][\p{Lu}'’. -]{1,30}[\p{Lu}.](?:, [^()\u2014\u2013\n]{1,24}?)? ?(?:\([^()\n]{1,25}\))? ?(?:\u2014|\u2013|--?) +/uy;

/** Index of the first character after a dateline opening text[start, end), else start. */
export function datelineEnd(text: string, start: number, end: number): number {
  DATELINE.lastIndex = start;
  const m = DATELINE.exec(text);
  if (m === null) return start;
  const after = start + m[0].length;
  // a place in capitals needs three letters ("US - China talks" is no dateline) and words must follow
  const letters = (m[0].match(/\p{Lu}/gu) ?? []).length;
  return letters >= 3 && after < end && /\p{L}/u.test(text.slice(after, Math.min(end, after + 40))) ? after : start;
}
