/**
 * Readers: file paths, directories (recursive), "-" for standard input, plain-text articles and
 * JSONL (streamed). Every input yields source records or coded problems; a bad input never stops
 * the batch. Steps for one input:
 *
 *   1. "-"            -> standard input (stdin.ts)
 *   2. missing        -> CC100; neither file nor directory -> CC101
 *   3. directory      -> its article files in sorted order; none read -> CC110
 *   4. file           -> by --format, else by extension (.txt .text .md | .jsonl .ndjson),
 *                        else sniffed: binary -> CC109, text -> read as text
 */
import { createReadStream } from 'node:fs';
import { message } from '../model/index.js';
import { walkDirectory } from './directory.js';
import { formatOfPath, type InputFormat } from './formats.js';
import { looksBinary, SNIFF_BYTES } from './decode.js';
import { problem, type ReadItem } from './item.js';
import { readJsonlStream } from './jsonl.js';
import { readStdin } from './stdin.js';
import { errorCode, readHead, readTextFile, statFile } from './text.js';

export type { ReadItem } from './item.js';

export interface ReadOptions {
  maxBytes: number;
  /** Force a format instead of guessing from the extension / content. */
  format?: 'text' | 'jsonl';
  /** Standard input, for the "-" input (defaults to process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

/** Size of the chunks a JSONL file is streamed in. */
const STREAM_CHUNK_BYTES = 256 * 1024;

export async function* readInputs(inputs: readonly string[], options: ReadOptions): AsyncGenerator<ReadItem> {
  for (const input of inputs) {
    if (input === '-') {
      yield* readStdin(options.stdin ?? process.stdin, options.maxBytes, options.format);
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
    const reason = files === 0 ? `${dir} holds no .txt, .text, .md, .jsonl or .ndjson files` : `none of the ${files} article files under ${dir} could be read`;
    yield { kind: 'problem', message: message('CC110', reason, { uri: dir }) };
  }
}

/** One regular file; `explicit` when the user named it (unknown extensions are then sniffed). */
async function* readFileInput(path: string, size: number, options: ReadOptions, explicit: boolean): AsyncGenerator<ReadItem> {
  let format: InputFormat | null = options.format ?? formatOfPath(path);
  if (format === null) {
    if (!explicit) return;
    yield await readTextFile(path, size, options.maxBytes, 'CC109');
    return;
  }
  if (format === 'text') {
    yield await readTextFile(path, size, options.maxBytes);
    return;
  }
  yield* readJsonlFile(path, size, options.maxBytes);
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
  try {
    yield* readJsonlStream(stream as AsyncIterable<Buffer>, path, maxBytes);
  } catch (error) {
    yield problem('CC101', `${path} could not be read to the end (${errorCode(error)})`, path);
  } finally {
    stream.destroy();
  }
}
