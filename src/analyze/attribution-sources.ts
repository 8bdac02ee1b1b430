/**
 * Finds who a sentence attributes something to: the engine shared by `findQuotes` (speakers) and
 * `findAttributions`. Per sentence, outside quoted words:
 *
 *   1. "according to X", "citing X", "reported by X": the source is the phrase after the cue;
 *      none at all (end of sentence or paragraph, a bare period) makes the attribution dangling.
 *   2. a cue verb ("said", "told", "warned"): the source is its subject, read leftwards
 *      ("a senior State Department official said"), or, when none stands there, the phrase after
 *      it ("..., said the senior State Department official").
 *   3. the source is classified: a pronoun takes its antecedent (the first person, or the first
 *      organisation or anonymous source for "they", in this or up to three sentences before);
 *      a generic head ("official", "sources", "people familiar with") makes it anonymous even
 *      when a name modifies it; a person or organisation name makes it named.
 */
import type { AttributionKind, Entity, Span, Token } from '../model/index.js';
import { BEFORE_NAMES, NEVER_FINAL } from './segment-abbreviations.js';
import {
  ANONYMOUS_MODIFIERS, BETWEEN_SUBJECT_AND_VERB, CUE_PARTICIPLES, CUE_VERBS, CUES_WITH_NEXT, IMPERSONAL_PASSIVES, INVERTING_CUES, VERB_AFTER_OBJECT, NOT_AFTER_CUE, QUOTE_ONLY_CUES, DETERMINERS, DOCUMENT_HEADS, GENERIC_HEADS, INNER_PREPOSITIONS,
  NOT_BEFORE_CUE, OTHER_PRONOUNS, OUTLET_DOCUMENTS, OUTLETS, PERSON_PRONOUNS, PLURAL_PRONOUNS, SOURCE_AFTER_CUES, SOURCE_END, SUBJECT_STOPS,
} from './attribution-tables.js';
import { personGenders, pronounGender, type Gender } from './speakers/gender.js';
import { tokenBits, WORD_BITS, type TokenBits } from './word-bits.js';
import { OUTLET_NAME_HEADS } from './attribution-tables.js';

/** "add" before a number or "to"/"up"/"more" sums; "threaten" without "to" or "that" after it menaces a thing. */
const ADD_FORMS = new Set(['add', 'adds', 'added', 'adding']);
const ADD_NOT_SPEECH = new Set(['to', 'up', 'more', 'another', 'nearly', 'about', 'roughly', 'some']);
const THREATEN_FORMS = new Set(['threaten', 'threatens', 'threatened', 'threatening']);

function notSpeechObject(cue: string, after: Token): boolean {
  if (ADD_FORMS.has(cue)) return after.kind === 'number' || ADD_NOT_SPEECH.has(after.norm);
  if (THREATEN_FORMS.has(cue)) return after.kind === 'word' && after.norm !== 'to' && after.norm !== 'that';
  return false;
}

/** Last words of an institution's name: a source so named is named even when the tagger read it as a place. */
const INSTITUTION_HEADS = new Set(['hospital', 'university', 'college', 'school', 'academy', 'institute', 'museum', 'library', 'clinic', 'infirmary', 'prison', 'airport', 'zoo', 'observatory', 'laboratory', 'foundation']);

/** Longest source phrase, in tokens. */
const MAX_SOURCE_TOKENS = 14;
/** How far back a cue looks for the "who" of a relative clause between its subject and itself. */
const MAX_RELATIVE_TOKENS = 12;
/** Longest bracketed aside after a name ("(D-Wis.)", "(R-S.C.)"), in tokens. */
const MAX_BRACKET_TOKENS = 10;
/** Longest comma-enclosed aside between a subject and its verb ("Kenneth Baer, a former official who runs ..., said"). */
const MAX_ASIDE_TOKENS = 40;
/** How many sentences back a pronoun looks for its antecedent. */
const ANTECEDENT_SENTENCES = 3;

/** Words after which a preposition still belongs to the source ("people familiar with", "others briefed on"). */
const OPENS_PREPOSITION = new Set(['familiar', 'close', 'briefed', 'involved', 'knowledgeable', ...GENERIC_HEADS]);

const ARTICLES_AND_POSSESSIVES = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** Cue verbs that are also plural nouns ("Republican claims", "his promises"). */
const NOUN_CUES = new Set(['note', 'claims', 'reports', 'notes', 'calls', 'promises', 'pledges', 'vows', 'threats', 'demands', 'warns', 'comments', 'tweets', 'posts', 'cites', 'praises', 'echoes', 'answers', 'replies', 'describes', 'estimates', 'urges', 'alleges', 'denies', 'admits']);

/**
 * Is the cue at token k a noun with the phrase before it as its modifier: "32% of Republican
 * claims", "the report's claims", "Democratic claims"? (after a preposition or a possessive, or
 * an adjective of a party or nation, one word not in the plural).
 */
function isNounCue(c: Ctx, k: number, phrase: [number, number]): boolean {
  const { tokens, text } = c;
  if (!NOUN_CUES.has((tokens[k] as Token).norm) || phrase[1] >= k) return false;
  const before = tokens[phrase[0] - 1];
  if (before && before.kind === 'word' && (INNER_PREPOSITIONS.has(before.norm) || before.norm === 'about' || before.norm === 'by')) return true;
  // "the report's claims": a possessive before the noun
  const last = (tokens[phrase[1]] as Token).norm;
  if (phrase[1] === k - 1 && (last.endsWith("'s") || last.endsWith('’s'))) return true;
  if (phrase[0] !== phrase[1]) return false;
  const only = tokens[phrase[0]] as Token;
  return !only.norm.endsWith('s') && entitiesIn(c.entities, only.start, only.end).some((e) => e.type === 'group' && e.span.start === only.start && e.span.end === only.end) && isCapital(text, only);
}

/**
 * Is "called" at token k a naming ("a firm called Cambridge Analytica", "a program called “Sandy
 * Hook Promise”", "one PAC called Stop Hillary")? A thing, not a person, stands right before it:
 * a determiner and one singular lower-case word that is no pronoun, role or generic head (those
 * call someone names: "he called Haugland", "critics called it", "the prince called for").
 */
function isNaming(c: Ctx, k: number, phrase: [number, number]): boolean {
  const { tokens, text } = c;
  if ((tokens[k] as Token).norm !== 'called' || phrase[1] !== k - 1) return false;
  const noun = tokens[k - 1] as Token;
  // "a website called", "one PAC called": a determiner, then the thing's one word (a plural is people: "commentators called him")
  const det = tokens[k - 2];
  if (noun.kind !== 'word' || !isLower(text, noun) || noun.norm.endsWith('s') || !det || !(DETERMINERS.has(det.norm) || (isCapital(text, det) && DETERMINERS.has(tokens[k - 3]?.norm ?? '')))) return false;
  const n = baseNorm(noun);
  if (PERSON_PRONOUNS.has(n) || PLURAL_PRONOUNS.has(n) || OTHER_PRONOUNS.has(n) || n === 'who' || isRoleWord(n) || ROLE_WORDS.has(n)) return false;
  const after = tokens[k + 1];
  return after !== undefined && after.norm !== 'for' && after.norm !== 'on' && (isCapital(text, after) || isInside(c.quoted, after.start) || after.kind === 'punct' || isLower(text, after));
}

/** The tokens of a person's name ending at token j (not before token a), or null. */
function personEndingAt(c: Ctx, j: number, a: number): [number, number] | null {
  const t = c.tokens[j];
  if (!t || t.kind !== 'word') return null;
  const e = entitiesIn(c.entities, t.start, t.end).find((x) => x.type === 'person' && x.span.end === t.end);
  if (!e || isInside(c.quoted, e.span.start)) return null;
  let f = j;
  while (f > a && (c.tokens[f - 1] as Token).start >= e.span.start) f--;
  return [f, j];
}

/** A second verb of the clause: "X attacked her and said", "Clinton has encouraged ... but has said". */
function isCoordinated(c: Ctx, k: number, a: number): boolean {
  const { tokens } = c;
  let j = k - 1;
  while (j > a && tokens[j]?.kind === 'word' && (BETWEEN_SUBJECT_AND_VERB.has(tokens[j]?.norm ?? '') || isAdverb(c.text, tokens[j] as Token))) j--;
  const n = tokens[j]?.norm;
  return j > a && (n === 'and' || n === 'but');
}

/** Is token i a closing quote mark right after a comma (`...," adding that`)? */
function isCommaQuoteClose(c: Ctx, i: number): boolean {
  const t = c.tokens[i];
  if (!t || t.kind !== 'punct') return false;
  const ch = c.text[t.start];
  return (ch === '"' || ch === '”' || ch === '’' || ch === "'") && c.text[t.start - 1] === ',';
}

/** Verbs of answering: "responded by saying" is no passive. */
/** Modals of obligation before a cue verb ("must explain", "should say"): a demand, not a report ("need to", "has to" and "ought to" end in "to", NOT_BEFORE_CUE). */
const OBLIGATION_MODALS = new Set(['must', 'should', 'shall']);

const ANSWER_CUES = new Set(['responded', 'replied', 'answered', 'countered', 'retorted']);

/** Name suffixes whose period may stand right before the verb ("Biden Jr. said"). */
const NAME_SUFFIXES = new Set(['jr', 'sr']);

/** Is token j the period of a name suffix glued to it ("Jr.")? */
function isSuffixPeriod(c: Ctx, j: number): boolean {
  const dot = c.tokens[j];
  const prev = c.tokens[j - 1];
  return dot !== undefined && prev !== undefined && c.text[dot.start] === '.' && prev.end === dot.start && NAME_SUFFIXES.has(prev.norm);
}

/** Time words that may trail a subject before its verb ("Trump on Tuesday said"), and the words that lead them. */
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'tonight', 'yesterday', 'morning',
  'afternoon', 'evening', 'night', 'week', 'weekend', 'month', 'year', 'january', 'february', 'march', 'april', 'june', 'july',
  'august', 'september', 'october', 'november', 'december',
]);
const TIME_LEADS = new Set(['on', 'this', 'last', 'just', 'earlier', 'late', 'early', 'in', 'next', 'that']);

/** Pronouns that are never a subject: after a preposition they end a longer source ("Those close to him"). */
const OBJECT_PRONOUNS = new Set(['him', 'them', 'me', 'us', 'her']);

/** Words that can describe a person right before the name ("nominee Donald Trump"), besides GENERIC_HEADS and ROLE_SUFFIXES. */
const ROLE_WORDS = new Set([
  'widow', 'widower', 'chief', 'general', 'head', 'host', 'star', 'mogul', 'judge', 'coach', 'aide', 'candidate', 'nominee', 'mayor',
  'justice', 'chair', 'boss', 'pundit', 'guru', 'wife', 'husband', 'son', 'daughter', 'mother', 'father', 'brother', 'sister',
  'friend', 'partner', 'rival', 'colleague', 'ally', 'opponent', 'veteran', 'candidate', 'hopeful', 'physician', 'magnate',
  'tycoon', 'billionaire', 'businessman', 'businesswoman', 'congressman', 'congresswoman', 'secretary', 'president', 'vice',
  'deputy', 'senior', 'former', 'incumbent', 'running', 'mate', 'campaign', 'party', 'state', 'gop', 'democratic', 'republican',
  // PolNeAR train sources cut at the name ("Retired neurosurgeon Ben Carson", "FBI general counsel James Baker")
  'counsel', 'surgeon', 'neurosurgeon', 'attorney', 'anchor', 'icon', 'legend', 'bishop', 'rabbi', 'imam', 'priest', 'envoy',
  'entrepreneur', 'chef', 'sheriff', 'pope', 'mom', 'dad', 'grandmother', 'grandfather', 'uncle', 'aunt', 'cousin', 'nephew', 'niece',
  'fan', 'guest', 'retired', 'longtime', 'veteran', 'fellow', 'top', 'acting', 'interim', 'outgoing', 'incoming',
]);
const ROLE_SUFFIXES = ['er', 'or', 'ist', 'ian', 'ent', 'ant', 'man', 'woman', 'ee', 'ive', 'ess', 'ary', 'ate', 'al', 'ic'];

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/** Words a source phrase does not start or end with ("and", "of", "the" at its end). */
const EDGE_WORDS = new Set(['and', 'or', 'the', 'a', 'an', ...[...INNER_PREPOSITIONS].filter((w) => !GENERIC_HEADS.has(w))]);

