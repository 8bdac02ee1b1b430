/**
 * A user's search text as an FTS5 MATCH expression that cannot be a syntax error: every word
 * becomes a quoted string (inner quotes doubled), so "U.S.", a lone quote, AND/OR/NOT, NEAR,
 * column filters and parentheses are all taken as plain words. Words are ANDed. A word ending
 * in "*" stays a prefix search. Words with no letter or digit are dropped (FTS5 would find
 * nothing for them anyway).
 */
const WORD = /[^\s]+/gu;
const HAS_TOKEN_CHAR = /[\p{L}\p{N}]/u;
const MAX_WORDS = 32;

/** The MATCH expression, or null when the text holds nothing searchable. */
export function toMatchQuery(text: string): string | null {
  const parts: string[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    const prefix = word.length > 1 && word.endsWith('*');
    if (prefix) word = word.replace(/\*+$/u, '');
    if (!HAS_TOKEN_CHAR.test(word)) continue;
    parts.push(`"${word.replaceAll('"', '""')}"${prefix ? '*' : ''}`);
    if (parts.length === MAX_WORDS) break;
  }
  return parts.length === 0 ? null : parts.join(' ');
}
