/**
 * Conflicts inside a fact: members that cannot both be true. Numbers that differ for the same
 * counted thing ("12 dead" / "15 dead"), different dates, a negation of what another member
 * asserts ("did not sign" / "signed"), and denials ("denied that ..."). Also each member's
 * stance: 'disputes' for the negating or denying side, 'mentions' when hedged, else 'asserts'.
 */
import { evidence, type Conflict, type Evidence, type FactUpdate, type Stance } from '../model/index.js';
import type { AlignedUnit } from './align.js';
import type { Prepared } from './prepare.js';
import { CUES, cueHits, type CueSet } from '../stance/lexicon.js';
import { STOP_WORDS, tokenize } from '../stance/text.js';
import { phraseAt } from './names.js';
import { stem } from './stem.js';
import { dates, denialWords, EPISTEMIC, isDenial, isHedged, negatedTerms, numberValue, predicateHeld, quantities, quantitiesConflict, sameCounted, wordTerms, type Quantity } from './stance.js';

// Tuned on the cases in conflicts.test.ts: two numbers for one counted thing differ when
// neither is approximate; a negation counts only when it falls on a term the other side has.
export const CONFLICTS = {
  /** Relative difference under which two approximate numbers are taken as the same. */
  approximateTolerance: 0.25,
} as const;

export interface Judged {
  stances: Stance[];
  conflicts: Conflict[];
  updates: FactUpdate[];
}

// A count said to have moved ("has risen to at least 24", "climbed to 30"), read in words after the cue.
const RISE = /\b(?:rose|risen|rises|rising|climbed|climbs|increased|grew|jumped|reached|now stands at|has reached)\b/i;
const RISE_REACH = 40;
/** A denied request or access ("denied requests from", "denied him bail"): its denial word denies no statement. */
const DENIED_REQUEST = /\b(?:denied|denies|deny|denying)\s+(?:\w+\s+)?(?:requests?|access|entry|permission|bail|visas?|admission|applications?|appeals?)\b/gi;

