/**
 * A page of UTF-8 read as its decoded text would be, in UTF-16 offsets, without decoding it:
 * the raw input of a page read from bytes (read/html.ts). extract parses the bytes (a Utf8Page),
 * hashes them as they are, and takes from the raw input only what it keeps: the pieces of the
 * article text, the boilerplate it removed, the words a repair replaced. `toString()` decodes the
 * whole page, once, for whoever asks for `SourceRecord.raw`.
 *
 * Why: decoding a page (179 KiB on average in bench/extraction.bench.ts) cost about 0.35 ms and
 * hashing the decoded string 0.2 ms (the bytes: 0.1 ms), a quarter of reading and extracting a
 * page, for a string that nothing read whole.
 *
 * Every method answers as the same method of the decoded string does (utf8-text.test.ts checks
 * them against it); a searched text that is not well-formed UTF-16 (a lone surrogate has no
 * UTF-8) is looked for in the decoded page.
 */
import type { RawText, SourceRecord } from '../model/index.js';
import { Utf8Page } from './utf8-page.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export class Utf8Text implements RawText {
  readonly page: Utf8Page;
  readonly length: number;
  private decoded: string | null = null;

  /** A page of valid UTF-8 (charset.ts's readHtmlMarkup makes one), or its bytes. */
  constructor(page: Utf8Page | Uint8Array) {
    this.page = page instanceof Utf8Page ? page : new Utf8Page(page);
    this.length = this.page.length;
  }

  /** The page's bytes: the UTF-8 of the decoded text. */
  get bytes(): Uint8Array {
    return this.page.bytes;
  }

  /** The whole decoded page (made once). */
  toString(): string {
    return (this.decoded ??= this.page.text());
  }

  slice(start = 0, end = this.length): string {
    const n = this.length;
    const s = clamp(start, n);
    const e = clamp(end, n);
    if (e <= s) return '';
    if (this.decoded !== null) return this.decoded.slice(s, e);
    // An end between the halves of a pair: the whole character, less the half outside.
    let bs = this.page.byteOf(s);
    const cutStart = bs < 0 ? 1 : 0;
    if (bs < 0) bs = this.page.byteOf(s - 1);
    let be = this.page.byteOf(e);
    const cutEnd = be < 0 ? 1 : 0;
    if (be < 0) be = this.page.byteOf(e + 1);
    const piece = this.page.slice(bs, be);
    return cutStart + cutEnd > 0 ? piece.slice(cutStart, piece.length - cutEnd) : piece;
  }

  charCodeAt(i: number): number {
    if (!(i >= 0 && i < this.length)) return NaN;
    if (this.decoded !== null) return this.decoded.charCodeAt(i);
    const b = this.page.byteOf(i);
    if (b >= 0) {
      const byte = this.page.byteAt(b)!;
      if (byte < 0x80) return byte;
    }
    return this.slice(b >= 0 ? i : i - 1, i + 1).charCodeAt(b >= 0 ? 0 : 1);
  }

  startsWith(text: string, at = 0): boolean {
    const s = position(at, this.length);
    if (s + text.length > this.length) return false;
    return this.slice(s, s + text.length) === text;
  }

  indexOf(text: string, from = 0): number {
    const s = position(from, this.length);
    if (text === '') return s;
    if (this.decoded !== null || LONE_SURROGATE.test(text)) return this.toString().indexOf(text, s);
    // A well-formed text cannot start on the second half of a pair: look from the next character.
    let b = this.page.byteOf(s);
    if (b < 0) b = this.page.byteOf(s + 1);
    const hit = this.page.indexOfText(text, b);
    // The UTF-8 of a well-formed text starts with a lead byte, so a hit is a character boundary.
    return hit < 0 ? -1 : this.page.offset(hit);
  }
}

/** A position as indexOf and startsWith take it: cut to [0, n]. */
function position(x: number, n: number): number {
  const i = Math.trunc(x) || 0;
  return i < 0 ? 0 : Math.min(i, n);
}

/** An end of a slice, as slice takes it: negative counts from the end. */
function clamp(x: number, n: number): number {
  const i = Math.trunc(x) || 0;
  return i < 0 ? Math.max(0, n + i) : Math.min(i, n);
}

/** What the raw input of a source record hashes and counts as: a page's bytes as they are (the UTF-8 of `raw`), else `raw`. */
export function rawInputOf(source: Pick<SourceRecord, 'raw' | 'page'>): string | Uint8Array {
  return source.page instanceof Utf8Text ? source.page.bytes : source.raw;
}

/**
 * A source record whose raw input is a page left undecoded: `raw` is decoded when first read
 * (an enumerable getter, so a copy, JSON.stringify and structuredClone still carry the text);
 * `page` is not enumerable.
 */
export function pageSource(fields: Omit<SourceRecord, 'raw' | 'page'>, page: Utf8Text): SourceRecord {
  const { uri, format, ...rest } = fields;
  const source = {
    uri,
    format,
    get raw(): string {
      return page.toString();
    },
    ...rest,
  };
  Object.defineProperty(source, 'page', { value: page, enumerable: false });
  return source;
}
