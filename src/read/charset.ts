/**
 * Bytes of a page to text. The order (as browsers do, WHATWG "encoding sniffing", simplified):
 *
 *   1. A byte-order mark (UTF-8, UTF-16LE/BE) wins.
 *   2. The transport's charset (an HTTP Content-Type header, a WARC record's header).
 *   3. <meta charset> or <meta http-equiv="Content-Type" content="...; charset=..."> in the
 *      first PRESCAN_BYTES.
 *   4. None declared: UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 *
 * Mislabelled pages: a page declared as Latin-1/Windows-1252 whose bytes are valid UTF-8 with
 * multi-byte sequences is read as UTF-8 (common on old CMS templates); a page declared UTF-8
 * whose bytes are not is read as Windows-1252. Both are reported (CC121).
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { decodeWindows1252 } from './windows-1252.js';
import { utf16ByNuls } from './decode.js';
import { Utf8Page } from './utf8-page.js';

/** How far into the page a <meta> charset is looked for (the HTML standard says 1024; real pages put it later). */
const PRESCAN_BYTES = 8 * 1024;
const META_CHARSET = /<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.()-]{1,40})/i;
const HEADER_CHARSET = /charset\s*=\s*["']?([a-zA-Z0-9_:.()-]{1,40})/i;
/** Labels that all mean "one byte per character, Western": decoded as Windows-1252, as browsers do. */
const WESTERN = new Set(['iso-8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii', 'windows-1252', 'cp1252', 'iso8859-1', 'l1']);

export interface DecodedPage {
  text: string;
  /** The encoding the text was decoded with. */
  encoding: string;
  /** Set when the declared charset was wrong or unknown: what was declared, and what was used. */
  mislabelled: { declared: string; used: string } | null;
}

/** The charset a Content-Type value names, lower-cased, or null. */
export function charsetOfContentType(value: string | undefined | null): string | null {
  if (!value) return null;
  const m = HEADER_CHARSET.exec(value);
  return m && m[1] ? m[1].toLowerCase() : null;
}

/** The charset a page declares in its first bytes, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  const m = META_CHARSET.exec(head);
  return m && m[1] ? m[1].toLowerCase() : null;
}

/**
 * True when the bytes hold any byte >= 0x80 (so UTF-8 and a one-byte charset would differ):
 * node:buffer's native isAscii, once per page (a loop in JS over the bytes was 2-4% of the
 * extraction time, bench/extraction.bench.ts).
 */
function hasHighBytes(bytes: Uint8Array): boolean {
  return bytes.length > 0 && !isAscii(bytes);
}

/** For bytes already checked to be valid UTF-8. */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

function decoderFor(label: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

/**
 * A page's text as its markup scanner takes it: the text itself, or, for a page of UTF-8 with
 * non-ASCII bytes, its bytes undecoded (utf8-page.ts), which the scanner decodes piece by piece.
 */
export interface PageMarkup {
  markup: string | Utf8Page;
  encoding: string;
  mislabelled: { declared: string; used: string } | null;
}

/** Decodes a page's bytes; `transportCharset` is the charset an HTTP or WARC header gave, if any. */
export function decodeHtml(bytes: Uint8Array, transportCharset: string | null = null): DecodedPage {
  return readHtml(bytes, transportCharset, (utf8) => UTF8.decode(utf8));
}

/** As decodeHtml, but a page of valid UTF-8 with non-ASCII bytes is left undecoded (a Utf8Page). */
export function readHtmlMarkup(bytes: Uint8Array, transportCharset: string | null = null): PageMarkup {
  const page = readHtml(bytes, transportCharset, (utf8) => new Utf8Page(utf8));
  return { markup: page.text, encoding: page.encoding, mislabelled: page.mislabelled };
}

/** The steps of decodeHtml; `asUtf8` makes the text of bytes that are valid UTF-8 (with non-ASCII bytes, no BOM). */
function readHtml<T>(bytes: Uint8Array, transportCharset: string | null, asUtf8: (bytes: Uint8Array) => T): { text: string | T; encoding: string; mislabelled: DecodedPage['mislabelled'] } {
  // 1. Byte-order marks.
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', mislabelled: null };
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: new TextDecoder(label).decode(bytes), encoding: label, mislabelled: null };
  }
  // 1b. UTF-16 without a BOM, told by its NUL bytes (a page of ASCII markup has none).
  const nul16 = utf16ByNuls(bytes);
  if (nul16) return { text: new TextDecoder(nul16).decode(bytes), encoding: nul16, mislabelled: null };
  // 2-3. Declared charsets.
  const declared = transportCharset ?? declaredCharset(bytes);
  const high = hasHighBytes(bytes);
  // Valid UTF-8 with non-ASCII bytes (node:buffer's isUtf8 validates without decoding).
  const utf8 = high && isUtf8(bytes);
  if (declared === null) {
    // 4. Sniffed.
    if (!high) return { text: Buffer.from(bytes).toString('latin1'), encoding: 'utf-8', mislabelled: null };
    if (utf8) return { text: asUtf8(bytes), encoding: 'utf-8', mislabelled: null };
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', mislabelled: null };
  }
  const label = declared === 'utf8' ? 'utf-8' : declared;
  if (label === 'utf-8') {
    if (!high) return { text: Buffer.from(bytes).toString('latin1'), encoding: 'utf-8', mislabelled: null };
    if (utf8) return { text: asUtf8(bytes), encoding: 'utf-8', mislabelled: null };
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', mislabelled: { declared, used: 'windows-1252' } };
  }
  if (WESTERN.has(label)) {
    // Valid UTF-8 with multi-byte sequences is almost never Windows-1252 text by chance.
    if (utf8) return { text: asUtf8(bytes), encoding: 'utf-8', mislabelled: { declared, used: 'utf-8' } };
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', mislabelled: null };
  }
  // A page that says UTF-16 but has no NUL bytes (checked above) is not UTF-16: browsers read it as UTF-8.
  const decoder = /^utf-16/.test(label) ? null : decoderFor(label);
  if (decoder === null) {
    const used = utf8 || !high ? 'utf-8' : 'windows-1252';
    const text = utf8 ? asUtf8(bytes) : used === 'utf-8' ? Buffer.from(bytes).toString('latin1') : decodeWindows1252(bytes);
    return { text, encoding: used, mislabelled: { declared, used } };
  }
  return { text: decoder.decode(bytes), encoding: decoder.encoding, mislabelled: null };
}