export function judge(prepared: readonly Prepared[], members: readonly AlignedUnit[]): Judged {
  const ev = members.map((u) => unitEvidence(prepared, u));
  const texts = ev.map((e) => e.text);
  const stances: Stance[] = members.map((_, i) => (isHedged(texts[i] ?? '') ? 'mentions' : 'asserts'));
  const conflicts: Conflict[] = [];
  const updates: FactUpdate[] = [];
  const negated = members.map((u) => negatedTerms(prepared[u.article] as Prepared, u.first, u.last));
  // Denying a request is no denial of a statement ("the court denied requests from Fane to move the trial").
  const denial = texts.map((t) => isDenial(t.replace(DENIED_REQUEST, '')));
  const qty = members.map((u) => quantities(prepared[u.article] as Prepared, u.first, u.last));
  const when = members.map((u) => dates(prepared[u.article] as Prepared, u.first, u.last));
  const said = members.map((u) => new Set([...u.terms, ...wordTerms(prepared[u.article] as Prepared, u.first, u.last)]));
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i] as AlignedUnit;
      const b = members[j] as AlignedUnit;
      if (a.article === b.article) continue;
      const ea = ev[i] as Evidence;
      const eb = ev[j] as Evidence;
      // Numbers.
      // Numbers of different things ("the Kestrel Dawn can carry 350" / "the Lowland Maid can
      // carry 180") are not a conflict: both sides must be about the same subject.
      const sameSubject = !disjoint(a.subjects, b.subjects);
      // A later report moving the same count on is an update, not a contradiction.
      const update = sameSubject ? countUpdate(prepared, a, b, qty[i] ?? [], qty[j] ?? []) : null;
      if (update) {
        updates.push({ earlier: update.earlierIsA ? ea : eb, later: update.earlierIsA ? eb : ea, detail: update.detail });
      }
      // Counts of one thing under different predicates are two counts: "guilty on four counts" /
      // "acquitted on two counts". What is said of each count must be said by the other side too.
      const sa = said[i] as Set<string>;
      const sb = said[j] as Set<string>;
      for (const qa of update ? [] : sameSubject ? (qty[i] ?? []).filter((q) => predicateHeld(q, sb)) : []) {
        const qb = (qty[j] ?? []).find((q) => sameCounted(q, qa) && predicateHeld(q, sa) && quantitiesConflict(qa, q, CONFLICTS.approximateTolerance));
        if (!qb) continue;
        if ((qty[j] ?? []).some((q) => sameCounted(q, qa) && !quantitiesConflict(qa, q, CONFLICTS.approximateTolerance))) continue;
        const pa = prepared[a.article] as Prepared;
        const pb = prepared[b.article] as Prepared;
        const words = (p: Prepared, q: { start: number; end: number }) => p.article.text.slice(q.start, q.end);
        conflicts.push({ kind: 'number', a: ea, b: eb, detail: `${boundWords(qa)}${format(qa.value)} vs ${boundWords(qb)}${format(qb.value)}: “${words(pa, qa)}” / “${words(pb, qb)}”` });
        break;
      }
      // A count that corrects another's: "Twelve tank wagons left the track, not nine as the
      // rail authority first said" against "at least 9 of its 30 tank wagons left the track".
      // The correction disputes the figure even where the bounds alone would allow both.
      if (!conflicts.some((c) => c.kind === 'number' && ((c.a === ea && c.b === eb) || (c.a === eb && c.b === ea)))) {
        const byA = correction(prepared, a, b, qty[i] ?? [], qty[j] ?? []);
        const byB = byA ? null : correction(prepared, b, a, qty[j] ?? [], qty[i] ?? []);
        if (byA) conflicts.push({ kind: 'number', a: ea, b: eb, detail: byA });
        else if (byB) conflicts.push({ kind: 'number', a: eb, b: ea, detail: byB });
      }
      // Dates.
      const da = when[i] ?? [];
      const db = when[j] ?? [];
      if (da.length === 1 && db.length === 1 && da[0]?.key !== db[0]?.key) {
        conflicts.push({ kind: 'date', a: ea, b: eb, detail: `${ea.text.slice((da[0]?.start ?? 0) - ea.span.start, (da[0]?.end ?? 0) - ea.span.start)} vs ${eb.text.slice((db[0]?.start ?? 0) - eb.span.start, (db[0]?.end ?? 0) - eb.span.start)}` });
      }
      // Denial: one side denies what the other asserts (not what the other only says is
      // unknown: "denied that the captain had been told" / "did not say whether the captain...").
      // A claim told as someone's claim ("The train was speeding, one resident claimed") only
      // mentions it, but a denial of it ("denied that the train had been speeding") is a dispute.
      const assertsI = (negated[i]?.size ?? 0) === 0 && (stances[i] === 'asserts' || claimed(texts[i] ?? ''));
      const assertsJ = (negated[j]?.size ?? 0) === 0 && (stances[j] === 'asserts' || claimed(texts[j] ?? ''));
      if (denial[i] !== denial[j] && (denial[i] ? assertsJ : assertsI)) {
        const [d, k] = denial[i] ? [i, j] : [j, i];
        stances[d] = 'disputes';
        conflicts.push({ kind: 'denial', a: ev[d] as Evidence, b: ev[k] as Evidence, detail: 'denies what the other asserts' });
        continue;
      }
      // Negation on a shared term that the other side does not negate.
      const na = shared(negated[i] ?? new Set(), b.terms, negated[j] ?? new Set());
      const nb = shared(negated[j] ?? new Set(), a.terms, negated[i] ?? new Set());
      if (na || nb) {
        const [d, k, term] = na ? [i, j, na] : [j, i, nb as string];
        // "had not been inspected for years" and "was last inspected in 2019", "has not been seen
        // since Monday" and "was last seen on Monday": a negation over a stretch of time and the
        // last time it happened agree
        if (DURATION.test(texts[d] ?? '') && lastTime(prepared[members[k]?.article ?? 0] as Prepared, members[k] as AlignedUnit, term) && sameTime(texts[d] ?? '', texts[k] ?? '')) continue;
        stances[d] = 'disputes';
        conflicts.push({ kind: 'negation', a: ev[d] as Evidence, b: ev[k] as Evidence, detail: `negates "${term.slice(2)}" where the other asserts it` });
      }
    }
  }
  return { stances, conflicts, updates };
}

/**
 * "At least five people died" (Wednesday) and "the number killed has risen to at least 24"
 * (Thursday): the later-dated member says its count rose, and it is above a count of the earlier
 * member for the same thing (the earlier count's concept is among the later member's terms).
 */
