/**
 * Quotations and their speakers.
 *
 *   1. Pair quote marks inside each paragraph: “…” and straight "…". A stray closing ” with no
 *      opening is skipped; an opening “ left unclosed at the start of a paragraph runs to its end
 *      (news continues a long quote into the next paragraph that way).
 *   2. Quotations of QUOTE_MIN_WORDS words or more, or ending in sentence punctuation ("reined
 *      in."), are statements; shorter ones ("New York channel", “stay neutral”) are kept as
 *      quotations marked `short` (scare quotes and quoted phrases: no claim, not counted in the
 *      profile), with their speaker when the text gives one.
 *   3. The speaker is the best of its candidates by a learned ranking (speakers/): the sources of
 *      the attribution cues around it (this, the previous and the next sentence; the paragraph
 *      before when it ends in a colon), the previous quotation's speaker, a name before an
 *      introducing colon, the persons named nearby, the organisation named in its sentence. A
 *      pronoun source stands for its antecedent (attribution-sources.ts, with gender agreement
 *      from speakers/gender.ts).
 */
import { firstAtOrAfter, markOffsets } from './offsets.js';
import type { Context, Doc, Paragraph, Quote, Span, Token } from '../model/index.js';
import type { Cue } from './attribution-sources.js';
import { Working } from './working.js';
import { candidatesFor, type Candidate, type QuoteSite } from './speakers/candidates.js';
import { rankSpeakers } from './speakers/model.js';
import { paragraphsOf, segmentText, sentenceIndexAt } from './segment.js';
import { tokenizeText } from './tokenize.js';

/** Fewest words for a quotation that does not end in sentence punctuation (shorter: a scare quote). */
const QUOTE_MIN_WORDS = 4;

const SENTENCE_END = new Set(['.', '!', '?', '…']);

/** Words in text[start, end): runs of characters that are neither space nor punctuation, stopping at `enough`. */
function wordCount(text: string, start: number, end: number, enough: number): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end && words < enough; i++) {
    const c = text.charCodeAt(i);
    const isWordChar = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && !isMarkOrSpace(c));
    const joins = c === 39 || c === 0x2019 || c === 45;
    if (isWordChar && !inWord) words++;
    inWord = isWordChar || (joins && inWord);
  }
  return words;
}

/** Non-ASCII characters that are not letters here: spaces, quotes, dashes and other punctuation. */
function isMarkOrSpace(c: number): boolean {
  return c === 0xa0 || (c >= 0x2000 && c <= 0x206f) || c === 0x3000 || c === 0xfeff || c === 0xab || c === 0xbb;
}

function isQuotation(text: string, s: Span): boolean {
  let e = s.end - (text.charCodeAt(s.end - 1) === 39 && text.charCodeAt(s.end - 2) === 39 ? 2 : 1); // before the closing mark
  while (e > s.start + 1 && (text.charCodeAt(e - 1) <= 32 || text.charCodeAt(e - 1) === 0xa0)) e--;
  const last = text[e - 1] ?? '';
  if (SENTENCE_END.has(last) && wordCount(text, s.start + 1, e, 1) >= 1) return true;
  return wordCount(text, s.start + 1, e, QUOTE_MIN_WORDS) >= QUOTE_MIN_WORDS;
}

/** Quotation spans (marks included), sorted; scare quotes left out. */
export function quoteSpans(text: string, paragraphs: readonly Paragraph[]): Span[] {
  return markedSpans(text, paragraphs).filter((s) => isQuotation(text, s));
}

