/**
 * A collection: a database of articles grouped into stories, and everything a user does with it.
 * The CLI, the web server and the PostgreSQL workers are thin adapters over this module; the
 * library gives it whole:
 *
 *   import { openCollection } from 'crosscheck';
 *   const c = await openCollection('news.db');          // or 'postgres://...', or ':memory:'
 *   await c.ingest(['news/', 'dump.jsonl.gz']);
 *   const [top] = await c.stories({ order: 'largest', limit: 1 });
 *   const report = top ? await c.story(top.id) : null; // facts, reuse, origins, coverage
 *   await c.close();
 */
import type { Article, Comparison } from '../model/index.js';
import {
  openStore,
  type ArticleRecord,
  type FactRecord,
  type ListStoriesOptions,
  type SearchHit,
  type SearchOptions,
  type SqliteStoreOptions,
  type Store,
  type StoreStats,
  type StoryRecord,
  type StorySummary,
} from '../store/index.js';
import { ingest, type IngestOptions, type IngestSummary } from './ingest.js';
import { refreshStale, storyReport } from './lifecycle.js';

export type CollectionIngestOptions = Omit<IngestOptions, 'store' | 'inputs'>;

export interface Collection {
  /** The store underneath, for what the collection does not wrap (the server's paging, the workers' queue). */
  readonly store: Store;
  /** Reads, cleans, analyses and clusters the inputs into the stored stories (see src/collection/ingest.ts). */
  ingest(inputs: string | readonly string[], options?: CollectionIngestOptions): Promise<IngestSummary>;
  /** A story's report (analyzed now when stale, and kept), or null when there is no such story. */
  story(id: string): Promise<Comparison | null>;
  /** One stored article and the story it belongs to. */
  article(id: string): Promise<{ article: Article; storyId: string | null } | null>;
  /** Story summaries; newest first unless told. */
  stories(options?: Partial<ListStoriesOptions>): Promise<StorySummary[]>;
  /** Full-text search over articles, stories and facts. */
  search(query: string, options?: Partial<SearchOptions>): Promise<SearchHit[]>;
  /** Analyses the stale stories now (up to `limit`); returns how many were put back. */
  refreshStale(limit?: number): Promise<number>;
  /** Streams of the stored rows; stories and facts are made current first. */
  exportArticles(): AsyncIterable<ArticleRecord>;
  exportStories(): AsyncIterable<StoryRecord>;
  exportFacts(): AsyncIterable<FactRecord>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/** Opens (creating when needed) the collection at `location`: an SQLite file, ':memory:', or a postgres:// URL. */
export async function openCollection(location: string, options: SqliteStoreOptions = {}): Promise<Collection> {
  return collectionOf(await openStore(location, options));
}

/** A collection over a store already open (the adapters that open their own). */
export function collectionOf(store: Store): Collection {
  return {
    store,
    ingest: (inputs, options = {}) => ingest({ ...options, store, inputs: typeof inputs === 'string' ? [inputs] : inputs }),
    story: (id) => storyReport(store, id),
    article: async (id) => {
      const article = await store.getArticle(id);
      if (!article) return null;
      return { article, storyId: (await store.storyOf([id])).get(id) ?? null };
    },
    stories: (options = {}) => store.listStories({ order: 'newest', limit: 50, ...options }),
    search: (query, options = {}) => store.search(query, { limit: 20, ...options }),
    refreshStale: (limit) => refreshStale(store, undefined, limit),
    exportArticles: () => store.exportArticles(),
    exportStories: () => current(store, () => store.exportStories()),
    exportFacts: () => current(store, () => store.exportFacts()),
    stats: () => store.stats(),
    close: () => store.close(),
  };
}

async function* current<T>(store: Store, rows: () => AsyncIterable<T>): AsyncIterable<T> {
  await refreshStale(store);
  yield* rows();
}
