/**
 * Mojibake: UTF-8 bytes that were once decoded as Windows-1252 (or Latin-1), so "’" became
 * "â€™" and "é" became "Ã©". Not a fixed table: every run of characters that map to single
 * Windows-1252 bytes is encoded back to those bytes, and where the bytes form a valid UTF-8
 * multi-byte sequence (a lead byte followed by the right number of continuation bytes) the
 * sequence is decoded. Real accented text is left alone because it almost never has a lead
 * letter ("Ã", "â", "é") directly followed by continuation characters ("€", "©", "™", nbsp...);
 * a lone "é" or a "Â" before a plain letter is not a sequence. Two-byte sequences must also
 * decode to a letter range that mojibake of news text actually produces (tuned on the damage
 * kinds seen in scraped news: Latin, Greek, Cyrillic, Hebrew, Arabic), so "CAFÉ’s" stays.
 */
import type { Edit } from './offsets.js';
import { windows1252Byte } from '../read/windows-1252.js';

/** Code point ranges a two-byte sequence may decode to (the rest are taken as real text). */
const TWO_BYTE_TARGETS: readonly (readonly [number, number])[] = [
  [0x00a0, 0x017f], // Latin-1 Supplement and Latin Extended-A: é, ñ, ß, š, ł, nbsp, ©...
  [0x0391, 0x03c9], // Greek letters
  [0x0400, 0x04ff], // Cyrillic
  [0x05d0, 0x05ea], // Hebrew letters
  [0x0600, 0x06ff], // Arabic
];

/** The Windows-1252 byte a character stands for, or -1 when it is not one. */
export const cp1252Byte = windows1252Byte;

function continuationCount(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return 0;
}

function isTwoByteTarget(cp: number): boolean {
  for (const [lo, hi] of TWO_BYTE_TARGETS) if (cp >= lo && cp <= hi) return true;
  return false;
}

/** Decodes one UTF-8 sequence (lead + continuations) or returns -1 when it is overlong, a surrogate or out of range. */
function decodeSequence(bytes: readonly number[]): number {
  const n = bytes.length;
  const lead = bytes[0]!;
  let cp = n === 2 ? lead & 0x1f : n === 3 ? lead & 0x0f : lead & 0x07;
  for (let k = 1; k < n; k++) cp = (cp << 6) | (bytes[k]! & 0x3f);
  const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
  return cp;
}

/**
 * A lead character (Â..ô) followed by a character that stands for a continuation byte
 * (0x80-0xBF: Latin-1 0x80-0xBF or a Windows-1252 special). The scan jumps between these
 * natively; each hit is then checked byte by byte.
 */
const CANDIDATE = /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g;

/** Edits that turn each mojibake sequence in `text` back into the character it stood for. */
export function findMojibake(text: string): Edit[] {
  const edits: Edit[] = [];
  const n = text.length;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    const need = continuationCount(c);
    if (need === 0 || i + need >= n) {
      CANDIDATE.lastIndex = i + 1;
      continue;
    }
    const bytes = [c];
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const b = cp1252Byte(text.charCodeAt(i + k));
      if (b < 0x80 || b > 0xbf) {
        ok = false;
        break;
      }
      bytes.push(b);
    }
    const cp = ok ? decodeSequence(bytes) : -1;
    if (cp < 0 || (need === 1 && !isTwoByteTarget(cp))) {
      CANDIDATE.lastIndex = i + 1;
      continue;
    }
    edits.push({ start: i, end: i + need + 1, insert: String.fromCodePoint(cp) });
    CANDIDATE.lastIndex = i + need + 1;
  }
  return edits;
}
