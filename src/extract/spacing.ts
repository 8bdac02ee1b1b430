/**
 * A missing space after sentence punctuation: "said.The", "why?It", "said.”The". The word
 * before must be 2+ letters, lower-case after the first, not following a dot (so "U.S.The",
 * "NATO.It", "J.R.R.Tolkien" and initials are never split), the word after a capital and a lower-case letter (so decimals and "Breitbart.com" are
 * never split), and a word that belongs to a URL, e-mail or domain is left alone ("www.",
 * "://", "@", or a known top-level domain after the dot). "a.m.The" is left alone: its word
 * before the dot is one letter.
 */
import type { Span } from '../model/index.js';
import type { Edit } from './offsets.js';

/**
 * Candidates: a lower-case letter, sentence punctuation, an optional closing quote or bracket,
 * then a capital and a lower-case letter. Rare in clean text, so the word checks run seldom.
 */
const CANDIDATE = /[a-z][.!?][”’"')]?[A-Z][a-z]/g;
/** The word before the punctuation: 2+ letters, lower-case after the first. */
const WORD_BEFORE = /^[A-Za-z][a-z]+$/;
/** Capitalised words after a dot that are domain parts, not sentences ("Amazon.Com", "Gov.Uk"). */
const DOMAIN_PARTS: ReadonlySet<string> = new Set(['Com', 'Net', 'Org', 'Gov', 'Edu', 'Co', 'Uk', 'Io', 'Info', 'Biz', 'Html', 'Htm', 'Php', 'Aspx']);
/** Longest word looked at on either side. */
const MAX_WORD = 40;

export interface SpacingRepair {
  /** "said.The" in this step's text. */
  span: Span;
  at: number;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function findMissingSpaces(text: string): { repairs: SpacingRepair[]; edits: Edit[] } {
  const repairs: SpacingRepair[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const punctAt = m.index + 1;
    const at = m.index + m[0].length - 2; // where the capital starts
    CANDIDATE.lastIndex = at;
    // The word before, back to a non-letter; it must not follow a dot ("U.S.", "a.m.").
    let s = punctAt;
    while (s > 0 && punctAt - s <= MAX_WORD && isAsciiLetter(text.charCodeAt(s - 1))) s--;
    if (s > 0 && text.charCodeAt(s - 1) === 0x2e) continue;
    if (!WORD_BEFORE.test(text.slice(s, punctAt))) continue;
    // The word after, to a non-letter; a dot and a letter after it make it a domain ("x.Example.com").
    let e = at + 1;
    while (e < text.length && e - at <= MAX_WORD && isAsciiLetter(text.charCodeAt(e))) e++;
    if (e - at > MAX_WORD) continue;
    const after = text.slice(at, e);
    if (!/^[A-Z][a-z]+$/.test(after)) continue;
    if (text.charCodeAt(e) === 0x2e && isAsciiLetter(text.charCodeAt(e + 1))) continue;
    if (text[punctAt] === '.' && at === punctAt + 1 && DOMAIN_PARTS.has(after)) continue;
    if (isInUrl(text, s, e)) continue;
    repairs.push({ span: { start: s, end: e }, at });
  }
  return { repairs, edits: repairs.map((r) => ({ start: r.at, end: r.at, insert: ' ' })) };
}

/** True when the whitespace-delimited token around [start, end) looks like a URL, e-mail or path. */
function isInUrl(text: string, start: number, end: number): boolean {
  let s = start;
  let e = end;
  const limit = 200;
  while (s > 0 && start - s < limit && !isSpace(text.charCodeAt(s - 1))) s--;
  while (e < text.length && e - end < limit && !isSpace(text.charCodeAt(e))) e++;
  const token = text.slice(s, e);
  return token.includes('://') || token.includes('www.') || token.includes('@') || token.includes('/');
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0;
}
