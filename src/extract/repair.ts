/**
 * Repairs of text damage, recorded as they are made and resolved once the text is final. A
 * repair is noted with the RAW span of the words it touched (the damaged word with its
 * neighbours up to whitespace, so "President’s" rather than a lone "’"); when cleaning is done
 * the raw span is mapped onto the final text. A repair whose words did not survive cleaning
 * (removed as boilerplate, cut off) is dropped.
 */
import type { RawText, Repair, RepairKind, Span } from '../model/index.js';
import { applyEdits, fromRawSpan, toRawSpan, type Edit, type Tracked } from './offsets.js';
import { findMojibake, MOJIBAKE_PASSES } from './mojibake.js';
import { findGluedWords } from './glued.js';
import { findMissingSpaces } from './spacing.js';

/** How far a repair's words reach out from the damage, each side, at most. */
const CONTEXT_CHARS = 40;
/** Most repairs of one kind listed per article (the message still counts them all). */
export const MAX_LISTED_REPAIRS = 200;

export interface PendingRepair {
  kind: RepairKind;
  rawSpan: Span;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x2028 || c === 0x2029;
}

/** [start, end) widened to the whitespace around it, at most CONTEXT_CHARS each side. */
export function wordAround(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s > 0 && start - s < CONTEXT_CHARS && !isSpace(text.charCodeAt(s - 1))) s--;
  while (e < text.length && e - end < CONTEXT_CHARS && !isSpace(text.charCodeAt(e))) e++;
  return { start: s, end: e };
}

/** Undoes mojibake; notes each repair. */
export function repairMojibake(t: Tracked, pending: PendingRepair[]): Tracked {
  for (let pass = 0; pass < MOJIBAKE_PASSES; pass++) {
    const edits = findMojibake(t.text);
    if (edits.length === 0) break;
    for (const e of edits) pending.push({ kind: 'mojibake', rawSpan: toRawSpan(t, wordAround(t.text, e.start, e.end)) });
    t = applyEdits(t, edits);
  }
  return t;
}

/** Puts back lost dashes and missing spaces after sentence punctuation; notes each repair. */
export function repairGlue(t: Tracked, pending: PendingRepair[]): Tracked {
  const glued = findGluedWords(t.text);
  const spacing = findMissingSpaces(t.text);
  for (const r of glued.repairs) pending.push({ kind: 'glued-words', rawSpan: toRawSpan(t, r.span) });
  for (const r of spacing.repairs) pending.push({ kind: 'missing-space', rawSpan: toRawSpan(t, r.span) });
  const edits: Edit[] = [...glued.edits, ...spacing.edits].sort((a, b) => a.start - b.start);
  return applyEdits(t, edits);
}

/** Notes control-character repairs at the damage positions of one normalising step. */
export function noteDamage(t: Tracked, damage: readonly number[], pending: PendingRepair[]): void {
  let lastEnd = -1;
  for (const d of damage) {
    if (d < lastEnd) continue;
    const w = wordAround(t.text, d, d + 1);
    lastEnd = w.end;
    pending.push({ kind: 'control-characters', rawSpan: toRawSpan(t, w) });
  }
}

/** Resolves the noted repairs against the final text. */
export function resolveRepairs(final: Tracked, raw: RawText, articleId: string, pending: readonly PendingRepair[]): Repair[] {
  const out: Repair[] = [];
  const seen = new Set<string>();
  const perKind = new Map<RepairKind, number>();
  for (const p of pending) {
    const key = `${p.kind}:${p.rawSpan.start}:${p.rawSpan.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const listed = perKind.get(p.kind) ?? 0;
    if (listed >= MAX_LISTED_REPAIRS) continue;
    const span = fromRawSpan(final, p.rawSpan);
    if (!span) continue;
    const text = final.text.slice(span.start, span.end);
    const before = raw.slice(p.rawSpan.start, p.rawSpan.end);
    if (text === before) continue;
    perKind.set(p.kind, listed + 1);
    out.push({ articleId, span, text, kind: p.kind, before, rawSpan: { start: p.rawSpan.start, end: p.rawSpan.end } });
  }
  out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return out;
}
