/**
 * Byline and date lines: "By NAME | DATE", "By NAME", "By NAME and NAME", "By NAME, Outlet",
 * "NAME | DATE", "Published: DATE", and a line that is only a date. The result gives the
 * name(s) only and the date's words, as offsets inside the line, so the caller can point at them.
 * A line that is not one of these shapes is not a byline: we never guess a name.
 */
import type { Span } from '../model/index.js';
import { findDate, looksLikeDate } from './dates.js';

/** The longest line taken as a byline. */
const BYLINE_MAX_CHARS = 160;
/** The longest run of names after "By". */
const NAMES_MAX_CHARS = 90;
const NAME_MAX_WORDS = 5;
/** The longest part taken as a date that could not be read ("Wednesday, November 22, 2017 10:15 a.m. EST"
 *  is 43): a longer one is a sentence that mentions a date, not a date line. */
const DATE_PART_MAX_CHARS = 48;

/** Separators between the parts of a byline line: "|", "•", "·", or a dash with spaces. */
const SEPARATOR = /\s+[|•·]\s+|\s+[-–—]\s+/g;
const BY_PREFIX = /^by\s+/i;
const DATE_LABEL = /^(?:published|posted|updated|last updated|first published|date)(?:\s+on)?\s*:?\s*/i;
/** Lower-case particles allowed inside a name ("Ludwig van Beethoven", "Maria de la Cruz"). */
const PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'bin', 'al', 'el', 'y', 'dos', 'del']);
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.)$/u;
const NAME_JOINER = /\s*,\s*|\s+(?:and|&)\s+/;
/** Words after "By" that start a sentence, not a byline ("By Friday", "By March"). */
const NOT_NAMES = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|then|now|contrast|comparison|law|far|all|most|some|the|this|that|these|those|early|late|mid|noon|midnight|tonight|today|tomorrow|yesterday)\b/i;
/** Small words allowed inside an outlet or job title ("Editor of The Times"). */
const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'and', 'for', 'at', 'in', 'on', '&', 'a']);

/** True when every word is capitalised or a small joining word: "Associated Press", "Staff Writer". */
function isTitleLike(s: string): boolean {
  const words = s.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  return words.every((w) => /^[\p{Lu}\d]/u.test(w) || TITLE_SMALL_WORDS.has(w));
}

export interface BylineLine {
  /** The names' words inside the line ("Tyler Henderson"), or null. */
  names: Span | null;
  date: { iso: string; span: Span } | null;
  /** The words meant as a date that could not be read (for CC204), or null. */
  badDate: Span | null;
}

/** True when `s` is one or more person names joined by commas / "and" / "&". */
export function isNameList(s: string): boolean {
  if (s.length === 0 || s.length > NAMES_MAX_CHARS) return false;
  for (const name of s.split(NAME_JOINER)) {
    const words = name.split(/\s+/).filter(Boolean);
    if (words.length === 0 || words.length > NAME_MAX_WORDS) return false;
    let capitals = 0;
    for (const w of words) {
      if (NAME_WORD.test(w)) capitals++;
      else if (!PARTICLES.has(w)) return false;
    }
    if (capitals === 0) return false;
  }
  return true;
}

interface Part {
  start: number;
  end: number;
}

function parts(line: string): Part[] {
  const out: Part[] = [];
  let from = 0;
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(line); m; m = SEPARATOR.exec(line)) {
    out.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  out.push({ start: from, end: line.length });
  return out;
}

/** A date filling the whole of [start, end) (bar punctuation and "on"/"at"), or null. */
function wholeDate(line: string, start: number, end: number): { iso: string; span: Span } | null {
  const seg = line.slice(start, end);
  const d = findDate(seg);
  if (!d) return null;
  const rest = seg.slice(0, d.index) + seg.slice(d.index + d.length);
  if (!/^[\s,.;:|()–—-]*(?:(?:on|at)\s*)?[\s,.;:|()–—-]*$/i.test(rest)) return null;
  return { iso: d.iso, span: { start: start + d.index, end: start + d.index + d.length } };
}

/** Reads a "By ..." part: names, then optionally ", Outlet" or ", DATE" / " on DATE". */
function byPart(line: string, start: number, end: number): { names: Span | null; date: { iso: string; span: Span } | null } | null {
  let s = start;
  let e = end;
  let date: { iso: string; span: Span } | null = null;
  const seg = line.slice(s, e);
  const d = findDate(seg);
  if (d) {
    date = { iso: d.iso, span: { start: s + d.index, end: s + d.index + d.length } };
    e = s + d.index;
    // "By NAME on DATE", "By NAME, DATE"
    const head = line.slice(s, e).replace(/(?:,|\s+on|\s+at)?\s*$/i, '');
    e = s + head.length;
  }
  let names = line.slice(s, e).trim();
  s += line.slice(s, e).indexOf(names);
  // "By NAME, Outlet" keeps the name; "By A, B and C" keeps them all.
  const comma = names.indexOf(',');
  if (comma >= 0) {
    const afterLast = names.slice(names.lastIndexOf(',') + 1);
    if (!/\s(?:and|&)\s/.test(afterLast) || !isNameList(names)) {
      // What follows the comma must read like an outlet or a job title, not a sentence ("By Monday, the talks ...").
      if (!isTitleLike(names.slice(comma + 1))) return null;
      names = names.slice(0, comma).trimEnd();
    }
  }
  if (!isNameList(names) || NOT_NAMES.test(names)) return null;
  return { names: { start: s, end: s + names.length }, date };
}

/** Reads one paragraph as a byline or date line, or returns null when it is neither. */
export function readBylineLine(line: string): BylineLine | null {
  if (line.length === 0 || line.length > BYLINE_MAX_CHARS || line.includes('\n')) return null;
  let names: Span | null = null;
  let date: { iso: string; span: Span } | null = null;
  let badDate: Span | null = null;
  const nameless: Part[] = [];
  for (const p of parts(line)) {
    let s = p.start;
    const e = p.end;
    const seg = line.slice(s, e);
    const label = DATE_LABEL.exec(seg);
    if (label && label[0].length > 0 && /[:\s]/.test(label[0])) {
      s += label[0].length;
      const d = wholeDate(line, s, e);
      if (d) date ??= d;
      else badDate ??= { start: s, end: e };
      continue;
    }
    const by = BY_PREFIX.exec(seg);
    if (by) {
      if (names) return null;
      const r = byPart(line, s + by[0].length, e);
      if (!r) return null;
      names = r.names;
      if (r.date) date ??= r.date;
      continue;
    }
    const d = wholeDate(line, s, e);
    if (d) {
      date ??= d;
      continue;
    }
    nameless.push({ start: s, end: e });
  }
  // "NAME | DATE": a bare name counts only beside a date part.
  for (const p of nameless) {
    const seg = line.slice(p.start, p.end).trim();
    const at = p.start + line.slice(p.start, p.end).indexOf(seg);
    if (!names && (date || badDate) && isNameList(seg)) {
      names = { start: at, end: at + seg.length };
      continue;
    }
    if (looksLikeDate(seg) && !date && seg.length <= DATE_PART_MAX_CHARS) {
      badDate ??= { start: at, end: at + seg.length };
      continue;
    }
    return null;
  }
  if (!names && !date && !badDate) return null;
  if (!names && !date && badDate && !DATE_LABEL.test(line)) {
    // A bare unreadable date line must at least look like one.
    if (!looksLikeDate(line.slice(badDate.start, badDate.end))) return null;
  }
  return { names, date, badDate };
}
