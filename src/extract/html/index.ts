/**
 * HTML article extraction, as a cascade (trafilatura's order, Readability's sieve):
 *
 *   1. read/charset.ts  bytes to text: BOM, transport charset, <meta charset>, sniffing (reading's job)
 *   2. parse.ts     one streaming pass to a small tree, bounded in depth, size and time
 *   3. jsonld.ts    schema.org JSON-LD: the article object, listing and gallery page types
 *   4. metadata.ts  title, byline, date, canonical url, outlet, language; structured data first
 *   5. fallbacks.ts the content body: attempts with fewer flags until one yields enough text
 *                   (content.ts scores, cleanup.ts cleans), then the JSON-LD articleBody
 *   6. flags        paywalled or truncated bodies, pages that are not articles (listings, galleries)
 *
 * page.ts turns the result into the start of extract's recipe: the metadata as record fields,
 * the body as a text whose offsets lead back to the page (page-text.ts). Readers never call it.
 */
import { message, type Message } from '../../model/index.js';
import { readHtmlMarkup } from '../../read/charset.js';
import type { Utf8Page } from '../../read/utf8-page.js';
import { descendants, parseHtml, type El } from './parse.js';
import { readJsonLd } from './jsonld.js';
import { readMetadata, type PageMetadata } from './metadata.js';
import { sieve } from './fallbacks.js';
import type { Line } from './content.js';
import type { CascadeTuning } from './tuning.js';

/** Per-page time budget for parsing, in ms (a page that takes longer is cut: CC223). */
export const PAGE_TIME_BUDGET_MS = 2000;
/** A body shorter than this, on a page that says it is paywalled or has a paywall element, is flagged. */
const PAYWALL_SHORT_CHARS = 1500;
/** Class / id words of paywall and subscriber-only boxes. */
const PAYWALL_HINT = /(?:^|[\s_-])(?:paywall|subscriber-only|subscribers-only|premium-content|meteredContent|piano-offer|regwall|article-locked|locked-content)(?:$|[\s_-])/i;
/** A body ending like this was cut by the page (a teaser). */
const TRUNCATED_END = /(?:\.\.\.|…|\[\.\.\.\])\s*$/;
/** A page with this many <article> teasers and a short body is a listing. */
const LISTING_ARTICLES = 6;
const LISTING_MAX_CHARS = 1200;
/** A page with this many images and a short body is a gallery. */
const GALLERY_IMAGES = 12;
const GALLERY_MAX_CHARS = 800;

export type PageKind = 'article' | 'listing' | 'gallery';

export interface HtmlArticle extends PageMetadata {
  /** The body, one line per block, headings and list items included. */
  lines: Line[];
  /** Which cascade step gave the body (1-4 attempts, 5 JSON-LD articleBody). */
  step: number;
  kind: PageKind;
  paywalled: boolean;
  truncated: boolean;
  /** Containers and lines left out inside the content. */
  leftOut: number;
  messages: Message[];
  encoding: string;
}

export interface HtmlOptions {
  uri: string;
  /** The url the page was fetched from, when known. */
  url?: string | null;
  /** A charset the transport gave (HTTP or WARC Content-Type). */
  charset?: string | null;
  timeBudgetMs?: number;
  /** The body cascade's thresholds (tuning.ts); eval/extraction.ts --cv sets them, nothing else does. */
  tuning?: Readonly<CascadeTuning>;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return norm(a) === norm(b);
}

/** Extracts an article from a page's bytes (decoding them first). */
export function extractHtmlBytes(bytes: Uint8Array, options: HtmlOptions): HtmlArticle {
  // A page of UTF-8 is parsed undecoded: only the pieces the tree keeps are decoded.
  const decoded = readHtmlMarkup(bytes, options.charset ?? null);
  const result = extractMarkup(decoded.markup, options);
  result.encoding = decoded.encoding;
  if (decoded.mislabelled) {
    result.messages.unshift(
      message('CC121', `${options.uri}: the page says its charset is ${decoded.mislabelled.declared} but its bytes are not; read as ${decoded.mislabelled.used}`, { uri: options.uri }),
    );
  }
  return result;
}

/** Extracts an article from a page's text (or its bytes of UTF-8, left undecoded). */
export function extractHtml(html: string | Utf8Page, options: HtmlOptions): HtmlArticle {
  return extractMarkup(html, options);
}

