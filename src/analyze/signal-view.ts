/**
 * One read of a Doc's layers for the claim, signal and opinion code: the word stream, which words
 * are quoted, each sentence's kind (title, body, heading...) and word range, and which sentences
 * carry an attribution. Built once per analysis run (working.ts keeps it) and shared by
 * findClaims, findSignals and profile, which run one after the other.
 *
 * Fallbacks, numbered, used only when an upstream layer is empty (its stage failed or is absent):
 *   1. no tokens      -> a plain letter/digit scan of the text
 *   2. no paragraphs  -> one paragraph per line; the first line is the title, short lines
 *                        without closing punctuation are headings, the rest body
 *   3. no sentences   -> split each paragraph after . ! ? (and closing quotes)
 * Quoted words are the union of `doc.quotes` and a scan of the quote marks in each paragraph,
 * so words in scare quotes and in quotes without a speaker count as quoted too.
 */
import { firstAtOrAfter, markOffsets } from './offsets.js';
import type { AttributionKind, Doc, ParagraphKind, Span, Token } from '../model/index.js';
import { wordsOf, type Word } from './signal-words.js';
import type { DocOpinion } from './opinion.js';
import type { Lexical } from './signal-lexical.js';
import type { TokenBits } from './word-bits.js';
import type { WordScores } from './classifier/model.js';

export interface SentenceView {
  /** Index into `sentences` of the view (= doc.sentences when that layer is present). */
  index: number;
  span: Span;
  kind: ParagraphKind;
  /** Index of the paragraph it starts in (-1 when outside every paragraph). */
  paragraph: number;
  /** Word range [from, to) in `words`. */
  from: number;
  to: number;
  /** Strongest attribution on the sentence (named > anonymous > dangling), or null. */
  attribution: AttributionKind | null;
  /** Spans of the attributing phrases on the sentence ("Kim Jong Un explains", "the AP reported"). */
  attributionSpans: Span[];
  /** True when the sentence holds quoted words. */
  hasQuote: boolean;
  /** Entity mentions starting in the sentence. */
  entities: number;
}

export interface TextView {
  text: string;
  words: Word[];
  /** 1 for a word inside quotation marks or a quote span. */
  inQuote: Uint8Array;
  sentences: SentenceView[];
  /** True when `sentences` are doc.sentences (indices can be stored in claims). */
  sentencesFromDoc: boolean;
  title: Span | null;
  /** What the readers of the view derive from it, once per view (filled on first use). */
  memo: ViewMemo;
}

/** Derived from a view and kept on it: the view's lifetime is theirs (no module-level caches). */
export interface ViewMemo {
  opinion?: DocOpinion;
  lexical?: Lexical;
  /** word-bits.ts: every word list's bits of each word, and the table version they were read at. */
  wordBits?: { version: number; bits: Int32Array };
  /** word-bits.ts: the bits of the doc's tokens, when the run looked them up already (working.ts). */
  tokenBits?: TokenBits;
  /** word-flags.ts: the list bits of each word. */
  flags?: Uint8Array;
  /** checkworthy/features.ts: the hash of each word's form. */
  hashes?: Uint32Array;
  /** checkworthy/features.ts: the cue-list bits of each word. */
  checkworthyCues?: Uint8Array;
  /** opinion.ts: the classifier's own-feature score of each word form it met in the document. */
  wordScores?: WordScores;
}

/** Lines this short without closing punctuation are taken as headings (fallback 2). */
const HEADING_MAX_WORDS = 10;

