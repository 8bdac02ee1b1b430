/**
 * Opinion scoring: a pure function of the document's layers, shared by findClaims (which drops
 * sentences dominated by opinion) and findSignals (which emits one 'opinion' signal per opinion
 * sentence). claims runs before signals, so neither reads the other's layer: both call
 * `opinionOf(doc, work)`, which is computed once per view (see working.ts).
 *
 * A sentence's score is
 *
 *     noisy-or(opinion cue weights)  -  min(REPORTING_MAX, sum(reporting cue weights))
 *
 * clamped to [0, 1]. Opinion cues are counted only outside quotation marks (quoted words are
 * the speaker's), and the author's cues in a sentence that attributes its content to a source
 * ("X said", "according to") are scaled by ATTRIBUTED_FACTOR: that is reporting of someone
 * else's view. A sentence with no reporting cue of its own, next to a strong opinion sentence
 * in the same paragraph, takes part of its neighbour's score (opinion paragraphs inserted into
 * reporting: "China has made their position clear." before the speculation that follows).
 *
 * The rule score is then blended with the trained classifier (classifier/model.ts: hashed
 * n-grams, our lexicons and cues, trained on BABE and BASIL):
 *
 *     own = rule score + GAIN x (P(opinion) - 0.5)      (clamped to [0, 1])
 *
 * so the model raises a sentence with some rule evidence over the line, or lowers one it finds
 * factual, but cannot make an opinion sentence on its own (it sees one sentence: no attribution
 * layer, no neighbours, no headings). The classifier also gives each sentence P(biased) and the
 * loaded words it marks (findSignals turns them into 'loaded' signals beside the lexicon's).
 */
import type { Doc } from '../model/index.js';
import { COPULAS, GENERIC_PRESENT, PARTITIVES, STRONG_REPORTING_WEIGHT, type Cue } from './lexicon-opinion.js';
import { lexicalOf, type CueTable, type Lexical } from './signal-lexical.js';
import { isOpinionKind, type SentenceView, type TextView } from './signal-view.js';
import { Working } from './working.js';
import type { PhraseMatch, Word } from './signal-words.js';
import { classifyTokens, loadedMarks, THRESHOLDS, type LoadedMark } from './classifier/model.js';
import { lexiconMask, tokens, type Tokens } from './classifier/features.js';
import { isCloser, trimmedEnd } from './text-end.js';
import { DATE_WORD, GROUP_NOUN, wordFlags } from './word-flags.js';

/**
 * Thresholds and cue scales. Tuned on the two seed articles (the expected opinion and reporting
 * sentences are pinned in opinion.test.ts) and on the BABE development half (macro-F1 of
 * opinion vs label_opinion, `node --import tsx eval/opinion-babe.ts`).
 */