export interface Cue {
  /** The cue words ("said", "according to"). */
  cue: Span;
  /** The source phrase, or null (dangling). */
  source: Span | null;
  kind: AttributionKind;
  canonical: string | null;
  /** The outlet or agency relayed (kind 'relayed'), else null. */
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

interface Ctx extends CueInput {
  /** Anonymous sources found so far, by sentence (antecedents for pronouns). */
  anonymous: Map<number, { span: Span; plural: boolean; person: boolean }[]>;
  /** Token range of each sentence. */
  ranges: [number, number][];
  /** Person gender as the text gives it (speakers/gender.ts): "he" skips a person called "she". Made on the first he/she. */
  genders?: Map<string, Gender>;
  /** personByLastWord's map, once made. */
  personLastWords?: Map<string, string>;
}

function isLower(text: string, tok: Token): boolean {
  const c = text.charCodeAt(tok.start);
  return c >= 97 && c <= 122;
}
function isCapital(text: string, tok: Token | undefined): boolean {
  if (!tok || tok.kind !== 'word') return false;
  const ch = text[tok.start] ?? '';
  return ch !== ch.toLowerCase();
}
/** A period inside a name: after an initial ("John F. Kennedy") or a title abbreviation ("Sgt. Maria Lopez"). */
function isNamePeriod(text: string, tokens: readonly Token[], k: number): boolean {
  const dot = tokens[k];
  const prev = tokens[k - 1];
  if (!dot || !prev || text[dot.start] !== '.' || dot.end - dot.start !== 1 || prev.end !== dot.start || !isCapital(text, tokens[k + 1])) return false;
  const word = text.slice(prev.start, prev.end);
  return (word.length === 1 && isCapital(text, prev)) || NEVER_FINAL.has(word) || BEFORE_NAMES.has(word);
}

function baseNorm(tok: Token): string {
  return tok.norm.endsWith("'s") && tok.norm.length > 2 ? tok.norm.slice(0, -2) : tok.norm;
}

/** Sorted, non-overlapping spans: is `offset` inside one? (binary search) */
function isInside(spans: readonly Span[], offset: number): boolean {
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
function entitiesIn(entities: readonly Entity[], start: number, end: number): Entity[] {
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

/** Subject phrase ending at token j, read leftwards, not before token a: [first, j] or null. */
function subjectLeft(c: Ctx, j: number, a: number): [number, number] | null {
  const { tokens, text } = c;
  // "Rep. Gwen Moore (D-Wis.) said": the name before a bracketed aside, the aside kept in the span
  if (tokens[j] && text[(tokens[j] as Token).start] === ')') {
    for (let i = j - 1; i > a && j - i <= MAX_BRACKET_TOKENS; i--) {
      const ch = text[(tokens[i] as Token).start];
      if (ch === ')') return null;
      if (ch === '(') {
        const inner = subjectLeft(c, i - 1, a);
        return inner ? [inner[0], j] : null;
      }
    }
    return null;
  }
  // "Joseph R. Biden Jr. responded": the name's suffix and its period
  if (isSuffixPeriod(c, j)) j--;
  // "Sanders on Tuesday said", "Wells Fargo just this month announced": the time is no part of the source
  j = beforeTimeTail(c, j, a);
  // "Trump in his announcement speech called", "Jeb Bush in a Medium post said": the occasion is no part of the source
  j = beforeOccasionTail(c, j, a);
  const last = tokens[j];
  // "Six in 10 say", "43 said the same", "42% say": a number may end the subject
  if (!last || (last.kind !== 'word' && last.kind !== 'number')) return null;
  // "Those close to him say": an object pronoun ends a longer phrase
  const objectPronoun = OBJECT_PRONOUNS.has(last.norm) && j > a && INNER_PREPOSITIONS.has(tokens[j - 1]?.norm ?? '');
  if (!objectPronoun && (PERSON_PRONOUNS.has(last.norm) || PLURAL_PRONOUNS.has(last.norm) || OTHER_PRONOUNS.has(last.norm))) return [j, j];
  if (SUBJECT_STOPS.has(last.norm) || CUE_VERBS.has(last.norm) || INNER_PREPOSITIONS.has(last.norm) && !GENERIC_HEADS.has(last.norm)) return null;
  // "a swiftly called meeting": an article or a possessive alone names no one
  if (ARTICLES_AND_POSSESSIVES.has(last.norm)) return null;
  let first = j;
  for (let i = j; i >= a && j - i < MAX_SOURCE_TOKENS; i--) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct') {
      if (isNamePeriod(text, tokens, i)) continue;
      if (i < j && isGluedInside(c, i)) continue; // "Sanders’ aides", "the 46-year-old"
      break;
    }
    if (t.kind !== 'word' && t.kind !== 'number') break;
    const n = t.norm;
    if (i < j && (SUBJECT_STOPS.has(n) || CUE_VERBS.has(n) || PERSON_PRONOUNS.has(n) || PLURAL_PRONOUNS.has(n))) break;
    if (n === 'and' || n === 'or') {
      if (!isCapital(text, tokens[i + 1]) && !isConjoinedHead(c, i) && !joinsPeople(c, i, j)) break;
      // "... with a photo and Clinton said": a common noun before "and" is no second source
      const before = tokens[i - 1];
      if (isCapital(text, tokens[i + 1]) && before?.kind === 'word' && isLower(text, before) && !isPeopleNorm(baseNorm(before)) && !DETERMINERS.has(before.norm)) break;
    } else if (INNER_PREPOSITIONS.has(n) && !GENERIC_HEADS.has(n) && i < j) {
      // "former secretary of state said", "a supporter of the plan said": a role word takes its "of" phrase
      const left = tokens[i - 1];
      const inRatio = n === 'in' && left?.kind === 'number' && tokens[i + 1]?.kind === 'number'; // "4 in 10"
      if (!inRatio && (!left || left.kind !== 'word' || !(OPENS_PREPOSITION.has(left.norm) || QUANTITIES.has(left.norm) || INNER_PREPOSITIONS.has(left.norm) || isCapital(text, left) || isHeadBeforePreposition(left.norm)))) break;
    }
    first = i;
    // "people familiar with the matter": a determiner after an inner preposition does not end the phrase,
    // nor a bounded number ("The employee of nearly four years")
    // nor a second people phrase of a coordination ("many experts and some lawmakers")
    const coordinated = (tokens[i - 1]?.norm === 'and' || tokens[i - 1]?.norm === 'or') && i - 1 >= a && joinsPeople(c, i - 1, j);
    if (DETERMINERS.has(n) && !INNER_PREPOSITIONS.has(tokens[i - 1]?.norm ?? '') && !isBoundedNumber(c, i) && !coordinated) break;
  }
  // "A person familiar with the planning for Thursday's meeting", "The deputy head of China's
  // delegation to the forum", "Experts on North Korea and nuclear nonproliferation": the walk
  // stopped at a preposition whose word before heads nothing, or at an "and" inside the chain,
  // but a word for people further back heads the whole chain (PolNeAR's Source)
  const stop = tokens[first - 1]?.norm ?? '';
  const reach = first - 1 > a && (INNER_PREPOSITIONS.has(stop) || stop === 'and') ? peopleHeadBefore(c, first - 2, a) : -1;
  if (reach >= 0) {
    const outer = subjectLeft(c, reach, a);
    if (outer) first = outer[0];
  }
  while (first <= j && EDGE_WORDS.has(tokens[first]?.norm ?? '') && !DETERMINERS.has(tokens[first]?.norm ?? '')) first++;
  if (first < j) first = personHeadStart(c, first, j);
  if (first <= j) first = quantityLeadStart(c, first, a);
  return first <= j ? [first, j] : null;
}

/** Words that bound a number or quantity before it ("about half of voters", "nearly 6 in 10"). */
const APPROXIMATORS = new Set(['about', 'nearly', 'almost', 'roughly', 'approximately', 'around', 'only', 'just', 'over', 'under', 'some']);
/** Two-word bounds before a number or quantity ("more than 4 in 10", "all but two", "at least 40"). */
const BOUNDS = new Set(['more than', 'fewer than', 'less than', 'all but', 'at least', 'at most', 'no more', 'well over']);

/** Is the number word at token i bounded by an approximator after an inner preposition ("of nearly four years")? */
function isBoundedNumber(c: Ctx, i: number): boolean {
  const { tokens } = c;
  return QUANTITIES.has((tokens[i] as Token).norm) && APPROXIMATORS.has(tokens[i - 1]?.norm ?? '') && INNER_PREPOSITIONS.has(tokens[i - 2]?.norm ?? '');
}

/**
 * The first token of a source phrase starting at `first` with what bounds its number taken in:
 * "more than 4 in 10 said", "about half of voters say", "all but two said" (PolNeAR's source).
 */
function quantityLeadStart(c: Ctx, first: number, a: number): number {
  const { tokens } = c;
  const t = tokens[first] as Token;
  if (t.kind !== 'number' && !QUANTITIES.has(t.norm)) return first;
  const one = tokens[first - 1];
  const two = tokens[first - 2];
  if (first - 2 >= a && one && two && one.kind === 'word' && two.kind === 'word' && BOUNDS.has(`${two.norm} ${one.norm}`)) return first - 2;
  if (first - 1 >= a && one && one.kind === 'word' && APPROXIMATORS.has(one.norm)) return first - 1;
  return first;
}

/** A generic head or a role word naming people ("others", "allies", "leaders"), no -ed verb. */
function isPeopleWord(t: Token): boolean {
  const n = baseNorm(t);
  return GENERIC_HEADS.has(n) || (isRoleWord(n) && !NOT_ROLE_WORDS.has(t.norm) && !t.norm.endsWith('ed'));
}

/**
 * Does the "and" at token i join two people words ("Edwards and others", "her advisers and
 * allies", "union members and leaders")? Both sides a role or generic head word (PolNeAR takes
 * the whole coordination as the source); "attacked Trump and officials say" has a name before
 * it but a verb two words back, and stays apart.
 */
function isConjoinedHead(c: Ctx, i: number): boolean {
  const next = c.tokens[i + 1];
  const prev = c.tokens[i - 1];
  if (!next || !prev || next.kind !== 'word' || prev.kind !== 'word') return false;
  if (!isPeopleWord(next)) return false;
  if (isPeopleWord(prev)) return true;
  // "Edwards and others": a name before, not the object of a verb before it
  const before = c.tokens[i - 2];
  return isCapital(c.text, prev) && !(before && before.kind === 'word' && isLower(c.text, before) && !DETERMINERS.has(before.norm) && !INNER_PREPOSITIONS.has(before.norm) && !isRoleWord(before.norm));
}

/** Most tokens between a people word and the preposition where the walk left stopped. */
const MAX_CHAIN_TOKENS = 6;

/**
 * Index of a word for people heading a prepositional chain that ends at token `from` (read
 * leftwards: words, prepositions, determiners, possessives; no punctuation, verb of saying or
 * clause word), the word right after it a preposition or an opener ("familiar", "privy"); or -1.
 */
function peopleHeadBefore(c: Ctx, from: number, a: number): number {
  const { tokens, text } = c;
  for (let x = from; x >= a && from - x < MAX_CHAIN_TOKENS; x--) {
    const t = tokens[x] as Token;
    if (t.kind === 'punct') {
      if (isGluedInside(c, x) || isNamePeriod(text, tokens, x)) continue;
      return -1;
    }
    if (t.kind !== 'word' && t.kind !== 'number') return -1;
    if (SUBJECT_STOPS.has(t.norm) || CUE_VERBS.has(t.norm) || PERSON_PRONOUNS.has(t.norm) || PLURAL_PRONOUNS.has(t.norm) || OBJECT_PRONOUNS.has(t.norm)) return -1;
    const next = tokens[x + 1];
    if (isPeopleNorm(baseNorm(t)) && next && (INNER_PREPOSITIONS.has(next.norm) || OPENS_PREPOSITION.has(next.norm) || next.norm === 'privy')) return x;
  }
  return -1;
}

/** A word for people, plurals included ("allies", "lawmakers", "attorneys", "experts"). */
function isPeopleNorm(n: string): boolean {
  if (isHeadBeforePreposition(n) && !BODY_HEADS.has(n) && !n.endsWith('ed')) return true;
  return n.endsWith('ies') && n.length > 5 && isRoleWord(`${n.slice(0, -3)}y`);
}

/**
 * Does the "and" at token i join two phrases naming people, the subject's head at j ("many
 * experts and some lawmakers say", "attorneys and legal experts said", "Her advisers and allies
 * say")? PolNeAR takes the whole coordination as the source.
 */
function joinsPeople(c: Ctx, i: number, j: number): boolean {
  const left = c.tokens[i - 1];
  const head = c.tokens[j];
  return left?.kind === 'word' && head?.kind === 'word' && j > i && isPeopleNorm(baseNorm(head)) && isPeopleNorm(baseNorm(left));
}

/** Nouns for the occasion of a statement ("in an interview", "in his speech"). */
const OCCASIONS = new Set(['interview', 'interviews', 'speech', 'speeches', 'statement', 'post', 'tweet', 'tweets', 'op-ed', 'letter', 'email', 'appearance', 'address', 'remarks', 'briefing', 'conference', 'rally', 'debate', 'essay', 'column', 'memo', 'video', 'ad']);

/**
 * Token before a trailing occasion phrase ending at j ("in his announcement speech", "in a Medium
 * post", "during an interview"), or j when there is none: "in" / "during" / "at", a determiner or
 * possessive, up to three words and an occasion noun; a name must stand before it.
 */
function beforeOccasionTail(c: Ctx, j: number, a: number): number {
  const { tokens, text } = c;
  const last = tokens[j];
  if (!last || last.kind !== 'word' || !OCCASIONS.has(last.norm)) return j;
  for (let k = j - 1; k > a && j - k <= 5; k--) {
    const t = tokens[k] as Token;
    if (t.kind !== 'word') return j;
    if (t.norm === 'in' || t.norm === 'during' || t.norm === 'at') {
      const det = tokens[k + 1];
      const before = tokens[k - 1];
      return det && (ARTICLES_AND_POSSESSIVES.has(det.norm)) && before && isCapital(text, before) ? k - 1 : j;
    }
  }
  return j;
}

/** Token before a trailing time phrase ending at j ("on Tuesday", "just this month", "Monday night"), or j when there is none. */
function beforeTimeTail(c: Ctx, j: number, a: number): number {
  let k = j;
  let times = 0;
  while (k > a) {
    const n = (c.tokens[k] as Token).norm;
    if (TIME_WORDS.has(n)) times++;
    else if (!TIME_LEADS.has(n)) break;
    k--;
  }
  return times > 0 && k < j && (c.tokens[k] as Token).kind === 'word' ? k : j;
}

/**
 * A person's name at the head of a phrase [first, j] keeps only the words that can describe a
 * person before it ("Republican nominee Donald Trump", "9/11 widow Terry Strada"): "a Bloomberg
 * interview Trump", "the Washington Post Trump" start at the name.
 */
function personHeadStart(c: Ctx, first: number, j: number): number {
  const { tokens, text } = c;
  const l = tokens[j] as Token;
  const person = entitiesIn(c.entities, l.start, l.end).find((e) => e.type === 'person' && e.span.end >= l.end);
  if (!person || person.span.start <= (tokens[first] as Token).start) return first;
  let p = j;
  while (p > first && (tokens[p - 1] as Token).start >= person.span.start) p--;
  const before = tokens[p - 1] as Token;
  if (before.kind !== 'word' || BEFORE_NAMES.has(text.slice(before.start, before.end))) return first; // "Gov. Chris Christie", "(R-IN)"
  // "the Washington Post’s Ishaan Tharoor": a possessive name before the person describes them
  if (before.norm.endsWith("'s")) return first;
  if (isCapital(text, before)) return entitiesIn(c.entities, before.start, before.end).length > 0 ? p : first; // "the Washington Post Trump"
  const n = baseNorm(before);
  return isRoleWord(n) || DETERMINERS.has(n) || INNER_PREPOSITIONS.has(n) || n === 'and' || n === 'or' ? first : p;
}

/**
 * May the word before "of" / "for" / "on" head a source ("a supporter of the plan", "attorneys for
 * the family", "the city of Phoenix")? A role word, singular or plural, or a body that speaks.
 */
function isHeadBeforePreposition(w: string): boolean {
  if (BODY_HEADS.has(w)) return true;
  if (isRoleWord(w) && !NOT_ROLE_WORDS.has(w)) return true;
  const singular = w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : '';
  return singular !== '' && !NOT_ROLE_WORDS.has(singular) && isRoleWord(singular);
}

/** Bodies named by what they govern ("the city of Phoenix said", "the government of Japan said"). */
const BODY_HEADS = new Set(['city', 'state', 'county', 'town', 'government', 'governments', 'administration', 'ministry', 'department', 'office', 'attorney', 'attorneys']);

function isRoleWord(w: string): boolean {
  if (GENERIC_HEADS.has(w) || ROLE_WORDS.has(w)) return true;
  for (const s of ROLE_SUFFIXES) if (w.length > s.length + 2 && w.endsWith(s)) return true;
  return false;
}

/** Most tokens a sentence-final "according to" source may run on after its head. */
const MAX_TAIL_TOKENS = 30;

/**
 * The last word token of the sentence after token `last` when nothing but words, commas and
 * name punctuation stand between (no quotation, semicolon, colon or dash), else -1.
 */
function sentenceTail(c: Ctx, last: number, b: number): number {
  const { tokens, text } = c;
  let end = -1;
  for (let x = last + 1; x < b; x++) {
    const t = tokens[x] as Token;
    if (x - last > MAX_TAIL_TOKENS || isInside(c.quoted, t.start)) return -1;
    if (t.kind === 'punct') {
      const ch = text[t.start] ?? '';
      if (ch === '.' && !isNamePeriod(text, tokens, x)) break;
      if (ch === ',' || ch === '-' || ch === '’' || ch === "'" || ch === '/' || ch === '&' || isNamePeriod(text, tokens, x)) continue;
      return -1;
    }
    if (ANY_CUE_WORD.has(t.norm) && isLower(text, t)) return -1; // "..., according to X, citing Y"
    end = x;
  }
  return end;
}

/** Does the phrase open its sentence with a capitalised -ing word that names nothing ("Rattling off", "Speaking in Harlem")? */
function opensWithGerund(c: Ctx, phrase: [number, number], a: number): boolean {
  const [first, last] = phrase;
  const t = c.tokens[first] as Token;
  if (first !== a || last === first || t.kind !== 'word' || !t.norm.endsWith('ing') || t.norm.length < 6 || !isCapital(c.text, t)) return false;
  // a particle, preposition or determiner after it makes a clause ("Leading Democrats", "Best-selling writer" are subjects)
  return GERUND_NEXT.has((c.tokens[first + 1] as Token).norm) && entitiesIn(c.entities, t.start, t.end).length === 0;
}
const GERUND_NEXT = new Set(['off', 'in', 'on', 'at', 'to', 'with', 'about', 'from', 'for', 'out', 'up', 'down', 'over', 'into', 'through', 'after', 'before', 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'this', 'that', 'these', 'those']);

/** Cue verbs that may follow a number as their subject ("43 said the same", "Six in 10 say"). */
const AFTER_NUMBER_CUES = new Set(['say', 'says', 'said', 'told', 'tell', 'agree', 'agreed', 'agrees']);

/** Words of quantity that take an "of" phrase in a source ("half of voters", "most of them", "majorities in all five"). */
const QUANTITIES = new Set(['half', 'majority', 'majorities', 'percent', 'most', 'many', 'some', 'all', 'each', 'none', 'both', 'several', 'few', 'number', 'share', 'third', 'thirds', 'quarter', 'quarters', 'plurality', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozens', 'hundreds', 'thousands', 'millions', 'rest', 'any', 'either', 'neither']);

/**
 * A punctuation token glued inside a phrase: a possessive apostrophe after an -s word ("Sanders’
 * aides") or a hyphen between two parts ("46-year-old").
 */
function isGluedInside(c: Ctx, i: number): boolean {
  const t = c.tokens[i] as Token;
  const prev = c.tokens[i - 1];
  const next = c.tokens[i + 1];
  if (!prev || !next || prev.end !== t.start || (prev.kind !== 'word' && prev.kind !== 'number')) return false;
  const ch = c.text[t.start];
  if ((ch === '’' || ch === "'") && t.end - t.start === 1 && prev.norm.endsWith('s') && next.start > t.end && next.kind === 'word') return true;
  // "the 46-year-old", "9/11 widow Terry Strada"
  return (ch === '-' || ch === '–' || ch === '/') && t.end === next.start && (next.kind === 'word' || next.kind === 'number');
}

/** Words naming evidence whose maker a "by" phrase names ("a poll by", "an analysis by"), besides DOCUMENT_HEADS and OUTLET_DOCUMENTS. */
const EVIDENCE_NOUNS = new Set(['poll', 'polls', 'polling', 'study', 'studies', 'data', 'review', 'estimate', 'estimates', 'document', 'documents', 'records', 'memo', 'statement', 'audit', 'letter', 'filing', 'filings', 'research', 'figures', 'tallies', 'counts', 'surveys', 'projection', 'projections', 'calculations', 'model', 'book']);

/** Is `prev` a word whose "by" phrase names its maker: an evidence noun or a participle ("conducted by", "released by")? */
function isMadeBy(text: string, prev: Token): boolean {
  if (prev.kind !== 'word' || !isLower(text, prev)) return false;
  return DOCUMENT_HEADS.has(prev.norm) || OUTLET_DOCUMENTS.has(prev.norm) || EVIDENCE_NOUNS.has(prev.norm) || (prev.norm.endsWith('ed') && prev.norm.length > 4 && !CUE_VERBS.has(prev.norm));
}

/** Source phrase starting at token i, read rightwards, before token b: [i, last] or null. */
function sourceRight(c: Ctx, i: number, b: number, allowPronoun: boolean): [number, number] | null {
  const { tokens, text } = c;
  let last = -1;
  for (let k = i; k < b && k - i < MAX_SOURCE_TOKENS; k++) {
    const t = tokens[k] as Token;
    if (isInside(c.quoted, t.start)) break;
    if (t.kind === 'punct') {
      if (isNamePeriod(text, tokens, k)) continue;
      if (k > i && isGluedInside(c, k)) continue; // "said 9/11 widow Terry Strada", "according to a 52-count complaint"
      break;
    }
    if (t.kind !== 'word' && t.kind !== 'number') break;
    const n = t.norm;
    const prev = last >= 0 ? tokens[last] : undefined;
    if (k === i && (PERSON_PRONOUNS.has(n) || PLURAL_PRONOUNS.has(n) || OTHER_PRONOUNS.has(n))) return allowPronoun ? [k, k] : null;
    if (n === 'and' || n === 'or') {
      const next = tokens[k + 1];
      if (!next || !(isCapital(text, next) || GENERIC_HEADS.has(next.norm))) break;
    } else if (SOURCE_END.has(n) || CUE_VERBS.has(n)) {
      // "a count by The Associated Press", "exit polls conducted by Edison Research": the maker belongs to the source
      const opens = prev && ((OPENS_PREPOSITION.has(prev.norm) && INNER_PREPOSITIONS.has(n)) || (n === 'by' && k > i && isMadeBy(text, prev)));
      if (!opens) break;
    } else if (INNER_PREPOSITIONS.has(n) && !OPENS_PREPOSITION.has(n) && k === i) {
      break;
    }
    last = k;
  }
  while (last >= i && EDGE_WORDS.has(tokens[last]?.norm ?? '')) last--;
  return last >= i ? [i, last] : null;
}

/** The subject before a comma-enclosed aside ending at token j ("Smith, who runs the shelter, said"). */
function subjectBeforeAside(c: Ctx, j: number, a: number): [number, number] | null {
  const { tokens, text } = c;
  if (text[tokens[j]?.start ?? 0] !== ',') return null;
  for (let i = j - 1; i > a && j - i <= MAX_ASIDE_TOKENS; i--) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct' && text[t.start] === ',') {
      // "Bret Stephens, who, after trading insults with Mr. Hannity, said": the phrase the "who" stands for
      let before = i - 1;
      if (tokens[before]?.norm === 'who' && before > a) before = text[(tokens[before - 1] as Token).start] === ',' ? before - 2 : before - 1;
      const phrase = before >= a ? subjectLeft(c, before, a) : null;
      if (!phrase) return null;
      const [first, last] = phrase;
      let generic = false;
      let name = false;
      for (let x = first; x <= last; x++) {
        const w = tokens[x] as Token;
        if (GENERIC_HEADS.has(baseNorm(w))) generic = true;
        if (isCapital(text, w) && !DETERMINERS.has(w.norm)) name = true;
      }
      if (name || generic || first === last) return phrase;
      // "The state's campaign chairman, Phil Lovas, said": the name is the aside
      const aside = subjectLeft(c, j - 1, i + 1);
      return aside && aside[0] === i + 1 && isCapital(text, tokens[j - 1]) ? [first, j - 1] : null;
    }
    if (t.kind === 'punct' && !ASIDE_PUNCT.has(text[t.start] ?? '')) return null;
  }
  return null;
}
const ASIDE_PUNCT = new Set(['-', '(', ')', '.', '&', "'", '’', '/']);

/**
 * The last token of the asides after a subject ending at token `last`, before the comma at j
 * (PolNeAR marks them as part of the source, relative clauses included), up to a participle
 * clause ("Trump, speaking to veterans, said"), which describes the moment, not the source; -1
 * when the first aside is one.
 */
function asideEnd(c: Ctx, last: number, j: number): number {
  const { tokens, text } = c;
  let end = -1;
  for (let i = last + 1; i < j; i++) {
    if (text[(tokens[i] as Token).start] !== ',') continue;
    if (!describesSource(c, tokens[i + 1])) return end;
    end = i - 1;
  }
  return j - 1;
}

/** Is token j a free-standing dash ("—", "–", "--"), the mark of an aside? */
function isDash(c: Ctx, j: number): boolean {
  const t = c.tokens[j];
  if (!t || t.kind !== 'punct') return false;
  const ch = c.text[t.start];
  return ch === '—' || ch === '–' || (ch === '-' && c.text[t.start + 1] === '-');
}

/**
 * The subject before an aside between dashes ending at token j (the closing dash): "Jason Sims —
 * a teacher from Mount Pleasant — says", "Democrats — and some Republicans — say". Only a name
 * or a generic head before the opening dash counts, as in subjectBeforeAsides.
 */
function subjectBeforeDashAside(c: Ctx, j: number, a: number): [number, number] | null {
  const { tokens, text } = c;
  for (let i = j - 1; i > a && j - i <= MAX_ASIDE_TOKENS; i--) {
    if (isInside(c.quoted, (tokens[i] as Token).start)) return null;
    if (!isDash(c, i)) continue;
    if (i === j - 1) return null;
    const phrase = subjectLeft(c, i - 1, a);
    if (!phrase) return null;
    for (let x = phrase[0]; x <= phrase[1]; x++) {
      const w = tokens[x] as Token;
      if (GENERIC_HEADS.has(baseNorm(w)) || (isCapital(text, w) && !DETERMINERS.has(w.norm) && !CLAUSE_OPENERS.has(w.norm))) return phrase;
    }
    return null;
  }
  return null;
}

/** Words that may open a clause before its subject ("But Megan Hester, ..., said"). */
const CLAUSE_OPENERS = new Set(['but', 'and', 'yet', 'so', 'meanwhile', 'still', 'however', 'now', 'also']);

/** Is token i a quotation's last character or a closing quote mark (“…,” Smith said)? */
function afterQuotation(c: Ctx, i: number): boolean {
  const t = c.tokens[i];
  if (!t) return false;
  const ch = c.text[t.start] ?? '';
  return ch === '"' || ch === '”' || ch === "'" || ch === '’' || isInside(c.quoted, t.start);
}

/** Does a subject phrase starting at token `first` open its clause (sentence start, an opener word, or right after a quotation)? */
function opensClause(c: Ctx, first: number, a: number): boolean {
  if (first === a) return true;
  const prev = c.tokens[first - 1] as Token;
  if (prev.kind === 'word' && CLAUSE_OPENERS.has(prev.norm)) return first - 1 === a || opensClause(c, first - 1, a);
  if (afterQuotation(c, first - 1)) return true;
  return c.text[prev.start] === ',' && afterQuotation(c, first - 2);
}

/**
 * The subject that opens a clause before one or more comma-enclosed asides ending at token j:
 * "Michael Mulgrew, president of the union, which represents teachers, said" -> "Michael Mulgrew";
 * "“…,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said". Only a
 * name or a generic head ("A worker at the plant, who asked not to be named, said") counts.
 */
function subjectBeforeAsides(c: Ctx, j: number, a: number): [number, number] | null {
  const { tokens, text } = c;
  if (text[tokens[j]?.start ?? 0] !== ',') return null;
  for (let i = j - 1; i > a && j - i <= MAX_ASIDE_TOKENS; i--) {
    const t = tokens[i] as Token;
    if (isInside(c.quoted, t.start)) return null;
    if (t.kind !== 'punct') continue;
    const ch = text[t.start] ?? '';
    if (ch !== ',') {
      if (ASIDE_PUNCT.has(ch)) continue;
      return null;
    }
    const phrase = subjectLeft(c, i - 1, a);
    if (!phrase || !opensClause(c, phrase[0], a)) continue;
    for (let x = phrase[0]; x <= phrase[1]; x++) {
      const w = tokens[x] as Token;
      if (GENERIC_HEADS.has(baseNorm(w)) || (isCapital(text, w) && !DETERMINERS.has(w.norm) && !CLAUSE_OPENERS.has(w.norm))) return phrase;
    }
    return null;
  }
  return null;
}

/**
 * The subject before a relative clause without commas that ends at token j: "a senior port
 * official who spoke on condition of anonymity told the Courier" -> "a senior port official".
 * Only when the phrase before "who" ends in a name or a generic head (official, source...).
 */
function subjectBeforeRelative(c: Ctx, j: number, a: number): [number, number] | null {
  const { tokens, text } = c;
  for (let i = j; i > a && j - i <= MAX_RELATIVE_TOKENS; i--) {
    const t = tokens[i] as Token;
    // "Americans who lack a college degree, she said": after a comma in the clause a subject of its own speaks
    if (t.kind === 'punct') return null;
    if (t.kind !== 'word' || t.norm !== 'who') continue;
    let k = i - 1;
    if (tokens[k]?.kind === 'punct' && text[tokens[k]?.start ?? 0] === ',') k--;
    if (k < a) return null;
    const phrase = subjectLeft(c, k, a);
    if (!phrase) return null;
    const head = tokens[phrase[1]];
    return head && (GENERIC_HEADS.has(baseNorm(head)) || isCapital(text, head)) ? phrase : null;
  }
  return null;
}

interface Classified {
  kind: AttributionKind;
  canonical: string | null;
  outlet?: string;
  speaker: Span;
  unresolved: boolean;
}

/**
 * The outlet a source phrase of tokens [first, last] names, or null: what is left after the part
 * before a last "by" / "from" / "of" ("a report by The Washington Post"), leading determiners,
 * document words at the end ("a Reuters report") and a possessive is looked up in OUTLETS.
 */
export function outletOf(text: string, tokens: readonly Token[], first: number, last: number): string | null {
  const range = outletRange(tokens, first, last);
  if (range === null) return null;
  const [a, b] = range;
  let phrase = text.slice((tokens[a] as Token).start, (tokens[b] as Token).end).toLowerCase().replace(/\s+/g, ' ');
  if (phrase.endsWith("'s") || phrase.endsWith('’s')) phrase = phrase.slice(0, -2);
  else if (phrase.endsWith("'") || phrase.endsWith('’')) phrase = phrase.slice(0, -1);
  return OUTLETS.get(phrase) ?? (phrase.startsWith('the ') ? OUTLETS.get(phrase.slice(4)) : undefined) ?? outletByName(text, tokens, a, b);
}

/** An outlet by the form of its name only (see outletByName), for the phrase [first, last]. */
function outletNamed(text: string, tokens: readonly Token[], first: number, last: number): string | null {
  const range = outletRange(tokens, first, last);
  return range === null ? null : outletByName(text, tokens, range[0], range[1]);
}

/** The tokens of a source phrase that may name an outlet: after its last by/from/of/to, without determiners or a document word ("a Reuters report"). */
function outletRange(tokens: readonly Token[], first: number, last: number): [number, number] | null {
  let a = first;
  let b = last;
  for (let i = last; i > first; i--) {
    const n = (tokens[i] as Token).norm;
    if (n === 'by' || n === 'from' || n === 'of' || n === 'to') { a = i + 1; break; }
  }
  while (a <= b && DETERMINERS.has((tokens[a] as Token).norm)) a++;
  while (b >= a && OUTLET_DOCUMENTS.has(baseNorm(tokens[b] as Token)) && b > a) b--;
  if (a > b || b - a > 5) return null;
  return [a, b];
}

/** Words allowed in lower case inside an outlet's name ("the Sentinel of Ashby"). */
const NAME_JOINERS = new Set(['of', 'and', '&', 'the']);

/**
 * An outlet by the form of its name, tokens [a, b]: two or more capitalised words (joiners
 * aside) whose last word, or last two, is one of OUTLET_NAME_HEADS. The name as written, without
 * a leading "The", is its canonical form.
 */
function outletByName(text: string, tokens: readonly Token[], a: number, b: number): string | null {
  let words = 0;
  for (let i = a; i <= b; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word') {
      if (text[t.start] === '&' || text[t.start] === '-') continue;
      return null;
    }
    if (isCapital(text, t)) words++;
    else if (!NAME_JOINERS.has(t.norm) || i === b) return null;
  }
  if (words < 2) return null;
  const last = (tokens[b] as Token).norm;
  const lastTwo = b > a ? `${(tokens[b - 1] as Token).norm} ${last}` : '';
  if (!OUTLET_NAME_HEADS.has(last) && !OUTLET_NAME_HEADS.has(lastTwo)) return null;
  let from = a;
  if ((tokens[from] as Token).norm === 'the') from++;
  if (from === b) return null;
  return text.slice((tokens[from] as Token).start, (tokens[b] as Token).end).replace(/\s+/g, ' ');
}

