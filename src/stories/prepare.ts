/**
 * What comparison needs from one article, computed once: its words, sentences (the analysis
 * layer's, else ./words.ts's splitter), which sentences are body text, entity mentions
 * (layer or fallback) and the publication time. Fallbacks are numbered:
 *   1. sentences: article.sentences, else split the text.
 *   2. body: sentences inside 'body'/'standfirst' paragraphs, else every sentence that is
 *      not the title and not a byline-looking line.
 *   3. entities: article.entities, else capitalised runs (./names.ts).
 */
import type { Article, Span } from '../model/index.js';
import { findMentions, type Mention } from './names.js';
import { splitSentences, words, type Word } from './words.js';

export interface Prepared {
  readonly article: Article;
  readonly words: readonly Word[];
  readonly sentences: readonly Span[];
  /** Per sentence: true when it is body text (claims can come from it). */
  readonly isBody: readonly boolean[];
  readonly mentions: readonly Mention[];
  /** Milliseconds since the epoch, or null when the date is unknown. */
  readonly time: number | null;
}

const BYLINE_RE = /^(?:by|posted by|written by|updated|published)\b/i;

export function prepare(article: Article): Prepared {
  const ws = words(article.text);
  const sentences = article.sentences.length > 0 ? article.sentences : splitSentences(article.text);
  const isBody = sentences.map((s, i) => isBodySentence(article, s, i));
  const parsed = article.publishedAt ? Date.parse(article.publishedAt) : NaN;
  return { article, words: ws, sentences, isBody, mentions: findMentions(article, ws), time: Number.isFinite(parsed) ? parsed : null };
}

function isBodySentence(article: Article, s: Span, index: number): boolean {
  if (article.paragraphs.length > 0) {
    const p = article.paragraphs.find((q) => q.span.start <= s.start && s.start < q.span.end);
    if (p) return p.kind === 'body' || p.kind === 'standfirst';
  }
  const text = article.text.slice(s.start, s.end);
  if (article.fields.title?.span && article.fields.title.span.start <= s.start && s.start < article.fields.title.span.end) return false;
  if (article.title !== null && text.trim() === article.title.trim()) return false;
  // No paragraph layer: a first line without a full stop is taken as the headline.
  if (index === 0 && article.paragraphs.length === 0 && !/[.]["”’]?$/.test(text)) return false;
  return !BYLINE_RE.test(text);
}

/**
 * The sentences that are byline or dateline lines ("By Ada Kestell | 2026-03-14"): metadata,
 * never a sentence anyone wrote or rewrote from another article.
 */
export function bylineSentences(p: Prepared): Set<number> {
  const out = new Set<number>();
  const article = p.article;
  const bylines = article.paragraphs.filter((q) => q.kind === 'byline');
  p.sentences.forEach((s, k) => {
    if (article.paragraphs.length > 0) {
      if (bylines.some((q) => q.span.start <= s.start && s.start < q.span.end)) out.add(k);
    } else if (!p.isBody[k] && BYLINE_RE.test(article.text.slice(s.start, s.end))) out.add(k);
  });
  return out;
}
