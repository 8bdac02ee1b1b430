/**
 * Publication dates as written in bylines and date lines, to ISO 8601 as precise as the text
 * is: "Nov 02, 2017" -> "2017-11-02"; "November 2, 2017 10:15 a.m. ET" ->
 * "2017-11-02T10:15:00-04:00"; "2017-11-02". A time without a zone stays without one (we never
 * invent a zone); US zone names without S/D ("ET") take the offset US daylight-saving rules give
 * for that date. Numeric dates with slashes are read only when the order is unambiguous.
 */

/**
 * Month names: English, and the German, French, Italian and Spanish names that differ from the
 * English (pages in htmldate's evaluation set are half German). MONTH_NUMBERS maps each to 1-12.
 */
const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
  januar: 1, jänner: 1, jän: 1, februar: 2, märz: 3, maerz: 3, mär: 3, mai: 5, juni: 6, juli: 7, oktober: 10, okt: 10, dezember: 12, dez: 12,
  janvier: 1, janv: 1, février: 2, fevrier: 2, févr: 2, fevr: 2, mars: 3, avril: 4, avr: 4, juin: 6, juillet: 7, juil: 7, août: 8, aout: 8,
  septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12, déc: 12,
  gennaio: 1, febbraio: 2, marzo: 3, aprile: 4, maggio: 5, giugno: 6, luglio: 7, agosto: 8, settembre: 9, ottobre: 10, dicembre: 12,
  enero: 1, febrero: 2, abril: 4, mayo: 5, junio: 6, julio: 7, septiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  // Portuguese and Dutch (news pages of many countries: htmldate's mediacloud set).
  janeiro: 1, fevereiro: 2, março: 3, marco: 3, maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, novembro: 11, dezembro: 12,
  januari: 1, februari: 2, maart: 3, mei: 5, augustus: 8,
  // Russian, Ukrainian and Polish as a date writes them (the genitive: "15 августа 2016").
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8, сентября: 9, октября: 10, ноября: 11, декабря: 12,
  січня: 1, лютого: 2, березня: 3, квітня: 4, травня: 5, червня: 6, липня: 7, серпня: 8, вересня: 9, жовтня: 10, листопада: 11, грудня: 12,
  stycznia: 1, lutego: 2, marca: 3, kwietnia: 4, maja: 5, czerwca: 6, lipca: 7, sierpnia: 8, września: 9, października: 10, listopada: 11, grudnia: 12,
};
const MONTH = `(${Object.keys(MONTH_NUMBERS).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\\.?,?\\s+)?';
const TIME = '(?:,?\\s+(?:at\\s+)?(\\d{1,2})(?::(\\d{2}))(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?|,?\\s+(?:at\\s+)?(\\d{1,2})\\s*(a\\.?m\\.?|p\\.?m\\.?))?';
const ZONE = '(?:\\s*(utc|gmt|z|et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|bst|cet|cest|[+-]\\d{2}:?\\d{2})\\b)?';

/**
 * "Thursday, November 2, 2017 10:15 a.m. ET", "Nov. 2, 2017". The year ends at a non-digit, not a word
 * boundary: a page's text glues elements ("15. April 2016Samstag, 4. März 2017").
 */
const MONTH_FIRST = new RegExp(`\\b${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)${TIME}${ZONE}`, 'i');
/**
 * "2 November 2017", "02 Nov 2017, 10:15", German "6. November 2023", French "1er avril 2020",
 * "5th of January 2020", "23-Nov-2020".
 */
const DAY_FIRST = new RegExp(`\\b${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th|er|\\.)?(?:\\s*(?:de|of)\\s+|\\s*|-)${MONTH}(?:,?\\s+(?:de\\s+)?|-)(\\d{4})(?!\\d)${TIME}${ZONE}`, 'i');
/** "2017-11-02", "2017-11-02T10:15:00Z", "2017-11-02 10:15". */
const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?![\d-])/i;
/** "29.04.2020", "29. 04. 2020": day, month, year (the European order; no other order uses dots). */
const DOTTED = /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)/;
/** "30.10.23": two-digit years only with two-digit day and month, never before another ".digit" (versions). */
const DOTTED_SHORT = /\b(\d{2})\.(\d{2})\.(\d{2})\b(?!\.\d)/;
/** "2020.04.29", Hungarian "2020. 04. 29.": year first with dots (two-digit month and day unless spaced: "2019.1.2" is a version). */
const YEAR_DOTTED = /\b(\d{4})\.(?:(\d{2})\.(\d{2})|\s(\d{1,2})\.\s(\d{1,2})\.)(?![\d.]\d)/;
/** "2020年4月28日" (Chinese, Japanese), "2020년 4월 28일" (Korean). */
const YEAR_MONTH_DAY_SIGNS = /(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]/;
/** "2020/04/29": year first. */
const YEAR_SLASHED = /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/;
/** "11/02/2017": read only when one side is over 12. */
const SLASHED = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;

/** Fixed offsets of zone abbreviations, in minutes east of UTC. */
const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420, bst: 60, cet: 60, cest: 120,
};
/** US zones written without standard/daylight: standard offset; daylight adds an hour. */
const US_GENERIC_ZONES: Readonly<Record<string, number>> = { et: -300, ct: -360, mt: -420, pt: -480 };

export interface FoundDate {
  iso: string;
  /** Offset and length of the date's words inside the searched string. */
  index: number;
  length: number;
}

function monthNumber(name: string): number {
  return MONTH_NUMBERS[name.toLowerCase()] ?? 0;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function isValidDate(y: number, m: number, d: number): boolean {
  return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Day of month of the n-th Sunday (n >= 1) or, with n = -1, the last Sunday. */
function sunday(y: number, month: number, n: number): number {
  if (n < 0) {
    const last = daysInMonth(y, month);
    const dow = new Date(Date.UTC(y, month - 1, last)).getUTCDay();
    return last - dow;
  }
  const dow1 = new Date(Date.UTC(y, month - 1, 1)).getUTCDay();
  return 1 + ((7 - dow1) % 7) + 7 * (n - 1);
}

/** True when US daylight-saving time is in force at local date and hour (rules of 2007 on, and 1987-2006 before). */
function isUsDaylight(y: number, m: number, d: number, hour: number): boolean {
  const [startMonth, startDay, endMonth, endDay] = y >= 2007 ? [3, sunday(y, 3, 2), 11, sunday(y, 11, 1)] : [4, sunday(y, 4, 1), 10, sunday(y, 10, -1)];
  const key = (mm: number, dd: number, hh: number): number => (mm * 32 + dd) * 24 + hh;
  const now = key(m, d, hour);
  return now >= key(startMonth, startDay, 2) && now < key(endMonth, endDay, 2);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

function zoneSuffix(zone: string | undefined, y: number, m: number, d: number, hour: number): string | null {
  if (!zone) return '';
  const z = zone.toLowerCase();
  if (z === 'z' || z === 'utc' || z === 'gmt') return 'Z';
  if (/^[+-]\d{2}:?\d{2}$/.test(z)) return `${z.slice(0, 3)}:${z.slice(-2)}`;
  const fixed = ZONE_OFFSETS[z];
  if (fixed !== undefined) return formatOffset(fixed);
  const generic = US_GENERIC_ZONES[z];
  if (generic !== undefined) return formatOffset(generic + (isUsDaylight(y, m, d, hour) ? 60 : 0));
  return null;
}

function build(y: number, m: number, d: number, hh: string | undefined, mm: string | undefined, ss: string | undefined, ampm: string | undefined, zone: string | undefined): string | null {
  if (!isValidDate(y, m, d)) return null;
  const date = `${y}-${pad(m)}-${pad(d)}`;
  if (hh === undefined) return date;
  let hour = Number(hh);
  const minute = mm === undefined ? 0 : Number(mm);
  const second = ss === undefined ? 0 : Number(ss);
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    const pm = ampm.toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  const suffix = zoneSuffix(zone, y, m, d, hour);
  if (suffix === null) return null;
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${suffix}`;
}

