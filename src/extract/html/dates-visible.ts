/**
 * The dates a reader sees in the page, for the cascade of dates.ts: one walk over the elements
 * finds the <time>s, the elements whose class says date, the date lines under the headline, the
 * microdata, and the visible date nearest after an <h1>; editStamp reads a page-wide edit stamp
 * as the last resort. No date is taken from comments, update lines, events or copyright years.
 */
import { findDate, parseDate } from '../dates.js';
import { textWithin, type El } from './parse.js';
import type { DateVia, PageDate } from './dates.js';

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
export const TEXT_AFTER_H1 = 60;
/** A text block must hold a year or a dotted date to be tried as a date line (a cheap filter). */
export const MAY_HOLD_DATE = /(?:19|20)\d{2}|\d\.\d{2}\.\d{2}/;
/** A title attribute that is an ISO date. */
const ISO_START = /^\s*\d{4}-\d{2}-\d{2}/;
/** Copyright lines give the year of the site, not of the page. */
const COPYRIGHT = /©|\(c\)|copyright/i;
/** Words before a date that make it an event's or a deadline's, not the page's. */
const EVENT_WORDS = /\b(?:termin|veranstaltung|event|anmeldeschluss|einsendeschluss|bewerbungsschluss|deadline|date\s+de\s+l'événement)\b/i;
/** Class / id words of a masthead's date of the day ("<div class='today'>Wednesday, August 19, 2020</div>"): when the page was served, not written. */
const TODAY_HINT = /(?:^|[\s_-])(?:today|todays-date|current-date|currentdate|heute|aujourdhui)(?:$|[\s_-])/i;
/** Class / id words of a comment (its dates are the comment's, not the page's). */
const COMMENT_HINT = /comment|kommentar|reply|respon/i;
/** Words of a line that says it gives the publication ("Veröffentlicht am 16.08.2019"), read in its first LEADING_DATE_CHARS. */
const PUBLISHED_WORDS = /\b(?:published|posted|veröffentlicht|erschienen|erstellt|publié|publicado|pubblicato)\b/i;
/** Words of a page-wide edit stamp ("last edited 2019-11-10", "Stand: 09.10.2017", "Letzte Änderung: ..."): the date after them ("Stand" only with its colon: "Stand der Dinge" is not a stamp). */
const EDITED_WORDS = /\b(?:last\s+(?:edited|modified|updated|changed)(?:\s+on)?|page\s+updated|stand(?=\s*:)|letzte\s+änderung|zuletzt\s+(?:geändert|aktualisiert)(?:\s+am)?|dernière\s+mise\s+à\s+jour|última\s+actualización)\s*:?/i;
/** An element that holds only an edit stamp's words ("Letzte Änderung:", "Last modified:"), and how many elements on its day may follow. */
const EDIT_LABEL = new RegExp(`^${EDITED_WORDS.source}$`, 'i');
const EDIT_LABEL_MAX_CHARS = 40;
const EDIT_LABEL_REACH = 3;
/** A whole day (not only a year), for a copyright line that carries one. */
const FULL_DATE = /\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2}/;
/** A time stamp in UTC, whose day may not be the page's own. */
export const UTC_TIME = /T(\d{2}):\d{2}(?::\d{2})?(?:Z|\+00:00)$/;
/**
 * A UTC stamp is read as the day before only before this hour (zones west of UTC, to UTC-8, the US
 * Pacific) and as the day after only from this hour (zones east of it, to UTC+12, New Zealand).
 */
const WEST_BEFORE_HOUR = 8;
const EAST_FROM_HOUR = 12;
/** How far (in elements) after an <h1> a visible date counts as the headline's date. */
export const NEAR_H1 = 12;
/**
 * How far (in elements) before an <h1> a date element (its class says date) counts as the
 * headline's date: a date line set above the headline ("<div class="ArticleHeader_date">January
 * 19, 2020 / 12:25 PM / Updated 8 hours ago</div><h1>"), whose metadata carries the update. Only
 * the element or two just before it: a teaser's date sits further up, in its own box.
 */
export const NEAR_BEFORE_H1 = 2;
/** No web page was published before this. */
const MIN_YEAR = 1995;

/** A date value, if it reads and is plausible (MIN_YEAR to today). */
export function plausible(value: string | null | undefined, today: string): string | null {
  if (!value) return null;
  const iso = parseDate(value);
  if (!iso) return null;
  const day = iso.slice(0, 10);
  if (Number(day.slice(0, 4)) < MIN_YEAR || day > today) return null;
  return iso;
}