export const OPINION = {
  /**
   * A sentence scoring at least this is an opinion sentence. On BABE (label_opinion, factual vs
   * the two opinionated labels) macro-F1 was 0.66 at 0.4, 0.72 at 0.3, 0.77 at 0.1; 0.3 keeps a
   * lone mild cue ("only", one "should" beside a quote) below the line in wire copy (seed 000).
   */
  threshold: 0.3,
  /** Scale of each kind of cue: table weight x scale is the cue's weight. */
  scale: {
    commentary: 0.8,
    firstPerson: 0.7,
    obligation: 0.8,
    evaluative: 0.6,
    loaded: 0.6,
    intensifier: 0.5,
    sweeping: 0.8,
    hedge: 0.25,
  },
  rhetoricalQuestion: 0.5,
  exclamation: 0.4,
  judgementHeading: 0.5,
  generalisation: 0.3,
  /** Author cues in the attributed part of a sentence count this much. */
  attributedFactor: 0.35,
  /**
   * An attribution with at most this many words after it closes the sentence (", the AP
   * reported."): it covers what comes before it too. One in mid-sentence covers only what follows
   * ("... criticized by the left while Kim explains how he's preparing to blow up Guam").
   */
  closingAttributionWords: 3,
  /** Reporting cue weights, and the most they can take off. */
  reporting: { named: 0.35, relayed: 0.35, anonymous: 0.3, dangling: 0.15, verb: 0.3, weakVerb: 0.15, quote: 0.15, number: 0.1, date: 0.1 },
  reportingMax: 0.5,
  /** Neighbour boost: a neighbour at least this strong lends `contextFactor` of its score. */
  contextMin: 0.6,
  contextFactor: 0.7,
  /**
   * Weight of the classifier's P(opinion) around 0.5. Set on the seeds (opinion.test.ts,
   * opinion-seeds.test.ts) and BABE: the model alone is at 0.84 macro-F1 on label_opinion by
   * cross-validation (TRAINING.md), the rules alone at 0.71; the rules carry what the model cannot
   * see in one sentence (attribution layers, neighbours, headings). 0.4 with the earlier model
   * (0.82); 0.5 since it improved, which also keeps the invented column in examples/ (an opinion
   * piece at 10 of 19 sentences) on the opinion side of the line.
   */
  modelGain: 0.5,
  /**
   * Sentences far above the line are classified only up to this many words (for their bias
   * probability and loaded marks): longer ones are run-ons (test/redos.test.ts, 'I think' x 25,000).
   */
  modelOnlyMaxWords: 150,
} as const;

export interface SentenceOpinion {
  /** Final score in [0, 1]. */
  score: number;
  /** Score before the neighbour boost. */
  own: number;
  /** The cues that fired, in words: "first person 'we'", "loaded 'nukes'". */
  cues: string[];
  /** Sum of reporting cue weights (before the cap). */
  reporting: number;
  /** Hedge weight (noisy-or) outside quotes. */
  hedge: number;
  /** True when the sentence is attributed to a source (layer or reporting verb). */
  attributed: boolean;
  /** True when the sentence is scored at all (body, standfirst, heading). */
  eligible: boolean;
  /** The rule score alone (before the blend and the neighbour boost). */
  rule: number;
  /** Classifier probabilities: the writer's opinion, biased wording (0 when not eligible). */
  model: { opinion: number; bias: number };
  /** Loaded words the classifier marks, offsets into the article text (quoted words included, flagged). */
  marks: (LoadedMark & { quoted: boolean })[];
}

export interface DocOpinion {
  view: TextView;
  sentences: SentenceOpinion[];
}

/** Noisy-or of the matches' cue weights. */
function noisyOr(matches: readonly PhraseMatch<Cue>[]): number {
  let miss = 1;
  for (const m of matches) miss *= 1 - Math.min(1, Math.max(0, m.value.weight));
  return 1 - miss;
}

function quoteWords(view: TextView, m: { from: number; to: number }): string {
  const a = view.words[m.from] as Word;
  const b = view.words[m.to - 1] as Word;
  return view.text.slice(a.start, b.end);
}

/** Matches of a cue table in the sentence that lie outside quotes. */
function outside(view: TextView, lex: Lexical, s: SentenceView, table: CueTable): readonly PhraseMatch<Cue>[] {
  const all = lex.cuesBySentence[table][s.index];
  // most sentences have no match of a table: no new array for them
  if (all === undefined || all.length === 0) return NO_MATCHES;
  return all.filter((m) => view.inQuote[m.from] === 0);
}
const NO_MATCHES: readonly PhraseMatch<Cue>[] = Object.freeze([]);

/** Words that, right after "all of them", "nobody" or "no one", tell of one past event ("All of them were taken off", "No one was hurt"), not a sweeping claim. */
const PAST_AUXILIARIES = new Set(['was', 'were', 'had', 'died', 'survived', 'escaped']);

/** Is the word at `i` a past-tense verb that makes a quantifier before it a count of one event? */
function pastEvent(words: readonly Word[], i: number): boolean {
  const w = words[i];
  if (w === undefined || w.gap) return false;
  return PAST_AUXILIARIES.has(w.norm) || (w.norm.length > 4 && w.norm.endsWith('ed'));
}

