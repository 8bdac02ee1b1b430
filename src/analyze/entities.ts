/**
 * Named entities without a model: runs of capitalised words, cut into gazetteer names, titles and
 * free names, then resolved within the article. The recipe, per sentence:
 *
 *   1. Find runs of capitalised words ("Secretary of State Rex Tillerson"), joined by name
 *      connectors (of, de, bin, al ...) and initials ("John F. Kennedy"); a possessive ends a run.
 *   2. Cut each run left to right: the longest gazetteer name ("North Korean", "State Department"),
 *      a title ("Secretary of State", "Acting Assistant Secretary", "Mr."), which is left out of
 *      the name but makes it a person, or free words, which become a name of their own.
 *      Leading function words ("The", "Some") are dropped; days and months are not names.
 *   3. Type a free name: an org or place suffix decides; a title or job word before it
 *      ("professor Kim Sang-duk") makes a person; two to five name-like words are a person.
 *   4. Resolve single words: "Yun" takes the canonical of the full person name in the article with
 *      that first or last word (the most mentioned one; ties go to the nearest one before it);
 *      then the gazetteer's short forms ("Trump"); a capitalised common word ("Time will tell")
 *      or a sentence-initial word seen nowhere else capitalised is no name.
 *   5. Title-case sentences (headlines, captions) only take gazetteer names and names already
 *      found in the body: their capitals say nothing.
 *
 * Canonical ids are `type:slug`. `mergeAliases` does step 4 across articles for the story stage.
 */
import type { Context, Doc, Entity, EntityType, Span, Token } from '../model/index.js';
import { CONNECTORS, FUNCTION_WORDS, JOB_NOUNS, NON_PERSON_CONNECTORS, NOT_NAMES, ORG_PREFIXES, ORG_SUFFIXES, PLACE_PREFIXES, PLACE_SUFFIXES, TITLE_HEADS, TITLE_MODIFIERS, TITLE_OF_WORDS } from './entity-tables.js';
import { matchGazetteer, personShortForm, possessiveBase, slugify } from './gazetteer.js';
import { paragraphsOf, segmentText } from './segment.js';
import { tokenizeText } from './tokenize.js';
import { BEFORE_NAMES, NEVER_FINAL, OFTEN_FINAL } from './segment-abbreviations.js';

/** Share of capitalised content words above which a sentence is in title case (tuned on the seed headlines). */
const TITLE_CASE_SHARE = 0.75;
/** Of the capitalised words of a title-case sentence, the share (and least number) that are common words. */
const TITLE_CASE_COMMON_SHARE = 1 / 3;
const TITLE_CASE_MIN_COMMON = 2;
/** Fewest content words for the title-case test ("China is no friend" has two: not title case). */
const TITLE_CASE_MIN_WORDS = 3;
/** Most words in a free name typed as a person. */
const PERSON_MAX_WORDS = 5;
/** Longest known name tried in a title-case sentence, in tokens. */
const KNOWN_NAME_MAX_TOKENS = 6;

const OPENING_MARKS = new Set(['“', '‘', '"', "'", ':', '(', '—', '–', '-']);

interface Mention {
  first: number; // token indices [first, last)
  last: number;
  start: number;
  end: number;
  words: string[];
  type: EntityType | null;
  canonical: string | null;
  titled: boolean;
  initial: boolean;
  gazetteer: boolean;
}

