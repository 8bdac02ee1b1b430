/**
 * Whether two reports tell one event, learned: reports of two events of one kind (two
 * earthquakes, two rehab check-ins) share the words of their kind, so their similarity alone
 * overlaps with that of two reports of one event. What parts them is which keys they share: the
 * rare names and words of one event (a key few documents hold) against the common words of a
 * topic, the entities, the year named, a copied text. A logistic model over those pair features
 * (fitted by eval/pair-model-ecbplus.ts and eval/cluster-ecbplus.ts on ECB+ development topics)
 * gives the probability that the two are one event. split.ts can back its decision to split a
 * story in two with it; none is shipped: held out it did not beat the hand rule (SPLIT.pairRatio).
 */
import type { DocumentFrequency } from './df.js';
import { YEAR_MARK } from './features.js';
import { jaccard } from './minhash.js';
import { marksOf, similarity, termsOf, type Keyed } from './similarity.js';

/** Rarity of a key in [0, 1]: 1 - ln(df + 1) / ln(n + 1) over the collection and the background (1: in one document, 0: in all). */
function rarity(key: string, df: DocumentFrequency): number {
  const n = df.documents + df.background.documents;
  const idf = df.idf(key);
  return n > 0 ? Math.max(0, Math.min(1, (idf - 1) / Math.log(n + 1))) : 0;
}

/** Rarity bands of a shared key: rare (an event's own names and words), middling, common (a topic's). */
const RARE = 0.7;
const COMMON = 0.4;
/** Shared keys counted up to this many in a band (the count over this, feature 1). */
const CAP = 10;

export const PAIR_FEATURES = [
  'similarity',
  'sharedRareTerms',
  'sharedMidTerms',
  'sharedCommonTerms',
  'rareTermOverlap',
  'sharedRareEntities',
  'sharedOtherEntities',
  'entityOverlap',
  'sameYear',
  'otherYears',
  'copyJaccard',
] as const;

/** The pair features of a and b (PAIR_FEATURES, each in [0, 1]; the similarity up to 1 and its shared-year bonus). */
export function pairFeatures(a: Keyed, b: Keyed, df: DocumentFrequency): number[] {
  const ta = termsOf(a.fingerprint);
  const tb = new Set(termsOf(b.fingerprint));
  let rare = 0;
  let mid = 0;
  let common = 0;
  let rareA = 0;
  for (const t of ta) {
    const r = rarity(t, df);
    if (r >= RARE) rareA++;
    if (!tb.has(t)) continue;
    if (r >= RARE) rare++;
    else if (r >= COMMON) mid++;
    else common++;
  }
  let rareB = 0;
  for (const t of tb) if (rarity(t, df) >= RARE) rareB++;
  const ea = a.fingerprint.entities;
  const eb = new Set(b.fingerprint.entities);
  let rareE = 0;
  let otherE = 0;
  for (const e of ea) {
    if (!eb.has(e)) continue;
    if (rarity(`e:${e}`, df) >= RARE) rareE++;
    else otherE++;
  }
  const ya = marksOf(a.fingerprint).filter((m) => m.startsWith(YEAR_MARK));
  const yb = marksOf(b.fingerprint).filter((m) => m.startsWith(YEAR_MARK));
  const sameYear = ya.some((y) => yb.includes(y));
  return [
    similarity(a, b, df),
    Math.min(rare, CAP) / CAP,
    Math.min(mid, CAP) / CAP,
    Math.min(common, CAP) / CAP,
    Math.min(rareA, rareB) > 0 ? rare / Math.min(rareA, rareB) : 0,
    Math.min(rareE, CAP) / CAP,
    Math.min(otherE, CAP) / CAP,
    Math.min(ea.length, eb.size) > 0 ? (rareE + otherE) / Math.min(ea.length, eb.size) : 0,
    sameYear ? 1 : 0,
    ya.length > 0 && yb.length > 0 && !sameYear ? 1 : 0,
    jaccard(a.fingerprint.minhash, b.fingerprint.minhash),
  ];
}

export interface PairModel {
  features: readonly string[];
  /** One weight per feature, then the bias. */
  weights: readonly number[];
}

/** Probability that a and b tell one event, under `model`. */
export function samePairProbability(features: readonly number[], model: PairModel): number {
  const d = features.length;
  let z = model.weights[d] ?? 0;
  for (let i = 0; i < d; i++) z += (features[i] as number) * (model.weights[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/**
 * The model split.ts backs its hand rule with: none shipped (held out on ECB+ it did not beat the
 * hand rule, see split.ts SPLIT.pairRatio); an evaluation sets one trained on other topics.
 */
export const PAIR_MODEL: { use: PairModel | null } = { use: null };
