/**
 * .gz of any supported format, streamed through zlib: "x.jsonl.gz" and "x.warc.gz" are read
 * record by record without holding the file; single-article formats (html, text, feed) are
 * inflated up to maxBytes (CC105 beyond). Every file is stopped while inflating past
 * maxDecompressed bytes or a bomb's ratio (CC112, GZIP_LIMITS), so a small .gz that would inflate
 * to gigabytes costs neither the memory nor the time. A truncated or corrupt stream gives CC120
 * after every record that inflated before the damage; bytes after the last member (junk, padding)
 * give CC115, a warning, as `gzip -d` does. `gunzipChunks` is the one entry for streaming a
 * compressed file.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { DEFAULT_CONTEXT } from '../model/index.js';
import type { InputFormat } from './formats.js';
import { readFeedBytes } from './feed.js';
import { htmlFromBytes } from './html.js';
import { problem, type ReadItem } from './item.js';
import { readJsonlStream } from './jsonl.js';
import { textFromBytes } from './text.js';
import { readWarcStream } from './warc.js';

export const GZIP_LIMITS = {
  /** Default for ReadOptions.maxDecompressed (--max-decompressed): inflated bytes per compressed file. */
  maxDecompressed: DEFAULT_CONTEXT.maxDecompressed,
  /**
   * Inflated-to-compressed ratio past which a file is taken as a gzip bomb, once it has inflated
   * past `ratioFrom` bytes. Measured: text and JSONL compress 3-15x (bench/crash.ts's generated
   * dump 15x), one JSONL record repeated 100,000 times 293x; a run of one byte reaches deflate's
   * maximum, about 1030x.
   */
  maxRatio: 500,
  ratioFrom: 64 * 1024 * 1024,
};

/** Thrown inside the inflating stream when a limit is passed; readers turn it into CC112. */
export class InflateLimitError extends Error {
  constructor(readonly path: string, readonly inflated: number, readonly compressed: number, readonly limit: number, readonly byRatio: boolean) {
    super(byRatio ? `${path} inflates more than ${GZIP_LIMITS.maxRatio} times its compressed size (${inflated} bytes from ${compressed}); stopped` : `${path} inflates past the limit of ${limit} bytes; stopped`);
  }
}

/**
 * Thrown after the last inflated chunk when the file goes on past a complete gzip member with
 * bytes that are not another member (padding, a concatenated signature, junk): `gzip -d` keeps
 * what it inflated and warns, and so do the readers (CC115, a warning).
 */
export class TrailingBytesError extends Error {
  constructor(readonly path: string, readonly offset: number, readonly reason: string) {
    super(`${path} has bytes after its last gzip member, from byte ${offset} (${reason})`);
  }
}

/** zlib's reasons when the bytes where a member should start are not a gzip header. */
const NOT_A_MEMBER = /incorrect header check|unknown compression method|unknown header flags/i;

/**
 * Compressed bytes per write to zlib. zlib drops the output of a write that fails inside, so
 * after a failure the file is inflated again with the failed write cut into REPLAY_PIECES pieces
 * (and once more for the failed piece), down to one byte: every byte that inflated before the
 * damage is kept, for two more passes over the file and about 2 x 64 writes. (Each write is a
 * thread-pool round trip, 0.05-0.7 ms on a busy machine: writing the whole slice a byte at a time
 * took 1 s.)
 */
const SLICE_BYTES = 4 * 1024;
const REPLAY_PIECES = 64;

interface RunEnd {
  error: Error | null;
  /** Compressed offset of the write that failed (or of the end). */
  at: number;
  /** Its length (0 when the end of the file failed). */
  length: number;
}

/** Where a pass cuts its writes finer: from `at`, `length` bytes in writes of `piece` bytes. */
interface Replay {
  at: number;
  length: number;
  piece: number;
}

