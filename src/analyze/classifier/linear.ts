/**
 * A hashed linear model (logistic regression) and its trainer: L2-regularised log loss, AdaGrad
 * steps over examples in a seeded order, classes weighted to balance them, and the weights
 * averaged over the last epochs (steadier than the last iterate on a few thousand examples).
 * Deterministic: the same examples, options and seed give the same weights, bit for bit.
 */
import type { Features } from './features.js';
import { prng, shuffle } from '../../model/random.js';

export interface LinearModel {
  /** log2 of the number of buckets. */
  bits: number;
  weights: Float32Array;
}

export interface TrainOptions {
  bits: number;
  epochs: number;
  /** AdaGrad base step. */
  rate: number;
  /** L2 strength per example seen (applied to the touched buckets). */
  l2: number;
  seed: number;
  /** Epoch from which the weights are averaged (0-based). */
  averageFrom: number;
  /** Weight the classes so that each carries half of the loss (else every example counts once). */
  balance: boolean;
}

export const DEFAULT_TRAIN: TrainOptions = { bits: 18, epochs: 12, rate: 0.2, l2: 1e-4, seed: 7, averageFrom: 4, balance: true };

export function score(model: LinearModel, f: Features): number {
  const mask = (1 << model.bits) - 1;
  const w = model.weights;
  let z = 0;
  for (let i = 0; i < f.n; i++) z += (w[(f.idx[i] as number) & mask] as number) * (f.val[i] as number);
  return z;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function probability(model: LinearModel, f: Features): number {
  return sigmoid(score(model, f));
}

/**
 * Trains on `examples` with labels `y` (true = positive class). `exampleWeights`, when given,
 * scales each example's loss (on top of the class balance).
 */
export function train(examples: readonly Features[], y: readonly boolean[], options: TrainOptions = DEFAULT_TRAIN, exampleWeights: readonly number[] | null = null): LinearModel {
  const size = 1 << options.bits;
  const mask = size - 1;
  const w = new Float64Array(size);
  const g2 = new Float64Array(size).fill(1e-8);
  const avg = new Float64Array(size);
  let averaged = 0;
  const positives = y.filter(Boolean).length;
  const negatives = y.length - positives;
  // balanced class weights: each class carries half of the loss
  const weightOf = (label: boolean): number => (!options.balance ? 1 : label ? y.length / (2 * Math.max(1, positives)) : y.length / (2 * Math.max(1, negatives)));
  const random = prng(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const k of order) {
      const f = examples[k] as Features;
      const label = y[k] as boolean;
      let z = 0;
      for (let i = 0; i < f.n; i++) z += (w[(f.idx[i] as number) & mask] as number) * (f.val[i] as number);
      const g = (sigmoid(z) - (label ? 1 : 0)) * weightOf(label) * (exampleWeights === null ? 1 : (exampleWeights[k] as number));
      for (let i = 0; i < f.n; i++) {
        const j = (f.idx[i] as number) & mask;
        const grad = g * (f.val[i] as number) + options.l2 * (w[j] as number);
        g2[j] = (g2[j] as number) + grad * grad;
        w[j] = (w[j] as number) - (options.rate * grad) / Math.sqrt(g2[j] as number);
      }
    }
    if (epoch >= options.averageFrom) {
      for (let j = 0; j < size; j++) avg[j] = (avg[j] as number) + (w[j] as number);
      averaged++;
    }
  }
  const weights = new Float32Array(size);
  for (let j = 0; j < size; j++) weights[j] = averaged ? (avg[j] as number) / averaged : (w[j] as number);
  return { bits: options.bits, weights };
}
