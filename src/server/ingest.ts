/**
 * Ingest through the server: what a request posts (JSON records, JSONL, pasted text or HTML,
 * uploaded files) is written to a private temporary folder as the files `crosscheck ingest`
 * reads (records as one JSONL file, other uploads under their own, cleaned, names), and the
 * stories issue's `ingest` runs on them, one request at a time (WriteLock). The answer lists
 * the articles it stored or found already stored, with their stories. The temporary paths are
 * never shown: the posted records are known as "posted:<request id>:<line>" and the files as
 * "posted:<request id>/<name>", in the stored articles and in every message.
 *
 * Per-article work runs on the calling thread (workers: 0): a post holds a few articles, and
 * starting a pool of threads would cost more than the work. Bulk loads go through the CLI.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { message, type Message } from '../model/index.js';
import { ingest, type IngestSummary } from '../collection/ingest.js';
import type { Store } from '../store/index.js';
import { badRequest } from './http.js';
import type { WriteLock } from './write-lock.js';

export const POSTED = {
  /** Most records or files in one request. */
  maxItems: 500,
  /**
   * Deepest nesting of a posted JSON record (objects and arrays). A record is a flat object of
   * strings; 5,000 levels overflowed the stack of JSON.stringify (a 500, and the good records of
   * the request were lost with it).
   */
  maxDepth: 32,
} as const;

const FIELDS = ['id', 'url', 'outlet', 'title', 'byline', 'publishedAt'] as const;
const TEXT_FILE = /\.(?:txt|text|md)$/i;
const HTML_FILE = /\.html?$/i;
const OTHER_FILE = /\.(?:jsonl|ndjson|rss|atom|xml|warc)(?:\.gz)?$|\.(?:txt|text|md|html?)\.gz$/i;

/** One posted article in the JSONL record form (text or html, and optional metadata). */
export type PostedRecord = Record<string, unknown>;

export interface PostedFile {
  name: string;
  data: Buffer;
}

export interface Posted {
  /** Records as objects (validated as objects here; their fields by the JSONL reader). */
  records: PostedRecord[];
  /** JSONL lines as given (each read, or reported CC106, by the reader). */
  lines: string[];
  files: PostedFile[];
  /** Records refused one by one (coded messages); the rest of the request is still stored. */
  refused: Message[];
}

export function emptyPosted(): Posted {
  return { records: [], lines: [], files: [], refused: [] };
}

/** True when a JSON value nests objects or arrays deeper than `max` levels (no recursion). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 1 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push({ v: child, depth: depth + 1 });
    }
  }
  return false;
}

/**
 * Checks that a parsed JSON body is a record, an array of records, or { records: [...] }. A
 * record nested past POSTED.maxDepth is refused alone (CC902 in `refused`), the others kept.
 */
export function recordsFromJson(value: unknown, refused: Message[] = []): PostedRecord[] {
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value['records']) ? value['records'] : isObject(value) ? [value] : null;
  if (list === null) throw badRequest('the JSON body must be a record ({ "text": ... }), an array of records, or { "records": [...] }');
  const kept: PostedRecord[] = [];
  list.forEach((r, i) => {
    if (!isObject(r)) throw badRequest(`record ${i + 1} is not a JSON object`);
    if (nestsDeeperThan(r, POSTED.maxDepth)) {
      refused.push(message('CC902', `record ${i + 1} nests objects or arrays more than ${POSTED.maxDepth} levels deep; not stored`, { uri: `posted:record ${i + 1}`, hint: 'a record is a flat object of strings: "text" (or "html") and metadata; the other records were read' }));
      return;
    }
    const text = r['text'];
    const html = r['html'];
    if (!(typeof text === 'string' && text.trim()) && !(typeof html === 'string' && html.trim())) {
      throw badRequest(`record ${i + 1} has no "text" or "html" string`, 'give each record a non-empty "text" (or "html") field');
    }
    kept.push(r);
  });
  return kept;
}

/** A single article given as a raw body or a pasted field: text or HTML, with metadata from fields. */
export function recordFromBody(body: string, kind: 'text' | 'html', fields: (key: string) => string | null): PostedRecord {
  const record: PostedRecord = { [kind]: body };
  for (const f of FIELDS) {
    const v = fields(f)?.trim();
    if (v) record[f] = v;
  }
  return record;
}

