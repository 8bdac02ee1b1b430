/**
 * A cheap English check: the share of words that are common English function words. English
 * news prose runs at 35-50%; other languages written in Latin script stay under 10% (their
 * function words are different), so the threshold sits well between. Only the first
 * SAMPLE_CHARS characters are looked at: the answer does not need more.
 */

/** Our own list of very frequent English function words. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'the', 'of', 'and', 'to', 'a', 'in', 'is', 'that', 'for', 'it', 'on', 'was', 'with', 'as', 'he', 'she', 'by', 'at', 'from', 'his',
  'her', 'be', 'are', 'have', 'has', 'not', 'this', 'an', 'they', 'we', 'or', 'but', 'were', 'had', 'will', 'their', 'which', 'who',
  'been', 'would', 'its', 'said', 'there', 'than', 'into', 'about', 'after', 'also', 'what', 'when', 'can', 'if', 'our', 'you', 'i',
]);
// 3,000 characters hold some 500 words: plenty for a share, and the check stays a small
// part of extract's time (20,000 made it 7% of the whole pipeline on news bodies).
const SAMPLE_CHARS = 3_000;
/** Share of function words at or above which a text is taken as English. */
const ENGLISH_SHARE = 0.18;
/** Fewer words than this and one function word is enough (headlines, short records). */
const SHORT_TEXT_WORDS = 12;

/**
 * A word of at most MAX_FUNCTION_WORD ASCII letters as a number (5 bits a letter, case folded),
 * or -1 for anything else: the function words are all ASCII letters, so this is the Set lookup
 * of the lower-cased word without a slice and a lower-cased copy per word.
 */
function asciiKey(text: string, start: number, end: number): number {
  let key = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) return -1;
    key = key * 32 + (c - 96);
  }
  return key;
}
const FUNCTION_KEYS: ReadonlySet<number> = new Set([...FUNCTION_WORDS].map((w) => asciiKey(w, 0, w.length)));

/** The longest function word above ("would", "their"): longer words are only counted. */
const MAX_FUNCTION_WORD = 5;

/**
 * Share of function words among the words of the first SAMPLE_CHARS characters. A hand loop
 * over char codes: a regex match per word made this check 7% of the whole pipeline.
 */
export function englishShare(text: string): { words: number; share: number } {
  return shareOf(text, false);
}

/**
 * englishShare's count; with `stopWhenSure`, it stops once the text is sure to reach
 * ENGLISH_SHARE on SHORT_TEXT_WORDS words or more: when the hits so far are the share of the most
 * words the rest of the sample could hold (a word and its break take two characters), no end of
 * the sample can bring the share under it (hits only grow). English prose is sure about
 * two-thirds of the way in; the answer is that of the whole count.
 */
function shareOf(text: string, stopWhenSure: boolean): { words: number; share: number } {
  const end = Math.min(text.length, SAMPLE_CHARS);
  let words = 0;
  let hits = 0;
  let start = -1;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 32;
    if (isWordChar(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    words++;
    if (i - start <= MAX_FUNCTION_WORD && FUNCTION_KEYS.has(asciiKey(text, start, i))) hits++;
    start = -1;
    // at most one word per two characters after i (a margin of one word and one hit for rounding)
    if (stopWhenSure && words >= SHORT_TEXT_WORDS && hits - 1 >= ENGLISH_SHARE * (words + 1 + Math.ceil((end - i) / 2))) {
      return { words, share: Math.max(hits / words, ENGLISH_SHARE) };
    }
  }
  return { words, share: words === 0 ? 0 : hits / words };
}

/** ASCII letters, the apostrophe, and any letter past Latin-1's symbols (not dashes or curly quotes). */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39;
  return c >= 192 && !(c >= 0x2010 && c <= 0x206f);
}

/** 'en' when the text looks English, else null. */
export function detectLanguage(text: string): 'en' | null {
  const { words, share } = shareOf(text, true);
  if (words === 0) return null;
  if (words < SHORT_TEXT_WORDS) return share > 0 ? 'en' : null;
  return share >= ENGLISH_SHARE ? 'en' : null;
}
