/**
 * Readers: file paths, URLs, directories (recursive), "-" for standard input; plain-text
 * articles, JSONL (streamed), HTML pages, RSS/Atom feeds, WARC (streamed), and .gz of each. Every input yields source records or coded problems; a bad input never stops
 * the batch. Steps for one input:
 *
 *   1. "-"            -> standard input (stdin.ts)
 *   2. missing        -> CC100; neither file nor directory -> CC101
 *   3. directory      -> its article files in sorted order; none read -> CC110
 *   4. http(s) URL    -> fetched (url.ts): time, size and redirect limits, private addresses refused
 *   5. file           -> by --format, else by extension (.txt .text .md | .jsonl .ndjson | .html .htm |
 *                        .rss .atom .xml | .warc, each also .gz), else sniffed (formats.ts):
 *                        a page, feed or WARC by its first bytes, else binary -> CC109, else text
 */
import { createReadStream } from 'node:fs';
import { message, type Message } from '../model/index.js';
import { walkDirectory } from './directory.js';
import { formatOfPath, isGzipPath, sniffFormat, type InputFormat } from './formats.js';
import { readFeedFile } from './feed.js';
import { readGzipInput } from './gzip.js';
import { readHtmlFile } from './html.js';
import { isUrlInput, readUrl, type FetchOptions } from './url.js';
import { readWarcStream } from './warc.js';
import { looksBinary, SNIFF_BYTES, utf16Of } from './decode.js';
import { problem, type ReadItem } from './item.js';
import { readJsonlStream } from './jsonl.js';
import { readStdin } from './stdin.js';
import { errorCode, readHead, readTextFile, statFile } from './text.js';

export type { ReadItem } from './item.js';

export interface ReadOptions {
  maxBytes: number;
  /** Force a format instead of guessing from the extension / content. */
  format?: InputFormat;
  /** Fetch URLs that resolve to private, loopback or link-local addresses (tests, intranets). */
  allowPrivate?: boolean;
  /** Time limit for fetching one URL, in ms. */
  fetchTimeoutMs?: number;
  /** Largest size a compressed file may inflate to, in bytes (CC112 beyond); default GZIP_LIMITS.maxDecompressed. */
  maxDecompressed?: number;
  /** Standard input, for the "-" input (defaults to process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /**
   * What an input is called in uris and messages, when not by its path: the server reads what a
   * request posts from temporary files, which its clients must not see ("posted:<request>").
   */
  names?: ReadonlyMap<string, string>;
}

/** Size of the chunks a JSONL file is streamed in. */
const STREAM_CHUNK_BYTES = 256 * 1024;

export async function* readInputs(inputs: readonly string[], options: ReadOptions): AsyncGenerator<ReadItem> {
  const names = options.names;
  if (names && names.size > 0) {
    for await (const item of readEach(inputs, options)) yield renamed(item, names);
    return;
  }
  yield* readEach(inputs, options);
}

/** An item with every input path in its uris and reasons replaced by the input's name. */
function renamed(item: ReadItem, names: ReadonlyMap<string, string>): ReadItem {
  const fix = (s: string): string => {
    for (const [path, name] of names) if (s.includes(path)) s = s.split(path).join(name);
    return s;
  };
  const fixMessage = (m: Message): Message => ({ ...m, reason: fix(m.reason), ...(m.uri !== undefined ? { uri: fix(m.uri) } : {}) });
  if (item.kind === 'problem') return { kind: 'problem', message: fixMessage(item.message) };
  return { kind: 'source', source: { ...item.source, uri: fix(item.source.uri), messages: item.source.messages.map(fixMessage) } };
}

async function* readEach(inputs: readonly string[], options: ReadOptions): AsyncGenerator<ReadItem> {
  for (const input of inputs) {
    if (input === '-') {
      const format = options.format === 'text' || options.format === 'jsonl' ? options.format : undefined;
      yield* readStdin(options.stdin ?? process.stdin, options.maxBytes, format);
      continue;
    }
    if (isUrlInput(input)) {
      const fetch: FetchOptions = { maxBytes: options.maxBytes, allowPrivate: options.allowPrivate === true };
      if (options.fetchTimeoutMs !== undefined) fetch.timeoutMs = options.fetchTimeoutMs;
      yield* readUrl(input, fetch);
      continue;
    }
    const s = await statFile(input);
    if (!s.ok) {
      if (s.code === 'ENOENT' || s.code === 'ENOTDIR') yield problem('CC100', `${input} does not exist`, input);
      else yield problem('CC101', `${input} could not be opened (${s.code})`, input);
      continue;
    }
    if (s.isDirectory) {
      yield* readDirectory(input, options);
      continue;
    }
    if (!s.isFile) {
      yield problem('CC101', `${input} is not a regular file (a device, socket or pipe)`, input, { hint: 'pass regular files, or "-" to read standard input' });
      continue;
    }
    yield* readFileInput(input, s.size, options, true);
  }
}

