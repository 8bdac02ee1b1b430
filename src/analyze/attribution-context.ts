/**
 * The shared parts of attribution-sources.ts: the cue types, the context a text is read in, and
 * the token tests every part uses (case, name periods, spans, entities, role words, adverbs).
 */
import type { AttributionKind, Entity, Span, Token } from '../model/index.js';
import { BEFORE_NAMES, NEVER_FINAL } from './segment-abbreviations.js';
import { GENERIC_HEADS } from './attribution-tables.js';
import type { Gender } from './speakers/gender.js';
import type { TokenBits } from './word-bits.js';

/** Words that can describe a person right before the name ("nominee Donald Trump"), besides GENERIC_HEADS and ROLE_SUFFIXES. */
export const ROLE_WORDS = new Set([
  'widow', 'widower', 'chief', 'general', 'head', 'host', 'star', 'mogul', 'judge', 'coach', 'aide', 'candidate', 'nominee', 'mayor',
  'justice', 'chair', 'boss', 'pundit', 'guru', 'wife', 'husband', 'son', 'daughter', 'mother', 'father', 'brother', 'sister',
  'friend', 'partner', 'rival', 'colleague', 'ally', 'opponent', 'veteran', 'candidate', 'hopeful', 'physician', 'magnate',
  'tycoon', 'billionaire', 'businessman', 'businesswoman', 'congressman', 'congresswoman', 'secretary', 'president', 'vice',
  'deputy', 'senior', 'former', 'incumbent', 'running', 'mate', 'campaign', 'party', 'state', 'gop', 'democratic', 'republican',
  // PolNeAR train sources cut at the name ("Retired neurosurgeon Ben Carson", "FBI general counsel James Baker")
  'counsel', 'surgeon', 'neurosurgeon', 'attorney', 'anchor', 'icon', 'legend', 'bishop', 'rabbi', 'imam', 'priest', 'envoy',
  'entrepreneur', 'chef', 'sheriff', 'pope', 'mom', 'dad', 'grandmother', 'grandfather', 'uncle', 'aunt', 'cousin', 'nephew', 'niece',
  'fan', 'guest', 'retired', 'longtime', 'veteran', 'fellow', 'top', 'acting', 'interim', 'outgoing', 'incoming',
  // roles of a ship, a school, a hospital, a firm that no suffix catches ("the captain of the Kestrel Dawn")
  'captain', 'pilot', 'nurse', 'dean', 'clerk', 'ceo',
]);
const ROLE_SUFFIXES = ['er', 'or', 'ist', 'ian', 'ent', 'ant', 'man', 'woman', 'ee', 'ive', 'ess', 'ary', 'ate', 'al', 'ic'];

export interface Cue {
  /** The cue words ("said", "according to"). */
  cue: Span;
  /** The source phrase, or null (dangling). */
  source: Span | null;
  kind: AttributionKind;
  canonical: string | null;
  /** The outlet or agency relayed (kind 'relayed', or the outlet a named or anonymous source told), else null. */
  outlet: string | null;
  /** The words that name the speaker: the antecedent's for a resolved pronoun, else the source. */
  speaker: Span | null;
  /** True when nothing names the source (an unresolved pronoun). */
  unresolved: boolean;
  sentence: number;
}

export interface CueInput {
  text: string;
  tokens: readonly Token[];
  sentences: readonly Span[];
  entities: readonly Entity[];
  /** Quoted passages: cues inside them are the quoted speaker's words, not attributions. */
  quoted: readonly Span[];
  /** The word-table bits of `tokens` (word-bits.ts), when the run has them; else looked up here. */
  bits?: TokenBits;
}

export interface Ctx extends CueInput {
  /** Anonymous sources found so far, by sentence (antecedents for pronouns). */
  anonymous: Map<number, { span: Span; plural: boolean; person: boolean }[]>;
  /** Token range of each sentence. */
  ranges: [number, number][];
  /** Person gender as the text gives it (speakers/gender.ts): "he" skips a person called "she". Made on the first he/she. */
  genders?: Map<string, Gender>;
  /** personByLastWord's map, once made. */
  personLastWords?: Map<string, string>;
}

