/**
 * Reading a source phrase for attribution-sources.ts: the subject leftwards from a cue, the source
 * rightwards, and what may stand between (asides, relative clauses, appositives, quantities,
 * people heads, time and occasion tails).
 */
import type { Entity, Token } from '../model/index.js';
import { BEFORE_NAMES } from './segment-abbreviations.js';
import { BETWEEN_SUBJECT_AND_VERB, CUE_VERBS, DETERMINERS, DOCUMENT_HEADS, GENERIC_HEADS, INNER_PREPOSITIONS, OTHER_PRONOUNS, OUTLET_DOCUMENTS, PERSON_PRONOUNS, PLURAL_PRONOUNS, SOURCE_END, SUBJECT_STOPS } from './attribution-tables.js';
import { ROLE_WORDS, type Ctx, isLower, isCapital, isNamePeriod, baseNorm, isInside, entitiesIn, isRoleWord, tokenAt, NOT_ROLE_WORDS, isAdverb } from './attribution-context.js';

/** Longest source phrase, in tokens. */
const MAX_SOURCE_TOKENS = 14;
/** How far back a cue looks for the "who" of a relative clause between its subject and itself. */
const MAX_RELATIVE_TOKENS = 12;
/** Longest bracketed aside after a name ("(D-Wis.)", "(R-S.C.)"), in tokens. */
const MAX_BRACKET_TOKENS = 10;
/** Longest comma-enclosed aside between a subject and its verb ("Kenneth Baer, a former official who runs ..., said"). */
const MAX_ASIDE_TOKENS = 40;
/** Words after which a preposition still belongs to the source ("people familiar with", "others briefed on"). */
const OPENS_PREPOSITION = new Set(['familiar', 'close', 'briefed', 'involved', 'knowledgeable', ...GENERIC_HEADS]);

const ARTICLES_AND_POSSESSIVES = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** Name suffixes whose period may stand right before the verb ("Biden Jr. said"). */
const NAME_SUFFIXES = new Set(['jr', 'sr']);

