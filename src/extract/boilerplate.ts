/**
 * Step 2 of cleaning: boilerplate removal on whole lines, with the pattern table in
 * boilerplate-patterns.ts. The recipe:
 *
 *   1. From the end, take the trailing run of lines that are blank, strong or weak; keep it only
 *      when a strong line anchors it (a lone "Share" at the end may be the last word of a story).
 *   2. Anywhere else, take lines that match a strong pattern on their own.
 *   3. On the last line left, take a wire trailer written at its end ("... Copyright 2017 The
 *      Associated Press. All rights reserved."), or
 *   4. trailer sentences written at its end ("... the council said. Sign up for our newsletter.").
 *
 * Lines made of trailer sentences ("Follow the Gazette on Facebook. Sign up for our newsletter.")
 * count as strong lines (boilerplate-trailers.ts).
 *
 * The first non-empty line (the headline) is never taken. Consecutive taken lines of one kind
 * make one removal. Offsets here are of the normalised text; index.ts maps them to raw offsets.
 */
import type { RemovedKind, Span } from '../model/index.js';
import type { Edit } from './offsets.js';
import { BOILERPLATE_PATTERNS, TRAILING_SENTENCE_PATTERN, TRAILING_SENTENCE_WINDOW, type BoilerplatePattern } from './boilerplate-patterns.js';
import { MAX_TRAILER_LINE, trailerLine, trailingTrailer } from './boilerplate-trailers.js';

export interface BoilerplateBlock {
  /** The removed words (trimmed lines, first to last) in the normalised text. */
  span: Span;
  kind: RemovedKind;
  /** Names of the patterns that matched, for messages and tests. */
  patterns: string[];
}

export interface BoilerplateResult {
  blocks: BoilerplateBlock[];
  /** Deletions in the normalised text (the blocks and the line breaks they leave). */
  edits: Edit[];
}

interface Line {
  start: number;
  end: number;
  /** Trimmed content bounds. */
  cs: number;
  ce: number;
}

const LONGEST_PATTERN = Math.max(MAX_TRAILER_LINE, ...BOILERPLATE_PATTERNS.map((p) => p.maxLength));

/** The pattern a trimmed line matches, strong ones first (then a line of trailer sentences), or null. */
export function classifyLine(line: string): BoilerplatePattern | null {
  if (line.length === 0 || line.length > LONGEST_PATTERN) return null;
  let weak: BoilerplatePattern | null = null;
  for (const p of BOILERPLATE_PATTERNS) {
    if (line.length > p.maxLength) continue;
    if (!p.pattern.test(line)) continue;
    if (p.strength === 'strong') return p;
    weak ??= p;
  }
  return weak ?? trailerLine(line);
}

/** True when a trimmed line is boilerplate on its own, wherever it stands. */
export function isBoilerplateLine(line: string): boolean {
  return classifyLine(line)?.strength === 'strong';
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let cs = start;
    let ce = end;
    while (cs < ce && isBlankChar(text.charCodeAt(cs))) cs++;
    while (ce > cs && isBlankChar(text.charCodeAt(ce - 1))) ce--;
    lines.push({ start, end, cs, ce });
    if (end >= text.length) break;
    start = end + 1;
  }
  return lines;
}

function isBlankChar(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

export function findBoilerplate(text: string): BoilerplateResult {
  const lines = splitLines(text);
  const marks: (BoilerplatePattern | null)[] = new Array<BoilerplatePattern | null>(lines.length).fill(null);
  let first = 0;
  while (first < lines.length && lines[first]!.cs === lines[first]!.ce) first++;
  if (first >= lines.length) return { blocks: [], edits: [] };

  // 1. The trailing run.
  let anchored = false;
  let runStart = lines.length;
  for (let i = lines.length - 1; i > first; i--) {
    const l = lines[i]!;
    if (l.cs === l.ce) continue;
    const p = classifyLine(text.slice(l.cs, l.ce));
    if (!p) break;
    if (p.strength === 'strong') anchored = true;
    marks[i] = p;
    runStart = i;
  }
  if (!anchored) for (let i = runStart; i < lines.length; i++) marks[i] = null;

  // 2. Strong lines anywhere.
  for (let i = first + 1; i < (anchored ? runStart : lines.length); i++) {
    const l = lines[i]!;
    if (l.cs === l.ce || l.ce - l.cs > LONGEST_PATTERN) continue;
    const p = classifyLine(text.slice(l.cs, l.ce));
    if (p && p.strength === 'strong') marks[i] = p;
  }

  // Weak lines in the run take the kind of the strong line nearest above them (else below).
  const kinds: (RemovedKind | null)[] = marks.map((p) => (p && p.strength === 'strong' ? p.kind : null));
  let last: RemovedKind | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i]) last = kinds[i]!;
    else if (marks[i]) kinds[i] = last;
  }
  let next: RemovedKind | null = null;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (marks[i] && marks[i]!.strength === 'strong') next = kinds[i]!;
    else if (marks[i] && !kinds[i]) kinds[i] = next ?? 'comment-widget';
  }

  // Group consecutive marked lines (blank lines between them do not break a group) by kind.
  const blocks: BoilerplateBlock[] = [];
  const edits: Edit[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!marks[i]) {
      i++;
      continue;
    }
    const kind = kinds[i]!;
    const names = [marks[i]!.name];
    let j = i;
    let k = i + 1;
    while (k < lines.length) {
      const l = lines[k]!;
      if (l.cs === l.ce) {
        k++;
        continue;
      }
      if (!marks[k] || kinds[k] !== kind) break;
      if (!names.includes(marks[k]!.name)) names.push(marks[k]!.name);
      j = k;
      k++;
    }
    const a = lines[i]!;
    const b = lines[j]!;
    blocks.push({ span: { start: a.cs, end: b.ce }, kind, patterns: names });
    // Delete the lines and the line break after the last one, so no blank line is left behind.
    const delEnd = b.end < text.length ? b.end + 1 : b.end;
    edits.push({ start: a.start, end: delEnd, insert: '' });
    i = j + 1;
  }

  // 3. A wire trailer at the end of the last line left.
  let lastLine = -1;
  for (let li = lines.length - 1; li > first; li--) {
    if (marks[li]) continue;
    if (lines[li]!.cs < lines[li]!.ce) {
      lastLine = li;
      break;
    }
  }
  if (lastLine > first) {
    const l = lines[lastLine]!;
    const from = Math.max(l.cs, l.ce - TRAILING_SENTENCE_WINDOW);
    const m = TRAILING_SENTENCE_PATTERN.exec(text.slice(from, l.ce));
    let tail: { start: number; kind: RemovedKind; name: string } | null = null;
    if (m && m[1] !== undefined) tail = { start: from + m.index + m[0].length - m[1].length, kind: 'boilerplate', name: 'wire-trailer-tail' };
    else {
      // 4. Trailer sentences at the end of the last line ("... the council said. Follow us on Twitter.").
      const t = trailingTrailer(text.slice(l.cs, l.ce));
      if (t) tail = { start: l.cs + t.start, kind: t.kind, name: t.name };
    }
    if (tail) {
      let delStart = tail.start;
      while (delStart > l.cs && isBlankChar(text.charCodeAt(delStart - 1))) delStart--;
      if (delStart > l.cs) {
        blocks.push({ span: { start: tail.start, end: l.ce }, kind: tail.kind, patterns: [tail.name] });
        edits.push({ start: delStart, end: l.ce, insert: '' });
      }
    }
  }
  edits.sort((x, y) => x.start - y.start);
  blocks.sort((x, y) => x.span.start - y.span.start);
  return { blocks, edits };
}
