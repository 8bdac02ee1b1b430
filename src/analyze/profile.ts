/**
 * profile: the article's counts and shares, read from the layers made before it (no new
 * analysis here). Opinion share is over body and standfirst sentences; `kind` follows it:
 *
 *   opinionShare >= OPINION_ARTICLE_SHARE  -> 'opinion'
 *   opinionShare >= MIXED_ARTICLE_SHARE    -> 'mixed'
 *   else                                   -> 'reporting'
 *
 * loadedWords counts the writer's loaded words (loaded signals outside quotes); hedges counts
 * the hedge signals outside quotes (a speaker's "could" is not the article hedging). Words are the word tokens of the text.
 */
import { countedAttributions, profileCountOf, type Context, type Doc, type Evidence, type Profile, type QuotedSource, type SourceSide, type Span } from '../model/index.js';
import { SENSATIONAL_MIN_WEIGHT } from './headline.js';
import { opinionOf } from './opinion.js';
import { Working } from './working.js';
import { OTHER_PRONOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS } from './attribution-tables.js';
import { THRESHOLDS } from './classifier/model.js';

/**
 * Title words that say which side a quoted source speaks for (see sideOf), else the speaker's
 * entity type; in this order where two sides' words are equally near the speaker.
 * Our own list, set by hand on the example corpus (officials, the operator, critics, experts).
 */
const SIDE_WORDS: readonly (readonly [SourceSide, RegExp])[] = [
  ['critic', /\b(critics?|opponents?|activists?|campaigners?|protesters?|advocates?|advocacy|watchdog|rights group|union|opposition|lawyers? for)\b/i],
  ['official', /\b(minister|ministry|president|governor|mayor|senator|congressman|congresswoman|lawmakers?|officials?|department|government|police|agency|council|white house|pentagon|ambassador|diplomats?|secretary|commission|court|judge|prosecutors?|sheriff|military|army|navy|coast ?guard|authorit(?:y|ies)|regulators?|spokes(?:man|woman|person) for the (?:state|city|ministry|department|government))\b/i],
  ['company', /\b(company|companies|inc|corp|corporation|ltd|plc|llc|chief executive|ceo|executives?|firm|operator|airline|bank|manufacturer|owner)\b/i],
  ['expert', /\b(professor|analysts?|experts?|researchers?|economists?|scientists?|university|institute|think tank)\b/i],
  ['witness', /\b(witness(?:es)?|residents?|passengers?|survivors?|neighbou?rs?|relatives?|bystanders?|eyewitness)\b/i],
];
const SIDE_WINDOW = 80;
/** SIDE_WORDS as global patterns, compiled once: sideOf looks for every match near the speaker. */
const SIDE_WORDS_ALL = SIDE_WORDS.map(([side, re]) => [side, new RegExp(re.source, 'gi')] as const);

/**
 * The side of a quoted speaker: a title word in the speaker's own words first ("union leader
 * Ann Cole"), else the title word nearest the speaker within SIDE_WINDOW characters, but never
 * across the speaker's sentence: "The owner said the company may rebuild. “We could lose
 * the harvest,” said farmer Tom Reyes" does not make the farmer speak for a company.
 */
function sideOf(doc: Doc, speaker: Evidence | null, canonical: string | null): { side: SourceSide; cue: string | null } {
  if (speaker) {
    for (const [side, re] of SIDE_WORDS) {
      const m = re.exec(speaker.text);
      if (m) return { side, cue: m[0] };
    }
    const sentence = doc.sentences.find((s) => s.start <= speaker.span.start && speaker.span.start < s.end);
    const from = Math.max(sentence?.start ?? 0, speaker.span.start - SIDE_WINDOW);
    const to = Math.min(sentence?.end ?? doc.text.length, speaker.span.end + SIDE_WINDOW);
    const around = doc.text.slice(from, to);
    let best: { side: SourceSide; cue: string; distance: number } | null = null;
    for (const [side, g] of SIDE_WORDS_ALL) {
      g.lastIndex = 0;
      for (let m = g.exec(around); m; m = g.exec(around)) {
        const start = from + m.index, end = start + m[0].length;
        const distance = end <= speaker.span.start ? speaker.span.start - end : start >= speaker.span.end ? start - speaker.span.end : 0;
        if (best === null || distance < best.distance) best = { side, cue: m[0], distance };
      }
    }
    if (best) return { side: best.side, cue: best.cue };
  }
  if (canonical?.startsWith('org:')) return { side: 'company', cue: null };
  return { side: 'unknown', cue: null };
}

function isPronoun(w: string): boolean {
  return PERSON_PRONOUNS.has(w) || PLURAL_PRONOUNS.has(w) || OTHER_PRONOUNS.has(w);
}

