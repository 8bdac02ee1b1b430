/**
 * Ingest through the server: what a request posts (JSON records, JSONL, pasted text or HTML,
 * uploaded files) is written to a private temporary folder as the files `crosscheck ingest`
 * reads (records as one JSONL file, other uploads under their own, cleaned, names), and the
 * stories issue's `ingest` runs on them, one request at a time (WriteLock). The answer lists
 * the articles it stored or found already stored, with their stories.
 *
 * Per-article work runs on the calling thread (workers: 0): a post holds a few articles, and
 * starting a pool of threads would cost more than the work. Bulk loads go through the CLI.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { message, type Message } from '../model/index.js';
import { ingest, type IngestSummary } from '../collection/ingest.js';
import { htmlFromText } from '../read/html.js';
import type { Store } from '../store/index.js';
import { badRequest } from './http.js';
import type { WriteLock } from './write-lock.js';

export const POSTED = {
  /** Most records or files in one request. */
  maxItems: 500,
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
}

export function emptyPosted(): Posted {
  return { records: [], lines: [], files: [] };
}

/** Checks that a parsed JSON body is a record, an array of records, or { records: [...] }. */
export function recordsFromJson(value: unknown): PostedRecord[] {
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value['records']) ? value['records'] : isObject(value) ? [value] : null;
  if (list === null) throw badRequest('the JSON body must be a record ({ "text": ... }), an array of records, or { "records": [...] }');
  list.forEach((r, i) => {
    if (!isObject(r)) throw badRequest(`record ${i + 1} is not a JSON object`);
    const text = r['text'];
    const html = r['html'];
    if (!(typeof text === 'string' && text.trim()) && !(typeof html === 'string' && html.trim())) {
      throw badRequest(`record ${i + 1} has no "text" or "html" string`, 'give each record a non-empty "text" (or "html") field');
    }
  });
  return list as PostedRecord[];
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
  if (count === 0) throw badRequest('nothing to ingest: give text, HTML, records or files');
  if (count > POSTED.maxItems) throw badRequest(`${count} items in one request; the most is ${POSTED.maxItems}`);
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-post-'));
  try {
    const inputs: string[] = [];
    const lines = [...posted.records.map((r) => JSON.stringify(r)), ...posted.lines];
    if (lines.length) {
      const file = join(dir, 'posted.jsonl');
      await writeFile(file, lines.join('\n') + '\n');
      inputs.push(file);
    }
    for (const [i, f] of posted.files.entries()) {
      const name = `${String(i + 1).padStart(3, '0')}-${cleanName(f.name)}`;
      await writeFile(join(dir, name), f.data);
      inputs.push(join(dir, name));
    }
    const summary = await lock.run(() => ingest({ store, inputs, workers: 0 }));
    const ids = posted.records.map(expectedId);
    const found = await store.getArticles([...new Set(ids)].filter((id) => id !== ''));
    const storyOf = await store.storyOf(found.map((a) => a.id));
    return {
      read: summary.read,
      new: summary.new,
      duplicates: summary.duplicates,
      failed: summary.failed,
      articles: found.map((a) => ({ id: a.id, storyId: storyOf.get(a.id) ?? null, title: a.title, outlet: a.outlet })),
      problems: summary.problems,
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
  if (!raw && typeof r['html'] === 'string') {
    // A page's raw input is the text its extraction gave: extract it once more to know it.
    const item = htmlFromText(r['html'], 'posted', { url: typeof r['url'] === 'string' ? r['url'] : null });
    if (item.kind !== 'source') return '';
    raw = item.source.raw;
  }
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
