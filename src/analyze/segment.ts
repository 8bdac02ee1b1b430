/**
 * Sentence segmentation: sentence spans inside each paragraph, decided at the tokens that can end
 * one (. ! ? … and abbreviations with periods such as "U.S."). A candidate ends a sentence when
 * the next word (after any closing quote or bracket) is capitalised or opens a quotation, unless
 * the period belongs to an abbreviation that leads on (tables in segment-abbreviations.ts):
 *
 *   1. "Mr.", "Sen.", "e.g." ...                      never end a sentence
 *   2. "No.", "Jan." ...                              do not end one before a number
 *   3. "U.S.", "St." ...                              end one only before a sentence starter ("The")
 *   4. "Inc.", "a.m.", initials ("F."), "J.R.R." ...   end one before a starter or a common word
 *                                                      (a word the article also writes in lower case)
 *   5. any other word                                 ends one
 *
 * "!" and "?" end one before a capital; an ellipsis does too ("Then... Nothing"), but not before a
 * lower-case word ("waited... and waited"). Closing quotes stay with the sentence they close.
 *
 * Title, byline, heading and caption paragraphs are one sentence each. Until extract gives
 * paragraphs, each non-empty line is one (the first is the title). Spans are trimmed: they start
 * at their first token and end at their last.
 */
import type { Context, Doc, Paragraph, Span, Token } from '../model/index.js';
import { tokenIndexAt, tokenizeText } from './tokenize.js';
import { BEFORE_NAMES, BEFORE_NUMBER, NEVER_FINAL, OFTEN_FINAL, STARTERS } from './segment-abbreviations.js';

/** Paragraph kinds that are one sentence whatever their punctuation. */
const WHOLE_KINDS: ReadonlySet<Paragraph['kind']> = new Set(['title', 'byline', 'heading', 'caption']);
/** Closing marks that stay with the sentence they close when they touch its end. */
const CLOSERS = new Set(['”', '’', '"', "'", ')', ']', '»', '}']);
/** Marks that open a quotation or aside: a sentence may start with one. */
const OPENERS = new Set(['“', '‘', '"', "'", '(', '[', '«']);
const TERMINATORS = new Set(['.', '!', '?', '…', '‽']);

function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000;
}

/**
 * The paragraphs of a doc: extract's when it gave some, else one per non-empty line (the first a
 * title). Other stages use this so they agree with segment on where paragraphs are.
 */
export function paragraphsOf(doc: Pick<Doc, 'text' | 'paragraphs'>): Paragraph[] {
  if (doc.paragraphs.length > 0) return doc.paragraphs;
  const text = doc.text;
  const out: Paragraph[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let s = lineStart;
    let e = lineEnd;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ span: { start: s, end: e }, kind: out.length === 0 ? 'title' : 'body' });
    lineStart = lineEnd + 1;
  }
  return out;
}

