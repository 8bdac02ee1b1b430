/**
 * One batch through the one clusterer: plan (assignment and merges against the store's candidate
 * index) and commit (articles, fingerprints, membership and document-frequency counts in ONE
 * transaction). `ingest`, the PostgreSQL workers and `compare` all place articles through this,
 * so the same articles in the same batches make the same stories whichever command ran them.
 */
import type { Article } from '../model/index.js';
import type { IngestBatch, PutArticlesResult, Store } from '../store/index.js';
import { toStore } from '../store/rows.js';
import { articleFeatures, titleOf, type BatchPlan, type ClusterItem, type Clusterer } from '../stories/group/index.js';

/** Articles per batch (per transaction): large enough to amortise the commit, small enough to lose little to a kill. */
export const BATCH_SIZE = 500;

export async function clusterBatch(
  store: Pick<Store, 'commitBatch'>,
  clusterer: Clusterer,
  items: readonly ClusterItem[],
  commit: (batch: IngestBatch) => Promise<PutArticlesResult> = (batch) => store.commitBatch(batch),
): Promise<{ plan: BatchPlan; result: PutArticlesResult }> {
  const plan = await clusterer.planBatch(items);
  const result = await commit({ articles: items.map((i) => i.article), fingerprints: plan.fingerprints, assignments: plan.assignments, sketch: clusterer.takeSketch() });
  return { plan, result };
}

/** An analyzed article as the clusterer and the store take it (made on the worker thread that analyzed it). */
export function clusterItem(article: Article): ClusterItem {
  return { article: toStore(article), title: titleOf(article), features: articleFeatures(article) };
}
