/**
 * Between the model's values and PostgreSQL's rows: the column values of a story, the records
 * of the exports, and text that PostgreSQL can hold (it refuses NUL in text, and a lone
 * surrogate cannot be encoded as UTF-8: such text is kept exactly in the JSON document, which
 * escapes both, and the column gets a cleaned copy for searching and listing).
 */
import type { Article, Fact, Story } from '../../model/index.js';
import type { ArticleToStore, SearchHit, SearchKind } from '../store.js';
import { fromStored, type ArticleRecordRow, type StorySummaryRow } from '../rows.js';
import { timeKey } from '../time-key.js';

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** The text as a text column can hold it (NUL dropped, lone surrogates replaced). */
export function storable(s: string): string {
  return s.replace(UNSTORABLE, (m) => (m === '\u0000' ? '' : '\uFFFD'));
}

export function storableOrNull(s: string | null | undefined): string | null {
  return s === null || s === undefined ? null : storable(s);
}

/** The body row of an article: the text once in its column, unless only the JSON can hold it exactly. */
export function bodyColumns(a: ArticleToStore): { text: string; doc: string } {
  const text = storable(a.text);
  if (text === a.text) return { text, doc: a.doc };
  // Setting the key keeps its place in the document (a read gives back the same bytes).
  const whole = JSON.parse(a.doc) as Article;
  whole.text = a.text;
  return { text, doc: JSON.stringify(whole) };
}

export function toArticle(row: { text: string; doc: string }): Article {
  // An empty placeholder means the column holds the text; else the document kept it exactly.
  return fromStored(row.doc, row.text);
}

export type ArticleRow = ArticleRecordRow;

export interface StoryRow extends StorySummaryRow {
  stale: boolean;
}

export const STORY_SUMMARY_COLUMNS =
  'id, title, article_count, outlet_count, outlets, first_published, last_published, corroborated, single_source, disputed, stale_since IS NOT NULL AS stale';

/** The columns of a story row, in the order of STORY_COLUMN_NAMES. */
export function storyColumns(story: Story): (string | number | null)[] {
  let corroborated = 0;
  let singleSource = 0;
  let disputed = 0;
  for (const f of story.facts) {
    if (f.status === 'corroborated') corroborated++;
    else if (f.status === 'single-source') singleSource++;
    else disputed++;
  }
  return [
    story.id,
    storable(story.title),
    story.articleIds.length,
    story.outlets.length,
    JSON.stringify(story.outlets),
    storableOrNull(story.firstPublished),
    storableOrNull(story.lastPublished),
    timeKey(story.firstPublished),
    timeKey(story.lastPublished),
    corroborated,
    singleSource,
    disputed,
    // Facts are rows of their own, members are their articles' rows (in order, schema 7) and the
    // listing fields are columns: the placeholders keep the keys' places in the JSON.
    JSON.stringify({ ...story, articleIds: [], facts: [] }),
  ];
}

/** A story's document with its members (in order) and listing columns in the placeholders' places (see storyColumns). */
export function withMembership(row: { doc: string; members: string[] | null; outlets: string; first_published: string | null; last_published: string | null }): Story {
  const story = JSON.parse(row.doc) as Story;
  story.articleIds = row.members ?? [];
  story.outlets = JSON.parse(row.outlets) as string[];
  // A date column holds a cleaned copy of the date the story was put with (storable): that one,
  // exactly, unless membership has changed the date since.
  if (storableOrNull(story.firstPublished) !== row.first_published) story.firstPublished = row.first_published;
  if (storableOrNull(story.lastPublished) !== row.last_published) story.lastPublished = row.last_published;
  return story;
}

export const STORY_COLUMN_NAMES = 'id, title, article_count, outlet_count, outlets, first_published, last_published, first_key, last_key, corroborated, single_source, disputed, doc';

/** The fact rows of a story, as parallel arrays for unnest. */
export function factColumns(storyId: string, facts: readonly Fact[]): unknown[] {
  return [
    facts.map(() => storyId),
    facts.map((_, ord) => ord),
    facts.map((f) => f.id),
    facts.map((f) => f.status),
    facts.map((f) => f.independentOrigins),
    facts.map((f) => JSON.stringify(f.articleIds)),
    facts.map((f) => storable(f.summary)),
    facts.map((f) => JSON.stringify(f)),
  ];
}

export interface HitRow {
  id: string;
  story_id: string | null;
  title: string | null;
  snippet: string;
  rank: number;
}

/** Highlight markers ts_headline puts around matches, swapped for the caller's afterwards (no quoting of user markers into the options string). */
export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

export function toHit(kind: SearchKind, r: HitRow, open: string, close: string): SearchHit {
  const snippet = r.snippet.replaceAll(MARK_OPEN, open).replaceAll(MARK_CLOSE, close);
  return { kind, id: r.id, storyId: r.story_id, title: r.title, snippet, rank: Number(r.rank) };
}
