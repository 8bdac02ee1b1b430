/**
 * Words glued where a dash was lost: scraped copy that had "hands — Warmbier" or
 * "exception — and" often arrives as "handsWarmbier" and "exceptionand" (the dash and its spaces
 * were dropped together). Two tells, with the evidence each needs:
 *
 *   1. Camel-case glue: a lower-case word of 2+ letters runs straight into a capitalised word
 *      ("handsWarmbier"). Brand and name spellings are kept: the token must start lower-case
 *      (so "YouTube", "McCain", "PayPal" are never touched), the first part needs 2+ letters
 *      ("iPhone", "eBay"), the second part a capital then 2+ lower-case letters ("macOS", "PhD"),
 *      a short list of lower-case name particles is skipped ("deGrasse", "van", "von"), and
 *      handles, hashtags, URLs and code (@, #, /, ., _ around the token) are left alone.
 *   2. Function-word glue: a word runs into "and", "but", "the", "which", "while"...
 *      ("exceptionand"). Many real words end that way (husband, thousand, island, meanwhile,
 *      somewhere, breathe), so the token must not be a known word, and the part before the
 *      function word must look like a word of its own: either it ends in a derivational suffix
 *      (-tion, -ment, -ness, -ity, -ed, -ing, -ly...) or, only when the same text also has
 *      camel-case glue (the damage is then known to be there: the pair is the tell), it is
 *      written as a word elsewhere in the text. Without camel-case glue we also ask for a
 *      longer first part. Tuned on the seed articles and on invented near misses in the tests.
 */
import type { Span } from '../model/index.js';
import type { Edit } from './offsets.js';

/** What a lost dash is put back as. */
const DASH = ' \u2014 ';

/** Lower-case particles that start real camel-case names ("deGrasse", "vanDyke"). */
const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'di', 'da', 'du', 'del', 'della', 'des', 'la', 'le', 'van', 'von', 'der', 'den', 'mc', 'mac', 'al', 'el', 'bin', 'ibn', 'dos', 'das']);

/** Function words a glued token may end with. */
const FUNCTION_WORDS: readonly string[] = ['which', 'while', 'though', 'where', 'when', 'whose', 'with', 'that', 'and', 'but', 'the', 'who'];

/** Real words that end in one of FUNCTION_WORDS (our own list; the suffix test already rules most others out). */
const KNOWN_WORDS: ReadonlySet<string> = new Set([
  'husband', 'thousand', 'thousands', 'command', 'demand', 'understand', 'misunderstand', 'withstand', 'island', 'brigand', 'expand',
  'grand', 'errand', 'contraband', 'mainland', 'highland', 'homeland', 'heartland', 'wasteland', 'farmland', 'woodland', 'lowland',
  'hinterland', 'broadband', 'headband', 'wristband', 'disband', 'reprimand', 'remand', 'secondhand', 'firsthand', 'offhand',
  'shorthand', 'longhand', 'beforehand', 'underhand', 'handstand', 'grandstand', 'bandstand', 'newsstand', 'backhand', 'deckhand',
  'farmhand', 'countermand', 'wonderland', 'borderland', 'motherland', 'fatherland', 'dreamland', 'grassland', 'wetland', 'parkland',
  'marshland', 'moorland', 'upland', 'inland', 'midland', 'gland', 'bland', 'strand', 'stand', 'wand', 'sand', 'hand', 'land', 'band',
  'brand', 'quicksand', 'ampersand', 'garland', 'headland', 'scotland', 'rearland', 'outstand', 'firebrand', 'armband', 'husbandand',
  'breathe', 'bathe', 'clothe', 'loathe', 'soothe', 'seethe', 'teethe', 'writhe', 'lathe', 'tithe', 'blithe', 'scythe', 'lithe', 'absinthe',
  'debut', 'rebut', 'halibut', 'abut', 'meanwhile', 'erstwhile', 'worthwhile', 'awhile', 'somewhere', 'elsewhere', 'anywhere',
  'everywhere', 'nowhere', 'forthwith', 'herewith', 'therewith', 'wherewith', 'although', 'sandwich', 'whenwhere',
]);

