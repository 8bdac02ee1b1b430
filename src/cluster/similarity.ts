/**
 * How alike two articles are, from their fingerprints: IDF-weighted overlap of their key terms
 * and of their entities (cosine of binary vectors), lifted to near-certainty when their MinHash
 * signatures say one is a copy of the other, and zero when their dates are too far apart.
 */
import type { Fingerprint } from '../store/index.js';
import type { DocumentFrequency } from './df.js';
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
  if (sharedKeys(a.fingerprint, b.fingerprint) < SIMILARITY.minSharedKeys) return 0;
  const terms = weightedCosine(a.fingerprint.terms, b.fingerprint.terms, df, '');
  const ea = a.fingerprint.entities;
  const eb = b.fingerprint.entities;
  let score = terms;
  if (ea.length > 0 && eb.length > 0) {
    const ents = weightedCosine(ea, eb, df, 'e:');
    score = (1 - SIMILARITY.entityShare) * terms + SIMILARITY.entityShare * ents;
  }
  if (jaccard(a.fingerprint.minhash, b.fingerprint.minhash) >= SIMILARITY.copyJaccard) score = Math.max(score, SIMILARITY.copyScore);
  return score;
}

function weightedCosine(a: readonly string[], b: readonly string[], df: DocumentFrequency, prefix: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  // Fingerprint terms come heaviest first (by TF-IDF): the rank stands in for the term frequency.
  const wa = weightsOf(a, df, prefix);
  const wb = weightsOf(b, df, prefix);
  let dot = 0;
  for (let r = 0; r < a.length; r++) {
    const v = wb.byKey.get(a[r] as string);
    if (v !== undefined) dot += (wa.w[r] as number) * v;
  }
  return wa.norm2 > 0 && wb.norm2 > 0 ? dot / Math.sqrt(wa.norm2 * wb.norm2) : 0;
}

interface Weights {
  df: DocumentFrequency;
  version: number;
  /** Weight of each key, in the list's order. */
  w: Float64Array;
  byKey: Map<string, number>;
  /** Sum of the squared weights, added in the list's order. */
  norm2: number;
}

// Per key list (a fingerprint's terms or entities), its weights for one version of the document
// frequencies: a fingerprint is compared many times within a batch, and the counts move only between batches.
const WEIGHTS = new WeakMap<readonly string[], Weights>();

function weightsOf(keys: readonly string[], df: DocumentFrequency, prefix: string): Weights {
  const cached = WEIGHTS.get(keys);
  if (cached && cached.df === df && cached.version === df.version) return cached;
  const w = new Float64Array(keys.length);
  const byKey = new Map<string, number>();
  let norm2 = 0;
  for (let r = 0; r < keys.length; r++) {
    const t = keys[r] as string;
    const x = df.idf(prefix + t) * rankWeight(r);
    w[r] = x;
    byKey.set(t, x);
    norm2 += x * x;
  }
  const out: Weights = { df, version: df.version, w, byKey, norm2 };
  WEIGHTS.set(keys, out);
  return out;
}

// Per fingerprint, its terms and entities as sets (built once: a fingerprint is compared many times).
const SETS = new WeakMap<Fingerprint, { terms: Set<string>; entities: Set<string> }>();

function setsOf(f: Fingerprint): { terms: Set<string>; entities: Set<string> } {
  let s = SETS.get(f);
  if (!s) SETS.set(f, (s = { terms: new Set(f.terms), entities: new Set(f.entities) }));
  return s;
}

/** Terms and entities the two fingerprints share. */
function sharedKeys(a: Fingerprint, b: Fingerprint): number {
  const sa = setsOf(a);
  const sb = setsOf(b);
  let n = 0;
  for (const t of sb.terms) if (sa.terms.has(t)) n++;
  for (const e of sb.entities) if (sa.entities.has(e)) n++;
  return n;
}

function rankWeight(rank: number): number {
  return 1 / (1 + rank / SIMILARITY.rankHalfWeight);
}
