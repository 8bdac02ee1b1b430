/**
 * CoNLL-2003 (IOB1, one token a line) as crosscheck sees news: each document detokenised into
 * plain text ("Korea 's" -> "Korea's", no space before , . ) and the like), one sentence a line,
 * and the gold names as character spans of that text. The tagger is trained and scored on
 * crosscheck's own tokens of this text (tokenize.ts), not on CoNLL's tokens, so what it learns is
 * what it meets in articles. Used by scripts/train-entities.ts and eval/entities-conll.ts only.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Span } from '../../model/index.js';

export type ConllType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const CONLL_TYPES: readonly ConllType[] = ['PER', 'ORG', 'LOC', 'MISC'];

export interface GoldName extends Span {
  type: ConllType;
}

export interface ConllDoc {
  text: string;
  /** One span per CoNLL sentence (a line of `text`). */
  sentences: Span[];
  gold: GoldName[];
}

/** Tokens written against the word before them. */
const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll", "'d", "'m", "'", '...']);
/** Tokens written against the word after them. */
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$']);

/** One CoNLL token: the word and its IOB1 tag. */
export interface ConllToken {
  word: string;
  tag: string;
}

/** The documents of a CoNLL-2003 file as text, or null when the file is absent. */
export function readConll(path: string): ConllDoc[] | null {
  return readConllTokens(path)?.map(buildDoc) ?? null;
}

/** The documents of a CoNLL-2003 file as sentences of tokens, or null when the file is absent. */
export function readConllTokens(path: string): ConllToken[][][] | null {
  if (!existsSync(path)) return null;
  const docs: ConllToken[][][] = [];
  let sentences: ConllToken[][] = [];
  let current: ConllToken[] = [];
  const flushSentence = (): void => {
    if (current.length > 0) sentences.push(current);
    current = [];
  };
  const flushDoc = (): void => {
    flushSentence();
    if (sentences.length > 0) docs.push(sentences);
    sentences = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cols = line.trim().split(' ');
    const word = cols[0] ?? '';
    if (word === '') flushSentence();
    else if (word === '-DOCSTART-') flushDoc();
    else current.push({ word, tag: cols[cols.length - 1] ?? 'O' });
  }
  flushDoc();
  return docs;
}

/** A document as text: detokenised, one sentence a line, names as character spans. */
export function buildDoc(sentences: readonly (readonly ConllToken[])[]): ConllDoc {
  let text = '';
  const spans: Span[] = [];
  const gold: GoldName[] = [];
  for (const s of sentences) {
    if (text.length > 0) text += '\n';
    const sentenceStart = text.length;
    let open: { start: number; end: number; type: ConllType } | null = null;
    let prevType = '';
    let quoteOpen = false;
    let glue = true;
    for (const { word, tag } of s) {
      const isQuote = word === '"';
      const tight = glue || NO_SPACE_BEFORE.has(word) || (isQuote && quoteOpen);
      if (!tight) text += ' ';
      const start = text.length;
      text += word;
      glue = NO_SPACE_AFTER.has(word) || (isQuote && !quoteOpen);
      if (isQuote) quoteOpen = !quoteOpen;
      const type = tag === 'O' ? '' : tag.slice(2);
      const begins = type !== '' && (tag.startsWith('B-') || type !== prevType);
      if (open && (type === '' || begins)) {
        gold.push(open);
        open = null;
      }
      if (type !== '') {
        if (!open) open = { start, end: text.length, type: type as ConllType };
        else open.end = text.length;
      }
      prevType = type;
    }
    if (open) gold.push(open);
    spans.push({ start: sentenceStart, end: text.length });
  }
  return { text, sentences: spans, gold };
}

/**
 * Our entity types scored as CoNLL's: person -> PER, org -> ORG, place -> LOC; group
 * (nationalities and groups: "German", "Democrats") and misc (events, works, other names) -> MISC.
 */
export function conllTypeOf(type: string): ConllType {
  switch (type) {
    case 'person':
      return 'PER';
    case 'org':
      return 'ORG';
    case 'place':
      return 'LOC';
    default:
      return 'MISC';
  }
}

export interface TypeScore {
  gold: number;
  found: number;
  right: number;
}

export interface NameScores {
  byType: Record<ConllType, TypeScore>;
  all: TypeScore;
  /** Span alone (any type). */
  span: TypeScore;
}

export function emptyScores(): NameScores {
  const z = (): TypeScore => ({ gold: 0, found: 0, right: 0 });
  return { byType: { PER: z(), ORG: z(), LOC: z(), MISC: z() }, all: z(), span: z() };
}

/** Adds one document's exact-match counts (span and type) to `into`. */
export function scoreNames(gold: readonly GoldName[], found: readonly GoldName[], into: NameScores): void {
  const key = (n: Span): string => `${n.start}:${n.end}`;
  const goldAt = new Map(gold.map((g) => [key(g), g.type]));
  for (const g of gold) {
    into.byType[g.type].gold++;
    into.all.gold++;
    into.span.gold++;
  }
  for (const f of found) {
    into.byType[f.type].found++;
    into.all.found++;
    into.span.found++;
    const t = goldAt.get(key(f));
    if (t === undefined) continue;
    into.span.right++;
    if (t === f.type) {
      into.byType[f.type].right++;
      into.all.right++;
    }
  }
}

export function prf(s: TypeScore): { precision: number; recall: number; f1: number } {
  const precision = s.found > 0 ? s.right / s.found : 0;
  const recall = s.gold > 0 ? s.right / s.gold : 0;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}
