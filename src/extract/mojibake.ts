/**
 * Mojibake: text that was written as UTF-8 and read back through a single-byte code page
 * (Windows-1252 or Latin-1 most often; Windows-1251, Windows-1250, Mac Roman, the DOS page), so
 * "’" became "â€™", "é" became "Ã©", "à" became "Г ". The model is the damage itself: for each
 * code page, every character is turned back into its byte, and where the bytes form a valid
 * UTF-8 sequence (a lead byte and its continuation bytes) the sequence is a candidate. A
 * candidate is repaired only when the repaired text is clearly more plausible than the damaged
 * one (mojibake-oddness.ts): "CAFÉ’s", "MARQUÉ…", "“×” curves" and "2012—∞" are all valid
 * sequences too, and must stay. The recipe, for one pass (repair.ts runs passes until nothing
 * changes, which undoes text damaged two or three times over):
 *
 *   1. Whole text: when one code page turns every non-ASCII character of the text into valid
 *      UTF-8, the text as a whole is decoded if that lowers its oddness. Bytes lost on the way
 *      ("?" or U+FFFD standing for a continuation byte, the no-break space of "Ã " turned into a
 *      plain space) are allowed here, where the rest of the text vouches for the damage.
 *   2. Sequences one by one, when no code page explains the whole text (mojibake mixed with
 *      clean text): each candidate is repaired when its neighbourhood gets less odd; a lossy
 *      one or a lone "Ã " only when a sure repair of the same code page was made in the text.
 *   3. Lone C1 controls (U+0080-U+009F) that Windows-1252 gives a meaning to are read as it does
 *      (a "\u0093" between words is a lost “), when nothing else was repaired in the pass.
 */
import type { Edit } from './offsets.js';
import { CODE_PAGES, type CodePage } from './mojibake-codepages.js';
import { oddness } from './mojibake-oddness.js';

/** Characters of context taken on each side of a candidate when its oddness is compared. */
const CONTEXT = 2;
/** How much less odd a whole text must get to be decoded as a whole (1: any clear drop). */
const MIN_WHOLE_DROP = 1;
/**
 * Words that follow Portuguese "à" with no space (crasis: "às", "àquele", "àquilo"): after "Ã "
 * the space before them stood for the lost no-break-space byte, not for a word break.
 */
const CRASIS_TAILS = /^(?:s\s|quel[ae]s?(?!\p{L})|quilo(?!\p{L}))/u;

/**
 * Lead bytes whose sequence with A0 is a common character (no-break space, "à", "Š", "Π", "Р"),
 * so a space after them may be a lost A0. After other two-byte leads a space is a space; in a
 * longer sequence only its last byte is taken for a lost A0 ("à¸ " for "ภ").
 */
const SPACE_LEADS = new Set([0xc2, 0xc3, 0xc5, 0xce, 0xd0]);

interface Page {
  page: CodePage;
  /** Byte of each character of the upper half. */
  byteOf: Map<number, number>;
}

const PAGES: readonly Page[] = CODE_PAGES.map((page) => {
  const byteOf = new Map<number, number>();
  // A C1 control stands for its own byte (text read as Latin-1 keeps them), unless the page
  // gives that byte a character (then the character stands for it).
  for (let k = 0; k < 32; k++) byteOf.set(0x80 + k, 0x80 + k);
  for (let k = 0; k < 128; k++) byteOf.set(page.high.charCodeAt(k), 0x80 + k);
  return { page, byteOf };
});

/** Letters that stand for a SPACE_LEADS byte in some page: only after one may a space be a lost A0. */
const SPACE_LEAD_CHARS: ReadonlySet<number> = new Set(
  PAGES.flatMap((p) => [...p.byteOf].filter(([c, b]) => SPACE_LEADS.has(b) && /\p{L}/u.test(String.fromCharCode(c))).map(([c]) => c)),
);

const WINDOWS_1252 = PAGES[0]!;

interface Candidate {
  start: number;
  end: number;
  insert: string;
  /** A byte was guessed: "?" / U+FFFD for a lost continuation byte, a space for a no-break byte. */
  lossy: boolean;
}

function continuationCount(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return 0;
}

function byteOfChar(p: Page, c: number): number {
  return c < 0x80 ? c : (p.byteOf.get(c) ?? -1);
}

function isContinuation(b: number): boolean {
  return b >= 0x80 && b <= 0xbf;
}

/** Smallest code point of a sequence of 2, 3, 4 bytes (smaller ones are overlong: invalid). */
const MIN_CODE_POINT = [0, 0, 0x80, 0x800, 0x10000];

/**
 * Reads one UTF-8 sequence of page `p` starting at text position i. Returns the candidate, or
 * null when the characters there do not form one. A lone high surrogate (CESU-8) is paired with
 * the low one that follows.
 */
