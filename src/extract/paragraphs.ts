/**
 * Paragraph spans of the cleaned text, and the kinds of body paragraphs. In the seed form every
 * non-empty line is a paragraph. Hard-wrapped text (most lines 50-90 characters, blocks
 * separated by blank lines, as in e-mailed wire copy and plain-text archives) is joined by blank
 * lines instead; a joined paragraph keeps its inner newlines, so its span still points into text.
 * Text written one sentence a line with no blank lines looks wrapped by length alone; most of its
 * lines end a sentence, which wrapped lines do not, so it keeps a paragraph a line.
 */
import type { ParagraphKind, Span } from '../model/index.js';

/** Hard wrap: lines of this length range are "full" wrapped lines (tuned on 72- and 80-column archives). */
const WRAP_MIN = 50;
const WRAP_MAX = 90;
/** Share of non-empty lines that must be full wrapped lines, and the fewest lines to decide on. */
const WRAP_SHARE = 0.6;
const WRAP_MIN_LINES = 6;
/** Average lines per blank-separated block above which blocks are multi-line paragraphs. */
const WRAP_LINES_PER_BLOCK = 1.8;
/**
 * Share of non-empty lines ending a sentence at or above which the text is one sentence (or
 * paragraph) a line, not prose wrapped at a width: a wrapped line ends where the width falls,
 * which is a sentence end only now and then (about one line in six in 72-column wire copy).
 */
const LINE_PER_SENTENCE_SHARE = 0.5;
/** Closing quotes and brackets that may follow a sentence's stop at the end of a line. */
const CLOSERS = new Set([0x22, 0x27, 0x201d, 0x2019, 0x29, 0x5d]);
/** Sentence stops: . ! ? … */
const STOPS = new Set([0x2e, 0x21, 0x3f, 0x2026]);

/** True when a (right-trimmed) line ends a sentence: a stop, then any closing quotes or brackets. */
function endsSentence(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && CLOSERS.has(line.charCodeAt(i))) i--;
  return i >= 0 && STOPS.has(line.charCodeAt(i));
}

