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
/** A sentence that ends in an abbreviation before a title ("6 P.M. Mr. Smith") has at least this many words. */
const MIN_WORDS_BEFORE_TITLE = 4;
/** Longest address looked at around a period (characters each side). */
const MAX_ADDRESS = 200;
/** Marks that stand before the items of a list ("• 9. The first item"). */
const BULLETS = new Set(['•', '⁃', '‣', '◦', '▪', '-', '*', '·', '–']);
/** Longest line (characters) of a paragraph without sentence punctuation read as one item a line. */
const LIST_LINE_MAX = 50;
/** Most items a list marker counts to (a larger number is a figure, not an item). */
const MAX_LIST_ITEM = 99;

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
function endsSentence(scan: Scan, first: number, t: number, k: number, end: number): boolean {
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
    if (!prev || prev.end !== term.start) return true;
    // The word before the period with any symbol glued to it ("N°").
    let b = t - 1;
    while (b > 0 && tokens[b - 1]!.end === tokens[b]!.start && tokens[b - 1]!.kind !== 'punct') b--;
    if (prev.kind !== 'word' && !(prev.kind === 'symbol' && b < t - 1)) return true;
    base = text.slice(tokens[b]!.start, term.start);
  }
  if (NEVER_FINAL.has(base)) return false;
  if (BEFORE_NUMBER.has(base)) return nextIsNumber ? false : isStarter(opener, w);
  if (nextIsNumber) return term.kind !== 'word' && !OFTEN_FINAL.has(base) && !BEFORE_NAMES.has(base);
  if (BEFORE_NAMES.has(base)) return isStarter(opener, w);
  const isInitial = base.length === 1 && base !== base.toLowerCase();
  if (OFTEN_FINAL.has(base) || isInitial || term.kind === 'word') {
    // "at 6 P.M. Mr. Smith then went": a title after the abbreviation starts a new sentence when
    // the one before is long enough to be one ("At 5 a.m. Mr. Smith went" is not).
    if (w && w.kind === 'word' && NEVER_FINAL.has(tokenText(scan, w).replace(/\.$/, '')) && wordsBetween(scan, first, t) >= MIN_WORDS_BEFORE_TITLE) return true;
    return isStarter(opener, w) || isCommon(scan, w);
  }
  return true;
}

/** Most tokens on either side of a period inside a short bracket ("(D-R.I.)", "(R-S.C.)"). */
const SHORT_BRACKET_TOKENS = 6;
/** A word whose period abbreviates: capitals alone or after a hyphen ("R", "D-R", "N.Y", "Ky"). */
const STATE_LIKE = /^(?:[A-Z][A-Za-z]?|[A-Z](?:\.[A-Z])*|[A-Za-z]+-[A-Z][a-z]?)$/;

/**
 * True when the abbreviation at token t lies inside a short bracket opened in this sentence and
 * closed a few tokens on: a party-and-state label "Sen. Jack Reed (D-R.I.), said" or "(R-S.C.)"
 * never ends a sentence inside it ("(He left. I stayed.)" still has two).
 */
function inShortBracket(scan: Scan, first: number, t: number, to: number): boolean {
  const { tokens } = scan;
  // an abbreviation's period ("R.I.", "D-R."), not a full stop after a word ("(He left. I stayed.)")
  const term = tokens[t]!;
  const prev = tokens[t - 1];
  if (term.kind !== 'word' && !(prev && prev.end === term.start && STATE_LIKE.test(tokenText(scan, prev)))) return false;
  let open = false;
  for (let i = t - 1; i >= first && t - i <= SHORT_BRACKET_TOKENS; i--) {
    const x = tokenText(scan, tokens[i]!);
    if (x === ')') return false;
    if (x === '(') { open = true; break; }
  }
  if (!open) return false;
  for (let i = t + 1; i < to && i - t <= SHORT_BRACKET_TOKENS; i++) {
    const x = tokenText(scan, tokens[i]!);
    if (x === '(') return false;
    if (x === ')') return true;
  }
  return false;
}

/** Words in tokens [a, b). */
function wordsBetween(scan: Scan, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) if (scan.tokens[i]!.kind === 'word' || scan.tokens[i]!.kind === 'number') n++;
  return n;
}

/**
 * True when the period at token t sits inside a web or e-mail address: glued to the next
 * character, in a run of text holding "@", "://" or "www." ("Jane.Doe@example.com").
 */
