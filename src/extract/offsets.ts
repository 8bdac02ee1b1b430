/**
 * The offset map from cleaned text back to the raw input, kept as an edit list. Cleaning is a
 * series of edit lists (replace [start, end) of the current text with a string); the map is a
 * sorted list of segments of the current text, each either copied from a raw run (character k
 * comes from raw r+k) or written by an edit (every character stands for the whole raw run it
 * replaced; an insertion stands for the empty run at the point it was put). Deleted raw text is
 * simply in no segment. Applying edits is linear in the number of segments and edits (the text
 * itself is only sliced and joined), and no per-character array is built: on a 5 MB input
 * that matters.
 */
import type { RawText, Span } from '../model/index.js';

export interface Edit {
  start: number;
  end: number;
  insert: string;
}

interface Segment {
  /** Start in the current text, and length. */
  t: number;
  len: number;
  /** Raw run: for a copy, character k is raw r+k (rEnd = r+len); for a write, each character stands for raw [r, rEnd). */
  r: number;
  rEnd: number;
  copy: boolean;
}

export interface Tracked {
  text: string;
  segments: readonly Segment[];
}

/** The raw input, unchanged. */
export function identity(raw: string): Tracked {
  return { text: raw, segments: whole(raw.length) };
}

function whole(n: number): Segment[] {
  return n > 0 ? [{ t: 0, len: n, r: 0, rEnd: n, copy: true }] : [];
}

/**
 * Edits applied to the raw input itself, as applyEdits(identity(raw), edits) but reading the raw
 * input only through `slice` (a page kept undecoded, read/utf8-text.ts, is never decoded whole).
 */
export function editRaw(raw: RawText, edits: readonly Edit[]): Tracked {
  if (edits.length === 0) return identity(raw.toString());
  return edited(raw, whole(raw.length), edits);
}

/** Index of the segment holding text position i (i < text length). */
function segmentAt(segs: readonly Segment[], i: number): number {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (segs[mid]!.t <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function rawStartOf(seg: Segment, i: number): number {
  return seg.copy ? seg.r + (i - seg.t) : seg.r;
}

function rawEndOf(seg: Segment, i: number): number {
  return seg.copy ? seg.r + (i - seg.t) + 1 : seg.rEnd;
}

/** Applies non-overlapping edits (sorted by start) and carries the raw map along. */
export function applyEdits(t: Tracked, edits: readonly Edit[]): Tracked {
  if (edits.length === 0) return t;
  return edited(t.text, t.segments, edits);
}

function edited(text: Pick<RawText, 'length' | 'slice'>, segs: readonly Segment[], edits: readonly Edit[]): Tracked {
  const n = text.length;
  const out: Segment[] = [];
  const pieces: string[] = [];
  let at = 0; // position in the new text
  let si = 0; // segment cursor in the old map
  const push = (s: Segment): void => {
    const last = out[out.length - 1];
    if (last && last.copy && s.copy && last.t + last.len === s.t && last.rEnd === s.r) {
      last.len += s.len;
      last.rEnd += s.len;
    } else out.push(s);
  };
  /** Copies old text [a, b) into the new map. */
  const copyRange = (a: number, b: number): void => {
    if (b <= a) return;
    while (si < segs.length && segs[si]!.t + segs[si]!.len <= a) si++;
    let k = si;
    while (k < segs.length && segs[k]!.t < b) {
      const s = segs[k]!;
      const from = Math.max(a, s.t);
      const to = Math.min(b, s.t + s.len);
      const len = to - from;
      if (s.copy) push({ t: at, len, r: s.r + (from - s.t), rEnd: s.r + (to - s.t), copy: true });
      else push({ t: at, len, r: s.r, rEnd: s.rEnd, copy: false });
      at += len;
      if (to < s.t + s.len) break;
      k++;
    }
    si = k;
  };
  let from = 0;
  for (const e of edits) {
    if (e.start < from || e.end < e.start || e.end > n) throw new Error(`applyEdits: edits overlap or are out of order at ${e.start}`);
    pieces.push(text.slice(from, e.start));
    copyRange(from, e.start);
    if (e.insert.length > 0) {
      let r: number;
      let rEnd: number;
      if (e.end > e.start) {
        r = rawStartOf(segs[segmentAt(segs, e.start)]!, e.start);
        rEnd = rawEndOf(segs[segmentAt(segs, e.end - 1)]!, e.end - 1);
      } else {
        // An insertion sits at the raw point between its neighbours.
        r = e.start > 0 ? rawEndOf(segs[segmentAt(segs, e.start - 1)]!, e.start - 1) : n > 0 ? rawStartOf(segs[0]!, 0) : 0;
        rEnd = r;
      }
      push({ t: at, len: e.insert.length, r, rEnd, copy: false });
      pieces.push(e.insert);
      at += e.insert.length;
    }
    from = e.end;
  }
  pieces.push(text.slice(from));
  copyRange(from, n);
  return { text: pieces.join(''), segments: out };
}

/** The raw span a span of the current text came from (an empty span maps to a point). */
export function toRawSpan(t: Tracked, s: Span): Span {
  const segs = t.segments;
  if (s.end <= s.start) {
    if (s.start < t.text.length) {
      const p = rawStartOf(segs[segmentAt(segs, s.start)]!, s.start);
      return { start: p, end: p };
    }
    const last = segs[segs.length - 1];
    const p = last ? rawEndOf(last, last.t + last.len - 1) : 0;
    return { start: p, end: p };
  }
  return { start: rawStartOf(segs[segmentAt(segs, s.start)]!, s.start), end: rawEndOf(segs[segmentAt(segs, s.end - 1)]!, s.end - 1) };
}

/** First text position whose raw start is >= a (text length when none). */
function firstStartAtLeast(t: Tracked, a: number): number {
  const segs = t.segments;
  let lo = 0;
  let hi = segs.length;
  // First segment whose largest raw start reaches a.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = segs[mid]!;
    const maxStart = s.copy ? s.r + s.len - 1 : s.r;
    if (maxStart < a) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= segs.length) return t.text.length;
  const s = segs[lo]!;
  return s.copy ? s.t + Math.max(0, a - s.r) : s.t;
}

/** First text position whose raw end is > b (text length when none). */
function firstEndAfter(t: Tracked, b: number): number {
  const segs = t.segments;
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = segs[mid]!;
    if (s.rEnd <= b) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= segs.length) return t.text.length;
  const s = segs[lo]!;
  return s.copy ? s.t + Math.max(0, b - s.r) : s.t;
}

/**
 * The span of the current text that a raw span became: the characters whose raw ranges lie
 * inside it. Null when none survived (removed as boilerplate, cut off).
 */
export function fromRawSpan(t: Tracked, raw: Span): Span | null {
  const start = firstStartAtLeast(t, raw.start);
  const end = firstEndAfter(t, raw.end);
  if (end <= start) return null;
  // Characters deleted at the edges (a stray control character) are allowed; a raw span that
  // reaches past what survived on either side into other text is not.
  const first = t.segments[segmentAt(t.segments, start)]!;
  const last = t.segments[segmentAt(t.segments, end - 1)]!;
  if (rawStartOf(first, start) < raw.start || rawEndOf(last, end - 1) > raw.end) return null;
  return { start, end };
}
