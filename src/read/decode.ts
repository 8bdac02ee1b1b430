/**
 * Bytes to text for every reader: binary sniffing, byte-order marks, UTF-16 without a BOM (told
 * by its NUL bytes, CC114), and the UTF-8 then Windows-1252 fallback (CC103). Pure functions of
 * a buffer; no I/O.
 */
import { decodeWindows1252 } from './windows-1252.js';

/** How much of the start of an input the binary sniff looks at. */
export const SNIFF_BYTES = 8 * 1024;

/**
 * Share of control bytes (C0 other than tab, newline, vertical tab, form feed, carriage return;
 * and DEL) above which an input is taken as binary. Text damaged by a stray control character or
 * two stays well below this; image, archive and office formats are far above it.
 */
const BINARY_CONTROL_SHARE = 0.1;
/**
 * NUL bytes a text may hold and still be read (they are removed in extract, CC206): a stray NUL
 * or two from a damaged copy, at most one per this many bytes. Binary formats have far more.
 */
const NUL_TOLERATED = 2;
const NUL_EVERY_BYTES = 1000;
/**
 * UTF-16 without a byte-order mark, told by its NUL bytes: Latin text in UTF-16LE has a NUL in
 * (nearly) every odd byte and none in the even ones (BE the other way round). The shares below
 * leave room for some non-Latin characters; binary files have NULs in both positions.
 */
const UTF16_NUL_SHARE = 0.3;
const UTF16_OTHER_SHARE = 0.02;
/** Share of the bytes paired with a NUL that must be text (not control bytes) for UTF-16. */
const UTF16_TEXT_SHARE = 0.95;

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** True when the bytes were not valid UTF-8 and were read as Windows-1252 (CC103). */
  fellBack: boolean;
  /** True when UTF-16 was told by the NUL pattern, with no byte-order mark (CC114). */
  noBom?: boolean;
}

/** The UTF-16 encoding a byte-order mark announces, if any. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The UTF-16 byte order the NUL pattern of the first bytes shows (no BOM needed), or null. */
export function utf16ByNuls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(bytes.length, SNIFF_BYTES) / 2);
  if (pairs < 2) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  // Beside each NUL, the other byte of the pair must be a letter or text whitespace, not a control byte.
  let evenText = 0;
  let oddText = 0;
  for (let i = 0; i < pairs; i++) {
    const even = bytes[2 * i]!;
    const odd = bytes[2 * i + 1]!;
    if (even === 0) {
      evenNuls++;
      if (isTextByte(odd)) oddText++;
    }
    if (odd === 0) {
      oddNuls++;
      if (isTextByte(even)) evenText++;
    }
  }
  if (oddNuls / pairs >= UTF16_NUL_SHARE && evenNuls / pairs <= UTF16_OTHER_SHARE && evenText >= UTF16_TEXT_SHARE * oddNuls) return 'utf-16le';
  if (evenNuls / pairs >= UTF16_NUL_SHARE && oddNuls / pairs <= UTF16_OTHER_SHARE && oddText >= UTF16_TEXT_SHARE * evenNuls) return 'utf-16be';
  return null;
}

function isTextByte(b: number): boolean {
  return b >= 0x20 ? b !== 0x7f : b === 0x09 || b === 0x0a || b === 0x0d;
}

/** The UTF-16 encoding of an input, by BOM or by its NUL pattern, or null. */
export function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  return utf16Bom(bytes) ?? utf16ByNuls(bytes);
}

/**
 * True when the start of the input holds more than a stray NUL byte or a high share of control
 * bytes. UTF-16 (with a BOM, or told by its NUL pattern) is text.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (utf16Of(bytes)) return false;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  if (n === 0) return false;
  const nulsAllowed = Math.max(NUL_TOLERATED, Math.floor(n / NUL_EVERY_BYTES));
  let controls = 0;
  let nuls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 && ++nuls > nulsAllowed) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d) || b === 0x7f) controls++;
  }
  return controls / n > BINARY_CONTROL_SHARE;
}

/** Decodes a whole input: UTF-16 by BOM or NUL pattern, else UTF-8 (BOM stripped), else Windows-1252. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const bom16 = utf16Bom(bytes);
  if (bom16) return { text: new TextDecoder(bom16, { ignoreBOM: false }).decode(bytes), encoding: bom16, fellBack: false };
  const nul16 = utf16ByNuls(bytes);
  if (nul16) return { text: new TextDecoder(nul16).decode(bytes), encoding: nul16, fellBack: false, noBom: true };
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return { text: UTF8.decode(body), encoding: 'utf-8', fellBack: false };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252', fellBack: true };
  }
}

/** True when the text has nothing but whitespace. */
export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}
