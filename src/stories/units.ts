/**
 * Claim units: the pieces of text that alignment matches across articles. A body sentence
 * (or a claim of the analysis layer) is a unit, and so are the parts that often carry a fact
 * of their own:
 *   - clauses split at "; " and dashes,
 *   - a relative clause with its antecedent ("Warmbier, who died several days after his release"),
 *     and the main clause before it ("Three of the four prisoners are still in North Korean hands"),
 *   - an appositive with its name ("Joseph Yun, the U.S. negotiator with North Korea").
 * Units may overlap (a sentence and its clause); a fact never takes two overlapping units of
 * one article.
 */
import type { Span } from '../model/index.js';
import type { Prepared } from './prepare.js';
import { lowerBound } from './names.js';
import { STOPWORDS, type Word } from './words.js';

export type UnitKind = 'sentence' | 'claim' | 'clause' | 'relative' | 'main-clause' | 'appositive' | 'headline';

export interface Unit {
  /** Index into the prepared articles. */
  article: number;
  sentence: number;
  kind: UnitKind;
  span: Span;
  /** Word indices [first, last). */
  first: number;
  last: number;
  /** In [0, 1]: the analysis layer's score, or a fallback guess. */
  checkworthy: number;
  isOpinion: boolean;
  /** A relative or appositive unit: where what it says of its noun starts (the relative pronoun,
   *  the appositive's determiner). */
  open?: number;
}

// Tuned on the seeds and the texts in units.test.ts.
export const UNITS = {
  /** Units with fewer words say too little to align. */
  minWords: 4,
  /** Longest appositive taken as a unit of its own, in words. */
  maxAppositiveWords: 14,
  /** Longest antecedent taken back from a relative pronoun, in words. */
  maxAntecedentWords: 6,
  /** Fallback check-worthiness of a unit with a number or a name / without. */
  checkworthyWithFacts: 0.6,
  checkworthyPlain: 0.25,
  /** Opinion signals at or above this weight make a unit opinion. The analysis emits an opinion
   *  signal only for a sentence it judges opinion (src/analyze/opinion.ts, threshold 0.3), so any
   *  opinion signal counts; 0.5 let "a company that runs the only passenger link ... must be held
   *  to a higher standard" into a fact. */
  opinionWeight: 0.3,
  subjectOnlyMainClause: true,
  /** No main-clause unit before a relative clause inside the sentence's subject, when the words
   *  before it hold no verb (isSubjectOnly): "The crossing to Lisken Island" is a noun phrase and
   *  joined the demo's fact about suspended sailings on the island's name and "crossing" (#15).
   *  ECB+ dev (strict, cross-validated): topics 1-17 P 0.919 -> 0.918 (1149 -> 1134 pairs),
   *  sentence recall 0.730 unchanged; 18-35 0.944 / 0.770 unchanged. */
  subjectNounPhraseApart: true,
  /** A headline split at commas, semicolons or dashes into parts of minWords or more has each
   *  part as a headline unit too, and a pair with the whole headline must share what one part
   *  says (align.ts, the one-clause rule). ECB+ dev (strict, 5-fold CV) on topics 1-17 / 18-35:
   *  P 0.903 / 0.944 -> 0.914 / 0.945, sentence recall 0.723 / 0.773 -> 0.728 / 0.770, margin
   *  over TF-IDF 0.078 / 0.040 -> 0.089 / 0.041 (no value chosen: the rule has none). */
  headlineParts: true,
} as const;

