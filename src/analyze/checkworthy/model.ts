/**
 * The shipped check-worthiness model: a hashed logistic regression over checkworthyFeatures
 * (features.ts), its weights in weights.ts (written by `npm run train:checkworthy`, report in
 * TRAINING.md beside them). Decoded once, on first use; one byte per bucket (encode.ts).
 */
import { decodeCompact, type CompactModel } from '../classifier/encode.js';
import type { Features } from '../classifier/features.js';
import { sigmoid, type LinearModel } from '../classifier/linear.js';
import { CHECKWORTHY_WEIGHTS } from './weights.js';

/** P(check-worthy) of a feature vector. */
export type CheckworthyScorer = (f: Features) => number;

let model: CompactModel | null = null;

/** The shipped model's P(check-worthy). */
export const shippedScorer: CheckworthyScorer = (f) => {
  model ??= decodeCompact(CHECKWORTHY_WEIGHTS.model);
  const mask = (1 << model.bits) - 1;
  const { bytes, table } = model;
  let z = 0;
  for (let i = 0; i < f.n; i++) z += (table[bytes[(f.idx[i] as number) & mask] as number] as number) * (f.val[i] as number);
  return sigmoid(z);
};

/** A scorer for a model in memory (training and cross-validation). */
export function scorerOf(m: LinearModel): CheckworthyScorer {
  const mask = (1 << m.bits) - 1;
  const w = m.weights;
  return (f) => {
    let z = 0;
    for (let i = 0; i < f.n; i++) z += (w[(f.idx[i] as number) & mask] as number) * (f.val[i] as number);
    return sigmoid(z);
  };
}
