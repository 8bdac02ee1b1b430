/**
 * HTML pages: the bytes of one page to a source record whose raw input is the page's text
 * (charset sniffed, charset.ts) and whose `markup` is 'html'; extract finds the body and the
 * metadata (src/extract/html). Used for .html/.htm files, WARC responses, fetched URLs and JSONL
 * records with an "html" field. What the container says about the page (the address it came
 * from, a WARC-Date) travels as record fields with provenance 'container': the page's own values
 * win over them.
 */
import { readFile } from 'node:fs/promises';
import { message, type Message, type RecordFields, type SourceFormat } from '../model/index.js';
import { readHtmlMarkup } from './charset.js';
import { Utf8Text, pageSource } from './utf8-text.js';
import { problem, sourceItem, type ReadItem } from './item.js';
import { errorCode } from './text.js';

/** A fetch date stands in for a publication date only this far (not measured: no labelled WARC pages). */
const CONTAINER_DATE_CONFIDENCE = 0.3;

export interface PageOrigin {
  /** The page's own address (WARC target URI, fetched URL, JSONL url). */
  url?: string | null;
  /** A charset the transport gave. */
  charset?: string | null;
  /** A date the container gave (WARC-Date), used when the page has none. */
  date?: string | null;
  format?: SourceFormat;
  /** Messages from the container to carry on the record. */
  messages?: Message[];
}

function toItem(html: string | Utf8Text, uri: string, origin: PageOrigin, messages: Message[]): ReadItem {
  const record: RecordFields = {};
  const provenance: NonNullable<RecordFields['provenance']> = {};
  if (origin.url) {
    record.url = origin.url;
    provenance.url = { via: 'container' };
  }
  if (origin.date) {
    // The container's date (WARC-Date) is when the page was fetched, not published: trusted less.
    record.publishedAt = origin.date;
    provenance.publishedAt = { via: 'container', confidence: CONTAINER_DATE_CONFIDENCE };
  }
  if (Object.keys(provenance).length > 0) record.provenance = provenance;
  const format = origin.format ?? 'html';
  const all = [...(origin.messages ?? []), ...messages];
  if (typeof html !== 'string') return sourceItem(pageSource({ uri, format, markup: 'html', record, messages: all }, html));
  return sourceItem({ uri, format, raw: html, markup: 'html', record, messages: all });
}

/** One page's bytes (charset sniffed) to a source record or a problem. */
export function htmlFromBytes(bytes: Uint8Array, uri: string, origin: PageOrigin = {}): ReadItem {
  if (bytes.length === 0) return problem('CC104', `${uri} is empty (0 bytes)`, uri);
  // A page of UTF-8 stays undecoded (utf8-text.ts): extract reads it as bytes.
  const decoded = readHtmlMarkup(bytes, origin.charset ?? null);
  const messages: Message[] = [];
  if (decoded.mislabelled) {
    messages.push(message('CC121', `${uri}: the page says its charset is ${decoded.mislabelled.declared} but its bytes are not; read as ${decoded.mislabelled.used}`, { uri }));
  }
  return toItem(typeof decoded.markup === 'string' ? decoded.markup : new Utf8Text(decoded.markup), uri, origin, messages);
}

/** One page's text (already decoded, e.g. from a JSONL record) to a source record or a problem. */
export function htmlFromText(html: string, uri: string, origin: PageOrigin = {}): ReadItem {
  return toItem(html, uri, origin, []);
}

/** An .html/.htm file: size checked before reading (CC105), then decoded. */
export async function readHtmlFile(path: string, size: number, maxBytes: number): Promise<ReadItem> {
  if (size > maxBytes) return problem('CC105', `${path} is ${size} bytes, over the limit of ${maxBytes}`, path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return problem('CC101', `${path} could not be read (${errorCode(error)})`, path);
  }
  return htmlFromBytes(bytes, path);
}
