/**
 * .gz of any supported format, streamed through zlib: "x.jsonl.gz" and "x.warc.gz" are read
 * record by record without holding the file; single-article formats (html, text, feed) are
 * inflated up to maxBytes (CC105 beyond). Every file is stopped while inflating past
 * maxDecompressed bytes or a bomb's ratio (CC112, GZIP_LIMITS), so a small .gz that would inflate
 * to gigabytes costs neither the memory nor the time. A truncated or corrupt stream gives CC120
 * after the records read before the damage. `gunzipChunks` is the one entry for streaming a
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
 * Inflated chunks of a gzip file (every member of a multi-member file, as WARC.gz has), stopped
 * while inflating (InflateLimitError) past `maxDecompressed` bytes or the bomb ratio: nothing past
 * the limit is inflated, and only one chunk at a time is held.
 */
export async function* gunzipChunks(path: string, maxDecompressed: number = GZIP_LIMITS.maxDecompressed): AsyncGenerator<Buffer> {
  const file = createReadStream(path);
  const gunzip = createGunzip();
  const stream = file.pipe(gunzip);
  let inflated = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      const byRatio = inflated > GZIP_LIMITS.ratioFrom && inflated > GZIP_LIMITS.maxRatio * Math.max(1, file.bytesRead);
      if (inflated > maxDecompressed || byRatio) throw new InflateLimitError(path, inflated, file.bytesRead, maxDecompressed, byRatio && inflated <= maxDecompressed);
      yield chunk;
    }
  } finally {
    gunzip.destroy();
    file.destroy();
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

/** Reads records from inflated chunks with `read`; a zlib error after some records becomes CC120, a limit CC112. */
export async function* readGzipStream(path: string, maxDecompressed: number, read: (chunks: AsyncIterable<Buffer>) => AsyncGenerator<ReadItem>): AsyncGenerator<ReadItem> {
  try {
    yield* read(gunzipChunks(path, maxDecompressed));
  } catch (error) {
    if (error instanceof InflateLimitError) yield inflateProblem(error);
    else yield problem('CC120', `${path} could not be inflated to the end (${error instanceof Error ? error.message : String(error)})`, path);
  }
}

function inflateProblem(error: InflateLimitError): ReadItem {
  return problem('CC112', `${error.message}; the records before were kept`, error.path);
}

/** The whole inflated content, up to maxBytes (CC105) and maxDecompressed (CC112); a problem when larger or corrupt. */
export async function gunzipWhole(path: string, maxBytes: number, maxDecompressed: number = GZIP_LIMITS.maxDecompressed): Promise<{ ok: true; bytes: Buffer } | { ok: false; item: ReadItem }> {
  const parts: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of gunzipChunks(path, maxDecompressed)) {
      total += chunk.length;
      if (total > maxBytes) return { ok: false, item: problem('CC105', `${path} inflates to more than the limit of ${maxBytes} bytes`, path) };
      parts.push(chunk);
    }
  } catch (error) {
    if (error instanceof InflateLimitError) return { ok: false, item: inflateProblem(error) };
    return { ok: false, item: problem('CC120', `${path} could not be inflated (${error instanceof Error ? error.message : String(error)})`, path) };
  }
  return { ok: true, bytes: Buffer.concat(parts, total) };
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
  if (format === 'html') yield htmlFromBytes(whole.bytes, path);
  else if (format === 'feed') yield* readFeedBytes(whole.bytes, path);
  else yield textFromBytes(whole.bytes, path);
}
