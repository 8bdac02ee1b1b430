/**
 * Entity mentions for comparison. The analysis layer's entities when there are any; else a
 * fallback that takes runs of capitalised words as names (titles stripped, demonyms and
 * aliases split off). Keys are the slug part of a canonical id, passed through the alias
 * table, so "place:north-korea", a fallback "North Korea" and "North Korean" all read
 * "north-korea". Across articles, a one-word person key ("yun") is merged into the one full
 * name that ends with it ("joseph-yun") when exactly one does.
 */
import type { Article } from '../model/index.js';
import { LEXICON, aliasKey, isCaseSensitiveAlias } from './concepts.js';
import { stem } from './stem.js';
import { STOPWORDS, type Word } from './words.js';

export interface Mention {
  /** Word indices [first, last) in the article's word list. */
  first: number;
  last: number;
  key: string;
  /** The canonical's type ("person"...) or "name" for a fallback run. */
  type: string;
}

// Words that precede a name without being part of it (fallback names only).
const TITLES: ReadonlySet<string> = new Set(
  ('president vice prime minister secretary state foreign defense defence acting assistant deputy ambassador envoy senator sen ' +
    'rep representative governor gov mayor judge justice chancellor king queen prince princess pope general gen colonol col ' +
    'lieutenant lt sergeant captain officer chief director ceo chairman chairwoman professor prof dr mr mrs ms sir lord lady ' +
    'attorney commissioner spokesman spokeswoman spokesperson leader dictator former late sheikh rev reverend bishop cardinal').split(' '),
);

/** Mentions of one article, sorted by position, with keys before the story-level merge. */
export function findMentions(article: Article, words: readonly Word[]): Mention[] {
  const fallback = fallbackMentions(article.text, words);
  if (article.entities.length === 0) return fallback;
  // The layer's entities, plus fallback names where the layer has none ("Yun's" it missed).
  const layer = layerMentions(article, words);
  const covered = new Uint8Array(words.length);
  for (const m of layer) for (let k = m.first; k < m.last; k++) covered[k] = 1;
  for (const m of fallback) {
    let free = true;
    for (let k = m.first; k < m.last && free; k++) if (covered[k]) free = false;
    if (free) layer.push(m);
  }
  return layer.sort((a, b) => a.first - b.first || b.last - a.last);
}

function layerMentions(article: Article, words: readonly Word[]): Mention[] {
  const out: Mention[] = [];
  for (const e of article.entities) {
    const first = lowerBound(words, e.span.start);
    let last = first;
    while (last < words.length && (words[last]?.start ?? Infinity) < e.span.end) last++;
    if (last <= first) continue;
    const colon = e.canonical.indexOf(':');
    const slug = colon >= 0 ? e.canonical.slice(colon + 1) : e.canonical;
    out.push({ first, last, key: aliasKey(slug.toLowerCase()), type: e.type });
  }
  return out.sort((a, b) => a.first - b.first || b.last - a.last);
}

