/**
 * The HTML path of extract: a source record whose raw input is markup (a page, or a feed item's
 * HTML content) to the start of the cleaning recipe. The cascade of index.ts finds the body and
 * the metadata; page-text.ts turns the body into a text whose offsets lead back to the page; the
 * record's fields are the page's metadata with the container's fields laid over them:
 *
 *   - a feed item's own fields (title, author, date, link, channel) and a JSONL record's fields
 *     win over what the markup says;
 *   - fields a container only vouches for weakly (provenance via 'container': a WARC-Date, the
 *     address a page was fetched from) fill what the page leaves empty.
 */
import type { Message, ProvenancedField, RawText, RecordFields, SourceRecord } from '../../model/index.js';
import { Utf8Text } from '../../read/utf8-text.js';
import { parseDate } from '../dates.js';
import type { Tracked } from '../offsets.js';
import { DATE_CONFIDENCE } from './dates.js';
import { extractHtml, type HtmlArticle } from './index.js';
import { pageText, type PagePiece } from './page-text.js';

/** A feed item's content is a fragment: a wrapper gives its paragraphs a parent to score. */
const FRAGMENT_OPEN = '<div>';
const FRAGMENT_CLOSE = '</div>';

/** Messages about a fragment's shape (fallback steps, "not an article") say nothing about a feed item. */
const FRAGMENT_SILENT: ReadonlySet<string> = new Set(['CC224', 'CC221']);

export interface PageStart {
  /** The record with the fields the page gave (and the container's laid over them), without its raw input. */
  source: PageFields;
  /** The article text, tracked back to the page. */
  tracked: Tracked;
  /** True when the page gave no body at all (CC220 is among the messages). */
  empty: boolean;
}

/** What extract reads of a record besides its raw input. */
export type PageFields = Pick<SourceRecord, 'uri' | 'format' | 'record' | 'messages'>;

/**
 * Reads a page (or a feed item's content) to the record fields and the tracked article text. A
 * page read undecoded (`source.page`, read/utf8-text.ts) is parsed as its bytes and sliced, never
 * decoded whole.
 */
export function readPage(source: SourceRecord, timeBudgetMs?: number): PageStart {
  const fragment = source.format === 'feed';
  const undecoded = !fragment && source.page instanceof Utf8Text ? source.page : null;
  const raw: RawText = undecoded ?? source.raw;
  const html = undecoded ? undecoded.page : fragment ? FRAGMENT_OPEN + source.raw + FRAGMENT_CLOSE : source.raw;
  const shift = fragment ? FRAGMENT_OPEN.length : 0;
  const options: Parameters<typeof extractHtml>[1] = { uri: source.uri, url: source.record.url ?? null };
  if (timeBudgetMs !== undefined) options.timeBudgetMs = timeBudgetMs;
  const article = extractHtml(html, options);
  const given = source.record;
  const record = fieldsOf(article, given, fragment);
  const messages: Message[] = [...source.messages, ...(fragment ? article.messages.filter((m) => !FRAGMENT_SILENT.has(m.code)) : article.messages)];
  const empty = article.lines.length === 0;
  const pieces: PagePiece[] = [];
  if (!empty) {
    const title = fragment ? (given.title ?? article.title) : article.title;
    if (title) pieces.push(titlePiece(raw, title, article, shift));
    let from = 0;
    for (const l of article.lines) {
      if (l.runs) {
        pieces.push(l);
        continue;
      }
      // A line not read from the markup (the JSON-LD articleBody): where the page has it verbatim, else inserted.
      const at = raw.indexOf(l.text, from);
      if (at >= 0) {
        pieces.push({ text: l.text, source: l.text, runs: [0, at + shift, at + shift + l.text.length] });
        from = at + l.text.length;
      } else pieces.push({ text: l.text });
    }
  }
  const tracked = pageText(raw, pieces, shift);
  return { source: { uri: source.uri, format: source.format, record, messages }, tracked, empty };
}

/** The headline as the first block: where the page has it verbatim before the body, else inserted. */
function titlePiece(raw: RawText, title: string, article: HtmlArticle, shift: number): PagePiece {
  const firstRuns = article.lines[0]?.runs;
  const bodyStart = firstRuns && firstRuns.length >= 3 ? firstRuns[1]! - shift : raw.length;
  const at = raw.indexOf(title);
  if (at >= 0 && at + title.length <= bodyStart) return { text: title, rawStart: at, rawEnd: at + title.length };
  return { text: title };
}

const FIELDS = ['id', 'url', 'outlet', 'title', 'byline', 'publishedAt', 'modifiedAt', 'authors'] as const;

/** The page's metadata as record fields, with the container's fields laid over them. */
function fieldsOf(article: HtmlArticle, given: RecordFields, fragment: boolean): RecordFields {
  const record: RecordFields = {};
  if (article.title) record.title = article.title;
  if (article.byline) record.byline = article.byline;
  if (article.authors.length > 0) record.authors = [...article.authors];
  if (article.publishedAt) record.publishedAt = article.publishedAt;
  if (article.modifiedAt) record.modifiedAt = article.modifiedAt;
  if (article.url) record.url = article.url;
  if (article.outlet) record.outlet = article.outlet;
  const provenance: NonNullable<RecordFields['provenance']> = {};
  if (article.byline && article.authorsVia && article.authorsConfidence !== null) {
    provenance.byline = provenance.authors = { via: article.authorsVia, confidence: article.authorsConfidence };
  }
  if (article.publishedAt && article.publishedVia && article.publishedConfidence !== null) {
    provenance.publishedAt = { via: article.publishedVia, confidence: article.publishedConfidence };
  }
  if (article.modifiedAt && article.modifiedVia) provenance.modifiedAt = { via: article.modifiedVia, confidence: DATE_CONFIDENCE[article.modifiedVia] };
  if (article.title && article.titleVia) provenance.title = { via: article.titleVia };
  if (article.outlet && article.outletVia) provenance.outlet = { via: article.outletVia };

  for (const f of FIELDS) {
    const value = given[f];
    if (value === undefined) continue;
    const via = given.provenance?.[f as ProvenancedField];
    const weak = !fragment && via?.via === 'container';
    if (weak && record[f] !== undefined) continue;
    if (f === 'authors') record.authors = [...(value as string[])];
    else record[f] = f === 'publishedAt' && fragment ? feedDate(value as string) : (value as string);
    if (f === 'id') continue;
    const p = f as ProvenancedField;
    if (via) provenance[p] = via;
    else delete provenance[p];
    // A byline given by the container replaces the page's authors with its own.
    if (f === 'byline' && given.authors === undefined) {
      delete record.authors;
      delete provenance.authors;
    }
  }
  if (Object.keys(provenance).length > 0) record.provenance = provenance;
  return record;
}

/** A feed item's date: RSS dates are RFC 822 ("Mon, 18 Nov 2019 14:20:00 +0000"), kept as UTC ISO. */
function feedDate(value: string): string {
  const iso = parseDate(value);
  if (iso) return iso;
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t).toISOString().replace('.000Z', 'Z');
}
