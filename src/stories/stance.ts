/**
 * How a unit states what it says: hedged ("reportedly", "may have"), denied ("denied that"),
 * negated ("did not sign"), and the numbers and dates it gives. Word lists are our own.
 */
import { evidence, type MemberStanceModel } from '../model/index.js';
import { defaultPredictor, type StancePredictor } from '../stance/index.js';
import type { PreparedBody, PreparedClaim } from '../stance/features.js';
import type { Prepared } from './prepare.js';
import { phraseAt } from './names.js';
import { paraphraseOf } from './paraphrase.js';
import { stem } from './stem.js';
import { STOPWORDS, isContentWord } from './words.js';

// Tuned on the seeds (the "wasn't known until now" and "No indication has emerged yet" of the
// seeds are not denials) and the conflict cases in conflicts.test.ts.
const HEDGE_RE =
  /\b(?:allegedly|reportedly|purportedly|supposedly|rumou?red|unconfirmed|unverified|possibly|perhaps|may have|might|could have|speculated|suggested that|have suggested|has suggested|claimed|claims that|is said to|are said to|were said to|was said to|it (?:is|was) (?:widely )?(?:believed|thought|feared|suspected|rumou?red)|it is unclear|it was unclear|unclear whether)\b/i;
// Saying nothing either way ("did not say whether", "declined to comment"): the fact is only
// mentioned, neither asserted nor disputed.
const NONCOMMITTAL_RE =
  /\b(?:did not|didn't|does not|doesn't|has not|hasn't|have not|haven't|would not|wouldn't|could not|couldn't|declined to|refused to)\s+(?:say|said|comment|confirm|disclose|reveal|specify|explain|elaborate)\b|\bgave no indication\b|\bno comment\b/i;
const DENIAL_RE = /\b(?:denied|denies|deny|denying|refuted|refutes|rejected (?:the )?(?:claims?|reports?|allegations?|accusations?)|dismissed (?:the )?(?:claims?|reports?|allegations?)|not true|untrue|false(?:ly)?|baseless|fabricated)\b/i;
// "nobody"/"none" negate too: "No deaths were reported" and "Nobody died" say the same thing.
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'never', 'no', "n't", 'neither', 'nor', 'without', 'nobody', 'none', 'nothing', 'noone']);
// A negation before these words doubts knowledge or timing, not the fact ("it wasn't known until now").
// Not saying is not denying either: "It has not said what caused the collision" and "It gave no
// indication of what caused it" agree, they do not dispute the cause.
export const EPISTEMIC: ReadonlySet<string> = new Set(
  ('known clear certain sure immediately yet indication evidence only just longer able confirmed aware ready available comment commenting respond responding ' +
    'say said says saying tell told disclose disclosed reveal revealed specify specified explain explained identify identified name named confirm elaborate').split(' '),
);
/** Content words a negation reaches: the next one ("did not sign", "no deaths", "nobody died"); a
 *  wider window made "That nobody died is a tribute to the lifeboat crews" negate the lifeboats. */
