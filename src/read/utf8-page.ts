/**
 * A page of valid UTF-8 kept as its bytes, read one character per byte (latin1) in windows, so a
 * scanner can run over it before it is decoded and decode only the pieces it keeps.
 *
 * Why: decoding a 179 KiB page (the extraction bench's average) took 1.4 ms, a third of
 * extraction's time, while on news pages the markup, scripts and styles are ASCII and only 0.1%
 * of the bytes (median page) are not. The windows (`latin1(start, end)`, 64 KiB in the
 * tokenizer) stay under 128 KiB: V8 makes longer strings in its large-object space, at about ten
 * times the cost per byte, so even a latin1 string of the whole page cost 0.5-1 ms. Markup delimiters are ASCII and the
 * bytes of a multi-byte character never are, so a scanner that cuts at ASCII characters cuts
 * between characters: each piece it takes decodes to exactly the slice of the decoded page,
 * and its offsets turn into the decoded page's UTF-16 offsets.
 *
 * The runs of non-ASCII bytes are found once (native isAscii skips ASCII blocks), with the UTF-16
 * offset of each run's end; `slice` and `offset` look them up with a cursor that moves forward
 * as a scanner does (moving back is a binary search, so no order of calls is quadratic).
 */
import { isAscii } from 'node:buffer';

/** Bytes checked at once with isAscii before looking at them one by one. */
const BLOCK = 2048;

/** UTF-16 code units a UTF-8 byte contributes (continuation bytes none; a 4-byte lead a surrogate pair). */
function unitsOf(byte: number): number {
  return byte < 0x80 ? 1 : byte < 0xc0 ? 0 : byte < 0xf0 ? 1 : 2;
}

export class Utf8Page {
  private readonly buf: Buffer;
  /** Runs of non-ASCII bytes: [starts[k], ends[k]), and the UTF-16 offset of each run's end. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly unitsAtEnd: number[] = [];
  /** The UTF-16 offset of each run's start (for byteOf, the way back). */
  private readonly unitsAtStart: number[] = [];
  /** How many runs start before the last position looked up. */
  private k = 0;
  /** byteOf's place inside a run: a character boundary, its byte and UTF-16 offsets, and the run. */
  private walkRun = -1;
  private walkByte = 0;
  private walkUnits = 0;

  /** `bytes` must be valid UTF-8 (node:buffer's isUtf8), without a byte-order mark. */
  constructor(bytes: Uint8Array) {
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const n = bytes.length;
    let units = 0;
    let runStart = -1;
    for (let block = 0; block < n; block += BLOCK) {
      const end = Math.min(n, block + BLOCK);
      if (runStart < 0 && isAscii(bytes.subarray(block, end))) {
        units += end - block;
        continue;
      }
      for (let i = block; i < end; i++) {
        const b = bytes[i]!;
        if (b < 0x80) {
          if (runStart >= 0) {
            this.starts.push(runStart);
            this.ends.push(i);
            this.unitsAtEnd.push(units);
            runStart = -1;
          }
          units++;
        } else {
          if (runStart < 0) {
            runStart = i;
            this.unitsAtStart.push(units);
          }
          units += unitsOf(b);
        }
      }
    }
    if (runStart >= 0) {
      this.starts.push(runStart);
      this.ends.push(n);
      this.unitsAtEnd.push(units);
    }
  }

  /** The length of the decoded page in UTF-16 code units. */
  get length(): number {
    return this.offset(this.buf.length);
  }

  get byteLength(): number {
    return this.buf.length;
  }

  /**
   * Bytes [start, end) as a one-byte string, character k byte start + k (a scanner's window: a
   * string of the whole page would be made in V8's large-object space at many times the cost).
   */
  latin1(start: number, end: number): string {
    return this.buf.toString('latin1', start, end);
  }

  /** The byte at `at` (undefined past the end). */
  byteAt(at: number): number | undefined {
    return this.buf[at];
  }

  /** The first `ascii` at or after byte `from`, or -1. */
  indexOf(ascii: string, from: number): number {
    return from >= this.buf.length ? -1 : this.buf.indexOf(ascii, from, 'latin1');
  }

  /** Moves the cursor so that `k` runs start before `at`. */
  private seek(at: number): void {
    const starts = this.starts;
    let k = this.k;
    if (k > 0 && starts[k - 1]! >= at) {
      let lo = 0;
      let hi = k - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! < at) lo = mid + 1;
        else hi = mid;
      }
      k = lo;
    }
    while (k < starts.length && starts[k]! < at) k++;
    this.k = k;
  }

  /** The UTF-16 offset in the decoded page of byte offset `at` (a character boundary). */
  offset(at: number): number {
    this.seek(at);
    const k = this.k - 1;
    if (k < 0) return at;
    const end = this.ends[k]!;
    if (at >= end) return this.unitsAtEnd[k]! + (at - end);
    // Inside a run: count its bytes back from the run's end.
    let units = this.unitsAtEnd[k]!;
    for (let i = at; i < end; i++) units -= unitsOf(this.buf[i]!);
    return units;
  }

  /**
   * The byte offset of UTF-16 offset `u` of the decoded page (0 <= u <= length), or -1 when `u`
   * falls between the two halves of a surrogate pair. Inside a run of non-ASCII bytes it walks
   * the run's characters from the last place it stopped (a scanner asks in page order), or from
   * the run's start when asked for an earlier place.
   */
  byteOf(u: number): number {
    const at = this.unitsAtStart;
    let lo = 0;
    let hi = at.length;
    // The first run that starts after u; the one before it (if any) is the last that starts at or before u.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! <= u) lo = mid + 1;
      else hi = mid;
    }
    const k = lo - 1;
    if (k < 0) return u;
    const unitsEnd = this.unitsAtEnd[k]!;
    if (u >= unitsEnd) return this.ends[k]! + (u - unitsEnd);
    let byte = this.starts[k]!;
    let units = at[k]!;
    if (this.walkRun === k && this.walkUnits <= u) {
      byte = this.walkByte;
      units = this.walkUnits;
    }
    const buf = this.buf;
    while (units < u) {
      const lead = buf[byte]!;
      const n = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
      if (n === 4 && units + 2 > u) return -1;
      units += n === 4 ? 2 : 1;
      byte += n;
    }
    this.walkRun = k;
    this.walkByte = byte;
    this.walkUnits = units;
    return byte;
  }

  /** The first byte at or after `from` where the UTF-8 of `text` starts, or -1. */
  indexOfText(text: string, from: number): number {
    return from > this.buf.length ? -1 : this.buf.indexOf(text, from, 'utf8');
  }

  /** The page's bytes (valid UTF-8). */
  get bytes(): Uint8Array {
    return this.buf;
  }

  /** Whether bytes [start, end) hold a non-ASCII byte. */
  hasNonAscii(start: number, end: number): boolean {
    if (end <= start) return false;
    this.seek(start);
    const k = this.k;
    return (k > 0 && this.ends[k - 1]! > start) || (k < this.starts.length && this.starts[k]! < end);
  }

  /** The decoded text of bytes [start, end) (both character boundaries). */
  slice(start: number, end: number): string {
    if (end <= start) return '';
    return this.buf.toString(this.hasNonAscii(start, end) ? 'utf8' : 'latin1', start, end);
  }

  /** The whole decoded page. */
  text(): string {
    return this.buf.toString(this.starts.length === 0 ? 'latin1' : 'utf8');
  }
}
