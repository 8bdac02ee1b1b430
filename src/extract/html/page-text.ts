/**
 * The article text of a page as an edit list on the page itself: everything but the chosen text
 * is deleted, entities are replaced by what they stand for, whitespace runs become one space and
 * blocks are joined by blank lines. The result is a Tracked text (offsets.ts) whose raw input is
 * the real page, so `removed` spans, repair `rawSpan`s and every later span lead back to the
 * page's own characters: a character copied from a text run points at itself, an entity at its
 * reference, a blank line between blocks at the markup it stands for.
 *
 * A piece whose runs do not add up (a line read from JSON-LD, a title found in an attribute, runs
 * out of page order) is written as one replacement of the raw range it came from, or inserted
 * where it stands when it has none in order: coarser, never wrong.
 */
import type { RawText } from '../../model/index.js';
import { editRaw, type Edit, type Tracked } from '../offsets.js';

/** One block of the article text: its final words and, when read from the markup, where they came from. */
export interface PagePiece {
  text: string;
  /** The text before whitespace was collapsed, and flat triples (offset in it, raw start, raw end). */
  source?: string | undefined;
  runs?: number[] | undefined;
  /** A raw range the whole piece stands for, when it has no runs (a title, a JSON-LD script). */
  rawStart?: number;
  rawEnd?: number;
}

const BLOCK_BREAK = '\n\n';

/** True for the characters /\s/ matches (JS's white space and line terminators). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The edits that turn one piece's runs into its collapsed text, or null when the runs are not in
 * page order after `from` or do not cover the text. `shift` is subtracted from raw positions
 * (a feed item is parsed inside a wrapper element).
 */
function runEdits(raw: RawText, piece: PagePiece, from: number, shift: number, sep: string, out: Edit[]): number | null {
  const source = piece.source;
  const runs = piece.runs;
  if (source === undefined || runs === undefined || runs.length === 0 || runs[0] !== 0) return null;
  const edits: Edit[] = [];
  let cursor = from;
  let started = false;
  // A whitespace run waiting for the next word: where its one space goes (a raw range, or the
  // replacement of an entity run that ended in space), and the other ranges to delete.
  let host: [number, number] | Edit | null = null;
  const extra: [number, number][] = [];
  const settle = (needed: boolean): void => {
    if (host !== null) {
      if (Array.isArray(host)) {
        const [s, e] = host;
        if (!needed) edits.push({ start: s, end: e, insert: '' });
        else if (!(e - s === 1 && raw.charCodeAt(s) === 32)) edits.push({ start: s, end: e, insert: ' ' });
      } else if (needed) host.insert += ' ';
    }
    for (const [s, e] of extra) edits.push({ start: s, end: e, insert: '' });
    host = null;
    extra.length = 0;
  };
  let pendingSpace = false;
  for (let k = 0; k < runs.length; k += 3) {
    const off = runs[k]!;
    const next = k + 3 < runs.length ? runs[k + 3]! : source.length;
    const rs = runs[k + 1]! - shift;
    const re = runs[k + 2]! - shift;
    if (rs < cursor || re < rs || re > raw.length || next < off) return null;
    if (rs > cursor || k === 0) edits.push({ start: cursor, end: rs, insert: k === 0 ? sep : '' });
    const d = source.slice(off, next);
    if (re - rs === d.length && raw.startsWith(d, rs)) {
      let i = 0;
      while (i < d.length) {
        if (isSpace(d.charCodeAt(i))) {
          let j = i + 1;
          while (j < d.length && isSpace(d.charCodeAt(j))) j++;
          if (!started) edits.push({ start: rs + i, end: rs + j, insert: '' });
          else {
            if (host === null) host = [rs + i, rs + j];
            else extra.push([rs + i, rs + j]);
            pendingSpace = true;
          }
          i = j;
        } else {
          if (pendingSpace) settle(true);
          pendingSpace = false;
          started = true;
          i++;
        }
      }
    } else {
      // An entity (or text the parser changed): one replacement for the whole run.
      const edit: Edit = { start: rs, end: re, insert: '' };
      for (let i = 0; i < d.length; i++) {
        const c = d.charCodeAt(i);
        if (isSpace(c)) {
          if (started && !pendingSpace) {
            pendingSpace = true;
            host ??= edit;
          }
          continue;
        }
        if (pendingSpace) {
          if (host === edit) {
            edit.insert += ' ';
            host = null;
            settle(false);
          } else settle(true);
          pendingSpace = false;
        }
        started = true;
        edit.insert += d[i];
      }
      edits.push(edit);
    }
    cursor = re;
  }
  settle(false);
  for (const e of edits) out.push(e);
  return cursor;
}

/**
 * The pieces joined by blank lines, as a Tracked text over `raw`. The text is checked against
 * the pieces: when the edits do not give it exactly (markup the runs misread), every piece is
 * written whole instead.
 */
export function pageText(raw: RawText, pieces: readonly PagePiece[], shift = 0): Tracked {
  const expected = pieces.map((p) => p.text).join(BLOCK_BREAK);
  const fine = build(raw, pieces, shift, true);
  if (fine.text === expected) return fine;
  return build(raw, pieces, shift, false);
}

function build(raw: RawText, pieces: readonly PagePiece[], shift: number, useRuns: boolean): Tracked {
  const edits: Edit[] = [];
  let cursor = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const sep = i === 0 ? '' : BLOCK_BREAK;
    const mark = edits.length;
    const end = useRuns ? runEdits(raw, piece, cursor, shift, sep, edits) : null;
    if (end !== null) {
      cursor = end;
      continue;
    }
    edits.length = mark;
    const range = rangeOf(piece, shift, raw.length);
    if (range && range[0] >= cursor) {
      edits.push({ start: cursor, end: range[0], insert: sep });
      edits.push({ start: range[0], end: range[1], insert: piece.text });
      cursor = range[1];
    } else edits.push({ start: cursor, end: cursor, insert: sep + piece.text });
  }
  edits.push({ start: cursor, end: raw.length, insert: '' });
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return editRaw(raw, edits.filter((e) => e.end > e.start || e.insert.length > 0));
}

/** The raw range a piece stands for as a whole: its own, else from its first run to its last. */
function rangeOf(piece: PagePiece, shift: number, max: number): [number, number] | null {
  let s: number | undefined = piece.rawStart;
  let e: number | undefined = piece.rawEnd;
  const runs = piece.runs;
  if ((s === undefined || e === undefined) && runs && runs.length >= 3) {
    s = runs[1]! - shift;
    e = runs[runs.length - 1]! - shift;
  }
  if (s === undefined || e === undefined || s < 0 || e > max || e < s) return null;
  return [s, e];
}
