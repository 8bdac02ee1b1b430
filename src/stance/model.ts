/**
 * The stance model: two stages over the features of features.ts.
 *   1. related vs unrelated (MLP on the dense overlap and cue features)
 *   2. agree / disagree / discuss among related pairs (MLPs on dense + hashed features, trained
 *      with different seeds, their probabilities averaged), with per-class offsets tuned on the
 *      development split for the FNC-1 score and the F1 of disagree
 * P(unrelated) = 1 - P(related); P(agree) = P(related) * P(agree | related), and so on.
 * The weights file (weights/stance.json) is produced by `npm run train:stance`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span } from '../model/index.js';
import { HASH_DIM, pairFeatures, prepareBody, prepareClaim, TOP_SENTENCES, type PreparedBody, type PreparedClaim, type Vocabulary } from './features.js';
import { LABELS, type StanceLabel } from './fnc1.js';
import { mlpFromJson, mlpToJson, predict, type Example, type MLP, type MLPJson } from './mlp.js';

export const WEIGHTS_FORMAT = 'crosscheck-stance/1';

export interface StanceWeights {
  vocabulary: Vocabulary;
  stage1: MLP;
  stage2: MLP;
  /** More stage-2 models trained with other seeds; stage 2's output is the mean of all of them. */
  stage2More?: MLP[];
  /** Added to stage 2's log-probabilities (agree, disagree, discuss) before the argmax. */
  offsets: number[];
  /** P(related) at or above which a pair is related. */
  threshold: number;
  seed: number;
}

interface WeightsJson {
  format: string;
  seed: number;
  hashDim: number;
  threshold: number;
  offsets: number[];
  vocabulary: { defaultIdf: number; avgBodyLength: number; idf: Record<string, number> };
  stage1: MLPJson;
  stage2: MLPJson;
  stage2More?: MLPJson[];
}

export function weightsToJson(w: StanceWeights): string {
  const json: WeightsJson = {
    format: WEIGHTS_FORMAT,
    seed: w.seed,
    hashDim: HASH_DIM,
    threshold: w.threshold,
    offsets: w.offsets,
    vocabulary: { defaultIdf: w.vocabulary.defaultIdf, avgBodyLength: w.vocabulary.avgBodyLength, idf: Object.fromEntries(w.vocabulary.idf) },
    stage1: mlpToJson(w.stage1),
    stage2: mlpToJson(w.stage2),
    ...(w.stage2More?.length ? { stage2More: w.stage2More.map(mlpToJson) } : {}),
  };
  return JSON.stringify(json) + '\n';
}

export function weightsFromJson(text: string): StanceWeights {
  const j = JSON.parse(text) as WeightsJson;
  if (j.format !== WEIGHTS_FORMAT) throw new Error(`stance weights: format "${j.format}", expected "${WEIGHTS_FORMAT}"`);
  if (j.hashDim !== HASH_DIM) throw new Error(`stance weights: hash size ${j.hashDim}, code has ${HASH_DIM}; retrain with npm run train:stance`);
  return {
    vocabulary: { defaultIdf: j.vocabulary.defaultIdf, avgBodyLength: j.vocabulary.avgBodyLength, idf: new Map(Object.entries(j.vocabulary.idf)) },
    stage1: mlpFromJson(j.stage1),
    stage2: mlpFromJson(j.stage2),
    ...(j.stage2More?.length ? { stage2More: j.stage2More.map(mlpFromJson) } : {}),
    offsets: j.offsets,
    threshold: j.threshold,
    seed: j.seed,
  };
}

const WEIGHTS_FILE = 'stance.json';

/**
 * The bundled weights: beside this module (src/ under tsx), else in the package's
 * src/stance/weights/ (a compiled dist/ build does not copy the JSON file).
 */
export function defaultWeightsPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const local = join(here, 'weights', WEIGHTS_FILE);
  if (existsSync(local)) return local;
  for (let dir = here; ; dir = dirname(dir)) {
    const candidate = join(dir, 'src', 'stance', 'weights', WEIGHTS_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return local;
  }
}

export function loadWeights(path: string | URL = defaultWeightsPath()): StanceWeights {
  return weightsFromJson(readFileSync(path, 'utf8'));
}

