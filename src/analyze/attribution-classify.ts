/**
 * Classifying a source phrase for attribution-sources.ts: named, anonymous or relayed, and a
 * pronoun resolved to its antecedent.
 */
import type { AttributionKind, Entity, Span, Token } from '../model/index.js';
import { ANONYMOUS_MODIFIERS, BETWEEN_SUBJECT_AND_VERB, CUE_PARTICIPLES, CUE_VERBS, DOCUMENT_HEADS, GENERIC_HEADS, INNER_PREPOSITIONS, PERSON_PRONOUNS, PLURAL_PRONOUNS, SOURCE_END, SUBJECT_STOPS } from './attribution-tables.js';
import { personGenders, pronounGender } from './speakers/gender.js';
import { type Ctx, isCapital, baseNorm, isInside, entitiesIn, isRoleWord, insideAny, tokenAt, NOT_ROLE_WORDS } from './attribution-context.js';
import { outletOf, outletNamed } from './attribution-outlets.js';
import { TITLE_MODIFIERS } from './entity-tables.js';
import { isObjectOrOwner } from './attribution-subjects.js';

/** Last words of an institution's name: a source so named is named even when the tagger read it as a place. */
const INSTITUTION_HEADS = new Set(['hospital', 'university', 'college', 'school', 'academy', 'institute', 'museum', 'library', 'clinic', 'infirmary', 'prison', 'airport', 'zoo', 'observatory', 'laboratory', 'foundation']);

/** How many sentences back a pronoun looks for its antecedent. */
const ANTECEDENT_SENTENCES = 3;

interface Classified {
  kind: AttributionKind;
  canonical: string | null;
  outlet?: string;
  speaker: Span;
  unresolved: boolean;
}