const NEGATION_REACH = 1;
/** Words before a number that make it approximate ("about 40"). */
const APPROXIMATE: ReadonlySet<string> = new Set(['about', 'around', 'nearly', 'almost', 'roughly', 'approximately', 'some', 'estimated', 'an estimated', 'circa', 'approx']);
/** Two words before a number that make it a lower bound ("at least 14", "more than 200") or an upper bound ("up to 350"). */
const LOWER_BOUND: ReadonlySet<string> = new Set(['at least', 'more than', 'over', 'upwards of', 'in excess of', 'greater than', 'no fewer', 'no less']);
const UPPER_BOUND: ReadonlySet<string> = new Set(['up to', 'at most', 'fewer than', 'less than', 'under', 'no more', 'as many', 'as much', 'not more']);
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
    thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
    thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
  }),
);
const MULTIPLIERS: ReadonlyMap<string, number> = new Map([['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12]]);
const MONTHS: ReadonlyMap<string, number> = new Map(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].map((m, i) => [m, i + 1]),
);
// Counting nouns that need the word after them to say what was counted ("12 people killed").
const GENERIC_COUNTED: ReadonlySet<string> = new Set(['c:people', 'c:child', 'c:man', 'c:woman', 'c:victim', 'c:family']);
// Concepts that count by themselves when they come first ("killed 12", "death toll of 15").
const COUNTING_CONCEPTS: ReadonlySet<string> = new Set(['c:die', 'c:injure', 'c:arrest', 'c:evacuate', 'c:rescue', 'c:prisoner', 'c:release']);

/** The value of a number token ("1,200", "25%") or number word ("nine"), else undefined. */
export function numberValue(w: { norm: string; isNumber: boolean }): number | undefined {
  const v = w.isNumber ? Number(w.norm.replace(/,/g, '').replace(/%$/, '')) : NUMBER_WORDS.get(w.norm);
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}

export function isHedged(text: string): boolean {
  return HEDGE_RE.test(text) || NONCOMMITTAL_RE.test(text) || DEONTIC_RE.test(text);
}

// What ought to happen or ought to have happened ("It should publish its rules", "should never
// have sailed") states no fact: a writer's demand, not a report, so it neither asserts nor
// negates what it names.
const DEONTIC_RE = /\b(?:should|shouldn't|shouldn’t|ought to|oughtn't)\b/i;
/** Words before a negation that make it a demand or a counterfactual, not a report ("should not", "ought never"). */
const DEONTIC_BEFORE: ReadonlySet<string> = new Set(['should', 'ought', 'must']);
/** Negations that carry the deontic word themselves. */
const DEONTIC_NEGATIONS: ReadonlySet<string> = new Set(["shouldn't", 'shouldn’t', "mustn't", 'mustn’t', "oughtn't"]);

export function isDenial(text: string): boolean {
  return DENIAL_RE.test(text);
}

/** The denying words in a text ("denied", "not true"), or null. */
export function denialWords(text: string): string | null {
  return DENIAL_RE.exec(text)?.[0] ?? null;
}

/** Terms that a negation in words [first, last) applies to (the next content words after it). */
export function negatedTerms(p: Prepared, first: number, last: number): Set<string> {
  const out = new Set<string>();
  for (let i = first; i < last; i++) {
    const w = p.words[i];
    if (!w) continue;
    const isNeg = NEGATIONS.has(w.norm) || w.norm.endsWith("n't");
    if (!isNeg) continue;
    // "should never have sailed", "must not", "shouldn't": a demand about the fact, not its denial
    if (DEONTIC_NEGATIONS.has(w.norm) || (i > first && DEONTIC_BEFORE.has(p.words[i - 1]?.norm ?? ''))) continue;
    for (let k = i + 1, seen = 0; k < last && seen < NEGATION_REACH; k++) {
      const x = p.words[k];
      if (!x) continue;
      // Before the stop-word test: "said" is a stop word for matching, but "has not said" is not
      // a negation of what follows.
      if (EPISTEMIC.has(x.norm)) break;
      // "no one was killed": "one" belongs to the negation, not to what is negated.
      if (x.norm === 'one' && w.norm === 'no' && k === i + 1) continue;
      if (STOPWORDS.has(x.norm)) continue;
      // An adverb between ("did not immediately sign") is not what is negated.
      if (x.norm.length > 4 && x.norm.endsWith('ly')) continue;
      seen++;
      const phrase = phraseAt(p.article.text, p.words, k, last);
      out.add(phrase ? phrase.id : `s:${stem(x.norm)}`);
    }
  }
  return out;
}

/**
 * True when two quantities of the same thing cannot both be right: "at least 14" and "11",
 * "up to 350" and "400", "12" and "15"; not "at least 14" and "at least 11", nor "about 40" and "42".
 */
export function quantitiesConflict(a: Quantity, b: Quantity, tolerance: number): boolean {
  if (a.value === b.value) return false;
  if (a.bound !== 'exact' && a.bound === b.bound) return false;
  const lower = (q: Quantity) => (q.bound === 'at-most' ? -Infinity : q.approximate ? q.value * (1 - tolerance) : q.value);
  const upper = (q: Quantity) => (q.bound === 'at-least' ? Infinity : q.approximate ? q.value * (1 + tolerance) : q.value);
  // Ranges [lower, upper] that do not meet cannot both hold.
  return upper(a) < lower(b) || upper(b) < lower(a);
}

export interface Quantity {
  value: number;
  /** What is counted: a concept or stem ("c:die", "c:people+c:die", "s:vote"). */
  unit: string;
  /** The words of the number and its unit, as offsets into the text. */
  start: number;
  end: number;
  approximate: boolean;
  /** 'at-least' for "at least 14", 'at-most' for "up to 350", else 'exact' (see `approximate` too). */
  bound: 'exact' | 'at-least' | 'at-most';
  /**
   * What is said of the count, when its unit does not say it ("guilty on four counts": the
   * nearest content word before it in its clause; "60 workers were evacuated": the first one
   * after its noun): terms (see `wordTerms`). Empty when the unit carries it ("12 people killed").
   */
  predicate: string[];
}

/** Numbers with the noun they count, in words [first, last). Years and "X of the Y" are left out. */
export function quantities(p: Prepared, first: number, last: number): Quantity[] {
  const out: Quantity[] = [];
  let innerUntil = first;
  for (let i = first; i < last; i++) {
    const w = p.words[i];
    if (!w || i < innerUntil) continue;
    let value = w.isNumber ? Number(w.norm.replace(/,/g, '').replace(/%$/, '')) : NUMBER_WORDS.get(w.norm);
    if (value === undefined || !Number.isFinite(value)) continue;
    if (w.isNumber && /^\d{4}$/.test(w.norm) && value >= 1900 && value <= 2100) continue;
    const prev = p.words[i - 1];
    if (prev && MONTHS.has(prev.norm)) continue;
    // a day of a month: "14 October"
    if (w.isNumber && MONTHS.has(p.words[i + 1]?.norm ?? '') && p.words[i + 1]?.norm !== 'may') continue;
    // a clock time is no count: "4:20 p.m.", "2 a.m."
    if (p.article.text.charAt(w.start - 1) === ':' || CLOCK.has(p.words[i + 1]?.norm ?? '')) continue;
    let k = i + 1;
    if (!w.isNumber) {
      // a number in several words is one number: "forty-three" is 43, not 40 and 3
      const run = numberWordsRun(p, i, last);
      value = run.value;
      k = run.end;
      // its inner words are not numbers of their own
      innerUntil = k;
    }
    const mult = MULTIPLIERS.get(p.words[k]?.norm ?? '');
    if (mult !== undefined) {
      value *= mult;
      k++;
    }
    let partOf = '';
    if (p.words[k]?.norm === 'of') {
      // "three of them", "two of the four piers": a part of something, not a count of its own;
      // unless the whole is counted too: "four of six counts" and "three of six counts" conflict
      // (parts under other predicates, "acquitted on two of six", stay apart by countPredicate)
      const wholeAt = PARTITIVE_DETERMINERS.has(p.words[k + 1]?.norm ?? '') ? k + 2 : k + 1;
      const whole = p.words[wholeAt];
      const wholeValue = whole && wholeAt < last ? numberValue(whole) : undefined;
      if (wholeValue === undefined || wholeValue <= value) continue;
      partOf = `|of ${wholeValue}`;
      k = wholeAt + 1;
      // the whole is no count of its own: "9 of its 30 tank wagons left the track" does not say
      // 30 left it, so "Twelve tank wagons left the track" is no "30 vs 12"
      innerUntil = k;
    }
    const approximate = prev !== undefined && APPROXIMATE.has(prev.norm);
    const before = prev ? `${p.words[i - 2]?.norm ?? ''} ${prev.norm}` : '';
    const bound: Quantity['bound'] =
      LOWER_BOUND.has(before) || LOWER_BOUND.has(prev?.norm ?? '') ? 'at-least' : UPPER_BOUND.has(before) || UPPER_BOUND.has(prev?.norm ?? '') ? 'at-most' : 'exact';
    let unit = w.norm.endsWith('%') ? 'c:number-percent' : '';
    let end = p.words[k - 1]?.end ?? w.end;
    if (!unit) {
      const next = termAt(p, k, last);
      if (next) {
        unit = next.term;
        end = p.words[next.end - 1]?.end ?? end;
        if (GENERIC_COUNTED.has(unit)) {
          for (let j = next.end; j < Math.min(last, next.end + 4); j++) {
            const t = termAt(p, j, last);
            if (t && COUNTING_CONCEPTS.has(t.term)) {
              unit = `${unit}+${t.term}`;
              end = p.words[t.end - 1]?.end ?? end;
              break;
            }
          }
        }
      }
    }
    if (!unit || GENERIC_COUNTED.has(unit)) {
      // "killed 12", "a death toll of 15": the counting word comes first.
      for (let j = i - 1; j >= Math.max(first, i - 4); j--) {
        const t = termAt(p, j, last);
        if (t && COUNTING_CONCEPTS.has(t.term)) {
          unit = unit ? `${unit}+${t.term}` : t.term;
          break;
        }
      }
    }
    if (!unit) continue;
    // An age ("a 12-year-old daughter", "48 years old") tells who someone is, not a count of the event.
    if (AGE_UNIT.has(unit) && p.words.slice(k, k + 3).some((x) => x.norm === 'old')) continue;
    const predicate = unit.includes('+') ? [] : countPredicate(p, i, lowerBoundWord(p, end, k), first, last);
    out.push({ value, unit: unit + partOf, start: w.start, end, approximate, bound, predicate });
  }
  return out;
}

/** Words between "of" and the whole of a part ("two of the four piers", "9 of its 30 wagons"). */
const PARTITIVE_DETERMINERS: ReadonlySet<string> = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'these', 'those']);
/** Words after a number that make it a time of day. */
const CLOCK: ReadonlySet<string> = new Set(['a.m', 'p.m', 'a.m.', 'p.m.', 'am', 'pm', "o'clock", 'gmt', 'utc', 'bst', 'edt', 'est', 'pdt', 'pst']);
/** Units of an age. */
const AGE_UNIT: ReadonlySet<string> = new Set(['s:year', 's:month', 's:week', 'c:year', 'c:month', 'c:week']);

