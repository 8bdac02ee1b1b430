/**
 * crosscheck's library API: everything the CLI does, as typed functions.
 *
 *   import { openCollection, compare } from 'crosscheck';
 *   const c = await openCollection('news.db');        // or 'postgres://...'
 *   await c.ingest(['news/', 'dump.jsonl.gz']);
 *   const report = await c.story(id);                 // facts, reuse, origins, coverage
 *   await c.close();
 *   const once = await compare(['a.txt', 'b.jsonl']); // the same stories, nothing kept
 */
export * from './model/index.js';
export {
  openCollection,
  collectionOf,
  compare,
  compareAll,
  compareArticles,
  groupArticles,
  readArticles,
  processSource,
  analyzeText,
  ingest,
  INGEST,
  type Collection,
  type CollectionIngestOptions,
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  type RunOptions,
} from './collection/index.js';
export { openStore, resolveDbLocation, StoreError, isStoreError, DEFAULT_DB, type Store, type StorySummary, type SearchHit, type ListStoriesOptions, type SearchOptions, type StoreStats } from './store/index.js';
export { analyzeStory } from './stories/index.js';
export { readInputs, type ReadItem, type ReadOptions } from './read/index.js';
export { extract } from './extract/index.js';
export { analyze, STAGES, type Stage, type StageSpec, type Layer } from './analyze/index.js';
export { Working } from './analyze/working.js';
export { renderJSON, toJSON } from './report/json.js';
export { renderText } from './report/text.js';
export { renderMarkdown } from './report/markdown.js';
