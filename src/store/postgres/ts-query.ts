/**
 * A user's search text as a tsquery that cannot be a syntax error, built from parameters only:
 * every word is parsed by PostgreSQL's own text parser as a phrase (phraseto_tsquery), so
 * "U.S.", quotes, &, |, !, <->, parentheses and "title:x" are plain words, exactly as they are
 * in the documents. Words are ANDed. A word of letters and digits ending in "*" is a prefix
 * search (its lexeme quoted by us: only letters and digits reach to_tsquery). The same rules
 * as the SQLite store's fts-query.ts.
 */
import { storable } from './rows.js';

const WORD = /[^\s]+/gu;
const HAS_TOKEN_CHAR = /[\p{L}\p{N}]/u;
const PREFIX_WORD = /^[\p{L}\p{N}]+$/u;
const MAX_WORDS = 32;

export interface TsQuery {
  /** An SQL expression of type tsquery over $1..$n. */
  sql: string;
  params: string[];
}

/** The tsquery expression, or null when the text holds nothing searchable. */
export function toTsQuery(text: string, config: string): TsQuery | null {
  const parts: string[] = [];
  const params: string[] = [];
  for (const m of text.replaceAll('\u0000', ' ').matchAll(WORD)) {
    let word = m[0];
    const prefix = word.length > 1 && word.endsWith('*');
    if (prefix) word = word.replace(/\*+$/u, '');
    if (!HAS_TOKEN_CHAR.test(word)) continue;
    if (prefix && PREFIX_WORD.test(word)) {
      params.push(`'${word.toLowerCase()}':*`);
      parts.push(`to_tsquery('${config}', $${params.length})`);
    } else {
      params.push(storable(word));
      parts.push(`phraseto_tsquery('${config}', $${params.length})`);
    }
    if (parts.length === MAX_WORDS) break;
  }
  return parts.length === 0 ? null : { sql: parts.join(' && '), params };
}