/** Verbs of reckoning or saying before a figure: not what is said of the count. */
const RECKONING: ReadonlySet<string> = new Set(['estimate', 'estimates', 'estimated', 'calculate', 'calculates', 'calculated', 'reckon', 'reckons', 'believe', 'believes', 'think', 'thinks', 'say', 'says', 'said']);
/** Words a predicate is looked for in, on each side of a count. */
const PREDICATE_REACH = 3;

/** Index of the first word that starts at or after `offset` (at least `from`). */
function lowerBoundWord(p: Prepared, offset: number, from: number): number {
  let k = from;
  while (k < p.words.length && (p.words[k]?.start ?? Infinity) < offset) k++;
  return k;
}

/** True when words k-1 and k are in one clause (no comma, colon, semicolon, dash or bracket between). */
function sameClause(p: Prepared, k: number): boolean {
  const a = p.words[k - 1];
  const b = p.words[k];
  return a !== undefined && b !== undefined && !/[,;:()\[\]—–]|\s-\s/.test(p.article.text.slice(a.end, b.start));
}

/**
 * The predicate of the count at word `i` whose noun ends before word `after`: the nearest content
 * word before the number in its clause (three words back, past bounds like "at least" and names),
 * and the first content word after its noun (three on, in its clause: "were evacuated"). As terms.
 * "found Fane guilty on four counts" gives guilty; "acquitted Fane, the former mayor, on two
 * counts" gives nothing before (the clause starts at the comma).
 */
