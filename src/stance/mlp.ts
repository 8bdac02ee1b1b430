/**
 * A one-hidden-layer perceptron (ReLU, softmax) over dense features (standardised) and hashed
 * sparse features, and its training loop: mini-batches, Adam, L2, class weights, dropout on the
 * hidden layer, early stopping on a development set. Everything random comes from one seeded
 * PRNG and every sum runs in a fixed order, so the same data and seed give the same weights.
 */
import { prng, shuffle } from '../model/random.js';


export interface Example {
  dense: readonly number[];
  sparseIndex: readonly number[];
  sparseValue: readonly number[];
}

export interface MLP {
  dense: number;
  sparse: number;
  hidden: number;
  classes: number;
  mean: Float32Array;
  std: Float32Array;
  /** Input-to-hidden weights, one row of `hidden` per input (dense inputs first, then sparse). */
  w1: Float32Array;
  b1: Float32Array;
  /** Hidden-to-output weights, one row of `classes` per hidden unit. */
  w2: Float32Array;
  b2: Float32Array;
}

/** Class probabilities for one example. */
export function predict(m: MLP, x: Example): number[] {
  const h = hiddenLayer(m, m.w1, m.b1, x);
  return outputLayer(m, m.w2, m.b2, h);
}

function hiddenLayer(m: MLP, w1: Float32Array | Float64Array, b1: Float32Array | Float64Array, x: Example): Float64Array {
  const H = m.hidden;
  const h = new Float64Array(H);
  for (let j = 0; j < H; j++) h[j] = b1[j] ?? 0;
  for (let i = 0; i < m.dense; i++) {
    const v = ((x.dense[i] ?? 0) - (m.mean[i] ?? 0)) / (m.std[i] ?? 1);
    if (v === 0) continue;
    const row = i * H;
    for (let j = 0; j < H; j++) h[j]! += v * (w1[row + j] ?? 0);
  }
  for (let k = 0; k < x.sparseIndex.length; k++) {
    const v = x.sparseValue[k] ?? 0;
    const row = (m.dense + (x.sparseIndex[k] ?? 0)) * H;
    for (let j = 0; j < H; j++) h[j]! += v * (w1[row + j] ?? 0);
  }
  for (let j = 0; j < H; j++) if (h[j]! < 0) h[j] = 0;
  return h;
}

function outputLayer(m: MLP, w2: Float32Array | Float64Array, b2: Float32Array | Float64Array, h: Float64Array): number[] {
  const K = m.classes;
  const z = new Array<number>(K);
  let max = -Infinity;
  for (let c = 0; c < K; c++) {
    let s = b2[c] ?? 0;
    for (let j = 0; j < m.hidden; j++) s += (h[j] ?? 0) * (w2[j * K + c] ?? 0);
    z[c] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let c = 0; c < K; c++) {
    z[c] = Math.exp((z[c] ?? 0) - max);
    sum += z[c] ?? 0;
  }
  return z.map((v) => v / sum);
}

export interface TrainOptions {
  hidden: number;
  classes: number;
  sparse: number;
  seed: number;
  epochs: number;
  batch: number;
  learningRate: number;
  l2: number;
  dropout: number;
  classWeights: readonly number[];
  /** Epochs without a better development score before stopping. */
  patience: number;
  /** Scores the model on the development set (higher is better). */
  score(m: MLP): number;
  log?(line: string): void;
}

export interface TrainResult {
  model: MLP;
  bestEpoch: number;
  bestScore: number;
}

