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
  'last-modified', 'lastmod', 'article.updated', 'updated_time', 'revised', 'dateupdate', 'last_updated_date',
];
/** Last parts of a site's own meta names ("five_hundred_pixels:uploaded", "parsely:published_time"), after the names above. */
const PUBLISHED_META_ENDS: readonly string[] = ['published_time', 'publish_date', 'publication_date', 'published', 'pubdate', 'uploaded'];
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
/** The longest element text read for an edit stamp (a footer line names the page and its path before "Stand: ..."). */
const EDIT_LINE_MAX_CHARS = 200;
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
/** Words before a date that make it an event's or a deadline's, not the page's. */
const EVENT_WORDS = /\b(?:termin|veranstaltung|event|anmeldeschluss|einsendeschluss|bewerbungsschluss|deadline|date\s+de\s+l'événement)\b/i;
/** Class / id words of a comment (its dates are the comment's, not the page's). */
const COMMENT_HINT = /comment|kommentar|reply|respon/i;
/** Words of a line that says it gives the publication ("Veröffentlicht am 16.08.2019"), read in its first LEADING_DATE_CHARS. */
const PUBLISHED_WORDS = /\b(?:published|posted|veröffentlicht|erschienen|erstellt|publié|publicado|pubblicato)\b/i;
/** Words of a page-wide edit stamp ("last edited 2019-11-10", "Stand: 09.10.2017", "Letzte Änderung: ..."): the date after them ("Stand" only with its colon: "Stand der Dinge" is not a stamp). */
const EDITED_WORDS = /\b(?:last\s+(?:edited|modified|updated|changed)(?:\s+on)?|page\s+updated|stand(?=\s*:)|letzte\s+änderung|zuletzt\s+(?:geändert|aktualisiert)(?:\s+am)?|dernière\s+mise\s+à\s+jour|última\s+actualización)\s*:?/i;
/** A whole day (not only a year), for a copyright line that carries one. */
const FULL_DATE = /\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2}/;
/** A time stamp in UTC, whose day may not be the page's own. */
const UTC_TIME = /T(\d{2}):\d{2}(?::\d{2})?(?:Z|\+00:00)$/;
/**
 * A UTC stamp is read as the day before only before this hour (zones west of UTC, to UTC-8, the US
 * Pacific) and as the day after only from this hour (zones east of it, to UTC+12, New Zealand).
 */
