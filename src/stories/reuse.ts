/**
 * Text reuse inside a story: who copied whom. Word 5-gram shingles over normalised words are
 * hashed into one inverted index for the story; shingles shared by two articles are chained
 * along their diagonals into maximal shared passages, mapped back to spans in both texts.
 * `share` is the fraction of `to`'s words covered by passages shared with `from`.
 */
import { evidence, type Reuse } from '../model/index.js';
import { DERIVATION_THRESHOLDS, DERIVATION_WEIGHTS, DIRECTION_WEIGHTS, WHOLLY_WEIGHTS } from './derivation.data.js';
import { DocumentFrequency } from './group/df.js';
import { bylineSentences, type Prepared } from './prepare.js';
import { stem } from './stem.js';
import { isContentWord, type Word } from './words.js';

// Tuned on a wire story and its rewrites (reuse.test.ts, origins.test.ts) and the seeds,
// which share no passage of 8 words: their common words are paraphrase, not copy.
export const REUSE = {
  /** Words per shingle. */
  shingle: 5,
  /** Shortest passage counted and listed (a lone 5-word coincidence is not reuse). */
  minPassageWords: 6,
  /** A pair is reported when it shares a passage this long... (8 was too short: two
   *  independent reports of an accident both wrote "people were injured in the collision, three
   *  of them seriously"; set phrases of news style run that long without any copying) */
  reportPassageWords: 12,
  /** ...or when this share of the copy's words is covered. */
  reportShare: 0.1,
  /** A shingle found in more places than this is boilerplate and proposes nothing. */
  maxPostings: 200,
  /**
   * Pairs listed per copy: its strongest sources. Origins are found from every pair first; the
   * list then keeps what a reader follows ("this copies that"). All pairs of 150 rewrites of one
   * wire story were 1,800 pairs and 4 MB of passages; 200 of them would be 20,000.
   */
  sourcesPerCopy: 3,
  /** A copy's further source is listed only when this share of the passages it shares with it
   *  is not already in passages shared with a stronger source (strongestSources). */
  newWordsShare: 0.25,
  /** A candidate source that copies another candidate of the same copy yields to it unless its
   *  share is higher by more than this (strongestSources). */
  relayShareMargin: 0.1,
  /**
   * Undated pairs: how far from 0 the edit-shape score (directionFeatures under the shipped
   * DIRECTION_WEIGHTS) must be for the direction it gives; nearer, the older rules decide (the
   * copy's passage-holding sentences are the fuller, else the copy is the more covered text).
   * The weights are learnt on METER, where a paper often joins several wire versions and so is
   * longer than each: a weak score leans on that corpus's habit more than on the edit's shape.
   * Out of fold on METER (eval/meter.ts's 756 wire/derived pairs, 5 folds by catchline, the day
   * of writing first, the weights fitted on the pairs it leaves): right for 0.885 at 0.75 and at
   * 1. Before the day of writing (weights fitted on every pair, no day rule): 0.802 at 0, 0.794
   * at 0.75, 0.790 at 1. 1 leaves to the older rules a rewrite that only keeps one whole sentence
   * of a longer wire story (reuse.test.ts; score -0.82 there), which a margin under 0.83 turns round.
   * With the rest of the story among the features (restShare): 0.898 at 1. Then re-chosen
   * (derivation-train.ts chooseDirectionMargin, on the day-undecided pairs with the shipped
   * weights, no lower than DIRECTION_MARGIN_FLOOR; in eval/meter.ts on the 4 training folds): 0.9.
   */
  directionMargin: 0.9,
  /** Rarest content stems per article posted to find rewrite candidates, ... */
  derivationKeys: 12,
  /** ...how many of them a candidate must share, ... */
  derivationMinShared: 3,
  /** ...and the candidates scored per article. */
  derivationCandidates: 5,
  /**
   * A copy shorter than this is not called a rewrite: two one-line reports of a fact share most
   * of their words anyway (reuse.test.ts: 17 and 18 words). Was 40: METER's 25 labelled papers
   * of 20 to 39 words are all derived (19 wholly), and none of them was linked to its wire text
   * (golden case short-rewrite-brief). Halves of the catchlines (eval/meter.ts's folds, 2):
   * 20 against 40 links 42 against 41 of 56 and 57 against 50 of 78 wholly derived papers to
   * their wire text, the non-derived linked unchanged (3/69, 4/38); 20, 25, 30, 35 in between.
   */
  derivationMinWords: 20,
  /** Derivation probability that links a rewrite to its source (findDerivations). */
  minDerivation: 0.9,
} as const;

export interface Passage {
  aStart: number;
  bStart: number;
  length: number;
}

/**
 * The pairs worth listing: for each copy (`to`), its `sourcesPerCopy` strongest sources, in the
 * list's order; a further source only when at least `newWordsShare` of what the copy shares with
 * it lies outside what it shares with the sources kept before. Two papers that both reprint the
 * wire share the wire's words with each other too: the wire explains them, and "the Record copies
 * the Beacon" would be a false lead (the full list still feeds the origins).
 */
export function strongestSources(reuse: readonly Reuse[]): Reuse[] {
  // A candidate source that itself copies another candidate of the same copy, with about the same
  // share, comes after it: nine rewrites of one wire share a closing phrase or two besides the
  // wire's text, and the wire, not the first rewrite, is what a reader should follow.
  const copies = new Set(reuse.map((r) => `${r.from}\u0000${r.to}`));
  const byCopy = new Map<string, Reuse[]>();
  for (const r of reuse) byCopy.set(r.to, [...(byCopy.get(r.to) ?? []), r]);
  const rank = new Map<Reuse, number>();
  for (const list of byCopy.values()) {
    const demoted = (b: Reuse): boolean => list.some((a) => a !== b && copies.has(`${a.from}\u0000${b.from}`) && a.share >= b.share - REUSE.relayShareMargin);
    const ordered = [...list.filter((r) => !demoted(r)), ...list.filter(demoted)];
    ordered.forEach((r, i) => rank.set(r, i));
  }
  const kept = new Map<string, { count: number; spans: { start: number; end: number }[] }>();
  const order = [...byCopy.values()].flatMap((list) => [...list].sort((x, y) => (rank.get(x) ?? 0) - (rank.get(y) ?? 0)));
  const keep = new Set(
    order.filter((r) => {
      const k = kept.get(r.to) ?? { count: 0, spans: [] };
      kept.set(r.to, k);
      if (k.count >= REUSE.sourcesPerCopy) return false;
      const mine = r.passages.map((p) => p.to.span);
      if (k.count > 0) {
        let total = 0;
        let fresh = 0;
        for (const s of mine) {
          total += s.end - s.start;
          fresh += s.end - s.start - overlapWith(s, k.spans);
        }
        if (total === 0 || fresh < REUSE.newWordsShare * total) return false;
      }
      k.count++;
      k.spans.push(...mine);
      return true;
    }),
  );
  return reuse.filter((r) => keep.has(r));
}