/** Does one of the entities hold the token (a plain loop: classify asks per token of a phrase, no closure made each time)? */
function insideAny(entities: readonly Entity[], t: Token): boolean {
  for (const e of entities) if (e.span.start <= t.start && t.end <= e.span.end) return true;
  return false;
}

/** Named, anonymous, relayed, or a resolved pronoun, for the phrase of tokens [first, last] in sentence `si`. */
function classify(c: Ctx, first: number, last: number, si: number): Classified {
  const { tokens, text } = c;
  const f = tokens[first] as Token;
  const l = tokens[last] as Token;
  const span = { start: f.start, end: l.end };
  if (first === last && (PERSON_PRONOUNS.has(f.norm) || PLURAL_PRONOUNS.has(f.norm) || f.norm === 'it')) {
    const antecedent = resolvePronoun(c, f, si);
    if (antecedent) return antecedent;
    return { kind: 'anonymous', canonical: null, speaker: span, unresolved: true };
  }
  const names = entitiesIn(c.entities, span.start, span.end);
  let generic = false;
  let document = false;
  for (let i = first; i <= last; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word' || insideAny(names, t)) continue;
    const n = baseNorm(t);
    if (ANONYMOUS_MODIFIERS.has(n)) return { kind: 'anonymous', canonical: null, speaker: span, unresolved: false };
    if (GENERIC_HEADS.has(n)) {
      generic = true;
      if (DOCUMENT_HEADS.has(n)) document = true;
    }
  }
  const named = names.find((e) => e.type === 'person') ?? names.find((e) => e.type === 'org' || e.type === 'group');
  // "The U.S. has said", "Texas said": a country or place speaks through no one it names: anonymous
  const place = names.find((e) => e.type === 'place');
  // "chief executive Alder Quennell": a person's name at the head of the phrase names the
  // source, whatever title stands before it.
  const person = names.find((e) => e.type === 'person');
  // "according to the Marrowby Courier": an outlet's name is no person's, whatever the tagger said
  const outletName = person ? outletNamed(text, tokens, first, last) : null;
  if (outletName !== null) return { kind: 'relayed', canonical: null, outlet: outletName, speaker: span, unresolved: false };
  if (person && person.span.end >= l.end) return { kind: 'named', canonical: person.canonical, speaker: span, unresolved: false };
  // "the AP", "a Reuters report", "reports by CNN": another outlet's reporting, relayed
  const outlet = outletOf(text, tokens, first, last);
  if (outlet !== null) {
    const org = names.find((e) => e.type === 'org');
    return { kind: 'relayed', canonical: org?.canonical ?? null, outlet, speaker: span, unresolved: false };
  }
  if (generic && !(document && named)) return { kind: 'anonymous', canonical: null, speaker: span, unresolved: false };
  if (named) return { kind: 'named', canonical: named.canonical, speaker: span, unresolved: false };
  if (place) {
    // "Clinton said" where the tagger took a surname for a town: a person of that name in the article makes it named
    const person = personByLastWord(c).get(place.text.toLowerCase());
    if (person) return { kind: 'named', canonical: person, speaker: span, unresolved: false };
    // "according to Marrowby General Hospital": a named institution, whatever the tagger made of it
    const head = place.text.slice(place.text.lastIndexOf(' ') + 1).toLowerCase();
    if (place.text.includes(' ') && INSTITUTION_HEADS.has(head)) return { kind: 'named', canonical: place.canonical, speaker: span, unresolved: false };
    return { kind: 'anonymous', canonical: place.canonical, speaker: span, unresolved: false };
  }
  // "Workers say": a capital at the start of the sentence names no one
  const sentenceStart = c.ranges[si]?.[0] ?? -1;
  if (isCapital(text, l) && !(last === sentenceStart)) return { kind: 'named', canonical: null, speaker: span, unresolved: false };
  // "the ministry said" points back to a named body; "a newspaper reported" names none
  return f.norm === 'the' ? { kind: 'named', canonical: null, speaker: span, unresolved: false } : { kind: 'anonymous', canonical: null, speaker: span, unresolved: false };
}

