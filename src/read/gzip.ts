/**
 * .gz of any supported format, streamed through zlib: "x.jsonl.gz" and "x.warc.gz" are read
 * record by record without holding the file; single-article formats (html, text, feed) are
 * inflated up to maxBytes (CC105 beyond). A truncated or corrupt stream gives CC120 after the
 * records read before the damage. Shared with ingest: `gunzipChunks` is the one entry for
 * streaming a compressed file.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { InputFormat } from './formats.js';
import { readFeedBytes } from './feed.js';
import { htmlFromBytes } from './html.js';
import { problem, type ReadItem } from './item.js';
import { readJsonlStream } from './jsonl.js';
import { textFromBytes } from './text.js';
import { readWarcStream } from './warc.js';

/** Inflated chunks of a gzip file (every member of a multi-member file, as WARC.gz has). */
export function gunzipChunks(path: string): AsyncIterable<Buffer> {
  return createReadStream(path).pipe(createGunzip()) as AsyncIterable<Buffer>;
}

/** True for the gzip magic bytes. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** The name without a final ".gz" ("a.jsonl.gz" -> "a.jsonl"). */
export function withoutGz(path: string): string {
  return /\.gz$/i.test(path) ? path.slice(0, -3) : path;
}

/** Reads records from inflated chunks with `read`; a zlib error after some records becomes CC120. */
export async function* readGzipStream(path: string, read: (chunks: AsyncIterable<Buffer>) => AsyncGenerator<ReadItem>): AsyncGenerator<ReadItem> {
  try {
    yield* read(gunzipChunks(path));
  } catch (error) {
    yield problem('CC120', `${path} could not be inflated to the end (${error instanceof Error ? error.message : String(error)})`, path);
  }
}

/** The whole inflated content, up to maxBytes; a problem when it is larger or corrupt. */
export async function gunzipWhole(path: string, maxBytes: number): Promise<{ ok: true; bytes: Buffer } | { ok: false; item: ReadItem }> {
  const parts: Buffer[] = [];
  let total = 0;
  const stream = createReadStream(path).pipe(createGunzip());
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) {
        stream.destroy();
        return { ok: false, item: problem('CC105', `${path} inflates to more than the limit of ${maxBytes} bytes`, path) };
      }
      parts.push(chunk);
    }
  } catch (error) {
    return { ok: false, item: problem('CC120', `${path} could not be inflated (${error instanceof Error ? error.message : String(error)})`, path) };
  }
  return { ok: true, bytes: Buffer.concat(parts, total) };
}

/** A .gz file of any supported format: JSONL and WARC streamed, the others inflated whole. */
export async function* readGzipInput(path: string, format: InputFormat, maxBytes: number): AsyncGenerator<ReadItem> {
  if (format === 'jsonl') {
    yield* readGzipStream(path, (chunks) => readJsonlStream(chunks, path, maxBytes));
    return;
  }
  if (format === 'warc') {
    yield* readGzipStream(path, (chunks) => readWarcStream(chunks, path, maxBytes));
    return;
  }
  const whole = await gunzipWhole(path, maxBytes);
  if (!whole.ok) {
    yield whole.item;
    return;
  }
  if (format === 'html') yield htmlFromBytes(whole.bytes, path);
  else if (format === 'feed') yield* readFeedBytes(whole.bytes, path);
  else yield textFromBytes(whole.bytes, path);
}
