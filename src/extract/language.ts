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
const SAMPLE_CHARS = 20_000;
/** Share of function words at or above which a text is taken as English. */
const ENGLISH_SHARE = 0.18;
/** Fewer words than this and one function word is enough (headlines, short records). */
const SHORT_TEXT_WORDS = 12;

const WORD = /[\p{L}']+/gu;

export function englishShare(text: string): { words: number; share: number } {
  const sample = text.slice(0, SAMPLE_CHARS);
  let words = 0;
  let hits = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sample); m; m = WORD.exec(sample)) {
    words++;
    if (FUNCTION_WORDS.has(m[0].toLowerCase())) hits++;
  }
  return { words, share: words === 0 ? 0 : hits / words };
}

/** 'en' when the text looks English, else null. */
export function detectLanguage(text: string): 'en' | null {
  const { words, share } = englishShare(text);
  if (words === 0) return null;
  if (words < SHORT_TEXT_WORDS) return share > 0 ? 'en' : null;
  return share >= ENGLISH_SHARE ? 'en' : null;
}