/**
 * The antecedent of a pronoun: in this sentence before it, then up to ANTECEDENT_SENTENCES
 * before, the first (subject-most) person for he/she, organisation, group or anonymous source
 * for they/it. Names inside quotations are skipped.
 */
function resolvePronoun(c: Ctx, pronoun: Token, si: number): Classified | null {
  const wantPerson = PERSON_PRONOUNS.has(pronoun.norm);
  const gender = pronounGender(pronoun.norm);
  const genders = gender ? (c.genders ??= personGenders(c.text, c.tokens, c.sentences, c.entities)) : undefined;
  for (let s = si; s >= 0 && si - s <= ANTECEDENT_SENTENCES; s--) {
    const sentence = c.sentences[s];
    if (!sentence) continue;
    const end = s === si ? pronoun.start : sentence.end;
    // "She says Trump's tweets accusing Alicia Machado ...": the same pronoun before any name
    // continues the chain, whose antecedent lies further back (within the same window: looking
    // farther back was no better on PolNeAR, the names there are more often mistagged)
    const same = samePronounAt(c, s, pronoun.norm, end);
    let best: Classified | null = null;
    let bestAt = Infinity;
    let object: Classified | null = null;
    let otherGender = false;
    const ents = entitiesIn(c.entities, sentence.start, end);
    for (let ei = 0; ei < ents.length; ei++) {
      const e = ents[ei] as Entity;
      if (isInside(c.quoted, e.span.start)) continue;
      if (wantPerson && modifiesNextPerson(c.text, e, ents[ei + 1])) continue; // "Obama consultant Cornell Belcher": the consultant speaks
      const fits = wantPerson ? e.type === 'person' && !(gender && (genders?.get(e.canonical) ?? gender) !== gender) : e.type === 'org' || e.type === 'group' || e.type === 'place';
      // "Trump mocked Bush’s record ... he said": an object or an owner is what "he" stands for only
      // when the sentence's subject is of the other gender ("Martha Raddatz asked Mike Pence ... he said")
      if (wantPerson && e.type === 'person' && !fits) otherGender = true;
      if (fits && wantPerson && isObjectOrOwner(c, tokenAt(c, e.span.start), e)) {
        if (!object) object = { kind: 'named', canonical: e.canonical, speaker: e.span, unresolved: false };
        continue;
      }
      if (fits && e.span.start < bestAt) {
        best = { kind: 'named', canonical: e.canonical, speaker: e.span, unresolved: false };
        bestAt = e.span.start;
      }
    }
    if (!best && object && otherGender) {
      best = object;
      bestAt = object.speaker.start;
    }
    for (const a of c.anonymous.get(s) ?? []) {
      if (a.span.start >= end || a.plural === wantPerson || (wantPerson && !a.person)) continue;
      if (a.span.start < bestAt) {
        best = { kind: 'anonymous', canonical: null, speaker: a.span, unresolved: false };
        bestAt = a.span.start;
      }
    }
    if (same >= 0 && same < bestAt) continue;
    if (best) return best;
  }
  return null;
}

