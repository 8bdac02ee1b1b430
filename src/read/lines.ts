/**
 * Splits a byte stream into lines without holding more than one line (up to a limit) in memory.
 * We split bytes ourselves rather than use node:readline because readline decodes before it
 * splits (so invalid UTF-8 is silently replaced and CC103 could not be told per line) and it
 * buffers a line of any length; here a line over `maxBytes` is dropped as it streams past and
 * reported as oversize, so a multi-GB dump, even one with a giant line, is read in bounded memory.
 */

export interface ByteLine {
  /** 1-based line number. */
  number: number;
  /** The line's bytes without its "\n" (and without a "\r" before it); empty when oversize. */
  bytes: Buffer;
  /** Byte length of the line as it was in the input. */
  length: number;
  /** True when the line was longer than the limit; its bytes were not kept. */
  oversize: boolean;
}

const NEWLINE = 0x0a;
const CR = 0x0d;

/**
 * Yields the lines of a stream of chunks; the last line is yielded even without a final "\n".
 * With `skipEmpty`, empty lines are counted but not yielded: a stream of millions of "\n" (a gzip
 * bomb inflates to that) then costs a byte compare each, not a generator step each.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer | string>, maxBytes: number, skipEmpty = false): AsyncGenerator<ByteLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let oversize = false;
  let number = 0;
  const finish = (): ByteLine => {
    number++;
    let bytes = oversize ? Buffer.alloc(0) : parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
    let len = length;
    if (!oversize && bytes.length > 0 && bytes[bytes.length - 1] === CR) {
      bytes = bytes.subarray(0, bytes.length - 1);
      len--;
    }
    const line: ByteLine = { number, bytes, length: len, oversize };
    parts = [];
    length = 0;
    oversize = false;
    return line;
  };
  const add = (piece: Buffer): void => {
    length += piece.length;
    if (oversize) return;
    // One byte of slack for a "\r" before the newline.
    if (length > maxBytes + 1) {
      oversize = true;
      parts = [];
      return;
    }
    if (piece.length > 0) parts.push(piece);
  };
  let sawAny = false;
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (buf.length === 0) continue;
    sawAny = true;
    let from = 0;
    for (;;) {
      if (skipEmpty && length === 0 && !oversize) {
        while (from < buf.length && buf[from] === NEWLINE) {
          number++;
          from++;
        }
      }
      const nl = buf.indexOf(NEWLINE, from);
      if (nl < 0) {
        add(buf.subarray(from));
        break;
      }
      add(buf.subarray(from, nl));
      const line = finish();
      if (!line.oversize && line.length > maxBytes) line.oversize = true;
      yield line;
      from = nl + 1;
    }
  }
  if (sawAny && (length > 0 || oversize)) {
    const line = finish();
    if (!line.oversize && line.length > maxBytes) line.oversize = true;
    yield line;
  }
}
