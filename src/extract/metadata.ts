/**
 * Metadata from the text form, and from the record. The recipe on the paragraphs:
 *
 *   1. Title: the first paragraph, when the record's title is that paragraph, or (no record
 *      title) when it is headline-like and more paragraphs follow.
 *   2. Byline: the first of the next BYLINE_SEARCH paragraphs that reads as a byline or date
 *      line (byline.ts); the paragraph after it joins it when it is one too ("By NAME" then a
 *      date line).
 *   3. Standfirst: the paragraph(s) between the title and the byline line.
 *   4. Record fields override text values (from: 'record', no span); the outlet comes from the
 *      record, else its url's host, else an "OUTLET--anything.txt" file name.
 *
 * Nothing is invented: no byline line, no byline; no date, no publishedAt.
 */
import { basename } from 'node:path';
import { message, type FieldSource, type Message, type ParagraphKind, type ProvenancedField, type SourceRecord, type Span } from '../model/index.js';
import { cleanAuthors } from './html/authors.js';
import { readBylineLine } from './byline.js';
import { parseDate } from './dates.js';
import { isLeadSentence } from './paragraphs.js';

/** How many paragraphs after the title may hold the byline. */
const BYLINE_SEARCH = 4;
/** At most this many standfirst paragraphs between the title and the byline. */
const STANDFIRST_MAX = 2;
/** Headline-like: at most this long, and not a run of sentences (tuned on news headlines, 40-120 chars). */
const TITLE_MAX_CHARS = 220;
const TITLE_MAX_WORDS = 35;
/** A sentence boundary inside a line: lower-case word, stop, space, capital. */
const SENTENCE_BREAK = /[a-z]{2}[.!?]["”’]?\s+["“‘]?[A-Z]/;
/** An outlet file name: "OUTLET--anything.txt". */
const OUTLET_FILE = /^([^-\s][^\s]*?)--./;

export interface Header {
  kinds: Map<number, ParagraphKind>;
  title: FieldSource | null;
  byline: FieldSource | null;
  publishedAt: FieldSource | null;
  outlet: FieldSource | null;
  modifiedAt: FieldSource | null;
  /** The byline's names one each (the record's list, else the byline split at its joiners). */
  authors: string[];
  messages: Message[];
}

function fromText(text: string, s: Span, value?: string): FieldSource {
  const words = text.slice(s.start, s.end);
  return { value: value ?? words, from: 'text', span: { start: s.start, end: s.end }, text: words, via: 'text' };
}

/** A record field, with where the reader found it (a page's JSON-LD, meta tags...) when it says. */
/** What metadata reads of a source record. */
type RecordOf = Pick<SourceRecord, 'uri' | 'format' | 'record'>;

function fromRecord(value: string, source?: RecordOf, field?: ProvenancedField): FieldSource {
  const f: FieldSource = { value, from: 'record', span: null, text: null };
  const p = field ? source?.record.provenance?.[field] : undefined;
  if (p) {
    f.via = p.via;
    if (p.confidence !== undefined) f.confidence = p.confidence;
  }
  return f;
}

/** True when a paragraph reads as a headline: one short line, not a run of sentences. */
export function isHeadlineLike(p: string): boolean {
  if (p.includes('\n') || p.length > TITLE_MAX_CHARS) return false;
  const words = p.split(/\s+/).filter(Boolean).length;
  if (words === 0 || words > TITLE_MAX_WORDS) return false;
  if (SENTENCE_BREAK.test(p)) return false;
  return true;
}

function sameWords(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}

