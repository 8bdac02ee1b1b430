/**
 * The gazetteer: known names (countries with their demonyms and metonyms, other places,
 * organisations, groups, well-known people) in a trie over token norms, so a match is one walk
 * from a token with no string building. Aliases are tokenized with the same tokenizer as the text,
 * so "U.S.", "N. Korea" and "N.Korea" line up with the article's tokens.
 *
 * Case rule: an alias word written in capitals ("US", "AP", "WHO") matches only in capitals; one
 * written with a capital initial matches only a capitalised word; a lower-case alias word
 * ("of", "state" in "Washington state") matches any case. So "us" and "who" are never countries
 * or agencies. A possessive last word ("Korea's", "Department’s") matches without its 's.
 */
import type { EntityType, Token } from '../model/index.js';
import { COUNTRIES, ORGANISATIONS, PEOPLE, PLACES } from './gazetteer-data.js';
import { tokenizeText } from './tokenize.js';

export type AliasKind = 'name' | 'demonym' | 'metonym';

export interface GazetteerEntry {
  type: EntityType;
  canonical: string;
  kind: AliasKind;
}

interface Node {
  next: Map<string, Node>;
  entry: GazetteerEntry | null;
  /** The alias's word forms as written, for the case rule. */
  forms: string[];
}

const root: Node = { next: new Map(), entry: null, forms: [] };
/** Single-word short forms of well-known people ("Trump" -> person:donald-trump). */
const personShortForms = new Map<string, string>();

/** Lower-case ASCII words joined by '-': "Kim Sang-duk" -> "kim-sang-duk", "José" -> "jose". */
export function slugify(words: string): string {
  const cached = slugs.get(words);
  if (cached !== undefined) return cached;
  const slug = slugifyUncached(words);
  if (slugs.size >= SLUG_CACHE_MAX) slugs.clear();
  slugs.set(words, slug);
  return slug;
}

/** Names slugged so far (names repeat a lot within and across articles). */
const slugs = new Map<string, string>();
const SLUG_CACHE_MAX = 20_000;

function slugifyUncached(words: string): string {
  const ascii = words.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’ʼ]/g, '');
  return ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function add(alias: string, entry: GazetteerEntry): void {
  const tokens = tokenizeText(alias);
  // "Calif." is stored as "Calif": the text's period may also end the sentence
  if (tokens.length > 1 && tokens[tokens.length - 1]?.norm === '.') tokens.pop();
  let node = root;
  for (const t of tokens) {
    let child = node.next.get(t.norm);
    if (!child) {
      child = { next: new Map(), entry: null, forms: [] };
      node.next.set(t.norm, child);
    }
    node = child;
  }
  // first entry wins: the lists put the more specific sense first
  if (node === root || node.entry) return;
  node.entry = entry;
  node.forms = tokens.map((t) => alias.slice(t.start, t.end));
}

function lines(table: string): string[][] {
  return table.split('\n').map((l) => l.trim()).filter((l) => l.length > 0).map((l) => l.split('|'));
}
function names(field: string | undefined): string[] {
  return (field ?? '').split(';').map((n) => n.trim()).filter((n) => n.length > 0);
}

function build(): void {
  for (const [slug = '', names0, demonyms, metonyms] of lines(COUNTRIES)) {
    const canonical = `place:${slug}`;
    for (const n of names(names0)) add(n, { type: 'place', canonical, kind: 'name' });
    for (const d of names(demonyms)) {
      add(d, { type: 'place', canonical, kind: 'demonym' });
      if (d.endsWith('n') || d.endsWith('i')) add(`${d}s`, { type: 'place', canonical, kind: 'demonym' });
    }
    for (const m of names(metonyms)) add(m, { type: 'place', canonical, kind: 'metonym' });
  }
  for (const [slug = '', names0] of lines(PLACES)) {
    for (const n of names(names0)) add(n, { type: 'place', canonical: `place:${slug}`, kind: 'name' });
  }
  for (const [type = 'org', slug = '', names0] of lines(ORGANISATIONS)) {
    const t: EntityType = type === 'group' ? 'group' : 'org';
    for (const n of names(names0)) add(n, { type: t, canonical: `${t}:${slug}`, kind: 'name' });
  }
  for (const [slug = '', full, short] of lines(PEOPLE)) {
    for (const n of names(full)) add(n, { type: 'person', canonical: `person:${slug}`, kind: 'name' });
    for (const s of names(short)) personShortForms.set(s.toLowerCase(), `person:${slug}`);
  }
}
build();

function isUpperCode(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/** The case rule for one word: `form` as the alias writes it, `surface` as the text does. */
function caseFits(form: string, text: string, tok: Token): boolean {
  const first = form.charCodeAt(0);
  if (!isUpperCode(first)) return true;
  if (!isUpperCode(text.charCodeAt(tok.start))) return false;
  // an all-capital alias word of 2+ letters ("US", "AP", "WHO") must be all capitals in the text
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      letters++;
      if (c <= 90) upper++;
    }
  }
  if (letters >= 2 && upper === letters) return text.slice(tok.start, tok.end).replace(/['’]s$/, '') === form;
  return true;
}

/** The norm of a token without a possessive 's ("korea's" -> "korea"), or null when it has none. */
export function possessiveBase(norm: string): string | null {
  return norm.length > 2 && norm.endsWith("'s") ? norm.slice(0, -2) : null;
}

export interface GazetteerMatch {
  entry: GazetteerEntry;
  /** Index after the last token of the match. */
  end: number;
  /** True when the last token carries a possessive 's (the entity span leaves it out). */
  possessive: boolean;
}

/** The longest known name starting at token `i` and ending before token `limit`, if any. */
export function matchGazetteer(text: string, tokens: readonly Token[], i: number, limit: number): GazetteerMatch | null {
  let node: Node | undefined = root;
  let best: GazetteerMatch | null = null;
  for (let j = i; j < limit && node; j++) {
    const tok = tokens[j];
    if (!tok) break;
    const base = possessiveBase(tok.norm);
    if (base !== null) {
      const end = node.next.get(base);
      if (end?.entry && fits(end, text, tokens, i, j + 1)) best = { entry: end.entry, end: j + 1, possessive: true };
    }
    node = node.next.get(tok.norm);
    if (node?.entry && fits(node, text, tokens, i, j + 1)) best = { entry: node.entry, end: j + 1, possessive: false };
  }
  return best;
}

function fits(node: Node, text: string, tokens: readonly Token[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const form = node.forms[j - from];
    const tok = tokens[j];
    if (form === undefined || !tok || !caseFits(form, text, tok)) return false;
  }
  return true;
}

/** The norms a gazetteer name can start with (for prefilters that skip most words without a lookup). */
export function gazetteerFirstWords(): IterableIterator<string> {
  return root.next.keys();
}

/** The well-known person a single word stands for ("trump" -> "person:donald-trump"), if any. */
export function personShortForm(norm: string): string | null {
  return personShortForms.get(norm) ?? null;
}
