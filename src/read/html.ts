/**
 * HTML pages: the bytes of one page to a source record in the seed text form (the HTML cascade in
 * src/extract/html does the work). Used for .html/.htm files, WARC responses, fetched URLs and
 * JSONL records with an "html" field. A page with no body is a problem (CC220), not a record.
 */
import { readFile } from 'node:fs/promises';
import type { Message, SourceFormat } from '../model/index.js';
import { extractHtml, extractHtmlBytes, toSourceRecord, type HtmlArticle } from '../extract/html/index.js';
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

function toItem(article: HtmlArticle, uri: string, origin: PageOrigin): ReadItem {
  if (article.lines.length === 0) {
    const m = article.messages.find((x) => x.code === 'CC220');
    return m ? { kind: 'problem', message: m } : problem('CC220', `${uri}: no article body found in the page`, uri);
  }
  if (!article.publishedAt && origin.date) {
    // The container's date (WARC-Date) is when the page was fetched, not published: trusted less.
    article.publishedAt = origin.date;
    article.publishedVia = 'container';
    article.publishedConfidence = CONTAINER_DATE_CONFIDENCE;
  }
  if (!article.url && origin.url) article.url = origin.url;
  return sourceItem(toSourceRecord(article, uri, origin.format ?? 'html', origin.messages ?? []));
}

/** One page's bytes (charset sniffed) to a source record or a problem. */
export function htmlFromBytes(bytes: Uint8Array, uri: string, origin: PageOrigin = {}): ReadItem {
  if (bytes.length === 0) return problem('CC104', `${uri} is empty (0 bytes)`, uri);
  return toItem(extractHtmlBytes(bytes, { uri, url: origin.url ?? null, charset: origin.charset ?? null }), uri, origin);
}

/** One page's text (already decoded, e.g. from a JSONL record or a feed) to a source record or a problem. */
export function htmlFromText(html: string, uri: string, origin: PageOrigin = {}): ReadItem {
  return toItem(extractHtml(html, { uri, url: origin.url ?? null }), uri, origin);
}

/** An .html/.htm file: size checked before reading (CC105), then extracted. */
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