/** Text and HTML files become records (so their ids are known); other formats stay files. */
export function addFile(posted: Posted, name: string, data: Buffer): void {
  const utf8 = data.toString('utf8');
  const valid = !utf8.includes('\ufffd') && !data.includes(0);
  if (valid && TEXT_FILE.test(name)) posted.records.push({ text: utf8.replace(/^\ufeff/, '') });
  else if (valid && HTML_FILE.test(name)) posted.records.push({ html: utf8.replace(/^\ufeff/, '') });
  else posted.files.push({ name, data });
}

export interface PostResult {
  read: number;
  new: number;
  duplicates: number;
  failed: number;
  /** The articles of the posted records now in the database (new or already there), with their stories. */
  articles: { id: string; storyId: string | null; title: string | null; outlet: string | null }[];
  problems: Message[];
  stories: IngestSummary['stories'];
}

export async function ingestPosted(store: Store, lock: WriteLock, posted: Posted): Promise<PostResult> {
  const count = posted.records.length + posted.lines.length + posted.files.length;
  if (count === 0 && posted.refused.length === 0) throw badRequest('nothing to ingest: give text, HTML, records or files');
  if (count + posted.refused.length > POSTED.maxItems) throw badRequest(`${count + posted.refused.length} items in one request; the most is ${POSTED.maxItems}`);
  const refused = posted.refused.length;
  if (count === 0) {
    return { read: refused, new: 0, duplicates: 0, failed: refused, articles: [], problems: [...posted.refused], stories: { created: 0, joined: 0, merged: 0, analyzed: 0, total: 0, stale: 0 } };
  }
  const request = randomBytes(6).toString('hex');
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-post-'));
  try {
    const inputs: string[] = [];
    // The name each temporary file is known by, in the stored articles and in every message.
    const names = new Map<string, string>();
    const lines = [...posted.records.map((r) => JSON.stringify(r)), ...posted.lines];
    if (lines.length) {
      const file = join(dir, 'posted.jsonl');
      await writeFile(file, lines.join('\n') + '\n');
      inputs.push(file);
      names.set(file, `posted:${request}`);
    }
    for (const [i, f] of posted.files.entries()) {
      const name = `${String(i + 1).padStart(3, '0')}-${cleanName(f.name)}`;
      await writeFile(join(dir, name), f.data);
      inputs.push(join(dir, name));
      names.set(join(dir, name), `posted:${request}/${name}`);
    }
    names.set(dir, `posted:${request}`);
    const summary = await lock.run(() => ingest({ store, inputs, workers: 0, names }));
    const ids = posted.records.map(expectedId);
    const found = await store.getArticles([...new Set(ids)].filter((id) => id !== ''));
    const storyOf = await store.storyOf(found.map((a) => a.id));
    return {
      read: summary.read + refused,
      new: summary.new,
      duplicates: summary.duplicates,
      failed: summary.failed + refused,
      articles: found.map((a) => ({ id: a.id, storyId: storyOf.get(a.id) ?? null, title: a.title, outlet: a.outlet })),
      problems: [...posted.refused, ...summary.problems],
      stories: summary.stories,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The id ingest gives a record: its own, else the first 16 hex digits of the hash of its text (or page). */
function expectedId(r: PostedRecord): string {
  const id = r['id'];
  if (typeof id === 'string' && id.trim()) return id.trim();
  const text = r['text'];
  let raw = typeof text === 'string' && text !== '' ? text : '';
  // A page's raw input is the page itself (extract reads its markup).
  if (!raw && typeof r['html'] === 'string') raw = r['html'];
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

/** A safe file name that keeps the extension the reader goes by. */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(-100);
  return cleaned || 'upload.txt';
}

export function isKnownUpload(name: string): boolean {
  return TEXT_FILE.test(name) || HTML_FILE.test(name) || OTHER_FILE.test(name);
}

/** The message a post gets when none of its items gave an article. */
export function nothingIngested(r: PostResult): Message {
  return message('CC501', `none of the ${r.read} posted item${r.read === 1 ? '' : 's'} gave an article`, { hint: 'see "problems" for what went wrong with each' });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
