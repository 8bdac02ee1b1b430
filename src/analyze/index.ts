/**
 * The analysis pipeline: each stage is `(doc, ctx) => doc`, adds its layers and never edits
 * `text`. The order is the dependency order: a stage may read any layer made before it.
 *
 *   tokenize      -> tokens
 *   segment       -> sentences (paragraphs come from extract)
 *   findEntities  -> entities (canonical ids merge aliases within the article)
 *   findQuotes    -> quotes with speakers
 *   findAttributions -> attributions named / anonymous / dangling
 *   findClaims    -> check-worthy claims
 *   findSignals   -> opinion, loaded, hedge, sensational-title... signals
 *   profile       -> the article's profile (counts and shares of the layers above)
 *
 * A stage that throws on one article loses only its own layer (message CC301), never the batch.
 */
import { message, type Context, type Doc } from '../model/index.js';
import { tokenize } from './tokenize.js';
import { segment } from './segment.js';
import { findEntities } from './entities.js';
import { findQuotes } from './quotes.js';
import { findAttributions } from './attributions.js';
import { findClaims } from './claims.js';
import { findSignals } from './signals.js';
import { profile } from './profile.js';

export type Stage = (doc: Doc, ctx: Context) => Doc;

export const STAGES: readonly { name: string; run: Stage }[] = [
  { name: 'tokenize', run: tokenize },
  { name: 'segment', run: segment },
  { name: 'entities', run: findEntities },
  { name: 'quotes', run: findQuotes },
  { name: 'attributions', run: findAttributions },
  { name: 'claims', run: findClaims },
  { name: 'signals', run: findSignals },
  { name: 'profile', run: profile },
];

/**
 * Runs the stages in order. `deadline` (a performance.now() time) bounds the document on the
 * calling thread: past it the remaining stages are not run (CC207), checked between stages.
 */
export function analyze(doc: Doc, ctx: Context, deadline = Infinity): Doc {
  let current = doc;
  for (const stage of STAGES) {
    if (performance.now() > deadline) {
      const reason = `${doc.uri}: over the time limit of ${ctx.timeLimitMs} ms per document before ${stage.name}; the later stages were not run`;
      current = { ...current, messages: [...current.messages, message('CC207', reason, { uri: doc.uri })] };
      break;
    }
    try {
      current = stage.run(current, ctx);
    } catch (err) {
      const reason = `${stage.name} failed on ${doc.uri}: ${err instanceof Error ? err.message : String(err)}`;
      current = { ...current, messages: [...current.messages, message('CC301', reason, { uri: doc.uri })] };
    }
  }
  return current;
}
