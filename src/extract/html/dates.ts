/**
 * Step 2b: the page's publication and modification dates, as a cascade (the order of htmldate's
 * documented search, our own rules and lists). The first step that yields a plausible date wins:
 *
 *   1. json-ld    datePublished of the article object
 *   2. meta       <meta> names that mean "published" (PUBLISHED_META, in order of trust)
 *      A visible date under the headline (step 4) that names another day wins over 1-2: metadata
 *      that disagrees with what the reader sees is often a template's, a feed's or an old version's.
 *      A UTC stamp from 1-2 whose day is not the page's own ("2018-12-31T23:11:59+00:00" on a page
 *      dated 2019/01/01 in its url or under its headline) gives the page's day, where its hour
 *      allows a zone to be a day apart (WEST_BEFORE_HOUR, EAST_FROM_HOUR). Otherwise a UTC stamp
 *      keeps the day it was written with.
 *   3. microdata  an element with itemprop="datePublished" (content, datetime or its text)
 *      json-ld    datePublished of any other node (WebPage in an @graph, QAPage's question), not
 *                 of embedded media (a video's upload date is not the page's)
 *   4. near       the visible date nearest after an <h1> (within NEAR_H1 elements): a <time>, a
 *                 date element (5) or a date line (7), not in comments and not an update; a page's
 *                 teasers and sidebars come before its headline or far after it
 *   5. published  a line that says it is the publication ("Veröffentlicht am 16.08.2019")
 *   6. time       a <time> whose class / itemprop / pubdate (or its parent's) says published,
 *                 else the first <time> that is not an update; a UTC datetime whose text says
 *                 the day before or after gives that day
 *   7. html       the text of a small element whose class / id says date ("entry-date",
 *                 "post-date", "article__date", "datum"), first in the page; update lines skipped
 *   8. url        a date in the page's own address (canonical link, og:url, the url given)
 *   9. text       a short text block that is a date line (or a paragraph that opens with its date),
 *                 the nearest after the page's first <h1>
 *                 (within TEXT_AFTER_H1 elements), else the nearest before it (TEXT_BEFORE_H1),
 *                 else, on a page with no <h1>, the first; then a date in the <title>
 *  10. modified   only a modification date was found: it stands in for the publication date; the
 *                 last is a page-wide edit stamp ("last edited 2019-11-10", "Stand: 09.10.2017",
 *                 a copyright line with a whole day, a hidden hAtom "updated" stamp)
 *
 * Plausible: a day from MIN_YEAR to today. The modification date is found the same way
 * (JSON-LD dateModified, MODIFIED_META, itemprop="dateModified", update <time>s).
 *
 * What the reader sees (steps 3-9, the last resort) is read by dates-visible.ts in one walk.
 *
 * DATE_CONFIDENCE per step is the share of right days that step gave on htmldate's development
 * pages (eval/dates-htmldate.ts prints it per step), rounded down to a tenth.
 */
import type { El, ParsedPage } from './parse.js';
import { editStamp, isZoneShift, MAY_HOLD_DATE, plausible, UTC_TIME, walkPage, type Walk } from './dates-visible.js';
import type { JsonLdFindings } from './jsonld.js';

export type DateVia = 'json-ld' | 'meta' | 'microdata' | 'time' | 'html' | 'url' | 'text' | 'title' | 'modified';

/** Meta names whose content is the publication date, most trusted first. */
const PUBLISHED_META: readonly string[] = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'datepublished', 'article.published', 'published_time',
  'publication_date', 'publish-date', 'publishdate', 'publish_date', 'pubdate', 'sw-pubdate', 'parsely-pub-date', 'sailthru.date',
  'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created', 'dc.date', 'dcterms.date', 'citation_publication_date',
  'citation_date', 'originalpublicationdate', 'article:post_date', 'date', 'created', 'uploaddate', 'datecreated', 'release_date',
  // Parse.ly's JSON in one meta ('{"title": ..., "pub_date": "2020-03-03T10:00:00Z", ...}'): its one date is the publication.
  'parsely-page',
];
/** Meta names whose content is the modification date. */
const MODIFIED_META: readonly string[] = [
  'article:modified_time', 'og:updated_time', 'og:modified_time', 'datemodified', 'dc.date.modified', 'dcterms.modified', 'modified',
  'last-modified', 'lastmod', 'article.updated', 'updated_time', 'revised', 'dateupdate', 'last_updated_date',
];
/** Last parts of a site's own meta names ("five_hundred_pixels:uploaded", "parsely:published_time"), after the names above. */
const PUBLISHED_META_ENDS: readonly string[] = ['published_time', 'publish_date', 'publication_date', 'published', 'pubdate', 'uploaded'];
const TEXT_BEFORE_H1 = 20;
/** A date in a url: /2019/06/17/, /2019-06-17, _20190617_, /2017/7/12/ (Squarespace; year 19xx or 20xx). */
const URL_DATE = /[/_-]((?:19|20)\d{2})(?:[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])|\/([1-9])\/([1-9]|[12]\d|3[01])(?=\/))(?:[/_.-]|$)/;

/**
 * Share right per step on htmldate's development pages, rounded down to a tenth (json-ld 184 pages
 * 0.951, meta 121 0.983, html 74 0.946, text 46 0.913, microdata 18 1.0, time 16 1.0: held at
 * 0.9, 16 pages are few). Steps with too few pages to measure (url 0, modified 7, title 0) get
 * 0.5: a guess, said as one.
 */
