/**
 * findSignals: style signals, each with the words behind it.
 *
 *   sensational-title  rules of headline.ts on the title (paragraph of kind title, else the
 *                      title field's span when it was found in the text)
 *   loaded             lexicon-loaded.ts on token norms, and the words the trained classifier
 *                      marks (opinion.ts: P(loaded) >= its threshold) that the lexicon lacks;
 *                      weight = the larger of the two. Inside quotes the words are the
 *                      speaker's: kept at QUOTED_FACTOR of the weight with detail 'in quote'
 *   hedge              lexicon-opinion.ts HEDGES ("may", "might", "could" only as modals)
 *   intensifier        outside quotes
 *   first-person       the author's I / we / our / one can, outside quotes; in a sentence that
 *                      attributes its content to a source it is reported speech (lower weight)
 *   opinion            one per opinion sentence (opinion.ts): span = the sentence, weight = the
 *                      score, detail = the cues that fired
 */
import type { Context, Doc, Signal, SignalKind, Span } from '../model/index.js';
import { headlineHits } from './headline.js';
import { isOpinion, opinionOf, type SentenceOpinion } from './opinion.js';
import { Working } from './working.js';
import { lexicalOf } from './signal-lexical.js';
import type { TextView } from './signal-view.js';
import type { Word } from './signal-words.js';

/** Weight kept by a word inside quotation marks (the speaker's word, not the writer's). */
export const QUOTED_FACTOR = 0.3;
/** Weight kept by the first person in attributed (reported) speech: "The U.S. has said we cannot accept...". */
export const REPORTED_FIRST_PERSON_FACTOR = 0.4;

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function matchSpan(view: TextView, m: { from: number; to: number }): Span {
  return { start: (view.words[m.from] as Word).start, end: (view.words[m.to - 1] as Word).end };
}

export function findSignals(doc: Doc, ctx: Context, work: Working = new Working()): Doc {
  void ctx;
  const { view, sentences } = opinionOf(doc, work);
  const signals: Signal[] = [];
  const push = (kind: SignalKind, span: Span, weight: number, detail: string): void => {
    signals.push({ articleId: doc.id, span, text: doc.text.slice(span.start, span.end), kind, weight: round(weight), detail });
  };

  // Sensational title.
  if (view.title !== null) {
    const t = view.title;
    for (const h of headlineHits(doc.text.slice(t.start, t.end))) {
      push('sensational-title', { start: t.start + h.span.start, end: t.start + h.span.end }, h.weight, h.detail);
    }
  }

  // Word-level signals.
  const lex = lexicalOf(view);
  // Lexicon matches and classifier marks are both in text order: one sweep pairs the overlapping ones.
  // a loop, not flatMap: flatMap's generic path was most of this stage's own time (CPU profile)
  const marks: SentenceOpinion['marks'] = [];
  for (const o of sentences) for (const m of o.marks) marks.push(m);
  const used = new Uint8Array(marks.length);
  let k = 0;
  for (const m of lex.loaded) {
    const quoted = view.inQuote[m.from] === 1;
    const e = m.value;
    const span = matchSpan(view, m);
    while (k < marks.length && (marks[k] as (typeof marks)[number]).span.end <= span.start) k++;
    let p = 0;
    for (let j = k; j < marks.length && (marks[j] as (typeof marks)[number]).span.start < span.end; j++) {
      used[j] = 1;
      p = Math.max(p, (marks[j] as (typeof marks)[number]).p);
    }
    const weight = Math.max(e.weight, p);
    push('loaded', span, quoted ? weight * QUOTED_FACTOR : weight, `${e.kind}: ${e.lemma}${p > 0 ? `; classifier ${round(p)}` : ''}${quoted ? ' (in quote)' : ''}`);
  }
  // a classifier mark on a word the lexicon read as literal ("explosive gas") is dropped too
  k = 0;
  for (const m of lex.literal) {
    const span = matchSpan(view, m);
    while (k < marks.length && (marks[k] as (typeof marks)[number]).span.end <= span.start) k++;
    for (let j = k; j < marks.length && (marks[j] as (typeof marks)[number]).span.start < span.end; j++) used[j] = 1;
  }
  marks.forEach((mark, j) => {
    if (used[j] === 1) return;
    push('loaded', mark.span, mark.quoted ? mark.p * QUOTED_FACTOR : mark.p, `classifier: P(loaded) ${round(mark.p)}${mark.quoted ? ' (in quote)' : ''}`);
  });
  for (const m of lex.cues.hedge) {
    const quoted = view.inQuote[m.from] === 1;
    push('hedge', matchSpan(view, m), quoted ? m.value.weight * QUOTED_FACTOR : m.value.weight, `hedge: ${m.value.lemma}${quoted ? ' (in quote)' : ''}`);
  }
  for (const m of lex.cues.intensifier) {
    if (view.inQuote[m.from] === 0) push('intensifier', matchSpan(view, m), m.value.weight, `intensifier: ${m.value.lemma}`);
  }
  for (const m of lex.cues.firstPerson) {
    if (view.inQuote[m.from] === 1) continue;
    const s = sentences[lex.sentenceOf[m.from] ?? -1];
    if (s !== undefined && !s.eligible) continue; // bylines, captions, the title
    const reported = s?.attributed ?? false;
    push('first-person', matchSpan(view, m), reported ? m.value.weight * REPORTED_FIRST_PERSON_FACTOR : m.value.weight, `first person: ${m.value.lemma}${reported ? ' (in attributed speech)' : ''}`);
  }

  // Opinion sentences.
  for (const s of view.sentences) {
    const o = sentences[s.index];
    if (o === undefined || !isOpinion(o)) continue;
    push('opinion', s.span, o.score, o.cues.join('; '));
  }

  signals.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { ...doc, signals };
}