/** The first date written in `s`, or null. An impossible date ("Feb 30, 2017") is not a date. */
export function findDate(s: string): FoundDate | null {
  // every shape below has ASCII digits (\d): a text without one has no date, and most lines a
  // caller tries (titles, bylines, first paragraphs) are spared the seven regexes
  if (!hasDigit(s)) return null;
  const found: FoundDate[] = [];
  let m = MONTH_FIRST.exec(s);
  if (m) {
    const iso = build(Number(m[3]), monthNumber(m[1]!), Number(m[2]), m[4] ?? m[8], m[5], m[6], m[7] ?? m[9], m[10]);
    if (iso) found.push({ iso, index: m.index, length: m[0].length });
  }
  m = DAY_FIRST.exec(s);
  if (m) {
    const iso = build(Number(m[3]), monthNumber(m[2]!), Number(m[1]), m[4] ?? m[8], m[5], m[6], m[7] ?? m[9], m[10]);
    if (iso) found.push({ iso, index: m.index, length: m[0].length });
  }
  m = ISO.exec(s);
  if (m) {
    const iso = build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6], undefined, m[7]);
    if (iso) found.push({ iso, index: m.index, length: m[0].length });
  }
  m = DOTTED.exec(s);
  if (m) {
    const iso = build(Number(m[3]), Number(m[2]), Number(m[1]), undefined, undefined, undefined, undefined, undefined);
    if (iso) found.push({ iso, index: m.index, length: m[0].length });
  }
  if (!m) {
    m = DOTTED_SHORT.exec(s);
    if (m) {
      const iso = build(2000 + Number(m[3]), Number(m[2]), Number(m[1]), undefined, undefined, undefined, undefined, undefined);
      if (iso) found.push({ iso, index: m.index, length: m[0].length });
    }
  }
  m = YEAR_DOTTED.exec(s);
  if (m) {
    const iso = build(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5]), undefined, undefined, undefined, undefined, undefined);
    if (iso) found.push({ iso, index: m.index, length: m[0].length });
  }
  m = YEAR_MONTH_DAY_SIGNS.exec(s);
  if (m) {
    const iso = build(Number(m[1]), Number(m[2]), Number(m[3]), undefined, undefined, undefined, undefined, undefined);
    if (iso) found.push({ iso, index: m.index, length: m[0].length });
  }
  m = YEAR_SLASHED.exec(s);
  if (m) {
    const iso = build(Number(m[1]), Number(m[2]), Number(m[3]), undefined, undefined, undefined, undefined, undefined);
    if (iso) found.push({ iso, index: m.index, length: m[0].length });
  }
  m = SLASHED.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const [mo, d] = a > 12 && b <= 12 ? [b, a] : b > 12 && a <= 12 ? [a, b] : [0, 0];
    const iso = mo ? build(Number(m[3]), mo, d, undefined, undefined, undefined, undefined, undefined) : null;
    if (iso) found.push({ iso, index: m.index, length: m[0].length });
  }
  if (found.length === 0) return null;
  found.sort((x, y) => x.index - y.index || y.length - x.length);
  const best = found[0]!;
  // Trim trailing spaces a zone-less match may have taken.
  const words = s.slice(best.index, best.index + best.length);
  return { iso: best.iso, index: best.index, length: words.trimEnd().length };
}

/** Parses a date given as a whole value (a record's publishedAt), or null. */
export function parseDate(value: string): string | null {
  const found = findDate(value.trim());
  return found ? found.iso : null;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** looksLikeDate's shapes, compiled once (not per call). */
const MONTH_WORD = new RegExp(`\\b${MONTH}\\b`, 'i');
const NUMERIC_DATE = /\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b/;
const RELATIVE_DAY = /\b(?:yesterday|today|ago)\b/i;

/** True when a string mentions a month name or a numeric date shape: it was meant as a date. */
export function looksLikeDate(s: string): boolean {
  return MONTH_WORD.test(s) || NUMERIC_DATE.test(s) || RELATIVE_DAY.test(s);
}
