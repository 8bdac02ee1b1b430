/**
 * JSONL: one JSON object per line, streamed (see lines.ts). `text` is required; `id`, `url`,
 * `outlet`, `title`, `byline`, `publishedAt` are optional strings. Each record's uri is
 * "path:LINE". A bad line is a problem for that line only; the other lines are read.
 */
import { message, type Message, type RecordFields } from '../model/index.js';
import { decodeBytes, hasUtf8Bom, utf16Of } from './decode.js';
import { sourceItem, problem, type ReadItem } from './item.js';
import { splitLines } from './lines.js';
import { htmlFromText } from './html.js';

/** The optional string fields a record may carry, in the order they are checked. */
const OPTIONAL_FIELDS = ['id', 'url', 'outlet', 'title', 'byline', 'publishedAt'] as const satisfies readonly (keyof RecordFields)[];

/** Reads the records of a JSONL stream; `name` is the path (or "stdin") used in uris. */
export async function* readJsonlStream(chunks: AsyncIterable<Buffer | string>, name: string, maxBytes: number): AsyncGenerator<ReadItem> {
  let records = 0;
  let problems = 0;
  for await (const line of splitLines(utf16AsText(chunks), maxBytes, true)) {
    const uri = `${name}:${line.number}`;
    if (line.oversize) {
      problems++;
      yield problem('CC105', `line ${line.number} of ${name} is ${line.length} bytes, over the limit of ${maxBytes}`, uri, {
        hint: 'split that record, or raise --max-bytes; the other lines were read',
      });
      continue;
    }
    let bytes = line.bytes;
    if (line.number === 1 && hasUtf8Bom(bytes)) bytes = bytes.subarray(3);
    const decoded = decodeBytes(bytes);
    if (!/\S/.test(decoded.text)) continue;
    const item = parseJsonlLine(decoded.text, name, line.number);
    if (item.kind === 'source') {
      records++;
      if (decoded.fellBack) {
        item.source.messages.unshift(message('CC103', `line ${line.number} of ${name} is not valid UTF-8; read as Windows-1252`, { uri }));
      }
    } else problems++;
    yield item;
  }
  if (records === 0 && problems === 0) yield problem('CC104', `${name} holds no JSONL records (no non-blank lines)`, name);
}

/** Parses one non-blank JSONL line into a source record or a problem. */
export function parseJsonlLine(line: string, name: string, lineNumber: number): ReadItem {
  const uri = `${name}:${lineNumber}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return problem('CC106', `line ${lineNumber} of ${name} is not valid JSON (${why})`, uri);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return problem('CC107', `line ${lineNumber} of ${name} is ${got}, not a record with a "text" field`, uri);
  }
  const obj = value as Record<string, unknown>;
  const text = obj['text'];
  const html = obj['html'];
  if ((text === undefined || text === null) && typeof html === 'string' && /\S/.test(html)) return htmlRecord(html, obj, uri);
  if (typeof text !== 'string' || !/\S/.test(text)) {
    const got = text === undefined ? 'no "text" field' : typeof text === 'string' ? 'an empty "text"' : `a "text" of type ${text === null ? 'null' : typeof text}`;
    return problem('CC107', `record on line ${lineNumber} of ${name} has ${got}`, uri);
  }
  const record: RecordFields = {};
  const messages: Message[] = [];
  for (const field of OPTIONAL_FIELDS) {
    const v = obj[field];
    // null and absent mean the same thing in most dumps: no value, nothing to report.
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') {
      if (v.trim() !== '') record[field] = v.trim();
      continue;
    }
    messages.push(message('CC108', `record on line ${lineNumber} of ${name}: field "${field}" is ${Array.isArray(v) ? 'an array' : `a ${typeof v}`}, not a string; ignored`, { uri }));
  }
  return sourceItem({ uri, format: 'jsonl', raw: text, record, messages });
}

/** A record with an "html" field instead of "text": the page is the raw input (extract reads it); the record's own fields win. */
function htmlRecord(html: string, obj: Record<string, unknown>, uri: string): ReadItem {
  const url = typeof obj['url'] === 'string' ? obj['url'] : null;
  const item = htmlFromText(html, uri, { url, format: 'jsonl' });
  if (item.kind !== 'source') return item;
  for (const field of OPTIONAL_FIELDS) {
    const v = obj[field];
    if (typeof v === 'string' && v.trim() !== '') {
      item.source.record[field] = v.trim();
      // The record's own value is no longer only the container's word: it wins over the page's.
      if (field !== 'id') delete item.source.record.provenance?.[field];
    }
  }
  return item;
}

/** Bytes looked at to tell UTF-16 (by its byte-order mark or NUL pattern) before lines are split. */
const UTF16_SNIFF_BYTES = 4096;

/**
 * A byte stream in UTF-16 (with or without a byte-order mark) as text, a chunk at a time;
 * any other stream as it is. UTF-16 must be decoded before lines are split (its "\n" is two
 * bytes), whatever brings it: a file, a .gz, standard input. Text chunks pass through.
 */
export async function* utf16AsText(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: (Buffer | string)[] = [];
  let headBytes = 0;
  let ended = false;
  // A failure while the head is gathered (a damaged .gz) comes after the head's lines, not instead of them.
  let failure: { error: unknown } | null = null;
  while (headBytes < UTF16_SNIFF_BYTES) {
    let next: IteratorResult<Buffer | string>;
    try {
      next = await iterator.next();
    } catch (error) {
      failure = { error };
      ended = true;
      break;
    }
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    if (typeof next.value === 'string') break; // already text
    headBytes += next.value.length;
  }
  const bytes = head.every((c): c is Buffer => typeof c !== 'string') ? Buffer.concat(head) : null;
  const encoding = bytes && bytes.length >= 2 ? utf16Of(bytes) : null;
  if (!encoding) {
    yield* head;
  } else {
    const decoder = new TextDecoder(encoding);
    yield decoder.decode(bytes as Buffer, { stream: true });
    if (!ended) {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        yield typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true });
      }
    }
    const rest = decoder.decode();
    if (rest) yield rest;
    if (failure) throw failure.error;
    return;
  }
  if (failure) throw failure.error;
  if (ended) return;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
    yield next.value;
  }
}
