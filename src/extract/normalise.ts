/**
 * Step 1 of cleaning: line ends to "\n", control characters (other than "\n" and "\t") and
 * U+FFFD replacement characters removed, no-break and other fixed-width spaces to a plain space.
 * Returns the edits and where damage (controls, U+FFFD) was found, for CC206 and repairs.
 */
import type { Edit } from './offsets.js';

/** Spaces that are written as a plain space in the cleaned text. */
const SPACE_LIKE: ReadonlySet<number> = new Set([0x00a0, 0x2007, 0x202f]);
/** Invisible characters dropped without a message (formatting, not damage). */
const SILENT_DROPS: ReadonlySet<number> = new Set([0xfeff, 0x200b]);

export interface Normalised {
  edits: Edit[];
  /** Positions (in the input of this step) of removed control or replacement characters. */
  damage: number[];
}

function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
}

/** Characters this step changes; the scan jumps from one to the next (native regex search). */
const CHANGED = /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00a0\u2007\u202f\ufeff\u200b\ufffd]/g;

export function normalise(text: string): Normalised {
  const edits: Edit[] = [];
  const damage: number[] = [];
  CHANGED.lastIndex = 0;
  for (let m = CHANGED.exec(text); m; m = CHANGED.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      const end = text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
      edits.push({ start: i, end, insert: '\n' });
      CHANGED.lastIndex = end;
    } else if (isControl(c) || c === 0xfffd) {
      edits.push({ start: i, end: i + 1, insert: '' });
      damage.push(i);
    } else if (SPACE_LIKE.has(c)) {
      edits.push({ start: i, end: i + 1, insert: ' ' });
    } else if (SILENT_DROPS.has(c)) {
      edits.push({ start: i, end: i + 1, insert: '' });
    }
  }
  return { edits, damage };
}