export function isLower(text: string, tok: Token): boolean {
  const c = text.charCodeAt(tok.start);
  return c >= 97 && c <= 122;
}
export function isCapital(text: string, tok: Token | undefined): boolean {
  if (!tok || tok.kind !== 'word') return false;
  const ch = text[tok.start] ?? '';
  return ch !== ch.toLowerCase();
}
/** A period inside a name: after an initial ("John F. Kennedy") or a title abbreviation ("Sgt. Maria Lopez"). */
export function isNamePeriod(text: string, tokens: readonly Token[], k: number): boolean {
  const dot = tokens[k];
  const prev = tokens[k - 1];
  if (!dot || !prev || text[dot.start] !== '.' || dot.end - dot.start !== 1 || prev.end !== dot.start || !isCapital(text, tokens[k + 1])) return false;
  const word = text.slice(prev.start, prev.end);
  return (word.length === 1 && isCapital(text, prev)) || NEVER_FINAL.has(word) || BEFORE_NAMES.has(word);
}

export function baseNorm(tok: Token): string {
  return tok.norm.endsWith("'s") && tok.norm.length > 2 ? tok.norm.slice(0, -2) : tok.norm;
}

/** Sorted, non-overlapping spans: is `offset` inside one? (binary search) */
export function isInside(spans: readonly Span[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = spans[mid] as Span;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Entities overlapping [start, end) (entities sorted by start). */
export function entitiesIn(entities: readonly Entity[], start: number, end: number): Entity[] {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entities[mid]?.span.end ?? 0) <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Entity[] = [];
  for (let i = lo; i < entities.length; i++) {
    const e = entities[i] as Entity;
    if (e.span.start >= end) break;
    if (e.span.end > start) out.push(e);
  }
  return out;
}

export function isRoleWord(w: string): boolean {
  if (GENERIC_HEADS.has(w) || ROLE_WORDS.has(w)) return true;
  for (const s of ROLE_SUFFIXES) if (w.length > s.length + 2 && w.endsWith(s)) return true;
  return false;
}

/** Does one of the entities hold the token (a plain loop: classify asks per token of a phrase, no closure made each time)? */
export function insideAny(entities: readonly Entity[], t: Token): boolean {
  for (const e of entities) if (e.span.start <= t.start && t.end <= e.span.end) return true;
  return false;
}

/** Index of the token starting at offset (binary search over the tokens). */
export function tokenAt(c: Ctx, offset: number): number {
  let lo = 0;
  let hi = c.tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((c.tokens[mid] as Token).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Words that end like role words but are none ("after", "over"). */
export const NOT_ROLE_WORDS = new Set(['after', 'over', 'under', 'other', 'either', 'whether', 'rather', 'ever', 'never', 'later', 'together', 'per', 'her', 'offer', 'against', 'beneath', 'ahead', 'instead', 'meant', 'went', 'sent', 'spent', 'want', 'grant', 'present', 'urgent', 'recent', 'ancient', 'equal', 'usual', 'final', 'total', 'actual', 'real', 'general', 'critic']);

/**
 * An -ly adverb between subject and verb ("Mrs. Clinton adamantly denied"): skipped, never the
 * source. Only in lower case: a capitalised one before a verb is a name ("Jolly said", "Haley said").
 */
export function isAdverb(text: string, t: Token): boolean {
  return t.norm.length > 4 && t.norm.endsWith('ly') && !ADJECTIVES_IN_LY.has(t.norm) && isLower(text, t);
}
const ADJECTIVES_IN_LY = new Set(['family', 'italy', 'july', 'ally', 'early', 'daily', 'weekly', 'monthly', 'friendly', 'elderly', 'lonely', 'holly', 'kelly', 'sally', 'billy', 'emily', 'molly', 'polly']);