const COORDINATORS = new Set(['and', 'but', 'yet']);
// Words that can open a clause after ", and": subjects, not the second item of a list.
const CLAUSE_STARTS = new Set('the a an all some most many several both no none its his her their it he she they we i this that these those there one two three four five six seven eight nine ten'.split(' '));
const RELATIVE = new Set(['who', 'which', 'whose', 'whom', 'where', 'that']);
// "that" after these is a complementiser ("said that ..."), not a relative pronoun.
const THAT_VERBS = new Set(
  'said says say saying told tell believe believed think thought know knew known show shows showed shown found find suggest suggested suggests noted warned claimed argued added reported announced insisted means meant ensure ensured hope hoped fear feared confirmed denied admitted agreed stated wrote explained learned revealed so such now given'.split(' '),
);
const QUANTIFIERS = new Set(['some', 'many', 'most', 'all', 'none', 'one', 'both', 'several', 'each', 'two', 'three', 'few']);
const DETERMINERS = new Set(['the', 'a', 'an']);
// Not "until" or "since": mostly prepositions in news ("until now", "since then").
export const SUBORDINATORS: ReadonlySet<string> = new Set(['after', 'before', 'because', 'while', 'when', 'although', 'though', 'unless', 'whereas']);
// Words an antecedent does not reach past, going back from its relative pronoun.
const ANTECEDENT_STOP = new Set(
  'of to for in on at with by from and or but that as than into is are was were be been has have had said says after before'.split(' '),
);
const NUMBER_WORDS = new Set('two three four five six seven eight nine ten eleven twelve dozen dozens hundred hundreds thousand thousands million millions billion'.split(' '));
const FIRST_PERSON = new Set(['i', 'we', 'our', 'ours', 'my', 'me', "we're", "i'm", "we've", "i've"]);