/** Characters of `s` inside any of `spans`, counted once (spans may overlap each other). */
function overlapWith(s: { start: number; end: number }, spans: readonly { start: number; end: number }[]): number {
  const cuts = spans
    .map((x) => [Math.max(s.start, x.start), Math.min(s.end, x.end)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let upTo = s.start;
  for (const [a, b] of cuts) {
    const from = Math.max(a, upTo);
    if (b > from) covered += b - from;
    upTo = Math.max(upTo, b);
  }
  return covered;
}

/** Reuse between the articles of one story (indices into `prepared`), sorted by share. */
export function findReuse(prepared: readonly Prepared[], members: readonly number[]): Reuse[] {
  const pairs = storyPassages(prepared, members);
  const rest = restOfStory(prepared, members, pairs);
  const m = members.length;
  const out: Reuse[] = [];
  for (const [key, passages] of pairs) {
    const a = Math.floor(key / m);
    const b = key % m;
    const pa = prepared[members[a] ?? 0];
    const pb = prepared[members[b] ?? 0];
    if (!pa || !pb) continue;
    const reuse = toReuse(pa, pb, passages, rest(a, b));
    if (reuse) out.push(reuse);
  }
  return out.sort((x, y) => y.share - x.share || cmp(x.from, y.from) || cmp(x.to, y.to));
}

/**
 * The passages (6+ words) of every pair of a story's members that shares one, from one inverted
 * index of the story's shingles: key a * members.length + b (positions in `members`, a < b),
 * passages with aStart in a, bStart in b; keys ascending.
 */
export function storyPassages(prepared: readonly Prepared[], members: readonly number[]): Map<number, Passage[]> {
  const norms = members.map((i) => (prepared[i]?.words ?? []).map((w) => w.norm.replace(/['’]s$/, '')));
  const hashes = norms.map(shingleHashes);
  const postings = new Map<number, number[]>();
  hashes.forEach((hs, a) => {
    hs.forEach((h, pos) => {
      const list = postings.get(h) ?? [];
      if (list.length > REUSE.maxPostings * 2) return;
      list.push(a, pos);
      postings.set(h, list);
    });
  });
  // Matches per pair of articles (a < b): positions of equal shingles.
  const matches = new Map<number, number[]>();
  const m = members.length;
  for (const list of postings.values()) {
    if (list.length < 4 || list.length > REUSE.maxPostings * 2) continue;
    for (let x = 0; x < list.length; x += 2) {
      for (let y = x + 2; y < list.length; y += 2) {
        const a = list[x] ?? 0;
        const b = list[y] ?? 0;
        if (a === b) continue;
        const [lo, hi, plo, phi] = a < b ? [a, b, list[x + 1] ?? 0, list[y + 1] ?? 0] : [b, a, list[y + 1] ?? 0, list[x + 1] ?? 0];
        const key = lo * m + hi;
        const arr = matches.get(key) ?? [];
        arr.push(plo, phi);
        matches.set(key, arr);
      }
    }
  }
  const out = new Map<number, Passage[]>();
  for (const key of [...matches.keys()].sort((x, y) => x - y)) {
    const passages = chain(matches.get(key) ?? [], norms[Math.floor(key / m)] ?? [], norms[key % m] ?? []);
    if (passages.length > 0) out.set(key, passages);
  }
  return out;
}

/**
 * What the rest of a story shares with one text of a pair: `share`, the share of its words in
 * passages it shares with the story's other members (the pair's other text left out), and
 * `partners`, the share of those other members that share a passage with it.
 */
export interface RestOfStory {
  share: number;
  partners: number;
}

/**
 * For each pair (a, b) of positions in `members` that shares passages (`pairs`, storyPassages),
 * what the rest of the story shares with a and with b. A source that several texts take from is
 * covered by what they took from it (their union), more than any one of them is by the others:
 * each copy adds lines of its own that nobody else has. Cost: each article's covered words once
 * per pair it is in, as the pairs' passages already are.
 */
export function restOfStory(prepared: readonly Prepared[], members: readonly number[], pairs: ReadonlyMap<number, readonly Passage[]>): (a: number, b: number) => [RestOfStory, RestOfStory] {
  const m = members.length;
  // Per member: how many partners cover each of its words, how many words any partner covers,
  // how many partners it has; per pair and side, the side's covered ranges (merged).
  const counts = members.map((i) => new Uint32Array(prepared[i]?.words.length ?? 0));
  const partners = new Uint32Array(m);
  const ranges = new Map<number, [number[], number[]]>();
  for (const [key, passages] of pairs) {
    const a = Math.floor(key / m);
    const b = key % m;
    const ra = merged(passages.map((p) => [p.aStart, p.length]));
    const rb = merged(passages.map((p) => [p.bStart, p.length]));
    ranges.set(key, [ra, rb]);
    for (const [x, r] of [[a, ra], [b, rb]] as const) {
      const c = counts[x] as Uint32Array;
      for (let k = 0; k < r.length; k += 2) for (let i = r[k] as number; i < (r[k + 1] as number) && i < c.length; i++) c[i] = (c[i] as number) + 1;
      partners[x] = (partners[x] as number) + 1;
    }
  }
  const coveredAny = counts.map((c) => c.reduce((n, x) => n + (x > 0 ? 1 : 0), 0));
  const others = Math.max(1, m - 2);
  const side = (x: number, r: readonly number[]): RestOfStory => {
    const c = counts[x] as Uint32Array;
    // Words covered by the pair's other text alone drop out.
    let only = 0;
    for (let k = 0; k < r.length; k += 2) for (let i = r[k] as number; i < (r[k + 1] as number) && i < c.length; i++) if (c[i] === 1) only++;
    return { share: c.length ? ((coveredAny[x] as number) - only) / c.length : 0, partners: ((partners[x] as number) - 1) / others };
  };
  return (a, b) => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const r = ranges.get(lo * m + hi);
    if (r === undefined || m < 3) return [NO_REST, NO_REST];
    const [x, y] = [side(lo, r[0]), side(hi, r[1])];
    return a < b ? [x, y] : [y, x];
  };
}

const NO_REST: RestOfStory = { share: 0, partners: 0 };

/** [start, length] ranges as sorted, disjoint [start, end) pairs, flat. */
function merged(ranges: readonly [number, number][]): number[] {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [s, len] of sorted) {
    const e = s + len;
    if (out.length > 0 && s <= (out[out.length - 1] as number)) out[out.length - 1] = Math.max(out[out.length - 1] as number, e);
    else out.push(s, e);
  }
  return out;
}

function shingleHashes(tokens: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + REUSE.shingle <= tokens.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < REUSE.shingle; k++) {
      const t = tokens[i + k] ?? '';
      for (let c = 0; c < t.length; c++) h = Math.imul(h ^ t.charCodeAt(c), 0x01000193);
      h = Math.imul(h ^ 0x20, 0x01000193);
    }
    out.push(h >>> 0);
  }
  return out;
}

/** Chains matching shingles on the same diagonal into maximal passages, verified word by word. */
function chain(flat: readonly number[], ta: readonly string[], tb: readonly string[]): Passage[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i] ?? 0, flat[i + 1] ?? 0]);
  pairs.sort((x, y) => x[1] - x[0] - (y[1] - y[0]) || x[0] - y[0]);
  const out: Passage[] = [];
  let cur: Passage | null = null;
  for (const [pa, pb] of pairs) {
    if (cur && pb - pa === cur.bStart - cur.aStart && pa <= cur.aStart + cur.length - REUSE.shingle + 1) {
      cur.length = Math.max(cur.length, pa - cur.aStart + REUSE.shingle);
      continue;
    }
    if (cur) out.push(cur);
    cur = { aStart: pa, bStart: pb, length: REUSE.shingle };
  }
  if (cur) out.push(cur);
  return out.filter((p) => p.length >= REUSE.minPassageWords && verified(p, ta, tb));
}

function verified(p: Passage, ta: readonly string[], tb: readonly string[]): boolean {
  for (let k = 0; k < p.length; k++) if (ta[p.aStart + k] !== tb[p.bStart + k]) return false;
  return true;
}

function coveredShare(words: number, ranges: readonly [number, number][]): number {
  if (words === 0) return 0;
  const covered = new Uint8Array(words);
  for (const [s, len] of ranges) for (let k = s; k < s + len && k < words; k++) covered[k] = 1;
  let n = 0;
  for (const c of covered) n += c;
  return n / words;
}