export function hintOf(el: El): string {
  const a = el.attrs;
  return `${a['class'] ?? ''} ${a['id'] ?? ''} ${a['itemprop'] ?? ''}`;
}

/** The value an element carries as a date: content / datetime attribute, else its text. */
export function elementValue(el: El): string {
  return el.attrs['content'] ?? el.attrs['datetime'] ?? textWithin(el, RAW_TEXT_MAX_CHARS) ?? '';
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
export interface Walk {
  microPublished: string | null;
  microModified: string | null;
  timePublished: string | null;
  timeFirst: string | null;
  timeModified: string | null;
  hinted: PageDate | null;
  /** The visible date (a <time>, a date element, a date line) nearest after an <h1>. */
  near: Seen | null;
  /** A date element just above an <h1> (NEAR_BEFORE_H1), when none was seen after one before it. */
  nearBefore: PageDate | null;
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
export function isZoneShift(utc: string, local: string): boolean {
  const m = UTC_TIME.exec(utc);
  if (!m) return false;
  const days = (Date.parse(local.slice(0, 10)) - Date.parse(utc.slice(0, 10))) / 86_400_000;
  const hour = Number(m[1]);
  return (days === -1 && hour < WEST_BEFORE_HOUR) || (days === 1 && hour >= EAST_FROM_HOUR);
}

/** The date of a date element (class / id says date, not an update, not a comment's) among the NEAR_BEFORE_H1 elements before the <h1> at `h1`. */
function dateAbove(elements: readonly El[], h1: number, today: string): PageDate | null {
  for (let k = h1 - 1; k >= 0 && k >= h1 - NEAR_BEFORE_H1; k--) {
    const el = elements[k]!;
    const hint = hintOf(el);
    if (el.tag === 'h1' || !(DATE_HINT.test(hint) || DATE_HINT_CAMEL.test(hint)) || UPDATE_HINT.test(hint) || TODAY_HINT.test(hint) || inComment(el)) continue;
    const text = textWithin(el, RAW_TEXT_MAX_CHARS) ?? '';
    const iso = MAY_HOLD_DATE.test(text) ? textDate(text.replace(/\s+/g, ' ').trim(), today) : null;
    if (iso) return { iso, via: 'html', words: text };
  }
  return null;
}

/** One walk over the elements; `nearOnly`: only the elements within NEAR_H1 after an <h1> (for `near`, the rest left empty). */
export function walkPage(elements: readonly El[], today: string, nearOnly: boolean): Walk {
  const w: Walk = {
    microPublished: null, microModified: null, timePublished: null, timeFirst: null, timeModified: null, hinted: null,
    near: null, nearBefore: null, publishedLine: null, lineAfter: null, lineBefore: null, lineFirst: null, h1: -1,
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
      if (w.near === null) w.nearBefore ??= dateAbove(elements, k, today);
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
        if (iso && !TODAY_HINT.test(hintOf(el))) {
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
      if ((DATE_HINT.test(hint) || DATE_HINT_CAMEL.test(hint)) && !UPDATE_HINT.test(hint) && !TODAY_HINT.test(hint)) {
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
export function editStamp(elements: readonly El[], today: string): string | null {
  // "<label>Letzte Änderung:</label><div>14.01.2022 um 09:25</div>": the stamp's words alone, its day in the next element.
  let afterLabel = 0;
  for (const el of elements) {
    const title = el.attrs['title'];
    if (title && ISO_START.test(title) && UPDATE_HINT.test(hintOf(el))) {
      const iso = plausible(title, today);
      if (iso) return iso;
    }
    const own = ownText(el);
    if (own.length === 0) {
      const label = typeof el.children[0] === 'string' && el.children.length === 1 ? el.children[0].trim() : '';
      afterLabel = label.length > 0 && label.length <= EDIT_LABEL_MAX_CHARS && EDIT_LABEL.test(label) ? EDIT_LABEL_REACH : afterLabel - 1;
      continue;
    }
    if (afterLabel-- > 0) {
      const iso = own.length <= DATE_TEXT_MAX_CHARS ? plausible(own, today) : null;
      if (iso) return iso;
    }
    if (own.length < 6 || own.length > EDIT_LINE_MAX_CHARS) continue;
    const edited = EDITED_WORDS.exec(own);
    const iso = edited ? plausible(own.slice(edited.index + edited[0].length), today) : COPYRIGHT.test(own) && FULL_DATE.test(own) ? plausible(own.replace(COPYRIGHT, ''), today) : null;
    if (iso) return iso;
  }
  return null;
}