/** One pass of zlib over the file: inflated chunks as they come; the pass ends with how it ended. */
async function* inflatePass(path: string, replay: Replay | null, fed: { bytes: number }): AsyncGenerator<Buffer, RunEnd> {
  const file = createReadStream(path, { highWaterMark: 64 * 1024 });
  const gunzip = createGunzip();
  const out: Buffer[] = [];
  let failed: Error | null = null;
  let waiting: ((error: Error | null) => void) | null = null;
  gunzip.on('data', (chunk: Buffer) => out.push(chunk));
  gunzip.on('error', (error: Error) => {
    failed ??= error;
    waiting?.(failed);
  });
  // Settles when zlib has taken the bytes, or failed on them (a failed write may never call back).
  const write = (bytes: Buffer, taken?: () => void): Promise<Error | null> =>
    new Promise((resolve) => {
      if (failed) return resolve(failed);
      waiting = resolve;
      gunzip.write(bytes, (error) => {
        if (!error && !failed) taken?.();
        resolve(error ?? failed);
      });
    });
  const from = replay?.at ?? Infinity;
  const to = replay ? replay.at + replay.length : Infinity;
  let offset = 0;
  try {
    for await (const chunk of file as AsyncIterable<Buffer>) {
      for (let i = 0; i < chunk.length; ) {
        let n = Math.min(SLICE_BYTES, chunk.length - i);
        if (replay && offset >= from && offset < to) {
          // The replay: the pieces are queued together (zlib takes them in order); the output
          // before a failure has come out by the time the failure is reported.
          n = Math.min(n, to - offset);
          let taken = 0;
          let last: Promise<Error | null> = Promise.resolve(null);
          for (let k = 0; k < n; k += replay.piece) last = write(chunk.subarray(i + k, Math.min(i + n, i + k + replay.piece)), () => taken++);
          const error = await last;
          while (out.length > 0) yield out.shift()!;
          if (error) {
            const at = offset + taken * replay.piece;
            return { error, at, length: Math.min(replay.piece, offset + n - at) };
          }
        } else {
          if (offset < from) n = Math.min(n, from - offset);
          const error = await write(chunk.subarray(i, i + n));
          while (out.length > 0) yield out.shift()!;
          if (error) return { error, at: offset, length: n };
        }
        offset += n;
        fed.bytes = offset;
        i += n;
      }
    }
    const error = await new Promise<Error | null>((resolve) => {
      if (failed) return resolve(failed);
      waiting = resolve;
      gunzip.once('end', () => resolve(null));
      gunzip.end();
    });
    while (out.length > 0) yield out.shift()!;
    return { error, at: offset, length: 0 };
  } finally {
    gunzip.destroy();
    file.destroy();
  }
}

/**
 * Inflated chunks of a gzip file (every member of a multi-member file, as WARC.gz has), stopped
 * while inflating (InflateLimitError) past `maxDecompressed` bytes or the bomb ratio: nothing past
 * the limit is inflated, and only one write's output is held at a time. When zlib fails, every
 * byte that inflated before the failure is still yielded (the failed write is replayed in finer
 * pieces, skipping what was yielded), then the failure is thrown: TrailingBytesError for bytes
 * after a complete member, zlib's own error for damage or truncation.
 */
export async function* gunzipChunks(path: string, maxDecompressed: number = GZIP_LIMITS.maxDecompressed): AsyncGenerator<Buffer> {
  let inflated = 0;
  const fed = { bytes: 0 };
  const DONE: RunEnd = { error: null, at: 0, length: 0 };
  let replay: Replay | null = null;
  for (;;) {
    let skip = inflated;
    const pass = inflatePass(path, replay, fed);
    let end: RunEnd;
    try {
      for (;;) {
        const next = await pass.next();
        if (next.done) {
          end = next.value;
          break;
        }
        let chunk = next.value;
        if (skip > 0) {
          const k = Math.min(skip, chunk.length);
          skip -= k;
          chunk = chunk.subarray(k);
          if (chunk.length === 0) continue;
        }
        inflated += chunk.length;
        const byRatio = inflated > GZIP_LIMITS.ratioFrom && inflated > GZIP_LIMITS.maxRatio * Math.max(1, fed.bytes);
        if (inflated > maxDecompressed || byRatio) throw new InflateLimitError(path, inflated, fed.bytes, maxDecompressed, byRatio && inflated <= maxDecompressed);
        yield chunk;
      }
    } finally {
      await pass.return(DONE);
    }
    if (end.error === null) return;
    if (end.length <= 1) {
      if (inflated > 0 && NOT_A_MEMBER.test(end.error.message)) throw new TrailingBytesError(path, end.at, end.error.message);
      throw end.error;
    }
    // The failed write's output was dropped by zlib: inflate again, that write in finer pieces.
    replay = { at: end.at, length: end.length, piece: Math.max(1, Math.floor(end.length / REPLAY_PIECES)) };
  }
}

