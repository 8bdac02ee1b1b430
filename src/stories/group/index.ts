/** The one story clusterer (ingest and compare both run it): features, fingerprints, candidates from an index, assignment and merges. */
export { articleFeatures, type Features } from './features.js';
export { Clusterer, CLUSTER, DF_STATE_KEY, clusterItem, titleOf, type BatchPlan, type ClusterItem } from './clusterer.js';
export { DocumentFrequency } from './df.js';
export { SIMILARITY, similarity } from './similarity.js';
export { MINHASH, signature, bands, jaccard } from './minhash.js';
