/**
 * WARC (and, through gzip.ts, WARC.gz) files, streamed record by record: every `response`
 * record whose HTTP payload is HTML becomes an article, with the record's WARC-Target-URI as its
 * url and WARC-Date as the date when the page gives none. Other records are skipped unread.
 * A record whose header cannot be read gives CC123 and the reader looks for the next record
 * ("WARC/1." at a line start); a record over maxBytes is skipped with CC105; a record whose
 * Content-Length runs past the end of the file gives CC123 and the records inside what it
 * claimed are read. A compressed payload that cannot be inflated is CC120, never stored.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { message } from '../model/index.js';
import { charsetOfContentType } from './charset.js';
import { htmlFromBytes } from './html.js';
import { problem, type ReadItem } from './item.js';

/** The longest WARC header block read before the record is taken as corrupt. */
const MAX_HEADER_BYTES = 64 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');
const RECORD_START = Buffer.from('WARC/1.');

type Headers = Map<string, string>;

function parseHeaderLines(text: string): Headers {
  const headers: Headers = new Map();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return headers;
}

/** A pull reader over chunks: bytes are asked for as needed; nothing is held past the current record. */
class ChunkReader {
  private buf: Buffer = Buffer.alloc(0);
  private done = false;
  constructor(private readonly it: AsyncIterator<Buffer>) {}
  get buffered(): Buffer {
    return this.buf;
  }
  get ended(): boolean {
    return this.done && this.buf.length === 0;
  }
  /** Reads until `n` bytes are buffered or the input ends; false at the end. */
  async fill(n: number): Promise<boolean> {
    if (this.buf.length >= n || this.done) return this.buf.length >= n;
    // Gather the chunks and copy once (a record of many chunks is not copied per chunk).
    const parts: Buffer[] = [this.buf];
    let have = this.buf.length;
    while (have < n) {
      const next = await this.it.next();
      if (next.done) {
        this.done = true;
        break;
      }
      parts.push(next.value);
      have += next.value.length;
    }
    this.buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, have);
    return this.buf.length >= n;
  }
  async more(): Promise<boolean> {
    if (this.done) return false;
    const before = this.buf.length;
    await this.fill(before + 1);
    return this.buf.length > before;
  }
  /** Puts bytes back in front of what is buffered (a record start found inside a skipped block). */
  unshift(bytes: Buffer): void {
    this.buf = this.buf.length === 0 ? bytes : Buffer.concat([bytes, this.buf]);
  }
  take(n: number): Buffer {
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }
  /** Drops `n` bytes, reading through the input as needed; the number dropped. */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      if (this.buf.length === 0 && !(await this.more())) break;
      const k = Math.min(left, this.buf.length);
      this.buf = this.buf.subarray(k);
      left -= k;
    }
    return n - left;
  }
}