export function findUnits(p: Prepared, articleIndex: number): Unit[] {
  const out: Unit[] = [];
  const seen = new Set<string>();
  const quoted = quotedRanges(p.article.text);
  const push = (sentence: number, kind: UnitKind, first: number, last: number, open?: number): void => {
    if (last - first < UNITS.minWords) return;
    const start = p.words[first]?.start ?? 0;
    const end = p.words[last - 1]?.end ?? start;
    const key = `${start}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    const span = { start, end };
    const unit: Unit = { article: articleIndex, sentence, kind, span, first, last, checkworthy: checkworthiness(p, span, first, last), isOpinion: isOpinion(p, span, first, last, quoted) };
    if (open !== undefined) unit.open = open;
    out.push(unit);
  };
  const headlines = headlineSentences(p);
  p.sentences.forEach((s, si) => {
    const first = lowerBound(p.words, s.start);
    let last = first;
    if (!p.isBody[si]) {
      // A headline or subheading says the story's main fact again ("Lindsay Lohan checks into
      // Betty Ford Center"): it may join that fact, never stands as a fact of its own (facts.ts).
      if (!headlines.has(si)) return;
      while (last < p.words.length && (p.words[last]?.end ?? Infinity) <= s.end) last++;
      push(si, 'headline', first, last);
      // "Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab" says two things: each part
      // is a headline unit too, so that what a pair shares must be said in one of them (align.ts).
      if (UNITS.headlineParts) for (const [cf, cl] of headlineParts(p, first, last)) push(si, 'headline', cf, cl);
      return;
    }
    while (last < p.words.length && (p.words[last]?.end ?? Infinity) <= s.end) last++;
    push(si, 'sentence', first, last);
    for (const c of p.article.claims) {
      if (c.span.start < s.start || c.span.end > s.end) continue;
      const cf = lowerBound(p.words, c.span.start);
      let cl = cf;
      while (cl < p.words.length && (p.words[cl]?.end ?? Infinity) <= c.span.end) cl++;
      push(si, 'claim', cf, cl);
    }
    for (const [cf, cl] of clauses(p, first, last)) push(si, 'clause', cf, cl);
    for (const [cf, cl] of coordinated(p, first, last)) push(si, 'clause', cf, cl);
    for (const [cf, cl] of commaSplices(p, first, last)) push(si, 'clause', cf, cl);
    for (const [cf, cl] of subordinates(p, first, last)) push(si, 'clause', cf, cl);
    for (const r of relatives(p, first, last)) {
      push(si, 'relative', r.antecedent, r.end, r.open);
      // The clause before it, when it ends on a word that can end a clause ("in North Korean
      // hands — Warmbier, who ..."), not on "the release of".
      const end = p.words[r.antecedent - 1];
      if (r.antecedent > first && end && !STOPWORDS.has(end.norm)) push(si, 'main-clause', first, r.antecedent);
      // ...and the clause with the noun the relative clause is about ("to seek the release of U.S.
      // prisoners"), when it says something of that noun: "Company founder Mara Velt, who set up
      // the firm in 1998, said ..." has only its subject's words before the pronoun, a name and
      // no claim; as a unit it carried the founding fact in place of the relative clause (#15).
      if (r.open > first && (!UNITS.subjectOnlyMainClause || saysSomethingBefore(p, first, r.antecedent)) && !(UNITS.subjectNounPhraseApart && isSubjectOnly(p, first, r, last))) push(si, 'main-clause', first, r.open);
    }
    for (const [af, ao, al] of appositives(p, first, last)) push(si, 'appositive', af, al, ao);
  });
  return out;
}

/**
 * Sentences of the title, heading and caption paragraphs (without a paragraph layer: the first
 * line, when it is not body). A caption often says the main fact again ("Esther Williams,
 * swimming star, dies at 91"): 12 ECB+ first lines taken as captions had a same-event partner.
 */
function headlineSentences(p: Prepared): Set<number> {
  const out = new Set<number>();
  const paragraphs = p.article.paragraphs;
  p.sentences.forEach((s, si) => {
    if (p.isBody[si]) return;
    if (paragraphs.length === 0) {
      if (si === 0) out.add(si);
      return;
    }
    const para = paragraphs.find((q) => q.span.start <= s.start && s.start < q.span.end);
    if (para && (para.kind === 'title' || para.kind === 'heading' || para.kind === 'caption')) out.add(si);
  });
  return out;
}

function gap(p: Prepared, i: number): string {
  const a = p.words[i - 1];
  const b = p.words[i];
  return a && b ? p.article.text.slice(a.end, b.start) : '';
}

/**
 * A headline's parts, split at commas, semicolons and dashes, when each part has a unit's words:
 * "Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab", not "Australian, English climbers
 * fall to their deaths" (a list of names).
 */
function headlineParts(p: Prepared, first: number, last: number): [number, number][] {
  const cuts: number[] = [];
  for (let i = first + 1; i < last; i++) if (/^\s*(?:[,;—–]|\s-\s|--)\s*$/.test(gap(p, i)) && /[,;—–-]/.test(gap(p, i))) cuts.push(i);
  const out: [number, number][] = [];
  let start = first;
  for (const c of [...cuts, last]) {
    out.push([start, c]);
    start = c;
  }
  if (out.length < 2 || out.some(([a, b]) => b - a < UNITS.minWords)) return [];
  return out;
}

/** Clauses split at semicolons and dashes, when there is more than one. */
function clauses(p: Prepared, first: number, last: number): [number, number][] {
  const out: [number, number][] = [];
  let start = first;
  for (let i = first + 1; i < last; i++) {
    if (/[;—–]|\s--\s/.test(gap(p, i))) {
      out.push([start, i]);
      start = i;
    }
  }
  if (out.length === 0) return [];
  out.push([start, last]);
  return out;
}

/**
 * Two main clauses joined by ", and" / ", but" ("The ferry collided with a cargo ship in fog,
 * and all 212 passengers were brought ashore"): each side is a unit when the word after the
 * conjunction can start a clause (a determiner, quantifier, pronoun, number or name).
 */
function coordinated(p: Prepared, first: number, last: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = first + UNITS.minWords; i < last - UNITS.minWords; i++) {
    if (!COORDINATORS.has(p.words[i]?.norm ?? '') || !gap(p, i).includes(',')) continue;
    const next = p.words[i + 1];
    if (!next || !(CLAUSE_STARTS.has(next.norm) || next.isNumber || next.isCapitalised)) continue;
    out.push([first, i], [i + 1, last]);
  }
  return out;
}

/**
 * A comma splice: two sentences joined by a comma, the second capitalised though it is no name
 * ("improve bilateral relations, Time will tell if they make progress").
 */
function commaSplices(p: Prepared, first: number, last: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = first + UNITS.minWords; i <= last - UNITS.minWords; i++) {
    const w = p.words[i];
    if (!w?.isCapitalised || gap(p, i).trim() !== ',' || w.norm === 'i') continue;
    if (p.mentions.some((m) => m.first <= i && i < m.last)) continue;
    // A capitalised word that the article also writes in lower case is a common word.
    if (!p.words.some((x) => x.norm === w.norm && !x.isCapitalised)) continue;
    out.push([first, i], [i, last]);
  }
  return out;
}

/**
 * A main clause and its adverbial clause ("needed care for hypothermia | after the freighter
 * went down"), split before the subordinator when both sides have enough words.
 */
function subordinates(p: Prepared, first: number, last: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = first + UNITS.minWords; i <= last - UNITS.minWords; i++) {
    if (!SUBORDINATORS.has(p.words[i]?.norm ?? '') || /[;:—–()]/.test(gap(p, i))) continue;
    out.push([first, i], [i, last]);
  }
  return out;
}

// Words that show a clause has its verb: auxiliaries, modals, verbs of saying and common past forms.
const VERB_CUES = new Set(
  'is are was were be been being am has have had do does did will would can could may might shall should must said says say told tells left struck ran went came took hit sank fell made gave found got saw met began broke caught drove flew held kept lost sent shot stood won wrote'.split(' '),
);

/**
 * True when a relative clause sits inside its sentence's subject: it closes with a comma and
 * the sentence goes on ("The crossing to Lisken Island, which takes about 50 minutes, is the only
 * link"), and the words before it hold no verb. Those words are a noun phrase, not a claim.
 */
function isSubjectOnly(p: Prepared, first: number, r: { open: number; end: number }, last: number): boolean {
  if (r.end >= last || !gap(p, r.end).includes(',')) return false;
  for (let i = first; i < r.open; i++) {
    const w = p.words[i];
    if (!w) continue;
    if (VERB_CUES.has(w.norm) || (w.norm.length > 4 && w.norm.endsWith('ed'))) return false;
  }
  return true;
}

/** True when words [first, end) hold a function word: more than the premodifiers of a name ("Company founder"). */
function saysSomethingBefore(p: Prepared, first: number, end: number): boolean {
  for (let i = first; i < end; i++) if (STOPWORDS.has(p.words[i]?.norm ?? '')) return true;
  return false;
}

/** Relative clauses after a comma, with their antecedent: [antecedent, end) in words. */
function relatives(p: Prepared, first: number, last: number): { antecedent: number; open: number; end: number }[] {
  const out: { antecedent: number; open: number; end: number }[] = [];
  for (let i = first + 1; i < last; i++) {
    const w = p.words[i];
    if (!w || !RELATIVE.has(w.norm)) continue;
    let open = i;
    if (!gap(p, i).includes(',')) {
      // ", some of which ..."
      if (i - 2 > first && p.words[i - 1]?.norm === 'of' && QUANTIFIERS.has(p.words[i - 2]?.norm ?? '') && gap(p, i - 2).includes(',')) open = i - 2;
      else if (!(w.norm === 'that' && isThatRelative(p, first, i))) continue;
    }
    const antecedent = antecedentStart(p, first, open);
    let end = open + 1;
    while (end < last && !/[,;—–]/.test(gap(p, end))) end++;
    out.push({ antecedent, open, end });
  }
  return out;
}

/**
 * "the ferry that ran into the cargo ship": "that" right after a noun of a noun phrase opened
 * by a determiner, not after a verb ("said that") or a comma.
 */
function isThatRelative(p: Prepared, first: number, i: number): boolean {
  const prev = p.words[i - 1];
  if (!prev || i - 1 <= first || THAT_VERBS.has(prev.norm) || STOPWORDS.has(prev.norm) || prev.isNumber) return false;
  if (/(?:ed|ly)$/.test(prev.norm)) return false;
  for (let k = i - 2; k >= Math.max(first, i - 4); k--) {
    const w = p.words[k];
    if (!w) break;
    if (DETERMINERS.has(w.norm)) return true;
    if (STOPWORDS.has(w.norm)) break;
  }
  return false;
}

function antecedentStart(p: Prepared, first: number, open: number): number {
  const head = p.words[open - 1];
  if (!head) return first;
  let k = open - 1;
  if (head.isCapitalised) {
    // A name: back over the capitalised run only.
    while (k - 1 >= first && p.words[k - 1]?.isCapitalised && gap(p, k) === ' ' && open - k < UNITS.maxAntecedentWords) k--;
    return k;
  }
  while (k - 1 >= first && open - k < UNITS.maxAntecedentWords && !/[,;:—–()]/.test(gap(p, k))) {
    const prev = p.words[k - 1] as Word;
    if (ANTECEDENT_STOP.has(prev.norm)) break;
    k--;
    if (DETERMINERS.has(prev.norm)) break;
  }
  return k;
}

/** "Name, the/a ... ," appositives: [name start, its determiner, appositive end) in words. */
function appositives(p: Prepared, first: number, last: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = first + 1; i < last; i++) {
    if (!DETERMINERS.has(p.words[i]?.norm ?? '') || gap(p, i).trim() !== ',') continue;
    const head = p.words[i - 1];
    if (!head?.isCapitalised) continue;
    let k = i - 1;
    while (k - 1 >= first && p.words[k - 1]?.isCapitalised && /^[ -]$/.test(gap(p, k))) k--;
    let end = i + 1;
    while (end < last && !/[,;:—–()]/.test(gap(p, end)) && end - i < UNITS.maxAppositiveWords) end++;
    if (end - i >= UNITS.maxAppositiveWords) continue;
    out.push([k, i, end]);
  }
  return out;
}

function checkworthiness(p: Prepared, span: Span, first: number, last: number): number {
  const claims = p.article.claims;
  if (claims.length > 0) {
    let best = 0;
    for (const c of claims) if (c.span.start < span.end && span.start < c.span.end) best = Math.max(best, c.checkworthy);
    return best;
  }
  let hasFact = false;
  for (let i = first; i < last && !hasFact; i++) if (p.words[i]?.isNumber || NUMBER_WORDS.has(p.words[i]?.norm ?? '')) hasFact = true;
  if (!hasFact) hasFact = p.mentions.some((m) => m.first >= first && m.last <= last);
  return hasFact ? UNITS.checkworthyWithFacts : UNITS.checkworthyPlain;
}

/** A promise or intention in the first person ("We will speak to the crews"): not a fact about what happened. */
const PROMISE = /^\W*(?:we|i)(?: will|'ll|’ll| are going to| am going to| would| intend to| plan to| hope to)\b/i;

function isOpinion(p: Prepared, span: Span, first: number, last: number, quoted: readonly Span[]): boolean {
  if (PROMISE.test(p.article.text.slice(span.start, span.start + 40))) return true;
  // The writer speaking for themselves ("I have never once seen it leave in fog") is testimony
  // or opinion, not a reported fact to line up with others.
  if (hasOwnFirstPerson(p, first, last, quoted)) return true;
  const signals = p.article.signals.filter((s) => s.kind === 'opinion');
  if (p.article.signals.length > 0) {
    return signals.some((s) => {
      if (s.weight < UNITS.opinionWeight || !(s.span.start < span.end && span.start < s.span.end)) return false;
      // A part of an opinion sentence is opinion when the words that made it one are in that
      // part: "..., and more generally improve bilateral relations, Time will tell if they make
      // progress" holds a reported aim and a comment. The signal's detail quotes its cue words.
      if (span.start <= s.span.start && s.span.end <= span.end) return true;
      const cues = [...s.detail.matchAll(/'([^']{2,60})'/g)].map((m) => m[1] as string);
      if (cues.length === 0) return true;
      const text = p.article.text.slice(span.start, span.end);
      return cues.some((cue) => text.includes(cue));
    });
  }
  // Fallback: an exclamation.
  return /!\s*$/.test(p.article.text.slice(span.start, span.end));
}

function hasOwnFirstPerson(p: Prepared, first: number, last: number, quoted: readonly Span[]): boolean {
  for (let i = first; i < last; i++) {
    const w = p.words[i];
    if (!w || !FIRST_PERSON.has(w.norm)) continue;
    // "US" is the country, "us" the pronoun.
    if (w.norm === 'us' && p.article.text.slice(w.start, w.end) !== 'us') continue;
    if (!quoted.some((q) => q.start <= w.start && w.end <= q.end)) return true;
  }
  return false;
}

/** Spans inside quotation marks (curly or straight), for telling a quote from the writer's voice. */
export function quotedRanges(text: string): Span[] {
  const out: Span[] = [];
  const re = /“[^”]{1,2000}”?|"[^"\n]{1,2000}"/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