/** The outlet a url's host names ("www.example.com" -> "example.com"), or null. */
export function hostOf(url: string): string | null {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host ? host.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

export function readHeader(text: string, paragraphs: readonly Span[], source: RecordOf): Header {
  const kinds = new Map<number, ParagraphKind>();
  const messages: Message[] = [];
  const record = source.record;
  const para = (i: number): string => text.slice(paragraphs[i]!.start, paragraphs[i]!.end);

  // 1. Title.
  let titleIndex = -1;
  if (paragraphs.length > 0) {
    if (record.title !== undefined) {
      if (sameWords(para(0), record.title)) titleIndex = 0;
    } else if (paragraphs.length >= 2 && isHeadlineLike(para(0)) && !isLeadSentence(para(0)) && readBylineLine(para(0)) === null) titleIndex = 0;
  }
  if (titleIndex === 0) kinds.set(0, 'title');

  // 2. Byline and date.
  let bylineIndex = -1;
  let names: Span | null = null;
  let date: { iso: string; span: Span } | null = null;
  let badDate: Span | null = null;
  const first = titleIndex + 1;
  for (let i = first; i < Math.min(paragraphs.length, first + BYLINE_SEARCH); i++) {
    const found = readBylineLine(para(i));
    if (!found) continue;
    bylineIndex = i;
    const base = paragraphs[i]!.start;
    const shift = (s: Span): Span => ({ start: base + s.start, end: base + s.end });
    names = found.names && shift(found.names);
    date = found.date && { iso: found.date.iso, span: shift(found.date.span) };
    badDate = found.badDate && shift(found.badDate);
    kinds.set(i, 'byline');
    const next = i + 1 < paragraphs.length ? readBylineLine(para(i + 1)) : null;
    if (next && ((next.names && !names) || ((next.date || next.badDate) && !date && !badDate))) {
      const nb = paragraphs[i + 1]!.start;
      const nshift = (s: Span): Span => ({ start: nb + s.start, end: nb + s.end });
      if (!names && next.names) names = nshift(next.names);
      if (!date && next.date) date = { iso: next.date.iso, span: nshift(next.date.span) };
      if (!date && !badDate && next.badDate) badDate = nshift(next.badDate);
      kinds.set(i + 1, 'byline');
    }
    break;
  }

  // 3. Standfirst.
  if (titleIndex === 0 && bylineIndex > 1 && bylineIndex - 1 <= STANDFIRST_MAX) {
    for (let i = 1; i < bylineIndex; i++) kinds.set(i, 'standfirst');
  }

  // 4. Fields, record first.
  const title = record.title !== undefined ? fromRecord(record.title, source, 'title') : titleIndex === 0 ? fromText(text, paragraphs[0]!) : null;
  const byline = record.byline !== undefined ? fromRecord(record.byline, source, 'byline') : names ? fromText(text, names) : null;
  const authors = record.authors ?? (byline ? bylineNames(byline.value) : []);
  let publishedAt: FieldSource | null = null;
  if (record.publishedAt !== undefined) {
    const iso = parseDate(record.publishedAt);
    if (iso) publishedAt = fromRecord(iso, source, 'publishedAt');
    else messages.push(message('CC204', `${source.uri}: the record's publishedAt "${record.publishedAt}" is not a date crosscheck can read`, { uri: source.uri }));
  } else if (date) {
    publishedAt = fromText(text, date.span, date.iso);
  } else if (badDate) {
    messages.push(message('CC204', `${source.uri}: "${text.slice(badDate.start, badDate.end)}" in the byline is not a date crosscheck can read`, { uri: source.uri, span: badDate }));
  }
  let modifiedAt: FieldSource | null = null;
  if (record.modifiedAt !== undefined) {
    const iso = parseDate(record.modifiedAt);
    if (iso) modifiedAt = fromRecord(iso, source, 'modifiedAt');
  }
  return { kinds, title, byline, publishedAt, outlet: outletOf(source), modifiedAt, authors, messages };
}

/** "Jane Doe and John Roe" -> ["Jane Doe", "John Roe"]; a byline that does not split stays whole. */
function bylineNames(byline: string): string[] {
  const names = cleanAuthors(byline);
  return names.length > 0 ? names : [byline];
}

function outletOf(source: RecordOf): FieldSource | null {
  const record = source.record;
  if (record.outlet !== undefined) return fromRecord(record.outlet, source, 'outlet');
  if (record.url !== undefined) {
    const host = hostOf(record.url);
    if (host) return { ...fromRecord(host), via: 'url' };
  }
  if (source.format === 'text') {
    const m = OUTLET_FILE.exec(basename(source.uri));
    if (m && m[1]) return { value: m[1], from: 'uri', span: null, text: null, via: 'file-name' };
  }
  return null;
}
