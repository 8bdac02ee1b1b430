/**
 * Word-level diff of two versions of an article, as spans of both texts (store/versions.ts
 * DiffSpan). Words are runs of letters and digits (with inner . , ' as in "1.5", "don't") and
 * single punctuation marks, found by a scanner (no regex backtracking). The common head and tail
 * are cut first (an edit to a news story is usually a few places in a long text), then Myers'
 * O((N+M)D) shortest edit script runs on the middle, with D capped: past DIFF.maxEdits the middle
 * is reported as one change rather than spending quadratic time on a rewritten page.
 */
import type { Span } from '../model/index.js';
import type { DiffSpan } from '../store/versions.js';

export const DIFF = {
  /**
   * Most word edits searched for. Corrections and updates change tens of words; 2,000 keeps the
   * search under ~10^7 steps for a 5,000-word article (Myers: (N+M) x D) and its trace under
   * 2 x 2,000^2 x 4 bytes = 32 MB at worst.
   */
  maxEdits: 2000,
} as const;

export interface Word extends Span {
  /** The word as compared: exact characters. */
  text: string;
}

function isWordChar(c: number): boolean {
  // ASCII letters and digits, and everything past Latin-1 punctuation that is a letter or digit.
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
/** Characters that stay inside a word when letters or digits follow: 1.5, 1,200, don't. */
const INNER = new Set([46, 44, 39, 0x2019]);

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

/** The words and punctuation marks of a text with their spans. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isWordChar(c)) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isWordChar(d)) i++;
        else if (INNER.has(d) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
    } else {
      // One mark (a surrogate pair counts as one).
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    }
    out.push({ start, end: i, text: text.slice(start, i) });
  }
  return out;
}

/** Edit script entries over word indexes: equal runs are implied between them. */
interface Hunk {
  /** [aStart, aEnd) of removed words, [bStart, bEnd) of inserted words. */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** The differences between two texts as spans of both (empty when the words are the same). */
export function diffTexts(before: string, after: string): DiffSpan[] {
  const a = words(before);
  const b = words(after);
  return diffWords(a, b).map((h) => toSpan(h, a, b, before, after));
}

function toSpan(h: Hunk, a: Word[], b: Word[], before: string, after: string): DiffSpan {
  const kind = h.aStart === h.aEnd ? 'insert' : h.bStart === h.bEnd ? 'delete' : 'change';
  const spanOf = (list: Word[], s: number, e: number, text: string): Span => {
    if (s < e) return { start: list[s]!.start, end: list[e - 1]!.end };
    // Empty: where the words would be (just after the previous word, else the text's start).
    const at = s > 0 ? list[s - 1]!.end : list.length > 0 ? Math.min(list[0]!.start, text.length) : 0;
    return { start: at, end: at };
  };
  const bs = spanOf(a, h.aStart, h.aEnd, before);
  const as = spanOf(b, h.bStart, h.bEnd, after);
  return { kind, before: bs, after: as, beforeText: before.slice(bs.start, bs.end), afterText: after.slice(as.start, as.end) };
}

/** Hunks of a shortest edit script between two word lists (one change when past DIFF.maxEdits). */
export function diffWords(a: readonly Word[], b: readonly Word[], maxEdits: number = DIFF.maxEdits): Hunk[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head]!.text === b[head]!.text) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail]!.text === b[b.length - 1 - tail]!.text) tail++;
  const aEnd = a.length - tail;
  const bEnd = b.length - tail;
  if (head === aEnd && head === bEnd) return [];
  if (head === aEnd || head === bEnd) return slide([{ aStart: head, aEnd, bStart: head, bEnd }], a, b);
  const script = myers(a, b, head, aEnd, head, bEnd, maxEdits);
  if (script === null) return [{ aStart: head, aEnd, bStart: head, bEnd }];
  return slide(script, a, b);
}

const SENTENCE_END = new Set(['.', '!', '?', '…']);

/**
 * A pure insertion or deletion can often sit at several places with the same words around it
 * ("hurt. [The road ...]" or "hurt[. The road ...]."); of those, take the one that ends on a
 * sentence end, else starts after one, as a reader would mark it (git's diff slides hunks for the same reason).
 */
function slide(hunks: Hunk[], a: readonly Word[], b: readonly Word[]): Hunk[] {
  for (let i = 0; i < hunks.length; i++) {
    const h = hunks[i]!;
    const ins = h.aStart === h.aEnd;
    if (!ins && h.bStart !== h.bEnd) continue;
    const list = ins ? b : a;
    let s = ins ? h.bStart : h.aStart;
    let e = ins ? h.bEnd : h.aEnd;
    const prev = hunks[i - 1];
    const next = hunks[i + 1];
    const lo = prev ? (ins ? prev.bEnd : prev.aEnd) : 0;
    const hi = next ? (ins ? next.bStart : next.aStart) : list.length;
    while (s > lo && list[s - 1]!.text === list[e - 1]!.text) {
      s--;
      e--;
    }
    let best = s;
    let bestScore = -1;
    for (let at = s, end = e; ; at++, end++) {
      const score = (SENTENCE_END.has(list[end - 1]!.text) ? 2 : 0) + (at === 0 || SENTENCE_END.has(list[at - 1]!.text) ? 1 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = at;
      }
      if (end >= hi || list[at]!.text !== list[end]!.text) break;
    }
    const shift = best - (ins ? h.bStart : h.aStart);
    hunks[i] = { aStart: h.aStart + shift, aEnd: h.aEnd + shift, bStart: h.bStart + shift, bEnd: h.bEnd + shift };
  }
  return hunks;
}

/**
 * Myers' greedy shortest edit script over a[a0, a1) and b[b0, b1). The trace keeps, per step d,
 * the furthest x on each diagonal k in [-d, d] (O(D^2) numbers); null when D passes maxEdits.
 */
function myers(a: readonly Word[], b: readonly Word[], a0: number, a1: number, b0: number, b1: number, maxEdits: number): Hunk[] | null {
  const n = a1 - a0;
  const m = b1 - b0;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) x = v[offset + k + 1]!;
      else x = v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x]!.text === b[b0 + y]!.text) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
    if (found >= 0) break;
  }
  if (found < 0) return null;
  // Walk back: each step d went from diagonal prevK to k by one insertion or deletion.
  const edits: { kind: 'del' | 'ins'; ai: number; bi: number }[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1]!;
    const at = (k: number): number => prev[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX + (down ? 0 : 1) && y > prevY + (down ? 1 : 0)) {
      x--;
      y--;
    }
    if (down) edits.push({ kind: 'ins', ai: x, bi: y - 1 });
    else edits.push({ kind: 'del', ai: x - 1, bi: y });
    x = prevX;
    y = prevY;
  }
  edits.reverse();
  // Adjacent edits (no equal word between them) make one hunk.
  const hunks: Hunk[] = [];
  let cur: Hunk | null = null;
  for (const e of edits) {
    const ai = a0 + e.ai;
    const bi = b0 + e.bi;
    const h: Hunk = e.kind === 'del' ? { aStart: ai, aEnd: ai + 1, bStart: bi, bEnd: bi } : { aStart: ai, aEnd: ai, bStart: bi, bEnd: bi + 1 };
    if (cur && cur.aEnd === h.aStart && cur.bEnd === h.bStart) {
      cur.aEnd = h.aEnd;
      cur.bEnd = h.bEnd;
    } else {
      if (cur) hunks.push(cur);
      cur = h;
    }
  }
  if (cur) hunks.push(cur);
  return hunks;
}