function countUpdate(
  prepared: readonly Prepared[],
  a: AlignedUnit,
  b: AlignedUnit,
  qa: readonly Quantity[],
  qb: readonly Quantity[],
): { earlierIsA: boolean; detail: string } | null {
  const ta = prepared[a.article]?.time ?? null;
  const tb = prepared[b.article]?.time ?? null;
  if (ta === null || tb === null || ta === tb) return null;
  const earlierIsA = ta < tb;
  const [early, late, earlyQty] = earlierIsA ? [a, b, qa] : [b, a, qb];
  const lp = prepared[late.article] as Prepared;
  const text = lp.article.text.slice(late.span.start, late.span.end);
  const cue = RISE.exec(text);
  if (!cue) return null;
  const after = text.slice(cue.index + cue[0].length, cue.index + cue[0].length + RISE_REACH);
  const number = /\b(at least |more than |over |about |around )?(\d[\d,]*)\b/.exec(after);
  if (!number) return null;
  const value = Number((number[2] ?? '').replace(/,/g, ''));
  for (const q of earlyQty) {
    const concept = q.unit.split('+').pop() ?? q.unit;
    if (q.value >= value || !late.terms.has(concept)) continue;
    const ep = prepared[early.article] as Prepared;
    return { earlierIsA, detail: `${boundWords(q)}${format(q.value)} → ${number[1] ?? ''}${format(value)}: “${ep.article.text.slice(q.start, q.end)}” / “${cue[0]}${after.slice(0, number.index + number[0].length)}”` };
  }
  return null;
}

/** A claim told as a claim of its speaker ("X, one resident claimed", "alleged that"), unless it also says nothing either way ("did not say whether"). */
const CLAIMED = /\b(?:claimed|claims that|alleged|alleges|allegedly|accused|insisted|insists)\b/i;
const NONCOMMITTAL = /\b(?:did not|didn't|does not|doesn't|has not|hasn't|would not|declined to|refused to)\s+(?:say|comment|confirm)\b|\bunclear\b/i;
function claimed(text: string): boolean {
  return CLAIMED.test(text) && !NONCOMMITTAL.test(text);
}

/** A stretch of time a negation holds over ("not inspected for years", "not seen since Monday"). */
const DURATION =
  /\b(?:for (?:(?:many|several|some|a few|two|three|four|five|ten|\d+)\s+)?(?:years|months|weeks|days|decades|hours|a year|a decade|a month|a long time|a while|ages)|since)\b/i;

/** False when "since X" and "last ... in/on Y" name different times ("not inspected since 2015" / "last inspected in 2019"). */
function sameTime(negating: string, last: string): boolean {
  const since = /\bsince\s+([\w-]+)/i.exec(negating)?.[1];
  const when = /\blast\s+\w+\s+(?:in|on|at)\s+([\w-]+)/i.exec(last)?.[1];
  return since === undefined || when === undefined || since.toLowerCase() === when.toLowerCase();
}

/** True when unit `u` says when `term` last happened: "last" right before the term's word ("was last inspected"). */
function lastTime(p: Prepared, u: AlignedUnit, term: string): boolean {
  for (let k = u.first + 1; k < u.last; k++) {
    if (p.words[k - 1]?.norm !== 'last') continue;
    const w = p.words[k];
    if (!w) continue;
    if (`s:${stem(w.norm)}` === term || phraseAt(p.article.text, p.words, k, u.last)?.id === term) return true;
  }
  return false;
}

/** "not nine", "rather than 9": a figure a count corrects, followed by no noun of its own ("not nine as ... first said"). */
const CORRECTING: ReadonlySet<string> = new Set(['not', 'than', 'of']);
const CORRECTING_BEFORE: Readonly<Record<string, string>> = { than: 'rather', of: 'instead' };

/**
 * The correction in unit `u` of a figure the other side gives: `u` has a count and, after it in
 * its sentence, "not N" / "rather than N" / "instead of N" with N not followed by a noun (a figure
 * of the same count), and the other side has a count of N of the same thing (its part of a
 * whole too: "9 of its 30 wagons"). Null when there is none.
 */
function correction(prepared: readonly Prepared[], u: AlignedUnit, v: AlignedUnit, own: readonly Quantity[], other: readonly Quantity[]): string | null {
  if (own.length === 0 || other.length === 0) return null;
  const p = prepared[u.article] as Prepared;
  const base = (q: Quantity): string => q.unit.split('|')[0] ?? q.unit;
  for (let k = u.first; k + 1 < u.last; k++) {
    const cue = p.words[k]?.norm ?? '';
    if (!CORRECTING.has(cue)) continue;
    const need = CORRECTING_BEFORE[cue];
    if (need !== undefined && p.words[k - 1]?.norm !== need) continue;
    const n = p.words[k + 1];
    const value = n ? numberValue(n) : undefined;
    if (value === undefined || !n) continue;
    // "not nine as", "not nine," or the end: the figure names no thing of its own
    const after = p.words[k + 2];
    const gap = after ? p.article.text.slice(n.end, after.start) : '';
    if (after && k + 2 < u.last && !/[,;:.—–()]/.test(gap) && !CORRECTION_FOLLOWERS.has(after.norm)) continue;
    const mine = own.find((q) => q.start < n.start && q.value !== value);
    if (!mine) continue;
    // of the same count: what the other side says of it is said here too ("12 years, not 15 as
    // prosecutors asked" does not correct "prosecutors sought 15 years" as a sentence)
    const said = new Set([...u.terms, ...wordTerms(p, u.first, u.last)]);
    const theirs = other.find((q) => q.value === value && base(q) === base(mine) && predicateHeld(q, said));
    if (!theirs) continue;
    const op = prepared[v.article] as Prepared;
    const phrase = p.article.text.slice(p.words[k - (need ? 1 : 0)]?.start ?? n.start, n.end);
    return `${boundWords(mine)}${format(mine.value)} vs ${boundWords(theirs)}${format(theirs.value)}: “${p.article.text.slice(mine.start, mine.end)}” / “${op.article.text.slice(theirs.start, theirs.end)}” (corrected: “${phrase}”)`;
  }
  return null;
}

/** Words after a corrected figure that give it no noun of its own ("not nine as first said", "not nine but twelve"). */
const CORRECTION_FOLLOWERS: ReadonlySet<string> = new Set(['as', 'like', 'but', 'that', 'which', 'reported', 'said', 'previously', 'earlier', 'initially', 'first']);

/** True when both sets have members and share none. */
export function disjoint(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const x of a) if (b.has(x)) return false;
  return true;
}