export async function* readWarcStream(chunks: AsyncIterable<Buffer>, name: string, maxBytes: number): AsyncGenerator<ReadItem> {
  const r = new ChunkReader(chunks[Symbol.asyncIterator]());
  let index = 0;
  let pages = 0;
  let problems = 0;
  for (;;) {
    // Blank lines between records, dropped a buffer at a time (millions of them are a bomb's output, not a byte each).
    await r.fill(1);
    for (;;) {
      const buf = r.buffered;
      let i = 0;
      while (i < buf.length && (buf[i] === 0x0d || buf[i] === 0x0a)) i++;
      r.take(i);
      if (i < buf.length || !(await r.fill(1))) break;
    }
    if (r.ended) break;
    index++;
    await r.fill(RECORD_START.length);
    let end = r.buffered.indexOf(HEADER_END);
    while (end < 0 && r.buffered.length < MAX_HEADER_BYTES && (await r.more())) end = r.buffered.indexOf(HEADER_END);
    const startsRight = r.buffered.subarray(0, RECORD_START.length).equals(RECORD_START);
    const headers = end >= 0 && startsRight ? parseHeaderLines(r.buffered.subarray(0, end).toString('latin1')) : null;
    const length = headers ? Number(headers.get('content-length')) : NaN;
    if (!headers || !Number.isSafeInteger(length) || length < 0) {
      problems++;
      yield problem('CC123', `${name}: record ${index} has no readable WARC header${end < 0 ? '' : ' (no WARC/1.x line or no Content-Length)'}; looking for the next record`, name);
      if (!(await resync(r))) break;
      continue;
    }
    r.take(end + HEADER_END.length);
    const type = headers.get('warc-type') ?? '';
    const target = headers.get('warc-target-uri') ?? null;
    if (type !== 'response' || length > maxBytes) {
      const skipped = await skipBlock(r, length, maxBytes);
      if (skipped.kind === 'skipped') {
        if (type === 'response') {
          problems++;
          yield problem('CC105', `${name}: record ${index} (${target ?? 'no target'}) is ${length} bytes, over the limit of ${maxBytes}; skipped`, name);
        }
        continue;
      }
      problems++;
      if (skipped.kind === 'resynced') {
        yield problem('CC123', `${name}: record ${index} (${target ?? 'no target'}) declares ${length} bytes, more than the rest of the file holds; read on from the next record, ${skipped.from} bytes into it`, name);
        continue;
      }
      yield problem('CC123', `${name}: record ${index} (${target ?? 'no target'}) declares ${length} bytes but the file ends ${skipped.from} bytes into it`, name);
      break;
    }
    if (!(await r.fill(length))) {
      problems++;
      // A length past the end: when a record starts inside the bytes that came, read on from it.
      const next = recordStartIn(r.buffered, 0);
      if (next > 0) {
        yield problem('CC123', `${name}: record ${index} (${target ?? 'no target'}) declares ${length} bytes, more than the rest of the file holds; read on from the next record, ${next} bytes into it`, name);
        r.take(next);
        continue;
      }
      yield problem('CC123', `${name}: record ${index} (${target ?? 'no target'}) is cut short: ${r.buffered.length} of ${length} bytes`, name);
      break;
    }
    const block = Buffer.from(r.take(length));
    const uri = `${name}#${index}`;
    const item = responseItem(block, uri, target, headers.get('warc-date') ?? null, maxBytes);
    if (item === null) continue;
    if (item.kind === 'source') pages++;
    else problems++;
    yield item;
  }
  if (pages === 0 && problems === 0) yield problem('CC124', `${name} holds no HTML response records (${index} records read)`, name);
}

/** Where a record starts ("WARC/1." after a line break) in `bytes`, at or after `from`; -1 when none. */
function recordStartIn(bytes: Buffer, from: number): number {
  for (let i = bytes.indexOf(RECORD_START, from); i >= 0; i = bytes.indexOf(RECORD_START, i + 1)) {
    if (i > 0 && bytes[i - 1] === 0x0a) return i;
  }
  return -1;
}

/**
 * Skips a block of `length` bytes. A declared length can be a lie (10^15 in issue 19 swallowed
 * every record after it): while skipping, the first record start seen is kept with the bytes
 * after it (at most `keepMax`; past that a later start is looked for), and when the input ends
 * before the block does, those bytes are put back and reading goes on from there. A real block
 * that merely holds "WARC/1." is skipped whole, as declared.
 */
async function skipBlock(r: ChunkReader, length: number, keepMax: number): Promise<{ kind: 'skipped' } | { kind: 'resynced' | 'ended'; from: number }> {
  let left = length;
  let kept: Buffer[] | null = null;
  let keptBytes = 0;
  let keptFrom = 0;
  let tail: Buffer = Buffer.alloc(0);
  while (left > 0) {
    if (r.buffered.length === 0 && !(await r.more())) break;
    const k = Math.min(left, r.buffered.length);
    const piece = Buffer.from(r.take(k));
    const offset = length - left;
    left -= k;
    if (kept) {
      kept.push(piece);
      keptBytes += piece.length;
      if (keptBytes > keepMax) {
        kept = null;
        keptBytes = 0;
      }
      tail = piece.subarray(Math.max(0, piece.length - RECORD_START.length));
      continue;
    }
    const joined = tail.length ? Buffer.concat([tail, piece]) : piece;
    const at = recordStartIn(joined, 0);
    if (at >= 0) {
      kept = [joined.subarray(at)];
      keptBytes = joined.length - at;
      keptFrom = offset - tail.length + at;
    }
    tail = piece.subarray(Math.max(0, piece.length - RECORD_START.length));
  }
  if (left === 0) return { kind: 'skipped' };
  if (kept) {
    r.unshift(Buffer.concat(kept, keptBytes));
    return { kind: 'resynced', from: keptFrom };
  }
  return { kind: 'ended', from: length - left };
}