/** Is token j the period of a name suffix glued to it ("Jr.")? */
export function isSuffixPeriod(c: Ctx, j: number): boolean {
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
export const OBJECT_PRONOUNS = new Set(['him', 'them', 'me', 'us', 'her']);

/** Words a source phrase does not start or end with ("and", "of", "the" at its end). */
const EDGE_WORDS = new Set(['and', 'or', 'the', 'a', 'an', ...[...INNER_PREPOSITIONS].filter((w) => !GENERIC_HEADS.has(w))]);

/** Subject phrase ending at token j, read leftwards, not before token a: [first, j] or null. */
export function subjectLeft(c: Ctx, j: number, a: number, listed = false): [number, number] | null {
  const { tokens, text } = c;
  // "Rep. Gwen Moore (D-Wis.) said": the name before a bracketed aside, the aside kept in the span
  if (tokens[j] && text[(tokens[j] as Token).start] === ')') {
    for (let i = j - 1; i > a && j - i <= MAX_BRACKET_TOKENS; i--) {
      const ch = text[(tokens[i] as Token).start];
      if (ch === ')') return null;
      if (ch === '(') {
        const inner = subjectLeft(c, i - 1, a);
        if (!inner) return null;
        // "Martin O'Malley (D) and Mike Huckabee (R) announced", "Jeff Merkley (D-Ore.), Sherrod Brown
        // (D-Ohio) and Robert Menendez (D-N.J.) suggested": names with their labels joined (PolNeAR's Source)
        const sep = tokens[inner[0] - 1];
        const close = tokens[inner[0] - 2];
        const joins = sep && (sep.norm === 'and' || (listed && text[sep.start] === ','));
        const before = joins && close && inner[0] - 2 > a && text[close.start] === ')' ? subjectLeft(c, inner[0] - 2, a, true) : null;
        return [before ? before[0] : inner[0], j];
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
      // "The New York Times and the Wall Street Journal": two names, the second after "the"
      const theName = tokens[i + 1]?.norm === 'the' && isCapital(text, tokens[i + 2]) && isCapital(text, tokens[i - 1]);
      if (!theName && !isCapital(text, tokens[i + 1]) && !isConjoinedHead(c, i) && !joinsPeople(c, i, j)) break;
      // "... with a photo and Clinton said": a common noun before "and" is no second source
      const before = tokens[i - 1];
      if (isCapital(text, tokens[i + 1]) && before?.kind === 'word' && isLower(text, before) && !isPeopleNorm(baseNorm(before)) && !DETERMINERS.has(before.norm)) break;
    } else if (INNER_PREPOSITIONS.has(n) && !GENERIC_HEADS.has(n) && i < j) {
      // "former secretary of state said", "a supporter of the plan said": a role word takes its "of" phrase
      const left = tokens[i - 1];
      const inRatio = (n === 'in' && left?.kind === 'number' && tokens[i + 1]?.kind === 'number') || // "4 in 10"
        (n === 'of' && left?.norm === 'out' && isCount(tokens[i - 2]) && isCount(tokens[i + 1])); // "nine out of 10"
      if (!inRatio && (!left || left.kind !== 'word' || !(OPENS_PREPOSITION.has(left.norm) || QUANTITIES.has(left.norm) || INNER_PREPOSITIONS.has(left.norm) || isCapital(text, left) || isHeadBeforePreposition(left.norm)))) break;
    }
    first = i;
    // "people familiar with the matter": a determiner after an inner preposition does not end the phrase,
    // nor a bounded number ("The employee of nearly four years")
    // nor a second people phrase of a coordination ("many experts and some lawmakers")
    const coordinated = (tokens[i - 1]?.norm === 'and' || tokens[i - 1]?.norm === 'or') && i - 1 >= a && (joinsPeople(c, i - 1, j) ||
      (n === 'the' && isCapital(text, tokens[i + 1]) && isCapital(text, tokens[i - 2])));
    // "The two said", "those three wrote": a number word standing alone for people keeps its article
    const counted = i === j && QUANTITIES.has(n) && i - 1 >= a && ARTICLES_BEFORE_COUNT.has(tokens[i - 1]?.norm ?? '');
    if (DETERMINERS.has(n) && !INNER_PREPOSITIONS.has(tokens[i - 1]?.norm ?? '') && !isBoundedNumber(c, i) && !coordinated && !counted) break;
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

/** Is t a number or a number word ("10", "nine")? */
function isCount(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'number' || NUMBER_WORDS.has(t.norm));
}
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);

/** Words of a relative clause that grants or asks for anonymity ("who requested anonymity", "who spoke anonymously"). */
const ANONYMITY_WORDS = new Set(['anonymity', 'anonymously']);
/** Does the relative clause whose verb is token i (said, spoke, requested...) set anonymity within its first few words? */
function setsAnonymity(c: Ctx, i: number): boolean {
  const v = c.tokens[i];
  if (!v || !TERMS_VERBS.has(v.norm) && v.norm !== 'asked') return false;
  for (let k = i + 1; k <= i + 6; k++) {
    const t = c.tokens[k];
    if (!t || t.kind !== 'word') return false;
    if (ANONYMITY_WORDS.has(t.norm)) return true;
  }
  return false;
}

/** Words before a number word standing alone for people ("the two", "those three"). */
const ARTICLES_BEFORE_COUNT = new Set(['the', 'those', 'these']);

/** Words that may open a coordinated subject before its first part ("Both Trump and his attorneys", "Neither Cruz nor Christie"). */
const COORDINATION_OPENERS = new Set(['both', 'neither', 'either']);
/** Focus words after a conjunction ("and even some technologists", "and also her aides"). */
const FOCUS_WORDS = new Set(['even', 'also', 'especially', 'particularly']);
/** Words that may stand before a coordinated subject opening a clause ("But private companies and traders say"). */
const CLAUSE_LINKS = new Set(['but', 'yet', 'so', 'and']);

/**
 * "Politicians and even some technologists say", "Neither Cruz nor Christie acknowledged",
 * "Friends, lobbyists and former foes say": a subject read leftwards that stopped after "and" /
 * "or" / "nor" takes the parts before it in when together they open the clause (the sentence's
 * first token, or one after "But"), so that "The talks failed and critics say" keeps "critics".
 * PolNeAR's Source is the whole coordination. The first token of the whole, or `first`.
 */
export function coordinatedStart(c: Ctx, first: number, a: number): number {
  const { tokens, text } = c;
  // "Politicians and even some technologists": a focus word between the conjunction and the part
  const focus = FOCUS_WORDS.has(tokens[first - 1]?.norm ?? '') ? 1 : 0;
  const conj = tokens[first - 1 - focus]?.norm;
  if (conj !== 'and' && conj !== 'or' && conj !== 'nor') return first;
  let start = first;
  let end = first - 2 - focus;
  // "labor unions, environmental groups, and many lawmakers": a comma before the conjunction only
  // in a list of three or more ("All the reviews came back clear, and the F.B.I. has said" joins clauses)
  const listComma = text[(tokens[end] as Token | undefined)?.start ?? -1] === ',';
  let parts = 0;
  for (; parts < 4 && end >= a; parts++) {
    if (text[(tokens[end] as Token).start] === ',') end--;
    const t = tokens[end];
    if (!t || (t.kind !== 'word' && t.kind !== 'number') || OBJECT_PRONOUNS.has(t.norm) || TIME_WORDS.has(t.norm)) return first;
    const part = subjectLeftPart(c, end, a);
    if (part === null || !isCoordinatedPart(c, part, end, parts > 0)) return first;
    start = part;
    const before = tokens[start - 1];
    if (!before || start === a) break;
    if (text[before.start] === ',' && start - 2 >= a) { end = start - 2; continue; }
    break;
  }
  if (listComma && parts < 1) return first;
  if (COORDINATION_OPENERS.has(tokens[start - 1]?.norm ?? '') && start - 1 >= a) start--;
  const before = tokens[start - 1];
  const opens = start === a || (start - 1 === a && before !== undefined && CLAUSE_LINKS.has(before.norm));
  return opens ? start : first;
}

/** Most tokens of one item of a listed subject before its last two parts ("Friends, lobbyists and former foes"). */
const MAX_LIST_ITEM_TOKENS = 3;

/**
 * May tokens [f, l] be a part of a coordinated subject: no -ly adverb, lower-case -ed word or "to"
 * ("The program infamously used forged documents and false reports")? An item of a list before a
 * comma ("Friends, lobbyists and ...") is short and ends in a name or a plural, so that an opener
 * ("However, five past and current employees", "Early in the campaign, he and others") is none.
 */
function isCoordinatedPart(c: Ctx, f: number, l: number, listItem: boolean): boolean {
  const { tokens, text } = c;
  for (let x = f; x <= l; x++) {
    const t = tokens[x] as Token;
    if (t.kind !== 'word' || !isLower(text, t)) continue;
    if (t.norm === 'to' || isAdverb(text, t) || (t.norm.length > 4 && t.norm.endsWith('ed'))) return false;
  }
  if (!listItem) return true;
  const last = tokens[l] as Token;
  const nameEnd = isCapital(text, last) && entitiesIn(c.entities, last.start, last.end).length > 0;
  return l - f < MAX_LIST_ITEM_TOKENS && (nameEnd || (last.norm.endsWith('s') && !last.norm.endsWith('ss')));
}

/** The first token of one part of a coordinated subject ending at token j: a name, a pronoun or a noun phrase read leftwards. */
function subjectLeftPart(c: Ctx, j: number, a: number): number | null {
  const t = c.tokens[j] as Token;
  if (PERSON_PRONOUNS.has(t.norm) || PLURAL_PRONOUNS.has(t.norm)) return j;
  const part = subjectLeft(c, j, a);
  return part && part[1] === j ? part[0] : null;
}

/** Most tokens between a document noun and the "by" / "from" of its maker ("a report released in September by"). */
const MAX_MADE_BY_TOKENS = 6;

/**
 * "A recent survey by Comcast found", "a report released by the Brookings Institution estimated",
 * "An email from Neera Tanden reveals": a subject read leftwards that stopped at the "by" / "from"
 * of a document's maker takes the document in (PolNeAR's Source is the whole phrase). The first
 * token of the document's phrase, or `first` when no document noun stands within a few words
 * before the preposition (words only: "released in September", "issued over the summer").
 */
export function madeByStart(c: Ctx, first: number, a: number): number {
  const { tokens, text } = c;
  const by = tokens[first - 1];
  if (!by || by.norm !== 'by' || first - 2 < a) return first;
  for (let x = first - 2; x >= a && first - 2 - x < MAX_MADE_BY_TOKENS; x--) {
    const t = tokens[x] as Token;
    if (t.kind !== 'word' && t.kind !== 'number') return first;
    if (SUBJECT_STOPS.has(t.norm) && t.norm !== 'by' || CUE_VERBS.has(t.norm)) return first;
    if (MADE_BY_HEADS.has(t.norm) && isLower(text, t)) {
      const outer = subjectLeft(c, x, a);
      return outer ? outer[0] : first;
    }
  }
  return first;
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
export function isPeopleWord(t: Token): boolean {
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

/**
 * The token before a time phrase ending at j ("on Saturday", "last month", "this past week") when
 * that token is a closing bracket or a comma ("Sen. Ana Ruiz (D-Ore.) on Saturday criticized",
 * "Ruiz, the chairwoman, on Friday announced"): the subject stands before it; else j.
 */
export function timeAfterAside(c: Ctx, j: number, a: number): number {
  let k = j;
  let times = 0;
  while (k > a) {
    const n = (c.tokens[k] as Token).norm;
    if (TIME_WORDS.has(n)) times++;
    else if (!TIME_LEADS.has(n) && n !== 'past') break;
    k--;
  }
  const ch = c.text[(c.tokens[k] as Token | undefined)?.start ?? -1];
  return times > 0 && k < j && (ch === ')' || ch === ',') ? k : j;
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
  // "A teary-eyed Bush", "17-year-old Jared Potts", "a flabbergasted Noah": an adjective describes the person
  const described = n === 'old' || (n.endsWith('ed') && ((n.length > 4 && DETERMINERS.has(tokens[p - 2]?.norm ?? '')) || text[(tokens[p - 2] as Token | undefined)?.start ?? -1] === '-'));
  return described || isRoleWord(n) || DETERMINERS.has(n) || INNER_PREPOSITIONS.has(n) || n === 'and' || n === 'or' ? first : p;
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
const BODY_HEADS = new Set(['city', 'state', 'county', 'town', 'government', 'governments', 'administration', 'ministry', 'department', 'office', 'attorney', 'attorneys', 'council', 'board', 'commission', 'committee']);

/** Words of quantity that take an "of" phrase in a source ("half of voters", "most of them", "majorities in all five"). */
export const QUANTITIES = new Set(['half', 'majority', 'majorities', 'percent', 'most', 'many', 'some', 'all', 'each', 'none', 'both', 'several', 'few', 'number', 'share', 'third', 'thirds', 'quarter', 'quarters', 'plurality', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozens', 'hundreds', 'thousands', 'millions', 'rest', 'any', 'either', 'neither']);

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
export const EVIDENCE_NOUNS = new Set(['poll', 'polls', 'polling', 'study', 'studies', 'data', 'review', 'estimate', 'estimates', 'document', 'documents', 'records', 'memo', 'statement', 'audit', 'letter', 'filing', 'filings', 'research', 'figures', 'tallies', 'counts', 'surveys', 'projection', 'projections', 'calculations', 'model', 'book']);
/** Documents and findings whose maker follows "by" / "from" in a subject ("A recent survey by X found", "An email from X reveals"). */
const MADE_BY_HEADS = new Set([...EVIDENCE_NOUNS, 'report', 'reports', 'survey', 'analysis', 'email', 'emails', 'copy', 'guidelines', 'evidence', 'examination', 'story', 'article']);

/** Is `prev` a word whose "by" phrase names its maker: an evidence noun or a participle ("conducted by", "released by")? */
function isMadeBy(text: string, prev: Token): boolean {
  if (prev.kind !== 'word' || !isLower(text, prev)) return false;
  return DOCUMENT_HEADS.has(prev.norm) || OUTLET_DOCUMENTS.has(prev.norm) || EVIDENCE_NOUNS.has(prev.norm) || (prev.norm.endsWith('ed') && prev.norm.length > 4 && !CUE_VERBS.has(prev.norm));
}

/** Source phrase starting at token i, read rightwards, before token b: [i, last] or null. */
export function sourceRight(c: Ctx, i: number, b: number, allowPronoun: boolean): [number, number] | null {
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
export function subjectBeforeAside(c: Ctx, j: number, a: number): [number, number] | null {
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
export function asideEnd(c: Ctx, last: number, j: number): number {
  const { tokens, text } = c;
  let end = -1;
  for (let i = last + 1; i < j; i++) {
    if (text[(tokens[i] as Token).start] !== ',' || isInside(c.quoted, (tokens[i] as Token).start)) continue; // "''Going Viral,''"
    if (!describesSource(c, tokens[i + 1])) return end;
    end = i - 1;
  }
  return j - 1;
}

/** Is token j a free-standing dash ("—", "–", "--"), the mark of an aside? */
export function isDash(c: Ctx, j: number): boolean {
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
export function subjectBeforeDashAside(c: Ctx, j: number, a: number): [number, number] | null {
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
export function afterQuotation(c: Ctx, i: number): boolean {
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
export function subjectBeforeAsides(c: Ctx, j: number, a: number): [number, number] | null {
  const { tokens, text } = c;
  if (text[tokens[j]?.start ?? 0] !== ',') return null;
  for (let i = j - 1; i > a && j - i <= MAX_ASIDE_TOKENS; i--) {
    const t = tokens[i] as Token;
    if (isInside(c.quoted, t.start)) {
      // "Hemsley, the co-author of "Going Viral," about ..., said": a quoted title inside an aside
      const open = titleStart(c, i, a);
      if (open < 0) return null;
      i = open;
      continue;
    }
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
export function subjectBeforeRelative(c: Ctx, j: number, a: number): [number, number] | null {
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

/**
 * The subject of a participle right after it when it is a counted group ("with 47 percent of
 * Cuban Americans saying", "three in 10 saying", "with voters saying"): a phrase after "with",
 * or one that opens with a number or a quantity word. Null for others ("a sign saying").
 */
export function countedSubject(c: Ctx, k: number, a: number): [number, number] | null {
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

/**
 * The last token of what describes an inverted source after its name: "said Rep. G.K. Butterfield
 * (D-N.C.), head of the Congressional Black Caucus." runs to the sentence end or a quotation;
 * a participle clause ("said Trump, speaking to veterans") is not part of it. -1: nothing to add.
 */
export function appositiveEnd(c: Ctx, last: number, b: number): number {
  const { tokens, text } = c;
  let k = last + 1;
  let end = -1;
  const restrictive = restrictiveClauseEnd(c, last, b);
  if (restrictive >= 0) return restrictive;
  // "said Sen. Robert P. Casey Jr. (D-Pa.), a Clinton backer": the suffix's period, then the asides
  if (k < b && isSuffixPeriod(c, k) && (text[tokens[k + 1]?.start ?? -1] === ',' || text[tokens[k + 1]?.start ?? -1] === '(')) {
    end = k;
    k++;
  }
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
    if (isInside(c.quoted, t.start)) {
      // "said Steven Brill, author of “America's Bitter Pill,” a history of ...": a quoted title is part of the description
      const title = titleEnd(c, x, b);
      if (title < 0) break;
      x = lastWord = title;
      continue;
    }
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
export function restrictiveClauseEnd(c: Ctx, last: number, b: number): number {
  const { tokens, text } = c;
  const head = tokens[last];
  const who = tokens[last + 1];
  if (!head || head.kind !== 'word' || !who || who.norm !== 'who' || head.end === who.start) return -1;
  // "said a White House official who spoke anonymously to ...", "according to two senators who
  // requested anonymity": the terms of the interview are left out (PolNeAR train: 5 of 7)
  if (setsAnonymity(c, last + 2)) return -1;
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

/** Most words of a quoted title inside a source ("author of ''Those Guys Have All the Fun: Inside the World of ESPN''"). */
const MAX_TITLE_WORDS = 12;

/**
 * The last token of a quoted title opening at token x (its opening mark), before token b, or -1: a
 * quotation of at most MAX_TITLE_WORDS words, half of them or more capitalised (a book, a show, a
 * report: "“America's Bitter Pill,”", "''Going Viral''"), not a statement in sentence case.
 */
export function titleEnd(c: Ctx, x: number, b: number): number {
  const { tokens, text } = c;
  const open = tokens[x] as Token;
  const span = c.quoted.find((q) => q.start === open.start);
  if (!span) return -1;
  let words = 0;
  let capitals = 0;
  let last = -1;
  for (let y = x; y < b && (tokens[y] as Token).start < span.end; y++) {
    const t = tokens[y] as Token;
    last = y;
    if (t.kind !== 'word') continue;
    words++;
    if (isCapital(text, t)) capitals++;
  }
  return words > 0 && words <= MAX_TITLE_WORDS && capitals * 2 >= words ? last : -1;
}

/** The opening mark's token of a quoted title holding token i (not before token a), or -1 (no title: see titleEnd). */
function titleStart(c: Ctx, i: number, a: number): number {
  const { tokens } = c;
  const t = tokens[i] as Token;
  const span = c.quoted.find((q) => q.start <= t.start && t.start < q.end);
  if (!span) return -1;
  let o = i;
  while (o > a && (tokens[o - 1] as Token).start >= span.start) o--;
  return (tokens[o] as Token).start === span.start && titleEnd(c, o, tokens.length) >= 0 ? o : -1;
}

/** Most words of an appositive naming a role through a possessive ("New Jersey's sitting governor"). */
const MAX_POSSESSIVE_ROLE_TOKENS = 6;

/**
 * Is the aside opening at token f a role named through a possessive and closed by a comma before
 * token j ("Christie, New Jersey's sitting governor, repeated ...", "Tracy Martin, Trayvon's
 * father, issued ...")? A word in 's among its first words, its last word a role word.
 */
function possessiveRole(c: Ctx, f: number, j: number): boolean {
  const { tokens, text } = c;
  let possessive = false;
  for (let x = f; x < j && x - f < MAX_POSSESSIVE_ROLE_TOKENS; x++) {
    const t = tokens[x] as Token;
    if (t.kind === 'punct') {
      if (text[t.start] !== ',' || !possessive || x === f) return false;
      const role = tokens[x - 1] as Token;
      return isLower(text, role) && isRoleWord(baseNorm(role)) && !NOT_ROLE_WORDS.has(role.norm);
    }
    if (t.kind !== 'word') return false;
    if (t.norm.endsWith("'s") || t.norm.endsWith('’s')) possessive = true;
  }
  return false;
}

/**
 * The last token of an appositive closed by commas right after a clause's subject ending at token
 * `last`, before token j: "Dean, a medical doctor, then appeared on TV, saying ..." -> "a medical
 * doctor"; "Trump, her Republican opponent, bemoaned ... and said". PolNeAR takes it into the
 * Source. It must open with a determiner, a number, "including" or a role word, or name a role
 * through a possessive ("Bush, Florida's former governor, also attacked ..., calling"), and end
 * at a comma; -1 else.
 */
export function closedAppositiveEnd(c: Ctx, last: number, j: number): number {
  const { tokens, text } = c;
  if (text[tokens[last + 1]?.start ?? -1] !== ',') return -1;
  const first = tokens[last + 2];
  const opens = first !== undefined && first.kind === 'word' && isLower(text, first) &&
    // "her" is a determiner here ("Trump, her Republican opponent,"), though NOT_ROLE_WORDS lists it against the -er suffix
    (DETERMINERS.has(first.norm) || first.norm === 'including' || LINKS_BEFORE_DESCRIPTION.has(first.norm) || TITLE_PARTICIPLES.has(first.norm) || (isRoleWord(first.norm) && !NOT_ROLE_WORDS.has(first.norm)));
  if (!first || !(first.kind === 'number' || (opens && describesSource(c, first)) || possessiveRole(c, last + 2, j))) return -1;
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
const LINKS_BEFORE_DESCRIPTION = new Set(['now', 'then', 'also', 'formerly', 'once', 'himself', 'herself', 'themselves']);
/** -ing words that open a title ("acting director", "managing partner", "ranking member"). */
const TITLE_PARTICIPLES = new Set(['acting', 'managing', 'presiding', 'ranking', 'founding', 'visiting', 'outgoing', 'incoming']);

/** First words of an aside that tells a manner or a contrast ("by contrast", "later alleging"). */
const MANNER_OPENERS = new Set(['by', 'later']);

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
export function describesSource(c: Ctx, t: Token | undefined): boolean {
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
  if (t.norm === 'who' && attributesAgain(c, tokenAt(c, t.end))) return false;
  if (ASIDE_NOT_SOURCE.has(t.norm) || t.norm.endsWith('ing')) return false;
  // "Clinton, clearly frustrated, said", "Ted Cruz, by contrast, wrote": a manner or a contrast,
  // not who the source is (PolNeAR train misses)
  if (isAdverb(c.text, t) || MANNER_OPENERS.has(t.norm)) return false;
  return !(t.norm.endsWith('ed') && isLower(c.text, t) && !ROLE_WORDS.has(t.norm));
}

/** Words between "who" and its verb that keep a relative clause a report of its own ("who also said", "who had said"). */
const BEFORE_AGAIN = new Set(['also', 'had', 'has', 'have', 'later', 'then', 'previously', 'repeatedly', 'was', 'were']);
/** Verbs of a relative clause about speaking on terms, not a description ("who spoke on the condition of anonymity", "who declined to be named"). */
const TERMS_VERBS = new Set(['spoke', 'requested', 'declined']);

/**
 * Does the relative clause whose verb area starts at token i report or set terms again ("Barkley,
 * who said he votes Democratic, said", "The official, who spoke on the condition of anonymity,
 * said")? PolNeAR leaves such a clause out of the source (train: 20 of 25 sources), while it
 * keeps most that describe ("Murphy, who was elected in 2012, argued": 164 of 253).
 */
function attributesAgain(c: Ctx, i: number): boolean {
  for (let k = i; k < i + 3; k++) {
    const t = c.tokens[k];
    if (!t || t.kind !== 'word') return false;
    // "who asked not to be named": a request that picks the source out (kept, as in the seeds)
    if (t.norm === 'asked' && (c.tokens[k + 1]?.norm === 'not' || c.tokens[k + 1]?.norm === 'to')) return false;
    if (CUE_VERBS.has(t.norm) || TERMS_VERBS.has(t.norm)) return true;
    if (!BEFORE_AGAIN.has(t.norm)) return false;
  }
  return false;
}

/** The first pronoun or person, organisation or group name of tokens [a, j] outside quotations (skipping objects and owners when `subjectsOnly`). */
export function firstSubject(c: Ctx, ents: readonly Entity[], a: number, j: number, subjectsOnly: boolean): [number, number] | null {
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
      // "Cleveland Police Chief Calvin Williams ..., saying", "Trump campaign manager Corey Lewandowski":
      // a name before a title and a person is the person's employer (role words only between)
      const employer = e.type !== 'group';
      if (e.type === 'group' || employer) {
        for (let x = l + 1; x <= j && x - l <= 4 && (tokens[x] as Token).kind === 'word'; x++) {
          const p = ents.find((y) => y.span.start === (tokens[x] as Token).start && y.type === 'person');
          if (!p) {
            if (employer && !isRoleWord(baseNorm(tokens[x] as Token))) break;
            continue;
          }
          if (employer && x === l + 1) break;
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
export function isObjectOrOwner(c: Ctx, i: number, e: Entity): boolean {
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