/** Endings that mark the first part of a glued token as a word in its own right. */
const WORD_SUFFIX = /(?:tion|sion|ment|ness|ity|ies|ed|ing|ly|ance|ence|ism|ist|ship|hood|ful|ous|ive|ical|ure|ers|ors)$/;
/** Shortest first part of a function-word glue: with camel-case glue in the text / without. */
const MIN_PREFIX_WITH_CAMEL = 4;
const MIN_PREFIX_ALONE = 6;

/**
 * The candidates of both tells, over the runs of ASCII letters (each run as the regexes'
 * lookarounds delimit it; each run is looked at once, and a 5 MB text with almost no glue costs
 * two native scans, CAMEL_SEED and FUNCTION_SEED, that stop only near candidates). They are the
 * matches of
 *   camel:    /(?<![A-Za-z])([a-z]{2,40})([A-Z][a-z]{2,40})(?![A-Za-z])/g
 *   function: /(?<![A-Za-z])([a-z]{MIN_PREFIX_WITH_CAMEL,40})(which|while|...|who)(?![A-Za-z])/g
 * Those regexes were a fifth of extract's time: the function-word one backtracked through every
 * prefix length of every lower-case word to try the twelve endings (a hand loop over every
 * letter, which replaced them, was still the biggest item of extract). A run is a camel candidate
 * when it is lower{2,40} Upper lower{2,40}; a function candidate when it is all lower case and
 * ends in a function word after a prefix of the allowed length (no function word ends another,
 * so the ending is unique).
 */
const PART_MIN = 2;
const PART_MAX = 40;
interface Candidate {
  start: number;
  end: number;
  /** The part before the capital or the function word. */
  prefix: string;
  word: string;
}
function candidates(text: string): { camelRuns: Candidate[]; functionRuns: Candidate[] } {
  const camelRuns: Candidate[] = [];
  const functionRuns: Candidate[] = [];
  CAMEL_SEED.lastIndex = 0;
  for (let m = CAMEL_SEED.exec(text); m; m = CAMEL_SEED.exec(text)) {
    const { start, end, uppers, firstUpper } = runAround(text, m.index);
    CAMEL_SEED.lastIndex = end; // one look per run
    if (uppers !== 1) continue;
    const head = firstUpper - start;
    const tail = end - firstUpper - 1;
    if (head >= PART_MIN && head <= PART_MAX && tail >= PART_MIN && tail <= PART_MAX) {
      const word = text.slice(start, end);
      camelRuns.push({ start, end, prefix: word.slice(0, head), word });
    }
  }
  FUNCTION_SEED.lastIndex = 0;
  for (let m = FUNCTION_SEED.exec(text); m; m = FUNCTION_SEED.exec(text)) {
    const { start, end: i, uppers } = runAround(text, m.index);
    const length = i - start;
    if (uppers > 0 || length < MIN_PREFIX_WITH_CAMEL + 3) continue;
    // only the function words ending in the run's last letter can end it (at most four of twelve)
    for (const f of FUNCTION_WORDS_BY_LAST[text.charCodeAt(i - 1) - 97] ?? NO_WORDS) {
      const prefix = length - f.length;
      if (prefix < MIN_PREFIX_WITH_CAMEL || prefix > PART_MAX || !text.startsWith(f, i - f.length)) continue;
      const word = text.slice(start, i);
      functionRuns.push({ start, end: i, prefix: word.slice(0, prefix), word });
      break;
    }
  }
  return { camelRuns, functionRuns };
}
/**
 * Where the runs of the two tells can be: a camel candidate holds two lower-case letters and a
 * capital, a function candidate ends in a function word after a lower-case letter. A native scan
 * finds these few places (about one per article), and only the run around each is read by hand:
 * reading every letter of the text in a loop was the scan's cost.
 */
