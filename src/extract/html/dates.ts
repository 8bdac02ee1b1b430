/**
 * Step 2b: the page's publication and modification dates, as a cascade (the order of htmldate's
 * documented search, our own rules and lists). The first step that yields a plausible date wins:
 *
 *   1. json-ld    datePublished of the article object
 *   2. meta       <meta> names that mean "published" (PUBLISHED_META, in order of trust)
 *   3. microdata  an element with itemprop="datePublished" (content, datetime or its text)
 *      json-ld    datePublished of any other node (WebPage in an @graph, QAPage's question), not
 *                 of embedded media (a video's upload date is not the page's)
 *   4. time       a <time> whose class / itemprop / pubdate says published, else the first <time>
 *                 that is not an update
 *   5. html       the text of a small element whose class / id says date ("entry-date",
 *                 "post-date", "article__date", "datum"), first in the page; update lines skipped
 *   6. url        a date in the page's own address (canonical link, og:url, the url given)
 *   7. text       a short text block that is a date line (or a paragraph that opens with its date),
 *                 the nearest after the page's first <h1>
 *                 (within TEXT_AFTER_H1 elements), else the nearest before it (TEXT_BEFORE_H1),
 *                 else, on a page with no <h1>, the first; then a date in the <title>
 *   8. modified   only a modification date was found: it stands in for the publication date
 *
 * Plausible: a day from MIN_YEAR to today. The modification date is found the same way
 * (JSON-LD dateModified, MODIFIED_META, itemprop="dateModified", update <time>s).
 *
 * DATE_CONFIDENCE per step is the share of right days that step gave on htmldate's development
 * pages (eval/dates-htmldate.ts prints it per step), rounded down to a tenth.
 */
import { findDate, parseDate } from '../dates.js';
import { textWithin, type El, type ParsedPage } from './parse.js';
import type { JsonLdFindings } from './jsonld.js';

export type DateVia = 'json-ld' | 'meta' | 'microdata' | 'time' | 'html' | 'url' | 'text' | 'title' | 'modified';