function toReuse(pa: Prepared, pb: Prepared, passages: readonly Passage[], rest: [RestOfStory, RestOfStory] = [NO_REST, NO_REST]): Reuse | null {
  const shareB = coveredShare(pb.words.length, passages.map((p) => [p.bStart, p.length]));
  const shareA = coveredShare(pa.words.length, passages.map((p) => [p.aStart, p.length]));
  const longest = Math.max(...passages.map((p) => p.length));
  const { direction, aIsFrom } = directionOf(pa, pb, () => editDirection(directionFeatures(pa, pb, passages, rest)));
  const share = aIsFrom ? shareB : shareA;
  if (longest < REUSE.reportPassageWords && share < REUSE.reportShare) return null;
  const [from, to] = aIsFrom ? [pa, pb] : [pb, pa];
  const listed = passages
    .map((p) => {
      const [fs, ts] = aIsFrom ? [p.aStart, p.bStart] : [p.bStart, p.aStart];
      return { from: spanOf(from, fs, p.length), to: spanOf(to, ts, p.length) };
    })
    .sort((x, y) => x.to.span.start - y.to.span.start || x.from.span.start - y.from.span.start);
  return { from: from.article.id, to: to.article.id, share: round(share), direction, passages: listed };
}

/**
 * Which of two texts is the source, and why: the earlier when both are dated and differ, else the
 * one the other names as its source, else the one that tells the event as today's against the
 * other's yesterday, else the edit's shape (`edit`, when the two share passages), else not known
 * (the first by id).
 */
function directionOf(pa: Prepared, pb: Prepared, edit: () => ReturnType<typeof editDirection>): { direction: Reuse['direction']; aIsFrom: boolean } {
  if (pa.time !== null && pb.time !== null && pa.time !== pb.time) return { direction: 'published-earlier', aIsFrom: pa.time < pb.time };
  const aCitesB = namesOutlet(pa, pb);
  const bCitesA = namesOutlet(pb, pa);
  // "..., Coastline Press Agency reported": the article that names the other's outlet took from it.
  if (aCitesB !== bCitesA) return { direction: 'cites-source', aIsFrom: bCitesA };
  // One tells the event as today's, the other as yesterday's: the later telling is the copy.
  // (One that says neither was written on a day unknown: no inference.)
  if (dayOfWriting(pa) * dayOfWriting(pb) === -1) return { direction: 'written-later', aIsFrom: dayOfWriting(pa) > 0 };
  const e = edit();
  if (e !== null) return { direction: e.direction, aIsFrom: e.firstIsSource };
  return { direction: 'undetermined', aIsFrom: pa.article.id <= pb.article.id };
}

/** Per article, the sentence of each word (-1 outside every sentence) and each sentence's word count (computed once). */
const SENTENCE_OF = new WeakMap<Prepared, { of: Int32Array; words: Uint32Array }>();

function sentencesOfWords(p: Prepared): { of: Int32Array; words: Uint32Array } {
  let out = SENTENCE_OF.get(p);
  if (out === undefined) {
    const of = new Int32Array(p.words.length).fill(-1);
    const words = new Uint32Array(p.sentences.length);
    let s = 0;
    for (let w = 0; w < p.words.length; w++) {
      const start = (p.words[w] as { start: number }).start;
      while (s < p.sentences.length && (p.sentences[s] as { end: number }).end <= start) s++;
      const sentence = p.sentences[s];
      if (sentence && sentence.start <= start) {
        of[w] = s;
        words[s] = (words[s] as number) + 1;
      }
    }
    out = { of, words };
    SENTENCE_OF.set(p, out);
  }
  return out;
}

/** Words that tell an event as the day of writing's, and as the day before's (not inside other words; "the Today programme" is a name). */
const SAME_DAY_RE = /\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b(?!\s+(?:programme|program|show)\b)/gi;
const DAY_BEFORE_RE = /\b(?:yesterday|last\s+night)\b/gi;

const DAY_OF_WRITING = new WeakMap<Prepared, number>();

/**
 * When a text is written, by how it speaks of the day: 1 when it says "today", "tonight" or "this
 * morning" more often than "yesterday" or "last night", -1 the other way, 0 when neither or even.
 * Of two tellings of one event, the one that calls it yesterday's was written after the one that
 * calls it today's (METER: the papers of the next day against the wire copy of the day, right for
 * 400 of the 400 wire/derived pairs where one is 1 and the other -1; eval/meter.ts). A text at 0
 * says nothing of its day: against one at -1 it was right for 253 of 253 METER pairs, but a copy
 * that drops the source's "yesterday" (reuse.test.ts) shows why it is no evidence.
 */
export function dayOfWriting(p: Prepared): number {
  let out = DAY_OF_WRITING.get(p);
  if (out === undefined) {
    const text = p.article.text;
    const sameDay = text.match(SAME_DAY_RE)?.length ?? 0;
    const dayBefore = text.match(DAY_BEFORE_RE)?.length ?? 0;
    out = Math.sign(sameDay - dayBefore);
    DAY_OF_WRITING.set(p, out);
  }
  return out;
}

/** Names of directionFeatures' values, in order: each is positive when the first text looks like the source. */
export const DIRECTION_FEATURES = ['fill', 'share', 'length', 'gapCount', 'gapWords', 'tail', 'head', 'fullSentences', 'touchedSentences', 'inner', 'restShare'] as const;

/** Where the passages lie in one text: what directionFeatures compares between the two. */
interface PassageShape {
  share: number;
  fill: number;
  /** Share of the words before the first passage, after the last, and unshared between them. */
  head: number;
  tail: number;
  inner: number;
  /** Share of its sentences that hold a passage; of those, the share nearly all passage. */
  touched: number;
  full: number;
}

function passageShape(p: Prepared, ranges: readonly [number, number][]): PassageShape {
  const n = p.words.length;
  const covered = new Uint8Array(n);
  for (const [s, len] of ranges) covered.fill(1, Math.min(n, s), Math.min(n, s + len));
  const { of, words } = sentencesOfWords(p);
  const perSentence = new Map<number, number>();
  let c = 0;
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (!covered[i]) continue;
    c++;
    if (first < 0) first = i;
    last = i;
    const s = of[i] as number;
    if (s >= 0) perSentence.set(s, (perSentence.get(s) ?? 0) + 1);
  }
  let fill = 0;
  let full = 0;
  for (const [s, k] of perSentence) {
    const f = k / (words[s] as number);
    fill += f;
    if (f > 0.9) full++;
  }
  const touchedCount = perSentence.size;
  return {
    share: n ? c / n : 0,
    fill: touchedCount ? fill / touchedCount : 0,
    head: n && first >= 0 ? first / n : 1,
    tail: n && last >= 0 ? (n - 1 - last) / n : 1,
    inner: n && first >= 0 ? (last - first + 1 - c) / n : 0,
    touched: p.sentences.length ? touchedCount / p.sentences.length : 0,
    full: touchedCount ? full / touchedCount : 0,
  };
}

/**
 * The evidence, from the passages two texts share, that `a` is the source and `b` the copy
 * (DIRECTION_FEATURES; each changes sign when a and b swap). An editor who works from a source
 * cuts its sentences down (the copy's passage-holding sentences are fuller), leaves some of its
 * sentences and its end out, rewrites its opening (the source's passages start earlier), and
 * deletes words between the passages it keeps (the source's gaps between consecutive passages
 * are the longer). With the rest of the story (`rest`, restOfStory: what the other members
 * share with a and with b), the source is the text the others took more of, and from more of
 * them (the wire most copies derive from); both 0 for a story of two. No date, outlet or format
 * is read.
 */
export function directionFeatures(a: Prepared, b: Prepared, passages: readonly Passage[], rest: readonly [RestOfStory, RestOfStory] = [NO_REST, NO_REST]): number[] {
  const sa = passageShape(a, passages.map((p) => [p.aStart, p.length]));
  const sb = passageShape(b, passages.map((p) => [p.bStart, p.length]));
  const ordered = [...passages].sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
  let k = 0;
  let longerInA = 0;
  let longerInB = 0;
  let gapA = 0;
  let gapB = 0;
  for (let i = 1; i < ordered.length; i++) {
    const [x, y] = [ordered[i - 1] as Passage, ordered[i] as Passage];
    const ga = y.aStart - (x.aStart + x.length);
    const gb = y.bStart - (x.bStart + x.length);
    if (gb < 0 || ga < 0) continue;
    k++;
    gapA += ga;
    gapB += gb;
    if (ga > gb) longerInA++;
    else if (gb > ga) longerInB++;
  }
  const ratio = Math.log(Math.max(1, a.words.length) / Math.max(1, b.words.length));
  return [
    sb.fill - sa.fill,
    sb.share - sa.share,
    Math.max(-2, Math.min(2, ratio)),
    k ? (longerInA - longerInB) / k : 0,
    (gapA - gapB) / (gapA + gapB + 1),
    sa.tail - sb.tail,
    sa.head - sb.head,
    sb.full - sa.full,
    sb.touched - sa.touched,
    sa.inner - sb.inner,
    rest[0].share - rest[1].share,
  ];
}

