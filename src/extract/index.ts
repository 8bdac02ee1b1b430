// STUB: replaced by cleaning (boilerplate), repair and metadata.
import { createHash } from 'node:crypto';
import { emptyProfile, type Context, type Doc, type SourceRecord } from '../model/index.js';

export function extract(source: SourceRecord, ctx: Context): Doc {
  void ctx;
  const contentHash = createHash('sha256').update(source.raw).digest('hex');
  return {
    id: source.record.id ?? contentHash.slice(0, 16), contentHash, uri: source.uri, format: source.format,
    url: source.record.url ?? null, outlet: source.record.outlet ?? null, title: null, byline: null, publishedAt: null, lang: null,
    fields: { title: null, byline: null, publishedAt: null, outlet: null },
    text: source.raw, paragraphs: [], sentences: [], removed: [], repairs: [], entities: [], quotes: [], attributions: [],
    claims: [], signals: [], profile: emptyProfile(), messages: [...source.messages], raw: source.raw, tokens: [],
  };
}
