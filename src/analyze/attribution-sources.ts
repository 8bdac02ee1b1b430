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
 *
 * The parts live beside it: attribution-context.ts (types, token tests), attribution-outlets.ts,
 * attribution-subjects.ts (reading the phrase) and attribution-classify.ts (its kind).
 */
import type { Span, Token } from '../model/index.js';
import { ANONYMOUS_MODIFIERS, BETWEEN_SUBJECT_AND_VERB, CUE_PARTICIPLES, CUE_VERBS, CUES_WITH_NEXT, IMPERSONAL_PASSIVES, INVERTING_CUES, VERB_AFTER_OBJECT, NOT_AFTER_CUE, QUOTE_ONLY_CUES, DETERMINERS, GENERIC_HEADS, INNER_PREPOSITIONS, NOT_BEFORE_CUE, OTHER_PRONOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS, SOURCE_AFTER_CUES } from './attribution-tables.js';
import { tokenBits, WORD_BITS } from './word-bits.js';
import { ROLE_WORDS, type Cue, type CueInput, type Ctx, isLower, isCapital, isNamePeriod, baseNorm, isInside, entitiesIn, isRoleWord, tokenAt, isAdverb } from './attribution-context.js';
import { outletOf } from './attribution-outlets.js';
import { isSuffixPeriod, OBJECT_PRONOUNS, subjectLeft, isPeopleWord, QUANTITIES, EVIDENCE_NOUNS, sourceRight, subjectBeforeAside, asideEnd, isDash, subjectBeforeDashAside, afterQuotation, subjectBeforeAsides, subjectBeforeRelative, countedSubject, appositiveEnd, restrictiveClauseEnd, closedAppositiveEnd, describesSource, firstSubject, timeAfterAside, madeByStart, coordinatedStart } from './attribution-subjects.js';
import { classify } from './attribution-classify.js';
export type { Cue, CueInput } from './attribution-context.js';
export { outletOf } from './attribution-outlets.js';

/** "add" before a number or "to"/"up"/"more" sums; "threaten" without "to" or "that" after it menaces a thing. */
const ADD_FORMS = new Set(['add', 'adds', 'added', 'adding']);
const ADD_NOT_SPEECH = new Set(['to', 'up', 'more', 'another', 'nearly', 'about', 'roughly', 'some']);
const THREATEN_FORMS = new Set(['threaten', 'threatens', 'threatened', 'threatening']);

function notSpeechObject(cue: string, after: Token): boolean {
  if (ADD_FORMS.has(cue)) return after.kind === 'number' || ADD_NOT_SPEECH.has(after.norm);
  if (THREATEN_FORMS.has(cue)) return after.kind === 'word' && after.norm !== 'to' && after.norm !== 'that';
  return false;
}

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
  // "with former Maryland Gov. Martin O'Malley calling Trump a fascist": the titles before the name
  // belong to it (capitalised words, name periods and "former", not "interviewed about Pope Francis")
  const titled = subjectLeft(c, j, a);
  if (!titled || titled[1] !== j || titled[0] >= f) return [f, j];
  for (let x = titled[0]; x < f; x++) {
    const t = c.tokens[x] as Token;
    if (!(isCapital(c.text, t) || isNamePeriod(c.text, c.tokens, x) || t.norm === 'former')) return [f, j];
  }
  return titled;
}

/** A second verb of the clause: "X attacked her and said", "Clinton has encouraged ... but has said". */
function isCoordinated(c: Ctx, k: number, a: number): boolean {
  const { tokens } = c;
  let j = k - 1;
  while (j > a && tokens[j]?.kind === 'word' && (BETWEEN_SUBJECT_AND_VERB.has(tokens[j]?.norm ?? '') || isAdverb(c.text, tokens[j] as Token))) j--;
  const n = tokens[j]?.norm;
  return j > a && (n === 'and' || n === 'but');
}

/** Does a form of "be" stand among the words right before the cue at k ("and was told", "but were never asked")? */
function isPassiveAfter(c: Ctx, k: number, a: number): boolean {
  const { tokens } = c;
  for (let j = k - 1; j > a && tokens[j]?.kind === 'word' && (BETWEEN_SUBJECT_AND_VERB.has(tokens[j]?.norm ?? '') || isAdverb(c.text, tokens[j] as Token)); j--) {
    if (BE_FORMS.has(tokens[j]?.norm ?? '')) return true;
  }
  return false;
}