function readSequence(text: string, i: number, p: Page, lowSurrogate = false): Candidate | null {
  const lead = byteOfChar(p, text.charCodeAt(i));
  const need = continuationCount(lead);
  if (need === 0) return null;
  // The no-break space of "à" (C3 A0) turned into a plain space, or lost before one.
  if (lead === 0xc3 && text.charCodeAt(i + 1) === 0x20 && SPACE_LEAD_CHARS.has(text.charCodeAt(i))) {
    const consume = text.charCodeAt(i + 2) === 0x20 || CRASIS_TAILS.test(text.slice(i + 2, i + 9));
    return { start: i, end: consume ? i + 2 : i + 1, insert: 'à', lossy: true };
  }
  let cp = need === 1 ? lead & 0x1f : need === 2 ? lead & 0x0f : lead & 0x07;
  let lost = false;
  let guessed = false;
  for (let k = 1; k <= need; k++) {
    const c = text.charCodeAt(i + k);
    if (Number.isNaN(c)) return null;
    let b = byteOfChar(p, c);
    if (!isContinuation(b)) {
      if (c === 0x20 && (need > 1 ? k === need : SPACE_LEAD_CHARS.has(text.charCodeAt(i)))) {
        guessed = true; // a no-break-space byte (0xA0) that became a plain space
        b = 0xa0;
      } else if (c === 0xfffd || (c === 0x3f && k > 1)) {
        lost = true; // a continuation byte lost on the way: "?" or U+FFFD
        b = 0x80;
      } else return null;
    }
    cp = (cp << 6) | (b & 0x3f);
  }
  if (cp < MIN_CODE_POINT[need + 1]! || cp > 0x10ffff) return null;
  let end = i + need + 1;
  if (cp >= 0xd800 && cp <= 0xdbff && !lost) {
    const low = need === 2 ? readSequence(text, end, p, true) : null;
    const lowCp = low && !low.lossy && low.insert.length === 1 ? low.insert.charCodeAt(0) : -1;
    if (lowCp < 0xdc00 || lowCp > 0xdfff) return null;
    cp = 0x10000 + ((cp - 0xd800) << 10) + (lowCp - 0xdc00);
    end = low!.end;
  } else if (cp >= 0xd800 && cp <= 0xdfff && !lost && !lowSurrogate) return null;
  return { start: i, end, insert: lost ? '\ufffd' : String.fromCodePoint(cp), lossy: lost || guessed };
}

interface Scan {
  found: Candidate[];
  /** Every non-ASCII character of the text is in a candidate. */
  covered: boolean;
  /**
   * C1 controls read as their own byte where this page gives the byte a character: text decoded
   * through this page would not hold them, so each one speaks against the page.
   */
  misfits: number;
}

/**
 * Where a sequence may start: a non-ASCII character followed by another one, or a letter that
 * may have lost its A0 byte followed by a space. One native scan of the text; every page then
 * looks only at these places.
 */
const START = new RegExp(
  `[^\\u0000-\\u007f](?=[^\\u0000-\\u007f])|[${[...SPACE_LEAD_CHARS].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}](?= )`,
  'g',
);

function starts(text: string): number[] {
  const at: number[] = [];
  START.lastIndex = 0;
  for (let m = START.exec(text); m; m = START.exec(text)) at.push(m.index);
  return at;
}

/** True when the text holds exactly `n` non-ASCII characters (stops counting past n). */
function hasNonAsciiCount(text: string, n: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80 && ++count > n) return false;
  return count === n;
}

/** Every candidate of page `p` at the places `at`. */
function scan(text: string, p: Page, at: readonly number[]): Scan {
  const found: Candidate[] = [];
  let consumed = 0;
  let misfits = 0;
  let from = 0;
  for (const i of at) {
    if (i < from) continue;
    const c = readSequence(text, i, p);
    if (!c) continue;
    found.push(c);
    from = c.end;
    for (let k = c.start; k < c.end; k++) {
      const x = text.charCodeAt(k);
      if (x >= 0x80) consumed++;
      if (x >= 0x80 && x <= 0x9f && p.page.high.charCodeAt(x - 0x80) !== x) misfits++;
    }
  }
  return { found, covered: found.length > 0 && hasNonAsciiCount(text, consumed), misfits };
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/** CONTEXT code points before `start` (after `end`); the text's edges count as spaces. */
function contextBefore(text: string, start: number): number[] {
  const cps = codePoints(text.slice(Math.max(0, start - CONTEXT - 1), start)).slice(-CONTEXT);
  return cps.length < CONTEXT ? [0x20, ...cps] : cps;
}
function contextAfter(text: string, end: number): number[] {
  const cps = codePoints(text.slice(end, end + CONTEXT + 1)).slice(0, CONTEXT);
  return cps.length < CONTEXT ? [...cps, 0x20] : cps;
}

/** How much less odd the neighbourhood of a run of adjacent candidates gets when they are repaired. */
function gain(text: string, run: readonly Candidate[]): number {
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const before = contextBefore(text, first.start);
  const after = contextAfter(text, last.end);
  const was = oddness([...before, ...codePoints(text.slice(first.start, last.end)), ...after]);
  const now = oddness([...before, ...codePoints(run.map((c) => c.insert).join('')), ...after]);
  return was - now;
}

/** Candidates grouped into runs that touch (one damaged word is one run). */
function runsOf(found: readonly Candidate[]): Candidate[][] {
  const runs: Candidate[][] = [];
  for (const c of found) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1]!.end === c.start) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

