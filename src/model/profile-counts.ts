/**
 * What the article profile counts, defined once. analyze/profile.ts computes the counts with these
 * predicates; the reports (report/outline.ts) and the web page's legend (server/page-article.ts)
 * list and count the same signals with them, so every place that shows a profile number agrees
 * with the JSON (issue #17: the page showed 11 loaded words where the profile counted 8).
 *
 *   opinion  one per opinion sentence in a body or standfirst paragraph (not the title or headings)
 *   loaded   the words of each loaded signal outside quotation marks (a speaker's words are theirs)
 *   hedge    one per hedge outside quotation marks (a speaker's "could" is not the article hedging)
 */
import type { Paragraph, Signal, SignalKind } from './article.js';

/** The end of a signal's detail when its words are inside a quotation (analyze/signals.ts writes it). */
export const IN_QUOTE = '(in quote)';

/** The signal kinds with a profile count. */
export const COUNTED_KINDS: readonly SignalKind[] = ['opinion', 'loaded', 'hedge'];

/** True when the signal's words are a quoted speaker's, not the writer's. */
export function isQuotedSignal(s: Pick<Signal, 'detail'>): boolean {
  return s.detail.endsWith(IN_QUOTE);
}

/** Words in a signal's text (runs of non-space), without splitting it into an array. */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * What one signal adds to the profile count of its kind (0 when it is not counted). `inBody`
 * says whether a span lies in a body or standfirst paragraph (only asked for opinion sentences).
 */
export function profileCountOf(s: Pick<Signal, 'kind' | 'detail' | 'text' | 'span'>, inBody: (span: Signal['span']) => boolean): number {
  switch (s.kind) {
    case 'opinion':
      return inBody(s.span) ? 1 : 0;
    case 'loaded':
      return isQuotedSignal(s) ? 0 : wordCount(s.text);
    case 'hedge':
      return isQuotedSignal(s) ? 0 : 1;
    default:
      return 0;
  }
}

/**
 * `inBody` for an article's paragraphs: the span starts in a body or standfirst paragraph, or in
 * no paragraph at all (text between paragraphs is body, as analyze/signal-view.ts reads it).
 */
export function inBodyOf(paragraphs: readonly Pick<Paragraph, 'span' | 'kind'>[]): (span: Signal['span']) => boolean {
  return (span) => {
    const p = paragraphs.find((x) => x.span.start <= span.start && span.start < x.span.end);
    return p === undefined || p.kind === 'body' || p.kind === 'standfirst';
  };
}