/** The capitalised name right after token i-1, a "the" before it allowed ("the Norland Herald", "Reuters"): [first, last] or null. */
function capitalsAfter(c: Ctx, i: number, b: number): [number, number] | null {
  const { tokens, text } = c;
  const first = i;
  if (tokens[i]?.norm === 'the') i++;
  let last = -1;
  for (; i <= b && i - first < 6; i++) {
    const t = tokens[i] as Token;
    if (!isCapital(text, t) && !isNamePeriod(text, tokens, i)) break;
    last = i;
  }
  return last >= first ? [first, last] : null;
}

/** Is the source "nobody" / "no one" with "can" or "could" before the cue at k ("nobody can say", "no one could tell")? */
function noOneCan(c: Ctx, phrase: [number, number], k: number): boolean {
  const { tokens } = c;
  const words: string[] = [];
  for (let i = phrase[0]; i < k; i++) if ((tokens[i] as Token).kind === 'word') words.push((tokens[i] as Token).norm);
  // ("nobody can" reaches the phrase: "can" is no word between a subject and its verb in our tables)
  const modal = words.findIndex((w) => w === 'can' || w === 'could');
  if (modal < 0) return false;
  const who = words.slice(0, modal).join(' ');
  return who === 'nobody' || who === 'no one' || who === 'no-one';
}

/** Forms of "tell": their object may be the outlet a statement was made to. */
const TOLD_FORMS = new Set(['told', 'tells', 'tell']);

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

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

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
      // "..., according to Human Rights Watch, security forces have killed 400": a clause after the comma is the report, not the source
      // ("according to the water board, five days after a main burst": a span of time opening it too)
      if (ch === ',' && (opensClauseTail(c, x + 1, b) || opensTimeSpan(text, tokens, x + 1, b))) break;
      if (ch === ',' || ch === '-' || ch === '’' || ch === "'" || ch === '/' || ch === '&' || isNamePeriod(text, tokens, x)) continue;
      return -1;
    }
    if (ANY_CUE_WORD.has(t.norm) && isLower(text, t)) return -1; // "..., according to X, citing Y"
    end = x;
  }
  return end;
}

