/**
 * Hand-made documents for the claim, signal and profile tests: paragraphs of given kinds joined
 * by blank lines, run through the analysis stages that come before claims (tokenize, segment,
 * entities, quotes, attributions). Test support only; nothing in the pipeline imports it.
 */
import { DEFAULT_CONTEXT, emptyProfile, type Doc, type Paragraph, type ParagraphKind } from '../model/index.js';
import { STAGES } from './index.js';

const BEFORE_CLAIMS = new Set(['tokenize', 'segment', 'entities', 'quotes', 'attributions']);

export function fixtureDoc(parts: readonly (readonly [ParagraphKind, string])[], id = 'fixture'): Doc {
  let text = '';
  const paragraphs: Paragraph[] = [];
  for (const [kind, words] of parts) {
    if (text !== '') text += '\n\n';
    paragraphs.push({ span: { start: text.length, end: text.length + words.length }, kind });
    text += words;
  }
  let doc: Doc = {
    id, contentHash: id, uri: `${id}.txt`, format: 'text', url: null, outlet: null, title: null, byline: null, publishedAt: null, lang: null,
    fields: { title: null, byline: null, publishedAt: null, outlet: null },
    text, paragraphs, sentences: [], removed: [], repairs: [], entities: [], quotes: [], attributions: [],
    claims: [], signals: [], profile: emptyProfile(), messages: [], raw: text, tokens: [],
  };
  for (const stage of STAGES) if (BEFORE_CLAIMS.has(stage.name)) doc = stage.run(doc, DEFAULT_CONTEXT);
  return doc;
}

/** Every label of `doc` whose text is not exactly its span's slice (should be none). */
export function badEvidence(doc: Doc): string[] {
  const out: string[] = [];
  for (const e of [...doc.claims, ...doc.signals]) {
    if (e.articleId !== doc.id || e.span.start < 0 || e.span.end > doc.text.length || e.span.start > e.span.end || doc.text.slice(e.span.start, e.span.end) !== e.text) {
      out.push(`${e.span.start}-${e.span.end} ${JSON.stringify(e.text)}`);
    }
  }
  return out;
}
