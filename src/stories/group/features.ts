/**
 * What the clusterer needs from one article, computed beside the analysis (on the worker
 * threads): content-word stems with their counts (title words count double: a headline names
 * the event), canonical entities by mention count, a MinHash signature, and the time.
 * Nothing here depends on the rest of the collection, so it can run anywhere, in any order.
 */
import type { Article } from '../../model/index.js';
import { stem } from '../stem.js';
import { isContentWord, words } from '../words.js';
import { signature } from './minhash.js';

export interface Features {
  /** Stems of content words and their counts, heaviest first. */
  terms: [string, number][];
  /** Canonical entity ids, most mentioned first. */
  entities: string[];
  minhash: number[];
  /** Milliseconds since the epoch, or null when the date is unknown. */
  time: number | null;
  /**
   * What the text says of when: the years it names (`#y2008`), most mentioned first. Two
   * events of the same kind are often years apart (the 2008 riots and the 2010 firebombing),
   * and reports of one event name its year alike, also where no publication date is known.
   */
  marks: string[];
}

/** A mark is never a term (stems are letters and digits); the clusterer keeps marks after the terms. */
export const YEAR_MARK = '#y';
/** A four-digit number read as a year (other numbers are left out: counts and ages join unrelated court stories). */
const YEAR_RE = /^(?:1[89]\d\d|20[0-4]\d)$/;
/** Years kept per article. */
const MAX_MARKS = 6;

/** Words of text read per article: enough for any news story, bounded for a 1 MB one. */
const MAX_CHARS = 60_000;
/** Entity types that identify an event; 'misc' (nationalities, events named loosely) says little. */
const EVENT_ENTITY_TYPES: ReadonlySet<string> = new Set(['person', 'org', 'place', 'group']);

export function articleFeatures(article: Article): Features {
  const text = article.text.length > MAX_CHARS ? article.text.slice(0, MAX_CHARS) : article.text;
  const ws = words(text);
  const counts = new Map<string, number>();
  const marks = new Map<string, number>();
  const titleEnd = article.fields.title?.from === 'text' && article.fields.title.span ? article.fields.title.span.end : 0;
  for (const w of ws) {
    if (w.isNumber) {
      if (YEAR_RE.test(w.norm)) marks.set(YEAR_MARK + w.norm, (marks.get(YEAR_MARK + w.norm) ?? 0) + 1);
      continue;
    }
    if (!isContentWord(w)) continue;
    const t = stem(w.norm);
    counts.set(t, (counts.get(t) ?? 0) + (w.start < titleEnd ? 2 : 1));
  }
  if (titleEnd === 0 && article.title) {
    for (const w of words(article.title)) if (!w.isNumber && isContentWord(w)) counts.set(stem(w.norm), (counts.get(stem(w.norm)) ?? 0) + 1);
  }
  const ent = new Map<string, number>();
  for (const e of article.entities) {
    if (!EVENT_ENTITY_TYPES.has(e.type) || e.span.start >= MAX_CHARS) continue;
    ent.set(e.canonical, (ent.get(e.canonical) ?? 0) + 1);
  }
  return {
    terms: byCount(counts),
    entities: byCount(ent).map(([e]) => e),
    minhash: signature(ws.map((w) => w.norm)),
    time: timeOf(article.publishedAt),
    marks: byCount(marks).slice(0, MAX_MARKS).map(([m]) => m),
  };
}

/** An article's publication as milliseconds since the epoch (null when unknown or unreadable). */
export function timeOf(publishedAt: string | null): number | null {
  const parsed = publishedAt ? Date.parse(publishedAt) : NaN;
  return Number.isFinite(parsed) ? parsed : null;
}

/** Entries by count, highest first, ties in code-unit order of the key. */
function byCount(m: Map<string, number>): [string, number][] {
  // Most counts are small and shared by many keys: the keys of each count sorted by the
  // built-in string order cost far less than one comparator call per pair of entries.
  const byN = new Map<number, string[]>();
  for (const [key, n] of m) {
    const keys = byN.get(n);
    if (keys) keys.push(key);
    else byN.set(n, [key]);
  }
  const out: [string, number][] = [];
  for (const n of [...byN.keys()].sort((a, b) => b - a)) for (const key of (byN.get(n) as string[]).sort()) out.push([key, n]);
  return out;
}