export interface StanceEvidence {
  /** A body sentence, half-open UTF-16 offsets into the body text. */
  span: Span;
  text: string;
  /** How closely it matches the claim (TF-IDF cosine, 0..1). */
  relevance: number;
}

export interface StancePrediction {
  label: StanceLabel;
  probabilities: Record<StanceLabel, number>;
  /** The body sentences that matched the claim best (and, for disagree, carry a denial), best first. */
  evidence: StanceEvidence[];
}

/** P(agree, disagree, discuss | related) for one pair: the mean over stage 2's models. */
export function stage2Probs(w: Pick<StanceWeights, 'stage2' | 'stage2More'>, f: Example): number[] {
  const p = predict(w.stage2, f);
  if (!w.stage2More?.length) return p;
  for (const m of w.stage2More) predict(m, f).forEach((v, c) => (p[c] = (p[c] ?? 0) + v));
  const n = 1 + w.stage2More.length;
  return p.map((v) => v / n);
}

/** Probabilities for the four labels from the two stages' outputs. */
export function combine(w: StanceWeights, related: number, stage2: readonly number[]): { label: StanceLabel; probabilities: Record<StanceLabel, number> } {
  const probabilities: Record<StanceLabel, number> = {
    agree: related * (stage2[0] ?? 0),
    disagree: related * (stage2[1] ?? 0),
    discuss: related * (stage2[2] ?? 0),
    unrelated: 1 - related,
  };
  let label: StanceLabel = 'unrelated';
  if (related >= w.threshold) {
    let best = -Infinity;
    for (let c = 0; c < 3; c++) {
      const v = Math.log(Math.max(1e-12, stage2[c] ?? 0)) + (w.offsets[c] ?? 0);
      if (v > best) {
        best = v;
        label = LABELS[c] as StanceLabel;
      }
    }
  }
  return { label, probabilities };
}

export class StancePredictor {
  constructor(readonly weights: StanceWeights) {}

  prepareBody(text: string, sentences?: readonly Span[]): PreparedBody {
    return prepareBody(text, this.weights.vocabulary, sentences);
  }

  prepareClaim(text: string): PreparedClaim {
    return prepareClaim(text);
  }

  predictPrepared(claim: PreparedClaim, body: PreparedBody): StancePrediction {
    const w = this.weights;
    const f = pairFeatures(claim, body, w.vocabulary, true);
    const p1 = predict(w.stage1, { dense: f.dense, sparseIndex: [], sparseValue: [] });
    const related = p1[1] ?? 0;
    // Stage 2 is cheap but not free: skip it for clear non-matches (its output would be scaled by ~0 anyway).
    const p2 = related < 0.01 ? [1 / 3, 1 / 3, 1 / 3] : stage2Probs(w, f);
    const { label, probabilities } = combine(w, related, p2);
    return { label, probabilities, evidence: evidenceFor(label, body, f.sentenceScores) };
  }

  predict(claim: string, body: string, sentences?: readonly Span[]): StancePrediction {
    return this.predictPrepared(this.prepareClaim(claim), this.prepareBody(body, sentences));
  }
}

/** Bonus in ranking evidence for a sentence that carries a cue of the predicted label. */
const CUE_BONUS = 0.15;

function evidenceFor(label: StanceLabel, body: PreparedBody, scores: readonly number[]): StanceEvidence[] {
  const ranked = scores.map((s, i) => {
    const cues = body.sentenceCues[i];
    let bonus = 0;
    if (cues && s > 0) {
      if (label === 'disagree' && cues.refute + cues.deny > 0) bonus = CUE_BONUS;
      else if (label === 'discuss' && cues.hedge > 0) bonus = CUE_BONUS;
      else if (label === 'agree' && cues.confirm > 0) bonus = CUE_BONUS;
    }
    return { i, s, rank: s + bonus };
  });
  ranked.sort((a, b) => b.rank - a.rank || a.i - b.i);
  return ranked
    .filter((r) => r.s > 0)
    .slice(0, TOP_SENTENCES)
    .map((r) => {
      const span = body.sentences[r.i] as Span;
      return { span: { start: span.start, end: span.end }, text: body.text.slice(span.start, span.end), relevance: Math.round(r.s * 1000) / 1000 };
    });
}
