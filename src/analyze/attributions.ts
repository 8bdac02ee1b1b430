/**
 * Attributions: every place the article credits information to a source, classified named
 * (a person or organisation, or a pronoun standing for one), anonymous (a generic head such as
 * "official" or "sources", even with a name modifying it) or dangling ("according to" followed
 * by nothing). The cues, source phrases and classes are in attribution-sources.ts and its tables;
 * cues inside quotations are the quoted speaker's words and are skipped.
 */
import type { Attribution, Context, Doc, Span, Token } from '../model/index.js';
import { Working } from './working.js';
import { paragraphsOf, segmentText } from './segment.js';
import { tokenizeText } from './tokenize.js';

export function findAttributions(doc: Doc, ctx: Context, work: Working = new Working()): Doc {
  void ctx;
  const { text } = doc;
  const tokens: readonly Token[] = doc.tokens.length > 0 || text.length === 0 ? doc.tokens : tokenizeText(text);
  const sentences = doc.sentences.length > 0 ? doc.sentences : segmentText(text, tokens, paragraphsOf(doc));
  const quoted: Span[] = doc.quotes.map((q) => q.span).sort((a, b) => a.start - b.start);
  const attributions: Attribution[] = work.cues({ text, tokens, sentences, entities: doc.entities, quoted }).map((c) => {
    const start = Math.min(c.cue.start, c.source?.start ?? c.cue.start);
    const end = Math.max(c.cue.end, c.source?.end ?? c.cue.end);
    return {
      articleId: doc.id,
      span: { start, end },
      text: text.slice(start, end),
      kind: c.kind,
      // a copy: the cues may be shared with findQuotes (the run's Working keeps them)
      source: c.source ? { articleId: doc.id, span: { start: c.source.start, end: c.source.end }, text: text.slice(c.source.start, c.source.end) } : null,
      sourceCanonical: c.canonical,
      cue: text.slice(c.cue.start, c.cue.end),
      sentence: c.sentence,
      ...(c.outlet !== null ? { outlet: c.outlet } : {}),
    };
  });
  return { ...doc, attributions };
}
