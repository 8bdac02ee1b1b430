/**
 * Test helpers for the tokenize .. attributions stages: a Doc built the way the pipeline builds
 * it (through `extract`), optionally with extract's paragraphs dropped so that each non-empty
 * line is a paragraph (the first a title). Sentence-level tests use that, so they test the
 * stages and not extract's guess at which short line is a byline or heading.
 */
import { DEFAULT_CONTEXT, type Doc } from '../model/index.js';
import { extract } from '../extract/index.js';
import { tokenize } from './tokenize.js';
import { segment } from './segment.js';
import { findEntities } from './entities.js';
import { findQuotes } from './quotes.js';
import { findAttributions } from './attributions.js';

const STAGES = { tokenize, segment, entities: findEntities, quotes: findQuotes, attributions: findAttributions } as const;
export type StageName = keyof typeof STAGES;
const ORDER: StageName[] = ['tokenize', 'segment', 'entities', 'quotes', 'attributions'];

/** Runs extract, then the stages up to and including `until`. `lines`: one paragraph per line. */
export function docThrough(raw: string, until: StageName, options: { lines?: boolean } = {}): Doc {
  let doc = extract({ uri: 'test.txt', format: 'text', raw, record: {}, messages: [] }, DEFAULT_CONTEXT);
  if (options.lines) doc = { ...doc, paragraphs: [] };
  for (const name of ORDER) {
    doc = STAGES[name](doc, DEFAULT_CONTEXT);
    if (name === until) break;
  }
  return doc;
}
