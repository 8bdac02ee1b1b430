/**
 * How alike two articles are, from their fingerprints: IDF-weighted overlap of their key terms
 * and of their entities (cosine of binary vectors), lifted to near-certainty when their MinHash
 * signatures say one is a copy of the other, raised a little when their texts name the same
 * year, and zero when their dates are too far apart.
 */
import type { Fingerprint } from '../../store/index.js';
import { bucketOf, type DocumentFrequency } from './df.js';
import { hashString } from './hash.js';
import { YEAR_MARK } from './features.js';
import { jaccard } from './minhash.js';

// Tuned on BASIL triplets (eval/cluster-basil.ts) and checked on Emergent and FNC-1 pairs.
export const SIMILARITY = {
  /** Share of the score that entities carry when both articles have some. */
  entityShare: 0.3,
  /** Estimated shingle Jaccard above which two articles are copies of one text. */
  copyJaccard: 0.5,
  /** Score given to a copy. */
  copyScore: 0.9,
  /** Fewer shared terms and entities than this is chance, however rare the one word (short headlines: "Apple"). */
  minSharedKeys: 3,
  /** Rank in the fingerprint at which a term weighs half as much as the first. */
  rankHalfWeight: 15,
  /**
   * Added when both texts name the same year ("in 2008", "Updated: July 7, 2012"): reports of one
   * event date it alike, and ECB+'s two events of one kind are mostly years apart. A bonus only:
   * different years named are no evidence against (BASIL's reports of one event recall other
   * years; a year penalty cost BASIL 0.981 -> 0.973). Chosen on ECB+ (eval/cluster-ecbplus.ts)
   * by 2-fold cross-validation over topics: {0, 0.03, 0.05, 0.08}, each half chose 0.05 / 0.08,
   * held-out per-topic B-cubed F1 0.859 / 0.864 against 0.800 / 0.827 without; BASIL unmoved, METER 0.894 -> 0.891.
   */
  sharedYearBonus: 0.05,
  /** Articles further apart than this (both dated) are never one story: old stories close. */
  windowDays: 7,
} as const;

export const DAY_MS = 86_400_000;

/** A fingerprint with the time of its article, as the clusterer keeps it. */
export interface Keyed {
  fingerprint: Fingerprint;
  time: number | null;
}

export function similarity(a: Keyed, b: Keyed, df: DocumentFrequency): number {
  if (a.time !== null && b.time !== null && Math.abs(a.time - b.time) > SIMILARITY.windowDays * DAY_MS) return 0;
  const ea = a.fingerprint.entities;
  const eb = b.fingerprint.entities;
  const ta = termsOf(a.fingerprint);
  const tb = termsOf(b.fingerprint);
  const both = ea.length > 0 && eb.length > 0;
  // The shared keys first, without weights: most pairs compared share too few to score.
  const sharedTerms = match(ta, tb, TERMS);
  const sharedEntities = both ? match(ea, eb, ENTITIES) : 0;
  if (sharedTerms + sharedEntities < SIMILARITY.minSharedKeys) return 0;
  const terms = cosine(ta, tb, TERMS, df, '');
  let score = terms;
  if (both) score = (1 - SIMILARITY.entityShare) * terms + SIMILARITY.entityShare * cosine(ea, eb, ENTITIES, df, 'e:');
  if (jaccard(a.fingerprint.minhash, b.fingerprint.minhash) >= SIMILARITY.copyJaccard) score = Math.max(score, SIMILARITY.copyScore);
  if (sharesYear(marksOf(a.fingerprint), marksOf(b.fingerprint))) score += SIMILARITY.sharedYearBonus;
  return score;
}

/** Whether both texts name one year (marks are few: a scan is cheaper than a Set). */
function sharesYear(ma: readonly string[], mb: readonly string[]): boolean {
  for (const m of ma) if (m.startsWith(YEAR_MARK) && mb.includes(m)) return true;
  return false;
}

interface Split {
  terms: readonly string[];
  marks: readonly string[];
}

// Per term list: its terms and its marks (features.ts: they follow the terms, and start with '#').
const SPLITS = new WeakMap<readonly string[], Split>();

function splitOf(list: readonly string[]): Split {
  let s = SPLITS.get(list);
  if (!s) {
    let k = list.length;
    while (k > 0 && (list[k - 1] as string).startsWith('#')) k--;
    s = k === list.length ? { terms: list, marks: [] } : { terms: list.slice(0, k), marks: list.slice(k) };
    SPLITS.set(list, s);
  }
  return s;
}

/** A fingerprint's terms, without the marks stored after them. */
export function termsOf(fp: Fingerprint): readonly string[] {
  return splitOf(fp.terms).terms;
}

/** A fingerprint's marks: the years and numbers its text names. */
export function marksOf(fp: Fingerprint): readonly string[] {
  return splitOf(fp.terms).marks;
}

/** Which rank of b each rank of a matched in the last match() given it (valid where `at` holds its call's number). */
interface Matches {
  call: number;
  at: Uint32Array;
  rank: Uint32Array;
}

