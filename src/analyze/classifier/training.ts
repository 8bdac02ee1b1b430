/**
 * Training and cross-validation of the profile classifier (used by scripts/train-profile.ts,
 * eval/profile-babe.ts and the floor test). Three hashed logistic-regression models:
 *
 *   word     is this word a loaded (biased) word? Trained on BABE's biased_words and BASIL's
 *            lexical-bias spans ('lex'), every other word of those sentences a negative.
 *   bias     is the sentence biased (BABE label_bias)?
 *   opinion  is the sentence opinionated (BABE label_opinion, factual vs the two opinionated
 *            levels, "No agreement" left out)?
 *
 * The sentence models also read the word model's output (stack.ts). In training those word
 * probabilities are out of fold (the word model never saw the sentence it scores), so the
 * sentence models learn how much to trust the word model on unseen text.
 */
import { stem } from '../signal-words.js';
import { macroF1, stratifiedFolds, type BabeRow, type BasilArticle } from './datasets.js';
import { Features, lexiconOf, loadedByWord, sentenceFeatures, tokens, wordFeatures, type Tokens } from './features.js';
import { asShipped } from './encode.js';
import { prng } from '../../model/random.js';
import { probability, train, type LinearModel, type TrainOptions } from './linear.js';
import { addWordEvidence } from './stack.js';

/** Trainer settings, chosen by 5-fold cross-validation on the BABE development half (TRAINING.md). */
export const TRAINING = {
  seed: 7,
  folds: 5,
  /** Inner folds for the out-of-fold word probabilities. */
  innerFolds: 3,
  sentence: { bits: 17, epochs: 16, rate: 0.05, l2: 1e-4, seed: 7, averageFrom: 6, balance: true } satisfies TrainOptions,
  word: { bits: 16, epochs: 5, rate: 0.1, l2: 1e-5, seed: 11, averageFrom: 1, balance: false } satisfies TrainOptions,
  /** Decision thresholds on the probabilities (balanced classes: 0.5). */
  /**
   * Decision thresholds on the probabilities. The sentence models are trained with balanced
   * classes (0.5); the word model is not (loaded words are 1 word in 25), and 0.3 marks more
   * of them at a precision still above one half on BABE.
   */
  threshold: { bias: 0.5, opinion: 0.5, word: 0.3 },
  /** Weights below this share of the largest are not shipped (encode.ts). */
  keep: 0.01,
} as const;

/** A sentence ready for training: its tokens, base sentence features and per-word features. */
export interface Prepared {
  tokens: Tokens;
  base: Features;
  words: Features[];
  /** Gold loaded-word label per word (null when the sentence has no word annotation). */
  wordGold: boolean[] | null;
}

export function prepare(text: string, loadedWords: ((t: Tokens) => boolean[]) | null): Prepared {
  const t = tokens(text);
  const lex = lexiconOf(t);
  const f = new Features();
  sentenceFeatures(t, lex, f);
  const base = f.copy();
  const byWord = loadedByWord(t, lex);
  const words = t.words.map((_, i) => {
    wordFeatures(t, byWord, i, f);
    return f.copy();
  });
  return { tokens: t, base, words, wordGold: loadedWords ? loadedWords(t) : null };
}

/** Word labels of a BABE sentence: a word is loaded when its norm is one of the row's biased_words. */
export function babeWordLabels(row: BabeRow): (t: Tokens) => boolean[] {
  const set = new Set(row.biasedWords.map((w) => w.toLowerCase().replace(/\u2019/g, "'")));
  return (t) => t.words.map((w) => set.has(w.norm) || set.has(stem(w.norm)));
}

/** Word labels of a BASIL sentence: words inside a lexical-bias span. */
export function basilWordLabels(spans: readonly { bias: string; start: number; end: number }[]): (t: Tokens) => boolean[] {
  const lex = spans.filter((s) => s.bias === 'lex');
  return (t) => t.words.map((w) => lex.some((s) => w.start < s.end && s.start < w.end));
}

export interface Corpus {
  babe: BabeRow[];
  babePrepared: Prepared[];
  /** BASIL sentences with their word labels (extra word-model training data). */
  basilPrepared: Prepared[];
}

export function buildCorpus(babe: readonly BabeRow[], basil: readonly BasilArticle[] | null): Corpus {
  const rows = babe.filter((r) => r.text.trim() !== '');
  return {
    babe: rows,
    babePrepared: rows.map((r) => prepare(r.text, babeWordLabels(r))),
    basilPrepared: (basil ?? []).flatMap((a) => a.sentences.map((s) => prepare(s.text, basilWordLabels(s.spans)))),
  };
}

export function trainWordModel(sentences: readonly Prepared[], options: TrainOptions = TRAINING.word): LinearModel {
  const xs: Features[] = [];
  const ys: boolean[] = [];
  for (const s of sentences) {
    if (s.wordGold === null) continue;
    s.words.forEach((f, i) => {
      xs.push(f);
      ys.push(s.wordGold?.[i] ?? false);
    });
  }
  return train(xs, ys, options);
}

