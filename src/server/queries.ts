/**
 * What the pages and the API read from the store, in one place so that a page and its JSON
 * always show the same thing: the story list (filters checked, keyset pagination on the
 * store's indexes: `?after=` carries an opaque cursor, so a deep page costs what the first
 * does; the older `?offset=` still works, bounded), search (paged the same way), one story
 * with its articles (analyzed on first view when ingest left it for later, as `crosscheck
 * story` does), one article with its story's summary.
 */
import { versionStoreOf, type ArticleVersion } from '../store/versions.js';
import { message, type Article, type Comparison, type Story } from '../model/index.js';
import { storyReport } from '../collection/index.js';
import type { ListStoriesOptions, SearchCursor, SearchHit, SearchKind, Store, StoryCursor, StorySummary } from '../store/index.js';
import { HttpError, badRequest } from './http.js';
import type { WriteLock } from './write-lock.js';

export const LIST = {
  /** Stories per page unless ?limit says otherwise, and the most one page may hold. */
  pageSize: 20,
  maxPageSize: 100,
  /** Deepest offset served: past it, narrow the filters (an offset scan grows with the page number). */
  maxOffset: 100_000,
  searchLimit: 50,
  /** Search hits per page on the story list's page. */
  searchPageSize: 20,
} as const;

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const SEARCH_KINDS: readonly SearchKind[] = ['article', 'story', 'fact'];

export interface ListQuery {
  options: ListStoriesOptions;
  q: string;
  /** The cursor of ?after= (a story cursor, or a search cursor when q is given). */
  after: string | null;
  /** The page number shown (?page=, carried by the next links; display only). */
  page: number;
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
  const after = (query.get('after') ?? '').trim() || null;
  if (after !== null && offset > 0) throw badRequest('give after or offset, not both');
  return { options, q: (query.get('q') ?? '').trim().slice(0, 500), after, page: wholeNumber(query, 'page', 1, 1, 1_000_000_000) };
}

/** A cursor as it travels in a URL: base64url of a JSON array of its fields. */
export function encodeCursor(fields: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(fields)).toString('base64url');
}

function decodeCursor(token: string): unknown[] {
  const bad = (): never => {
    throw badRequest(`after is not a page cursor this server gave ("${token.slice(0, 40)}")`, 'follow the next link of a page; start again from the first page');
  };
  if (token.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(token)) bad();
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    return Array.isArray(v) ? v : bad();
  } catch {
    return bad();
  }
}

export function storyCursor(token: string, order: ListStoriesOptions['order']): StoryCursor {
  const [key, id, ...rest] = decodeCursor(token);
  const keyOk = order === 'largest' ? typeof key === 'number' && Number.isInteger(key) : key === null || typeof key === 'string';
  if (!keyOk || typeof id !== 'string' || rest.length > 0) throw badRequest(`after is not a cursor of the ${order} list`, 'follow the next link of a page; start again from the first page');
  return { key: key as StoryCursor['key'], id };
}

export function searchCursor(token: string): SearchCursor {
  const [rank, kind, id, ...rest] = decodeCursor(token);
  if (typeof rank !== 'number' || !Number.isFinite(rank) || !SEARCH_KINDS.includes(kind as SearchKind) || typeof id !== 'string' || rest.length > 0) {
    throw badRequest('after is not a cursor of a search', 'follow the next link of a page; start again from the first page');
  }
  return { rank, kind: kind as SearchKind, id };
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
  /** The offset asked for (?offset=); 0 on keyset pages. */
  offset: number;
  /** Whether another page follows. */
  more: boolean;
  /** The cursor of this page (?after=), null on the first page and on offset pages. */
  after: string | null;
  /** The cursor of the next page, when one follows (keyset pages). */
  next: string | null;
  /** The page number shown. */
  page: number;
}

