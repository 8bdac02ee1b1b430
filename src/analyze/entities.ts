/**
 * Named entities: a trained sequence tagger finds the names and their class, then the names get
 * the types a reader expects and canonical ids that merge aliases within the article. The recipe:
 *
 *   1. The tagger (tagger/: averaged structured perceptron, BILOU over PER/ORG/LOC/MISC, trained
 *      on CoNLL-2003 by `npm run train:entities`) tags crosscheck's own tokens. Our gazetteer,
 *      title and job words, org and place suffixes and the article's own use of a word in lower
 *      case are features of it, not decisions.
 *   2. Types: PER person, ORG org, LOC place; MISC is group when it is a nationality or a group
 *      the gazetteer knows ("North Korean", "Democrats"), else misc (events, works, other names).
 *   3. Canonical ids (`type:slug`): a name the gazetteer knows in the same class takes its id
 *      ("Pyongyang" -> place:north-korea, "North Korean" -> place:north-korea, "U.N." ->
 *      org:united-nations); one the gazetteer knows in another class keeps its own ("Japan" as a
 *      team is org:japan). A one-word person takes the full name in the article with that first
 *      or last word (the most mentioned one; ties to the nearest one before it), then the
 *      gazetteer's short forms ("Trump").
 *
 * `mergeAliases` does step 3 across articles for the story stage. How our types score as
 * CoNLL's: tagger/conll.ts (`conllTypeOf`); the figures: eval/entities-conll.ts.
 */
import type { Context, Doc, Entity, EntityType, Span, Token } from '../model/index.js';
import { JOB_NOUNS, TITLE_HEADS, TITLE_MODIFIERS } from './entity-tables.js';
import { matchGazetteer, personShortForm, slugify } from './gazetteer.js';
import { paragraphsOf, segmentText } from './segment.js';
import { tokenizeText } from './tokenize.js';
import { nameSpan, tagNames } from './tagger/model.js';

/** Tagger classes (tags.ts) as our types; MISC is refined by `typeOf`. */
const CLASS_TYPES: readonly EntityType[] = ['person', 'org', 'place', 'misc'];

interface Mention {
  first: number; // token indices [first, last)
  last: number;
  start: number;
  end: number;
  words: string[];
  type: EntityType;
  canonical: string;
  /** The gazetteer knows the name in this class. */
  known: boolean;
}

function baseNorm(tok: Token): string {
  const norm = tok.norm;
  return norm.length > 2 && norm.endsWith("'s") ? norm.slice(0, -2) : norm;
}

/** Type and canonical id of a tagged name of class `klass` over tokens [first, last). */
function mentionOf(text: string, tokens: readonly Token[], first: number, last: number, klass: number, span: Span): Mention {
  const words: string[] = [];
  for (let i = first; i < last; i++) {
    const tok = tokens[i] as Token;
    if (tok.kind === 'word' || tok.kind === 'number') words.push(baseNorm(tok));
  }
  let type = CLASS_TYPES[klass] ?? 'misc';
  let canonical: string | null = null;
  let known = false;
  const gaz = matchGazetteer(text, tokens, first, last);
  if (gaz && gaz.end === last) {
    const e = gaz.entry;
    if (type === 'misc' && (e.kind === 'demonym' || e.type === 'group')) {
      type = 'group';
      canonical = e.canonical;
      known = true;
    } else if (e.kind !== 'demonym' && (e.type === type || (e.type === 'group' && type === 'org'))) {
      canonical = e.canonical;
      known = true;
    }
  }
  canonical ??= `${type}:${slugify(words.join(' '))}`;
  return { first, last, start: span.start, end: span.end, words, type, canonical, known };
}

/** Full person names by their first and last word: canonical -> mention starts (in order). */
type FullNameIndex = Map<string, Map<string, number[]>>;

function indexFullNames(fullNames: readonly Mention[]): FullNameIndex {
  const index: FullNameIndex = new Map();
  for (const m of fullNames) {
    for (const w of new Set([m.words[0] ?? '', m.words[m.words.length - 1] ?? ''])) {
      let byCanonical = index.get(w);
      if (!byCanonical) index.set(w, (byCanonical = new Map()));
      const starts = byCanonical.get(m.canonical) ?? [];
      starts.push(m.start);
      byCanonical.set(m.canonical, starts);
    }
  }
  return index;
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

/**
 * Step 3 for one-word names: a person takes the full name in the article, else a gazetteer short
 * form. A one-word name of another class that is the first or last word of a full person name in
 * the article is that person ("Joseph Yun ... Yun said": the tagger, which has not seen "Yun"
 * before, may call it misc) or a well-known person's short form ("Trump's envoy", which it may
 * call an organisation), unless the gazetteer knows it in its class ("Washington" the city).
 */
function resolveSingles(mentions: Mention[]): void {
  const index = indexFullNames(mentions.filter((m) => m.type === 'person' && m.words.length > 1));
  for (const m of mentions) {
    if (m.words.length !== 1) continue;
    const word = m.words[0] ?? '';
    const full = fullNameFor(index.get(word), m.start);
    if (m.type === 'person') {
      const canonical = full ?? personShortForm(word);
      if (canonical) m.canonical = canonical;
    } else if (!m.known) {
      const person = full ?? personShortForm(word);
      if (person) {
        m.type = 'person';
        m.canonical = person;
      }
    }
  }
}

/**
 * One name, one type within an article: the tagger reads each mention in its own context and may
 * call "Osprey Trader" a person in one sentence and an organisation in the next, which would give
 * one ship two canonical ids. Each name takes the type most of its mentions have (ties: the first
 * mention's), and with it that type's canonical id. This costs 0.6 F1 on eng.testa, whose
 * sports pages use one word for two things ("Japan" the team and the country; voting on names of
 * two words or more only cost 0.2), and buys one id per name for clustering and alignment, which
 * need it more (the ferry examples: "Marrowby" was a place, an organisation and a person).
 */
function agreeWithin(mentions: Mention[]): void {
  const byName = new Map<string, Map<EntityType, number>>();
  const keys = mentions.map((m) => m.words.join(' '));
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    const key = keys[i] as string;
    let votes = byName.get(key);
    if (!votes) byName.set(key, (votes = new Map()));
    votes.set(m.type, (votes.get(m.type) ?? 0) + 1);
  }
  const chosen = new Map<string, Mention>();
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i] as Mention;
    const key = keys[i] as string;
    const votes = byName.get(key);
    if (!votes || votes.size === 1) continue;
    let best = chosen.get(key);
    if (!best) {
      let type = m.type;
      for (const [t, n] of votes) if (n > (votes.get(type) ?? 0)) type = t;
      best = mentions.find((x, j) => x.type === type && keys[j] === key) as Mention;
      chosen.set(key, best);
    }
    m.type = best.type;
    m.canonical = best.canonical;
    m.known = best.known;
  }
}

