/**
 * Windows-1252 by table. Node 20's TextDecoder('windows-1252') decodes bytes 0x80-0x9F as the
 * C1 controls (Latin-1), not as "€", "’", "“"..., so the fallback for invalid UTF-8 (CC103)
 * and the mojibake round trip in extract both use this table instead.
 */

/** Code points of bytes 0x80-0x9F; the five bytes Windows-1252 leaves undefined keep their C1 value (as WHATWG does). */
export const WINDOWS_1252_HIGH: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Decodes bytes as Windows-1252 (every byte is a character: this never fails). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    const codes = new Array<number>(end - i);
    for (let k = i; k < end; k++) {
      const b = bytes[k]!;
      codes[k - i] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** The byte a character stands for in Windows-1252 (C1 controls count as their own byte, for Latin-1 damage), or -1. */
const REVERSE = new Map<number, number>(WINDOWS_1252_HIGH.map((cp, i) => [cp, 0x80 + i]));
export function windows1252Byte(code: number): number {
  if (code <= 0xff) return code;
  return REVERSE.get(code) ?? -1;
}