const CAMEL_SEED = /[a-z]{2}[A-Z]/g;
const FUNCTION_SEED = new RegExp(`[a-z](?:${FUNCTION_WORDS.join('|')})(?![A-Za-z])`, 'g');
/** The run of ASCII letters holding position `at`, and its capitals (the count and the first). */
function runAround(text: string, at: number): { start: number; end: number; uppers: number; firstUpper: number } {
  let start = at;
  while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  let end = at;
  let uppers = 0;
  let firstUpper = -1;
  for (; end < text.length; end++) {
    const d = text.charCodeAt(end);
    if (d >= 97 && d <= 122) continue;
    if (d >= 65 && d <= 90) {
      if (uppers++ === 0) firstUpper = end;
      continue;
    }
    break;
  }
  // the capitals before `at` (none for the seeds' runs of interest, but counted all the same)
  for (let k = at - 1; k >= start; k--) {
    const d = text.charCodeAt(k);
    if (d >= 65 && d <= 90) {
      uppers++;
      firstUpper = k;
    }
  }
  return { start, end, uppers, firstUpper };
}
function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
const TOKEN = /[A-Za-z]+/g;
/** FUNCTION_WORDS by the code of their last letter less 97 ('a'), each list in FUNCTION_WORDS' order. */
const FUNCTION_WORDS_BY_LAST: readonly (readonly string[] | undefined)[] = (() => {
  const out: string[][] = [];
  for (const f of FUNCTION_WORDS) (out[f.charCodeAt(f.length - 1) - 97] ??= []).push(f);
  return out;
})();
const NO_WORDS: readonly string[] = [];

export interface GluedRepair {
  /** The glued token in this step's text. */
  span: Span;
  /** Where the dash goes. */
  at: number;
}

/** Finds glued words and the dash insertions that repair them. */
export function findGluedWords(text: string): { repairs: GluedRepair[]; edits: Edit[] } {
  const camel: GluedRepair[] = [];
  const { camelRuns, functionRuns } = candidates(text);
  for (const g of camelRuns) {
    if (NAME_PARTICLES.has(g.prefix) || !isStandalone(text, g.start, g.end)) continue;
    camel.push({ span: { start: g.start, end: g.end }, at: g.start + g.prefix.length });
  }
  const lower: { span: Span; at: number; prefix: string }[] = [];
  for (const g of functionRuns) {
    if (KNOWN_WORDS.has(g.word) || !isStandalone(text, g.start, g.end)) continue;
    lower.push({ span: { start: g.start, end: g.end }, at: g.start + g.prefix.length, prefix: g.prefix });
  }
  const repairs: GluedRepair[] = [...camel];
  if (lower.length > 0) {
    const hasCamel = camel.length > 0;
    // Built only when a candidate needs it: a million-word set is not free.
    let words: Set<string> | null = null;
    const isWordElsewhere = (w: string): boolean => (words ??= wordsOf(text)).has(w);
    for (const g of lower) {
      const suffixed = WORD_SUFFIX.test(g.prefix);
      const ok = hasCamel
        ? g.prefix.length >= MIN_PREFIX_WITH_CAMEL && (suffixed || isWordElsewhere(g.prefix))
        : g.prefix.length >= MIN_PREFIX_ALONE && suffixed;
      if (ok) repairs.push({ span: g.span, at: g.at });
    }
  }
  repairs.sort((a, b) => a.at - b.at);
  return { repairs, edits: repairs.map((r) => ({ start: r.at, end: r.at, insert: DASH })) };
}

/** True when a letter token is a word of prose: not part of a handle, hashtag, URL, path, identifier or number. */
function isStandalone(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text[start - 1]! : ' ';
  const after = end < text.length ? text[end]! : ' ';
  if ('@#/_\\$&=<'.includes(before) || /[0-9]/.test(before) || '_/\\@=>'.includes(after) || /[0-9]/.test(after)) return false;
  if (before === '.' && start > 1 && /[A-Za-z]/.test(text[start - 2]!)) return false; // "example.someThing"
  if (after === '.' && end + 1 < text.length && /[A-Za-z]/.test(text[end + 1]!)) return false; // "someThing.com"
  return true;
}

function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) words.add(m[0].toLowerCase());
  return words;
}