const TERMS: Matches = { call: 0, at: new Uint32Array(0), rank: new Uint32Array(0) };
const ENTITIES: Matches = { call: 0, at: new Uint32Array(0), rank: new Uint32Array(0) };

/**
 * The keys of a that b lists too (a fingerprint lists each key once), by a merge of the two
 * lists sorted by hash (a Map lookup per key cost more); an equal hash is checked on the strings.
 * A key listed twice in b matches its last place, as a lookup in a Map of b's keys would.
 */
function match(a: readonly string[], b: readonly string[], out: Matches): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (out.at.length < a.length || out.call === 0xffffffff) {
    out.at = new Uint32Array(Math.max(a.length * 2, out.at.length));
    out.rank = new Uint32Array(out.at.length);
    out.call = 0;
  }
  const call = ++out.call;
  const ka = keyOrderOf(a);
  const kb = keyOrderOf(b);
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ha = ka.hashes[i] as number;
    const hb = kb.hashes[j] as number;
    if (ha < hb) i++;
    else if (ha > hb) j++;
    else {
      let j2 = j;
      while (j2 < b.length && kb.hashes[j2] === ha) j2++;
      for (; i < a.length && ka.hashes[i] === ha; i++) {
        const ra = ka.ranks[i] as number;
        let rb = -1;
        for (let x = j; x < j2; x++) if (b[kb.ranks[x] as number] === a[ra] && (kb.ranks[x] as number) > rb) rb = kb.ranks[x] as number;
        if (rb >= 0) {
          out.at[ra] = call;
          out.rank[ra] = rb;
          shared++;
        }
      }
      j = j2;
    }
  }
  return shared;
}

/** Cosine of the weight vectors of a and b, from their last match(); the products added in a's order. */
function cosine(a: readonly string[], b: readonly string[], matches: Matches, df: DocumentFrequency, prefix: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  // Fingerprint terms come heaviest first (by TF-IDF): the rank stands in for the term frequency.
  const wa = weightsOf(a, df, prefix);
  const wb = weightsOf(b, df, prefix);
  let dot = 0;
  for (let r = 0; r < a.length; r++) if (matches.at[r] === matches.call) dot += (wa.w[r] as number) * (wb.w[matches.rank[r] as number] as number);
  return wa.norm2 > 0 && wb.norm2 > 0 ? dot / Math.sqrt(wa.norm2 * wb.norm2) : 0;
}

interface Weights {
  df: DocumentFrequency;
  version: number;
  /** Weight of each key, in the list's order. */
  w: Float64Array;
  /** Sum of the squared weights, added in the list's order. */
  norm2: number;
}

// Per key list (a fingerprint's terms or entities), its weights for one version of the document
// frequencies: a fingerprint is compared many times within a batch, and the counts move only between batches.
const WEIGHTS = new WeakMap<readonly string[], Weights>();

function weightsOf(keys: readonly string[], df: DocumentFrequency, prefix: string): Weights {
  const cached = WEIGHTS.get(keys);
  if (cached && cached.df === df && cached.version === df.version) return cached;
  const buckets = bucketsOf(keys, prefix);
  const w = new Float64Array(keys.length);
  let norm2 = 0;
  for (let r = 0; r < keys.length; r++) {
    const x = df.idfOf(buckets[r] as number) * rankWeight(r);
    w[r] = x;
    norm2 += x * x;
  }
  const out: Weights = { df, version: df.version, w, norm2 };
  WEIGHTS.set(keys, out);
  return out;
}

// Per key list, the sketch bucket of each key (with its prefix), for the life of the list: the
// weights are recomputed for every batch (the counts move), and hashing each key again for it,
// its prefix joined on first, was most of that.
const BUCKETS = new WeakMap<readonly string[], { prefix: string; buckets: Uint32Array }>();

function bucketsOf(keys: readonly string[], prefix: string): Uint32Array {
  const cached = BUCKETS.get(keys);
  if (cached && cached.prefix === prefix) return cached.buckets;
  const buckets = Uint32Array.from(keys, (k) => bucketOf(prefix + k));
  BUCKETS.set(keys, { prefix, buckets });
  return buckets;
}

/** A key list's hashes in ascending order, with the rank in the list of each. */
interface KeyOrder {
  hashes: Uint32Array;
  ranks: Uint32Array;
}

// Per key list, for the life of the list (it does not depend on the counts).
const KEY_ORDERS = new WeakMap<readonly string[], KeyOrder>();

function keyOrderOf(keys: readonly string[]): KeyOrder {
  let order = KEY_ORDERS.get(keys);
  if (!order) {
    const byHash = keys.map((k, r) => [hashString(k), r] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    order = { hashes: Uint32Array.from(byHash, (x) => x[0]), ranks: Uint32Array.from(byHash, (x) => x[1]) };
    KEY_ORDERS.set(keys, order);
  }
  return order;
}

function rankWeight(rank: number): number {
  return 1 / (1 + rank / SIMILARITY.rankHalfWeight);
}