function countPredicate(p: Prepared, i: number, after: number, first: number, last: number): string[] {
  const out: string[] = [];
  const take = (k: number): boolean => {
    const w = p.words[k];
    if (!w || w.isNumber || w.isCapitalised || NUMBER_WORDS.has(w.norm) || MULTIPLIERS.has(w.norm) || !isContentWord(w)) return false;
    if (APPROXIMATE.has(w.norm) || LOWER_BOUND.has(w.norm) || UPPER_BOUND.has(w.norm) || w.norm === 'least') return false;
    // who reckons the figure says nothing of the count ("officers now estimate that 65,000 litres")
    if (RECKONING.has(w.norm)) return false;
    const t = termAt(p, k, last);
    if (!t) return false;
    out.push(t.term);
    return true;
  };
  for (let k = i - 1, n = 0; k >= first && n < PREDICATE_REACH && sameClause(p, k + 1); k--, n++) if (take(k)) break;
  for (let k = after, n = 0; k < last && n < PREDICATE_REACH && sameClause(p, k); k++, n++) if (take(k)) break;
  return out;
}

/** The terms of words [first, last) as `quantities` names them (phrases of the lexicon, else stems), and their paraphrase groups. */
export function wordTerms(p: Prepared, first: number, last: number): Set<string> {
  const out = new Set<string>();
  for (let k = first; k < last; k++) {
    const t = termAt(p, k, last);
    if (!t) continue;
    out.add(t.term);
    const group = t.term.startsWith('s:') ? paraphraseOf(t.term.slice(2)) : undefined;
    if (group) out.add(group);
  }
  return out;
}

