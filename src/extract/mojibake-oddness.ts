/**
 * How odd a stretch of text looks, as a count of the marks that mojibake leaves and clean text
 * rarely has. Used to compare a stretch before and after a candidate repair: a repair is made only
 * when it leaves the stretch clearly less odd (mojibake.ts). The marks, each a reason why:
 *
 *   - a C1 control character (U+0080-U+009F): a byte no text means to hold;
 *   - a character of a block that misdecoding lands in and writing seldom uses (IPA, Armenian,
 *     historic Cyrillic, private use): what a wrong "repair" of real text produces;
 *   - a rare symbol (©, ¨, ‚, ™, €...) glued to a non-ASCII letter or to another symbol: the
 *     continuation bytes of a UTF-8 sequence read one by one ("Ã©", "â€™");
 *   - an opening quote glued to the word before it, a closing quote to the word after it;
 *   - a capital with an accent right after a small letter ("frÃ¨res"), or a small letter after
 *     two capitals ("AHř"): the case of one word changing in its middle;
 *   - a letter of one script glued to a letter of another ("Bront녔"), or a letter of a script
 *     that stands alone in Latin text ("“ה curves");
 *   - a no-break space right after an accented letter and before a word ("Ã\u00a0");
 *   - a letter of Windows-1252's symbol row (Š, œ, Ž...) right after an accented letter, or a
 *     dash glued between letters, one of them accented ("Ãœbersicht", "Ã–sterreich").
 */

/** Character classes that the marks are written in. */
const enum K {
  Space,
  Upper,
  Lower,
  /** A letter with no case (Hebrew, Arabic, CJK...), or a combining mark. */
  Caseless,
  Digit,
  /** Punctuation that clean text uses all the time (ASCII punctuation, dashes, ellipsis). */
  Punct,
  OpenQuote,
  CloseQuote,
  /** Symbols that a UTF-8 continuation byte reads as in the single-byte pages, rare in clean text. */
  Symbol,
  Control,
  Rare,
}

/** Scripts, for the glued-script mark; 0 is "no script" (digits, punctuation, symbols). */
const enum S {
  None,
  Latin,
  Greek,
  Cyrillic,
  Armenian,
  Hebrew,
  Arabic,
  Indic,
  Thai,
  Hangul,
  Kana,
  Han,
  Other,
}

/** Symbols of the single-byte pages' upper halves that clean prose seldom writes next to a letter. */
const SYMBOLS = new Set(
  Array.from(
    '€‚ƒ†‡ˆ‰‹›˜™•¢¤¥¦§¨©ª¬\u00ad®¯±²³´¶·¸¹º¼½¾¿×÷√∞≈≠≤≥∆∏∑∫Ω◊≡┐└┴┬├─┼╨╤╡╢╖╕╣║╗╝╜╛┘┌█▄▌▐▀░▒▓■∙·⌐¬',
  ).map((c) => c.codePointAt(0)!),
);
/** Symbols that sit before a word as a matter of course ("¡Hola", "£5", "°C" after a number). */
const WORD_OPENERS = new Set(Array.from('¡¿£€$°#§').map((c) => c.codePointAt(0)!));
/** Letters of Windows-1252's 0x80-0x9F row. */
const C1_AREA_LETTERS = new Set([0x0160, 0x0161, 0x0152, 0x0153, 0x017d, 0x017e, 0x0178, 0x0192]);
const OPEN_QUOTES = new Set([0x201c, 0x2018, 0x201e, 0x00ab]);
const CLOSE_QUOTES = new Set([0x201d, 0x00bb]);
const COMMON_PUNCT = new Set([0x2019, 0x2013, 0x2014, 0x2026, 0x2022, 0x00b0, 0x2032, 0x2033]);

/** Blocks that decoding real text as if it were mojibake tends to land in, and writing rarely uses. */
function isRareBlock(cp: number): boolean {
  return (
    (cp >= 0x0180 && cp <= 0x024f && !(cp >= 0x01cd && cp <= 0x01dc) && !(cp >= 0x0218 && cp <= 0x021b)) || // Latin Extended-B, less Pinyin and Romanian
    (cp >= 0x0250 && cp <= 0x02ff && cp !== 0x02c6 && cp !== 0x02dc && cp !== 0x02bc) || // IPA and modifier letters
    (cp >= 0x0370 && cp <= 0x0385) || // Greek tonos and numerals
    (cp >= 0x0460 && cp <= 0x048f) || // historic Cyrillic
    (cp >= 0x0500 && cp <= 0x058f) || // Cyrillic supplement, Armenian
    (cp >= 0x0700 && cp <= 0x08ff) || // Syriac, Thaana, N'Ko and other rare scripts
    (cp >= 0xe000 && cp <= 0xf8ff) || // private use
    (cp >= 0xd800 && cp <= 0xdfff) || // a lone surrogate
    cp === 0xfffe ||
    cp === 0xffff
  );
}

function scriptOf(cp: number): S {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? S.Latin : S.None;
  if (cp >= 0xc0 && cp <= 0x024f) return cp === 0xd7 || cp === 0xf7 ? S.None : S.Latin;
  if (cp >= 0x1e00 && cp <= 0x1eff) return S.Latin;
  if (cp >= 0x0370 && cp <= 0x03ff) return S.Greek;
  if (cp >= 0x0400 && cp <= 0x052f) return S.Cyrillic;
  if (cp >= 0x0530 && cp <= 0x058f) return S.Armenian;
  if (cp >= 0x0590 && cp <= 0x05ff) return S.Hebrew;
  if (cp >= 0x0600 && cp <= 0x06ff) return S.Arabic;
  if (cp >= 0x0900 && cp <= 0x0dff) return S.Indic;
  if (cp >= 0x0e00 && cp <= 0x0e7f) return S.Thai;
  if ((cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x1100 && cp <= 0x11ff)) return S.Hangul;
  if (cp >= 0x3040 && cp <= 0x30ff) return S.Kana;
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef)) return S.Han;
  if (cp >= 0x0300 && cp <= 0x036f) return S.None; // combining marks take the script of their base
  return S.Other;
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}|\p{Lt}/u;
const LOWER = /\p{Ll}/u;
const MARK = /\p{M}/u;
const NUMBER = /\p{N}/u;
const PUNCT = /\p{P}/u;