export function wordProbabilities(model: LinearModel, s: Prepared): Float64Array {
  const p = new Float64Array(s.words.length);
  s.words.forEach((f, i) => (p[i] = probability(model, f)));
  return p;
}

/** Sentence features with the word evidence added. */
export function stacked(s: Prepared, p: ArrayLike<number>): Features {
  const f = s.base.copy();
  addWordEvidence(f, s.tokens.words, p);
  return f;
}

/** Out-of-fold word probabilities for `train` (inner folds), each word model trained with `extra` too. */
export function outOfFoldWordProbabilities(trainSet: readonly Prepared[], extra: readonly Prepared[], folds: number, seed: number): Float64Array[] {
  const fold = stratifiedFolds(trainSet.map((s) => s.wordGold?.some(Boolean) ?? false), folds, prng(seed));
  const out: Float64Array[] = new Array<Float64Array>(trainSet.length);
  for (let k = 0; k < folds; k++) {
    const model = trainWordModel([...trainSet.filter((_, i) => fold[i] !== k), ...extra]);
    trainSet.forEach((s, i) => {
      if (fold[i] === k) out[i] = wordProbabilities(model, s);
    });
  }
  return out;
}

export interface Trained {
  word: LinearModel;
  bias: LinearModel;
  opinion: LinearModel;
}

/** Trains the three models on `rows` (indices into the corpus's BABE rows) plus all of BASIL for words. */
export function trainAll(corpus: Corpus, rows: readonly number[]): Trained {
  const set = rows.map((i) => corpus.babePrepared[i] as Prepared);
  const word = trainWordModel([...set, ...corpus.basilPrepared]);
  const oof = outOfFoldWordProbabilities(set, corpus.basilPrepared, TRAINING.innerFolds, TRAINING.seed);
  const xs = set.map((s, j) => stacked(s, oof[j] as Float64Array));
  const sentenceModel = (label: (r: BabeRow) => boolean | null): LinearModel => {
    const keep = rows.map((i, j) => ({ j, y: label(corpus.babe[i] as BabeRow) })).filter((x) => x.y !== null);
    return train(keep.map((x) => xs[x.j] as Features), keep.map((x) => x.y as boolean), TRAINING.sentence);
  };
  // scored and shipped in the encoded form
  return {
    word: asShipped(word, TRAINING.keep),
    bias: asShipped(sentenceModel((r) => r.biased), TRAINING.keep),
    opinion: asShipped(sentenceModel((r) => r.opinionated), TRAINING.keep),
  };
}

export interface CrossValidation {
  folds: number;
  bias: { macroF1: number; n: number };
  opinion: { macroF1: number; n: number };
  /** Word-level F1 of loaded-word marks on BABE's biased_words (positive class). */
  words: { precision: number; recall: number; f1: number };
  /** Out-of-fold probabilities per BABE row (for threshold reports). */
  biasP: Float64Array;
  opinionP: Float64Array;
}

/** k-fold cross-validation on BABE: each row is scored by models that never saw it. */
export function crossValidate(corpus: Corpus, folds: number = TRAINING.folds, seed: number = TRAINING.seed): CrossValidation {
  const n = corpus.babe.length;
  const fold = stratifiedFolds(corpus.babe.map((r) => r.biased === true), folds, prng(seed));
  const biasP = new Float64Array(n);
  const opinionP = new Float64Array(n);
  let tp = 0, fp = 0, fn = 0;
  for (let k = 0; k < folds; k++) {
    const trainRows: number[] = [];
    for (let i = 0; i < n; i++) if (fold[i] !== k) trainRows.push(i);
    const m = trainAll(corpus, trainRows);
    for (let i = 0; i < n; i++) {
      if (fold[i] !== k) continue;
      const s = corpus.babePrepared[i] as Prepared;
      const p = wordProbabilities(m.word, s);
      const f = stacked(s, p);
      biasP[i] = probability(m.bias, f);
      opinionP[i] = probability(m.opinion, f);
      s.wordGold?.forEach((g, w) => {
        const pred = (p[w] as number) >= TRAINING.threshold.word;
        if (pred && g) tp++;
        else if (pred) fp++;
        else if (g) fn++;
      });
    }
  }
  const score = (p: Float64Array, label: (r: BabeRow) => boolean | null, t: number): { macroF1: number; n: number } => {
    const pred: boolean[] = [];
    const gold: boolean[] = [];
    corpus.babe.forEach((r, i) => {
      const y = label(r);
      if (y === null) return;
      pred.push((p[i] as number) >= t);
      gold.push(y);
    });
    return { macroF1: macroF1(pred, gold), n: gold.length };
  };
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return {
    folds,
    bias: score(biasP, (r) => r.biased, TRAINING.threshold.bias),
    opinion: score(opinionP, (r) => r.opinionated, TRAINING.threshold.opinion),
    words: { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 },
    biasP,
    opinionP,
  };
}