function isInAddress(scan: Scan, t: number): boolean {
  const { text, tokens } = scan;
  const term = tokens[t]!;
  const next = tokens[t + 1];
  if (!next || next.start !== term.end) return false;
  let s = term.start;
  while (s > 0 && term.start - s < MAX_ADDRESS && !isSpaceCode(text.charCodeAt(s - 1))) s--;
  let e = term.end;
  while (e < text.length && e - term.end < MAX_ADDRESS && !isSpaceCode(text.charCodeAt(e))) e++;
  const run = text.slice(s, e);
  return run.includes('@') || run.includes('://') || run.startsWith('www.');
}

/** True when two or more line breaks lie between offsets a and b (a hard break inside a paragraph). */
function isHardBreak(text: string, a: number, b: number): boolean {
  let breaks = 0;
  for (let i = a; i < b; i++) if (text.charCodeAt(i) === 10 && ++breaks >= 2) return true;
  return false;
}

function segmentParagraph(scan: Scan, from: number, to: number, out: Span[]): void {
  const { text, tokens } = scan;
  const list = listItems(scan, from, to);
  const a = tokens[from]!.start;
  const b = tokens[to - 1]!.end;
  const broken = text.indexOf('\n', a);
  const lines = broken >= 0 && broken < b && isShortLines(text, a, b) && !hasTerminator(scan, from, to);
  let first = from;
  let t = from;
  while (t < to) {
    const tok = tokens[t];
    if (!tok) break;
    if (t > first) {
      const gap = tokens[t - 1]?.end ?? 0;
      if (isHardBreak(text, gap, tok.start) || (lines && text.lastIndexOf('\n', tok.start) >= gap) || list?.starts.has(t)) {
        out.push({ start: tokens[first]!.start, end: tokens[t - 1]!.end });
        first = t;
      }
    }
    if (isTerminator(scan, tok)) {
      if (list?.marks.has(t) || isInAddress(scan, t) || isElision(scan, t)) {
        t++;
        continue;
      }
      const next = tokens[t + 1];
      const group = dotsOf(scan, tok) > 1 || (next && next.start - tok.end <= 1 && dotsOf(scan, next) > 0) ? dotGroup(scan, t, to) : null;
      if (group && (group.end - t > 1 || group.dots > 1)) {
        const last = group.end - 1;
        const after = tokens[group.end];
        if (group.attached && group.dots === 4 && tokenText(scan, tok) === '.' && after && startsSentence(scan, after, to, group.end)) {
          // "compounds. . . . The practice": the period ends the sentence, the spaced ellipsis
          // opens the next one (an omission at its start).
          out.push({ start: tokens[first]!.start, end: tok.end });
          first = t + 1;
          t = group.end;
          continue;
        }
        if (group.dots === 3 && group.spaced) {
          // A spaced ellipsis ". . ." marks words left out inside a sentence.
          t = group.end;
          continue;
        }
        t = last;
      }
      const term = tokens[t]!;
      let k = t + 1;
      let prevEnd = term.end;
      while (k < to) {
        const c = tokens[k];
        if (!c || c.start !== prevEnd || c.kind !== 'punct' || !CLOSERS.has(tokenText(scan, c))) break;
        prevEnd = c.end;
        k++;
      }
      if (k < to && !inShortBracket(scan, first, t, to) && endsSentence(scan, first, t, k, to)) {
        out.push({ start: tokens[first]!.start, end: tokens[k - 1]!.end });
        first = k;
      }
      t = k;
      continue;
    }
    t++;
  }
  if (first < to) out.push({ start: tokens[first]!.start, end: tokens[to - 1]!.end });
}

/**
 * True when text [a, b) is broken into lines that are all short: with no sentence punctuation
 * anywhere, such lines are items ("features\ncontact manager"), not prose wrapped at a width.
 */
function isShortLines(text: string, a: number, b: number): boolean {
  let lineStart = a;
  let breaks = 0;
  for (let i = a; i <= b; i++) {
    if (i === b || text.charCodeAt(i) === 10) {
      if (i - lineStart > LIST_LINE_MAX) return false;
      if (i < b) breaks++;
      lineStart = i + 1;
    }
  }
  return breaks > 0;
}

/** True when any token in [from, to) can end a sentence. */
function hasTerminator(scan: Scan, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isTerminator(scan, scan.tokens[i]!)) return true;
  return false;
}

/** True when the token at k is a capitalised word or an opening mark (what a next sentence starts with). */
function startsSentence(scan: Scan, tok: Token, to: number, k: number): boolean {
  if (tok.kind === 'punct') return OPENERS.has(tokenText(scan, tok)) && k + 1 < to;
  return tok.kind === 'word' && !isLowerStart(scan.text, tok);
}

