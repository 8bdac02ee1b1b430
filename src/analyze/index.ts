/**
 * The analysis pipeline: each stage is `(doc, ctx, work) => doc`, adds the layers it assigns and
 * never edits `text` or another layer. The order is the dependency order: a stage reads only
 * layers made before it (its `requires`); what several stages derive from the same layers (the
 * text view, the attribution cues) is built once per run in a `Working` (working.ts), never kept
 * at module level.
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
import { Working } from './working.js';

/**
 * A stage: reads the layers it `requires` (made by extract or an earlier stage), adds the ones it
 * `assigns`, and returns a new doc; `text` and every other layer stay as they were (checked by
 * src/analyze/stages.test.ts). `work` holds what one run derives once and several stages read
 * (working.ts); called without one, a stage computes it itself.
 */
export type Stage = (doc: Doc, ctx: Context, work?: Working) => Doc;

/** The layers a Doc gets from analysis (extract gives text, raw, paragraphs and fields). */
export type Layer = 'tokens' | 'sentences' | 'entities' | 'quotes' | 'attributions' | 'claims' | 'signals' | 'profile';

export interface StageSpec {
  name: string;
  requires: readonly Layer[];
  assigns: readonly Layer[];
  run: Stage;
}

export const STAGES: readonly StageSpec[] = [
  { name: 'tokenize', requires: [], assigns: ['tokens'], run: tokenize },
  { name: 'segment', requires: ['tokens'], assigns: ['sentences'], run: segment },
  { name: 'entities', requires: ['tokens', 'sentences'], assigns: ['entities'], run: findEntities },
  { name: 'quotes', requires: ['tokens', 'sentences', 'entities'], assigns: ['quotes'], run: findQuotes },
  { name: 'attributions', requires: ['tokens', 'sentences', 'entities', 'quotes'], assigns: ['attributions'], run: findAttributions },
  { name: 'claims', requires: ['tokens', 'sentences', 'entities', 'quotes', 'attributions'], assigns: ['claims'], run: findClaims },
  { name: 'signals', requires: ['tokens', 'sentences', 'entities', 'quotes', 'attributions'], assigns: ['signals'], run: findSignals },
  { name: 'profile', requires: ['tokens', 'sentences', 'entities', 'quotes', 'attributions', 'signals'], assigns: ['profile'], run: profile },
];

/**
 * Runs the stages in order. `deadline` (a performance.now() time) bounds the document on the
 * calling thread: past it the remaining stages are not run (CC207), checked between stages.
 */
export function analyze(doc: Doc, ctx: Context, deadline = Infinity): Doc {
  let current = doc;
  const work = new Working();
  for (const stage of STAGES) {
    if (performance.now() > deadline) {
      const reason = `${doc.uri}: over the time limit of ${ctx.timeLimitMs} ms per document before ${stage.name}; the later stages were not run`;
      current = { ...current, messages: [...current.messages, message('CC207', reason, { uri: doc.uri })] };
      break;
    }
    try {
      current = stage.run(current, ctx, work);
    } catch (err) {
      const reason = `${stage.name} failed on ${doc.uri}: ${err instanceof Error ? err.message : String(err)}`;
      current = { ...current, messages: [...current.messages, message('CC301', reason, { uri: doc.uri })] };
    }
  }
  return current;
}