function apply(text: string, found: readonly Candidate[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const c of found) {
    parts.push(text.slice(at, c.start), c.insert);
    at = c.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function toEdits(found: readonly Candidate[]): Edit[] {
  return found.map((c) => ({ start: c.start, end: c.end, insert: c.insert }));
}

/** Step 1: the code page that explains the whole text and makes it least odd, if any. */
function wholeText(text: string, scans: readonly Scan[]): Candidate[] | null {
  let best: Candidate[] | null = null;
  let bestDrop = MIN_WHOLE_DROP - 1;
  let bestMisfits = 0;
  let base = -1;
  for (const s of scans) {
    if (!s.covered || s.found.length === 0) continue;
    if (base < 0) base = oddness([0x20, ...codePoints(text), 0x20]);
    const drop = base - oddness([0x20, ...codePoints(apply(text, s.found)), 0x20]);
    if (drop > bestDrop || (best && drop === bestDrop && s.misfits < bestMisfits)) {
      best = s.found;
      bestDrop = drop;
      bestMisfits = s.misfits;
    }
  }
  return best;
}

/**
 * Step 2: runs of candidates repaired one by one, the surest first; no two overlap. A run with a
 * guessed byte needs a sure run of the same code page elsewhere in the text, and then only must
 * not make things worse.
 */
function oneByOne(text: string, scans: readonly Scan[]): Candidate[] {
  const chosen: { run: Candidate[]; g: number }[] = [];
  for (const s of scans) {
    const runs = runsOf(s.found);
    const sure = runs.filter((run) => run.every((c) => !c.lossy)).map((run) => ({ run, g: gain(text, run) }));
    if (!sure.some((r) => r.g > 0)) continue;
    for (const r of sure) if (r.g > 0) chosen.push({ run: r.run, g: r.g + 0.5 });
    for (const run of runs) {
      if (run.every((c) => !c.lossy)) continue;
      const g = gain(text, run);
      if (g >= 0) chosen.push({ run, g });
    }
  }
  chosen.sort((a, b) => b.g - a.g || a.run[0]!.start - b.run[0]!.start);
  const taken: Candidate[] = [];
  /** Spans of the runs taken, sorted by start (they do not overlap). */
  const spans: { start: number; end: number }[] = [];
  for (const { run } of chosen) {
    const start = run[0]!.start;
    const end = run[run.length - 1]!.end;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (spans[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < spans.length && spans[lo]!.start < end) continue; // overlaps a surer run
    spans.splice(lo, 0, { start, end });
    taken.push(...run);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Step 3: C1 controls that Windows-1252 reads as characters. */
const C1 = /[\u0080-\u009f]/g;
function c1Controls(text: string): Edit[] {
  const edits: Edit[] = [];
  C1.lastIndex = 0;
  for (let m = C1.exec(text); m; m = C1.exec(text)) {
    const ch = WINDOWS_1252.page.high.charCodeAt(text.charCodeAt(m.index) - 0x80);
    if (ch >= 0x80 && ch <= 0x9f) continue; // undefined in Windows-1252: left to normalising
    edits.push({ start: m.index, end: m.index + 1, insert: String.fromCharCode(ch) });
  }
  return edits;
}

/** Edits that undo one layer of mojibake in `text` (empty when it looks clean). */
export function findMojibake(text: string): Edit[] {
  const at = starts(text);
  if (at.length > 0) {
    const scans = PAGES.map((p) => scan(text, p, at));
    const whole = wholeText(text, scans);
    if (whole) return toEdits(whole);
    const some = oneByOne(text, scans);
    if (some.length > 0) return toEdits(some);
  }
  return c1Controls(text);
}

/** Most layers of damage undone (text mis-decoded three times over is about the worst seen). */
export const MOJIBAKE_PASSES = 3;

/** The text with its mojibake undone, layer by layer (the string form of repair.ts's step). */
export function repairEncoding(text: string): string {
  let t = text;
  for (let pass = 0; pass < MOJIBAKE_PASSES; pass++) {
    const edits = findMojibake(t);
    if (edits.length === 0) break;
    const parts: string[] = [];
    let at = 0;
    for (const e of edits) {
      parts.push(t.slice(at, e.start), e.insert);
      at = e.end;
    }
    parts.push(t.slice(at));
    t = parts.join('');
  }
  return t;
}