/** The characters `markedSpans` acts on: straight, curly and doubled quote marks. */
const QUOTE_MARK = /['`"\u201c\u201d]/g;

/** Offsets of every character of `text` that `markedSpans` acts on, in order (offsets.ts). */
function quoteMarks(text: string): number[] {
  return markOffsets(text, QUOTE_MARK);
}

/** Every span between paired quote marks (marks included), sorted, short ones too. */
export function markedSpans(text: string, paragraphs: readonly Paragraph[]): Span[] {
  const out: Span[] = [];
  const marks = quoteMarks(text);
  for (const p of paragraphs) {
    let open = -1;
    let curly = false;
    let doubled = false;
    let inner = false;
    // the characters that are no mark change nothing (doubled is set only with open): the loop
    // visits the marks of the paragraph alone
    let next = p.span.start;
    for (let m = firstAtOrAfter(marks, p.span.start); m < marks.length; m++) {
      let i = marks[m] as number;
      if (i >= p.span.end) break;
      if (i < next) continue; // the second mark of a doubled pair, taken with the first
      const ch = text.charCodeAt(i);
      if ((ch === 39 || ch === 96) && text.charCodeAt(i + 1) === ch) {
        // ''…'' (and ``…''): the doubled marks of texts typed without quote keys (newspaper archives)
        if (open >= 0 && doubled && ch === 39) {
          out.push({ start: open, end: i + 2 });
          open = -1;
          doubled = false;
        } else if (open < 0) {
          open = i;
          doubled = true;
        }
        i++;
      } else if (doubled) {
        next = i + 1;
        continue; // inside ''…'': other marks are the quotation's own
      } else if (ch === 0x201c) {
        open = i; // a second “ restarts: the first was never closed
        curly = true;
        inner = false;
      } else if (ch === 0x201d) {
        // a closing ” ends a quotation opened by either mark ("Straight open, curly close,”): mixed
        // marks are common where a text went through two editors
        if (open >= 0) {
          out.push({ start: open, end: i + 1 });
          open = -1;
        }
      } else if (ch === 34) {
        if (open >= 0 && curly && (inner || !closesAt(text, i, p.span.end))) {
          inner = !inner; // “… "inner" …”: a quotation inside the quotation, its marks left alone
        } else if (open >= 0) {
          out.push({ start: open, end: i + 1 });
          open = -1;
        } else if (open < 0) {
          open = i;
          curly = false;
        }
      }
      if (open < 0) doubled = false;
      next = i + 1;
    }
    if (open >= 0 && open === p.span.start) out.push({ start: open, end: p.span.end });
  }
  return out.filter((s) => wordCount(text, s.start + 1, s.end - 1, 1) >= 1);
}

/**
 * Does the straight " at i close a quotation opened by “ (“Curly open, straight close," she said)?
 * It does when it ends a word (after no space) and stands before a space, punctuation or the
 * paragraph end; else it opens a quotation inside the quotation and is left alone.
 */
function closesAt(text: string, i: number, end: number): boolean {
  const before = text.charCodeAt(i - 1);
  if (before <= 32 || before === 0xa0) return false;
  if (i + 1 >= end) return true;
  const after = text.charCodeAt(i + 1);
  return after <= 32 || after === 0xa0 || isMarkOrSpace(after) || (after < 128 && !((after >= 48 && after <= 57) || (after >= 65 && after <= 90) || (after >= 97 && after <= 122)));
}

function paragraphIndexAt(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const p = paragraphs[mid] as Paragraph;
    if (offset < p.span.start) hi = mid - 1;
    else if (offset >= p.span.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Quotations with their speakers: for each, the candidates (speakers/candidates.ts) and the one
 * `choose` picks (its index, or -1 for none). findQuotes picks by the learned ranking; the
 * trainer (scripts/train-speakers.ts) passes its own chooser to collect examples.
 */
export function attributeQuotes(doc: Doc, choose: (candidates: Candidate[], quote: Span, short: boolean) => number, work: Working = new Working()): Quote[] {
  const { text } = doc;
  const tokens: readonly Token[] = doc.tokens.length > 0 || text.length === 0 ? doc.tokens : tokenizeText(text);
  const paragraphs = paragraphsOf(doc);
  const sentences = doc.sentences.length > 0 ? doc.sentences : segmentText(text, tokens, paragraphs);
  const spans = markedSpans(text, paragraphs);
  const cues = work.cues({ text, tokens, sentences, entities: doc.entities, quoted: spans });
  const bySentence = new Map<number, Cue[]>();
  for (const c of cues) {
    const list = bySentence.get(c.sentence) ?? [];
    list.push(c);
    bySentence.set(c.sentence, list);
  }
  const entities = doc.entities.filter((e) => e.type === 'person' || e.type === 'org');
  const quotes: Quote[] = [];
  let previous: QuoteSite['previous'] = null;
  for (const q of spans) {
    const first = sentenceIndexAt(sentences, q.start);
    const last = Math.max(first, sentenceIndexAt(sentences, q.end - 1));
    const paragraph = paragraphIndexAt(paragraphs, q.start);
    const short = !isQuotation(text, q);
    const candidates = candidatesFor({ text, quote: q, first, last, paragraph, paragraphs, bySentence, quotes: spans, entities, sentences, previous, short });
    const pick = candidates[choose(candidates, q, short)];
    const base = { articleId: doc.id, span: { start: q.start, end: q.end }, text: text.slice(q.start, q.end), ...(short ? { short: true as const } : {}) };
    if (pick) {
      const speaker = { articleId: doc.id, span: { start: pick.speaker.start, end: pick.speaker.end }, text: text.slice(pick.speaker.start, pick.speaker.end) };
      quotes.push({ ...base, speaker, speakerCanonical: pick.canonical, speakerKind: pick.kind });
      previous = { speaker: pick.speaker, canonical: pick.canonical, kind: pick.kind, paragraph, lastSentence: last };
    } else {
      quotes.push({ ...base, speaker: null, speakerCanonical: null, speakerKind: 'unknown' });
    }
  }
  return quotes;
}

export function findQuotes(doc: Doc, ctx: Context, work: Working = new Working()): Doc {
  void ctx;
  return { ...doc, quotes: attributeQuotes(doc, (candidates, _quote, short) => rankSpeakers(candidates, short), work) };
}
