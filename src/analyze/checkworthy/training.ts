/**
 * Training of the check-worthiness model, shared by scripts/train-checkworthy.ts and the eval
 * scripts (which retrain it inside each fold): examples are the sentences of analyzed
 * transcripts, labelled with their line's label; the model is linear.ts's logistic regression.
 */
import type { Doc } from '../../model/index.js';
import { claimsOf } from '../claims.js';
import { Features } from '../classifier/features.js';
import { train, type LinearModel, type TrainOptions } from '../classifier/linear.js';
import { opinionOf } from '../opinion.js';
import { checkworthyFeatures } from './features.js';
import { lineIndex, type LinesDoc } from './datasets.js';
import type { CheckworthyScorer } from './model.js';

/** Trainer settings (chosen by the cross-validation of eval/checkworthy-clef.ts; TRAINING.md). */
export const CHECKWORTHY_TRAIN: TrainOptions = { bits: 18, epochs: 10, rate: 0.1, l2: 1e-5, seed: 13, averageFrom: 3, balance: true };
/** Weights below this share of the largest are dropped from the shipped file (encode.ts). */
export const CHECKWORTHY_KEEP = 0.02;

export interface Examples {
  features: Features[];
  y: boolean[];
}

/** One example per sentence of the document that lies in a line: that line's label. */
export function examplesOf(ld: LinesDoc, labels: readonly boolean[], out: Examples = { features: [], y: [] }): Examples {
  const { view, sentences } = opinionOf(ld.doc);
  const lineOf = lineIndex(ld.lineSpans, view.text.length);
  const f = new Features(256);
  for (const s of view.sentences) {
    const o = sentences[s.index];
    if (o === undefined || s.to <= s.from) continue;
    const line = lineOf[s.span.start] as number;
    if (line < 0) continue;
    checkworthyFeatures(view, s, o, s.from, s.to, false, f);
    out.features.push(f.copy());
    out.y.push(labels[line] === true);
  }
  return out;
}

export function trainCheckworthy(ex: Examples, options: TrainOptions = CHECKWORTHY_TRAIN): LinearModel {
  return train(ex.features, ex.y, options);
}

/** Each line's score: the highest check-worthiness of a claim in it, 0 for a line with no claim. */
export function lineScores(ld: LinesDoc, scorer: CheckworthyScorer): Float64Array {
  const doc: Doc = ld.doc;
  const out = new Float64Array(ld.lineSpans.length);
  const lineOf = lineIndex(ld.lineSpans, doc.text.length);
  for (const c of claimsOf(doc, scorer)) {
    const line = lineOf[c.span.start] as number;
    if (line >= 0) out[line] = Math.max(out[line] as number, c.checkworthy);
  }
  return out;
}

/** Each line's model score over its sentences (the highest), whether or not they are claims: a diagnostic. */
export function lineModelScores(ld: LinesDoc, scorer: CheckworthyScorer): Float64Array {
  const { view, sentences } = opinionOf(ld.doc);
  const lineOf = lineIndex(ld.lineSpans, view.text.length);
  const out = new Float64Array(ld.lineSpans.length);
  const f = new Features(256);
  for (const s of view.sentences) {
    const o = sentences[s.index];
    const line = lineOf[s.span.start] as number;
    if (o === undefined || s.to <= s.from || line < 0) continue;
    checkworthyFeatures(view, s, o, s.from, s.to, false, f);
    out[line] = Math.max(out[line] as number, scorer(f));
  }
  return out;
}