/** True for the gzip magic bytes. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** The name without a final ".gz" ("a.jsonl.gz" -> "a.jsonl"). */
export function withoutGz(path: string): string {
  return /\.gz$/i.test(path) ? path.slice(0, -3) : path;
}

/**
 * Reads records from inflated chunks with `read`: every record that inflated is read; then bytes
 * after the last member give CC115 (a warning), a zlib error CC120, a limit CC112.
 */
export async function* readGzipStream(path: string, maxDecompressed: number, read: (chunks: AsyncIterable<Buffer>) => AsyncGenerator<ReadItem>): AsyncGenerator<ReadItem> {
  try {
    yield* read(gunzipChunks(path, maxDecompressed));
  } catch (error) {
    if (error instanceof InflateLimitError) yield inflateProblem(error);
    else if (error instanceof TrailingBytesError) yield trailingProblem(error);
    else yield problem('CC120', `${path} could not be inflated to the end (${error instanceof Error ? error.message : String(error)}); the records before the damage were kept`, path);
  }
}

function trailingProblem(error: TrailingBytesError): ReadItem {
  return problem('CC115', `${error.message}; everything before was read`, error.path);
}

function inflateProblem(error: InflateLimitError): ReadItem {
  return problem('CC112', `${error.message}; the records before were kept`, error.path);
}

/**
 * The whole inflated content, up to maxBytes (CC105) and maxDecompressed (CC112); a problem when
 * larger, corrupt or cut short (a document cut short is not stored: its end is missing). Bytes
 * after the last member are a warning (`trailing`), the content before them whole.
 */
export async function gunzipWhole(path: string, maxBytes: number, maxDecompressed: number = GZIP_LIMITS.maxDecompressed): Promise<{ ok: true; bytes: Buffer; trailing: ReadItem | null } | { ok: false; item: ReadItem }> {
  const parts: Buffer[] = [];
  let total = 0;
  let trailing: ReadItem | null = null;
  try {
    for await (const chunk of gunzipChunks(path, maxDecompressed)) {
      total += chunk.length;
      if (total > maxBytes) return { ok: false, item: problem('CC105', `${path} inflates to more than the limit of ${maxBytes} bytes`, path) };
      parts.push(chunk);
    }
  } catch (error) {
    if (error instanceof InflateLimitError) return { ok: false, item: inflateProblem(error) };
    if (error instanceof TrailingBytesError) trailing = trailingProblem(error);
    else return { ok: false, item: problem('CC120', `${path} could not be inflated to the end (${error instanceof Error ? error.message : String(error)}); a document cut short is not stored`, path) };
  }
  return { ok: true, bytes: Buffer.concat(parts, total), trailing };
}

/** A .gz file of any supported format: JSONL and WARC streamed, the others inflated whole. */
export async function* readGzipInput(path: string, format: InputFormat, maxBytes: number, maxDecompressed: number = GZIP_LIMITS.maxDecompressed): AsyncGenerator<ReadItem> {
  if (format === 'jsonl') {
    yield* readGzipStream(path, maxDecompressed, (chunks) => readJsonlStream(chunks, path, maxBytes));
    return;
  }
  if (format === 'warc') {
    yield* readGzipStream(path, maxDecompressed, (chunks) => readWarcStream(chunks, path, maxBytes));
    return;
  }
  const whole = await gunzipWhole(path, maxBytes, maxDecompressed);
  if (!whole.ok) {
    yield whole.item;
    return;
  }
  if (whole.trailing) yield whole.trailing;
  if (format === 'html') yield htmlFromBytes(whole.bytes, path);
  else if (format === 'feed') yield* readFeedBytes(whole.bytes, path);
  else yield textFromBytes(whole.bytes, path);
}