/**
 * First token of a person's name after the titles and role words the tagger took in with it
 * ("Mayor Jane Doe", "Sgt. Maria Lopez", "Defender Hassan Abbas" at the start of a sentence):
 * a title is not part of the name (nor is it in CoNLL's). At least one word is left.
 */
function afterTitles(tokens: readonly Token[], first: number, last: number): number {
  let i = first;
  while (i < last - 1) {
    const tok = tokens[i] as Token;
    if (tok.kind === 'punct' && tok.norm === '.' && i > first) {
      i++;
      continue;
    }
    if (tok.kind !== 'word' || !(TITLE_HEADS.has(tok.norm) || TITLE_MODIFIERS.has(tok.norm) || JOB_NOUNS.has(tok.norm))) break;
    i++;
  }
  while (i < last - 1 && (tokens[i] as Token).kind !== 'word') i++;
  return i;
}

/** Entity mentions of a text, sorted by position. */
export function findEntitiesIn(articleId: string, text: string, tokens: readonly Token[], sentences: readonly Span[]): Entity[] {
  const { names, prepared } = tagNames(text, tokens, sentences);
  const mentions: Mention[] = [];
  for (const n of names) {
    if (n.klass === 0) n.first = afterTitles(tokens, n.first, n.last);
    const span = nameSpan(prepared, n);
    if (span.end <= span.start) continue;
    const m = mentionOf(text, tokens, n.first, n.last, n.klass, span);
    if (m.canonical.endsWith(':')) continue; // nothing ASCII to name it by
    // a one-word name opening a sentence that the article also writes in lower case ("Visibility
    // was poor"): the tagger leans on the capital; the article's own use says it is a common word
    if (m.words.length === 1 && !m.known && prepared.sentPos[n.first] === 0 && (prepared.docBits[n.first] as number) & 1) continue;
    mentions.push(m);
  }
  mentions.push(...knownPersonsMissed(text, tokens, names));
  mentions.sort((a, b) => a.start - b.start);
  agreeWithin(mentions);
  resolveSingles(mentions);
  return mentions.map((m) => ({ articleId, span: { start: m.start, end: m.end }, text: text.slice(m.start, m.end), type: m.type, canonical: m.canonical }));
}

/**
 * Step 1b, a recall backstop: a capitalised name the gazetteer knows as a person ("Trump",
 * "Donald Trump", "Mr. Trump" after its title) that the tagger left untagged. The tagger learned
 * from Reuters news of 1996: today's public figures at the start of a sentence or after "Mr." are
 * its blind spot, and a missed speaker costs every later stage (quotes, attributions, alignment).
 * Persons only: the gazetteer's places and organisations are often common words too.
 */
function knownPersonsMissed(text: string, tokens: readonly Token[], names: readonly { first: number; last: number }[]): Mention[] {
  const covered = new Uint8Array(tokens.length);
  for (const n of names) for (let i = n.first; i < n.last; i++) covered[i] = 1;
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    if (covered[i] || tok.kind !== 'word' || !isCapital(text.charCodeAt(tok.start))) continue;
    const gaz = matchGazetteer(text, tokens, i, tokens.length);
    let end = -1;
    if (gaz && gaz.entry.type === 'person') end = gaz.end;
    else if (personShortForm(tok.norm) !== null) end = i + 1;
    if (end <= i) continue;
    let free = true;
    for (let j = i; j < end; j++) if (covered[j] || !isCapital(text.charCodeAt((tokens[j] as Token).start))) free = false;
    if (!free) continue;
    const last = tokens[end - 1] as Token;
    const stop = gaz?.possessive && gaz.end === end ? last.start + last.norm.length - 2 : last.end;
    out.push(mentionOf(text, tokens, i, end, 0, { start: tok.start, end: stop }));
    i = end - 1;
  }
  return out;
}

function isCapital(c: number): boolean {
  return c >= 65 && c <= 90;
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
