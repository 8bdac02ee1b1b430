/**
 * What a new version of an article says about itself: a correction (the page notes that it was
 * corrected or updated) or a stealth edit (a change to numbers, quotes, negations, the headline,
 * or whole sentences, with no such note). Every flag carries its evidence as spans of the
 * version it was seen in. The note phrases are our own list, written from the wording news sites
 * use ("Correction:", "This article has been updated", "An earlier version of this article...").
 */
import type { Span } from '../model/index.js';
import type { DiffSpan, FlagEvidence, VersionFlag } from '../store/versions.js';
import { words } from './diff.js';

/** Notes that a page was corrected or updated, one regex each (no nested quantifiers). */
const CORRECTION_NOTES: readonly RegExp[] = [
  /\bcorrections?\s?:/i,
  /\bcorrections?\s+appended\b/i,
  /\bclarifications?\s?:/i,
  /\beditor[’']?s\s+note\s?:/i,
  // "Update:" opens an editor's note; "Updated: 10:32" is a timestamp and changes with every edit.
  /\bupdate\s?:\s?(?![0-9])/i,
  /\b(?:this|the)\s+(?:article|story|report|post|piece)\s+(?:has\s+been|was)\s+(?:updated|corrected|amended|changed|revised)/i,
  /\ban\s+earlier\s+version\s+of\s+this\s+(?:article|story|report|post|piece)/i,
  /\b(?:a\s+)?previous\s+version\s+of\s+this\s+(?:article|story|report|post|piece)/i,
  /\bwe\s+regret\s+the\s+error/i,
  /\bhas\s+been\s+(?:updated|corrected|amended)\s+to\s+(?:reflect|correct|include|clarify|remove)/i,
  /\b(?:updated|corrected|amended)\s+to\s+(?:reflect|correct|include|clarify|remove)/i,
  /\bthis\s+(?:article|story)\s+(?:incorrectly|wrongly|mistakenly)\s+(?:said|stated|reported|described|named|gave)/i,
];

export const FLAGS = {
  /** A deleted or inserted run of at least this many words is a whole statement (news sentences run ~20 words; 5 keeps "The mayor visited the scene."). */
  minStatementWords: 5,
  /** A rewritten run must be longer to count (rewording "on Monday" -> "late on Monday" is style, not substance). */
  minRewriteWords: 10,
  /** Words that turn a statement around ("denied", "not"): adding or removing one changes the fact. */
  negations: new Set(['not', 'no', 'never', "n't", 'denied', 'denies', 'deny', 'false', 'untrue', 'neither', 'nor', 'without']),
  /** A one-word change this close in spelling is a misspelling fixed (a swap of two letters counts one edit). */
  maxSpellingEdits: 2,
  /** Characters that open or close a quotation. */
  quoteMarks: new Set(['"', '“', '”', '«', '»', '‘', '’']),
} as const;

/** Where the notes are in a text: the sentence-ish line around each match. */
export function correctionNotes(text: string): Span[] {
  const spans: Span[] = [];
  for (const re of CORRECTION_NOTES) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (let m = g.exec(text); m !== null; m = g.exec(text)) {
      const line = lineAround(text, m.index);
      if (!spans.some((s) => s.start === line.start)) spans.push(line);
      if (m[0].length === 0) g.lastIndex++;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The line (paragraph) holding position `at`, without its surrounding whitespace, at most 300 characters. */
function lineAround(text: string, at: number): Span {
  let start = text.lastIndexOf('\n', at) + 1;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  if (end - start > 300) {
    start = Math.max(start, at - 100);
    end = Math.min(end, at + 200);
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

export interface FlagInput {
  /** `notes`: correction notes of the previous version that its cleaner took out (their words). */
  before: { text: string; title: string | null; titleSpan: Span | null; notes?: readonly string[] };
  /** `removed`: lines the cleaner took out of this version (raw spans): a note there counts too. */
  after: { text: string; title: string | null; titleSpan: Span | null; removed?: readonly { span: Span; text: string }[] };
  diff: readonly DiffSpan[];
}

/** The removed lines that are correction notes (news sites' cleaners and ours treat "This article has been updated" as furniture). */
export function removedNotes(removed: readonly { span: Span; text: string }[]): { span: Span; text: string }[] {
  return removed.filter((r) => correctionNotes(r.text).length > 0);
}

/** The correction and stealth-edit flags of a new version (none when nothing changed). */
export function flagVersion(input: FlagInput): VersionFlag[] {
  const { before, after, diff } = input;
  const titleChanged = before.title !== null && after.title !== null && norm(before.title) !== norm(after.title) && !isRespelling(before.title, after.title);
  if (diff.length === 0 && !titleChanged) return [];
  const flags: VersionFlag[] = [];
  const oldNotes = new Set(correctionNotes(before.text).map((s) => norm(before.text.slice(s.start, s.end))));
  for (const n of before.notes ?? []) oldNotes.add(norm(n));
  const notes = correctionNotes(after.text).filter((s) => !oldNotes.has(norm(after.text.slice(s.start, s.end))));
  const cut = removedNotes(after.removed ?? []).filter((r) => !oldNotes.has(norm(r.text)));
  if (notes.length + cut.length > 0) {
    const evidence = [...notes.map((s) => ev('after', s, after.text)), ...cut.map((r) => ({ version: 'after' as const, span: { start: r.span.start, end: r.span.end }, text: r.text, removed: true }))];
    flags.push({ kind: 'correction', reason: `correction note${evidence.length > 1 ? 's' : ''} added${cut.length > 0 ? ' (taken out of the text as boilerplate, kept here)' : ''}`, evidence });
    return flags;
  }
  // No new note: substantive changes are stealth edits, each with its words in both versions.
  const evidence: FlagEvidence[] = [];
  const reasons = new Set<string>();
  for (const d of diff) {
    const why = substance(d, before.text, after.text);
    if (why === null) continue;
    reasons.add(why);
    if (d.before.end > d.before.start) evidence.push(ev('before', d.before, before.text));
    if (d.after.end > d.after.start) evidence.push(ev('after', d.after, after.text));
  }
  if (titleChanged) {
    reasons.add('headline changed');
    if (before.titleSpan) evidence.push(ev('before', before.titleSpan, before.text));
    if (after.titleSpan) evidence.push(ev('after', after.titleSpan, after.text));
  }
  if (reasons.size > 0) flags.push({ kind: 'stealth-edit', reason: [...reasons].join('; '), evidence });
  return flags;
}

/** Why a difference changes what the article says, or null for wording (typos, style). */
function substance(d: DiffSpan, beforeText: string, afterText: string): string | null {
  const removed = words(d.beforeText).map((w) => w.text);
  const added = words(d.afterText).map((w) => w.text);
  const hasDigit = (ws: string[]): boolean => ws.some((w) => /\d/.test(w));
  // A page's own "Updated: 09:12" line moves with every edit: it says when, not what.
  if (isStampLine(beforeText, d.before) || isStampLine(afterText, d.after)) return null;
  if (hasDigit(removed) || hasDigit(added)) return 'number changed';
  // A misspelling fixed ("disrtict" -> "district"), in a quote or not, is wording.
  if (removed.length === 1 && added.length === 1 && isSpellingFix(removed[0]!, added[0]!)) return null;
  const neg = (ws: string[]): number => ws.filter((w) => FLAGS.negations.has(w.toLowerCase())).length;
  if (neg(removed) !== neg(added)) return 'negation changed';
  if (insideQuote(beforeText, d.before) || insideQuote(afterText, d.after) || removed.some((w) => FLAGS.quoteMarks.has(w)) || added.some((w) => FLAGS.quoteMarks.has(w))) return 'quote changed';
  const content = (ws: string[]): number => ws.filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (d.kind === 'delete' && content(removed) >= FLAGS.minStatementWords) return 'statement removed';
  if (d.kind === 'insert' && content(added) >= FLAGS.minStatementWords) return 'statement added';
  if (d.kind === 'change' && Math.max(content(removed), content(added)) >= FLAGS.minRewriteWords) return 'statement rewritten';
  return null;
}

/** A line that only stamps the page's time ("Updated: 7 December 2026, 09:12", "Last modified 10:47 GMT"). */
const STAMP_LINE = /^(?:last\s)?\s*(?:updated|modified|published|posted|edited)\b/i;
/** Longest line taken as a stamp: a sentence that mentions an update is longer. */
const STAMP_MAX_CHARS = 80;

function isStampLine(text: string, span: Span): boolean {
  if (span.end <= span.start) return false;
  const line = lineAround(text, span.start);
  if (span.end > line.end || line.end - line.start > STAMP_MAX_CHARS) return false;
  return STAMP_LINE.test(text.slice(line.start, line.end));
}

/** Two texts whose words differ only by misspellings fixed (a headline's typo corrected is not a new headline). */
function isRespelling(a: string, b: string): boolean {
  const x = words(a).map((w) => w.text);
  const y = words(b).map((w) => w.text);
  return x.length === y.length && x.every((w, i) => w === y[i] || isSpellingFix(w, y[i]!));
}

/** Two spellings of one word: at most FLAGS.maxSpellingEdits letters apart (Levenshtein, with a swap as one), and not short words ("is" -> "it"). */
function isSpellingFix(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > FLAGS.maxSpellingEdits) return false;
  if (a.length > 40 || b.length > 40) return false;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  // Optimal string alignment distance (a transposition counts one), rows of y.length + 1.
  let prev2 = new Array<number>(y.length + 1).fill(0);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[y.length]! <= FLAGS.maxSpellingEdits;
}

/** True when the span lies inside a quotation: an odd number of straight or opening quote marks before it on its line. */
function insideQuote(text: string, span: Span): boolean {
  if (span.end <= span.start) return false;
  const lineStart = text.lastIndexOf('\n', span.start) + 1;
  let open = false;
  for (let i = lineStart; i < span.start; i++) {
    const c = text[i]!;
    if (c === '"') open = !open;
    else if (c === '“') open = true;
    else if (c === '”') open = false;
  }
  return open;
}

function ev(version: 'before' | 'after', span: Span, text: string): FlagEvidence {
  return { version, span: { start: span.start, end: span.end }, text: text.slice(span.start, span.end) };
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}