export const DATE_CONFIDENCE: Readonly<Record<DateVia, number>> = {
  'json-ld': 0.9, meta: 0.9, microdata: 0.9, time: 0.9, html: 0.9, url: 0.5, text: 0.9, title: 0.5, modified: 0.5,
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


function firstMeta(page: ParsedPage, keys: readonly string[], today: string, ends: readonly string[] = []): string | null {
  for (const key of keys) {
    for (const m of page.metas) {
      if (m.key !== key) continue;
      const iso = plausible(m.content, today);
      if (iso) return iso;
    }
  }
  for (const m of page.metas) {
    const colon = m.key.lastIndexOf(':');
    if (colon < 0 || !ends.includes(m.key.slice(colon + 1))) continue;
    const iso = plausible(m.content, today);
    if (iso) return iso;
  }
  return null;
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
  return m ? plausible(`${m[1]}-${m[2] ?? `0${m[4]}`}-${m[3] ?? m[5]!.padStart(2, '0')}`, today) : null;
}

/** The day a UTC time stamp stands for in the page's own zone: a date in its url or under its headline a day apart; else the stamp as it is. */
function localDay(iso: string, urls: readonly (string | null)[], walk: () => Walk, today: string): string {
  if (!UTC_TIME.test(iso)) return iso;
  for (const url of urls) {
    const day = urlDate(url, today);
    if (day) return isZoneShift(iso, day) ? day : iso;
  }
  const near = walk().near;
  return near && isZoneShift(iso, near.iso) ? near.iso.slice(0, 10) : iso;
}

/** The publication and modification dates of a page (see the cascade above). */
export function findPageDates(page: ParsedPage, jsonld: JsonLdFindings, elements: readonly El[], urls: readonly (string | null)[], now = new Date()): PageDates {
  const today = now.toISOString().slice(0, 10);
  let walked: Walk | null = null;
  const nearWalk = (): Walk => (walked ??= walkPage(elements, today, true));
  // Steps 1-2 need no walk over the elements: most news pages end here (the walk is most of the cost).
  const early: [DateVia, string | null][] = [
    ['json-ld', plausible(jsonld.article?.datePublished, today)],
    ['meta', firstMeta(page, PUBLISHED_META, today, PUBLISHED_META_ENDS)],
  ];
  for (const [via, iso] of early) {
    if (!iso) continue;
    const modifiedJsonLd = jsonld.modified.map((v) => plausible(v, today)).find((x) => x) ?? null;
    const modifiedMeta = modifiedJsonLd ? null : firstMeta(page, MODIFIED_META, today);
    const modified: PageDate | null = modifiedJsonLd ? { iso: modifiedJsonLd, via: 'json-ld', words: null } : modifiedMeta ? { iso: modifiedMeta, via: 'meta', words: null } : null;
    // The date the reader sees under the headline is the page's own: metadata that says another day
    // is often a template's, a feed's or an earlier version's ("date" 2020-04-30 over "29.04.2020, 12:01 Uhr").
    const near = nearWalk().near ?? nearWalk().nearBefore;
    if (near && near.iso.slice(0, 10) !== iso.slice(0, 10) && !isZoneShift(iso, near.iso)) return { published: { iso: near.iso, via: near.via, words: near.words }, modified };
    return { published: { iso: localDay(iso, urls, nearWalk, today), via, words: null }, modified };
  }
  const w = walkPage(elements, today, false);

  const modifiedSteps: [DateVia, () => string | null][] = [
    ['json-ld', () => jsonld.modified.map((v) => plausible(v, today)).find((x) => x) ?? null],
    ['meta', () => firstMeta(page, MODIFIED_META, today)],
    ['microdata', () => w.microModified],
    ['time', () => w.timeModified],
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
    ['microdata', () => w.microPublished],
    ['json-ld', () => jsonld.published.map((v) => plausible(v, today)).find((x) => x) ?? null],
  ];
  for (const [via, step] of steps) {
    const iso = step();
    if (iso) return { published: { iso, via, words: null }, modified };
  }
  const near = w.near ?? w.nearBefore;
  if (near) return { published: { iso: near.iso, via: near.via, words: near.words }, modified };
  if (w.publishedLine) return { published: w.publishedLine, modified };
  const time = w.timePublished ?? w.timeFirst;
  if (time) return { published: { iso: time, via: 'time', words: null }, modified };
  if (w.hinted) return { published: w.hinted, modified };
  for (const url of urls) {
    const iso = urlDate(url, today);
    if (iso) return { published: { iso, via: 'url', words: null }, modified };
  }
  if (w.lineAfter) return { published: w.lineAfter, modified };
  if (w.h1 >= 0 && w.lineBefore && w.h1 - Number(w.lineBefore.words) <= TEXT_BEFORE_H1) return { published: { ...w.lineBefore, words: null }, modified };
  if (w.h1 < 0 && w.lineFirst) return { published: w.lineFirst, modified };
  const titled = page.title && MAY_HOLD_DATE.test(page.title) ? plausible(page.title, today) : null;
  if (titled) return { published: { iso: titled, via: 'title', words: null }, modified };
  if (!modified) {
    const stamp = editStamp(elements, today);
    if (stamp) modified = { iso: stamp, via: 'text', words: null };
  }
  if (modified) return { published: { iso: modified.iso, via: 'modified', words: null }, modified };
  return { published: null, modified: null };
}

