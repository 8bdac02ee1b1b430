/**
 * Rows to records, shared by the SQLite and PostgreSQL stores: both keep an article's queryable
 * fields and a story's listing fields in the same snake_case columns.
 */
import type { Article, Fact } from '../model/index.js';
import type { ArticleRecord, ArticleToStore, FactRecord, StorySummary } from './store.js';

/** A stored fact's members and conflicts (both stores keep the whole Fact as its doc). */
export function factEvidence(doc: string): Pick<FactRecord, 'members' | 'conflicts'> {
  const f = JSON.parse(doc) as Partial<Fact>;
  return { members: f.members ?? [], conflicts: f.conflicts ?? [] };
}

/**
 * What an evidence's `text` and `articleId` are written as when the store can rebuild them: the
 * text when it is exactly the article's text at the evidence's span, the id when it is the
 * article's own (as every evidence of an article is). Both were most of the stored JSON: on
 * FNC-1 bodies the evidence texts are 23% of it, the repeated ids 16% (15.6 -> 9.5 K characters
 * an article, written by every commit and read back by every view). Never a value of the model
 * (an evidence's text and id are strings), so a document stored before keeps its strings and
 * reads as it did.
 */
const REBUILT = 0;

/** The form the stores write (see ArticleToStore). */
export function toStore(a: Article): ArticleToStore {
  return {
    id: a.id,
    contentHash: a.contentHash,
    uri: a.uri,
    url: a.url,
    outlet: a.outlet,
    title: a.title,
    byline: a.byline,
    publishedAt: a.publishedAt,
    lang: a.lang,
    text: a.text,
    // Spread, then the placeholder: the key keeps its place, so a stored article reads back byte for byte.
    doc: JSON.stringify({ ...a, text: '' }, rebuildable(a)),
  };
}

/** JSON.stringify's replacer that writes REBUILT for what `fromStored` can rebuild (see REBUILT). */
function rebuildable(a: Article): (this: unknown, key: string, value: unknown) => unknown {
  const { id, text } = a;
  return function (this: unknown, key: string, value: unknown): unknown {
    if (key === 'text') {
      if (typeof value === 'string' && value.length > 0) {
        const span = (this as { span?: unknown }).span as { start?: unknown; end?: unknown } | null | undefined;
        if (span && typeof span.start === 'number' && typeof span.end === 'number' && text.slice(span.start, span.end) === value) return REBUILT;
      }
    } else if (key === 'articleId' && value === id) return REBUILT;
    return value;
  };
}

/**
 * A stored article from its JSON and its text (the column's, or the document's own when it kept
 * one): the placeholders filled in place (each key keeps its place: byte-for-byte round trip).
 */
export function fromStored(doc: string, text: string): Article {
  const article = JSON.parse(doc) as Article;
  if (article.text === '') article.text = text;
  rebuild(article, article.text, article.id);
  return article;
}

function rebuild(value: object, text: string, id: string): void {
  if (Array.isArray(value)) {
    for (const x of value) if (x !== null && typeof x === 'object') rebuild(x as object, text, id);
    return;
  }
  const o = value as Record<string, unknown>;
  if (o['articleId'] === REBUILT) o['articleId'] = id;
  if (o['text'] === REBUILT) {
    const span = o['span'] as { start: number; end: number };
    o['text'] = text.slice(span.start, span.end);
  }
  for (const k in o) {
    const x = o[k];
    if (x !== null && typeof x === 'object') rebuild(x, text, id);
  }
}

export interface ArticleRecordRow {
  id: string;
  content_hash: string;
  uri: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  byline: string | null;
  published_at: string | null;
  lang: string | null;
  story_id: string | null;
}

export function toRecord(row: ArticleRecordRow): ArticleRecord {
  return {
    id: row.id,
    contentHash: row.content_hash,
    uri: row.uri,
    url: row.url,
    outlet: row.outlet,
    title: row.title,
    byline: row.byline,
    publishedAt: row.published_at,
    lang: row.lang,
    storyId: row.story_id,
  };
}

export interface StorySummaryRow {
  id: string;
  title: string;
  article_count: number;
  outlet_count: number;
  /** JSON array of outlet names. */
  outlets: string;
  first_published: string | null;
  last_published: string | null;
  corroborated: number;
  single_source: number;
  disputed: number;
}

/** `stale`: the story changed since its facts were computed (each store keeps that its own way). */
export function toSummary(row: StorySummaryRow, stale: boolean): StorySummary {
  return {
    id: row.id,
    title: row.title,
    articleCount: row.article_count,
    outletCount: row.outlet_count,
    outlets: JSON.parse(row.outlets) as string[],
    firstPublished: row.first_published,
    lastPublished: row.last_published,
    facts: { corroborated: row.corroborated, singleSource: row.single_source, disputed: row.disputed },
    stale,
  };
}