/** Drops bytes up to the next "WARC/1." at a line start; false when the input ends first. */
async function resync(r: ChunkReader): Promise<boolean> {
  r.take(1);
  for (;;) {
    const i = r.buffered.indexOf(RECORD_START);
    if (i >= 0 && (i === 0 || r.buffered[i - 1] === 0x0a)) {
      r.take(i);
      return true;
    }
    // Keep a tail that may hold the start of the marker.
    if (r.buffered.length > RECORD_START.length) r.take(r.buffered.length - RECORD_START.length);
    if (!(await r.more())) return false;
  }
}

/** An HTTP response block to a page record, or null when it is not HTML. */
function responseItem(block: Buffer, uri: string, target: string | null, warcDate: string | null, maxBytes: number): ReadItem | null {
  const end = block.indexOf(HEADER_END);
  if (end < 0 || !block.subarray(0, 5).equals(Buffer.from('HTTP/'))) return null;
  const http = parseHeaderLines(block.subarray(0, end).toString('latin1'));
  const type = (http.get('content-type') ?? '').toLowerCase();
  let body: Buffer = block.subarray(end + HEADER_END.length);
  if (type && !type.includes('html')) return null;
  if (/chunked/i.test(http.get('transfer-encoding') ?? '')) body = dechunk(body);
  const encoding = (http.get('content-encoding') ?? '').toLowerCase();
  // A compressed payload is inflated up to maxBytes and no further (a gzip bomb in one record).
  const limit = { maxOutputLength: Math.max(1, maxBytes) };
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') body = gunzipSync(body, limit);
    else if (encoding === 'deflate') body = inflateSync(body, limit);
    else if (encoding === 'br') body = brotliDecompressSync(body, limit);
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      return problem('CC112', `${uri}: the ${encoding} payload of ${target ?? 'the record'} inflates past the limit of ${maxBytes} bytes; skipped`, uri);
    }
    // CC-NEWS stores payloads already decoded but keeps the header: bytes that read as markup are
    // used as they are. Anything else is a compressed payload that is cut or corrupt: stored, its
    // compressed bytes would be a garbage article.
    if (!looksLikeMarkup(body)) {
      return problem('CC120', `${uri}: the ${encoding} payload of ${target ?? 'the record'} could not be inflated (${(error as Error).message}); skipped`, uri);
    }
  }
  const date = warcDate ? warcDate.replace(/\.\d+Z$/, 'Z') : null;
  const messages = target ? [] : [message('CC123', `${uri}: the response record has no WARC-Target-URI`, { uri })];
  return htmlFromBytes(body, uri, { url: target, charset: charsetOfContentType(type), date, format: 'warc', messages });
}

/** True when the first byte past a byte-order mark and white space is "<": a page, not compressed bytes. */
function looksLikeMarkup(body: Buffer): boolean {
  let i = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  while (i < body.length && i < 4096 && (body[i] === 0x20 || body[i] === 0x09 || body[i] === 0x0a || body[i] === 0x0d)) i++;
  return body[i] === 0x3c;
}

/** Decodes an HTTP chunked body; stops at a malformed chunk size. */
function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let i = 0;
  for (;;) {
    const nl = body.indexOf('\r\n', i);
    if (nl < 0) break;
    const size = parseInt(body.subarray(i, nl).toString('latin1').split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size <= 0) break;
    parts.push(body.subarray(nl + 2, nl + 2 + size));
    i = nl + 2 + size + 2;
  }
  return parts.length ? Buffer.concat(parts) : body;
}
