/**
 * Stance of an article toward a claim: agree | disagree | discuss | unrelated, with a
 * probability for each and the body sentences behind it.
 *
 *   import { predictStance } from './stance/index.js';
 *   predictStance('Police deny the mayor resigned', article)  // { label, probabilities, evidence }
 *
 * The weights (weights/stance.json) load once, on first use. For many pairs over the same
 * bodies, keep a `StancePredictor` and reuse `prepareBody` results (see src/cli/stance.ts).
 */
import type { Article } from '../model/index.js';
import { loadWeights, StancePredictor, type StancePrediction } from './model.js';

export { LABELS, score, formatScores, type StanceLabel, type Scores } from './fnc1.js';
export { loadWeights, StancePredictor, type StanceEvidence, type StancePrediction, type StanceWeights } from './model.js';

let shared: StancePredictor | undefined;

/** The predictor with the bundled weights (loaded on first call). */
export function defaultPredictor(): StancePredictor {
  return (shared ??= new StancePredictor(loadWeights()));
}

/** Stance of `body` (a text, or an Article: its text and sentences) toward `claim`. */
export function predictStance(claim: string, body: string | Article): StancePrediction {
  const p = defaultPredictor();
  return typeof body === 'string' ? p.predict(claim, body) : p.predict(claim, body.text, body.sentences);
}