const FALLBACK_TOKEN = /[\p{L}\p{N}]+(?:['\u2019.\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const FALLBACK_SENTENCE = /[^.!?\n]+(?:[.!?]+["\u201d\u2019)]*|$)/g;
const CLOSING_PUNCT = /[.!?:;"\u201d\u2019)]\s*$/;
const LINE = /[^\n]+/g;

function fallbackTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(FALLBACK_TOKEN)) {
    const s = m[0];
    const start = m.index;
    const kind = /^\p{N}/u.test(s) ? 'number' : /^\p{L}/u.test(s) ? 'word' : /^[$€£%+=@#&*]/.test(s) ? 'symbol' : 'punct';
    out.push({ start, end: start + s.length, norm: s.toLowerCase().replace(/\u2019/g, "'"), kind });
  }
  return out;
}

function fallbackParagraphs(text: string): { span: Span; kind: ParagraphKind }[] {
  const out: { span: Span; kind: ParagraphKind }[] = [];
  for (const m of text.matchAll(LINE)) {
    const line = m[0];
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const span = { start: m.index + lead, end: m.index + lead + trimmed.length };
    const words = trimmed.split(/\s+/).length;
    const kind: ParagraphKind = out.length === 0 ? 'title' : words <= HEADING_MAX_WORDS && !CLOSING_PUNCT.test(trimmed) ? 'heading' : 'body';
    out.push({ span, kind });
  }
  return out;
}

function fallbackSentences(text: string, paragraphs: readonly { span: Span }[]): Span[] {
  const out: Span[] = [];
  for (const p of paragraphs) {
    const slice = text.slice(p.span.start, p.span.end);
    for (const m of slice.matchAll(FALLBACK_SENTENCE)) {
      const raw = m[0];
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed === '') continue;
      const start = p.span.start + m.index + lead;
      out.push({ start, end: start + trimmed.length });
    }
  }
  return out;
}

/** The quote marks quoteMarkRegions reads: " \u201c \u201d \u201e \u00ab \u00bb. */
const QUOTE_MARK = /["\u201c\u201d\u201e\u00ab\u00bb]/g;

/**
 * Quoted regions from quote marks, paragraph by paragraph (an open quote runs to the paragraph
 * end). The marks are found once, by one regex scan of the text, and each paragraph reads its
 * own: the same regions as a scan of every character of every paragraph, which cost a fifth of
 * building the view.
 */
function quoteMarkRegions(text: string, paragraphs: readonly { span: Span }[]): Span[] {
  const out: Span[] = [];
  const marks = markOffsets(text, QUOTE_MARK);
  if (marks.length === 0) return out;
  for (const p of paragraphs) {
    let open = -1;
    let straight = false;
    for (let k = firstAtOrAfter(marks, p.span.start); k < marks.length && (marks[k] as number) < p.span.end; k++) {
      const i = marks[k] as number;
      const c = text.charCodeAt(i);
      if (c === 0x201c || c === 0x201e || c === 0xab) {
        if (open < 0) {
          open = i;
          straight = false;
        }
      } else if (c === 0x201d || c === 0xbb) {
        if (open >= 0 && !straight) {
          out.push({ start: open, end: i + 1 });
          open = -1;
        }
      } else if (c === 0x22) {
        if (open < 0) {
          open = i;
          straight = true;
        } else if (straight) {
          out.push({ start: open, end: i + 1 });
          open = -1;
        }
      }
    }
    if (open >= 0) out.push({ start: open, end: p.span.end });
  }
  return out;
}

const RANK: Record<AttributionKind, number> = { named: 3, relayed: 3, anonymous: 2, dangling: 1 };

export function buildView(doc: Doc): TextView {
  const text = doc.text;
  const tokens = doc.tokens.length || text.trim() === '' ? doc.tokens : fallbackTokens(text);
  const words = wordsOf(tokens);
  const paragraphs = doc.paragraphs.length ? doc.paragraphs : fallbackParagraphs(text);
  const sentencesFromDoc = doc.sentences.length > 0;
  const spans = sentencesFromDoc ? doc.sentences : fallbackSentences(text, paragraphs);

  // Quoted words: a sweep over the sorted regions.
  const regions = [...doc.quotes.map((q) => q.span), ...quoteMarkRegions(text, paragraphs)].sort((a, b) => a.start - b.start);
  const inQuote = new Uint8Array(words.length);
  {
    let r = 0;
    let reach = -1; // furthest end of the regions started so far
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as Word;
      while (r < regions.length && (regions[r] as Span).start <= w.start) reach = Math.max(reach, (regions[r++] as Span).end);
      if (w.end <= reach) inQuote[i] = 1;
    }
  }

  // Sentences: paragraph kind, word range, attributions, entities (sorted sweeps).
  const attributionBySentence = new Map<number, AttributionKind>();
  const entityStarts = doc.entities.map((e) => e.span.start).sort((a, b) => a - b);
  const sentences: SentenceView[] = [];
  let p = 0;
  let w = 0;
  let e = 0;
  let r = 0;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as Span;
    while (p < paragraphs.length && (paragraphs[p] as { span: Span }).span.end <= span.start) p++;
    const para = paragraphs[p];
    const inside = para !== undefined && para.span.start <= span.start;
    while (w < words.length && (words[w] as Word).start < span.start) w++;
    const from = w;
    let to = from;
    while (to < words.length && (words[to] as Word).end <= span.end) to++;
    while (e < entityStarts.length && (entityStarts[e] as number) < span.start) e++;
    let entities = 0;
    while (e + entities < entityStarts.length && (entityStarts[e + entities] as number) < span.end) entities++;
    while (r < regions.length && (regions[r] as Span).end <= span.start) r++;
    const hasQuote = r < regions.length && (regions[r] as Span).start < span.end;
    sentences.push({ index: i, span, kind: inside ? para.kind : 'body', paragraph: inside ? p : -1, from, to, attribution: null, attributionSpans: [], hasQuote, entities });
  }
  for (const a of doc.attributions) {
    const idx = sentencesFromDoc ? a.sentence : sentences.findIndex((s) => s.span.start <= a.span.start && a.span.start < s.span.end);
    const s = sentences[idx];
    if (s === undefined) continue;
    const before = attributionBySentence.get(idx);
    if (before === undefined || RANK[a.kind] > RANK[before]) attributionBySentence.set(idx, a.kind);
    s.attribution = attributionBySentence.get(idx) ?? null;
    s.attributionSpans.push(a.span);
  }

  const titlePara = paragraphs.find((x) => x.kind === 'title');
  const fieldTitle = doc.fields.title?.span ?? null;
  const title = titlePara ? titlePara.span : fieldTitle;
  return { text, words, inQuote, sentences, sentencesFromDoc, title, memo: {} };
}

/** True for sentences the opinion score is about: body, standfirst and headings. */
export function isOpinionKind(kind: ParagraphKind): boolean {
  return kind === 'body' || kind === 'standfirst' || kind === 'heading';
}