/**
 * The undated direction from the passages' shape (directionFeatures of a and b), null when it
 * cannot tell: the edit-shape score when it is clear of REUSE.directionMargin (the copy trims
 * the source's sentences, leaves some out, rewrites its opening, builds its own sentences from
 * what it kept); else the copy is the one whose passage-holding sentences are fuller (it cut the
 * source's down); else the one more covered by the other.
 */
export function editDirection(features: readonly number[], weights: readonly number[] = DIRECTION_WEIGHTS.weights, margin: number = REUSE.directionMargin): { firstIsSource: boolean; direction: 'trims-source' | 'contains-other' } | null {
  const score = directionScore(features, weights);
  if (Math.abs(score) > margin) return { firstIsSource: score > 0, direction: 'trims-source' };
  const [fuller, moreCovered] = [features[0] as number, features[1] as number];
  if (fuller !== 0) return { firstIsSource: fuller > 0, direction: 'trims-source' };
  if (Math.abs(moreCovered) > 1e-9) return { firstIsSource: moreCovered > 0, direction: 'contains-other' };
  return null;
}

/** Score of direction features under weights (no bias: swapping the texts flips the sign); > 0 says the first text is the source. */
export function directionScore(features: readonly number[], weights: readonly number[] = DIRECTION_WEIGHTS.weights): number {
  let z = 0;
  features.forEach((x, i) => (z += x * (weights[i] ?? 0)));
  return z;
}

/** The passages (6+ words, as findReuse's) that `a` and `b` share, positions in `a` and `b`. */
export function sharedPassages(a: Prepared, b: Prepared): Passage[] {
  const { norms: ta, hashes } = shinglesOf(a);
  const { norms: tb, at } = shinglesOf(b);
  const flat: number[] = [];
  hashes.forEach((h, pos) => {
    const places = at.get(h);
    // As findReuse: a shingle in more places than maxPostings is boilerplate and proposes nothing
    // (two long pages that repeat one line would otherwise pair every place with every place).
    if (places === undefined || places.length > REUSE.maxPostings) return;
    for (const q of places) flat.push(pos, q);
  });
  return chain(flat, ta, tb);
}

/** Words that attribute reporting to the outlet named just after them ("according to the Ledger"). */
const CITES_BEFORE_RE = /(?:according\s+to|citing|reported\s+by|reported\s+in|first\s+reported\s+by)\s+(?:the\s+)?$/i;
/** ...and just before them ("the Ledger reported", "the Ledger's report said"). */
const CITES_AFTER_RE = /^(?:['’]s\s+(?:report|reporter|reporting|story|website)\b|\s*,?\s*(?:reported|reports|said|says|revealed|reveals|wrote|writes|claimed|claims)\b)/i;
/** How far around a name the attributing words are looked for, in characters. */
const CITE_WINDOW = 40;

const NAME_RE = new Map<string, RegExp>();

/**
 * True when `p`'s text cites `other`'s outlet as its source: the outlet's name written as a name
 * (each word capitalised: "coastline-press-agency" -> "Coastline Press Agency") beside words that
 * attribute reporting ("..., Coastline Press Agency reported", "according to the Ledger").
 * A bare mention is no citation: a court story says a man is suing The Sun, a showbiz story
 * calls someone the star, three times is no newspaper.
 */
function namesOutlet(p: Prepared, other: Prepared): boolean {
  const outlet = other.article.outlet;
  if (!outlet || outlet === p.article.outlet) return false;
  const words = outlet.replace(/[-_]+/g, ' ').trim().toLowerCase().split(/\s+/);
  if (words.join(' ').length < 3) return false;
  const key = words.join(' ');
  let re = NAME_RE.get(key);
  if (re === undefined) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
    NAME_RE.set(key, re);
  }
  const text = p.article.text;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const written = m[0].split(/\s+/);
    if (!written.every((w) => /^\p{Lu}/u.test(w))) continue;
    const before = text.slice(Math.max(0, m.index - CITE_WINDOW), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + CITE_WINDOW);
    if (CITES_BEFORE_RE.test(before) || CITES_AFTER_RE.test(after)) return true;
  }
  return false;
}

