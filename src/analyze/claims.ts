/**
 * findClaims: each standfirst or body sentence that states a checkable fact becomes a Claim with
 * a check-worthiness in [0, 1]. A sentence is a statement when it has a finite verb, is not a
 * question and is not dominated by opinion (opinion.ts, shared with findSignals), unless the
 * check-worthiness model finds it worth checking all the same: a speaker's own factual claim
 * ("We're up 400,000 jobs.") carries first-person words the opinion rules count, and is a claim.
 * Its score is the trained check-worthiness model's P(check-worthy) (checkworthy/: hashed word
 * n-grams and cues from the layers: entities, numbers and quantities, dates, attribution, event
 * verbs, first person, tense, comparisons, hedges and the opinion rules' score), trained on
 * debate and speech transcripts (ClaimBuster, CLEF-2019). A sentence made of two independent
 * statements joined by "; " or a spaced dash gives one claim per clause (clause spans).
 */
import { datelineEnd } from './dateline.js';
import type { Claim, Context, Doc, Span } from '../model/index.js';
import { isOpinion, opinionOf, type SentenceOpinion } from './opinion.js';
import { Working } from './working.js';
import type { SentenceView, TextView } from './signal-view.js';
import type { Word } from './signal-words.js';
import { REPORTING } from './lexicon-opinion.js';
import { canStart, lexicalOf } from './signal-lexical.js';
import { isCloser, trimmedEnd } from './text-end.js';
import { EVENT_VERB, FINITE_FORM, NOT_PAST_WORD, wordFlags } from './word-flags.js';
import { checkworthyFeatures, Features } from './checkworthy/features.js';
import { shippedScorer, type CheckworthyScorer } from './checkworthy/model.js';

/**
 * Thresholds of the claim list. Set by cross-validation by transcript on the development
 * transcripts (eval/checkworthy-clef.ts, eval/checkworthy-claimbuster.ts; TRAINING.md in
 * checkworthy/).
 */
export const CHECKWORTHY = {
  /** Shorter statements are fragments, not claims. */
  minWords: 4,
  /**
   * A sentence the opinion rules call opinion stays a claim, scored low, when it holds the
   * speaker's first person or a figure and the model gives it at least this: a politician's own
   * statement ("We lose 33,000 people a year to gun violence.") is a claim, not opinion, and
   * the model's score already ranks a plain view low. Lowered from 0.5 to 0.3 by the
   * cross-validation of both evals (ClaimBuster ROC AUC and CLEF MAP rose together).
   */
  keepOpinionAt: 0.3,
  /**
   * An opinion sentence without first person or a figure (the writer's view, or a speaker's
   * sentence the rules misread) stays a claim only when it is worth checking (worthChecking):
   * the writer's speculation stays out ("Under this scenario, North Korea is allowed..." scores 0.5).
   */
  keepWriterOpinionAt: 0.7,
  /** A sentence without a finite verb (a spoken fragment that states a figure) stays a claim at this line. */
  keepFragmentAt: 0.5,
  /**
   * A claim at or above this is worth checking (CLEF F1, `crosscheck claims` default list). The
   * best line of the sweep in eval/checkworthy-clef.ts (mean F1 over held-out transcripts: 0.240
   * at 0.8, 0.258 at 0.7, 0.224 at 0.5), so its F1 there is slightly optimistic.
   */
  worthChecking: 0.7,
} as const;

/** Clause separators: a semicolon or a spaced dash (em, en or double hyphen). */
const CLAUSE_BREAK = /; | [\u2014\u2013] | -- /g;
/** Entries of the reporting table that are nouns, not verbs. */
const NOT_REPORTING_VERBS: ReadonlySet<string> = new Set(['data', 'records', 'figures', 'survey']);
const CAPITALISED = /^\p{Lu}/u;

/** CAPITALISED on text[start, end), without a slice for an ASCII first letter (most words). */
function startsCapital(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITALISED.test(text.slice(start, end));
}

/**
 * True when text[start, end) holds a match of CLAUSE_BREAK ("; ", " — ", " – ", " -- "): the same
 * answer as the regex, without a slice. A test for the characters alone let every sentence with
 * a hyphenated word ("far-right", "46-year-old") through to the slice and the regex.
 */
function holdsClauseBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i + 1 < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3b) {
      if (text.charCodeAt(i + 1) === 0x20) return true;
    } else if (c === 0x20 && i + 2 < end) {
      const d = text.charCodeAt(i + 1);
      if ((d === 0x2014 || d === 0x2013) && text.charCodeAt(i + 2) === 0x20) return true;
      if (d === 0x2d && i + 3 < end && text.charCodeAt(i + 2) === 0x2d && text.charCodeAt(i + 3) === 0x20) return true;
    }
  }
  return false;
}