/** Number words that open a span of time ("five days after"). */
const TIME_COUNT_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'several', 'a', 'few']);
/** Units of time after such a count. */
const TIME_UNITS = new Set(['minutes', 'hours', 'days', 'weeks', 'months', 'years', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decades']);

/** Does a span of time open a clause at token x: "five days after", "two weeks before", "12 hours later"? */
function opensTimeSpan(text: string, tokens: readonly Token[], x: number, b: number): boolean {
  const t = tokens[x];
  if (x >= b || t === undefined || t.kind === 'punct' || !isLower(text, t)) return false;
  const unit = tokens[x + 1];
  const after = tokens[x + 2];
  return (TIME_COUNT_WORDS.has(t.norm) || t.kind === 'number') && unit !== undefined && TIME_UNITS.has(unit.norm) && after !== undefined && (after.norm === 'after' || after.norm === 'before' || after.norm === 'ago' || after.norm === 'later');
}

/** Words opening a clause or an adjunct after a comma: what follows is no description of a source. */
const CLAUSE_TAIL_OPENERS = new Set(['but', 'although', 'though', 'because', 'while', 'during', 'compared', 'as', 'when', 'where', 'whereas', 'despite', 'after', 'before', 'since', 'so', 'yet', 'even', 'and', 'with', 'than']);

/**
 * Does a clause start at token i (after a comma) rather than a description of the source before
 * the comma: an opener ("but", "during", "compared with") first, or a finite verb ("is", "has",
 * "was a decision", "network censured") before any "who"/"which" of a relative clause?
 */
function opensClauseTail(c: Ctx, i: number, b: number): boolean {
  const { tokens, text } = c;
  const first = tokens[i];
  if (!first || first.kind !== 'word') return false;
  if (CLAUSE_TAIL_OPENERS.has(first.norm)) return true;
  for (let x = i; x < b; x++) {
    const t = tokens[x] as Token;
    if (t.kind !== 'word') {
      if (t.kind === 'punct' && (text[t.start] === '.' || text[t.start] === ',') && !isNamePeriod(text, tokens, x)) return false;
      continue;
    }
    if (t.norm === 'who' || t.norm === 'which' || t.norm === 'that' || t.norm === 'including') return false;
    if (FINITE_AFTER_SUBJECT.has(t.norm)) return true;
    if (x > i && t.norm.length > 4 && t.norm.endsWith('ed') && isLower(text, t) && !INNER_PREPOSITIONS.has(tokens[x - 1]?.norm ?? '')) return true;
  }
  return false;
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

/** Words before a participle cue that hang it on the clause's subject ("by saying", "after saying"). */
/**
 * Things issued whose participle reports what they say ("issued a statement saying", "sent an email
 * calling for"): PolNeAR train: 17 of 21 such participles are gold cues, the maker the Source.
 */
const ISSUED_DOCUMENTS = new Set(['statement', 'release', 'letter', 'report', 'memo', 'post', 'tweet', 'ad', 'video', 'email', 'note', 'message']);

/** "continues to insist", "continued to call for": the cue is the verb after "to", the subject before "continue". */
const CONTINUE_FORMS = new Set(['continue', 'continues', 'continued', 'continuing']);

const PARTICIPLE_OPENERS = new Set(['while', 'before', 'after', 'by', 'from', 'for', 'without', 'when', 'also', 'then', 'and']);

/** Quantifiers that float after a subject ("Richards and Menendez both stressed", "the ministers all urged"). */
const FLOATING_QUANTIFIERS = new Set(['both', 'all', 'each']);
/** Words before which a quantifier is the subject itself ("a panel that all agreed", "the city where both claim roots"). */
const RELATIVES = new Set(['that', 'who', 'which', 'where', 'when', 'whom']);
/** Adverbs without -ly that stand between a subject and its verb ("has twice complained", "seldom speaks"). */
const BARE_ADVERBS = new Set(['twice', 'seldom', 'thrice']);
/** Modals and negated auxiliaries before a verb ("I can't say", "you can say", "Sanders hasn't said"). */
const MODALS_AND_NEGATIONS = new Set(['can', "can't", 'cannot', "couldn't", "didn't", "doesn't", "don't", "won't", "wouldn't", "hasn't", "haven't", "hadn't", "isn't", "wasn't", "aren't", "weren't"]);
/** Nouns of "in fact", "in particular", "in turn" between a subject and its verb ("have in fact reported"). */
const IN_PHRASES = new Set(['fact', 'particular', 'turn']);

/**
 * How many tokens ending at j stand between a subject and its verb besides BETWEEN_SUBJECT_AND_VERB
 * and -ly adverbs (PolNeAR train misses took them for the source): a floating quantifier after a
 * word or a dash (not "of all", "Both said" opening the sentence), a bare adverb, "in fact"; else 0.
 */
function betweenWords(c: Ctx, j: number, a: number): number {
  const { tokens } = c;
  const t = tokens[j] as Token;
  if (BARE_ADVERBS.has(t.norm) || MODALS_AND_NEGATIONS.has(t.norm)) return 1;
  if (IN_PHRASES.has(t.norm) && j - 1 > a && tokens[j - 1]?.norm === 'in') return 2;
  // "Trump at the time said"
  if (t.norm === 'time' && j - 2 > a && tokens[j - 1]?.norm === 'the' && tokens[j - 2]?.norm === 'at') return 3;
  if (!FLOATING_QUANTIFIERS.has(t.norm) || j - 1 < a) return 0;
  const before = tokens[j - 1] as Token;
  if (before.kind === 'word') return DETERMINERS.has(before.norm) || INNER_PREPOSITIONS.has(before.norm) || before.norm === 'and' || before.norm === 'or' || before.norm === 'of' || RELATIVES.has(before.norm) ? 0 : 1;
  return isDash(c, j - 1) || c.text[before.start] === ')' ? 1 : 0;
}

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
  a = afterDateline(c, a, j);
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
  const main = afterSubordinateOpener(c, a, j);
  return (main > a ? subjectOfClause(c, main, j) : null) ?? subjectOfClause(c, a, j);
}

/** The subject of the clause of tokens [a, j] by its words alone (see clauseSubject). */
function subjectOfClause(c: Ctx, a: number, j: number): [number, number] | null {
  const { tokens } = c;
  const ents = entitiesIn(c.entities, (tokens[a] as Token).start, (tokens[j] as Token).end);
  // a noun phrase opening the clause right before its verb first ("A New York judge ordered the file on
  // Trump's divorce from Ivana unsealed, saying ...", "The Wisconsin Republican did give Trump some credit,
  // saying ..."): it is the subject whatever names the rest holds; else a name that is no object or
  // owner ("Trump told AFP ..., saying": Trump); else the first name
  return openingNounPhrase(c, a, j) ?? firstSubject(c, ents, a, j, true) ?? firstSubject(c, ents, a, j, false);
}

/** Conjunctions that open a subordinate clause before the main one ("When Rubio did take Trump on, he did it sideways, acknowledging"). */
const OPENING_SUBORDINATORS = new Set(['when', 'once', 'since', 'after', 'while', 'although', 'though', 'if', 'as', 'before', 'because', 'until', 'whereas']);

/**
 * The first token of the main clause after a subordinate clause opening the sentence at token a
 * ("Once he was president, Mr. Obama made ..., announcing": Mr. Obama), when a word follows its
 * comma before token j; else a. The subordinate clause's subject is no subject of a participle.
 */
function afterSubordinateOpener(c: Ctx, a: number, j: number): number {
  const { tokens, text } = c;
  const first = tokens[a];
  if (!first || first.kind !== 'word' || !OPENING_SUBORDINATORS.has(first.norm)) return a;
  for (let k = a + 1; k < j; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'punct' && text[t.start] === ',' && !isInside(c.quoted, t.start)) return tokens[k + 1]?.kind === 'word' ? k + 1 : a;
  }
  return a;
}

/** Possessive determiners that open a subject ("His campaign sued the DNC ..., seeking"). */
const POSSESSIVE_OPENERS = new Set(['his', 'her', 'their', 'its']);
/** Words whose "'s" is "is" or "has", not a possessive ("It's a two-pronged strategy"). */
const CONTRACTIONS = new Set(['it', 'that', 'there', 'here', 'what', 'who', 'he', 'she', 'let', 'where', 'how', 'this']);

/** Most tokens of a dateline ("WASHINGTON, Dec. 8 (UPI) —"). */
const DATELINE_TOKENS = 14;

/**
 * The first token after a dateline opening the clause at a ("WASHINGTON, Dec. 8 (UPI) — Clinton
 * ...", "PARIS, Aug 31 (Reuters) - Le Pen ..."): a closing bracket and a dash within its first
 * tokens, the agency in the bracket; else a.
 */
function afterDateline(c: Ctx, a: number, j: number): number {
  const { tokens, text } = c;
  for (let i = a; i < j && i - a < DATELINE_TOKENS; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'punct' || text[t.start] !== ')') continue;
    const dash = tokens[i + 1];
    const ch = dash ? text[dash.start] : '';
    if (dash && (isDash(c, i + 1) || ch === '-' || ch === '—' || ch === '–') && i + 2 < j) return i + 2;
    return a;
  }
  return a;
}