function extractMarkup(html: string | Utf8Page, options: HtmlOptions): HtmlArticle {
  const uri = options.uri;
  const messages: Message[] = [];
  const page = parseHtml(html, options.timeBudgetMs ?? PAGE_TIME_BUDGET_MS);
  if (page.limits.depth || page.limits.elements || page.limits.time) {
    const what = [page.limits.depth && 'nested too deep', page.limits.elements && 'too many elements', page.limits.time && 'too slow to parse'].filter(Boolean).join(', ');
    messages.push(message('CC223', `${uri}: the page is ${what}; only part of it was read`, { uri }));
  }
  const elements = descendants(page.root);
  const jsonld = readJsonLd(page.jsonld);
  const meta = readMetadata(page, jsonld, elements, options.url ?? null);
  const sieved = sieve(page.root, jsonld.article?.articleBody ?? null, options.tuning);
  // The page's <h1> is the headline: the title when no metadata gave one, never a body line.
  const h1 = sieved.lines.find((l) => l.kind === 'title');
  if (!meta.title && h1) {
    meta.title = h1.text;
    meta.titleVia = 'html';
  }
  let lines = sieved.lines.filter((l) => l.kind !== 'title');
  // The headline is the title line of the text form, not a body line.
  if (meta.title) {
    const i = lines.findIndex((l, k) => k < 3 && sameText(l.text, meta.title!));
    if (i >= 0) lines = lines.filter((_, k) => k !== i);
  }
  if (meta.byline) lines = lines.filter((l, k) => !(k < 4 && l.text.length < 200 && sameText(l.text.replace(/^by\s+/i, ''), meta.byline!)));
  if (sieved.step > 1) messages.push(message('CC224', `${uri}: the first attempt found too little text; fallback step ${sieved.step} gave the body`, { uri }));
  const leftOut = sieved.leftOut + sieved.droppedLines;
  if (leftOut > 0) messages.push(message('CC225', `${uri}: left out ${sieved.leftOut} link-heavy container${sieved.leftOut === 1 ? '' : 's'} and ${sieved.droppedLines} furniture line${sieved.droppedLines === 1 ? '' : 's'} inside the article`, { uri }));

  // 6. Flags.
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  let kind: PageKind = 'article';
  let images = 0;
  let teasers = 0;
  for (const el of elements) {
    if (el.tag === 'img') images++;
    else if (el.tag === 'article') teasers++;
  }
  if (!jsonld.article && jsonld.isGallery) kind = 'gallery';
  else if (!jsonld.article && jsonld.isListing) kind = 'listing';
  else if (teasers >= LISTING_ARTICLES && chars < LISTING_MAX_CHARS) kind = 'listing';
  else if (images >= GALLERY_IMAGES && chars < GALLERY_MAX_CHARS) kind = 'gallery';
  if (kind !== 'article') {
    messages.push(message('CC221', `${uri}: the page looks like a ${kind}, not an article`, { uri }));
  }
  // The page's elements are looked through for a paywall box only when the body is short.
  const paywallElement = (): boolean =>
    elements.some((el) => {
      const h = `${el.attrs['class'] ?? ''} ${el.attrs['id'] ?? ''}`;
      return h.length > 1 && PAYWALL_HINT.test(h);
    });
  const paywalled = chars < PAYWALL_SHORT_CHARS && (jsonld.article?.accessibleForFree === false || paywallElement());
  const last = lines[lines.length - 1]?.text ?? '';
  const truncated = !paywalled && TRUNCATED_END.test(last);
  if (paywalled || truncated) {
    messages.push(message('CC222', `${uri}: the body looks ${paywalled ? 'paywalled (only the part before the paywall is there)' : 'truncated (it ends in an ellipsis)'}`, { uri }));
  }
  if (chars === 0) {
    messages.push(message('CC220', `${uri}: no article body found in the page${kind !== 'article' ? ` (it looks like a ${kind})` : ''}`, { uri }));
  }
  return { ...meta, lines, step: sieved.step, kind, paywalled, truncated, leftOut, messages, encoding: 'utf-8' };
}

/** The body text of an extraction: one paragraph per line. */
export function bodyText(article: HtmlArticle): string {
  return article.lines.map((l) => l.text).join('\n');
}

export type { Line, El };