function shared(negatedHere: ReadonlySet<string>, otherTerms: ReadonlySet<string>, negatedThere: ReadonlySet<string>): string | null {
  for (const t of negatedHere) if (otherTerms.has(t) && !negatedThere.has(t)) return t;
  return null;
}

export function unitEvidence(prepared: readonly Prepared[], u: AlignedUnit): Evidence {
  const p = prepared[u.article] as Prepared;
  return evidence(p.article.id, p.article.text, u.span);
}

/** "at least ", "at most ", "about " or nothing: how a count is bounded, as its words say it. */
export function boundWords(q: { bound: string; approximate: boolean }): string {
  return q.bound === 'at-least' ? 'at least ' : q.bound === 'at-most' ? 'at most ' : q.approximate ? 'about ' : '';
}

/** A count as a reader writes it: "65,000" from 10,000 up (four digits may be a year-like figure: "2019"), "3.5". */
export function format(x: number): string {
  if (!Number.isInteger(x)) return x.toFixed(2).replace(/0+$/, '');
  return Math.abs(x) >= 10000 ? x.toLocaleString('en-US') : String(x);
}

/** A rule cue behind a member the stance model reads as disagreeing. */
export interface ModelCue {
  kind: 'denial' | 'negation';
  /** The cue's words: the denying word, the negated term, or the negation and the claim word after it. */
  words: string;
}

/**
 * The rule cue that backs the stance model's disagreement for member `u` against the claim it
 * was read against (`rep`), first found of: a denial in the member's words ("denied", "not
 * true") that the claim does not have; a negation of a term the claim has and does not negate;
 * a denying or refuting word ("hoax", "bogus", "shot down") more often in the member than in
 * the claim; a rebuttal opening ("No, ...") or a negation just before one of the claim's words
 * ("has not been arrested"), with more negations in the member than in the claim. Null when
 * there is none: the model alone does not make a dispute. Word lists: src/stance/lexicon.ts.
 *
 * Tuned on the FNC-1 bodies compared as stories (`eval/stance-stories-cost.ts --list` lists
 * what the model relabels): a denial anywhere in the member's article (the article debunks one
 * thing, the member states another), a cue the claim has too ("not forgotten" in both; "could
 * not" against "couldn't"), and not saying ("has not yet commented") made most of them wrong.
 */
