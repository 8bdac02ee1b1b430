/**
 * Spans: half-open [start, end) in UTF-16 code units of one string (unist's convention).
 * Every label in crosscheck is a span of an article's frozen `text`, except `removed`
 * and `repairs[].rawSpan`, which point into the raw input the text was cleaned from.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A label's evidence: which article, where, and the exact words there. */
export interface Evidence {
  readonly articleId: string;
  readonly span: Span;
  /** Exactly `text.slice(span.start, span.end)` of the article the span points into. */
  readonly text: string;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

export function spanLength(s: Span): number {
  return s.end - s.start;
}

export function sliceSpan(text: string, s: Span): string {
  return text.slice(s.start, s.end);
}

export function evidence(articleId: string, text: string, s: Span): Evidence {
  return { articleId, span: { start: s.start, end: s.end }, text: text.slice(s.start, s.end) };
}

/** True when the span lies inside a string of this length and is not reversed. */
export function isValidSpan(s: Span, length: number): boolean {
  return Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= length;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function containsSpan(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Shrinks a span so that it starts and ends on non-whitespace (an empty span stays where it was). */
export function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** Sorted, merged union of spans (touching spans merge). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}