/** Quoted sources, one per speaker, in order of first quote. */
function quotedSources(doc: Doc): QuotedSource[] {
  const by = new Map<string, QuotedSource>();
  for (const q of doc.quotes) {
    if (q.short) continue; // a scare quote is no statement of the speaker's
    const who = q.speakerCanonical ?? q.speaker?.text ?? null;
    // a pronoun nobody resolved ("she said") names no source of its own
    if (who === null || (q.speakerCanonical === null && isPronoun(who.toLowerCase()))) continue;
    let src = by.get(who);
    if (src === undefined) {
      const { side, cue } = sideOf(doc, q.speaker, q.speakerCanonical);
      src = { speaker: who, side, sideCue: cue, named: q.speaker ? { articleId: q.speaker.articleId, span: q.speaker.span, text: q.speaker.text } : null, quotes: [] };
      by.set(who, src);
    }
    src.quotes.push({ articleId: q.articleId, span: q.span, text: q.text });
  }
  return [...by.values()];
}

/**
 * Article kind thresholds, set on the seeds: the wire report (seed 000) has one commentary
 * sentence in ten (reporting); the partisan rewrite (seed 004) about a third (mixed). A column
 * is opinion in most of its sentences.
 */
export const OPINION_ARTICLE_SHARE = 0.5;
export const MIXED_ARTICLE_SHARE = 0.15;

export function profile(doc: Doc, ctx: Context, work: Working = new Working()): Doc {
  void ctx;
  const view = work.view(doc);
  const bodySpans = view.sentences.filter((s) => s.kind === 'body' || s.kind === 'standfirst').map((s) => s.span);
  // a span as one number, start x (length + 1) + end (exact below 2^53): no string per sentence and per signal
  const stride = doc.text.length + 1;
  const bodyStarts = new Set(bodySpans.map((s) => s.start * stride + s.end));
  let opinionSentences = 0;
  let loadedWords = 0;
  let hedges = 0;
  let sensationalTitle = false;
  const inBody = (span: Span): boolean => bodyStarts.has(span.start * stride + span.end);
  // the one definition of the counts (model/profile-counts.ts), shared with the reports and the page
  for (const s of doc.signals) {
    if (s.kind === 'opinion') opinionSentences += profileCountOf(s, inBody);
    else if (s.kind === 'loaded') loadedWords += profileCountOf(s, inBody);
    else if (s.kind === 'hedge') hedges += profileCountOf(s, inBody);
    else if (s.kind === 'sensational-title' && s.weight >= SENSATIONAL_MIN_WEIGHT) sensationalTitle = true;
  }
  const sentences = bodySpans.length;
  const opinionShare = sentences ? round(opinionSentences / sentences) : 0;
  // counted, not filtered: no array of every word per article
  let words = 0;
  if (doc.tokens.length) {
    for (const t of doc.tokens) if (t.kind === 'word') words++;
  } else {
    for (const w of view.words) if (w.kind !== 'number') words++;
  }
  const attributions = { named: 0, anonymous: 0, relayed: 0, dangling: 0 };
  // a relay names its source (an outlet or agency): counted with the named ones
  // one per statement: a question its answer repeats ("Asked ..., Lopez said") is counted with the answer,
  // and a cue in the title or a heading ("Senator demands answers") restates the body: not counted
  for (const a of countedAttributions(doc.attributions, doc.paragraphs)) attributions[a.kind]++;
  const speakers = new Set<string>();
  for (const q of doc.quotes) {
    if (q.short) continue;
    const who = q.speakerCanonical ?? q.speaker?.text ?? null;
    if (who !== null) speakers.add(who);
  }
  // classifier bias over body sentences
  const { sentences: scored } = opinionOf(doc, work);
  let biasedSentences = 0;
  for (const s of view.sentences) {
    if ((s.kind === 'body' || s.kind === 'standfirst') && (scored[s.index]?.model.bias ?? 0) >= THRESHOLDS.bias) biasedSentences++;
  }
  const p: Profile = {
    kind: opinionShare >= OPINION_ARTICLE_SHARE ? 'opinion' : opinionShare >= MIXED_ARTICLE_SHARE ? 'mixed' : 'reporting',
    sentences,
    opinionSentences,
    opinionShare,
    words,
    loadedWords,
    loadedPer1000: words ? round((loadedWords / words) * 1000) : 0,
    hedges,
    attributions,
    quotes: doc.quotes.filter((q) => !q.short).length,
    quotedSpeakers: [...speakers],
    quoted: quotedSources(doc),
    biasedSentences,
    biasShare: sentences ? round(biasedSentences / sentences) : 0,
    sensationalTitle,
    removedChars: doc.removed.reduce((n, r) => n + (r.span.end - r.span.start), 0),
    repairs: doc.repairs.length,
  };
  return { ...doc, profile: p };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
