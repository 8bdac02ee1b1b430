/**
 * The speaker ranking: a linear score over each candidate's features (candidates.ts), the best
 * candidate is the speaker. Trained as a softmax over the candidates of each quotation
 * (`trainRanker`, deterministic: fixed order, seeded shuffles) by scripts/train-speakers.ts on
 * PolNeAR train; the weights ship in weights.ts.
 */
import { prng } from '../../model/random.js';
import type { Candidate } from './candidates.js';
import { SPEAKER_WEIGHTS } from './weights.js';

export type Weights = Readonly<Record<string, number>>;

export function scoreOf(weights: Weights, c: Candidate): number {
  let s = 0;
  for (const f of c.features) s += weights[f] ?? 0;
  return s;
}

/** Features of the "no speaker" choice: its score is the bar a candidate must pass. */
export function noneFeatures(short: boolean): string[] {
  return ['none', `none|${short ? 'short' : 'long'}`];
}

/**
 * Index of the best candidate, or -1 when none scores above the "no speaker" choice (a quotation
 * the text gives no speaker for stays unknown). Ties go to the earlier candidate.
 */
export function rankSpeakers(candidates: readonly Candidate[], short: boolean, weights: Weights = SPEAKER_WEIGHTS): number {
  // the exact case stays a rule: a cue right after the quotation in its sentence ("“…,” she said")
  const adjacent = candidates.findIndex((c) => c.features.includes('adjacent|rel:after0'));
  if (adjacent >= 0) return adjacent;
  // and a quotation signed after a dash ("“…” ― Pamela Padilla"): too rare in PolNeAR train to learn
  const signed = candidates.findIndex((c) => c.features[0] === 'dashName');
  if (signed >= 0) return signed;
  let best = -1;
  let bestScore = noneFeatures(short).reduce((s, f) => s + (weights[f] ?? 0), 0);
  candidates.forEach((c, i) => {
    const s = scoreOf(weights, c);
    if (s > bestScore) { best = i; bestScore = s; }
  });
  return best;
}

/** One quotation's candidates and which of them are right (at least one). */
export interface RankExample { candidates: { features: string[] }[]; right: boolean[] }

export interface TrainOptions { epochs: number; rate: number; l2: number; seed: number }
export const TRAIN_OPTIONS: TrainOptions = { epochs: 12, rate: 0.1, l2: 1e-4, seed: 16 };

/**
 * Softmax ranking by stochastic gradient: raises the log of the probability mass on the right
 * candidates. Weights of features seen fewer than twice are dropped (compact, less overfit).
 */
export function trainRanker(examples: readonly RankExample[], options: TrainOptions = TRAIN_OPTIONS): Record<string, number> {
  const counts = new Map<string, number>();
  for (const e of examples) for (const c of e.candidates) for (const f of c.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const w = new Map<string, number>();
  const order = examples.map((_, i) => i);
  const random = prng(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const rate = options.rate / (1 + epoch * 0.5);
    for (const idx of order) {
      const e = examples[idx] as RankExample;
      const scores = e.candidates.map((c) => c.features.reduce((s, f) => s + (w.get(f) ?? 0), 0));
      const max = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - max));
      const z = exp.reduce((a, b) => a + b, 0);
      const zRight = exp.reduce((a, b, i) => a + (e.right[i] ? b : 0), 0);
      e.candidates.forEach((c, i) => {
        // d(log zRight - log z)/d score_i = [right] p_i|right - p_i
        const g = (e.right[i] ? (exp[i] as number) / zRight : 0) - (exp[i] as number) / z;
        if (g === 0) return;
        for (const f of c.features) {
          const old = w.get(f) ?? 0;
          w.set(f, old + rate * (g - options.l2 * old));
        }
      });
    }
  }
  const out: Record<string, number> = {};
  for (const [f, v] of [...w].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if ((counts.get(f) ?? 0) >= 2 && Math.abs(v) > 1e-4) out[f] = Math.round(v * 1e4) / 1e4;
  return out;
}