/** True when words [from, to) hold a finite verb. */
export function hasFiniteVerb(view: TextView, from: number, to: number): boolean {
  const flags = wordFlags(view);
  const lex = lexicalOf(view);
  for (let i = from; i < to; i++) {
    const w = view.words[i] as Word;
    if (w.kind === 'number') continue;
    const n = w.norm;
    const f = flags[i] as number;
    if ((f & FINITE_FORM) !== 0) return true;
    if ((n.endsWith('s') || n === 'said' || n === 'told' || n === 'wrote') && canStart(lex, 'reporting', i) && REPORTING.matchAt(view.words, i, to) !== null && !NOT_REPORTING_VERBS.has(n)) return true;
    if (n.length >= 4 && n.endsWith('ed') && (f & NOT_PAST_WORD) === 0) {
      // A capitalised -ed word inside the sentence is a name ("United"), not a verb.
      if (i === from || !startsCapital(view.text, w.start, w.end)) return true;
    }
    if ((f & EVENT_VERB) !== 0 && (n.endsWith('s') || n.endsWith('ed'))) return true;
    // A third-person present after a pronoun subject: "That costs the government $7,700", "it takes".
    if (i > from && n.length >= 4 && n.endsWith('s') && !n.endsWith('ss') && !n.endsWith('us') && !n.endsWith('is') && !w.gap && THIRD_PERSON_SUBJECTS.has((view.words[i - 1] as Word).norm)) return true;
    // A plain present after a subject pronoun, in speech: "We lose 33,000 people a year", "They pay".
    if (i + 1 < to && SUBJECT_PRONOUNS.has(n)) {
      let j = i + 1;
      while (j + 1 < to && PRE_VERB_ADVERBS.has((view.words[j] as Word).norm)) j++;
      const v = view.words[j] as Word;
      if (!v.gap && v.kind !== 'number' && v.norm.length >= 2 && !v.norm.endsWith('ly') && !NOT_PRESENT_AFTER_SUBJECT.has(v.norm)) return true;
    }
  }
  return false;
}
/** Subjects after which an -s word is a present-tense verb ("it costs", "that means"). */
const THIRD_PERSON_SUBJECTS: ReadonlySet<string> = new Set(['he', 'she', 'it', 'that', 'this', 'which', 'who', 'what', 'everyone', 'everybody', 'nobody', 'somebody', 'someone']);
/** Subjects after which a plain word is a present-tense verb ("we lose", "they pay"). */
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['i', 'we', 'you', 'they']);
/** Adverbs between a subject and its verb ("we now have", "they never pay"). */
const PRE_VERB_ADVERBS: ReadonlySet<string> = new Set(['all', 'both', 'also', 'now', 'never', 'always', 'still', 'just', 'only', 'really', 'already', 'actually', 'often', 'even', 'currently', 'each']);
/** Words after a subject pronoun that are not its verb ("you and me", "we the people"). */
const NOT_PRESENT_AFTER_SUBJECT: ReadonlySet<string> = new Set(['and', 'or', 'the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'too', 'who', 'that', 'which', 'alone', 'guys', 'people', 'two', 'three', 'both', 'very', 'much', 'so', 'here', 'there', 'again', 'together', 'tonight', 'today', 'folks']);

/** First person outside quotes ("we", "I", "our"), a number or a quantity word in the sentence. */
function isOwnStatementOrFigure(view: TextView, s: SentenceView): boolean {
  for (let i = s.from; i < s.to; i++) {
    const w = view.words[i] as Word;
    if (w.kind === 'number' || FIGURE_WORDS.has(w.norm)) return true;
    if (view.inQuote[i] === 0 && SPEAKER_WORDS.has(w.norm)) return true;
  }
  return false;
}
/** Words that make a figure without digits ("two million", "a third", "percent"). */
const FIGURE_WORDS: ReadonlySet<string> = new Set(['percent', 'cent', 'million', 'millions', 'billion', 'billions', 'trillion', 'thousand', 'thousands', 'hundred', 'hundreds', 'dozen', 'dozens', 'half', 'twice', 'double', 'doubled', 'tripled', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twenty', 'fifty']);
const SPEAKER_WORDS: ReadonlySet<string> = new Set(['i', 'we', 'my', 'our', "i'm", "we're", "i've", "we've", "i'd", "we'd", "i'll", "we'll", 'me', 'us']);

function wordCount(view: TextView, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if ((view.words[i] as Word).kind !== 'number') n++;
  return n;
}

// One feature buffer reused across sentences: scoring allocates nothing per claim.
const buffer = new Features(256);

/** P(check-worthy) of words [from, to) of a sentence, rounded to 3 decimals. */
export function checkworthiness(view: TextView, s: SentenceView, o: SentenceOpinion, from: number, to: number, clause: boolean, scorer: CheckworthyScorer = shippedScorer): number {
  checkworthyFeatures(view, s, o, from, to, clause, buffer);
  return Math.round(scorer(buffer) * 1000) / 1000;
}

/** Clause spans of a sentence split at "; " and spaced dashes outside quotes, or null when it is one statement. */
function clauses(view: TextView, s: SentenceView): { span: Span; from: number; to: number }[] | null {
  // most sentences hold no separator: no slice and no regex for them
  if (!holdsClauseBreak(view.text, s.span.start, s.span.end)) return null;
  const text = view.text.slice(s.span.start, s.span.end);
  const cuts: number[] = [];
  for (const m of text.matchAll(CLAUSE_BREAK)) cuts.push(m.index);
  if (cuts.length === 0) return null;
  const parts: { span: Span; from: number; to: number }[] = [];
  let start = s.span.start;
  let w = s.from;
  const bounds = [...cuts.map((c) => s.span.start + c), s.span.end];
  const seps = [...cuts.map((c) => (text.slice(c).match(CLAUSE_BREAK_AT)?.[0].length ?? 1)), 0];
  for (let k = 0; k < bounds.length; k++) {
    const end = bounds[k] as number;
    let from = w;
    while (from < s.to && (view.words[from] as Word).start < start) from++;
    let to = from;
    while (to < s.to && (view.words[to] as Word).end <= end) to++;
    // a break inside quotation marks is the speaker's punctuation, not a clause break
    if (k < cuts.length && to > from && view.inQuote[to - 1] === 1) return null;
    let a = start;
    let b = end;
    while (a < b && /\s/.test(view.text[a] ?? '')) a++;
    while (b > a && /\s/.test(view.text[b - 1] ?? '')) b--;
    parts.push({ span: { start: a, end: b }, from, to });
    start = end + (seps[k] as number);
    w = to;
  }
  const good = parts.filter((p) => wordCount(view, p.from, p.to) >= CHECKWORTHY.minWords && hasFiniteVerb(view, p.from, p.to));
  return good.length >= 2 && good.length === parts.length ? parts : null;
}
const CLAUSE_BREAK_AT = /^(?:; | [\u2014\u2013] | -- )/;

/** True when text[start, end) ends in "?" before any closing quotes and brackets (and white space). */
function endsInQuestion(text: string, start: number, end: number): boolean {
  let e = trimmedEnd(text, start, end);
  while (e > start && isCloser(text.charCodeAt(e - 1))) e--;
  return e > start && text.charCodeAt(e - 1) === 0x3f;
}

export function findClaims(doc: Doc, ctx: Context, work: Working = new Working()): Doc {
  void ctx;
  return { ...doc, claims: claimsOf(doc, shippedScorer, work) };
}

/** The claims of a document scored by `scorer` (the shipped model, or a model under validation). */
export function claimsOf(doc: Doc, scorer: CheckworthyScorer, work: Working = new Working()): Claim[] {
  const { view, sentences } = opinionOf(doc, work);
  const claims: Claim[] = [];
  for (const s of view.sentences) {
    if (s.kind !== 'body' && s.kind !== 'standfirst') continue;
    const o = sentences[s.index];
    if (o === undefined) continue;
    if (endsInQuestion(view.text, s.span.start, s.span.end)) continue;
    if (wordCount(view, s.from, s.to) < CHECKWORTHY.minWords) continue;
    // An opinion sentence, or one without a finite verb ("The worst inflation since the Great
    // Depression.", a spoken fragment), is kept whole when the model finds it worth checking (no
    // clause split: the model judged the whole sentence). The speaker's own statement or a
    // figure is kept at a lower line than the writer's speculation ("Under this scenario, North
    // Korea is allowed to...").
    const opinion = isOpinion(o);
    const line = opinion ? (isOwnStatementOrFigure(view, s) ? CHECKWORTHY.keepOpinionAt : CHECKWORTHY.keepWriterOpinionAt) : hasFiniteVerb(view, s.from, s.to) ? -1 : CHECKWORTHY.keepFragmentAt;
    const kept = line >= 0 ? checkworthiness(view, s, o, s.from, s.to, false, scorer) : -1;
    if (kept >= 0 && kept < line) continue;
    const split = kept >= 0 ? null : clauses(view, s);
    const parts = split ?? [{ span: s.span, from: s.from, to: s.to }];
    for (const p of parts) {
      // "HARROWGATE (WW) — Thirty-four pupils ...": the claim starts after the wire's dateline
      const start = p.span.start === s.span.start ? datelineEnd(doc.text, p.span.start, p.span.end) : p.span.start;
      const span = start === p.span.start ? p.span : { start, end: p.span.end };
      claims.push({
        articleId: doc.id,
        span,
        text: doc.text.slice(span.start, span.end),
        checkworthy: kept >= 0 ? kept : checkworthiness(view, s, o, p.from, p.to, split !== null, scorer),
        // -1 when the segment layer is missing and the sentences are the view's fallback split
        sentence: view.sentencesFromDoc ? s.index : -1,
      });
    }
  }
  return claims;
}