export function trainMLP(xs: readonly Example[], ys: readonly number[], o: TrainOptions): TrainResult {
  const random = prng(o.seed);
  const D = xs[0]?.dense.length ?? 0;
  const H = o.hidden;
  const K = o.classes;
  const mean = new Float32Array(D);
  const std = new Float32Array(D);
  for (const x of xs) for (let i = 0; i < D; i++) mean[i]! += (x.dense[i] ?? 0) / xs.length;
  for (const x of xs) for (let i = 0; i < D; i++) std[i]! += ((x.dense[i] ?? 0) - (mean[i] ?? 0)) ** 2 / xs.length;
  for (let i = 0; i < D; i++) std[i] = Math.sqrt(std[i] ?? 0) || 1;

  const rows = D + o.sparse;
  const w1 = new Float64Array(rows * H);
  const b1 = new Float64Array(H).fill(0.01);
  const w2 = new Float64Array(H * K);
  const b2 = new Float64Array(K);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const s1 = Math.sqrt(2 / (D + 30));
  for (let i = 0; i < w1.length; i++) w1[i] = gauss() * s1;
  const s2 = Math.sqrt(2 / H);
  for (let i = 0; i < w2.length; i++) w2[i] = gauss() * s2;
  const params = [w1, b1, w2, b2];
  const grads = params.map((p) => new Float64Array(p.length));
  const m1 = params.map((p) => new Float64Array(p.length));
  const m2 = params.map((p) => new Float64Array(p.length));
  const [gw1, gb1, gw2, gb2] = grads as [Float64Array, Float64Array, Float64Array, Float64Array];
  const beta1 = 0.9;
  const beta2 = 0.999;
  let step = 0;

  const shape = { dense: D, sparse: o.sparse, hidden: H, classes: K, mean, std };
  const snapshot = (): MLP => ({ ...shape, w1: Float32Array.from(w1), b1: Float32Array.from(b1), w2: Float32Array.from(w2), b2: Float32Array.from(b2) });
  let best: TrainResult = { model: snapshot(), bestEpoch: 0, bestScore: -Infinity };
  const order = xs.map((_, i) => i);
  const touched = new Uint8Array(rows);
  const standard = new Float64Array(D);
  const keep = new Float64Array(H);
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    shuffle(order, random);
    for (let start = 0; start < order.length; start += o.batch) {
      const batch = order.slice(start, start + o.batch);
      for (const g of grads) g.fill(0);
      touched.fill(0);
      let weightSum = 0;
      for (const idx of batch) {
        const x = xs[idx] as Example;
        const y = ys[idx] ?? 0;
        const cw = o.classWeights[y] ?? 1;
        weightSum += cw;
        for (let i = 0; i < D; i++) standard[i] = ((x.dense[i] ?? 0) - (mean[i] ?? 0)) / (std[i] ?? 1);
        const h = hiddenLayer(shape as MLP, w1, b1, x);
        for (let j = 0; j < H; j++) {
          keep[j] = o.dropout > 0 ? (random() < o.dropout ? 0 : 1 / (1 - o.dropout)) : 1;
          h[j]! *= keep[j]!;
        }
        const p = outputLayer(shape as MLP, w2, b2, h);
        // d loss / d z = p - onehot(y), weighted by the class weight
        const dz = p.map((v, c) => cw * (v - (c === y ? 1 : 0)));
        const dh = new Float64Array(H);
        for (let j = 0; j < H; j++) {
          const hj = h[j] ?? 0;
          let s = 0;
          for (let c = 0; c < K; c++) {
            gw2[j * K + c]! += hj * (dz[c] ?? 0);
            s += (w2[j * K + c] ?? 0) * (dz[c] ?? 0);
          }
          dh[j] = hj > 0 ? s * (keep[j] ?? 1) : 0;
        }
        for (let c = 0; c < K; c++) gb2[c]! += dz[c] ?? 0;
        for (let j = 0; j < H; j++) gb1[j]! += dh[j] ?? 0;
        for (let i = 0; i < D; i++) {
          const v = standard[i] ?? 0;
          if (v === 0) continue;
          const row = i * H;
          for (let j = 0; j < H; j++) gw1[row + j]! += v * (dh[j] ?? 0);
        }
        for (let k = 0; k < x.sparseIndex.length; k++) {
          const r = D + (x.sparseIndex[k] ?? 0);
          touched[r] = 1;
          const v = x.sparseValue[k] ?? 0;
          const row = r * H;
          for (let j = 0; j < H; j++) gw1[row + j]! += v * (dh[j] ?? 0);
        }
      }
      for (let i = 0; i < D; i++) touched[i] = 1;
      step++;
      const lr = (o.learningRate * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
      for (let p = 0; p < params.length; p++) {
        const w = params[p] as Float64Array;
        const g = grads[p] as Float64Array;
        const a = m1[p] as Float64Array;
        const b = m2[p] as Float64Array;
        const isW1 = p === 0;
        const decays = p === 0 || p === 2;
        for (let i = 0; i < w.length; i++) {
          // Sparse rows not in this batch: skip (lazy Adam), the usual choice for hashed inputs.
          if (isW1 && touched[Math.floor(i / H)] === 0) continue;
          const gi = (g[i] ?? 0) / weightSum + (decays ? o.l2 * (w[i] ?? 0) : 0);
          a[i] = beta1 * (a[i] ?? 0) + (1 - beta1) * gi;
          b[i] = beta2 * (b[i] ?? 0) + (1 - beta2) * gi * gi;
          w[i]! -= (lr * (a[i] ?? 0)) / (Math.sqrt(b[i] ?? 0) + 1e-8);
        }
      }
    }
    const model = snapshot();
    const score = o.score(model);
    o.log?.(`  epoch ${epoch}: dev ${score.toFixed(4)}`);
    if (score > best.bestScore) best = { model, bestEpoch: epoch, bestScore: score };
    else if (epoch - best.bestEpoch >= o.patience) break;
  }
  return best;
}

function toBase64(a: Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function fromBase64(s: string): Float32Array {
  const buf = Buffer.from(s, 'base64');
  const out = new Float32Array(buf.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = buf.readFloatLE(i * 4);
  return out;
}

export interface MLPJson {
  dense: number;
  sparse: number;
  hidden: number;
  classes: number;
  mean: string;
  std: string;
  w1: string;
  b1: string;
  w2: string;
  b2: string;
}

export function mlpToJson(m: MLP): MLPJson {
  return { dense: m.dense, sparse: m.sparse, hidden: m.hidden, classes: m.classes, mean: toBase64(m.mean), std: toBase64(m.std), w1: toBase64(m.w1), b1: toBase64(m.b1), w2: toBase64(m.w2), b2: toBase64(m.b2) };
}

export function mlpFromJson(j: MLPJson): MLP {
  return { dense: j.dense, sparse: j.sparse, hidden: j.hidden, classes: j.classes, mean: fromBase64(j.mean), std: fromBase64(j.std), w1: fromBase64(j.w1), b1: fromBase64(j.b1), w2: fromBase64(j.w2), b2: fromBase64(j.b2) };
}