/** Heading: a short body line without terminal punctuation ("China is no friend"). */
const HEADING_MAX_WORDS = 10;
const HEADING_MAX_CHARS = 90;
/** Caption: a longer line without terminal punctuation, or one that reads like a photo credit. */
const CAPTION_MAX_WORDS = 30;
/** Without a caption cue or an appositive, an unpunctuated line this short is still a caption; longer is a paragraph that lost its full stop. */
const CAPTION_PLAIN_MAX_WORDS = 16;
/** Ends a sentence (with an optional closing quote or bracket): the paragraph is prose. */
const TERMINAL = /[.!?…:;,]["'”’)\]]*$/;
/** Marks of a photo caption or credit. */
const CAPTION_CUE = /\((?:photo|image|file|ap|reuters|getty|afp)\b|\b(?:photo|image|picture|pictured|file photo|credit)\s*:|\b(?:AP|Reuters|Getty Images|AFP) Photo\b|\/(?:AP|Reuters|Getty|AFP)\b/i;
/**
 * False when CAPTION_CUE cannot match: each of its branches needs "(", ":", "/" or the word
 * "photo" in some case. Three indexOf scans are cheaper than trying the case-folded branches at
 * every position of every short paragraph.
 */
function mayHaveCaptionCue(paragraph: string): boolean {
  return paragraph.includes('(') || paragraph.includes(':') || paragraph.includes('/') || PHOTO_WORD.test(paragraph);
}
const PHOTO_WORD = /photo/i;
/** An appositive "Name Name, the ..." is the usual shape of a caption under a photo of someone. */
const APPOSITIVE = /^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}, (?:the|a|an|who|seen|shown|pictured)\b/;

interface LineInfo {
  start: number;
  end: number;
  blank: boolean;
}

function lineInfos(text: string): LineInfo[] {
  const out: LineInfo[] = [];
  let start = 0;
  for (;;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    out.push({ start, end, blank: !/\S/.test(text.slice(start, end)) });
    if (end >= text.length) break;
    start = end + 1;
  }
  return out;
}

/** True when the text is hard-wrapped prose whose paragraphs are blocks between blank lines. */
export function isHardWrapped(text: string): boolean {
  return hardWrapped(lineInfos(text), text);
}

function hardWrapped(lines: LineInfo[], text: string): boolean {
  let nonEmpty = 0;
  let full = 0;
  let ended = 0;
  let blocks = 0;
  let inBlock = false;
  for (const l of lines) {
    if (l.blank) {
      inBlock = false;
      continue;
    }
    nonEmpty++;
    if (!inBlock) blocks++;
    inBlock = true;
    const line = text.slice(l.start, l.end).trimEnd();
    if (line.length >= WRAP_MIN && line.length <= WRAP_MAX) full++;
    if (endsSentence(line)) ended++;
  }
  return (
    nonEmpty >= WRAP_MIN_LINES &&
    full / nonEmpty >= WRAP_SHARE &&
    nonEmpty / Math.max(blocks, 1) >= WRAP_LINES_PER_BLOCK &&
    ended / nonEmpty < LINE_PER_SENTENCE_SHARE
  );
}

/** Paragraph spans (trimmed, in text order). */
export function splitParagraphs(text: string): Span[] {
  const lines = lineInfos(text);
  const spans: Span[] = [];
  const push = (s: number, e: number): void => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  if (hardWrapped(lines, text)) {
    let blockStart = -1;
    let blockEnd = -1;
    for (const l of lines) {
      if (l.blank) {
        if (blockStart >= 0) push(blockStart, blockEnd);
        blockStart = -1;
        continue;
      }
      if (blockStart < 0) blockStart = l.start;
      blockEnd = l.end;
    }
    if (blockStart >= 0) push(blockStart, blockEnd);
    return spans;
  }
  for (const l of lines) if (!l.blank) push(l.start, l.end);
  return spans;
}

/** A first line this long (words) that ends in a full stop is a lead sentence, not a headline. */
const LEAD_MIN_WORDS = 12;
/** Ends in a full stop (not "?" or "!", which headlines use), with any closing quote or bracket. */
const FULL_STOP_END = /[^.]\.["'”’)\]]*$/;
/** A last word that is an abbreviation ("U.S.", "Inc."): its period is not a full stop. */
const ABBREVIATION_END = /(?:\b\p{Lu}\.){2,}["'”’)\]]*$|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St)\.["'”’)\]]*$/u;

/**
 * True when a first paragraph reads as the lead sentence of the story rather than its headline:
 * a long line that ends in a full stop (headlines end without one, or in "?" or "!").
 */
export function isLeadSentence(paragraph: string): boolean {
  return FULL_STOP_END.test(paragraph) && !ABBREVIATION_END.test(paragraph) && wordCount(paragraph, LEAD_MIN_WORDS) >= LEAD_MIN_WORDS;
}

/** Counts runs of non-space characters, stopping early past `limit`. */
function wordCount(s: string, limit = Infinity): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 0x20 || c === 0x09 || c === 0x0a;
    if (!space && !inWord) {
      words++;
      if (words > limit) return words;
    }
    inWord = !space;
  }
  return words;
}

/** "being towed", or a capitalised word followed by an -ing word: the shape of a photo caption. */
const PARTICIPLE_SCENE = /\bbeing \p{L}+(?:ed|en|wn)\b|\b\p{Lu}[\p{L}'’-]* \p{Ll}+ing\b/u;
/** A few finite forms that make a line a statement (a heading), not a scene. */
const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|will|would|can|could|must|should|does|do|did)\b/i;

/** The longest paragraph looked at as a possible heading or caption. */
const SHORT_PARAGRAPH_CHARS = 300;

/** The kind of a paragraph inside the body: heading, caption or body. */
export function bodyKind(paragraph: string): ParagraphKind {
  if (paragraph.length > SHORT_PARAGRAPH_CHARS || paragraph.includes('\n')) return 'body';
  const words = wordCount(paragraph, CAPTION_MAX_WORDS);
  if (words <= CAPTION_MAX_WORDS && mayHaveCaptionCue(paragraph) && CAPTION_CUE.test(paragraph)) return 'caption';
  // A short question standing alone between paragraphs is a subheading ("Who will be held accountable?").
  if (/\?["'”’]?$/.test(paragraph) && words <= HEADING_MAX_WORDS && !paragraph.includes(', ') && /^[\p{Lu}]/u.test(paragraph)) return 'heading';
  if (TERMINAL.test(paragraph)) return 'body';
  if (!/^[\p{Lu}\d“"‘']/u.test(paragraph)) return 'body';
  if (APPOSITIVE.test(paragraph) && words <= CAPTION_MAX_WORDS) return 'caption';
  // A scene with a participle and no finite verb is what a photo shows: "The Kestrel Dawn
  // being towed back into Marrowby harbour", "Rescuers searching the rubble".
  if (PARTICIPLE_SCENE.test(paragraph) && words <= CAPTION_MAX_WORDS && !FINITE_VERB.test(paragraph)) return 'caption';
  if (words <= HEADING_MAX_WORDS && paragraph.length <= HEADING_MAX_CHARS && !paragraph.includes(', ')) return 'heading';
  if (words <= CAPTION_PLAIN_MAX_WORDS) return 'caption';
  return 'body';
}