/** Words that end a clause-opening noun phrase: the finite verbs and auxiliaries that follow a subject. */
const FINITE_AFTER_SUBJECT = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'did', 'does', 'do', 'may', 'might', 'must', 'should']);

/**
 * "The water board welcomed the talks, saying ...": the noun phrase from a determiner or a
 * possessive ("Ryan's campaign", "His chief aide") at the clause's first token [a] up to its
 * first verb (an auxiliary or a word in -ed), at most six words, followed by that verb before
 * token j. Null when the clause opens otherwise.
 */
function openingNounPhrase(c: Ctx, a: number, j: number): [number, number] | null {
  const { tokens } = c;
  const first = tokens[a];
  // "His campaign sued ...", "Ryan's campaign shrugged off ...": a possessive opens it as well
  const possessive = first?.kind === 'word' && (POSSESSIVE_OPENERS.has(first.norm) || ((first.norm.endsWith("'s") || first.norm.endsWith('’s')) && !CONTRACTIONS.has(first.norm.slice(0, -2))));
  if (!first || first.kind !== 'word' || (first.norm !== 'the' && first.norm !== 'a' && first.norm !== 'an' && !possessive)) return null;
  for (let l = a + 1; l <= j && l - a <= 6; l++) {
    const t = tokens[l] as Token;
    if (t.kind !== 'word' || PERSON_PRONOUNS.has(t.norm) || PLURAL_PRONOUNS.has(t.norm)) return null; // "A few minutes later they said"
    if (FINITE_AFTER_SUBJECT.has(t.norm) || (t.norm.length > 4 && t.norm.endsWith('ed'))) return l - 1 > a && l < j ? [a, l - 1] : null;
  }
  return null;
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

function record(c: Ctx, out: Cue[], cue: Span, phrase: [number, number] | null, si: number, extent = -1): void {
  if (!phrase) {
    out.push({ cue, source: null, kind: 'dangling', canonical: null, outlet: null, speaker: null, unresolved: false, sentence: si });
    return;
  }
  const [first, last] = phrase;
  // the span covers an aside after the name ("Kenneth Baer, a former official, said") and a document
  // its maker made ("A recent survey by the Harbour League found"); the name classifies
  const lead = madeByStart(c, first, c.ranges[si]?.[0] ?? first);
  const source = { start: (c.tokens[lead] as Token).start, end: (c.tokens[Math.max(last, extent)] as Token).end };
  const k = classify(c, first, last, si);
  if (k.kind === 'anonymous' && k.speaker.start === (c.tokens[first] as Token).start) {
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
        // "Ryan also is stressing": the words between the subject and "is" are skipped as for any verb
        let x = k - 2;
        while (x > a && tokens[x]?.kind === 'word' && (BETWEEN_SUBJECT_AND_VERB.has(tokens[x]?.norm ?? '') || betweenWords(c, x, a) > 0)) x -= Math.max(1, betweenWords(c, x, a));
        const phrase = subjectLeft(c, x, a);
        if (phrase) record(c, out, cueSpan, phrase, si);
        continue;
      }
      if (participle || isCoordinated(c, k, a)) {
        // "..., and was told to go ahead": a passive second verb has no source in the clause's subject
        if (!participle && isPassiveAfter(c, k, a) && !tok.norm.endsWith('s')) continue;
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
      while (j >= a && tokens[j]?.kind === 'word' && (BETWEEN_SUBJECT_AND_VERB.has(tokens[j]?.norm ?? '') || isAdverb(text, tokens[j] as Token) || betweenWords(c, j, a) > 0)) {
        if (BE_FORMS.has(tokens[j]?.norm ?? '')) passive = true;
        j -= Math.max(1, betweenWords(c, j, a));
      }
      if (j > a) j = timeAfterAside(c, j, a);
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
        else {
          phrase = subjectLeft(c, j, a);
          // "Politicians and even some technologists say": a coordination opening the clause is the source
          if (phrase) phrase = [coordinatedStart(c, phrase[0], a), phrase[1]];
        }
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
          // "The transport minister, Alma Virta, told the Herald": a role opening the sentence and its name
          // as an aside are the subject, not an inversion with the object as source
          const opening = afterQuotation(c, j - 1) ? null : subjectBeforeAside(c, j, a);
          if (opening && opening[0] === a && isCapital(text, tokens[opening[1]])) phrase = opening;
          else {
            phrase = INVERTING_CUES.has(tok.norm) ? sourceRight(c, k + 1, b, false) : null; // "..., said the official"
            // "..., said matter-of-factly": an adverb after the verb is no inverted subject
            if (phrase && phrase[0] === phrase[1] && isAdverb(text, tokens[phrase[0]] as Token)) phrase = null;
            // "..., said the race was close": the phrase after was the object
            if (phrase && VERB_AFTER_OBJECT.has(tokens[phrase[1] + 1]?.norm ?? '')) phrase = null;
            if (phrase) extent = appositiveEnd(c, phrase[1], b);
          }
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
      // "nobody can say when the ferry will sail": what no one is able to say is no report
      if (phrase && noOneCan(c, phrase, k)) continue;
      // "initial reports of the explosion", "claims of fraud": a cue noun before "of" is no verb
      if (phrase && NOUN_CUES.has(tok.norm) && after?.norm === 'of') continue;
      if (phrase && isNaming(c, k, phrase)) continue;
      // "Six in 10 say", but "271 pledged delegates": after a number only a verb of saying attributes
      if (phrase && (tokens[phrase[1]] as Token).kind === 'number' && !AFTER_NUMBER_CUES.has(tok.norm)) continue;
      // "Rattling off promises to ...": a gerund opening the sentence is no subject, the cue word a noun
      if (phrase && opensWithGerund(c, phrase, a)) continue;
      if (phrase) {
        record(c, out, cueSpan, phrase, si, extent);
        // "Alma Virta told the Norland Herald that ...": her statement, relayed through the outlet she told
        const made = out[out.length - 1] as Cue;
        if (TOLD_FORMS.has(tok.norm) && made.kind !== 'relayed' && made.outlet === null && made.source !== null && made.source.end <= tok.start) {
          const object = capitalsAfter(c, k + 1, b);
          const outlet = object ? outletOf(text, tokens, object[0], object[1]) : null;
          if (outlet !== null) made.outlet = outlet;
        }
      }
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
