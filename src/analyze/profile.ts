/**
 * profile: the article's counts and shares, read from the layers made before it (no new
 * analysis here). Opinion share is over body and standfirst sentences; `kind` follows it:
 *
 *   opinionShare >= OPINION_ARTICLE_SHARE  -> 'opinion'
 *   opinionShare >= MIXED_ARTICLE_SHARE    -> 'mixed'
 *   else                                   -> 'reporting'
 *
 * loadedWords counts the writer's loaded words (loaded signals outside quotes); hedges counts
 * every hedge signal. Words are the word tokens of the text.
 */
import type { Context, Doc, Profile } from '../model/index.js';
import { SENSATIONAL_MIN_WEIGHT } from './headline.js';
import { viewOf } from './signal-view.js';

/**
 * Article kind thresholds, set on the seeds: the wire report (seed 000) has one commentary
 * sentence in ten (reporting); the partisan rewrite (seed 004) about a third (mixed). A column
 * is opinion in most of its sentences.
 */
export const OPINION_ARTICLE_SHARE = 0.5;
export const MIXED_ARTICLE_SHARE = 0.15;

export function profile(doc: Doc, ctx: Context): Doc {
  void ctx;
  const view = viewOf(doc);
  const bodySpans = view.sentences.filter((s) => s.kind === 'body' || s.kind === 'standfirst').map((s) => s.span);
  const bodyStarts = new Set(bodySpans.map((s) => `${s.start}:${s.end}`));
  let opinionSentences = 0;
  let loadedWords = 0;
  let hedges = 0;
  let sensationalTitle = false;
  for (const s of doc.signals) {
    if (s.kind === 'opinion' && bodyStarts.has(`${s.span.start}:${s.span.end}`)) opinionSentences++;
    else if (s.kind === 'loaded' && !s.detail.endsWith('(in quote)')) loadedWords += s.text.split(/\s+/).length;
    else if (s.kind === 'hedge') hedges++;
    else if (s.kind === 'sensational-title' && s.weight >= SENSATIONAL_MIN_WEIGHT) sensationalTitle = true;
  }
  const sentences = bodySpans.length;
  const opinionShare = sentences ? round(opinionSentences / sentences) : 0;
  const words = doc.tokens.length ? doc.tokens.filter((t) => t.kind === 'word').length : view.words.filter((w) => !w.isNumber).length;
  const attributions = { named: 0, anonymous: 0, dangling: 0 };
  for (const a of doc.attributions) attributions[a.kind]++;
  const speakers = new Set<string>();
  for (const q of doc.quotes) {
    const who = q.speakerCanonical ?? q.speaker?.text ?? null;
    if (who !== null) speakers.add(who);
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
    quotes: doc.quotes.length,
    quotedSpeakers: [...speakers],
    sensationalTitle,
    removedChars: doc.removed.reduce((n, r) => n + (r.span.end - r.span.start), 0),
    repairs: doc.repairs.length,
  };
  return { ...doc, profile: p };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