const WEST_BEFORE_HOUR = 8;
const EAST_FROM_HOUR = 12;
/** How far (in elements) after an <h1> a visible date counts as the headline's date. */
const NEAR_H1 = 12;
/** No web page was published before this. */
const MIN_YEAR = 1995;
/** A date in a url: /2019/06/17/, /2019-06-17, _20190617_ (year 19xx or 20xx). */
const URL_DATE = /[/_-]((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/;

/**
 * Share right per step on htmldate's development pages, rounded down to a tenth (json-ld 184 pages
 * 0.951, meta 122 0.975, html 71 0.944, text 48 0.875, microdata 18 1.0, time 16 1.0: held at
 * 0.9, 16 pages are few). Steps with too few pages to measure (url 0, modified 7, title 0) get
 * 0.5: a guess, said as one.
 */
export const DATE_CONFIDENCE: Readonly<Record<DateVia, number>> = {
  'json-ld': 0.9, meta: 0.9, microdata: 0.9, time: 0.9, html: 0.9, url: 0.5, text: 0.8, title: 0.5, modified: 0.5,
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
  const found = findDate(part);
  // "Termin: 21.02.2020, 19 Uhr": an event's date, not the page's.
  if (!found || EVENT_WORDS.test(part.slice(0, found.index))) return null;
  return plausible(part, today);
}

/** A date seen in the page while walking its elements, with where it sits. */
interface Seen extends PageDate {
  /** Elements after the nearest <h1> before it (-1: no <h1> before it). */
  afterH1: number;
}

/** What one walk over the elements found (steps 3-9 and the modification date). */
interface Walk {
  microPublished: string | null;
  microModified: string | null;
  timePublished: string | null;
  timeFirst: string | null;
  timeModified: string | null;
  hinted: PageDate | null;
  /** The visible date (a <time>, a date element, a date line) nearest after an <h1>. */
  near: Seen | null;
  /** A line that says it is the publication ("Veröffentlicht am 16.08.2019", "Posted on ..."). */
  publishedLine: PageDate | null;
  lineAfter: PageDate | null;
  lineBefore: PageDate | null;
  lineFirst: PageDate | null;
  h1: number;
}

/** The class / id of an element and of its parent and grandparent, for a comment test. */
function inComment(el: El): boolean {
  let e: El | null = el;
  for (let i = 0; i < 3 && e; i++, e = e.parent) {
    const a = e.attrs;
    if (COMMENT_HINT.test(`${a['class'] ?? ''} ${a['id'] ?? ''}`)) return true;
  }
  return false;
}

/** A <time>'s date: its datetime, but the day of its text when the datetime is UTC and the text is a day apart (the page's own day). */
function timeDate(el: El, today: string): string | null {
  const text = textWithin(el, RAW_TEXT_MAX_CHARS);
  const machine = plausible(el.attrs['datetime'], today);
  if (!machine) return plausible(text, today);
  const local = text && MAY_HOLD_DATE.test(text) ? plausible(text, today) : null;
  return local && isZoneShift(machine, local) ? local.slice(0, 10) : machine;
}

/** True when `local` can be the day a UTC stamp falls on in the page's own zone: the day before or after, as its hour allows. */
function isZoneShift(utc: string, local: string): boolean {
  const m = UTC_TIME.exec(utc);
  if (!m) return false;
  const days = (Date.parse(local.slice(0, 10)) - Date.parse(utc.slice(0, 10))) / 86_400_000;
  const hour = Number(m[1]);
  return (days === -1 && hour < WEST_BEFORE_HOUR) || (days === 1 && hour >= EAST_FROM_HOUR);
}

/** One walk over the elements; `nearOnly`: only the elements within NEAR_H1 after an <h1> (for `near`, the rest left empty). */
function walkPage(elements: readonly El[], today: string, nearOnly: boolean): Walk {
  const w: Walk = {
    microPublished: null, microModified: null, timePublished: null, timeFirst: null, timeModified: null, hinted: null,
    near: null, publishedLine: null, lineAfter: null, lineBefore: null, lineFirst: null, h1: -1,
  };
  let lastH1 = -1;
  const seen = (iso: string, via: DateVia, words: string | null, k: number): void => {
    if (lastH1 < 0 || k - lastH1 > NEAR_H1) return;
    // The same element seen as a date line and as a date element is reported as the date element.
    if (w.near === null || k - lastH1 < w.near.afterH1 || (k - lastH1 === w.near.afterH1 && via !== 'text')) w.near = { iso, via, words, afterH1: k - lastH1 };
  };
  for (let k = 0; k < elements.length; k++) {
    const el = elements[k]!;
    if (el.tag === 'h1') {
      if (w.h1 < 0) w.h1 = k;
      lastH1 = k;
      continue;
    }
    const nearH1 = lastH1 >= 0 && k - lastH1 <= NEAR_H1;
    if (nearOnly && !nearH1) continue;
    const inWindow = !nearOnly && (w.h1 < 0 || k - w.h1 <= TEXT_AFTER_H1);
    if (inWindow || nearH1) {
      const own = ownText(el);
      // An edit stamp is never a date line (editStamp reads it, as the last resort).
      if (own.length >= 6 && MAY_HOLD_DATE.test(own) && !COPYRIGHT.test(own) && !(own.length <= EDIT_LINE_MAX_CHARS && EDITED_WORDS.test(own))) {
        const iso = own.length <= DATE_TEXT_MAX_CHARS ? textDate(own, today) : leadingDate(own, today);
        if (iso) {
          const found: PageDate = { iso, via: 'text', words: own };
          if (!inComment(el)) seen(iso, 'text', own, k);
          if (inWindow) {
            if (w.publishedLine === null && PUBLISHED_WORDS.test(own.slice(0, LEADING_DATE_CHARS))) w.publishedLine = found;
            if (w.h1 >= 0) w.lineAfter ??= found;
            else {
              w.lineFirst ??= found;
              w.lineBefore = { ...found, words: `${k}` };
            }
          }
        }
      }
    }
    const prop = el.attrs['itemprop'];
    if (prop !== undefined && el.tag !== 'meta') {
      const p = prop.toLowerCase();
      if (!w.microPublished && (p === 'datepublished' || p === 'datecreated')) w.microPublished = plausible(elementValue(el), today);
      else if (!w.microModified && p === 'datemodified') w.microModified = plausible(elementValue(el), today);
    }
    if (el.tag === 'time') {
      const hint = `${hintOf(el)} ${el.parent ? hintOf(el.parent) : ''}`;
      const iso = timeDate(el, today);
      if (!iso || inComment(el)) continue;
      if (UPDATE_HINT.test(hint)) w.timeModified ??= iso;
      else {
        if (el.attrs['pubdate'] !== undefined || PUBLISHED_HINT.test(hint)) w.timePublished ??= iso;
        else w.timeFirst ??= iso;
        seen(iso, 'time', null, k);
      }
      continue;
    }
    if (el.attrs['class'] !== undefined || el.attrs['id'] !== undefined) {
      const hint = hintOf(el);
      const title = el.attrs['title'];
      if ((DATE_HINT.test(hint) || DATE_HINT_CAMEL.test(hint)) && !UPDATE_HINT.test(hint)) {
        const text = textWithin(el, RAW_TEXT_MAX_CHARS) ?? '';
        // "<span class="time-ago" title="2020-09-20T14:20:02Z">15 minutes ago</span>": the machine date in the title.
        const iso = (MAY_HOLD_DATE.test(text) ? textDate(text, today) : null) ?? (title && ISO_START.test(title) ? plausible(title, today) : null);
        if (iso && !inComment(el)) {
          w.hinted ??= { iso, via: 'html', words: text };
          seen(iso, 'html', text, k);
        }
      }
    }
  }
  return w;
}

/**
 * The last resort, read only when nothing else gave a date: a page-wide edit stamp ("last edited
 * 2019-11-10", "[Stand: 09.10.2017, 01:40 Uhr]"), a copyright line with a whole day ("Copyright ©
 * 19.12.2019 - 12:14 h": a generated page's stamp, not the site's year), or a hidden hAtom
 * <span class="updated" title="2013-04-04T18:52:11+00:00">.
 */
function editStamp(elements: readonly El[], today: string): string | null {
  for (const el of elements) {
    const title = el.attrs['title'];
    if (title && ISO_START.test(title) && UPDATE_HINT.test(hintOf(el))) {
      const iso = plausible(title, today);
      if (iso) return iso;
    }
    const own = ownText(el);
    if (own.length < 6 || own.length > EDIT_LINE_MAX_CHARS) continue;
    const edited = EDITED_WORDS.exec(own);
    const iso = edited ? plausible(own.slice(edited.index + edited[0].length), today) : COPYRIGHT.test(own) && FULL_DATE.test(own) ? plausible(own.replace(COPYRIGHT, ''), today) : null;
    if (iso) return iso;
  }
  return null;
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
    const near = nearWalk().near;
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
  if (w.near) return { published: { iso: w.near.iso, via: w.near.via, words: w.near.words }, modified };
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
