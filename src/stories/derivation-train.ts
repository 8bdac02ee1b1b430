/**
 * Fits the derivation weights (./reuse.ts derivationProbability): L2-regularised logistic
 * regression by full-batch gradient descent from zero, so the same rows give the same weights.
 * Rows are derivationFeatures values (each in [0, 1]); labels say derived or not.
 */

export const DERIVATION_TRAINING = {
  /** Gradient steps and step size (features are in [0, 1]: no scaling needed). */
  steps: 3000,
  rate: 0.5,
  /** L2 penalty on the weights (not the bias). */
  l2: 0.001,
} as const;

/** Weights per feature, then the bias. */
export function fitDerivation(rows: readonly (readonly number[])[], labels: readonly boolean[]): number[] {
  const d = rows[0]?.length ?? 0;
  const w = new Array<number>(d + 1).fill(0);
  const n = rows.length;
  if (n === 0) return w;
  const grad = new Array<number>(d + 1);
  for (let step = 0; step < DERIVATION_TRAINING.steps; step++) {
    grad.fill(0);
    rows.forEach((x, r) => {
      let z = w[d] as number;
      for (let i = 0; i < d; i++) z += (x[i] as number) * (w[i] as number);
      const err = 1 / (1 + Math.exp(-z)) - (labels[r] ? 1 : 0);
      for (let i = 0; i < d; i++) grad[i] = (grad[i] as number) + err * (x[i] as number);
      grad[d] = (grad[d] as number) + err;
    });
    for (let i = 0; i <= d; i++) {
      const penalty = i < d ? DERIVATION_TRAINING.l2 * (w[i] as number) : 0;
      w[i] = (w[i] as number) - DERIVATION_TRAINING.rate * ((grad[i] as number) / n + penalty);
    }
  }
  return w;
}