/** An ellipsis that stands for words left out of a quotation: "[...]", "(…)". */
function isElision(scan: Scan, t: number): boolean {
  const text = scan.text;
  const tok = scan.tokens[t]!;
  const before = text.charCodeAt(tok.start - 1);
  const after = text.charCodeAt(tok.end);
  if (!((before === 0x5b && after === 0x5d) || (before === 0x28 && after === 0x29))) return false; // [ ] or ( )
  return dotsOf(scan, tok) === 3;
}

/**
 * The run of periods and ellipses from token t, each one space apart at most (". . .", "....",
 * "…."): where it ends (token index), how many dots it holds, whether they are spaced, and whether
 * the first dot is glued to the word before it.
 */
function dotGroup(scan: Scan, t: number, to: number): { end: number; dots: number; spaced: boolean; attached: boolean } {
  const { text, tokens } = scan;
  const tok = tokens[t]!;
  let dots = dotsOf(scan, tok);
  let end = t + 1;
  let spaced = false;
  if (dots === 0) return { end, dots: 0, spaced, attached: false };
  while (end < to) {
    const c = tokens[end]!;
    const gap = c.start - tokens[end - 1]!.end;
    const d = gap === 0 || (gap === 1 && text.charCodeAt(c.start - 1) === 32) ? dotsOf(scan, c) : 0;
    if (d === 0) break;
    if (gap === 1) spaced = true;
    dots += d;
    end++;
  }
  const prev = tokens[t - 1];
  const attached = prev !== undefined && prev.end === tok.start && (prev.kind === 'word' || prev.kind === 'number');
  return { end, dots, spaced, attached };
}

/** Dots in a punctuation token made only of periods and ellipses ("…" counts three), else 0. */
function dotsOf(scan: Scan, tok: Token): number {
  if (tok.kind !== 'punct') return 0;
  let n = 0;
  for (let i = tok.start; i < tok.end; i++) {
    const c = scan.text.charCodeAt(i);
    if (c === 46) n++;
    else if (c === 0x2026) n += 3;
    else return 0;
  }
  return n;
}

/**
 * Inline list items: markers "1.", "2)", "3.)", "a.", "b)" (a bullet may stand before them),
 * counting up by one from the first token of the paragraph. Each item after the first starts a
 * sentence, and a marker's period never ends one. Null when the paragraph is not such a list.
 */
function listItems(scan: Scan, from: number, to: number): { starts: Set<number>; marks: Set<number> } | null {
  const firstMarker = markerAt(scan, from, to);
  if (!firstMarker) return null;
  const tokens = scan.tokens;
  const starts = new Set<number>();
  const marks = new Set<number>(firstMarker.marks);
  let expect = firstMarker.value + 1;
  for (let i = from + 1; i < to; i++) {
    if (tokens[i]!.start === tokens[i - 1]!.end) continue; // a marker follows a space
    const m = markerAt(scan, i, to);
    if (!m || m.value !== expect) continue;
    starts.add(m.start);
    for (const x of m.marks) marks.add(x);
    expect++;
  }
  return starts.size > 0 ? { starts, marks } : null;
}

/** The list marker at token i ("1.", "b)", "• 9."): its value, first token and the indices of its periods. */
function markerAt(scan: Scan, i: number, to: number): { value: number; start: number; marks: number[] } | null {
  const { text, tokens } = scan;
  let k = i;
  const tok = tokens[k];
  if (!tok) return null;
  if (tok.kind === 'punct' && BULLETS.has(tokenText(scan, tok))) k++;
  const head = tokens[k];
  if (!head || head.end - head.start > 2) return null;
  const h = tokenText(scan, head);
  let value: number;
  if (head.kind === 'number' && /^[0-9]{1,2}$/.test(h)) value = Number(h);
  else if (head.kind === 'word' && /^[a-z]$/.test(h)) value = h.charCodeAt(0) - 96;
  else return null;
  if (value < 1 || value > MAX_LIST_ITEM) return null;
  const marks: number[] = [];
  let e = head.end;
  let m = k + 1;
  while (m < to && tokens[m]!.start === e && tokens[m]!.kind === 'punct') {
    const c = text.charCodeAt(tokens[m]!.start);
    if (tokens[m]!.end - tokens[m]!.start !== 1 || (c !== 46 && c !== 41)) break;
    if (c === 46) marks.push(m);
    e = tokens[m]!.end;
    m++;
  }
  if (m === k + 1 || m >= to || !isSpaceCode(text.charCodeAt(e))) return null;
  return { value, start: i, marks };
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
