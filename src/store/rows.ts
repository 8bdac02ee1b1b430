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
    doc: JSON.stringify({ ...a, text: '' }),
  };
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
