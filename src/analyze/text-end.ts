/**
 * The end of a span of text read from its last character, without slicing and trimming it
 * (opinion and claims look at how every sentence ends).
 */

/** White space as String.prototype.trim sees it (WhiteSpace and LineTerminator). */
export function isTrimSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Closing quotes and brackets: " \u201d \u2019 ). */
export function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x201d || c === 0x2019 || c === 0x29;
}

/** Index just past the last non-space character of text[start, end) (start when it is all space). */
export function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isTrimSpace(text.charCodeAt(e - 1))) e--;
  return e;
}