/** Named, anonymous, relayed, or a resolved pronoun, for the phrase of tokens [first, last] in sentence `si`. */
export function classify(c: Ctx, first: number, last: number, si: number): Classified {
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
  // "Traders in Northgate", "Workers at Acme", "the captain of the Kestrel Dawn": when every name stands in the
  // phrase after a role's preposition, the head before it is the source: anonymous if it is; else the names decide
  const p = names.length > 0 ? rolePrepositionAt(c, first, last, si) : -1;
  if (p > first && names.every((e) => afterRolePreposition(c, first, e, si))) {
    const head = classify(c, first, p - 1, si);
    if (head.kind === 'anonymous' || names.every((e) => e.type === 'person')) return { ...head, canonical: head.kind === 'anonymous' ? null : head.canonical, speaker: span };
  }
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
  // "Clinton communication director Jennifer Palmieri": the person a name only describes is not the source
  // "the captain of the Kestrel Dawn", "the wife of a senator": a person after a role's "of" is not the source
  const person = names.find((e, i) => e.type === 'person' && !modifiesNextPerson(text, e, names[i + 1]) && !afterRolePreposition(c, first, e, si));
  const named = person ?? names.find((e) => e.type === 'org' || e.type === 'group');
  // "The U.S. has said", "Texas said": a country or place speaks through no one it names: anonymous
  const place = names.find((e) => e.type === 'place');
  // "chief executive Alder Quennell": a person's name at the head of the phrase names the
  // source, whatever title stands before it.
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
    // "the Caldow water board", "the Tennick district council": the place only says whose body it
    // is; the definite phrase ends in the body's own lower-case head, named as "the board said" is
    // ("a Caldow woman" names no one; "Caldow officials" ended above as generic)
    if (f.norm === 'the' && place.span.end < l.start && !isCapital(text, l)) return { kind: 'named', canonical: null, speaker: span, unresolved: false };
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
  const genders = gender ? (c.genders ??= personGenders(c.text, c.tokens, c.sentences, c.entities, c.quoted)) : undefined;
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
    // "After Clinton suffered a concussion, Axelrod emailed ...", "While Obama had ..., it concerns Henry
    // Crespo": a person in a subordinate clause opening the sentence is no subject when one follows
    const openerEnd = wantPerson ? subordinateOpenerEnd(c, s) : -1;
    let opener: Classified | null = null;
    for (let ei = 0; ei < ents.length; ei++) {
      const e = ents[ei] as Entity;
      if (isInside(c.quoted, e.span.start)) continue;
      if (wantPerson && modifiesNextPerson(c.text, e, ents[ei + 1])) continue; // "Obama consultant Cornell Belcher": the consultant speaks
      const fits = wantPerson ? e.type === 'person' && !(gender && (genders?.get(e.canonical) ?? gender) !== gender) : e.type === 'org' || e.type === 'group' || e.type === 'place';
      // "Trump mocked Bush’s record ... he said": an object or an owner is what "he" stands for only
      // when the sentence's subject is of the other gender ("Martha Raddatz asked Mike Pence ... he said")
      if (wantPerson && e.type === 'person' && !fits) otherGender = true;
      if (fits && wantPerson && !invertedSubject(c, tokenAt(c, e.span.start)) && isObjectOrOwner(c, tokenAt(c, e.span.start), e)) {
        if (!object) object = { kind: 'named', canonical: e.canonical, speaker: e.span, unresolved: false };
        continue;
      }
      if (fits && e.span.start < openerEnd) {
        if (!opener) opener = { kind: 'named', canonical: e.canonical, speaker: e.span, unresolved: false };
        continue;
      }
      if (fits && e.span.start < bestAt) {
        best = { kind: 'named', canonical: e.canonical, speaker: e.span, unresolved: false };
        bestAt = e.span.start;
      }
    }
    if (!best && opener) {
      best = opener;
      bestAt = opener.speaker.start;
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

/**
 * Is the name at token i the subject of an inverted cue ("“...,” said Marta Oyelaran", ", said
 * Tobias Wrenfield")? A cue verb right before it, itself after a comma or a closing quotation mark,
 * makes the name the speaker, not an object.
 */
function invertedSubject(c: Ctx, i: number): boolean {
  // "noted NBC’s Dante Chinni", "said Mr. Ramos": an owner's name and titles before the name are part of the phrase
  let b = i - 1;
  for (let t = c.tokens[b]; t && b > i - 6 && (isCapital(c.text, t) || t.norm === "'s" || t.norm === '’s' || c.text[t.start] === '.' || c.text[t.start] === '’'); t = c.tokens[--b]);
  const verb = c.tokens[b];
  const mark = c.tokens[b - 1];
  if (!verb || !mark || verb.kind !== 'word' || !CUE_VERBS.has(verb.norm)) return false;
  const ch = c.text[mark.end - 1];
  return ch === ',' || ch === '”' || ch === '"';
}

/** Prepositions after which a name only says whose or where the role before it is. */
const ROLE_PREPOSITIONS = new Set(['of', 'for', 'at', 'from', 'with', 'in']);

/** The first token in (first, last] that is a role preposition after a lower-case word ("Traders in", "captain of"), or -1. */
function rolePrepositionAt(c: Ctx, first: number, last: number, si: number): number {
  for (let k = first + 1; k <= last; k++) {
    if (ROLE_PREPOSITIONS.has((c.tokens[k] as Token).norm) && isCommonWord(c, k - 1, si)) return k;
  }
  return -1;
}

/** Is token i a word in lower case, or the capitalised first word of sentence si ("Traders in Northgate said")? */
function isCommonWord(c: Ctx, i: number, si: number): boolean {
  const t = c.tokens[i] as Token;
  if (t.kind !== 'word') return false;
  if (!isCapital(c.text, t)) return true;
  // only a plural ("Traders", "Workers"): "Secretary of State Rex Tillerson" opens with a title
  return i === (c.ranges[si]?.[0] ?? -1) && t.norm.endsWith('s') && !t.norm.endsWith('ss') && !c.entities.some((e) => e.span.start <= t.start && t.end <= e.span.end);
}

/**
 * Does the person e stand after a lower-case word and a preposition inside the source phrase
 * that starts at token `first` ("the captain of the Kestrel Dawn", "a spokesman for Mayor
 * Reyes")? "Secretary of State John Kerry" (a capital before "of") is a title of the name.
 */
function afterRolePreposition(c: Ctx, first: number, e: Entity, si: number): boolean {
  let after = false;
  for (let k = first + 1; k < c.tokens.length && (c.tokens[k] as Token).start < e.span.start; k++) {
    const t = c.tokens[k] as Token;
    // "The minister of the economy, Mr. Guajardo Villarreal": a name after a comma is the role's holder
    if (t.kind === 'punct' && c.text[t.start] === ',') after = false;
    if (ROLE_PREPOSITIONS.has(t.norm) && isCommonWord(c, k - 1, si)) after = true;
  }
  return after;
}

/** Nouns of an office that stand before a role ("Clinton communication director", "Trump digital media director"), besides TITLE_MODIFIERS. */
const OFFICE_WORDS = new Set(['communication', 'digital', 'media', 'political', 'legal', 'research', 'strategy', 'field', 'data', 'outreach', 'transition', 'finance', 'polling', 'speechwriting']);

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
  return words.every((w) => (isRoleWord(w) || TITLE_MODIFIERS.has(w) || OFFICE_WORDS.has(w)) && !w.endsWith('ed') && !CUE_VERBS.has(w) && !CUE_PARTICIPLES.has(w) && !NOT_ROLE_WORDS.has(w) &&
    !SUBJECT_STOPS.has(w) && !SOURCE_END.has(w) && !INNER_PREPOSITIONS.has(w) && !BETWEEN_SUBJECT_AND_VERB.has(w));
}
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

/** Words that open a subordinate clause before the main one ("While ..., ", "After ..., "). */
const SUBORDINATORS = new Set(['while', 'although', 'though', 'after', 'when', 'as', 'because', 'since', 'if', 'before', 'once', 'until', 'whereas', 'unless']);

/** Offset of the comma that closes a subordinate clause opening sentence s, or -1. */
function subordinateOpenerEnd(c: Ctx, s: number): number {
  const range = c.ranges[s];
  if (!range) return -1;
  const first = c.tokens[range[0]] as Token | undefined;
  if (!first || !SUBORDINATORS.has(first.norm)) return -1;
  for (let k = range[0] + 1; k < range[1]; k++) {
    const t = c.tokens[k] as Token;
    if (t.kind === 'punct' && c.text[t.start] === ',' && !isInside(c.quoted, t.start)) return t.start;
  }
  return -1;
}
