/**
 * Labelling many (headline, body id) pairs: each body and each headline is prepared once, so
 * FNC-1's pattern (a body paired with dozens of headlines) costs one body pass per body.
 */
import type { PreparedBody, PreparedClaim } from './features.js';
import type { StancePair } from './fnc1.js';
import type { StancePredictor, StancePrediction } from './model.js';

export function predictPairs(predictor: StancePredictor, pairs: readonly StancePair[], bodies: ReadonlyMap<string, string>): StancePrediction[] {
  const bodyCache = new Map<string, PreparedBody>();
  const claimCache = new Map<string, PreparedClaim>();
  return pairs.map((p) => {
    let b = bodyCache.get(p.bodyId);
    if (!b) bodyCache.set(p.bodyId, (b = predictor.prepareBody(bodies.get(p.bodyId) ?? '')));
    let c = claimCache.get(p.headline);
    if (!c) claimCache.set(p.headline, (c = predictor.prepareClaim(p.headline)));
    return predictor.predictPrepared(c, b);
  });
}
