/**
 * Reading what a write request carries into `Posted`, by its media type:
 *   application/json                 a record, an array of records, or { "records": [...] }
 *   application/x-ndjson, .../jsonl  the JSONL record form, one record per line
 *   text/plain, text/html            one article; metadata from the query (?title=&outlet=...)
 *   multipart/form-data              files ("files"), a pasted "text" with "kind" text|html|auto
 *                                    and metadata fields; "token" for the form
 *   application/x-www-form-urlencoded the same fields without files
 *   anything else, with ?filename=   one file, read by its extension (feed, WARC, .gz...)
 */
import type { IncomingMessage } from 'node:http';
import { HttpError, badRequest, mediaParameter, mediaType, readBody, type BodyGate } from './http.js';
import { addFile, emptyPosted, isKnownUpload, recordFromBody, recordsFromJson, type Posted } from './ingest.js';
import { parseMultipart } from './multipart.js';

const JSONL_TYPES = new Set(['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/jsonlines']);
const LOOKS_HTML = /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<p[\s>])/i;

export interface PostedRequest {
  posted: Posted;
  /** Form fields (for the token and the page's choices). */
  fields: Map<string, string>;
}

/** `gate` looks at the body's start before the rest is held (the form's token). */
export async function readPosted(req: IncomingMessage, query: URLSearchParams, limit: number, gate?: BodyGate): Promise<PostedRequest> {
  const type = mediaType(req);
  const posted = emptyPosted();
  const fields = new Map<string, string>();
  if (type === '') throw new HttpError(415, 'CC907', 'the request has no Content-Type');
  const body = await readBody(req, limit, gate);
  const text = (): string => body.toString('utf8');
  if (type === 'application/json') {
    let value: unknown;
    try {
      value = JSON.parse(text());
    } catch (e) {
      throw badRequest(`the body is not valid JSON (${(e as Error).message.slice(0, 120)})`);
    }
    posted.records.push(...recordsFromJson(value, posted.refused));
  } else if (JSONL_TYPES.has(type)) {
    posted.lines.push(...text().split(/\r?\n/).filter((l) => l.trim() !== ''));
  } else if (type === 'text/plain' || type === 'text/html') {
    const filename = query.get('filename');
    if (filename) addFile(posted, filename, body);
    else if (text().trim()) posted.records.push(recordFromBody(text(), type === 'text/html' ? 'html' : 'text', (k) => query.get(k)));
  } else if (type === 'multipart/form-data') {
    const boundary = mediaParameter(req, 'boundary');
    if (!boundary) throw badRequest('multipart/form-data needs a boundary parameter');
    for (const part of parseMultipart(body, boundary)) {
      if (part.filename !== null) {
        if (part.data.length === 0 && part.filename === '') continue; // an empty file input
        if (!isKnownUpload(part.filename)) throw new HttpError(415, 'CC907', `"${part.filename.slice(0, 80)}" is not a file type crosscheck reads`, { hint: 'upload .txt, .md, .html, .jsonl, .rss, .atom, .xml or .warc files (or .gz of them)' });
        addFile(posted, part.filename, part.data);
      } else fields.set(part.name, part.data.toString('utf8'));
    }
    addPasted(posted, fields);
  } else if (type === 'application/x-www-form-urlencoded') {
    for (const [k, v] of new URLSearchParams(text())) fields.set(k, v);
    addPasted(posted, fields);
  } else {
    const filename = query.get('filename');
    if (!filename) throw new HttpError(415, 'CC907', `${type} is not a type crosscheck takes`, { hint: 'post JSON, JSONL, text/plain or text/html, multipart/form-data, or a file with ?filename=NAME.ext' });
    if (!isKnownUpload(filename)) throw new HttpError(415, 'CC907', `"${filename.slice(0, 80)}" is not a file type crosscheck reads`);
    addFile(posted, filename, body);
  }
  return { posted, fields };
}

/** The pasted text of the form, as text or HTML (auto: HTML when it starts like a page). */
function addPasted(posted: Posted, fields: Map<string, string>): void {
  const pasted = fields.get('text') ?? '';
  if (!pasted.trim()) return;
  const kind = fields.get('kind') ?? 'auto';
  if (kind !== 'auto' && kind !== 'text' && kind !== 'html') throw badRequest(`kind must be auto, text or html, not "${kind.slice(0, 40)}"`);
  const asHtml = kind === 'html' || (kind === 'auto' && LOOKS_HTML.test(pasted));
  posted.records.push(recordFromBody(pasted, asHtml ? 'html' : 'text', (k) => fields.get(k) ?? null));
}
