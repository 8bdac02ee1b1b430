/**
 * Quoting article words in a report. A quote shows exact words: when it is too long it is cut
 * at word boundaries with an ellipsis in the middle or at the end, and every part that is shown
 * is an exact slice of the source (whitespace runs print as one space).
 */
import { plain } from './sanitize.js';

export const ELLIPSIS = '…';

/** Longest quote shown in full, in characters; tuned so a quote fits about two terminal lines. */
export const QUOTE_MAX = 180;

/** Cuts `text` to about `max` characters: head … tail (or head … when `keepEnd` is false). */
export function cut(text: string, max = QUOTE_MAX, keepEnd = true): string {
  const s = plain(text);
  if (s.length <= max) return s;
  if (!keepEnd || max < 40) return headOf(s, max - 1) + ELLIPSIS;
  const headLength = Math.floor(max * 0.6);
  const tailLength = max - headLength - 3;
  return `${headOf(s, headLength)} ${ELLIPSIS} ${tailOf(s, tailLength)}`;
}

/** The first words of `s` within `n` characters (a word is cut only when none fits). */
function headOf(s: string, n: number): string {
  const slice = s.slice(0, n);
  const space = slice.lastIndexOf(' ');
  return (space > n / 2 ? slice.slice(0, space) : slice).trimEnd();
}

function tailOf(s: string, n: number): string {
  const slice = s.slice(s.length - n);
  const space = slice.indexOf(' ');
  return (space >= 0 && space < n / 2 ? slice.slice(space + 1) : slice).trimStart();
}

// A quotation span includes its own quote marks; it is not wrapped in ours a second time. Words
// that only start with a quote mark ("“We are…,” she said") still get ours, to show where they end.
const OPENING_QUOTE = /^["“‘'«„]/;
const CLOSING_QUOTE = /["”’'»“]$/;

/** “words”, with typographic quote marks (the marks are ours, the words the article's). */
export function quoted(text: string, max = QUOTE_MAX): string {
  return marks(cut(text, max));
}

/** Adds our quote marks to already cut (and, for Markdown, escaped) words unless they carry their own. */
export function marks(words: string): string {
  return OPENING_QUOTE.test(words) && CLOSING_QUOTE.test(words) ? words : `“${words}”`;
}

/** A share in [0, 1] as a whole percentage ("62%"); tiny non-zero shares show as "<1%". */
export function percent(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The last words of `text` within about `max` characters, with a leading ellipsis when cut. */
export function cutStart(text: string, max = QUOTE_MAX): string {
  const s = plain(text);
  if (s.length <= max) return s;
  return ELLIPSIS + tailOf(s, max - 1);
}
