/**
 * Pair rows for the same-event model (src/stories/group/pair.ts) from ECB+ development topics:
 * every pair of articles within one topic, labelled one event when they share the sub-topic.
 * Each pair is seen under the document frequencies of its topic alone (what `compare` of a
 * topic's files counts) and of all the given topics together (what `ingest` of the corpus counts).
 */
import type { Article } from '../src/model/index.js';
import { articleFeatures, Clusterer, DocumentFrequency } from '../src/stories/group/index.js';
import { bucketOf } from '../src/stories/group/df.js';
import { pairFeatures } from '../src/stories/group/pair.js';
import type { Keyed } from '../src/stories/group/similarity.js';
import type { CandidateIndex } from '../src/store/index.js';
import type { EcbDoc } from './ecbplus-data.js';

export interface PairRows {
  x: number[][];
  y: boolean[];
}

/** Rows of the pairs within each topic that passes `keep` (`articles[i]` is `docs[i]` analysed). */
export function ecbPairRows(docs: readonly EcbDoc[], articles: readonly Article[], keep: (topic: number) => boolean): PairRows {
  const idx = docs.map((_, i) => i).filter((i) => keep((docs[i] as EcbDoc).topic));
  const features = new Map(idx.map((i) => [i, articleFeatures(articles[i] as Article)] as const));
  const byTopic = new Map<number, number[]>();
  for (const i of idx) byTopic.set((docs[i] as EcbDoc).topic, [...(byTopic.get((docs[i] as EcbDoc).topic) ?? []), i]);
  const keyed = (members: readonly number[]): { df: DocumentFrequency; k: Map<number, Keyed> } => {
    const df = new DocumentFrequency();
    for (const i of members) {
      const f = features.get(i) as ReturnType<typeof articleFeatures>;
      df.addBuckets([...f.terms.map(([t]) => bucketOf(t)), ...f.entities.map((e) => bucketOf(`e:${e}`))]);
    }
    // Only the fingerprint is asked of the clusterer: it reads the counts, never the store.
    const c = new Clusterer({} as CandidateIndex, df);
    return { df, k: new Map(members.map((i) => [i, { fingerprint: c.fingerprint(features.get(i) as ReturnType<typeof articleFeatures>), time: null }] as const)) };
  };
  const out: PairRows = { x: [], y: [] };
  const whole = keyed(idx);
  for (const members of byTopic.values()) {
    const own = keyed(members);
    for (const ctx of [own, whole]) {
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          const [i, j] = [members[a] as number, members[b] as number];
          out.x.push(pairFeatures(ctx.k.get(i) as Keyed, ctx.k.get(j) as Keyed, ctx.df));
          out.y.push((docs[i] as EcbDoc).subtopic === (docs[j] as EcbDoc).subtopic);
        }
      }
    }
  }
  return out;
}

/** Area under the ROC curve of `scores` for `labels` (ties count half). */
export function auc(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((s, i) => [s, labels[i] as boolean] as const).sort((p, q) => p[0] - q[0]);
  let pos = 0;
  let neg = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && (order[j] as readonly [number, boolean])[0] === (order[i] as readonly [number, boolean])[0]) j++;
    const mid = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if ((order[k] as readonly [number, boolean])[1]) [pos, rankSum] = [pos + 1, rankSum + mid];
    neg += j - i - (order.slice(i, j).filter((o) => o[1]).length);
    i = j;
  }
  return pos > 0 && neg > 0 ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : 0.5;
}