function classOf(cp: number): K {
  if (cp === 0x20 || cp === 0x0a || cp === 0x09 || cp === 0x0d) return K.Space;
  if (cp < 0x80) {
    if (cp >= 0x41 && cp <= 0x5a) return K.Upper;
    if (cp >= 0x61 && cp <= 0x7a) return K.Lower;
    if (cp >= 0x30 && cp <= 0x39) return K.Digit;
    if (cp < 0x20 || cp === 0x7f) return K.Control;
    return K.Punct;
  }
  if (cp <= 0x9f) return K.Control;
  if (cp === 0xa0) return K.Space;
  if (OPEN_QUOTES.has(cp)) return K.OpenQuote;
  if (CLOSE_QUOTES.has(cp)) return K.CloseQuote;
  if (COMMON_PUNCT.has(cp)) return K.Punct;
  if (SYMBOLS.has(cp)) return K.Symbol;
  if (isRareBlock(cp)) return K.Rare;
  const ch = String.fromCodePoint(cp);
  if (UPPER.test(ch)) return K.Upper;
  if (LOWER.test(ch)) return K.Lower;
  if (LETTER.test(ch) || MARK.test(ch)) return K.Caseless;
  if (NUMBER.test(ch)) return K.Digit;
  if (PUNCT.test(ch)) return K.Punct;
  return K.Symbol;
}

function isLetter(k: K): boolean {
  return k === K.Upper || k === K.Lower || k === K.Caseless;
}

/**
 * The oddness of `cps` (code points). Marks that involve only the first or the last code point
 * are not counted: those two are context, and whatever is odd about them alone is the same before
 * and after a repair between them.
 */
export function oddness(cps: readonly number[]): number {
  const n = cps.length;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const cp = cps[i]!;
    const k = classOf(cp);
    const inner = i > 0 && i < n - 1;
    if (inner && k === K.Control) odd += 3;
    if (inner && k === K.Rare) odd += 2;
    if (i === 0) continue;
    const pcp = cps[i - 1]!;
    const pk = classOf(pcp);
    // Rare symbols glued to a non-ASCII letter, or to each other.
    if (k === K.Symbol && ((isLetter(pk) && pcp >= 0x80) || pk === K.Symbol)) odd += 1;
    if (pk === K.Symbol && isLetter(k) && !WORD_OPENERS.has(pcp)) odd += 1;
    // A no-break space right after an accented letter, not before punctuation ("Ã\u00a0": the
    // bytes of "à"); French typography puts one before "!", "?", ":", ";" and "»".
    if (pcp === 0xa0 && i >= 2 && cps[i - 2]! >= 0xc0 && isLetter(classOf(cps[i - 2]!)) && k !== K.Punct && k !== K.CloseQuote) odd += 1;
    // A letter that Windows-1252 keeps among its symbols (Š, œ, Ž, Ÿ, ƒ...) right after an
    // accented letter ("Ãœ" is the "Ü" of "Übersicht").
    if (C1_AREA_LETTERS.has(cp) && pcp >= 0xc0 && isLetter(pk)) odd += 1;
    // A dash glued between two letters, one of them accented ("Ã–sterreich", "—Å—Ç"): words
    // joined by a dash are spaced or plain ASCII ("Paris–London").
    if (pk === K.Punct && (pcp === 0x2013 || pcp === 0x2014) && i >= 2 && isLetter(k) && isLetter(classOf(cps[i - 2]!)) && (cp >= 0x80 || cps[i - 2]! >= 0x80)) odd += 1;
    // Quotes on the wrong side of a word.
    if (k === K.OpenQuote && pk !== K.Space && pk !== K.OpenQuote && pk !== K.Punct) odd += 1;
    if (pk === K.CloseQuote && (isLetter(k) || k === K.Digit || k === K.Symbol)) odd += 1;
    // Case changing inside a word.
    if (k === K.Upper && pk === K.Lower && cp >= 0x80) odd += 1;
    if (k === K.Lower && pk === K.Upper && i >= 2 && classOf(cps[i - 2]!) === K.Upper && (cp >= 0x80 || pcp >= 0x80)) odd += 1;
    // Scripts glued together.
    if (isLetter(k) && isLetter(pk)) {
      const a = scriptOf(pcp);
      const b = scriptOf(cp);
      if (a !== b && a !== S.None && b !== S.None && !(a === S.Kana && b === S.Han) && !(a === S.Han && b === S.Kana)) odd += 1;
    }
  }
  // A letter of a non-Latin script with no letter of its script beside it, in Latin text.
  for (let i = 1; i < n - 1; i++) {
    if (!isLetter(classOf(cps[i]!))) continue;
    const s = scriptOf(cps[i]!);
    if (s === S.Latin || s === S.None || s === S.Han) continue;
    const a = scriptOf(cps[i - 1]!);
    const b = scriptOf(cps[i + 1]!);
    if (a !== s && b !== s) odd += 1;
  }
  return odd;
}