/** Index of the token starting at offset (binary search over the tokens). */
function tokenAt(c: Ctx, offset: number): number {
  let lo = 0;
  let hi = c.tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((c.tokens[mid] as Token).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Most words between a name and the person it describes ("Trump senior communications adviser Jason Miller"). */
const MAX_MODIFIER_WORDS = 4;
const MAX_MODIFIER_CHARS = 50;

/**
 * Does the name e only describe the person named right after it ("Obama consultant Cornell
 * Belcher", "Clinton's campaign chairman John Podesta")? Only lower-case words stand between
 * them (a possessive first allowed), none a verb form of a cue or in -ed, and the last a role word.
 */
function modifiesNextPerson(text: string, e: Entity, next: Entity | undefined): boolean {
  if (e.type !== 'person' || !next || next.type !== 'person') return false;
  if (next.span.start - e.span.end > MAX_MODIFIER_CHARS) return false;
  let between = text.slice(e.span.end, next.span.start);
  if (between.startsWith("'s ") || between.startsWith('’s ')) between = between.slice(2);
  const words = between.trim().split(' ');
  if (words.length === 0 || words.length > MAX_MODIFIER_WORDS || !/^ [a-z][a-z ]*[a-z] $/.test(between)) return false;
  // every word describes ("senior", "campaign", "manager"); a verb or a preposition between ("went after") makes two people
  return words.every((w) => isRoleWord(w) && !w.endsWith('ed') && !CUE_VERBS.has(w) && !CUE_PARTICIPLES.has(w) && !NOT_ROLE_WORDS.has(w) &&
    !SUBJECT_STOPS.has(w) && !SOURCE_END.has(w) && !INNER_PREPOSITIONS.has(w) && !BETWEEN_SUBJECT_AND_VERB.has(w));
}
/** Words that end like role words but are none ("after", "over"). */
const NOT_ROLE_WORDS = new Set(['after', 'over', 'under', 'other', 'either', 'whether', 'rather', 'ever', 'never', 'later', 'together', 'per', 'her', 'offer', 'against', 'beneath', 'ahead', 'instead', 'meant', 'went', 'sent', 'spent', 'want', 'grant', 'present', 'urgent', 'recent', 'ancient', 'equal', 'usual', 'final', 'total', 'actual', 'real', 'general', 'critic']);

/** Offset of the first `norm` pronoun of sentence s before `end`, outside quotations, or -1. */
function samePronounAt(c: Ctx, s: number, norm: string, end: number): number {
  const range = c.ranges[s];
  if (!range) return -1;
  for (let k = range[0]; k < range[1]; k++) {
    const t = c.tokens[k] as Token;
    if (t.start >= end) break;
    if (t.norm === norm && !isInside(c.quoted, t.start)) return t.start;
  }
  return -1;
}

/** SOURCE_AFTER_CUES by first word: the cue's words, longest first. */
const CUES_AFTER_BY_FIRST = new Map<string, string[][]>();
for (const phrase of SOURCE_AFTER_CUES.keys()) {
  const words = phrase.split(' ');
  const list = CUES_AFTER_BY_FIRST.get(words[0] ?? '') ?? [];
  list.push(words);
  list.sort((x, y) => y.length - x.length);
  CUES_AFTER_BY_FIRST.set(words[0] ?? '', list);
}

/** Every word that may open a cue: one lookup per token decides most words. */
const ANY_CUE_WORD = new Set([...CUES_AFTER_BY_FIRST.keys(), ...CUE_VERBS, ...CUE_PARTICIPLES, ...IMPERSONAL_PASSIVES, ...CUES_WITH_NEXT.keys(), 'reportedly']);
/** ANY_CUE_WORD as a field of the word table (word-bits.ts): the lookup findCues makes per token is shared with the later stages. */
const CUE_WORD = WORD_BITS.field(1);
for (const w of ANY_CUE_WORD) WORD_BITS.add(CUE_WORD, w, 1);

/** Does a cue verb follow at token k, after auxiliaries and adverbs ("reportedly has said", "reportedly told")? */
function isBeforeCueVerb(c: Ctx, k: number, b: number): boolean {
  let x = k;
  while (x < b && c.tokens[x]?.kind === 'word' && (BETWEEN_SUBJECT_AND_VERB.has(c.tokens[x]?.norm ?? '') || isAdverb(c.text, c.tokens[x] as Token))) x++;
  const n = c.tokens[x]?.norm ?? '';
  return CUE_VERBS.has(n) || CUE_PARTICIPLES.has(n) || CUES_WITH_NEXT.has(n);
}

/** Length in tokens of the "according to"-type cue starting at token k, or 0. */
function cueAfter(c: Ctx, k: number, b: number): number {
  const { tokens } = c;
  const candidates = CUES_AFTER_BY_FIRST.get((tokens[k] as Token).norm);
  if (!candidates) return 0;
  for (const words of candidates) {
    if (k + words.length > b) continue;
    let ok = true;
    for (let x = 1; x < words.length && ok; x++) if (tokens[k + x]?.norm !== words[x]) ok = false;
    if (ok) return words.length;
  }
  return 0;
}

/** Person canonicals by the last word of their names (lower case), made once per text. */
function personByLastWord(c: Ctx): Map<string, string> {
  if (c.personLastWords) return c.personLastWords;
  const out = new Map<string, string>();
  for (const e of c.entities) {
    if (e.type !== 'person') continue;
    const words = e.text.toLowerCase().split(' ');
    const lastWord = words[words.length - 1] ?? '';
    if (lastWord && !out.has(lastWord)) out.set(lastWord, e.canonical);
  }
  c.personLastWords = out;
  return out;
}

/**
 * The subject of a participle right after it when it is a counted group ("with 47 percent of
 * Cuban Americans saying", "three in 10 saying", "with voters saying"): a phrase after "with",
 * or one that opens with a number or a quantity word. Null for others ("a sign saying").
 */
function countedSubject(c: Ctx, k: number, a: number): [number, number] | null {
  const { tokens } = c;
  let j = k;
  const last = tokens[j];
  if (!last || (last.kind !== 'word' && last.kind !== 'number') || PERSON_PRONOUNS.has(last.norm) || PLURAL_PRONOUNS.has(last.norm)) return null;
  const cue = (tokens[k + 1] as Token).norm;
  // "with Cruz repeatedly calling Trump his friend": the adverb is no part of the subject
  while (j > a && isAdverb(c.text, tokens[j] as Token)) j--;
  // "with 100 percent of precincts reporting", "with the economy adding 151,000 jobs": counts, not words
  if (cue === 'reporting' || cue === 'adding') return null;
  const phrase = subjectLeft(c, j, a);
  if (!phrase) return null;
  const first = tokens[phrase[0]] as Token;
  if (tokens[phrase[0] - 1]?.norm === 'with') return phrase;
  // "three in 10 saying", "30 percent saying" (not "the most telling", "some warning signs")
  return cue === 'saying' && phrase[1] > phrase[0] && (first.kind === 'number' || QUANTITIES.has(first.norm) || APPROXIMATORS.has(first.norm)) ? phrase : null;
}

/** Words before a participle cue that hang it on the clause's subject ("by saying", "after saying"). */
/**
 * Things issued whose participle reports what they say ("issued a statement saying", "sent an email
 * calling for"): PolNeAR train: 17 of 21 such participles are gold cues, the maker the Source.
 */
const ISSUED_DOCUMENTS = new Set(['statement', 'release', 'letter', 'report', 'memo', 'post', 'tweet', 'ad', 'video', 'email', 'note', 'message']);

/** "continues to insist", "continued to call for": the cue is the verb after "to", the subject before "continue". */
const CONTINUE_FORMS = new Set(['continue', 'continues', 'continued', 'continuing']);

const PARTICIPLE_OPENERS = new Set(['while', 'before', 'after', 'by', 'from', 'for', 'without', 'when', 'also', 'then', 'and']);

/**
 * The last token of what describes an inverted source after its name: "said Rep. G.K. Butterfield
 * (D-N.C.), head of the Congressional Black Caucus." runs to the sentence end or a quotation;
 * a participle clause ("said Trump, speaking to veterans") is not part of it. -1: nothing to add.
 */
function appositiveEnd(c: Ctx, last: number, b: number): number {
  const { tokens, text } = c;
  let k = last + 1;
  let end = -1;
  const restrictive = restrictiveClauseEnd(c, last, b);
  if (restrictive >= 0) return restrictive;
  if (text[tokens[k]?.start ?? -1] === '(') {
    let x = k + 1;
    while (x < b && x - k <= MAX_BRACKET_TOKENS && text[(tokens[x] as Token).start] !== ')') x++;
    if (x >= b || text[(tokens[x] as Token).start] !== ')') return -1;
    end = x;
    k = x + 1;
  }
  if (text[tokens[k]?.start ?? -1] !== ',') return end;
  const first = tokens[k + 1];
  // "said Gonzalez, 55, of Brigantine": an age opens the aside
  const age = first?.kind === 'number' && text[tokens[k + 2]?.start ?? -1] === ',';
  if (!first || (first.kind !== 'word' && !age) || (first.norm.endsWith('ing') && !TITLE_PARTICIPLES.has(first.norm)) || SOURCE_END.has(first.norm) && !DETERMINERS.has(first.norm) && first.norm !== 'who') return end;
  // "said Mr. Kamin, who emphasized that ...": a relative clause that attributes again is a cue of its own
  if (first.norm === 'who' && CUE_VERBS.has(tokens[k + 2]?.norm ?? '')) return end;
  // "said Trump, in Kentucky", "said Hunter, meanwhile", "said Mr. Trump, asked about ...": the
  // moment or a link word, not who the source is (PolNeAR leaves them out)
  if (!describesSource(c, first)) return end;
  let x = k + 1;
  let lastWord = -1;
  for (; x < b && x - k <= MAX_ASIDE_TOKENS; x++) {
    const t = tokens[x] as Token;
    if (isInside(c.quoted, t.start)) break;
    if (t.kind === 'punct' && (text[t.start] === '.' || text[t.start] === ';' || text[t.start] === ':') && !isNamePeriod(text, tokens, x)) break;
    // "said Peter Rice, chairman of Fox Networks Group, noting that ...": a later aside that is no description ends it
    if (t.kind === 'punct' && text[t.start] === ',' && x > k + 1 && !describesSource(c, tokens[x + 1])) break;
    if (t.kind !== 'punct') lastWord = x;
  }
  if (x - k > MAX_ASIDE_TOKENS) return end;
  return lastWord > k ? lastWord : end;
}

/**
 * The last token of a restrictive relative clause right after a source phrase ending at token
 * `last` ("according to a senior official who spoke on the condition of anonymity", "said a
 * woman who has accused him"): PolNeAR takes it into the source, which it picks out. It runs to
 * the first punctuation that is no part of a name, a quotation or the sentence end; -1 when no
 * "who" follows the phrase's head word directly (no comma: "Trump, who ..." only describes).
 */
function restrictiveClauseEnd(c: Ctx, last: number, b: number): number {
  const { tokens, text } = c;
  const head = tokens[last];
  const who = tokens[last + 1];
  if (!head || head.kind !== 'word' || !who || who.norm !== 'who' || head.end === who.start) return -1;
  let end = -1;
  for (let x = last + 2; x < b && x - last <= MAX_ASIDE_TOKENS; x++) {
    const t = tokens[x] as Token;
    if (isInside(c.quoted, t.start)) break;
    if (t.kind === 'punct') {
      if (isNamePeriod(text, tokens, x) || isGluedInside(c, x)) continue;
      break;
    }
    end = x;
  }
  return end > last + 1 ? end : -1;
}

/**
 * The last token of an appositive closed by commas right after a clause's subject ending at token
 * `last`, before token j: "Dean, a medical doctor, then appeared on TV, saying ..." -> "a medical
 * doctor"; "Trump, her Republican opponent, bemoaned ... and said". PolNeAR takes it into the
 * Source. It must open with a determiner, a number, "including" or a role word and end at a comma; -1 else.
 */
function closedAppositiveEnd(c: Ctx, last: number, j: number): number {
  const { tokens, text } = c;
  if (text[tokens[last + 1]?.start ?? -1] !== ',') return -1;
  const first = tokens[last + 2];
  const opens = first !== undefined && first.kind === 'word' && isLower(text, first) &&
    (DETERMINERS.has(first.norm) || first.norm === 'including' || LINKS_BEFORE_DESCRIPTION.has(first.norm) || TITLE_PARTICIPLES.has(first.norm) || isRoleWord(first.norm)) && !NOT_ROLE_WORDS.has(first.norm);
  if (!first || !(first.kind === 'number' || (opens && describesSource(c, first)))) return -1;
  for (let x = last + 2; x < j && x - last <= MAX_ASIDE_TOKENS; x++) {
    const t = tokens[x] as Token;
    if (isInside(c.quoted, t.start)) return -1;
    if (t.kind !== 'punct') continue;
    const ch = text[t.start] ?? '';
    if (ch === ',') return x - 1 > last + 1 ? x - 1 : -1;
    if (!ASIDE_PUNCT.has(ch) || (ch === '.' && !isNamePeriod(text, tokens, x))) return -1;
  }
  return -1;
}

/** Link words that open a description when a determiner, number or role word follows ("now 81", "then ambassador"). */
const LINKS_BEFORE_DESCRIPTION = new Set(['now', 'then', 'also', 'formerly', 'once']);
/** -ing words that open a title ("acting director", "managing partner", "ranking member"). */
const TITLE_PARTICIPLES = new Set(['acting', 'managing', 'presiding', 'ranking', 'founding', 'visiting', 'outgoing', 'incoming']);

/** First words of an aside after an inverted source that is no description of it (prepositions, link words). */
const ASIDE_NOT_SOURCE = new Set([
  'in', 'at', 'after', 'with', 'during', 'on', 'for', 'from', 'before', 'while', 'when', 'as', 'about', 'through', 'via', 'without',
  'meanwhile', 'however', 'though', 'too', 'also', 'once', 'again', 'instead', 'still', 'then', 'now', 'yet', 'moreover', 'indeed',
  'referring', 'adding', 'noting', 'because', 'despite', 'unlike', 'like', 'amid', 'following',
]);

/**
 * Can an aside opening with token t describe the source before it ("Kenneth Baer, a former
 * official, said")? Not a participle clause ("Trump, speaking to veterans, said", "Mr. Trump,
 * asked about ..., said"), a preposition ("Trump, in Kentucky, said") or a link word ("Hunter,
 * meanwhile, told"): PolNeAR leaves those out of the Source.
 */
function describesSource(c: Ctx, t: Token | undefined): boolean {
  if (!t) return false;
  if (t.kind !== 'word') return t.kind === 'number';
  // "Proponents, including the Conference of Mayors, have urged": members of the source (PolNeAR
  // train: 28 of 29 such asides are inside the gold Source)
  if (t.norm === 'including') return true;
  // "Mr. Daniloff, now 81 and retired", "James Cunningham, then ambassador to Israel", "Cruz, also a
  // GOP presidential hopeful": a time or link word before a description (PolNeAR train sources)
  if (LINKS_BEFORE_DESCRIPTION.has(t.norm)) {
    const next = c.tokens[tokenAt(c, t.end)];
    return next !== undefined && (next.kind === 'number' || (next.kind === 'word' && (DETERMINERS.has(next.norm) || (isRoleWord(next.norm) && !NOT_ROLE_WORDS.has(next.norm)))));
  }
  // "Ken Sena, managing director at Evercore": a title, not a participle clause
  if (TITLE_PARTICIPLES.has(t.norm)) return true;
  if (ASIDE_NOT_SOURCE.has(t.norm) || t.norm.endsWith('ing')) return false;
  return !(t.norm.endsWith('ed') && isLower(c.text, t) && !ROLE_WORDS.has(t.norm));
}

/**
 * An -ly adverb between subject and verb ("Mrs. Clinton adamantly denied"): skipped, never the
 * source. Only in lower case: a capitalised one before a verb is a name ("Jolly said", "Haley said").
 */
function isAdverb(text: string, t: Token): boolean {
  return t.norm.length > 4 && t.norm.endsWith('ly') && !ADJECTIVES_IN_LY.has(t.norm) && isLower(text, t);
}
const ADJECTIVES_IN_LY = new Set(['family', 'italy', 'july', 'ally', 'early', 'daily', 'weekly', 'monthly', 'friendly', 'elderly', 'lonely', 'holly', 'kelly', 'sally', 'billy', 'emily', 'molly', 'polly']);

/** Is the cue at token k next to a quotation or a colon ("continued:", "“...,” she continued")? */
function nextToQuote(c: Ctx, k: number): boolean {
  const { tokens, text } = c;
  const next = tokens[k + 1];
  if (next && (text[next.start] === ':' || isInside(c.quoted, next.start))) return true;
  // "She continued, “For us ...”"
  const second = tokens[k + 2];
  if (next && second && text[next.start] === ',' && isInside(c.quoted, second.start)) return true;
  for (let i = k - 1; i >= 0 && k - i <= 4; i--) {
    const t = tokens[i] as Token;
    if (isInside(c.quoted, t.start) || isInside(c.quoted, Math.max(0, t.end - 1))) return true;
  }
  return false;
}

/**
 * The subject of the clause a participle or a second verb hangs on ("Trump attacked her, saying
 * ..."; "Cruz exhorted Republicans ... and said"): the source of the sentence's last cue before
 * it, else its first pronoun or person, organisation or group name outside quotations.
 */
function clauseSubject(c: Ctx, out: readonly Cue[], si: number, a: number, j: number): [number, number] | null {
  const { tokens } = c;
  for (let x = out.length - 1; x >= 0; x--) {
    const prev = out[x] as Cue;
    if (prev.sentence !== si) break;
    // "Trump was defensive about not paying an architect who said he was stiffed, saying ...": a
    // cue inside a relative clause ("who said") has the clause's own subject, not the sentence's
    if (prev.source && isRelativeCue(c, prev)) continue;
    if (prev.source && prev.kind !== 'dangling' && prev.source.end <= (tokens[j] as Token).end) {
      let f = a;
      while (f <= j && (tokens[f] as Token).start < prev.source.start) f++;
      let l = f;
      while (l + 1 <= j && (tokens[l + 1] as Token).end <= prev.source.end) l++;
      if (f <= j) return [f, l];
    }
  }
  const ents = entitiesIn(c.entities, (tokens[a] as Token).start, (tokens[j] as Token).end);
  // a name that is no object or owner first ("Trump told AFP ..., saying": Trump); else the first name as before
  return firstSubject(c, ents, a, j, true) ?? firstSubject(c, ents, a, j, false);
}


/** Is the cue's verb right after a "who" / "which" that follows its source ("an architect who said", "Smith, who has said")? */
function isRelativeCue(c: Ctx, cue: Cue): boolean {
  const { tokens, text } = c;
  if (!cue.source || cue.source.end > cue.cue.start) return false;
  let k = tokenAt(c, cue.source.end);
  if (text[tokens[k]?.start ?? -1] === ',') k++;
  const rel = tokens[k];
  if (!rel || (rel.norm !== 'who' && rel.norm !== 'which')) return false;
  // "who said", "who has also said": at most two words between the pronoun and the cue verb
  let words = 0;
  for (let x = k + 1; x < tokens.length && (tokens[x] as Token).start < cue.cue.start; x++) if (++words > 2) return false;
  return true;
}

/** The first pronoun or person, organisation or group name of tokens [a, j] outside quotations (skipping objects and owners when `subjectsOnly`). */
function firstSubject(c: Ctx, ents: readonly Entity[], a: number, j: number, subjectsOnly: boolean): [number, number] | null {
  const { tokens } = c;
  for (let i = a; i <= j; i++) {
    const t = tokens[i] as Token;
    if (isInside(c.quoted, t.start)) continue;
    if (t.kind === 'word' && (PERSON_PRONOUNS.has(t.norm) || PLURAL_PRONOUNS.has(t.norm) || t.norm === 'we' || t.norm === 'i')) return [i, i];
    const e = ents.find((x) => x.span.start === t.start && (x.type === 'person' || x.type === 'org' || x.type === 'group'));
    if (e && subjectsOnly && isObjectOrOwner(c, i, e)) continue;
    if (e) {
      let l = i;
      while (l + 1 <= j && (tokens[l + 1] as Token).end <= e.span.end) l++;
      // "Democratic candidate Hillary Clinton ... but has said": the group word describes the person after it
      if (e.type === 'group') {
        for (let x = l + 1; x <= j && x - l <= 4 && (tokens[x] as Token).kind === 'word'; x++) {
          const p = ents.find((y) => y.span.start === (tokens[x] as Token).start && y.type === 'person');
          if (!p) continue;
          l = x;
          while (l + 1 <= j && (tokens[l + 1] as Token).end <= p.span.end) l++;
          break;
        }
      }
      // "former Maryland Gov. Martin O'Malley ..., saying": the titles before the name belong to the subject
      const phrase = subjectLeft(c, l, a);
      if (phrase && phrase[1] === l && phrase[0] < i) return phrase;
      return [i, l];
    }
  }
  return null;
}

/**
 * Is the name e starting at token i no subject: an owner ("Mr. Clinton's record") or the object
 * of a verb or preposition before it ("told AFP", "attacked Clinton", "about Trump")? A
 * lower-case word right before a name is a verb or a preposition unless it describes the name
 * (a determiner, a role word: "former Gov. Martin O'Malley", "the Republican nominee").
 */
function isObjectOrOwner(c: Ctx, i: number, e: Entity): boolean {
  const { tokens, text } = c;
  let l = i;
  while (tokens[l + 1] && (tokens[l + 1] as Token).start < e.span.end) l++;
  const last = tokens[l] as Token;
  const glued = tokens[l + 1];
  if (last.norm.endsWith("'s") || (glued && glued.start === last.end && (text[glued.start] === '’' || text[glued.start] === "'"))) return true;
  // "with Governor Alan Pike": the titles before the name are part of it
  let b = i - 1;
  // ("Secretary of State Rex Tillerson": an "of" between capitals is inside the title)
  while (b > 0 && (isCapital(text, tokens[b]) || isNamePeriod(text, tokens, b) || (tokens[b]?.norm === 'of' && isCapital(text, tokens[b - 1]) && isCapital(text, tokens[b + 1])))) b--;
  const before = tokens[b];
  if (!before || before.kind !== 'word' || !isLower(text, before)) return false;
  const n = before.norm;
  return !(DETERMINERS.has(n) || CLAUSE_OPENERS.has(n) || isRoleWord(n) || ROLE_WORDS.has(n) || BETWEEN_SUBJECT_AND_VERB.has(n) || TIME_WORDS.has(n));
}

function record(c: Ctx, out: Cue[], cue: Span, phrase: [number, number] | null, si: number, extent = -1): void {
  if (!phrase) {
    out.push({ cue, source: null, kind: 'dangling', canonical: null, outlet: null, speaker: null, unresolved: false, sentence: si });
    return;
  }
  const [first, last] = phrase;
  // the span covers an aside after the name ("Kenneth Baer, a former official, said"); the name classifies
  const source = { start: (c.tokens[first] as Token).start, end: (c.tokens[Math.max(last, extent)] as Token).end };
  const k = classify(c, first, last, si);
  if (k.kind === 'anonymous' && k.speaker.start === source.start) {
    const head = c.tokens[last] as Token;
    const list = c.anonymous.get(si) ?? [];
    // "he"/"she" stands only for a phrase with a word for a person ("a senior official", "a worker
    // at the plant", "my mother"), not for "brain cancer, which confirmed ..."
    let person = false;
    for (let x = first; x <= last && !person; x++) person = (c.tokens[x] as Token).kind === 'word' && isPeopleWord(c.tokens[x] as Token);
    list.push({ span: source, plural: head.norm.endsWith('s') || head.norm === 'people', person });
    c.anonymous.set(si, list);
  }
  out.push({ cue, source, kind: k.kind, canonical: k.canonical, outlet: k.outlet ?? null, speaker: k.speaker, unresolved: k.unresolved, sentence: si });
}

/**
 * Does the phrase after "citing" name where information came from: a person, organisation or
 * outlet, or a word for people or documents ("citing unidentified officials", "citing CNN's
 * story", "citing a poll") before its first preposition? "citing a threat to public health",
 * "citing her work" name a reason.
 */
function citesASource(c: Ctx, phrase: [number, number]): boolean {
  const { tokens } = c;
  const [first, last] = phrase;
  if (outletOf(c.text, tokens, first, last) !== null) return true;
  const f = tokens[first] as Token;
  // "citing him"; "citing her work" is a possessive before a reason
  if (first === last && (PERSON_PRONOUNS.has(f.norm) || PLURAL_PRONOUNS.has(f.norm) || OBJECT_PRONOUNS.has(f.norm))) return !(f.norm === 'her' && tokens[last + 1]?.kind === 'word');
  for (let i = first; i <= last; i++) {
    const t = tokens[i] as Token;
    if (i > first && INNER_PREPOSITIONS.has(t.norm)) break;
    const n = baseNorm(t);
    if (GENERIC_HEADS.has(n) || EVIDENCE_NOUNS.has(n) || ANONYMOUS_MODIFIERS.has(n)) return true;
    if (entitiesIn(c.entities, t.start, t.end).some((e) => e.type === 'person' || e.type === 'org' || e.type === 'group')) return true;
  }
  return false;
}

/** Every attribution cue of the text, in order, with its source and kind. */
export function findCues(input: CueInput): Cue[] {
  const { tokens, sentences, text } = input;
  const ranges: [number, number][] = [];
  let t = 0;
  for (const s of sentences) {
    while (t < tokens.length && (tokens[t]?.end ?? 0) <= s.start) t++;
    let e = t;
    while (e < tokens.length && (tokens[e]?.start ?? Infinity) < s.end) e++;
    ranges.push([t, e]);
    t = e;
  }
  const c: Ctx = { ...input, anonymous: new Map(), ranges };
  const out: Cue[] = [];
  const known = input.bits;
  const bits = (known !== undefined && known.tokens === tokens && known.version === WORD_BITS.version ? known : tokenBits(tokens)).bits;
  const cueMask = CUE_WORD.mask;
  ranges.forEach(([a, b], si) => {
    const pending: Span[] = [];
    for (let k = a; k < b; k++) {
      // Most words neither open an "according to" cue nor are a cue verb: the word table's bit
      // (ANY_CUE_WORD) decides that before the binary search over the quoted spans, and before
      // the token itself is read (the bits are one typed array; the tokens, objects each)
      if (((bits[k] as number) & cueMask) === 0) continue;
      const tok = tokens[k] as Token;
      if (tok.kind !== 'word') continue;
      const withNext = CUES_WITH_NEXT.get(tok.norm);
      // "spoke emotionally of": an -ly adverb may stand between the verb and its word
      if (withNext && !withNext.has(tokens[k + 1]?.norm ?? '') && !(tokens[k + 1] && isAdverb(text, tokens[k + 1] as Token) && withNext.has(tokens[k + 2]?.norm ?? ''))) continue;
      if (isInside(c.quoted, tok.start)) continue;
      const n = cueAfter(c, k, b); // "According to" may open a sentence
      if (tok.norm === 'asked' && isQuestionCue(c, out, k, a, b, si, pending)) continue;
      // a capital cue verb only in a title-case heading ("Lindsey Graham Says") or opening a sentence ("Said Ellis:")
      if (n === 0 && !isLower(text, tok) && !(CUE_VERBS.has(tok.norm) && (k === a || isCapital(text, tokens[k - 1])))) continue;
      // "Asked about the map, Reid said": a participle opening the sentence, not "Said Ellis:" (a name or "the" follows that)
      if (n === 0 && k === a && !isLower(text, tok) && tokens[k + 1]?.kind === 'word' && isLower(text, tokens[k + 1] as Token) && !DETERMINERS.has((tokens[k + 1] as Token).norm)) continue;
      if (n > 0) {
        const cueEnd = (tokens[k + n - 1] as Token).end;
        const phrase = sourceRight(c, k + n, b, true);
        // "..., according to a count by The Associated Press.": closing its sentence, the source runs to the end
        let closing = phrase && tok.norm === 'according' && k > a && text[(tokens[k - 1] as Token).start] === ',' ? sentenceTail(c, phrase[1], b) : -1;
        // "according to a senior official who spoke on the condition of anonymity": the clause picks the source out
        if (phrase && closing < 0) closing = restrictiveClauseEnd(c, phrase[1], b);
        // "the court blocked the sale, citing a threat to health": what is cited is a reason, not a
        // source; the clause's subject is (PolNeAR train: 28 of 30 "citing" sources are the subject)
        const subject = phrase && tok.norm === 'citing' && k > a && text[(tokens[k - 1] as Token).start] === ',' && !citesASource(c, phrase) ? clauseSubject(c, out, si, a, k - 1) : null;
        if (subject) record(c, out, { start: tok.start, end: cueEnd }, subject, si);
        else record(c, out, { start: tok.start, end: cueEnd }, phrase, si, closing);
        k += n - 1;
        continue;
      }
      if (tok.norm === 'reportedly') {
        // "The Club for Growth is reportedly spending $1.5 million": reports no one names (anonymous);
        // "officials reportedly said" is the verb's cue, the adverb skipped there
        if (!isBeforeCueVerb(c, k + 1, b)) out.push({ cue: { start: tok.start, end: tok.end }, source: null, kind: 'anonymous', canonical: null, outlet: null, speaker: null, unresolved: false, sentence: si });
        continue;
      }
      const previous = out[out.length - 1];
      if (previous?.source && previous.source.start <= tok.start && tok.end <= previous.source.end) continue; // inside a source phrase
      const before = tokens[k - 1];
      // "Trump continues to insist": "to" after a form of "continue" is no infinitive of purpose
      const continued = before?.norm === 'to' && k - 2 >= a && CONTINUE_FORMS.has(tokens[k - 2]?.norm ?? '') && CUE_VERBS.has(tok.norm);
      if (k > a && before && before.kind === 'word' && NOT_BEFORE_CUE.has(before.norm) && !continued) continue;
      const after = tokens[k + 1];
      // "Kim explains how he is preparing": a description; a past report ("she explained how",
      // "someone asked how") is a cue (PolNeAR train: 12 of 13 "explained/asked how" are gold cues)
      if (after && after.kind === 'word' && NOT_AFTER_CUE.has(after.norm) && !tok.norm.endsWith('ed')) continue;
      // "who asked not to be named", "asked to remain anonymous": a request, not a statement
      if ((tok.norm === 'asked' || tok.norm === 'asks') && after && (after.norm === 'not' || after.norm === 'to' || after.norm === 'that')) continue;
      // "will add 20 minutes", "added to the confusion", "threatens the U.S.": a quantity or a thing, no words reported
      if (after && notSpeechObject(tok.norm, after)) continue;
      const cueSpan = { start: tok.start, end: tok.end };
      // "..., saying ..." / "X attacked her and said ...": the subject of the clause
      const participle = CUE_PARTICIPLES.has(tok.norm);
      const progressive = participle && before !== undefined && BE_FORMS.has(before.norm) && k - 1 > a; // "Trump is promising"
      if (progressive) {
        const phrase = subjectLeft(c, k - 2, a);
        if (phrase) record(c, out, cueSpan, phrase, si);
        continue;
      }
      if (participle || isCoordinated(c, k, a)) {
        // "footage of Trump saying during the debate, “…”": a person named right before the participle is its subject
        const named = participle && before ? personEndingAt(c, k - 1, a) : null;
        if (named) {
          record(c, out, cueSpan, named, si);
          continue;
        }
        // "with 47 percent of Cuban Americans saying they will ...": a counted group is the participle's subject
        const counted = participle && before ? countedSubject(c, k - 1, a) : null;
        if (counted) {
          record(c, out, cueSpan, counted, si);
          continue;
        }
        // "Black Lives Matter issued a statement saying ...": the statement's maker is the source
        const issued = participle && before !== undefined && before.kind === 'word' && isLower(text, before) && ISSUED_DOCUMENTS.has(before.norm);
        if (participle && !issued && !(before && (text[before.start] === ',' || isDash(c, k - 1) || PARTICIPLE_OPENERS.has(before.norm) || isCommaQuoteClose(c, k - 1)))) continue;
        const subject = clauseSubject(c, out, si, a, k - 1);
        if (subject) record(c, out, cueSpan, subject, si, closedAppositiveEnd(c, subject[1], k - 1));
        continue;
      }
      const isCue = CUE_VERBS.has(tok.norm) || withNext !== undefined;
      if (isCue && QUOTE_ONLY_CUES.has(tok.norm) && !nextToQuote(c, k)) continue;
      if (after?.norm === 'by' && tok.norm.endsWith('ed') && !ANSWER_CUES.has(tok.norm)) continue; // "criticized by the left": passive, not "responded by saying"
      let j = continued ? k - 3 : k - 1;
      let passive = false;
      while (j >= a && tokens[j]?.kind === 'word' && (BETWEEN_SUBJECT_AND_VERB.has(tokens[j]?.norm ?? '') || isAdverb(text, tokens[j] as Token))) {
        if (BE_FORMS.has(tokens[j]?.norm ?? '')) passive = true;
        j--;
      }
      // "the port must explain why", "they should say so": a demand on the subject, not its report
      if (j >= a && OBLIGATION_MODALS.has(tokens[j]?.norm ?? '')) continue;
      if (passive) {
        // "it is believed", "it was reported": an attribution to no one
        if (IMPERSONAL_PASSIVES.has(tok.norm) && tokens[j]?.norm === 'it' && j >= a) {
          out.push({ cue: cueSpan, source: { start: (tokens[j] as Token).start, end: (tokens[j] as Token).end }, kind: 'anonymous', canonical: null, outlet: null, speaker: null, unresolved: false, sentence: si });
        }
        if (!tok.norm.endsWith('s') && !tok.norm.endsWith('ing')) continue; // "the attack was denied", "they were told": no source
      }
      if (!isCue) continue;
      const left = tokens[j];
      let phrase: [number, number] | null = null;
      let extent = -1;
      if (j > a && (left?.norm === 'who' || left?.norm === 'which')) {
        // "an architect who said", "McConnell, who in 2010 said": the phrase the relative clause hangs on
        let w = j - 1;
        if (text[(tokens[w] as Token).start] === ',') w--;
        if (w >= a) phrase = subjectLeft(c, w, a);
      } else if (j - 2 >= a && left?.norm === 'whom' && tokens[j - 1]?.norm === 'of') {
        // "family members, many of whom say", "most of whom had announced": PolNeAR's source is the
        // counted part ("many of whom", "40 percent of whom" in train), not the phrase it counts
        let q = j - 2;
        const counted = tokens[q] as Token;
        if (counted.norm === 'percent' && q - 1 >= a && tokens[q - 1]?.kind === 'number') q--;
        if (counted.kind === 'number' || QUANTITIES.has(counted.norm)) phrase = [q, j];
      } else if (j >= a && left && (left.kind === 'word' || left.kind === 'number')) {
        phrase = subjectBeforeRelative(c, j, a);
        // "people who have battled other online threats say": the relative clause belongs to the source (PolNeAR)
        if (phrase) extent = j;
        else phrase = subjectLeft(c, j, a);
      }
      else if (j >= a && left && (text[left.start] === ')' || isSuffixPeriod(c, j))) phrase = subjectLeft(c, j, a);
      else if (j - 1 >= a && left && text[left.start] === ',' && text[(tokens[j - 1] as Token).start] === ')') phrase = subjectLeft(c, j - 1, a); // "Sen. Jack Reed (D-R.I.), said"
      else {
        // "Megan Hester, senior associate at the institute, said parents still want ...": with no
        // quotation before the comma, a name opening the clause before asides is the subject
        // (the words after the verb are its object); after a quotation the source is inverted
        const asides = afterQuotation(c, j - 1) ? null : subjectBeforeAsides(c, j, a);
        if (asides) {
          phrase = asides;
          extent = asideEnd(c, asides[1], j);
        } else {
          phrase = INVERTING_CUES.has(tok.norm) ? sourceRight(c, k + 1, b, false) : null; // "..., said the official"
          // "..., said matter-of-factly": an adverb after the verb is no inverted subject
          if (phrase && phrase[0] === phrase[1] && isAdverb(text, tokens[phrase[0]] as Token)) phrase = null;
          // "..., said the race was close": the phrase after was the object
          if (phrase && VERB_AFTER_OBJECT.has(tokens[phrase[1] + 1]?.norm ?? '')) phrase = null;
          if (phrase) extent = appositiveEnd(c, phrase[1], b);
        }
        if (!phrase && isDash(c, j)) {
          // "Jason Sims — a teacher from Mount Pleasant — says": the source before the aside
          phrase = subjectBeforeDashAside(c, j, a);
          const opener = phrase ? tokens[phrase[1] + 2] : undefined;
          // a description ("— a teacher from Mount Pleasant —", "— and some Republicans —") is part of it, a clause ("— who has ...", "— after ...") not
          if (phrase && opener && (DETERMINERS.has(opener.norm) || opener.norm === 'and' || isCapital(text, opener))) extent = j - 1;
        }
        if (!phrase) {
          phrase = subjectBeforeAside(c, j, a); // "Smith, who runs the shelter, said"
          // the aside describes the source ("Kenneth Baer, a former official, said"), unless it is a participle clause ("Trump, speaking to veterans, said")
          if (phrase && describesSource(c, tokens[phrase[1] + 2])) extent = j - 1;
        }
      }
      if (phrase && isNounCue(c, k, phrase)) continue;
      if (phrase && isNaming(c, k, phrase)) continue;
      // "Six in 10 say", but "271 pledged delegates": after a number only a verb of saying attributes
      if (phrase && (tokens[phrase[1]] as Token).kind === 'number' && !AFTER_NUMBER_CUES.has(tok.norm)) continue;
      // "Rattling off promises to ...": a gerund opening the sentence is no subject, the cue word a noun
      if (phrase && opensWithGerund(c, phrase, a)) continue;
      if (phrase) record(c, out, cueSpan, phrase, si, extent);
    }
    for (const cue of pending) answeredBy(out, cue, si);
  });
  return out;
}

/** Words before "asked" that make it a question put to the clause's subject ("said when asked whether ..."). */
const QUESTION_OPENERS = new Set(['when', 'while', 'after', 'if', 'once', 'before']);
/** Words after ", asked" that make it a question put to the clause's subject ("Ben Carson, asked about his claims, said"). */
const QUESTION_OBJECTS = new Set(['about', 'whether', 'if', 'why', 'how', 'what', 'who', 'which', 'by', 'for', 'to', 'on']);

/**
 * "asked" as the question its answer follows (PolNeAR marks it a cue): "Christie said when asked
 * whether ..." and "Ben Carson, asked about ..., said" take the clause's subject, the one who
 * answers; "Sanders was asked by host Bill Maher" takes the asker, "Trump was asked ..." the one
 * asked; "Asked if he was ever bullied, the front-runner said" and "When asked ..., X said" wait
 * for the sentence's next cue (its source answers). False when "asked" is none of these (an
 * active "X asked"), for the ordinary cue-verb path.
 */
function isQuestionCue(c: Ctx, out: Cue[], k: number, a: number, b: number, si: number, pending: Span[]): boolean {
  const { tokens, text } = c;
  const tok = tokens[k] as Token;
  const cue = { start: tok.start, end: tok.end };
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  // "When asked by a reporter whether ...", "Asked by Stephanopoulos to respond": the asker is named
  if (after?.norm === 'by' && (k === a || (before && (before.kind !== 'word' || QUESTION_OPENERS.has(before.norm))))) {
    const asker = sourceRight(c, k + 2, b, true);
    if (asker) {
      record(c, out, cue, asker, si);
      return true;
    }
  }
  if (k === a || (k === a + 1 && before?.norm === 'when')) {
    pending.push(cue);
    return true;
  }
  if (!before) return false;
  if (before.kind === 'word' && QUESTION_OPENERS.has(before.norm) || (text[before.start] === ',' && after && QUESTION_OBJECTS.has(after.norm))) {
    const subject = clauseSubject(c, out, si, a, k - 1);
    if (subject) record(c, out, cue, subject, si);
    else pending.push(cue);
    return true;
  }
  let j = k - 1;
  while (j > a && tokens[j]?.kind === 'word' && isAdverb(text, tokens[j] as Token)) j--;
  if (!BE_FORMS.has(tokens[j]?.norm ?? '')) return false;
  if (after?.norm === 'by') {
    const asker = sourceRight(c, k + 2, b, true);
    if (asker) record(c, out, cue, asker, si);
    return asker !== null;
  }
  let s = j - 1;
  while (s > a && tokens[s]?.kind === 'word' && BETWEEN_SUBJECT_AND_VERB.has(tokens[s]?.norm ?? '')) s--;
  const asked = s >= a ? subjectLeft(c, s, a) : null;
  // "the question was asked": only a person (a name, a pronoun, a role) is asked
  const head = asked ? (tokens[asked[1]] as Token) : null;
  if (!asked || !head || !(isCapital(text, head) || PERSON_PRONOUNS.has(head.norm) || PLURAL_PRONOUNS.has(head.norm) || isRoleWord(baseNorm(head)))) return false;
  record(c, out, cue, asked, si);
  return true;
}

/** Records a question cue with the source of the first cue after it in sentence si (the one who answers), if any. */
function answeredBy(out: Cue[], cue: Span, si: number): void {
  for (let x = out.length - 1; x >= 0; x--) {
    const o = out[x] as Cue;
    if (o.sentence !== si) break;
    if (o.cue.start < cue.start) break;
    const previous = out[x - 1];
    const first = !previous || previous.sentence !== si || previous.cue.start < cue.start;
    if (first) {
      if (o.source && o.kind !== 'dangling') out.splice(x, 0, { ...o, cue });
      return;
    }
  }
}