/**
 * The word indices covered by commentary matches, built once per sentence: a scan of every match
 * per word was quadratic in a long sentence full of cues (found by test/fuzz.test.ts, 'I think ' repeated).
 */
function commentaryWords(commentary: readonly PhraseMatch<Cue>[]): ReadonlySet<number> {
  // most sentences hold no commentary phrase: no new Set for them
  if (commentary.length === 0) return NO_WORDS;
  const out = new Set<number>();
  for (const c of commentary) for (let i = c.from; i < c.to; i++) out.add(i);
  return out;
}

const NO_WORDS: ReadonlySet<number> = new Set<number>();

/** True when word i lies in one of the commentary matches. */
function inCommentary(commentary: ReadonlySet<number>, i: number): boolean {
  return commentary.has(i);
}

/**
 * True when an attributing phrase ending at `end` closes the sentence (at most
 * closingAttributionWords words after it): then all of the sentence is someone else's, else
 * what follows the phrase's start.
 */
function closesSentence(words: readonly Word[], s: SentenceView, end: number): boolean {
  let after = 0;
  // Stops once past the closing limit: counting every later word made a long sentence with many
  // reporting verbs quadratic (found by test/fuzz.test.ts, 'said ' repeated).
  for (let i = s.to - 1; i >= s.from && (words[i] as Word).start >= end && after <= OPINION.closingAttributionWords; i--) after++;
  return after <= OPINION.closingAttributionWords;
}

/**
 * The cues of one sentence as they are added up (module-level helpers, not closures made per
 * sentence: scoreSentence runs for every sentence of every article).
 */
interface CueSink {
  words: readonly Word[];
  /** The earliest anchor start (Infinity when none) and whether any anchor closes the sentence:
   *  all isAttributedAt needs, so a cue costs O(1) however many anchors (test/redos.test.ts). */
  firstAnchor: number;
  closing: boolean;
  cues: string[];
  /** Cues scaled down when attributed. */
  author: number[];
  /** Cues that are the writer's whatever the attribution. */
  free: number[];
  scaled: boolean;
}

const SINK: CueSink = { words: [], firstAnchor: Infinity, closing: false, cues: [], author: [], free: [], scaled: false };

function isAttributedAt(sink: CueSink, wordIndex: number): boolean {
  const at = (sink.words[wordIndex] as Word).start;
  return sink.closing || at >= sink.firstAnchor;
}

function addCue(sink: CueSink, list: number[], weight: number, label: string, wordIndex = -1): void {
  if (list === sink.author && wordIndex >= 0 && isAttributedAt(sink, wordIndex)) {
    list.push(weight * OPINION.attributedFactor);
    sink.scaled = true;
  } else list.push(weight);
  sink.cues.push(label);
}

/**
 * The char code of the sentence's own closing mark: its last non-space character, 0 when that is
 * a closing quote or bracket (a quoted question is the speaker's) or there is none.
 */
function closingMark(view: TextView, s: SentenceView): number {
  const e = trimmedEnd(view.text, s.span.start, s.span.end);
  if (e === s.span.start) return 0;
  const c = view.text.charCodeAt(e - 1);
  return isCloser(c) ? 0 : c;
}

