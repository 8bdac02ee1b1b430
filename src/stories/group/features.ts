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
}

/** Words of text read per article: enough for any news story, bounded for a 1 MB one. */
const MAX_CHARS = 60_000;
/** Entity types that identify an event; 'misc' (nationalities, events named loosely) says little. */
const EVENT_ENTITY_TYPES: ReadonlySet<string> = new Set(['person', 'org', 'place', 'group']);

export function articleFeatures(article: Article): Features {
  const text = article.text.length > MAX_CHARS ? article.text.slice(0, MAX_CHARS) : article.text;
  const ws = words(text);
  const counts = new Map<string, number>();
  const titleEnd = article.fields.title?.from === 'text' && article.fields.title.span ? article.fields.title.span.end : 0;
  for (const w of ws) {
    if (w.isNumber || !isContentWord(w)) continue;
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