/**
 * Predicates that count the same people though their words differ: those who got out of a place
 * in danger were evacuated, escaped or fled ("About 60 workers were evacuated" / "Only 43 workers
 * escaped": one count, two figures; the lead's fire story, #15). The concept lexicon joins
 * evacuate and flee (c:evacuate); escape is here only, so that alignment's terms stay as they were.
 * Not "rescued" (a count of its own beside those who left by themselves).
 */
const SAME_COUNT: readonly ReadonlySet<string>[] = [new Set(['c:evacuate', `s:${stem('escape')}`, `s:${stem('evacuate')}`, `s:${stem('flee')}`])];

/**
 * Counted nouns that name the same people though their words differ: the pupils of a school are
 * its children ("Thirty-four pupils ... fell ill" / "At least forty children ... were sick": one
 * count, two figures; #15). Not people at large ("12 people died, five of them children" counts
 * a whole and a part), only these two groups.
 */
const SAME_COUNTED: readonly ReadonlySet<string>[] = [new Set(['c:student', 'c:child'])];

/** True when two counts count the same thing: one unit, or units of the same people (SAME_COUNTED). */
export function sameCounted(a: Quantity, b: Quantity): boolean {
  if (a.unit === b.unit) return true;
  return SAME_COUNTED.some((g) => g.has(a.unit) && g.has(b.unit));
}

/** True when what is said of a count is said by the other side too (its term, a paraphrase of it, or a predicate of the same count). */
export function predicateHeld(q: Quantity, other: ReadonlySet<string>): boolean {
  return q.predicate.every(
    (t) =>
      other.has(t) ||
      (t.startsWith('s:') && other.has(paraphraseOf(t.slice(2)) ?? '')) ||
      SAME_COUNT.some((g) => g.has(t) && [...g].some((x) => other.has(x))),
  );
}

/** Value of the number words from `i` ("forty-three", "two hundred and fifty") and the index after them. */
function numberWordsRun(p: Prepared, i: number, last: number): { value: number; end: number } {
  const text = p.article.text;
  const valueAt = (k: number): number | undefined => (k < last ? NUMBER_WORDS.get(p.words[k]?.norm ?? '') : undefined);
  // the words must touch through a space or a hyphen only ("forty-three", "forty three"), not a comma
  const joined = (k: number): boolean => {
    const a = p.words[k - 1];
    const b = p.words[k];
    return a !== undefined && b !== undefined && /^[ \-‐‑]$/.test(text.slice(a.end, b.start));
  };
  let value = valueAt(i) ?? 0;
  let k = i + 1;
  const unitAfterTens = (): void => {
    const u = valueAt(k);
    if (value % 10 === 0 && value >= 20 && value <= 90 && u !== undefined && u >= 1 && u <= 9 && joined(k)) {
      value += u;
      k++;
    }
  };
  unitAfterTens();
  if (value >= 1 && value <= 99 && p.words[k]?.norm === 'hundred' && joined(k)) {
    value *= 100;
    k++;
    // "two hundred and fifty", "two hundred fifty"
    const andAt = p.words[k]?.norm === 'and' && joined(k) ? k + 1 : k;
    const rest = valueAt(andAt);
    if (rest !== undefined && rest >= 1 && rest <= 90 && joined(andAt)) {
      const hundreds = value;
      value = rest;
      k = andAt + 1;
      unitAfterTens();
      value += hundreds;
    }
  }
  return { value, end: k };
}

function termAt(p: Prepared, i: number, last: number): { term: string; end: number } | null {
  const w = p.words[i];
  if (!w || i >= last) return null;
  const phrase = phraseAt(p.article.text, p.words, i, last);
  if (phrase) return { term: phrase.id, end: i + phrase.length };
  if (!isContentWord(w) || w.isNumber) return null;
  return { term: `s:${stem(w.norm)}`, end: i + 1 };
}

export interface DateMention {
  /** "6-12" (month-day) or "6-2017" style key. */
  key: string;
  start: number;
  end: number;
}

