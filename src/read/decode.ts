/**
 * Bytes to text for every reader: binary sniffing, byte-order marks, and the UTF-8 then
 * Windows-1252 fallback (CC103). Pure functions of a buffer; no I/O.
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

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** True when the bytes were not valid UTF-8 and were read as Windows-1252 (CC103). */
  fellBack: boolean;
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

/** True when the start of the input holds NUL bytes or a high share of control bytes (UTF-16 with a BOM is text). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (utf16Bom(bytes)) return false;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  if (n === 0) return false;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d) || b === 0x7f) controls++;
  }
  return controls / n > BINARY_CONTROL_SHARE;
}

/** Decodes a whole input: UTF-16 by BOM, else UTF-8 (BOM stripped), else Windows-1252. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const bom16 = utf16Bom(bytes);
  if (bom16) return { text: new TextDecoder(bom16, { ignoreBOM: false }).decode(bytes), encoding: bom16, fellBack: false };
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