/** Meta names whose content is the publication date, most trusted first. */
const PUBLISHED_META: readonly string[] = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'datepublished', 'article.published', 'published_time',
  'publication_date', 'publish-date', 'publishdate', 'publish_date', 'pubdate', 'sw-pubdate', 'parsely-pub-date', 'sailthru.date',
  'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created', 'dc.date', 'dcterms.date', 'citation_publication_date',
  'citation_date', 'originalpublicationdate', 'article:post_date', 'date', 'created', 'uploaddate', 'datecreated', 'release_date',
];
/** Meta names whose content is the modification date. */
const MODIFIED_META: readonly string[] = [
  'article:modified_time', 'og:updated_time', 'og:modified_time', 'datemodified', 'dc.date.modified', 'dcterms.modified', 'modified',
  'last-modified', 'lastmod', 'article.updated', 'updated_time', 'revised',
];
/** Class / id words of an element that holds the date in the page. */
const DATE_HINT = /(?:^|[\s_-])(?:date|datum|dateline|time|timestamp|published|publish|pubdate|posted|posted-on|postdate|entry-date|entry-meta|post-meta|article-meta|meta|byline|submitted|created|veroeffentlicht|publication|info)(?:$|[\s_-])/i;
/** The same in camelCase ("postDate", "articleDateTime"). */
const DATE_HINT_CAMEL = /[a-z](?:Date|Datum|Time)(?:$|[\s_A-Z-])/;
/** Class / id / itemprop words of an update, not a publication. */
const UPDATE_HINT = /updat|modif|aktualisiert|revised|edited/i;
/** Words before a date that make it an update, not the publication ("Updated: ..."). */
const UPDATE_WORDS = /\b(?:updated?|modified|aktualisiert|last\s+edited|mis\s+à\s+jour|actualizado)\b/i;
/** Class / id / itemprop words of a publication <time>. */
const PUBLISHED_HINT = /publish|pubdate|entry-date|post-date|created|posted/i;
/** The longest element text read as a date line. */
const DATE_TEXT_MAX_CHARS = 100;
/** Raw characters read from an element for its date (whitespace not yet collapsed). */
const RAW_TEXT_MAX_CHARS = 400;
/** How much of a long paragraph's start is read for the date it opens with. */
const LEADING_DATE_CHARS = 40;
/** How far (in elements, document order) a date line may sit after / before the first <h1>. */
const TEXT_AFTER_H1 = 60;
const TEXT_BEFORE_H1 = 20;
/** A text block must hold a year or a dotted date to be tried as a date line (a cheap filter). */
const MAY_HOLD_DATE = /(?:19|20)\d{2}|\d\.\d{2}\.\d{2}/;
/** A title attribute that is an ISO date. */
const ISO_START = /^\s*\d{4}-\d{2}-\d{2}/;
/** Copyright lines give the year of the site, not of the page. */
const COPYRIGHT = /©|\(c\)|copyright/i;
/** No web page was published before this. */
const MIN_YEAR = 1995;
/** A date in a url: /2019/06/17/, /2019-06-17, _20190617_ (year 19xx or 20xx). */
const URL_DATE = /[/_-]((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/;

/**
 * Share right per step on htmldate's development pages, rounded down to a tenth (json-ld 185 pages
 * 0.935, meta 124 0.935, html 63 0.921, text 33 0.848, time 31 0.871, microdata 18 1.0). Steps
 * with too few pages to measure (url 1, modified 2, title 0) get 0.5: a guess, said as one.
 */
export const DATE_CONFIDENCE: Readonly<Record<DateVia, number>> = {
  'json-ld': 0.9, meta: 0.9, microdata: 0.9, time: 0.8, html: 0.9, url: 0.5, text: 0.8, title: 0.5, modified: 0.5,
};

export interface PageDate {
  iso: string;
  via: DateVia;
  /** The element whose text gave the date (html step), for a span in the page. */
  words: string | null;
}

export interface PageDates {
  published: PageDate | null;
  modified: PageDate | null;
}

/** A date value, if it reads and is plausible (MIN_YEAR to today). */
function plausible(value: string | null | undefined, today: string): string | null {
  if (!value) return null;
  const iso = parseDate(value);
  if (!iso) return null;
  const day = iso.slice(0, 10);
  if (Number(day.slice(0, 4)) < MIN_YEAR || day > today) return null;
  return iso;
}

function firstMeta(page: ParsedPage, keys: readonly string[], today: string): string | null {
  for (const key of keys) {
    for (const m of page.metas) {
      if (m.key !== key) continue;
      const iso = plausible(m.content, today);
      if (iso) return iso;
    }
  }
  return null;
}

function hintOf(el: El): string {
  const a = el.attrs;
  return `${a['class'] ?? ''} ${a['id'] ?? ''} ${a['itemprop'] ?? ''}`;
}

/** The value an element carries as a date: content / datetime attribute, else its text. */
function elementValue(el: El): string {
  return el.attrs['content'] ?? el.attrs['datetime'] ?? textWithin(el, RAW_TEXT_MAX_CHARS) ?? '';
}

function urlDate(url: string | null, today: string): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = URL_DATE.exec(path);
  return m ? plausible(`${m[1]}-${m[2]}-${m[3]}`, today) : null;
}

/** The element's own text (its string children, not its child elements'), whitespace collapsed. */
function ownText(el: El): string {
  let s = '';
  for (const c of el.children) {
    if (typeof c !== 'string') continue;
    s += c;
    if (s.length > RAW_TEXT_MAX_CHARS) break;
  }
  return s.length < 6 || !MAY_HOLD_DATE.test(s) ? '' : s.replace(/\s+/g, ' ').trim();
}

/** A paragraph that opens with its date ("01.02.2022 „Der Arbeitsmarkt ..."): that date. */
function leadingDate(text: string, today: string): string | null {
  const found = findDate(text.slice(0, LEADING_DATE_CHARS));
  return found && found.index === 0 ? plausible(text.slice(0, found.length), today) : null;
}

/** A date line's text read as a publication date: not an update line, and short. */
function textDate(text: string, today: string): string | null {
  if (text.length === 0 || text.length > DATE_TEXT_MAX_CHARS) return null;
  const update = UPDATE_WORDS.exec(text);
  // "Published March 3 | Updated March 5": the part before the update words.
  const part = update ? text.slice(0, update.index) : text;
  return plausible(part, today);
}

/** The publication and modification dates of a page (see the cascade above). */
export function findPageDates(page: ParsedPage, jsonld: JsonLdFindings, elements: readonly El[], urls: readonly (string | null)[], now = new Date()): PageDates {
  const today = now.toISOString().slice(0, 10);
  // Steps 1-2 need no walk over the elements: most news pages end here (the walk is most of the cost).
  const early: [DateVia, string | null][] = [
    ['json-ld', plausible(jsonld.article?.datePublished, today)],
    ['meta', firstMeta(page, PUBLISHED_META, today)],
  ];
  for (const [via, iso] of early) {
    if (!iso) continue;
    const modifiedJsonLd = jsonld.modified.map((v) => plausible(v, today)).find((x) => x) ?? null;
    const modifiedMeta = modifiedJsonLd ? null : firstMeta(page, MODIFIED_META, today);
    const modified: PageDate | null = modifiedJsonLd ? { iso: modifiedJsonLd, via: 'json-ld', words: null } : modifiedMeta ? { iso: modifiedMeta, via: 'meta', words: null } : null;
    return { published: { iso, via, words: null }, modified };
  }
  // One walk over the elements for steps 3-7 and the modification date.
  let microPublished: string | null = null;
  let microModified: string | null = null;
  let timePublished: string | null = null;
  let timeFirst: string | null = null;
  let timeModified: string | null = null;
  let hinted: PageDate | null = null;
  let h1 = -1;
  let lineBefore: PageDate | null = null;
  let lineAfter: PageDate | null = null;
  let lineFirst: PageDate | null = null;
  for (let k = 0; k < elements.length; k++) {
    const el = elements[k]!;
    if (h1 < 0 && el.tag === 'h1') h1 = k;
    if (lineAfter === null && (h1 < 0 || k - h1 <= TEXT_AFTER_H1)) {
      const own = ownText(el);
      if (own.length >= 6 && MAY_HOLD_DATE.test(own) && !COPYRIGHT.test(own)) {
        const iso = own.length <= DATE_TEXT_MAX_CHARS ? textDate(own, today) : leadingDate(own, today);
        if (iso) {
          const found: PageDate = { iso, via: 'text', words: own };
          if (h1 >= 0) lineAfter = found;
          else {
            lineFirst ??= found;
            lineBefore = { ...found, words: `${k}` };
          }
        }
      }
    }
    const prop = el.attrs['itemprop'];
    if (prop !== undefined && el.tag !== 'meta') {
      const p = prop.toLowerCase();
      if (!microPublished && (p === 'datepublished' || p === 'datecreated')) microPublished = plausible(elementValue(el), today);
      else if (!microModified && p === 'datemodified') microModified = plausible(elementValue(el), today);
    }
    if (el.tag === 'time') {
      const hint = hintOf(el);
      const iso = plausible(el.attrs['datetime'] ?? textWithin(el, RAW_TEXT_MAX_CHARS), today);
      if (!iso) continue;
      if (UPDATE_HINT.test(hint)) timeModified ??= iso;
      else if (el.attrs['pubdate'] !== undefined || PUBLISHED_HINT.test(hint)) timePublished ??= iso;
      else timeFirst ??= iso;
      continue;
    }
    if (hinted === null && (el.attrs['class'] !== undefined || el.attrs['id'] !== undefined)) {
      const hint = hintOf(el);
      if ((DATE_HINT.test(hint) || DATE_HINT_CAMEL.test(hint)) && !UPDATE_HINT.test(hint)) {
        const text = textWithin(el, RAW_TEXT_MAX_CHARS) ?? '';
        // "<span class="time-ago" title="2020-09-20T14:20:02Z">15 minutes ago</span>": the machine date in the title.
        const title = el.attrs['title'];
        const iso = (MAY_HOLD_DATE.test(text) ? textDate(text, today) : null) ?? (title && ISO_START.test(title) ? plausible(title, today) : null);
        if (iso) hinted = { iso, via: 'html', words: text };
      }
    }
  }

  const modifiedSteps: [DateVia, () => string | null][] = [
    ['json-ld', () => jsonld.modified.map((v) => plausible(v, today)).find((x) => x) ?? null],
    ['meta', () => firstMeta(page, MODIFIED_META, today)],
    ['microdata', () => microModified],
    ['time', () => timeModified],
  ];
  let modified: PageDate | null = null;
  for (const [via, step] of modifiedSteps) {
    const iso = step();
    if (iso) {
      modified = { iso, via, words: null };
      break;
    }
  }

  const steps: [DateVia, () => string | null][] = [
    ['microdata', () => microPublished],
    ['json-ld', () => jsonld.published.map((v) => plausible(v, today)).find((x) => x) ?? null],
    ['time', () => timePublished ?? timeFirst],
  ];
  for (const [via, step] of steps) {
    const iso = step();
    if (iso) return { published: { iso, via, words: null }, modified };
  }
  if (hinted) return { published: hinted, modified };
  for (const url of urls) {
    const iso = urlDate(url, today);
    if (iso) return { published: { iso, via: 'url', words: null }, modified };
  }
  if (lineAfter) return { published: lineAfter, modified };
  if (h1 >= 0 && lineBefore && h1 - Number(lineBefore.words) <= TEXT_BEFORE_H1) return { published: { ...lineBefore, words: null }, modified };
  if (h1 < 0 && lineFirst) return { published: lineFirst, modified };
  const titled = page.title && MAY_HOLD_DATE.test(page.title) ? plausible(page.title, today) : null;
  if (titled) return { published: { iso: titled, via: 'title', words: null }, modified };
  if (modified) return { published: { iso: modified.iso, via: 'modified', words: null }, modified };
  return { published: null, modified: null };
}