function scoreSentence(view: TextView, lex: Lexical, s: SentenceView): SentenceOpinion {
  const { words, inQuote } = view;

  // Reporting cues first: they decide whether author cues are someone else's view. Words of a
  // commentary phrase are not reporting ("Time will tell" is not a reporting "tell").
  const commentary = outside(view, lex, s, 'commentary');
  const commentaryAt = commentaryWords(commentary);
  let reportingVerbs = outside(view, lex, s, 'reporting');
  if (reportingVerbs.length && commentary.length) reportingVerbs = reportingVerbs.filter((m) => !inCommentary(commentaryAt, m.from));
  let strongVerb = false;
  for (const m of reportingVerbs) if (m.value.weight >= STRONG_REPORTING_WEIGHT) strongVerb = true;
  const attributed = s.attribution !== null || strongVerb;
  let reporting = 0;
  if (s.attribution !== null) reporting += OPINION.reporting[s.attribution];
  else if (reportingVerbs.length) reporting += strongVerb ? OPINION.reporting.verb : OPINION.reporting.weakVerb;
  if (s.hasQuote) reporting += OPINION.reporting.quote;
  let hasNumber = false;
  let hasDate = false;
  const flags = wordFlags(view);
  for (let i = s.from; i < s.to; i++) {
    if ((words[i] as Word).kind === 'number') hasNumber = true;
    else if (((flags[i] as number) & DATE_WORD) !== 0) hasDate = true;
  }
  if (hasNumber) reporting += OPINION.reporting.number;
  if (hasDate) reporting += OPINION.reporting.date;

  // Where the sentence is someone else's: after each attributing phrase, and before one that
  // closes the sentence.
  // Only the earliest anchor's start and whether any closes the sentence are read: no list of them.
  let anchors = 0;
  let firstAnchor = Infinity;
  let closing = false;
  for (const a of s.attributionSpans) {
    anchors++;
    if (a.start < firstAnchor) firstAnchor = a.start;
    if (closesSentence(words, s, a.end)) closing = true;
  }
  for (const m of reportingVerbs) {
    if (m.value.weight < STRONG_REPORTING_WEIGHT) continue;
    anchors++;
    const start = (words[m.from] as Word).start;
    if (start < firstAnchor) firstAnchor = start;
    if (closesSentence(words, s, (words[m.to - 1] as Word).end)) closing = true;
  }
  // The attribution's reporting weight counts for the share of the sentence it covers.
  if (anchors > 0 && !closing && s.to > s.from) {
    const first = firstAnchor;
    let covered = 0;
    for (let i = s.from; i < s.to; i++) if ((words[i] as Word).start >= first) covered++;
    const attributionWeight = s.attribution !== null ? OPINION.reporting[s.attribution] : strongVerb ? OPINION.reporting.verb : 0;
    reporting -= attributionWeight * (1 - covered / (s.to - s.from));
  }

  // One sink and its two weight lists reused by every sentence (scoreSentence is not re-entered);
  // the cue labels are the sentence's own.
  const sink = SINK;
  sink.words = words;
  sink.firstAnchor = firstAnchor;
  sink.closing = closing;
  sink.cues = [];
  sink.author.length = 0;
  sink.free.length = 0;
  sink.scaled = false;
  const { author, free } = sink;

  for (const m of commentary) addCue(sink, free, m.value.weight * OPINION.scale.commentary, `commentary '${quoteWords(view, m)}'`);
  for (const m of outside(view, lex, s, 'firstPerson')) {
    if (inCommentary(commentaryAt, m.from)) continue;
    addCue(sink, author, m.value.weight * OPINION.scale.firstPerson, `first person '${quoteWords(view, m)}'`, m.from);
    break; // the first one only
  }
  const obligation = outside(view, lex, s, 'obligation')[0];
  if (obligation) addCue(sink, author, obligation.value.weight * OPINION.scale.obligation, `obligation '${quoteWords(view, obligation)}'`, obligation.from);
  // One word is one cue: loaded words first, then evaluative words and intensifiers not already counted.
  let counted: Set<number> | null = null;
  for (const m of lex.loadedBySentence[s.index] ?? []) {
    if (inQuote[m.from] === 1) continue;
    counted ??= new Set<number>();
    for (let i = m.from; i < m.to; i++) counted.add(i);
    // How someone spoke ("railing", "blasted") is the writer's word even in reported speech.
    addCue(sink, m.value.kind === 'emotive-speech' ? free : author, m.value.weight * OPINION.scale.loaded, `loaded '${quoteWords(view, m)}'`, m.from);
  }
  for (const m of outside(view, lex, s, 'evaluative')) {
    if (counted?.has(m.from) || inCommentary(commentaryAt, m.from)) continue;
    (counted ??= new Set<number>()).add(m.from);
    addCue(sink, author, m.value.weight * OPINION.scale.evaluative, `evaluative '${quoteWords(view, m)}'`, m.from);
  }
  for (const m of outside(view, lex, s, 'intensifier')) {
    if (counted?.has(m.from) || inCommentary(commentaryAt, m.from)) continue;
    addCue(sink, author, m.value.weight * OPINION.scale.intensifier, `intensifier '${quoteWords(view, m)}'`, m.from);
  }
  let sweeping: PhraseMatch<Cue> | undefined;
  for (const m of outside(view, lex, s, 'sweeping')) {
    if (pastEvent(words, m.to)) continue;
    sweeping = m;
    break;
  }
  if (sweeping) addCue(sink, author, sweeping.value.weight * OPINION.scale.sweeping, `sweeping '${quoteWords(view, sweeping)}'`, sweeping.from);
  const hedges = outside(view, lex, s, 'hedge');
  let hedge = 0;
  if (hedges.length) {
    hedge = noisyOr(hedges);
    if (!attributed) addCue(sink, author, hedge * OPINION.scale.hedge, `speculation '${quoteWords(view, hedges[0] as PhraseMatch<Cue>)}'`);
  }

  // Generalisation: a group named as a bare plural and given a general present-tense statement
  // ("Democrats are railing", "liberals always"), not a dated act ("Democrats approved").
  for (let i = s.from; i < s.to - 1; i++) {
    const w = words[i] as Word;
    if (inQuote[i] === 1 || ((flags[i] as number) & GROUP_NOUN) === 0) continue;
    const prev = words[i - 1];
    if (i > s.from && prev && !prev.gap && (PARTITIVES.has(prev.norm) || prev.kind === 'number')) continue;
    const next = words[i + 1] as Word;
    if (next.gap || !GENERIC_PRESENT.has(next.norm)) continue;
    addCue(sink, author, OPINION.generalisation, `generalisation '${view.text.slice(w.start, next.end)}'`, i);
    break;
  }

  const mark = closingMark(view, s);
  if (mark === 0x3f && s.kind !== 'heading') addCue(sink, free, OPINION.rhetoricalQuestion, 'rhetorical question');
  if (mark === 0x21) addCue(sink, free, OPINION.exclamation, 'exclamation');
  if (s.kind === 'heading' && !hasNumber) {
    for (let i = s.from; i < s.to; i++) {
      if (COPULAS.has((words[i] as Word).norm)) {
        addCue(sink, free, OPINION.judgementHeading, 'heading states a judgement');
        break;
      }
    }
  }

  // noisy-or of free then author cues (the order of the products is kept)
  let miss = 1;
  for (const w of free) miss *= 1 - Math.min(1, Math.max(0, w));
  for (const w of author) miss *= 1 - Math.min(1, Math.max(0, w));
  const opinion = 1 - miss;
  const own = Math.max(0, Math.min(1, opinion - Math.min(OPINION.reportingMax, reporting)));
  const cues = sink.cues;
  if (sink.scaled) cues.push('partly attributed to a source');
  return { score: own, own, cues, reporting, hedge, attributed, eligible: isOpinionKind(s.kind), rule: own, model: { opinion: 0, bias: 0 }, marks: [] };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The classifier's lexicon-index mask of each word of `t` (the sentence's own tokens): a word
 * that is a view word (same offsets, same norm) takes the mask the view's lexicon read from the
 * word table (the same tables in the same order: signal-lexical.ts), the others are looked up.
 * A classified sentence's words were a second Map lookup each.
 */
