/**
 * The collection: the story side's one entry. openCollection(db) gives ingest, story (fresh or
 * analyzed), article, stories, search, export and refreshStale; compare runs the same clusterer
 * over a store in memory; the batch loop and worker pool are shared by `ingest` and `worker`.
 */
export { openCollection, collectionOf, type Collection, type CollectionIngestOptions } from './collection.js';
export { ingest, INGEST, type IngestOptions, type IngestProgress, type IngestSummary } from './ingest.js';
export { compareArticles, groupArticles } from './compare.js';
export { compare, compareAll, readArticles, processSource, analyzeText, type RunOptions } from './pipeline.js';
export { storyReport, currentStory, refreshStale, applyAnalysis, storyInput, MAX_ANALYZED_ARTICLES, type Exclusive, type StoryInput } from './lifecycle.js';
export { BATCH_SIZE, clusterBatch, clusterItem } from './batch.js';
export { COLUMNS, csvCells, exportRows, type ExportWhat } from './export.js';