function fallbackMentions(text: string, words: readonly Word[]): Mention[] {
  // Words seen capitalised away from a sentence start: the evidence that a sentence-initial
  // capital is a name and not just the first word.
  const midCapitals = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w && w.isCapitalised && !isSentenceInitial(text, words, i)) midCapitals.add(w.norm);
  }
  const out: Mention[] = [];
  let i = 0;
  while (i < words.length) {
    if (!isNameWord(words[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < words.length && isNameWord(words[j]) && isJoined(text, words, j)) j++;
    splitRun(text, words, i, j, midCapitals, out);
    i = j;
  }
  return out;
}

function isNameWord(w: Word | undefined): boolean {
  return w !== undefined && w.isCapitalised && !w.isNumber;
}

/** True when only one space or a hyphen separates word j from word j-1. */
function isJoined(text: string, words: readonly Word[], j: number): boolean {
  const prev = words[j - 1];
  const cur = words[j];
  if (!prev || !cur) return false;
  const gap = text.slice(prev.end, cur.start);
  return gap === ' ' || gap === '-' || gap === '\u00a0';
}

function isSentenceInitial(text: string, words: readonly Word[], i: number): boolean {
  const w = words[i];
  if (!w) return false;
  for (let k = w.start - 1; k >= 0; k--) {
    const c = text.charAt(k);
    if (c === '\n') return true;
    if (c === ' ' || c === '\t') continue;
    return /[.!?:"“”‘'(]/.test(c);
  }
  return true;
}

/** Cuts a capitalised run into aliases ("U.S.", "North Korean") and names (titles dropped). */
function splitRun(text: string, words: readonly Word[], from: number, to: number, midCapitals: ReadonlySet<string>, out: Mention[]): void {
  let pending = from;
  let i = from;
  const flush = (end: number): void => {
    let s = pending;
    while (s < end && (TITLES.has(words[s]?.norm ?? '') || STOPWORDS.has(words[s]?.norm ?? ''))) s++;
    let e = end;
    while (e > s && STOPWORDS.has(words[e - 1]?.norm ?? '')) e--;
    if (e > s) {
      const first = words[s];
      const single = e - s === 1;
      const inLexicon = single && first !== undefined && LEXICON.phrases.has(stem(first.norm));
      const initialOnly = single && first !== undefined && isSentenceInitial(text, words, s) && !midCapitals.has(first.norm);
      if (!inLexicon && !initialOnly) {
        const slug = words.slice(s, e).map((w) => w.norm.replace(/['’]s$/, '')).join('-');
        out.push({ first: s, last: e, key: aliasKey(slug), type: 'name' });
      }
    }
  };
  while (i < to) {
    const alias = aliasAt(text, words, i, to);
    if (alias) {
      flush(i);
      out.push({ first: i, last: i + alias.length, key: alias.key, type: 'alias' });
      i += alias.length;
      pending = i;
    } else i++;
  }
  flush(to);
}

/** The longest alias phrase starting at word i (within [i, to)), if any. */
export function aliasAt(text: string, words: readonly Word[], i: number, to: number): { key: string; length: number } | null {
  const m = phraseAt(text, words, i, to);
  if (m && m.id.startsWith('e:')) return { key: m.id.slice(2), length: m.length };
  return null;
}

/** The longest lexicon phrase (concept or alias) starting at word i, if any. */
export function phraseAt(text: string, words: readonly Word[], i: number, to: number): { id: string; length: number; also: readonly string[] } | null {
  let key = '';
  let best: { id: string; length: number; also: readonly string[] } | null = null;
  for (let n = 0; n < LEXICON.maxWords && i + n < to; n++) {
    const w = words[i + n];
    if (!w) break;
    if (n > 0 && !isJoinedLoose(text, words, i + n)) break;
    key = n === 0 ? stem(w.norm) : `${key} ${stem(w.norm)}`;
    const id = LEXICON.phrases.get(key);
    if (id !== undefined && !(n === 0 && isCaseSensitiveAlias(w.norm) && text.slice(w.start, w.end) !== text.slice(w.start, w.end).toUpperCase())) {
      best = { id, length: n + 1, also: LEXICON.also.get(key) ?? [] };
    }
    // No longer phrase starts with these words: stop (the same answer, without the lookups).
    if (!LEXICON.prefixes.has(key)) break;
  }
  return best;
}

/** Words in one phrase: separated by spaces or a hyphen, not by other punctuation. */
function isJoinedLoose(text: string, words: readonly Word[], j: number): boolean {
  const prev = words[j - 1];
  const cur = words[j];
  if (!prev || !cur) return false;
  return /^[\s-]{1,3}$/.test(text.slice(prev.end, cur.start)) || text.slice(prev.end, cur.start) === "'s ";
}

/** Story-level merge: one-word person keys into the single full name ending with them. */
export function mergeKeys(mentions: readonly (readonly Mention[])[]): Map<string, string> {
  const full = new Map<string, Set<string>>();
  const singles = new Set<string>();
  for (const list of mentions) {
    for (const m of list) {
      if (!isPersonLike(m.type)) continue;
      const parts = m.key.split('-');
      if (parts.length === 1) singles.add(m.key);
      else {
        const last = parts[parts.length - 1] ?? '';
        const set = full.get(last) ?? new Set<string>();
        set.add(m.key);
        full.set(last, set);
      }
    }
  }
  const out = new Map<string, string>();
  for (const s of singles) {
    const candidates = full.get(s);
    if (candidates && candidates.size === 1) out.set(s, [...candidates][0] ?? s);
  }
  // One place or institution named with and without its kind: "the Betty Ford Clinic" / "the
  // Betty Ford Center", "the island of Qeshm" / "Qeshm". Keys that are the same name once a
  // generic head ("clinic", "center") or a leading "island of" is taken off become one (the
  // shortest, then the first in order), when that name is two words or more or the bare name
  // is itself a key of the story.
  const byCore = new Map<string, Set<string>>();
  const keys = new Set<string>();
  for (const list of mentions) for (const m of list) if (m.type !== 'alias') keys.add(m.key);
  for (const k of keys) {
    const core = nameCore(k);
    if (core === k && !byCore.has(k)) continue;
    if (core !== k && core.split('-').length < 2 && !keys.has(core)) continue;
    const set = byCore.get(core) ?? new Set<string>();
    set.add(k);
    byCore.set(core, set);
  }
  for (const [core, set] of byCore) {
    if (keys.has(core)) set.add(core);
    if (set.size < 2) continue;
    const target = [...set].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0] ?? core;
    for (const k of set) if (k !== target && !out.has(k)) out.set(k, out.get(target) ?? target);
  }
  return out;
}

// Generic heads of institution and place names (our own list, from ECB+ dev misses: "Betty
// Ford Clinic" / "Betty Ford Center").
const GENERIC_HEADS: ReadonlySet<string> = new Set(
  'center centre clinic hospital facility institute school college university company corp corporation inc ltd group club stadium arena airport station prison jail'.split(' '),
);
const GENERIC_LEADS = /^(?:island|city|town|province|county|state|port|village|republic|gulf|bay|lake|mount|river)-of-/;

/** A key without a generic head or a leading "island of" ("betty-ford-clinic" -> "betty-ford"). */
function nameCore(key: string): string {
  const lead = GENERIC_LEADS.exec(key);
  if (lead) return key.slice(lead[0].length);
  const parts = key.split('-');
  if (parts.length >= 3 && GENERIC_HEADS.has(parts[parts.length - 1] ?? '')) return parts.slice(0, -1).join('-');
  return key;
}

/** A capitalised title before a name ("President", "Secretary of State"): the name's words, not the claim's. */
export function isTitleWord(norm: string): boolean {
  return TITLES.has(norm);
}

export function isPersonLike(type: string): boolean {
  return type === 'person' || type === 'name';
}

/** Index of the first word that ends after `offset`. */
export function lowerBound(words: readonly Word[], offset: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid]?.end ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
