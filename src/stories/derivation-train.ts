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

/**
 * Fits the direction weights (./reuse.ts directionScore): logistic regression without a bias on
 * directionFeatures of (source, copy) pairs, each also seen swapped as (copy, source) with the
 * other label, so the score is antisymmetric: it learns which differences mark the source, never
 * a prior for one side. Same steps, rate and penalty as fitDerivation.
 */
export function fitDirection(rows: readonly (readonly number[])[]): number[] {
  const d = rows[0]?.length ?? 0;
  const w = new Array<number>(d).fill(0);
  const n = rows.length;
  if (n === 0) return w;
  const grad = new Array<number>(d);
  for (let step = 0; step < DERIVATION_TRAINING.steps; step++) {
    grad.fill(0);
    for (const x of rows) {
      let z = 0;
      for (let i = 0; i < d; i++) z += (x[i] as number) * (w[i] as number);
      // The row as (source, copy) with label 1; its swap (-x, label 0) adds the same gradient.
      const err = 1 / (1 + Math.exp(-z)) - 1;
      for (let i = 0; i < d; i++) grad[i] = (grad[i] as number) + err * (x[i] as number);
    }
    for (let i = 0; i < d; i++) w[i] = (w[i] as number) - DERIVATION_TRAINING.rate * ((grad[i] as number) / n + DERIVATION_TRAINING.l2 * (w[i] as number));
  }
  return w;
}