interface Scan {
  text: string;
  tokens: readonly Token[];
  lowerWords: Set<string>;
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

function startsUpper(text: string, tok: Token): boolean {
  const c = text.charCodeAt(tok.start);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return isUpper(text[tok.start] ?? '');
}

/** A capitalised word, or a particle-prefixed name ("al-Assad", "el-Sisi"). */
function isCapWord(scan: Scan, tok: Token | undefined): boolean {
  if (!tok || tok.kind !== 'word') return false;
  if (startsUpper(scan.text, tok)) return true;
  const dash = tok.norm.indexOf('-');
  return dash > 0 && dash <= 3 && isUpper(scan.text[tok.start + dash + 1] ?? '');
}

function isPossessive(tok: Token): boolean {
  return possessiveBase(tok.norm) !== null;
}

function baseNorm(tok: Token): string {
  return possessiveBase(tok.norm) ?? tok.norm;
}

/** A single capital letter followed directly by a period token (an initial: "F."). */
function isInitialAt(scan: Scan, i: number): boolean {
  const tok = scan.tokens[i];
  const dot = scan.tokens[i + 1];
  return !!tok && !!dot && tok.end - tok.start === 1 && dot.start === tok.end && scan.text[dot.start] === '.' && dot.end - dot.start === 1 && startsUpper(scan.text, tok);
}

/** A title or place abbreviation followed directly by its period ("Sen.", "St.", "Gen."). */
function isAbbreviationAt(scan: Scan, i: number): boolean {
  const tok = scan.tokens[i];
  const dot = scan.tokens[i + 1];
  if (!tok || !dot || dot.start !== tok.end || scan.text[dot.start] !== '.' || dot.end - dot.start !== 1) return false;
  const surface = scan.text.slice(tok.start, tok.end);
  return NEVER_FINAL.has(surface) || BEFORE_NAMES.has(surface) || OFTEN_FINAL.has(surface);
}

/** End (exclusive) of the capitalised run starting at token i, within [i, limit). */
function runEnd(scan: Scan, i: number, limit: number): number {
  const { tokens } = scan;
  let j = i;
  for (;;) {
    const tok = tokens[j];
    if (!tok) return j;
    if ((isInitialAt(scan, j) || isAbbreviationAt(scan, j)) && j + 2 < limit && isCapWord(scan, tokens[j + 2])) {
      j += 2;
    } else {
      j++;
      if (isPossessive(tok)) return j;
    }
    if (j >= limit) return limit;
    if (isCapWord(scan, tokens[j])) continue;
    // connectors: "of", "bin", "de" (and "of the") between capitalised words
    let k = j;
    while (k < limit && tokens[k]?.kind === 'word' && (CONNECTORS.has(tokens[k]?.norm ?? '') || (tokens[k]?.norm === 'the' && tokens[k - 1]?.norm === 'of'))) k++;
    if (k > j && k < limit && isCapWord(scan, tokens[k])) {
      j = k;
      continue;
    }
    return j;
  }
}

/** End of a title run starting at token p (with at least one head word), else p. */
function titleEnd(scan: Scan, p: number, limit: number): number {
  const { tokens } = scan;
  let j = p;
  let head = -1;
  while (j < limit) {
    const tok = tokens[j];
    if (!tok || tok.kind !== 'word' || isPossessive(tok)) break;
    const norm = tok.norm;
    if (TITLE_HEADS.has(norm)) {
      head = j;
      j++;
      if (tokens[j]?.start === tok.end && scan.text[tokens[j]?.start ?? 0] === '.') j++; // "Sen."
      continue;
    }
    if (TITLE_MODIFIERS.has(norm)) {
      j++;
      continue;
    }
    if (norm === 'of' && head >= 0) {
      let k = j + 1;
      while (k < limit && TITLE_OF_WORDS.has(tokens[k]?.norm ?? '')) k++;
      if (k > j + 1 && tokens[k - 1]?.norm !== 'the') {
        j = k;
        head = k - 1;
        continue;
      }
    }
    break;
  }
  return head >= 0 ? Math.max(head + 1, j) : p;
}

function mention(scan: Scan, first: number, last: number, initial: boolean, titled: boolean): Mention | null {
  const { tokens } = scan;
  // trim connectors and stray periods at both ends
  while (first < last && !isCapWord(scan, tokens[first])) first++;
  while (last > first && !isCapWord(scan, tokens[last - 1])) last--;
  if (last <= first) return null;
  const words: string[] = [];
  for (let i = first; i < last; i++) {
    const tok = tokens[i];
    if (tok && tok.kind === 'word') words.push(baseNorm(tok));
  }
  const firstTok = tokens[first];
  const lastTok = tokens[last - 1];
  if (!firstTok || !lastTok) return null;
  const end = isPossessive(lastTok) ? lastTok.end - 2 : lastTok.end;
  return { first, last, start: firstTok.start, end, words, type: null, canonical: null, titled, initial, gazetteer: false };
}

/** The free name being collected inside a run (a plain object: no closure in the hot loop). */
interface FreeName {
  start: number;
  initial: boolean;
  titled: boolean;
}

function flushFree(scan: Scan, free: FreeName, to: number, out: Mention[]): void {
  if (free.start >= 0) {
    const m = mention(scan, free.start, to, free.initial, free.titled);
    if (m) out.push(m);
    free.titled = false;
  }
  free.start = -1;
  free.initial = false;
}

/** Cuts one capitalised run [a, b) into gazetteer names, titles and free names. */
function cutRun(scan: Scan, a: number, b: number, initial: boolean, out: Mention[]): void {
  const { text, tokens } = scan;
  const prev = tokens[a - 1];
  const free: FreeName = { start: -1, initial, titled: !!prev && prev.kind === 'word' && JOB_NOUNS.has(prev.norm) && !startsUpper(text, prev) };
  let p = a;
  while (p < b) {
    const tok = tokens[p];
    if (!tok) break;
    const gaz = matchGazetteer(text, tokens, p, b);
    if (gaz && !joinsFreeName(scan, gaz.end - p, gaz.entry.kind, gaz.possessive, free.start >= 0, gaz.end, b)) {
      flushFree(scan, free, p, out);
      const last = tokens[gaz.end - 1];
      if (last) {
        const words = [];
        for (let i = p; i < gaz.end; i++) words.push(baseNorm(tokens[i] as Token));
        out.push({ first: p, last: gaz.end, start: tok.start, end: gaz.possessive ? last.end - 2 : last.end, words, type: gaz.entry.type, canonical: gaz.entry.canonical, titled: false, initial: false, gazetteer: true });
      }
      p = gaz.end;
      free.initial = false;
      continue;
    }
    const t = titleEnd(scan, p, b);
    if (t > p) {
      flushFree(scan, free, p, out);
      free.titled = true;
      p = t;
      continue;
    }
    if (free.start < 0) {
      if (tok.kind === 'word' && (FUNCTION_WORDS.has(tok.norm) || NOT_NAMES.has(baseNorm(tok)))) {
        free.initial = false;
        p++;
        continue;
      }
      free.start = p;
    } else if (tok.kind === 'word' && NOT_NAMES.has(baseNorm(tok))) {
      flushFree(scan, free, p, out);
      p++;
      continue;
    }
    p++;
  }
  flushFree(scan, free, b, out);
}

/**
 * True when a one-word place name belongs to a longer free name instead ("George Washington",
 * "Jordan Peterson", "US Navy"): it follows free words, or free words follow it.
 */
function joinsFreeName(scan: Scan, length: number, kind: string, possessive: boolean, afterFree: boolean, next: number, limit: number): boolean {
  if (length !== 1 || kind === 'demonym') return false;
  if (afterFree) return true;
  if (possessive || next >= limit) return false;
  const tok = scan.tokens[next];
  if (!tok || !isCapWord(scan, tok) || FUNCTION_WORDS.has(tok.norm) || NOT_NAMES.has(baseNorm(tok)) || TITLE_HEADS.has(tok.norm) || TITLE_MODIFIERS.has(tok.norm)) return false;
  return matchGazetteer(scan.text, scan.tokens, next, limit) === null;
}

/**
 * A headline-style sentence: most content words capitalised, and a good share of those are
 * common words the article also writes in lower case ("Diplomatic Talks"), which names are not
 * ("Defense Secretary Lloyd Austin and Gen. Mark Milley testified" is a sentence, not a headline).
 */
function isTitleCase(scan: Scan, a: number, b: number): boolean {
  // cheap first: most sentences have many lower-case content words (b - a bounds the content words)
  let lower = 0;
  for (let i = a; i < b; i++) {
    const tok = scan.tokens[i];
    if (!tok || tok.kind !== 'word' || startsUpper(scan.text, tok) || FUNCTION_WORDS.has(tok.norm) || CONNECTORS.has(tok.norm)) continue;
    if (++lower > (b - a) * (1 - TITLE_CASE_SHARE)) return false;
  }
  let content = 0;
  let capital = 0;
  let common = 0;
  for (let i = a; i < b; i++) {
    const tok = scan.tokens[i];
    if (!tok || tok.kind !== 'word' || FUNCTION_WORDS.has(tok.norm) || CONNECTORS.has(tok.norm)) continue;
    content++;
    if (!startsUpper(scan.text, tok)) continue;
    capital++;
    if (scan.lowerWords.has(baseNorm(tok))) common++;
  }
  return content >= TITLE_CASE_MIN_WORDS && capital >= content * TITLE_CASE_SHARE && common >= Math.max(TITLE_CASE_MIN_COMMON, capital * TITLE_CASE_COMMON_SHARE);
}

/** Mentions in one ordinary sentence: tokens [a, b). */
function scanSentence(scan: Scan, a: number, b: number, out: Mention[]): void {
  const { tokens } = scan;
  let sawWord = false;
  let i = a;
  while (i < b) {
    const tok = tokens[i];
    if (!tok) break;
    if (isCapWord(scan, tok)) {
      const prev = tokens[i - 1];
      const initial = !sawWord || (i > a && !!prev && prev.kind === 'punct' && OPENING_MARKS.has(scan.text.slice(prev.start, prev.end)));
      const end = runEnd(scan, i, b);
      cutRun(scan, i, end, initial, out);
      sawWord = true;
      i = end;
      continue;
    }
    if (tok.kind === 'word' || tok.kind === 'number') sawWord = true;
    i++;
  }
}

function looksLikePerson(scan: Scan, m: Mention): boolean {
  if (m.words.length < 2 || m.words.length > PERSON_MAX_WORDS) return false;
  for (let i = m.first; i < m.last; i++) {
    const tok = scan.tokens[i];
    if (!tok || tok.kind !== 'word') continue;
    if (NON_PERSON_CONNECTORS.has(tok.norm)) return false;
    if (CONNECTORS.has(tok.norm)) continue;
    const surface = scan.text.slice(tok.start, tok.end);
    if (surface.length > 1 && surface === surface.toUpperCase()) return false; // acronyms
    if (scan.lowerWords.has(baseNorm(tok))) return false; // "World Cup": common words
  }
  return true;
}

function typeFreeName(scan: Scan, m: Mention): void {
  const last = m.words[m.words.length - 1] ?? '';
  let type: EntityType | null;
  if ((ORG_SUFFIXES.has(last) || ORG_PREFIXES.has(m.words[0] ?? '')) && m.words.length > 1) type = 'org';
  else if ((PLACE_SUFFIXES.has(last) || PLACE_PREFIXES.has(m.words[0] ?? '')) && m.words.length > 1) type = 'place';
  else if (m.words.length === 1) type = null; // one word: resolved against the article's full names
  else if (m.titled) type = 'person';
  else type = looksLikePerson(scan, m) ? 'person' : 'misc';
  m.type = type;
  if (type) m.canonical = `${type}:${slugify(m.words.join(' '))}`;
}

/** Full person names by their first and last word: canonical -> mention starts (in order). */
type FullNameIndex = Map<string, Map<string, number[]>>;

function indexFullNames(fullNames: readonly Mention[]): FullNameIndex {
  const index: FullNameIndex = new Map();
  for (const m of fullNames) {
    for (const w of new Set([m.words[0] ?? '', m.words[m.words.length - 1] ?? ''])) {
      let byCanonical = index.get(w);
      if (!byCanonical) index.set(w, (byCanonical = new Map()));
      const starts = byCanonical.get(m.canonical ?? '') ?? [];
      starts.push(m.start);
      byCanonical.set(m.canonical ?? '', starts);
    }
  }
  return index;
}

/** Step 4: single words take the canonical of a full person name, a short form, or are dropped. */
function resolveSingles(scan: Scan, mentions: Mention[]): Mention[] {
  const index = indexFullNames(mentions.filter((m) => m.type === 'person' && m.words.length > 1));
  const capitalisedElsewhere = new Set<string>();
  for (const m of mentions) if (!m.initial && m.words.length === 1) capitalisedElsewhere.add(m.words[0] ?? '');
  const kept: Mention[] = [];
  for (const m of mentions) {
    if (m.type !== null || m.words.length !== 1) {
      kept.push(m);
      continue;
    }
    const word = m.words[0] ?? '';
    const canonical = fullNameFor(index.get(word), m.start) ?? personShortForm(word);
    if (canonical) {
      m.type = 'person';
      m.canonical = canonical;
    } else if (TITLE_HEADS.has(word) || TITLE_MODIFIERS.has(word)) {
      continue; // "the President’s": a title naming no one
    } else if (m.titled) {
      m.type = 'person';
      m.canonical = `person:${slugify(word)}`;
    } else if (scan.lowerWords.has(word)) {
      continue; // "Time will tell": a common word the article also writes in lower case
    } else if (!m.initial || capitalisedElsewhere.has(word)) {
      m.type = 'misc';
      m.canonical = `misc:${slugify(word)}`;
    } else {
      continue;
    }
    if (m.canonical.endsWith(':')) continue; // nothing ASCII to name it by
    kept.push(m);
  }
  return kept;
}

/** The full name a single word stands for: the most mentioned one; ties to the nearest before `at`, else after. */
function fullNameFor(byCanonical: Map<string, number[]> | undefined, at: number): string | null {
  if (!byCanonical) return null;
  let best: string | null = null;
  let bestCount = 0;
  let bestRef = 0;
  for (const [canonical, starts] of byCanonical) {
    const ref = nearestStart(starts, at);
    if (best === null || starts.length > bestCount || (starts.length === bestCount && isNearer(ref, bestRef, at))) {
      best = canonical;
      bestCount = starts.length;
      bestRef = ref;
    }
  }
  return best;
}

/** Of sorted offsets, the last one at or before `at`, else the first one after it. */
function nearestStart(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? (starts[lo - 1] as number) : (starts[0] as number);
}

/** True when offset a is a nearer reference for `at` than b: the closest one before wins, else the closest after. */
function isNearer(a: number, b: number, at: number): boolean {
  const aBefore = a <= at;
  const bBefore = b <= at;
  if (aBefore !== bBefore) return aBefore;
  return aBefore ? a > b : a < b;
}

/** Step 5: names in a title-case sentence, from the gazetteer and the names found elsewhere. */
function scanTitleCase(scan: Scan, a: number, b: number, known: Map<string, Mention>, out: Mention[]): void {
  const { text, tokens } = scan;
  let i = a;
  while (i < b) {
    const tok = tokens[i];
    if (!tok || !isCapWord(scan, tok)) {
      i++;
      continue;
    }
    const gaz = matchGazetteer(text, tokens, i, b);
    if (gaz) {
      const last = tokens[gaz.end - 1] as Token;
      out.push({ first: i, last: gaz.end, start: tok.start, end: gaz.possessive ? last.end - 2 : last.end, words: [], type: gaz.entry.type, canonical: gaz.entry.canonical, titled: false, initial: false, gazetteer: true });
      i = gaz.end;
      continue;
    }
    let matched = false;
    const words: string[] = [];
    for (let j = i; j < b && j < i + KNOWN_NAME_MAX_TOKENS; j++) {
      const t = tokens[j];
      if (!t || t.kind !== 'word' || !isCapWord(scan, t)) break;
      words.push(baseNorm(t));
    }
    for (let n = words.length; n > 0 && !matched; n--) {
      const m = known.get(words.slice(0, n).join(' '));
      const last = tokens[i + n - 1];
      if (!m || !last) continue;
      out.push({ ...m, first: i, last: i + n, start: tok.start, end: isPossessive(last) ? last.end - 2 : last.end, initial: false });
      i += n;
      matched = true;
    }
    if (!matched) i++;
  }
}

/** Entity mentions of a text, sorted by position. */
export function findEntitiesIn(articleId: string, text: string, tokens: readonly Token[], sentences: readonly Span[]): Entity[] {
  const lowerWords = new Set<string>();
  for (const tok of tokens) if (tok.kind === 'word' && !startsUpper(text, tok)) lowerWords.add(tok.norm.endsWith("'s") ? baseNorm(tok) : tok.norm);
  const scan: Scan = { text, tokens, lowerWords };
  const mentions: Mention[] = [];
  const titleCase: [number, number][] = [];
  let t = 0;
  for (const s of sentences) {
    while (t < tokens.length && (tokens[t]?.end ?? 0) <= s.start) t++;
    let e = t;
    while (e < tokens.length && (tokens[e]?.start ?? Infinity) < s.end) e++;
    if (isTitleCase(scan, t, e)) titleCase.push([t, e]);
    else scanSentence(scan, t, e, mentions);
    t = e;
  }
  for (const m of mentions) if (m.type === null) typeFreeName(scan, m);
  const resolved = resolveSingles(scan, mentions);
  const known = new Map<string, Mention>();
  for (const m of resolved) if (!m.gazetteer && m.words.length > 0) known.set(m.words.join(' '), m);
  for (const [a, b] of titleCase) scanTitleCase(scan, a, b, known, resolved);
  resolved.sort((x, y) => x.start - y.start || y.end - x.end);
  return resolved
    .filter((m) => m.canonical !== null && m.type !== null && m.end > m.start)
    .map((m) => ({ articleId, span: { start: m.start, end: m.end }, text: text.slice(m.start, m.end), type: m.type as EntityType, canonical: m.canonical as string }));
}

export function findEntities(doc: Doc, ctx: Context): Doc {
  void ctx;
  const tokens = doc.tokens.length > 0 || doc.text.length === 0 ? doc.tokens : tokenizeText(doc.text);
  const sentences = doc.sentences.length > 0 ? doc.sentences : segmentText(doc.text, tokens, paragraphsOf(doc));
  return { ...doc, entities: findEntitiesIn(doc.id, doc.text, tokens, sentences) };
}

/**
 * Merges person aliases across articles, for the story stage: given the canonical ids of a
 * story's entities (repeats count as mentions), returns a map from each single-word person id
 * ("person:trump", "person:yun") to the full-name id it stands for ("person:donald-trump",
 * "person:joseph-yun"): the most mentioned full name whose first or last word it is, ties to
 * the alphabetically first; then the gazetteer's short forms. Ids that need no change are absent.
 *
 *   const alias = mergeAliases(articles.flatMap((a) => a.entities.map((e) => e.canonical)));
 *   const id = alias.get(entity.canonical) ?? entity.canonical;
 */
export function mergeAliases(canonicalIds: readonly string[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const id of canonicalIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const byWord = new Map<string, string[]>();
  for (const id of counts.keys()) {
    if (!id.startsWith('person:')) continue;
    const parts = id.slice(7).split('-');
    if (parts.length < 2) continue;
    for (const w of new Set([parts[0] ?? '', parts[parts.length - 1] ?? ''])) {
      const list = byWord.get(w) ?? [];
      list.push(id);
      byWord.set(w, list);
    }
  }
  const out = new Map<string, string>();
  for (const id of counts.keys()) {
    if (!id.startsWith('person:')) continue;
    const word = id.slice(7);
    if (word.includes('-')) continue;
    const candidates = [...(byWord.get(word) ?? [])].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b));
    const target = candidates[0] ?? personShortForm(word);
    if (target && target !== id) out.set(id, target);
  }
  return out;
}
