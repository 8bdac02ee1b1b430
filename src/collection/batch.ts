/**
 * One batch through the one clusterer: plan (assignment and merges against the store's candidate
 * index) and commit (articles, fingerprints, membership and document-frequency counts in ONE
 * transaction). `ingest`, the PostgreSQL workers and `compare` all place articles through this,
 * so the same articles in the same batches make the same stories whichever command ran them.
 */
import type { PutArticlesResult, Store } from '../store/index.js';
import type { BatchPlan, ClusterItem, Clusterer } from '../stories/group/index.js';
import type { IngestBatch } from '../store/index.js';

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