function classifierMasks(view: TextView, lex: Lexical, s: SentenceView, t: Tokens): Int32Array {
  const words = t.words;
  const out = new Int32Array(words.length);
  const base = s.span.start;
  let j = s.from;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Tokens['words'][number];
    const start = base + w.start;
    while (j < s.to && (view.words[j] as Word).start < start) j++;
    const v = j < s.to ? (view.words[j] as Word) : undefined;
    out[i] = v !== undefined && v.start === start && v.end === base + w.end && v.norm === w.norm ? (lex.masks[j] as number) : lexiconMask(w.norm);
  }
  return out;
}

/** Blends the classifier into an eligible sentence's rule score. */
function withModel(view: TextView, lex: Lexical, s: SentenceView, o: SentenceOpinion): SentenceOpinion {
  const start = s.span.start;
  const t = tokens(view.text.slice(start, s.span.end));
  const c = classifyTokens(t, (view.memo.wordScores ??= new Map()), classifierMasks(view, lex, s, t));
  const marks = loadedMarks(c, THRESHOLDS.word, true).map((m) => {
    const w = c.tokens.words.find((x) => x.start === m.span.start);
    return { span: { start: start + m.span.start, end: start + m.span.end }, text: m.text, p: m.p, quoted: w?.quoted ?? false };
  });
  const own = Math.max(0, Math.min(1, o.own + OPINION.modelGain * (c.opinion - 0.5)));
  const cues = c.opinion >= 0.5 ? [...o.cues, `classifier P(opinion) ${round(c.opinion)}`] : o.cues;
  return { ...o, own, score: own, cues, model: { opinion: round(c.opinion), bias: round(c.bias) }, marks };
}

