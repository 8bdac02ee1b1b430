/**
 * Outlets named in a source phrase (attribution-sources.ts): a known outlet or a name of an
 * outlet's form ("the Sentinel of Ashby") after the phrase's last by/from/of/to.
 */
import type { Token } from '../model/index.js';
import { DETERMINERS, OUTLET_DOCUMENTS, OUTLETS, OUTLET_NAME_HEADS } from './attribution-tables.js';
import { isCapital, baseNorm } from './attribution-context.js';

/**
 * The outlet a source phrase of tokens [first, last] names, or null: what is left after the part
 * before a last "by" / "from" / "of" ("a report by The Washington Post"), leading determiners,
 * document words at the end ("a Reuters report") and a possessive is looked up in OUTLETS.
 */
export function outletOf(text: string, tokens: readonly Token[], first: number, last: number): string | null {
  const range = outletRange(text, tokens, first, last);
  if (range === null) return null;
  const [a, b] = range;
  let phrase = text.slice((tokens[a] as Token).start, (tokens[b] as Token).end).toLowerCase().replace(/\s+/g, ' ');
  if (phrase.endsWith("'s") || phrase.endsWith('’s')) phrase = phrase.slice(0, -2);
  else if (phrase.endsWith("'") || phrase.endsWith('’')) phrase = phrase.slice(0, -1);
  return OUTLETS.get(phrase) ?? (phrase.startsWith('the ') ? OUTLETS.get(phrase.slice(4)) : undefined) ?? outletByName(text, tokens, a, b);
}

/** An outlet by the form of its name only (see outletByName), for the phrase [first, last]. */
export function outletNamed(text: string, tokens: readonly Token[], first: number, last: number): string | null {
  const range = outletRange(text, tokens, first, last);
  return range === null ? null : outletByName(text, tokens, range[0], range[1]);
}

/** The tokens of a source phrase that may name an outlet: after its last by/from/of/to, without determiners or a document word ("a Reuters report"). */
function outletRange(text: string, tokens: readonly Token[], first: number, last: number): [number, number] | null {
  let a = first;
  let b = last;
  for (let i = last; i > first; i--) {
    const n = (tokens[i] as Token).norm;
    if (n === 'by' || n === 'from' || n === 'of' || n === 'to') { a = i + 1; break; }
  }
  while (a <= b && DETERMINERS.has((tokens[a] as Token).norm)) a++;
  // "the state-run Global Times", "the conservative Daily Mail": a describing word before the name
  while (a < b && isOutletDescriber(text, tokens[a] as Token) && isCapital(text, tokens[a + 1])) a++;
  while (b >= a && OUTLET_DOCUMENTS.has(baseNorm(tokens[b] as Token)) && b > a) b--;
  if (a > b || b - a > 5) return null;
  return [a, b];
}

/** Lower-case words that describe an outlet before its name; hyphened ones ("state-run", "Beijing-backed") too. */
const OUTLET_DESCRIBERS = new Set(['conservative', 'liberal', 'influential', 'official', 'independent', 'tabloid', 'respected', 'popular', 'leading', 'local', 'regional', 'national', 'online', 'weekly', 'daily', 'financial', 'business', 'investigative', 'satirical', 'nonprofit', 'nonpartisan']);

/** Is t a lower-case word that describes an outlet before its name? */
function isOutletDescriber(text: string, t: Token): boolean {
  if (t.kind !== 'word' || isCapital(text, t)) return false;
  return OUTLET_DESCRIBERS.has(t.norm) || (t.norm.includes('-') && /^[a-z-]+$/.test(t.norm));
}

/** Words allowed in lower case inside an outlet's name ("the Sentinel of Ashby"). */
const NAME_JOINERS = new Set(['of', 'and', '&', 'the']);

/**
 * An outlet by the form of its name, tokens [a, b]: two or more capitalised words (joiners
 * aside) whose last word, or last two, is one of OUTLET_NAME_HEADS. The name as written, without
 * a leading "The", is its canonical form.
 */
function outletByName(text: string, tokens: readonly Token[], a: number, b: number): string | null {
  let words = 0;
  for (let i = a; i <= b; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word') {
      if (text[t.start] === '&' || text[t.start] === '-') continue;
      return null;
    }
    if (isCapital(text, t)) words++;
    else if (!NAME_JOINERS.has(t.norm) || i === b) return null;
  }
  if (words < 2) return null;
  const last = (tokens[b] as Token).norm;
  const lastTwo = b > a ? `${(tokens[b - 1] as Token).norm} ${last}` : '';
  if (!OUTLET_NAME_HEADS.has(last) && !OUTLET_NAME_HEADS.has(lastTwo) && !namesBroadcaster(tokens, a, b)) return null;
  let from = a;
  if ((tokens[from] as Token).norm === 'the') from++;
  if (from === b) return null;
  return text.slice((tokens[from] as Token).start, (tokens[b] as Token).end).replace(/\s+/g, ' ');
}

/** Words that make a capitalised name a broadcaster's, wherever they stand in it: "BBC Radio Harrow", "Radio Free Europe", "Tyneside TV". */
const BROADCAST_WORDS = new Set(['radio', 'tv', 'television', 'broadcasting']);

function namesBroadcaster(tokens: readonly Token[], a: number, b: number): boolean {
  for (let i = a; i <= b; i++) if (BROADCAST_WORDS.has((tokens[i] as Token).norm)) return true;
  return false;
}