/** "June 12" / "12 June" dates in words [first, last), unless they date a statement ("said on June 12"). */
export function dates(p: Prepared, first: number, last: number): DateMention[] {
  const out: DateMention[] = [];
  for (let i = first; i < last; i++) {
    const month = MONTHS.get(p.words[i]?.norm ?? '');
    if (month === undefined) continue;
    // "may" is a month only before a day number.
    const after = p.words[i + 1];
    const before = p.words[i - 1];
    let day: number | undefined;
    let s = i;
    let e = i + 1;
    if (after?.isNumber && Number(after.norm) >= 1 && Number(after.norm) <= 31) {
      day = Number(after.norm);
      e = i + 2;
    } else if (before?.isNumber && Number(before.norm) >= 1 && Number(before.norm) <= 31) {
      day = Number(before.norm);
      s = i - 1;
    }
    if (day === undefined) continue;
    const lead = [p.words[s - 1]?.norm, p.words[s - 2]?.norm];
    if (lead.some((x) => x !== undefined && /^(?:said|says|told|reported|announced|wrote|added|stated)$/.test(x))) continue;
    out.push({ key: `${month}-${day}`, start: p.words[s]?.start ?? 0, end: p.words[e - 1]?.end ?? 0 });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The stance model (src/stance) inside stories: for a fact of two or more articles, each
// member article's probabilities of agreeing with, disagreeing with, discussing or being
// unrelated to the fact's claim (its clearest member that does not itself deny or negate, as
// the FNC-1 "headline"; the whole article as the "body"), with the sentences behind them.

/**
 * When the model may mark a member 'disputes'. Checked on Emergent claims against their
 * article headlines run through stories (eval/stance-stories-emergent.ts; the model never saw
 * Emergent): members with a rule cue (conflicts.ts modelCue) relabelled at P(disagree) >= 0.5
 * were 4 of 4 gold `against`, at >= 0.3 5 of 7; 'disputes' precision 0.923 (24/26) against the
 * rules' 0.909 (20/22). Alone, P(disagree) is not precise enough on FNC-1's validation split
 * (claims held out, eval/stance-fnc1.ts): 0.315 at >= 0.5, 0.563 at >= 0.8; so no cut-off
 * makes a dispute without a rule cue (`disagreeAlone` above 1).
 */
export const MODEL_STANCE = {
  /** P(disagree) at or above which a member with a rule cue disputes the fact. */
  disagreeWithCue: 0.5,
  /** P(disagree) at or above which a member disputes with no rule cue: above 1, never. */
  disagreeAlone: 2,
  /** Probabilities are rounded to this many decimals in the report. */
  decimals: 3,
} as const;

let modelEnabled = true;
let disagreeCut: number = MODEL_STANCE.disagreeWithCue;
let predictorCache: StancePredictor | null | undefined;

/**
 * Turns the model off (benchmarks compare with and without it) or back on; evaluations may
 * try another `disagreeWithCue` (eval/stance-stories-emergent.ts).
 */
export function useStanceModel(on: boolean, disagreeWithCue: number = MODEL_STANCE.disagreeWithCue): void {
  modelEnabled = on;
  disagreeCut = disagreeWithCue;
}

/** P(disagree) at or above which a member with a rule cue disputes (MODEL_STANCE.disagreeWithCue unless an evaluation set another). */
export function disagreeWithCue(): number {
  return disagreeCut;
}

/** The bundled predictor, or null when the model is off or its weights cannot be read. */
export function stancePredictor(): StancePredictor | null {
  if (!modelEnabled) return null;
  if (predictorCache === undefined) {
    try {
      predictorCache = defaultPredictor();
    } catch {
      predictorCache = null;
    }
  }
  return predictorCache;
}

/** Prepared article bodies of one story, each computed once (an article is in many facts). */
export class StanceBodies {
  private readonly bodies = new Map<number, PreparedBody>();
  constructor(readonly predictor: StancePredictor, private readonly prepared: readonly Prepared[]) {}

  /** The model's reading of article `article` toward `claim`, as a member field (not yet `changed`). */
  read(claim: PreparedClaim, article: number): MemberStanceModel {
    const p = this.prepared[article] as Prepared;
    let body = this.bodies.get(article);
    if (!body) this.bodies.set(article, (body = this.predictor.prepareBody(p.article.text, p.sentences)));
    const r = this.predictor.predictPrepared(claim, body);
    const round = (x: number): number => Math.round(x * 10 ** MODEL_STANCE.decimals) / 10 ** MODEL_STANCE.decimals;
    return {
      label: r.label,
      agree: round(r.probabilities.agree),
      disagree: round(r.probabilities.disagree),
      discuss: round(r.probabilities.discuss),
      unrelated: round(r.probabilities.unrelated),
      evidence: r.evidence.map((e) => evidence(p.article.id, p.article.text, e.span)),
      changed: false,
    };
  }
}