/** Index of the sentence holding `offset`, or -1 (sentences sorted, not overlapping). */
export function sentenceIndexAt(sentences: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = sentences[mid];
    if (!s) break;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

interface Scan {
  text: string;
  tokens: readonly Token[];
  /** Words the article writes starting in lower case (built on first need). */
  common: Set<string> | null;
}

function isLowerStart(text: string, tok: Token): boolean {
  const c = text.charCodeAt(tok.start);
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  const ch = text[tok.start] ?? '';
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function tokenText(scan: Scan, tok: Token): string {
  return scan.text.slice(tok.start, tok.end);
}

function isTerminator(scan: Scan, tok: Token): boolean {
  if (tok.kind === 'word') return tok.end - tok.start > 1 && scan.text.charCodeAt(tok.end - 1) === 46;
  if (tok.kind !== 'punct') return false;
  return TERMINATORS.has(scan.text[tok.start] ?? '');
}

function commonWords(scan: Scan): Set<string> {
  if (scan.common) return scan.common;
  const set = new Set<string>();
  for (const tok of scan.tokens) if (tok.kind === 'word' && isLowerStart(scan.text, tok)) set.add(tok.norm);
  scan.common = set;
  return set;
}

/** The word after a terminator (or after its opening mark) starts sentences ("The", "But"), or an opening mark came first. */
function isStarter(opener: boolean, w: Token | undefined): boolean {
  return opener || (w !== undefined && w.kind === 'word' && STARTERS.has(w.norm));
}

/** The word after a terminator is written in lower case elsewhere in the text (a common word, not a name). */
function isCommon(scan: Scan, w: Token | undefined): boolean {
  return w !== undefined && w.kind === 'word' && commonWords(scan).has(w.norm);
}

/** True when a sentence ends after token `t` (a terminator) given the next token at `k` (< end). */
function endsSentence(scan: Scan, t: number, k: number, end: number): boolean {
  const { text, tokens } = scan;
  const term = tokens[t];
  const next = tokens[k];
  if (!term || !next) return true;
  if (isTerminator(scan, next) && next.kind === 'punct') return false; // "?!", "!!!": end at the last one
  const opener = next.kind === 'punct' && OPENERS.has(tokenText(scan, next));
  if (next.kind === 'punct' && !opener) return false; // "U.S., ", "etc.;"
  if (next.kind === 'symbol') return false;
  if (next.kind === 'word' && isLowerStart(text, next)) return false;
  const w = opener && k + 1 < end ? tokens[k + 1] : next;
  // (module-level helpers, not closures: this runs at every sentence terminator)
  const nextIsNumber = next.kind === 'number';

  const mark = tokenText(scan, term);
  if (mark === '!' || mark === '?' || mark === '‽') return true;
  if (mark.startsWith('..') || mark === '…') return true; // before a capital; "waited... and" goes on (lower case)

  let base: string;
  if (term.kind === 'word') {
    base = mark.slice(0, -1); // "U.S." -> "U.S"
  } else {
    const prev = tokens[t - 1];
    if (!prev || prev.end !== term.start || prev.kind !== 'word') return true;
    base = tokenText(scan, prev);
  }
  if (NEVER_FINAL.has(base)) return false;
  if (BEFORE_NUMBER.has(base)) return nextIsNumber ? false : isStarter(opener, w);
  if (nextIsNumber) return term.kind !== 'word' && !OFTEN_FINAL.has(base) && !BEFORE_NAMES.has(base);
  if (BEFORE_NAMES.has(base)) return isStarter(opener, w);
  const isInitial = base.length === 1 && base !== base.toLowerCase();
  if (OFTEN_FINAL.has(base) || isInitial || term.kind === 'word') return isStarter(opener, w) || isCommon(scan, w);
  return true;
}

/** True when two or more line breaks lie between offsets a and b (a hard break inside a paragraph). */
function isHardBreak(text: string, a: number, b: number): boolean {
  let breaks = 0;
  for (let i = a; i < b; i++) if (text.charCodeAt(i) === 10 && ++breaks >= 2) return true;
  return false;
}

function segmentParagraph(scan: Scan, from: number, to: number, out: Span[]): void {
  const { text, tokens } = scan;
  let first = from;
  let t = from;
  while (t < to) {
    const tok = tokens[t];
    if (!tok) break;
    if (t > first && isHardBreak(text, tokens[t - 1]?.end ?? 0, tok.start)) {
      out.push({ start: tokens[first]?.start ?? 0, end: tokens[t - 1]?.end ?? 0 });
      first = t;
    }
    if (isTerminator(scan, tok)) {
      let k = t + 1;
      let prevEnd = tok.end;
      while (k < to) {
        const c = tokens[k];
        if (!c || c.start !== prevEnd || c.kind !== 'punct' || !CLOSERS.has(tokenText(scan, c))) break;
        prevEnd = c.end;
        k++;
      }
      if (k < to && endsSentence(scan, t, k, to)) {
        out.push({ start: tokens[first]?.start ?? 0, end: tokens[k - 1]?.end ?? 0 });
        first = k;
      }
      t = k;
      continue;
    }
    t++;
  }
  if (first < to) out.push({ start: tokens[first]?.start ?? 0, end: tokens[to - 1]?.end ?? 0 });
}

/** Sentence spans of a text, given its tokens and paragraphs. */
export function segmentText(text: string, tokens: readonly Token[], paragraphs: readonly Paragraph[]): Span[] {
  const scan: Scan = { text, tokens, common: null };
  const out: Span[] = [];
  for (const p of paragraphs) {
    const from = tokenIndexAt(tokens, p.span.start);
    let to = from;
    while (to < tokens.length && (tokens[to]?.start ?? Infinity) < p.span.end) to++;
    if (to === from) continue;
    if (WHOLE_KINDS.has(p.kind)) out.push({ start: tokens[from]?.start ?? 0, end: tokens[to - 1]?.end ?? 0 });
    else segmentParagraph(scan, from, to, out);
  }
  return out;
}

export function segment(doc: Doc, ctx: Context): Doc {
  void ctx;
  const tokens = doc.tokens.length > 0 || doc.text.length === 0 ? doc.tokens : tokenizeText(doc.text);
  return { ...doc, sentences: segmentText(doc.text, tokens, paragraphsOf(doc)) };
}