function scoreDoc(view: TextView): SentenceOpinion[] {
  const lex = lexicalOf(view);
  const out = view.sentences.map((s) => {
    const o = scoreSentence(view, lex, s);
    if (!o.eligible) return { ...o, score: 0, own: 0, rule: 0 };
    // Speed: the classifier costs more than all the rules together; it runs only where it can
    // change the decision (the rule score within modelGain / 2 of the threshold). Elsewhere
    // model = 0 and the loaded marks are the lexicon's alone. (Running it wherever the rules
    // saw a cue as well made the pipeline 0.42x wink-nlp's speed: bench/pipeline.bench.ts.)
    const reach = OPINION.modelGain / 2;
    if (o.own < OPINION.threshold - reach) return o;
    // Far above the line the model cannot change the decision, but its bias probability and
    // loaded-word marks are still read by the profile: without them a strongly opinionated
    // sentence counted as 0 in "biased wording" (issue #17: "0 of 21 sentences" beside 5
    // opinion sentences and 11 loaded words). Few sentences are this far above the line.
    if (o.own > OPINION.threshold + reach) {
      // a run-on "sentence" of hundreds of words (a paste, hostile input) is not worth the model's time here
      if (s.to - s.from > OPINION.modelOnlyMaxWords) return o;
      const m = withModel(view, lex, s, o);
      return { ...o, model: m.model, marks: m.marks };
    }
    return withModel(view, lex, s, o);
  });
  // Neighbour boost within a paragraph, from own scores only (no chains).
  for (let i = 0; i < out.length; i++) {
    const o = out[i] as SentenceOpinion;
    const s = view.sentences[i] as SentenceView;
    if (!o.eligible || o.reporting > 0 || o.own >= OPINION.threshold || s.paragraph < 0 || s.kind === 'heading') continue;
    let best = 0;
    for (const j of [i - 1, i + 1]) {
      const n = out[j];
      const ns = view.sentences[j];
      if (n && ns && ns.paragraph === s.paragraph && n.own >= OPINION.contextMin) best = Math.max(best, n.own);
    }
    if (best > 0) {
      const boosted = best * OPINION.contextFactor;
      if (boosted > o.score) out[i] = { ...o, score: boosted, cues: [...o.cues, 'in an opinion paragraph'] };
    }
  }
  return out;
}

/**
 * Opinion scores of every sentence of the doc's view, once per view. Inside `analyze` the stages
 * pass their `Working`, so claims, signals and profile share one view and one scoring.
 */
export function opinionOf(doc: Doc, work: Working = new Working()): DocOpinion {
  const view = work.view(doc);
  view.memo.opinion ??= { view, sentences: scoreDoc(view) };
  return view.memo.opinion;
}

/** True when the score makes the sentence an opinion sentence. */
export function isOpinion(o: SentenceOpinion): boolean {
  return o.eligible && o.score >= OPINION.threshold;
}