export function modelCue(prepared: readonly Prepared[], u: AlignedUnit, rep: AlignedUnit): ModelCue | null {
  // a denied request ("the court denied requests from Fane") is no cue
  const own = unitEvidence(prepared, u).text.replace(DENIED_REQUEST, ' ');
  const claim = unitEvidence(prepared, rep).text;
  const denied = denialWords(own);
  if (denied && !denialWords(claim)) return { kind: 'denial', words: denied };
  const negated = negatedTerms(prepared[u.article] as Prepared, u.first, u.last);
  const term = shared(negated, rep.terms, negatedTerms(prepared[rep.article] as Prepared, rep.first, rep.last));
  // "not inspected for years" against "last inspected in 2019" agree (see judge)
  if (term && DURATION.test(own) && lastTime(prepared[rep.article] as Prepared, rep, term) && sameTime(own, claim)) return null;
  if (term) return { kind: 'negation', words: term.slice(2) };
  return newCue(own, claim);
}

/** True when a text denies, refutes or negates (a poor stand-in for the claim itself). */
export function hasStanceCue(text: string): boolean {
  if (denialWords(text) !== null) return true;
  const { lowers } = cueTokens(text);
  return [...DENYING, CUES.negation].some((set) => cueHits(lowers, set).length > 0);
}

/** Cue words that deny or refute (src/stance/lexicon.ts). */
const DENYING: readonly CueSet[] = [CUES.deny, CUES.refute];
/** Refuting words that also name a genre ("his prank videos", "a satire site"): no cue alone.
 *  From the FNC-1 relabels (see modelCue). */
const GENRE_WORDS: ReadonlySet<string> = new Set(['prank', 'pranks', 'pranked', 'joke', 'jokes', 'satire', 'satirical', 'parody', 'spoof', 'conspiracy']);

/** Tokens after a negation in which one of the claim's words must fall for it to count ("has not been arrested"). */
const NEGATION_REACH_CLAIM = 3;
/** A rebuttal opening ("No, Banksy has not been arrested"; not "No. 10 said"). */
const REBUTTAL_START = /^\s*["“]?no(?:\s*[,:;!—–]|\.\s+(?!\d))/i;

function cueTokens(text: string): { lowers: string[]; stems: string[] } {
  const tokens = tokenize(text);
  return { lowers: tokens.map((t) => t.lower.replace(/’/g, "'")), stems: tokens.map((t) => t.stem) };
}

/** Positions of negations: the lexicon's, and any "-n't" form ("couldn't", "wouldn't"). */
function negations(lowers: readonly string[]): number[] {
  const hits = new Set(cueHits(lowers, CUES.negation));
  lowers.forEach((w, i) => {
    if (w.endsWith("n't")) hits.add(i);
  });
  return [...hits].sort((a, b) => a - b);
}

/**
 * A cue `text` has more often than `claim`, or null: a denying or refuting word; a rebuttal
 * opening; a negation just before one of the claim's words, unless it is about saying or knowing
 * ("has not yet commented", stance.ts EPISTEMIC) or "not only".
 */
function newCue(text: string, claim: string): ModelCue | null {
  const own = cueTokens(text);
  const other = cueTokens(claim);
  for (const set of DENYING) {
    const hits = cueHits(own.lowers, set).filter((i) => !GENRE_WORDS.has(own.lowers[i] ?? ''));
    if (hits.length > 0 && hits.length > cueHits(other.lowers, set).length) return { kind: 'denial', words: own.lowers[hits[0] ?? 0] ?? '' };
  }
  const hits = negations(own.lowers);
  if (hits.length === 0 || hits.length <= negations(other.lowers).length) return null;
  if (REBUTTAL_START.test(text)) return { kind: 'negation', words: text.trimStart().slice(0, 3) };
  const claimStems = new Set(other.stems.filter((st, i) => !STOP_WORDS.has(other.lowers[i] ?? '') && st.length > 2));
  for (const i of hits) {
    for (let j = i + 1; j <= i + NEGATION_REACH_CLAIM && j < own.stems.length; j++) {
      const w = own.lowers[j] ?? '';
      if (EPISTEMIC.has(w) || EPISTEMIC.has(own.stems[j] ?? '')) break;
      if (claimStems.has(own.stems[j] ?? '')) return { kind: 'negation', words: `${own.lowers[i]} … ${w}` };
    }
  }
  return null;
}
