/**
 * The rows of `export` (and of the API's exports): one flat record per article, story or fact,
 * streamed from the store (memory stays flat), with the columns of the CSV form.
 */
import type { Conflict, FactMember } from '../model/index.js';
import type { Store } from '../store/index.js';

export type ExportWhat = 'articles' | 'stories' | 'facts';

export const COLUMNS: Record<ExportWhat, readonly string[]> = {
  articles: ['id', 'uri', 'outlet', 'title', 'publishedAt', 'storyId', 'url', 'byline', 'lang', 'contentHash'],
  stories: ['id', 'title', 'articleCount', 'outletCount', 'outlets', 'firstPublished', 'lastPublished', 'corroborated', 'singleSource', 'disputed', 'stale', 'articleIds'],
  // members / conflicts: JSONL has them whole (Evidence, stance, both sides); CSV as words (csvCells).
  facts: ['storyId', 'id', 'status', 'independentOrigins', 'articleIds', 'summary', 'members', 'conflicts'],
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

/**
 * A row's CSV cells in COLUMNS order. A fact's members become "articleId stance: words" and its
 * conflicts "kind: words | words" (lists are joined with "|" by the CSV writer); the JSONL form
 * keeps them as objects with their spans.
 */
export function csvCells(what: ExportWhat, row: Record<string, unknown>): unknown[] {
  return COLUMNS[what].map((c) => {
    const v = row[c];
    if (what !== 'facts' || !Array.isArray(v)) return v;
    if (c === 'members') return (v as FactMember[]).map((m) => `${m.articleId} ${m.stance}: ${m.text}`);
    if (c === 'conflicts') return (v as Conflict[]).map((k) => `${k.kind}: ${k.a.text} / ${k.b.text}`);
    return v;
  });
}