function spanOf(p: Prepared, first: number, length: number): ReturnType<typeof evidence> {
  const start = p.words[first]?.start ?? 0;
  const end = p.words[first + length - 1]?.end ?? start;
  return evidence(p.article.id, p.article.text, { start, end });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * How much of `copy` is taken from one of `sources`: the share of its words in passages it
 * shares with a source (the largest share over them). The same passages as findReuse's, without
 * a direction: a score of one article against the texts it may derive from.
 */
export function copiedShare(copy: Prepared, sources: readonly Prepared[]): number {
  let best = 0;
  for (const source of sources) {
    if (source === copy) continue;
    const covered = coveredWords(copy, source);
    let n = 0;
    for (const c of covered) n += c;
    best = Math.max(best, covered.length ? n / covered.length : 0);
  }
  return best;
}

/** Which words of `copy` (1 at their index) lie in passages it shares with `source`. */
export function coveredWords(copy: Prepared, source: Prepared): Uint8Array {
  const n = copy.words.length;
  const covered = new Uint8Array(n);
  for (const p of sharedPassages(copy, source)) covered.fill(1, p.aStart, Math.min(n, p.aStart + p.length));
  return covered;
}

function normsOf(p: Prepared): string[] {
  return p.words.map((w) => w.norm.replace(/['’]s$/, ''));
}

const SHINGLES = new WeakMap<Prepared, { norms: readonly string[]; hashes: readonly number[]; at: ReadonlyMap<number, readonly number[]> }>();

/** An article's norms, shingle hashes and where each hash is, once per article (sharedPassages runs per pair). */
function shinglesOf(p: Prepared): { norms: readonly string[]; hashes: readonly number[]; at: ReadonlyMap<number, readonly number[]> } {
  let out = SHINGLES.get(p);
  if (out === undefined) {
    const norms = normsOf(p);
    const hashes = shingleHashes(norms);
    const at = new Map<number, number[]>();
    hashes.forEach((h, pos) => {
      const list = at.get(h);
      if (list) list.push(pos);
      else at.set(h, [pos]);
    });
    out = { norms, hashes, at };
    SHINGLES.set(p, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Derivation: is `copy` written from `source`, also when it is rewritten rather than reprinted?
// A rewrite keeps the source's facts in new sentences: its rare words (names, places, figures),
// short runs of two and three words, and sentence by sentence most of one source sentence's
// content words; words inside quotation marks are left out of the word measures (two reporters
// of one hearing quote the same speaker without copying each other). The features are combined
// by logistic weights fitted on METER (eval/meter.ts: fitted on the other catchlines' stories
// for the figure it prints; `npm run train:reuse` fits them on all of them for shipping).

/** Names of derivationFeatures' values, in order. */
export const DERIVATION_FEATURES = ['unigrams', 'bigrams', 'rare', 'runs', 'passages', 'sentences', 'shorter', 'length', 'sentenceContainment', 'pairWords', 'tiles', 'names'] as const;

/** Names of whollyFeatures' values: the derivation features, then how closely the copy's best sentences are rewritten. */
export const WHOLLY_FEATURES = [...DERIVATION_FEATURES, 'bestSentences'] as const;

interface Profile {
  /** Stems of every word. */
  stems: string[];
  /** Distinct content stems outside quotes. */
  content: Set<string>;
  /** Every distinct stem (what a copy's word is looked up in). */
  allStems: Set<string>;
  /** Stem bigrams outside quotes of the copy side, and every stem bigram (the source side). */
  bigramsOut: Set<string>;
  bigrams: Set<string>;
  /** Every stem trigram. */
  trigrams: Set<string>;
  /** The trigram ending at each word ('' for the first two): built once, looked up for each source. */
  trigramAt: string[];
  /** The bigram ending at each word ('' for the first), as trigramAt. */
  bigramAt: string[];
  /** Per sentence, its distinct content stems. */
  sentenceStems: string[][];
}

const PROFILES = new WeakMap<Prepared, Profile>();

function profileOf(p: Prepared): Profile {
  let out = PROFILES.get(p);
  if (out !== undefined) return out;
  const inQuote = quotedWords(p);
  const stems = p.words.map((w) => stem(w.norm));
  const content = new Set<string>();
  const bigramsOut = new Set<string>();
  const bigrams = new Set<string>();
  const trigrams = new Set<string>();
  const trigramAt: string[] = new Array<string>(stems.length).fill('');
  const bigramAt: string[] = new Array<string>(stems.length).fill('');
  const { of } = sentencesOfWords(p);
  const sentenceSets: Set<string>[] = p.sentences.map(() => new Set<string>());
  for (let i = 0; i < stems.length; i++) {
    const w = p.words[i] as Word;
    const s = stems[i] as string;
    const contentWord = isContentWord(w);
    if (contentWord && !inQuote[i]) content.add(s);
    if (contentWord && (of[i] as number) >= 0) sentenceSets[of[i] as number]?.add(s);
    if (i > 0) {
      const key = `${stems[i - 1]} ${s}`;
      bigramAt[i] = key;
      bigrams.add(key);
      if (!inQuote[i] && !inQuote[i - 1]) bigramsOut.add(key);
    }
    if (i > 1) {
      const key = `${stems[i - 2]} ${stems[i - 1]} ${s}`;
      trigrams.add(key);
      trigramAt[i] = key;
    }
  }
  out = { stems, content, allStems: new Set(stems), bigramsOut, bigrams, trigrams, trigramAt, bigramAt, sentenceStems: sentenceSets.map((x) => [...x]) };
  PROFILES.set(p, out);
  return out;
}

/** 1 for each word inside quotation marks (curly pairs, straight quotes toggling; a line break closes them). */
function quotedWords(p: Prepared): Uint8Array {
  const text = p.article.text;
  const out = new Uint8Array(p.words.length);
  let w = 0;
  let open = false;
  for (let i = 0; i < text.length && w < p.words.length; i++) {
    while (w < p.words.length && (p.words[w] as Word).start <= i) {
      if (open) out[w] = 1;
      w++;
    }
    const c = text.charCodeAt(i);
    if (c === 0x201c) open = true;
    else if (c === 0x201d || c === 10) open = false;
    else if (c === 34) open = !open;
  }
  return out;
}

let backgroundDf: DocumentFrequency | undefined;

/** IDF from the background counts alone (weights/background-df.json): the same for every story. */
function idf(key: string): number {
  backgroundDf ??= new DocumentFrequency(new Uint32Array(0), 0);
  return backgroundDf.idf(key);
}

/**
 * The evidence that `copy` is written from `source`, each in [0, 1] (DERIVATION_FEATURES):
 * shares of the copy's content words and word pairs (outside quotes) found in the source, the
 * same words weighted by their background IDF, the share of its words in runs of 3 words the
 * source has, in passages of 6 or more (coveredWords), the share of its sentences (by words)
 * whose content words are mostly in one source sentence, and whether it is the shorter text.
 */
export function derivationFeatures(copy: Prepared, sources: readonly Prepared[]): number[] {
  const c = profileOf(copy);
  const ss = sources.filter((x) => x !== copy).map(profileOf);
  const has = (t: string): boolean => ss.some((s) => s.allStems.has(t));
  let uni = 0;
  let weighted = 0;
  let weightedAll = 0;
  for (const t of c.content) {
    const x = idf(t);
    weightedAll += x;
    if (has(t)) {
      uni++;
      weighted += x;
    }
  }
  let bi = 0;
  for (const b of c.bigramsOut) if (ss.some((s) => s.bigrams.has(b))) bi++;
  const n = c.stems.length;
  const inRun = new Uint8Array(n);
  for (let i = 2; i < n; i++) {
    const key = c.trigramAt[i] as string;
    if (ss.some((s) => s.trigrams.has(key))) inRun.fill(1, i - 2, i + 1);
  }
  let runs = 0;
  for (const x of inRun) runs += x;
  const inPassage = new Uint8Array(n);
  let aligned = 0;
  let longest = 0;
  for (const source of sources) {
    if (source === copy) continue;
    coveredWords(copy, source).forEach((x, i) => (inPassage[i] = (inPassage[i] as number) | x));
    aligned = Math.max(aligned, alignedSentences(copy, source));
    longest = Math.max(longest, source.words.length);
  }
  let passages = 0;
  for (const x of inPassage) passages += x;
  return [
    c.content.size ? uni / c.content.size : 0,
    c.bigramsOut.size ? bi / c.bigramsOut.size : 0,
    weightedAll ? weighted / weightedAll : 0,
    n ? runs / n : 0,
    n ? passages / n : 0,
    aligned,
    copy.words.length < longest ? 1 : 0,
    Math.min(1, Math.log(1 + n) / Math.log(2000)),
    sentenceContainment(copy, ss),
    n ? bigramWords(c, ss) / n : 0,
    n ? tiledWords(c, ss) / n : 0,
    namesFound(copy, ss),
  ];
}

/**
 * The evidence that a derived `copy` is wholly rather than partially written from `sources`
 * (WHOLLY_FEATURES): its derivation features (`features`, computed when not given), then
 * bestSentences. A partially derived article rewrites some sentences of the wire closely and
 * tells the rest in its own words; given the mean measures, a high mean over its best sentences
 * says the copying is uneven, so partial (its weight comes out negative on METER).
 */
export function whollyFeatures(copy: Prepared, sources: readonly Prepared[], features: readonly number[] = derivationFeatures(copy, sources)): number[] {
  return [...features, bestSentences(copy, sources.filter((x) => x !== copy).map(profileOf))];
}

/** Sentences of the copy that bestSentences averages over (all of them when it has fewer). */
const BEST_SENTENCES = 5;

/**
 * Mean over the copy's BEST_SENTENCES sentences that are most rewritten from one source sentence
 * of that share: the background IDF of the sentence's content stems found in the source sentence
 * that holds the most of it, over the IDF of all of them. Stems in very many source sentences are
 * left out of both (as mostSharedStems passes them over), so the work stays linear in the copy
 * (METER: macro-F1 out of fold 0.680 -> 0.689 against counting them in the whole only).
 */
function bestSentences(copy: Prepared, ss: readonly Profile[]): number {
  const postings = sentencePostings(ss);
  const hits = new Map<number, number>();
  const shares: number[] = [];
  for (const set of profileOf(copy).sentenceStems) {
    if (set.length === 0) continue;
    hits.clear();
    let total = 0;
    let best = 0;
    for (const t of set) {
      const list = postings.get(t);
      // A stem in very many source sentences tells no sentence apart: out of the share altogether.
      if (list && list.length > 50) continue;
      const x = idf(t);
      total += x;
      if (!list) continue;
      for (const q of list) {
        const h = (hits.get(q) ?? 0) + x;
        hits.set(q, h);
        if (h > best) best = h;
      }
    }
    shares.push(total > 0 ? best / total : 0);
  }
  if (shares.length === 0) return 0;
  shares.sort((a, b) => b - a);
  const top = shares.slice(0, BEST_SENTENCES);
  return top.reduce((a, b) => a + b, 0) / top.length;
}

/**
 * Share of the copy's names and figures (distinct: numbers, and capitalised content words that do
 * not open a sentence) that a source has: what a rewrite keeps when it changes every other word
 * ("Cowboy builder Darren Pike ... the 41-year-old conman from Thetford"); 0 when it has none.
 */
function namesFound(copy: Prepared, ss: readonly Profile[]): number {
  const { of } = sentencesOfWords(copy);
  const names = new Set<string>();
  copy.words.forEach((w, i) => {
    if (w.isNumber || (w.isCapitalised && isContentWord(w) && i > 0 && of[i] === of[i - 1])) names.add(stem(w.norm));
  });
  let found = 0;
  for (const t of names) if (ss.some((s) => s.allStems.has(t))) found++;
  return names.size ? found / names.size : 0;
}

/**
 * Words of the copy in tiles (Clough et al.'s greedy string tiling over stems, shortest tile 2
 * words): the maximal runs the copy shares with a source, longest first, each word of the copy
 * and of that source in one tile at most, the sources in turn (a copy that joins two wire
 * versions is tiled from both). Unlike pairWords a word pair counts once: a rewrite that repeats
 * "the court" ten times has one tile of it per time the source says it. Runs are seeded by the
 * stem pairs they start with, so the work is the copy's words times the places each of its word
 * pairs has in the source.
 */
function tiledWords(c: Profile, ss: readonly Profile[]): number {
  const a = c.stems;
  const n = a.length;
  const markA = new Uint8Array(n);
  for (const s of ss) {
    const b = s.stems;
    const at = pairPositions(s);
    const markB = new Uint8Array(b.length);
    // Runs among the words not yet tiled; a run that a longer tile cut into is found again, shorter, in the next round.
    for (let round = 0; round < TILING_ROUNDS; round++) {
      const runs: [number, number, number][] = [];
      for (let i = 0; i + 1 < n; i++) {
        if (markA[i] || markA[i + 1]) continue;
        const places = at.get(c.bigramAt[i + 1] as string);
        // A pair the source has in very many places ("of the" in a book-length page) seeds no run:
        // the runs through it are found from the next word on, one word shorter.
        if (places === undefined || places.length > MAX_TILE_SEEDS) continue;
        const fromPrevious = i > 0 && !markA[i - 1] && (at.get(c.bigramAt[i] as string)?.length ?? Infinity) <= MAX_TILE_SEEDS;
        for (const j of places) {
          if (markB[j] || markB[j + 1]) continue;
          // Maximal runs only: one that the previous word extends is found from there.
          if (fromPrevious && j > 0 && !markB[j - 1] && a[i - 1] === b[j - 1]) continue;
          let k = 2;
          while (i + k < n && j + k < b.length && !markA[i + k] && !markB[j + k] && a[i + k] === b[j + k]) k++;
          runs.push([k, i, j]);
        }
      }
      if (runs.length === 0) break;
      runs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
      for (const [k, i, j] of runs) {
        let free = true;
        for (let x = 0; x < k && free; x++) if (markA[i + x] || markB[j + x]) free = false;
        if (!free) continue;
        markA.fill(1, i, i + k);
        markB.fill(1, j, j + k);
      }
    }
  }
  let tiled = 0;
  for (const x of markA) tiled += x;
  return tiled;
}

/** Rounds of tiling per source, each finding what the tiles before it cut short (METER's derivation figures are the same from 2 rounds to 20). */
const TILING_ROUNDS = 4;
/** Places in the source beyond which a word pair seeds no tile (the work stays linear in the copy's words). */
const MAX_TILE_SEEDS = 50;

const PAIR_POSITIONS = new WeakMap<Profile, Map<string, number[]>>();

/** Where each stem pair of a text begins. */
function pairPositions(p: Profile): Map<string, number[]> {
  let out = PAIR_POSITIONS.get(p);
  if (out === undefined) {
    out = new Map();
    for (let j = 0; j + 1 < p.stems.length; j++) {
      const key = `${p.stems[j]} ${p.stems[j + 1]}`;
      const list = out.get(key);
      if (list) list.push(j);
      else out.set(key, [j]);
    }
    PAIR_POSITIONS.set(p, out);
  }
  return out;
}

/** Mean over the copy's sentences (by words) of the largest share of their content stems in one source sentence. */
function sentenceContainment(copy: Prepared, ss: readonly Profile[]): number {
  const c = profileOf(copy);
  const postings = sentencePostings(ss);
  const { words } = sentencesOfWords(copy);
  let sum = 0;
  let total = 0;
  const hits = new Map<number, number>();
  c.sentenceStems.forEach((set, k) => {
    const size = words[k] as number;
    if (set.length === 0) return;
    total += size;
    sum += (size * mostSharedStems(set, postings, hits)) / set.length;
  });
  return total ? sum / total : 0;
}

/**
 * The most stems of `set` that one source sentence holds (`postings`: stem -> source sentences;
 * `hits` is scratch). A stem in very many source sentences says nothing about which one is
 * rewritten, so stems in more than 50 are passed over.
 */
function mostSharedStems(set: readonly string[], postings: ReadonlyMap<string, readonly number[]>, hits: Map<number, number>): number {
  hits.clear();
  let best = 0;
  for (const t of set) {
    const list = postings.get(t);
    if (!list || list.length > 50) continue;
    for (const q of list) {
      const h = (hits.get(q) ?? 0) + 1;
      hits.set(q, h);
      if (h > best) best = h;
    }
  }
  return best;
}

/** Words of the copy in a stem bigram some source has. */
function bigramWords(c: Profile, ss: readonly Profile[]): number {
  const n = c.stems.length;
  const inPair = new Uint8Array(n);
  for (let i = 1; i < n; i++) {
    const key = c.bigramAt[i] as string;
    if (ss.some((s) => s.bigrams.has(key))) inPair.fill(1, i - 1, i + 1);
  }
  let k = 0;
  for (const x of inPair) k += x;
  return k;
}

/** For each stem, the sentences that hold it: indexes run on across the sources, in their order. */
function sentencePostings(sources: readonly { sentenceStems: readonly (readonly string[])[] }[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  let base = 0;
  for (const s of sources) {
    s.sentenceStems.forEach((set, k) => {
      for (const t of set) {
        const list = postings.get(t);
        if (list) list.push(base + k);
        else postings.set(t, [base + k]);
      }
    });
    base += s.sentenceStems.length;
  }
  return postings;
}

/** Share of the copy's sentence words in sentences with at least half their content stems in one source sentence. */
function alignedSentences(copy: Prepared, source: Prepared): number {
  const c = profileOf(copy);
  const s = profileOf(source);
  const postings = sentencePostings([s]);
  const { words } = sentencesOfWords(copy);
  let aligned = 0;
  let total = 0;
  const hits = new Map<number, number>();
  c.sentenceStems.forEach((set, k) => {
    const size = words[k] as number;
    total += size;
    if (set.length < 3) return;
    if (mostSharedStems(set, postings, hits) >= set.length / 2) aligned += size;
  });
  return total ? aligned / total : 0;
}

/** Logistic score of derivation features under weights (bias last). */
export function derivationProbability(features: readonly number[], weights: readonly number[] = DERIVATION_WEIGHTS.weights): number {
  let z = weights[features.length] ?? 0;
  features.forEach((x, i) => (z += x * (weights[i] ?? 0)));
  return 1 / (1 + Math.exp(-z));
}

/**
 * Of a derived article, the probability that it is wholly derived rather than partially
 * (whollyFeatures, WHOLLY_WEIGHTS: fitted on METER's derived articles alone; METER's three
 * classes are told apart by the two scores, eval/meter.ts).
 */
export function whollyProbability(features: readonly number[], weights: readonly number[] = WHOLLY_WEIGHTS.weights): number {
  return derivationProbability(features, weights);
}

/** The probability that `copy` is derived from one of `sources` (the largest features over them). */
export function derivationScore(copy: Prepared, sources: readonly Prepared[]): number {
  return derivationProbability(derivationFeatures(copy, sources));
}

/**
 * Rewritten copies the passages miss: pairs of a story's articles (indices into `prepared`)
 * whose derivation probability, the shorter one as the copy of the longer, reaches
 * REUSE.minDerivation. Candidates come from shared rare words: each article's
 * `derivationKeys` rarest content stems are posted, and an article is scored against the
 * `derivationCandidates` articles that share the most of them, so the work grows with the
 * story's size, not its square. Returns [source id, copy id] pairs.
 */
export function findDerivations(prepared: readonly Prepared[], members: readonly number[]): [string, string][] {
  return rewriteCandidates(prepared, members, REUSE.minDerivation).flatMap(([source, copy, , keyed]): [string, string][] => (keyed ? [[source, copy]] : []));
}

/**
 * findDerivations' pairs at any floor `min` on the derivation probability, with it: [source id,
 * copy id, probability, keyed]. The story lists rewrites from the classes' threshold
 * (DERIVATION_THRESHOLDS.derived); origins join only keyed ones from REUSE.minDerivation.
 * Keyed pairs share `derivationMinShared` of their key stems. A short copy's keys are most of its
 * words, and a long source's keys are its rarest few, which the copy need not have (METER: 35
 * derived papers had no candidate): so each article's keys are also looked up among every
 * content stem of the longer articles, and those pairs (keyed false) are listed but never join
 * origins (linking them from 0.9 brought right and wrong links alike: wholly derived 99 -> 108
 * of 134, non-derived 7 -> 13 of 107).
 */
export function rewriteCandidates(prepared: readonly Prepared[], members: readonly number[], min: number): [string, string, number, boolean][] {
  const keysOf = members.map((i) => {
    const c = profileOf(prepared[i] as Prepared);
    return [...c.content].map((t) => [t, idf(t)] as const).sort((x, y) => y[1] - x[1] || cmp(x[0], y[0])).slice(0, REUSE.derivationKeys).map((x) => x[0]);
  });
  const postings = new Map<string, number[]>();
  keysOf.forEach((keys, a) => {
    for (const t of keys) {
      const list = postings.get(t) ?? [];
      if (list.length < REUSE.maxPostings) list.push(a);
      postings.set(t, list);
    }
  });
  const out: [string, string, number, boolean][] = [];
  const seen = new Set<number>();
  const m = members.length;
  const articleOf = (a: number): Prepared => prepared[members[a] as number] as Prepared;
  // The copy of a pair is the shorter text (of equal lengths, the later id).
  const isCopyOf = (a: number, b: number): boolean => {
    const [pa, pb] = [articleOf(a), articleOf(b)];
    return pa.words.length < pb.words.length || (pa.words.length === pb.words.length && pa.article.id > pb.article.id);
  };
  const scoreAgainst = (a: number, shared: ReadonlyMap<number, number>, keyed: boolean): void => {
    const candidates = [...shared.entries()].filter(([, n]) => n >= REUSE.derivationMinShared).sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, REUSE.derivationCandidates);
    for (const [b] of candidates) {
      const key = Math.min(a, b) * m + Math.max(a, b);
      if (seen.has(key)) continue;
      seen.add(key);
      const [copy, source] = isCopyOf(a, b) ? [articleOf(a), articleOf(b)] : [articleOf(b), articleOf(a)];
      if (copy.words.length < REUSE.derivationMinWords) continue;
      const p = derivationScore(copy, [source]);
      if (p >= min) out.push([source.article.id, copy.article.id, p, keyed]);
    }
  };
  keysOf.forEach((keys, a) => {
    const shared = new Map<number, number>();
    for (const t of keys) for (const b of postings.get(t) ?? []) if (b !== a) shared.set(b, (shared.get(b) ?? 0) + 1);
    scoreAgainst(a, shared, true);
  });
  // Then each article as the copy: its keys among every content stem of the longer articles.
  const stemPostings = new Map<string, number[]>();
  members.forEach((i, b) => {
    for (const t of profileOf(prepared[i] as Prepared).content) {
      const list = stemPostings.get(t) ?? [];
      if (list.length < REUSE.maxPostings) list.push(b);
      stemPostings.set(t, list);
    }
  });
  keysOf.forEach((keys, a) => {
    const shared = new Map<number, number>();
    for (const t of keys) for (const b of stemPostings.get(t) ?? []) if (b !== a && isCopyOf(a, b)) shared.set(b, (shared.get(b) ?? 0) + 1);
    scoreAgainst(a, shared, false);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The three classes in a story's reuse list: how much of each copy derives from its source, with
// the sentences it rewrites; rewrites that share no passage are listed as well.

/**
 * How much of `copy` derives from `source`, in METER's three classes: non-derived below
 * DERIVATION_THRESHOLDS.derived on the derivation probability, else wholly derived from
 * DERIVATION_THRESHOLDS.wholly on whollyProbability, else partially (weights and thresholds from
 * `npm run train:reuse`; eval/meter.ts gives the same rule's macro-F1 out of fold).
 */
export function derivedClass(copy: Prepared, source: Prepared | readonly Prepared[]): { derived: 'wholly' | 'partially' | 'non'; derivation: number } {
  const sources = Array.isArray(source) ? source : [source as Prepared];
  const features = derivationFeatures(copy, sources);
  const derivation = derivationProbability(features);
  const derived = derivation < DERIVATION_THRESHOLDS.derived ? 'non' : whollyProbability(whollyFeatures(copy, sources, features)) >= DERIVATION_THRESHOLDS.wholly ? 'wholly' : 'partially';
  return { derived, derivation: round(derivation) };
}

/**
 * Sentences of `copy` that rewrite a sentence of `source`: at least 3 content words, at least half
 * of them in that one source sentence (the one holding the most), and under half of the sentence's
 * words in the verbatim passages (`covered`, coveredWords: those are listed as passages).
 */
/** Words other than names a rewritten sentence must share with its source sentence. */
const REWRITE_PLAIN_WORDS = 2;

/** Per sentence of `p`, the stems of its names: capitalised words after the sentence's first word. */
function nameStems(p: Prepared, stems: readonly string[]): Set<string>[] {
  const out = p.sentences.map(() => new Set<string>());
  const { of } = sentencesOfWords(p);
  for (let i = 0; i < p.words.length; i++) {
    const k = of[i] as number;
    const w = p.words[i] as Word;
    if (k < 0 || w.start === (p.sentences[k] as { start: number }).start || w.isNumber) continue;
    if (w.isCapitalised) out[k]?.add(stems[i] as string);
  }
  return out;
}

export function rewrittenSentences(copy: Prepared, source: Prepared, covered: Uint8Array = coveredWords(copy, source)): { from: ReturnType<typeof evidence>; to: ReturnType<typeof evidence> }[] {
  const c = profileOf(copy);
  const s = profileOf(source);
  const postings = sentencePostings([s]);
  const { of, words } = sentencesOfWords(copy);
  const verbatim = new Uint32Array(copy.sentences.length);
  of.forEach((k, i) => {
    if (k >= 0 && covered[i]) verbatim[k] = (verbatim[k] as number) + 1;
  });
  const names = nameStems(copy, c.stems);
  const copyBylines = bylineSentences(copy);
  const sourceBylines = bylineSentences(source);
  const out: { from: ReturnType<typeof evidence>; to: ReturnType<typeof evidence> }[] = [];
  c.sentenceStems.forEach((set, k) => {
    if (set.length < 3 || (verbatim[k] as number) * 2 >= (words[k] as number) || copyBylines.has(k)) return;
    // hits per source sentence, and those on words that are not names: a caption that shares only
    // the ship's and the port's names with a sentence is no rewrite of it
    const hits = new Map<number, number>();
    const plain = new Map<number, number>();
    for (const t of set) {
      // As mostSharedStems: a stem in very many source sentences says nothing of which one is rewritten.
      const list = postings.get(t);
      if (!list || list.length > 50) continue;
      const isName = names[k]?.has(t) === true;
      for (const q of list) {
        if (sourceBylines.has(q)) continue;
        hits.set(q, (hits.get(q) ?? 0) + 1);
        if (!isName) plain.set(q, (plain.get(q) ?? 0) + 1);
      }
    }
    let best = -1;
    let most = 0;
    let mostPlain = 0;
    for (const [q, h] of hits) {
      const hp = plain.get(q) ?? 0;
      if (hp > mostPlain || (hp === mostPlain && (h > most || (h === most && q < best)))) [best, most, mostPlain] = [q, h, hp];
    }
    if (best < 0 || most * 2 < set.length || mostPlain < REWRITE_PLAIN_WORDS) return;
    out.push({ from: evidence(source.article.id, source.article.text, source.sentences[best] as { start: number; end: number }), to: evidence(copy.article.id, copy.article.text, copy.sentences[k] as { start: number; end: number }) });
  });
  return out;
}

/** Figures written in a sentence: digits with their separators, as written ("2,300", "4%" -> "4"). */
function figuresIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\d[\d.,]*/g)].map((m) => m[0].replace(/[.,]+$/, '').replace(/,/g, '')));
}

/** A named source a sentence attributes its words to: "according to Reuters", "citing the Ledger", "Reuters reported". */
const NAMED_SOURCE_RE = /\b(?:according\s+to|citing|quoting|told|reported\s+by)\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’.-]*\s*){1,4})|((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’.-]*),?\s+(?:reported|reports|revealed|wrote)\b/gu;

function namedSources(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NAMED_SOURCE_RE)) {
    const name = (m[1] ?? m[2] ?? '').replace(/[\s.'’-]+$/, '').replace(/^(?:The|A)\s+/, '');
    if (name && !/^(?:He|She|They|It|We|I|Police|Officers?)$/.test(name) && !/\b(?:Court|Commons|Parliament|Tribunal|Committee|Inquiry|Jury|Magistrates|Police)\b/.test(name)) out.push(name.toLowerCase());
  }
  return out;
}

/**
 * The rewritten sentences (rewrittenSentences) that are evidence of a rewrite rather than of two
 * reports of one event: a pair whose figures differ (the copy says 3%, the source 4%: independent
 * reporting, or a dispute) or whose sentences name different sources for what they say (the
 * union said / according to Reuters) is no evidence; `against` counts those.
 */
export function rewriteEvidence(rewritten: ReturnType<typeof rewrittenSentences>): { agree: number; against: number } {
  let agree = 0;
  for (const pair of rewritten) if (sameReport(pair)) agree++;
  return { agree, against: rewritten.length - agree };
}

/** True unless the two sentences of a rewritten pair give different figures or name different sources (rewriteEvidence). */
function sameReport({ from, to }: { from: { text: string }; to: { text: string } }): boolean {
  const [fc, fs] = [figuresIn(to.text), figuresIn(from.text)];
  if (fc.size > 0 && fs.size > 0 && ![...fc].some((x) => fs.has(x))) return false;
  const [nc, ns] = [namedSources(to.text), namedSources(from.text)];
  return !nc.some((x) => !from.text.toLowerCase().includes(x)) && !ns.some((x) => !to.text.toLowerCase().includes(x));
}

/**
 * Own reporting in a text: an interview ("told the Gazette in an interview", "in an interview
 * for ...": quotes the source does not report) or the outlet itself as the one told ("told this
 * newspaper", "told the Daily Mail" in the Mail), which a rewrite of another text does not have.
 * METER: 8 papers have one; counting only the outlet's own interviews (not "in an interview with
 * police") lists 20 of 107 non-derived papers instead of 19, derived papers unmoved.
 */
const OWN_REPORTING_RE = /\bin\s+an\s+interview\b|\btold\s+(?:this\s+(?:newspaper|paper|website|programme)|us)\b/i;

const OWN_OUTLET_RE = new Map<string, RegExp>();

export function ownReporting(p: Prepared): boolean {
  const text = p.article.text;
  if (OWN_REPORTING_RE.test(text)) return true;
  const outlet = p.article.outlet?.replace(/[-_]+/g, ' ').trim().toLowerCase();
  if (!outlet || outlet.length < 3) return false;
  let re = OWN_OUTLET_RE.get(outlet);
  if (re === undefined) {
    const name = outlet.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
    re = new RegExp(`\\b(?:told|interview\\s+with)\\s+(?:the\\s+)?(?:(?:daily|sunday|evening)\\s+)?${name}(?![\\p{L}\\p{N}])`, 'iu');
    OWN_OUTLET_RE.set(outlet, re);
  }
  return re.test(text);
}

/**
 * Each listed pair (`listed`, strongestSources) with its class and probability, and the sentences
 * the copy rewrites from that source. The class is the copy's against its listed sources together
 * (a paper that joins two wire versions derives wholly from the two, partially from each; METER's
 * labels and the weights are of a paper against all its catchline's wire texts).
 */
export function describeReuse(prepared: readonly Prepared[], members: readonly number[], listed: readonly Reuse[]): Reuse[] {
  const byId = new Map(members.map((i) => [(prepared[i] as Prepared).article.id, prepared[i] as Prepared] as const));
  const sourcesOf = new Map<string, Prepared[]>();
  for (const r of listed) {
    const from = byId.get(r.from);
    if (from) sourcesOf.set(r.to, [...(sourcesOf.get(r.to) ?? []), from]);
  }
  const classOf = new Map<string, ReturnType<typeof derivedClass>>();
  return listed.map((r) => {
    const [from, to] = [byId.get(r.from), byId.get(r.to)];
    if (!from || !to) return r;
    let c = classOf.get(r.to);
    if (c === undefined) {
      c = derivedClass(to, sourcesOf.get(r.to) ?? [from]);
      classOf.set(r.to, c);
    }
    return { ...r, ...c, rewritten: rewrittenSentences(to, from).filter(sameReport) };
  });
}

/**
 * The rewrites findDerivations found (`derivations`, [source id, copy id]) between two texts with
 * no pair in `reuse` (findReuse's: they share too little verbatim), as reuse pairs: direction by
 * dates, a citation or the day of writing, else the longer text is taken as the source
 * ('undetermined'); the verbatim share and passages under REUSE's reporting bar. They go into
 * strongestSources after findReuse's pairs, so a copy lists one only when nothing else explains it.
 */
export function rewritePairs(prepared: readonly Prepared[], members: readonly number[], reuse: readonly Reuse[], derivations: readonly [string, string][]): Reuse[] {
  const byId = new Map(members.map((i) => [(prepared[i] as Prepared).article.id, prepared[i] as Prepared] as const));
  const paired = new Set(reuse.flatMap((r) => [`${r.from}\u0000${r.to}`, `${r.to}\u0000${r.from}`]));
  const out: Reuse[] = [];
  for (const [s, c] of derivations) {
    if (paired.has(`${s}\u0000${c}`)) continue;
    const [ps, pc] = [byId.get(s), byId.get(c)];
    if (!ps || !pc) continue;
    const { direction, aIsFrom } = directionOf(ps, pc, () => null);
    const [from, to] = direction === 'undetermined' || aIsFrom ? [ps, pc] : [pc, ps];
    // Two reports of one event in their own words are no rewrite: as many rewritten sentences with
    // other figures or other named sources than their source sentences as without, or an interview
    // of the copy's own. (Any such sentence at all, by catchline halves of METER: non-derived
    // listed 11/69 and 8/38 against 11/69 and 9/38, but derived listed 105/158 and 146/188
    // against 107/158 and 147/188; the first half chose the majority, the second any.)
    const support = rewriteEvidence(rewrittenSentences(to, from));
    if ((ownReporting(to) && !ownReporting(from)) || (support.against > 0 && support.agree <= support.against)) continue;
    const covered = coveredWords(to, from);
    let n = 0;
    for (const x of covered) n += x;
    const passages = sharedPassages(to, from).map((p) => ({ from: spanOf(from, p.bStart, p.length), to: spanOf(to, p.aStart, p.length) }));
    out.push({ from: from.article.id, to: to.article.id, share: round(to.words.length ? n / to.words.length : 0), direction, passages: passages.sort((x, y) => x.to.span.start - y.to.span.start || x.from.span.start - y.from.span.start) });
  }
  return out;
}