export async function listStories(store: Store, q: ListQuery): Promise<StoryPage> {
  const { options } = q;
  const base = { order: options.order, limit: options.limit, page: q.page };
  if (options.offset !== undefined && options.offset > 0) {
    // One more than asked tells whether a next page exists without counting the collection.
    const rows = await store.listStories({ ...options, limit: options.limit + 1 });
    return { ...base, stories: rows.slice(0, options.limit), offset: options.offset, more: rows.length > options.limit, after: null, next: null };
  }
  const { offset: _offset, ...filters } = options;
  const after = q.after === null ? undefined : storyCursor(q.after, options.order);
  const page = await store.pageStories({ ...filters, ...(after ? { after } : {}) });
  const next = page.next ? encodeCursor([page.next.key, page.next.id]) : null;
  return { ...base, stories: page.stories, offset: 0, more: next !== null, after: q.after, next };
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
  /** The stories the hits belong to, by id, for listing them with their headline. */
  stories: Record<string, StorySummary | null>;
  /** The cursor of this page and of the next one (null: none follows). */
  after: string | null;
  next: string | null;
  page: number;
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
export async function search(store: Store, q: string, kinds: SearchKind[] | undefined, limit: number = LIST.searchLimit, after: string | null = null, page = 1): Promise<SearchResult> {
  const cursor = after === null ? undefined : searchCursor(after);
  const options = { limit, highlight: [HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE] as const, ...(kinds ? { kinds } : {}), ...(cursor ? { after: cursor } : {}) };
  const result = await store.searchPage(q, options);
  const next = result.next ? encodeCursor([result.next.rank, result.next.kind, result.next.id]) : null;
  return { query: q, hits: result.hits, stories: {}, after, next, page };
}

export const HIGHLIGHT_OPEN = '\u0001';
export const HIGHLIGHT_CLOSE = '\u0002';

/** The JSON form of search hits: the CLI's markers ([ and ]) instead of the control characters. */
export function searchJSON(r: SearchResult, query: URLSearchParams, base: string): unknown {
  const marks = (s: string): string => s.split(HIGHLIGHT_OPEN).join('[').split(HIGHLIGHT_CLOSE).join(']');
  return {
    query: r.query,
    hits: r.hits.map((h) => ({ ...h, snippet: marks(h.snippet), title: h.title === null ? null : marks(h.title) })),
    next: r.next ? pageHref(base, query, r.next, r.page + 1) : null,
    first: r.after ? pageHref(base, query, null, 1) : null,
  };
}

/** The address of another page of a list or search: the same filters, another cursor. */
export function pageHref(base: string, query: URLSearchParams, after: string | null, page: number, drop: readonly string[] = ['format']): string {
  const q = new URLSearchParams(query);
  for (const k of [...drop, 'offset', 'after', 'page']) q.delete(k);
  if (after !== null) {
    q.set('after', after);
    q.set('page', String(page));
  }
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

export interface StoryView {
  story: Story;
  articles: Article[];
  comparison: Comparison;
  /** Member articles whose watched page changed (crosscheck watch): their versions, oldest first. */
  changes: { articleId: string; versions: ArticleVersion[] }[];
}

export async function storyView(store: Store, id: string, lock: WriteLock): Promise<StoryView> {
  // A stale story is analyzed on its first view (under the server's write lock) and kept.
  const comparison = await storyReport(store, id, (fn) => lock.run(fn));
  const story = comparison?.stories[0];
  if (!comparison || !story) throw new HttpError(404, 'CC705', `no story "${id.slice(0, 80)}" in the database`);
  const changes: StoryView['changes'] = [];
  const versions = versionStoreOf(store);
  if (versions) {
    for (const a of comparison.articles) {
      const vs = await versions.versionsOfArticle(a.id);
      if (vs.length > 1) changes.push({ articleId: a.id, versions: vs });
    }
  }
  return { story, articles: comparison.articles, comparison, changes };
}

export interface ArticleView {
  article: Article;
  storyId: string | null;
  story: StorySummaryLite | null;
  /** The versions of the watched page this article is a version of (crosscheck watch); absent or empty otherwise. */
  versions?: ArticleVersion[];
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
  // The summary row only: a large story's facts and documents are not read for a link.
  const story = storyId ? (await store.storySummaries([storyId])).get(storyId) : undefined;
  const versions = (await versionStoreOf(store)?.versionsOfArticle(id)) ?? [];
  return { article, storyId, story: story ? { id: story.id, title: story.title } : null, versions };
}

/**
 * What an article page shows that can change: its story and that story's title, covered by the
 * story's version (the article itself never changes: its id is its content). Read before the
 * page, for the page cache.
 */
export async function articleStamp(store: Store, id: string): Promise<string | null> {
  const storyId = (await store.storyOf([id])).get(id);
  if (storyId === undefined) return null;
  // A new version of the page (watch) changes the page too.
  const versions = ((await versionStoreOf(store)?.versionsOfArticle(id)) ?? []).length;
  return JSON.stringify([storyId, storyId === null ? null : await store.storyStamp(storyId), versions]);
}
