/**
 * The rows of `export` (and of the API's exports): one flat record per article, story or fact,
 * streamed from the store (memory stays flat), with the columns of the CSV form.
 */
import type { Store } from '../store/index.js';

export type ExportWhat = 'articles' | 'stories' | 'facts';

export const COLUMNS: Record<ExportWhat, readonly string[]> = {
  articles: ['id', 'uri', 'outlet', 'title', 'publishedAt', 'storyId', 'url', 'byline', 'lang', 'contentHash'],
  stories: ['id', 'title', 'articleCount', 'outletCount', 'outlets', 'firstPublished', 'lastPublished', 'corroborated', 'singleSource', 'disputed', 'stale', 'articleIds'],
  facts: ['storyId', 'id', 'status', 'independentOrigins', 'articleIds', 'summary'],
};

/** Streams the rows; stories and facts as stored (make them current first: lifecycle's refreshStale). */
export async function* exportRows(store: Store, what: ExportWhat): AsyncGenerator<Record<string, unknown>> {
  if (what === 'articles') {
    for await (const a of store.exportArticles()) yield { ...a };
  } else if (what === 'stories') {
    for await (const s of store.exportStories()) {
      const { facts, ...rest } = s;
      yield { ...rest, corroborated: facts.corroborated, singleSource: facts.singleSource, disputed: facts.disputed };
    }
  } else for await (const f of store.exportFacts()) yield { ...f };
}
