/**
 * What the pages and the API read from the store, in one place so that a page and its JSON
 * always show the same thing: the story list (filters checked, offset pagination on the
 * store's indexes), search, one story with its articles (analysed on first view when ingest
 * left it for later, as `crosscheck story` does), one article with its story.
 */
import { message, type Article, type Comparison, type Story } from '../model/index.js';
import { MAX_ANALYZED_ARTICLES, applyAnalysis, storyInput } from '../cluster/refresh.js';
import { analyzeStory } from '../stories/index.js';
import type { ListStoriesOptions, SearchHit, SearchKind, Store, StorySummary } from '../store/index.js';
import { HttpError, badRequest } from './http.js';
import type { WriteLock } from './write-lock.js';

export const LIST = {
  /** Stories per page unless ?limit says otherwise, and the most one page may hold. */
  pageSize: 20,
  maxPageSize: 100,
  /** Deepest offset served: past it, narrow the filters (an offset scan grows with the page number). */
  maxOffset: 100_000,
  searchLimit: 50,
} as const;

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const SEARCH_KINDS: readonly SearchKind[] = ['article', 'story', 'fact'];

export interface ListQuery {
  options: ListStoriesOptions;
  q: string;
}

/** Reads the list filters from the query string (400, CC902, for a bad value). */
export function listQuery(query: URLSearchParams): ListQuery {
  const order = query.get('order') || 'newest';
  if (order !== 'newest' && order !== 'largest') throw badRequest(`order must be newest or largest, not "${order.slice(0, 40)}"`);
  const options: ListStoriesOptions = { order, limit: LIST.pageSize };
  for (const key of ['since', 'until'] as const) {
    const v = (query.get(key) ?? '').trim();
    if (!v) continue;
    if (!DATE.test(v)) throw badRequest(`${key} needs an ISO 8601 date (2025-04-08 or 2025-04-08T14:00Z), not "${v.slice(0, 40)}"`);
    options[key] = v;
  }
  const outlet = (query.get('outlet') ?? '').trim();
  if (outlet) options.outlet = outlet;
  options.limit = wholeNumber(query, 'limit', LIST.pageSize, 1, LIST.maxPageSize);
  const offset = wholeNumber(query, 'offset', 0, 0, LIST.maxOffset);
  if (offset > 0) options.offset = offset;
  return { options, q: (query.get('q') ?? '').trim().slice(0, 500) };
}

function wholeNumber(query: URLSearchParams, key: string, fallback: number, min: number, max: number): number {
  const v = (query.get(key) ?? '').trim();
  if (!v) return fallback;
  if (!/^\d{1,9}$/.test(v) || Number(v) < min || Number(v) > max) throw badRequest(`${key} needs a whole number from ${min} to ${max}, not "${v.slice(0, 40)}"`);
  return Number(v);
}

export interface StoryPage {
  stories: StorySummary[];
  order: ListStoriesOptions['order'];
  limit: number;
  offset: number;
  /** Whether another page follows. */
  more: boolean;
}

export async function listStories(store: Store, q: ListQuery): Promise<StoryPage> {
  const { options } = q;
  // One more than asked tells whether a next page exists without counting the collection.
  const rows = await store.listStories({ ...options, limit: options.limit + 1 });
  return { stories: rows.slice(0, options.limit), order: options.order, limit: options.limit, offset: options.offset ?? 0, more: rows.length > options.limit };
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  /** The stories the hits belong to, by id, for listing them with their headline. */
  stories: Record<string, StorySummary | null>;
}

export function searchKinds(query: URLSearchParams): SearchKind[] | undefined {
  const kind = (query.get('kind') ?? '').trim();
  if (!kind) return undefined;
  const asked = kind.split(',').map((k) => k.trim());
  const bad = asked.find((k) => !SEARCH_KINDS.includes(k as SearchKind));
  if (bad !== undefined) throw badRequest(`kind takes article, story, fact (comma-separated), not "${bad.slice(0, 40)}"`);
  return asked as SearchKind[];
}

/** Full-text search; matched words come back between \u0001 and \u0002 (the page turns them into <mark>). */
export async function search(store: Store, q: string, kinds: SearchKind[] | undefined, limit: number = LIST.searchLimit): Promise<SearchResult> {
  const options = { limit, highlight: [HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE] as const, ...(kinds ? { kinds } : {}) };
  const hits = await store.search(q, options);
  return { query: q, hits, stories: {} };
}

export const HIGHLIGHT_OPEN = '\u0001';
export const HIGHLIGHT_CLOSE = '\u0002';

/** The JSON form of search hits: the CLI's markers ([ and ]) instead of the control characters. */
export function searchJSON(r: SearchResult): unknown {
  const marks = (s: string): string => s.split(HIGHLIGHT_OPEN).join('[').split(HIGHLIGHT_CLOSE).join(']');
  return { query: r.query, hits: r.hits.map((h) => ({ ...h, snippet: marks(h.snippet), title: h.title === null ? null : marks(h.title) })) };
}

export interface StoryView {
  story: Story;
  articles: Article[];
  comparison: Comparison;
}

export async function storyView(store: Store, id: string, lock: WriteLock): Promise<StoryView> {
  let story = await store.getStory(id);
  if (story && story.facts.length === 0 && story.reuse.length === 0 && story.articleIds.length > 1) {
    // Ingest leaves some stories for later: analyse on first view and keep the result.
    story = await lock.run(async () => {
      const input = await storyInput(store, id);
      if (input) await applyAnalysis(store, input, analyzeStory(id, input.articles).story);
      return store.getStory(id);
    });
  }
  if (!story) throw new HttpError(404, 'CC705', `no story "${id.slice(0, 80)}" in the database`);
  const articles = await store.getArticles(story.articleIds.slice(0, MAX_ANALYZED_ARTICLES));
  const comparison: Comparison = { articles, stories: [story], messages: [] };
  if (story.articleIds.length > articles.length) {
    comparison.messages.push(message('CC403', `story ${id} has ${story.articleIds.length} articles; the report shows the first ${articles.length}`));
  }
  return { story, articles, comparison };
}

export interface ArticleView {
  article: Article;
  storyId: string | null;
  story: StorySummaryLite | null;
}

/** Enough of the article's story for a link back: id and title. */
export interface StorySummaryLite {
  id: string;
  title: string;
}

export async function articleView(store: Store, id: string): Promise<ArticleView> {
  const article = await store.getArticle(id);
  if (!article) throw new HttpError(404, 'CC705', `no article "${id.slice(0, 80)}" in the database`);
  const storyId = (await store.storyOf([id])).get(id) ?? null;
  const story = storyId ? await store.getStory(storyId) : null;
  return { article, storyId, story: story ? { id: story.id, title: story.title } : null };
}