async function* readDirectory(dir: string, options: ReadOptions): AsyncGenerator<ReadItem> {
  let sources = 0;
  let files = 0;
  for await (const item of walkDirectory(dir)) {
    if (item.kind === 'error') {
      yield problem('CC101', `${item.path} could not be read (${item.code})`, item.path);
      continue;
    }
    files++;
    for await (const read of readFileInput(item.file.path, item.file.size, options, false)) {
      if (read.kind === 'source') sources++;
      yield read;
    }
  }
  if (sources === 0) {
    const reason = files === 0 ? `${dir} holds no .txt, .md, .jsonl, .html, .htm, .rss, .atom, .xml, .warc (or .gz of them) files` : `none of the ${files} article files under ${dir} could be read`;
    yield { kind: 'problem', message: message('CC110', reason, { uri: dir }) };
  }
}

/** One regular file; `explicit` when the user named it (unknown extensions are then sniffed). */
async function* readFileInput(path: string, size: number, options: ReadOptions, explicit: boolean): AsyncGenerator<ReadItem> {
  let format: InputFormat | null = options.format ?? formatOfPath(path);
  const gz = isGzipPath(path);
  if (format === null) {
    if (!explicit) return;
    let head: Buffer;
    try {
      head = await readHead(path, SNIFF_BYTES);
    } catch (error) {
      yield problem('CC101', `${path} could not be read (${errorCode(error)})`, path);
      return;
    }
    format = sniffFormat(head);
    if (format === null) {
      yield await readTextFile(path, size, options.maxBytes, 'CC109');
      return;
    }
  }
  if (size === 0) {
    yield problem('CC104', `${path} is empty (0 bytes)`, path);
    return;
  }
  if (gz) {
    yield* readGzipInput(path, format, options.maxBytes, options.maxDecompressed);
    return;
  }
  if (format === 'text') yield await readTextFile(path, size, options.maxBytes);
  else if (format === 'jsonl') yield* readJsonlFile(path, size, options.maxBytes);
  else if (format === 'html') yield await readHtmlFile(path, size, options.maxBytes);
  else if (format === 'feed') yield* readFeedFile(path, size, options.maxBytes);
  else yield* readWarcFile(path, options.maxBytes);
}

async function* readJsonlFile(path: string, size: number, maxBytes: number): AsyncGenerator<ReadItem> {
  if (size === 0) {
    yield problem('CC104', `${path} is empty (0 bytes)`, path);
    return;
  }
  let head: Buffer;
  try {
    head = await readHead(path, SNIFF_BYTES);
  } catch (error) {
    yield problem('CC101', `${path} could not be read (${errorCode(error)})`, path);
    return;
  }
  if (looksBinary(head)) {
    yield problem('CC102', `${path} looks binary (NUL or control bytes in its first ${SNIFF_BYTES / 1024} KiB), not JSONL`, path);
    return;
  }
  const stream = createReadStream(path, { highWaterMark: STREAM_CHUNK_BYTES });
  const utf16 = utf16Of(head);
  try {
    // UTF-16 JSONL is decoded before it is split into lines (a "\n" is two bytes there).
    yield* readJsonlStream(utf16 ? transcode(stream as AsyncIterable<Buffer>, utf16) : (stream as AsyncIterable<Buffer>), path, maxBytes);
  } catch (error) {
    yield problem('CC101', `${path} could not be read to the end (${errorCode(error)})`, path);
  } finally {
    stream.destroy();
  }
}

/** UTF-16 chunks to text, a chunk at a time (a character split across chunks is kept for the next). */
async function* transcode(chunks: AsyncIterable<Buffer>, encoding: 'utf-16le' | 'utf-16be'): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** A WARC file, streamed record by record. */
async function* readWarcFile(path: string, maxBytes: number): AsyncGenerator<ReadItem> {
  const stream = createReadStream(path, { highWaterMark: STREAM_CHUNK_BYTES });
  try {
    yield* readWarcStream(stream as AsyncIterable<Buffer>, path, maxBytes);
  } catch (error) {
    yield problem('CC101', `${path} could not be read to the end (${errorCode(error)})`, path);
  } finally {
    stream.destroy();
  }
}
