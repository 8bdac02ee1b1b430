/**
 * Training and cross-validation of the profile classifier (used by scripts/train-profile.ts,
 * eval/profile-babe.ts and the floor test). Three hashed logistic-regression models:
 *
 *   word     is this word a loaded (biased) word? Trained on BABE's biased_words, every other
 *            word of those sentences a negative (BASIL's lexical-bias spans can be added with
 *            TRAINING.wordWithBasil; they are not: see there).
 *   bias     does the sentence hold a word BABE's annotators marked as biased (biased_words not
 *            empty; TRAINING.biasTarget 'words'), or, with 'label', is it biased (label_bias)?
 *   opinion  is the sentence opinionated (BABE label_opinion, factual vs the two opinionated
 *            levels, "No agreement" left out)?
 *
 * The sentence models also read the word model's output (stack.ts). In training those word
 * probabilities are out of fold (the word model never saw the sentence it scores), so the
 * sentence models learn how much to trust the word model on unseen text.
 *
 * Each sentence model's AdaGrad step is chosen by an inner cross-validation on its own training
 * rows (never on the rows it is scored on), and the shipped P(biased) is a blend of the bias
 * model and the opinion model (TRAINING.biasMix): the two BABE labels overlap, and the opinion
 * model, trained on the other label, steadies the bias decision.
 */
import { stem } from '../signal-words.js';
import { macroF1, stratifiedFolds, type BabeRow, type BasilArticle } from './datasets.js';
import { FAMILY_WEIGHTS, Features, lexiconOf, loadedByWord, sentenceFeatures, tokens, wordFeatures, type FamilyWeights, type Tokens } from './features.js';
import { asShipped } from './encode.js';
import { prng } from '../../model/random.js';
import { probability, train, type LinearModel, type TrainOptions } from './linear.js';
import { addWordEvidence } from './stack.js';

/** Trainer settings, chosen by 5-fold cross-validation on the BABE development half (TRAINING.md). */
export const TRAINING: Settings = {
  seed: 7,
  folds: 5,
  /** Inner folds for the out-of-fold word probabilities. */
  innerFolds: 3,
  sentence: { bits: 17, epochs: 12, rate: 0.02, l2: 1e-4, seed: 7, averageFrom: 4, balance: true } satisfies TrainOptions,
  /**
   * Candidate AdaGrad steps of the sentence models: each model takes the one with the best
   * macro-F1 in an inner cross-validation (innerFolds) on its training rows. A small step
   * regularises: 0.05 (the earlier setting) fits the 1,800 BABE sentences too closely.
   */
  rates: [0.01, 0.02, 0.05],
  /**
   * P(biased) = biasMix x bias model + (1 - biasMix) x opinion model. 0.5: the two models
   * weighed alike (a fixed prior choice, not fitted; TRAINING.md gives both models alone).
   */
  biasMix: 0.5,
  word: { bits: 16, epochs: 5, rate: 0.1, l2: 1e-5, seed: 11, averageFrom: 1, balance: false } satisfies TrainOptions,
  /** Decision thresholds on the probabilities (balanced classes: 0.5). */
  /**
   * Decision thresholds on the probabilities. The sentence models are trained with balanced
   * classes (0.5); the word model is not (loaded words are 1 word in 25), and 0.3 marks more
   * of them at a precision still above one half on BABE.
   */
  threshold: { bias: 0.5, opinion: 0.5, word: 0.3 },
  /**
   * Train the word model on BASIL's lexical-bias spans as well as BABE's biased_words. Off: with
   * BASIL the bias model scored 0.777 by cross-validation on BABE, without it 0.791 (the word
   * model's output feeds the sentence models, and BASIL's notion of a loaded word is not
   * BABE's), while the marks' span F1 on BASIL fell only from 0.152 to 0.146. BASIL is then
   * text the shipped model never saw: eval/profile-basil.ts scores it out of sample.
   */
  wordWithBasil: false,
  /**
   * Weights below this share of the largest are not shipped (encode.ts). Cross-validated bias /
   * opinion macro-F1 at 0.01: 0.791 / 0.836 (446 KiB of base64); 0.05: 0.793 / 0.837 (395 KiB);
   * 0.1: 0.785 / 0.827 (a loss).
   */
  keep: 0.05,
  /**
   * How the inner cross-validation (the step choice) splits the training rows: 'outlet' keeps
   * each outlet's sentences in one inner fold, so the step is the one that carries best to an
   * outlet the model has not read (BABE's outlets differ in how much of their text is biased:
   * Reuters 9%, Alternet 75%); 'row' is a stratified split of sentences.
   */
  innerBy: 'row',
  /**
   * What the bias sentence model is trained to predict: 'words', whether BABE's annotators marked
   * any biased word in the sentence (biased_words not empty), or 'label', BABE's label_bias. The
   * shipped P(biased) blends it with the opinion model either way and is scored on label_bias.
   * 'words' across outlets (eval/babe-screen.ts, five training seeds, fixed steps): 0.770 on
   * average against 0.766, better for every seed; the sentence-level label is the one that lets
   * a model lean on an outlet's voice, the marked words tie it to wording (TRAINING.md).
   */
  biasTarget: 'words',
};

/** Trainer settings: TRAINING, or a variant of it (eval/profile-babe-outlets.ts tries several). */
export interface Settings {
  readonly seed: number;
  readonly folds: number;
  readonly innerFolds: number;
  readonly sentence: TrainOptions;
  readonly rates: readonly number[];
  readonly biasMix: number;
  readonly word: TrainOptions;
  readonly threshold: { readonly bias: number; readonly opinion: number; readonly word: number };
  readonly wordWithBasil: boolean;
  readonly keep: number;
  readonly innerBy: FoldBy;
  readonly biasTarget: 'label' | 'words';
}

/** How rows are split into folds: by sentence (stratified) or by outlet (no outlet on both sides). */
export type FoldBy = 'row' | 'outlet';

/**
 * Outlets with fewer rows than this are pooled into one group for the outlet folds (BABE's
 * development half: Daily Beast 22 and Daily Stormer 2 rows; every other outlet has 71 or more).
 */
export const MIN_OUTLET_ROWS = 50;

/** The outlet group of each row: its outlet, or '(small outlets)' for outlets under MIN_OUTLET_ROWS. */
export function outletGroups(outlets: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const o of outlets) count.set(o, (count.get(o) ?? 0) + 1);
  return outlets.map((o) => ((count.get(o) ?? 0) >= MIN_OUTLET_ROWS ? o : '(small outlets)'));
}

/**
 * Grouped folds: every row of a group in one fold. k = 0 gives one fold per group (leave one
 * outlet out); otherwise groups, largest first, go to the fold with the fewest rows so far
 * (deterministic: ties by name).
 */
export function groupFolds(groups: readonly string[], k = 0): number[] {
  const size = new Map<string, number>();
  for (const g of groups) size.set(g, (size.get(g) ?? 0) + 1);
  const order = [...size.keys()].sort((a, b) => (size.get(b) as number) - (size.get(a) as number) || (a < b ? -1 : 1));
  const foldOf = new Map<string, number>();
  if (k <= 0) order.forEach((g, i) => foldOf.set(g, i));
  else {
    const load = new Array<number>(k).fill(0);
    for (const g of order) {
      let best = 0;
      for (let f = 1; f < k; f++) if ((load[f] as number) < (load[best] as number)) best = f;
      foldOf.set(g, best);
      load[best] = (load[best] as number) + (size.get(g) as number);
    }
  }
  return groups.map((g) => foldOf.get(g) as number);
}

/** A sentence ready for training: its tokens, base sentence features and per-word features. */
export interface Prepared {
  tokens: Tokens;
  base: Features;
  words: Features[];
  /** Gold loaded-word label per word (null when the sentence has no word annotation). */
  wordGold: boolean[] | null;
}

export function prepare(text: string, loadedWords: ((t: Tokens) => boolean[]) | null, weights: Readonly<FamilyWeights> = FAMILY_WEIGHTS): Prepared {
  const t = tokens(text);
  const lex = lexiconOf(t);
  const f = new Features();
  sentenceFeatures(t, lex, f, weights);
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

export function buildCorpus(babe: readonly BabeRow[], basil: readonly BasilArticle[] | null, weights: Readonly<FamilyWeights> = FAMILY_WEIGHTS): Corpus {
  const rows = babe.filter((r) => r.text.trim() !== '');
  return {
    babe: rows,
    babePrepared: rows.map((r) => prepare(r.text, babeWordLabels(r), weights)),
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
export function outOfFoldWordProbabilities(
  trainSet: readonly Prepared[],
  extra: readonly Prepared[],
  folds: number,
  seed: number,
  options: TrainOptions = TRAINING.word,
): Float64Array[] {
  const fold = stratifiedFolds(trainSet.map((s) => s.wordGold?.some(Boolean) ?? false), folds, prng(seed));
  const out: Float64Array[] = new Array<Float64Array>(trainSet.length);
  for (let k = 0; k < folds; k++) {
    const model = trainWordModel([...trainSet.filter((_, i) => fold[i] !== k), ...extra], options);
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
  /** The AdaGrad step each sentence model was trained with (chosen by inner cross-validation). */
  rates: { bias: number; opinion: number };
}

/** The shipped P(biased): the bias model blended with the opinion model (TRAINING.biasMix). */
export function blendBias(bias: number, opinion: number, mix: number = TRAINING.biasMix): number {
  return mix * bias + (1 - mix) * opinion;
}

/**
 * The candidate step (TRAINING.rates) with the best macro-F1 at 0.5 in a `folds`-fold
 * cross-validation on (xs, ys) alone; the first candidate wins a tie.
 */
export function selectRate(
  xs: readonly Features[],
  ys: readonly boolean[],
  folds: number,
  seed: number,
  settings: Settings = TRAINING,
  groups: readonly string[] | null = null,
): number {
  const fold = groups && new Set(groups).size >= folds ? groupFolds(groups, folds) : stratifiedFolds(ys, folds, prng(seed));
  let best = settings.rates[0] as number;
  let bestF1 = -1;
  for (const rate of settings.rates) {
    const pred = new Array<boolean>(ys.length).fill(false);
    for (let k = 0; k < folds; k++) {
      const inTrain = xs.map((_, i) => fold[i] !== k);
      const m = train(xs.filter((_, i) => inTrain[i]), ys.filter((_, i) => inTrain[i]), { ...settings.sentence, rate });
      xs.forEach((f, i) => {
        if (!inTrain[i]) pred[i] = probability(m, f) >= 0.5;
      });
    }
    const f1 = macroF1(pred, ys);
    if (f1 > bestF1) {
      bestF1 = f1;
      best = rate;
    }
  }
  return best;
}

/** Trains the three models on `rows` (indices into the corpus's BABE rows), plus BASIL for words when TRAINING.wordWithBasil. */
export function trainAll(corpus: Corpus, rows: readonly number[], settings: Settings = TRAINING): Trained {
  const set = rows.map((i) => corpus.babePrepared[i] as Prepared);
  const extra = settings.wordWithBasil ? corpus.basilPrepared : [];
  const word = trainWordModel([...set, ...extra], settings.word);
  const oof = outOfFoldWordProbabilities(set, extra, settings.innerFolds, settings.seed, settings.word);
  const groups = settings.innerBy === 'outlet' ? outletGroups(corpus.babe.map((r) => r.outlet)) : null;
  const xs = set.map((s, j) => stacked(s, oof[j] as Float64Array));
  const sentenceModel = (label: (r: BabeRow) => boolean | null): { model: LinearModel; rate: number } => {
    const keep = rows.map((i, j) => ({ j, y: label(corpus.babe[i] as BabeRow) })).filter((x) => x.y !== null);
    const x = keep.map((k) => xs[k.j] as Features);
    const y = keep.map((k) => k.y as boolean);
    const g = groups && keep.map((k) => groups[rows[k.j] as number] as string);
    const rate = selectRate(x, y, settings.innerFolds, settings.seed, settings, g);
    return { model: train(x, y, { ...settings.sentence, rate }), rate };
  };
  const bias = sentenceModel(settings.biasTarget === 'words' ? (r) => r.biasedWords.length > 0 : (r) => r.biased);
  const opinion = sentenceModel((r) => r.opinionated);
  // scored and shipped in the encoded form
  return {
    word: asShipped(word, settings.keep),
    bias: asShipped(bias.model, settings.keep),
    opinion: asShipped(opinion.model, settings.keep),
    rates: { bias: bias.rate, opinion: opinion.rate },
  };
}

export interface CrossValidation {
  folds: number;
  bias: { macroF1: number; n: number };
  opinion: { macroF1: number; n: number };
  /** Word-level F1 of loaded-word marks on BABE's biased_words (positive class). */
  words: { precision: number; recall: number; f1: number };
  /** The bias model alone (before the blend with the opinion model), for the report. */
  biasModelOnly: { macroF1: number; n: number };
  /** The opinion model alone scored against label_bias, for the report. */
  opinionOnBias: { macroF1: number; n: number };
  /** Accuracy of the shipped P(biased) per outlet group (out of fold either way). */
  byGroup: { group: string; n: number; accuracy: number }[];
  /** The step each fold's sentence models chose (inner cross-validation). */
  rates: { bias: number; opinion: number }[];
  /** Out-of-fold probabilities per BABE row (for threshold reports); biasP is the shipped blend. */
  biasP: Float64Array;
  opinionP: Float64Array;
  /** Out-of-fold P(biased) of the bias model alone (before the blend). */
  biasOnlyP: Float64Array;
}

export interface CrossValidateOptions {
  /** 'row': `folds` stratified folds of sentences; 'outlet': one fold per outlet group (outletGroups). */
  by?: FoldBy;
  folds?: number;
  seed?: number;
  settings?: Settings;
}

/**
 * Cross-validation on BABE: each row is scored by models that never saw it. By outlet, the
 * models never saw the row's outlet either: the honest figure for articles from outlets outside
 * the training set (BABE's held-out half and everything crosscheck reads later).
 */
export function crossValidate(corpus: Corpus, options: CrossValidateOptions = {}): CrossValidation {
  const { by = 'row', seed = TRAINING.seed, settings = TRAINING } = options;
  const n = corpus.babe.length;
  const groups = outletGroups(corpus.babe.map((r) => r.outlet));
  const fold = by === 'outlet' ? groupFolds(groups) : stratifiedFolds(corpus.babe.map((r) => r.biased === true), options.folds ?? settings.folds, prng(seed));
  const folds = Math.max(...fold) + 1;
  const biasP = new Float64Array(n);
  const biasOnlyP = new Float64Array(n);
  const opinionP = new Float64Array(n);
  const rates: { bias: number; opinion: number }[] = [];
  let tp = 0, fp = 0, fn = 0;
  for (let k = 0; k < folds; k++) {
    const trainRows: number[] = [];
    for (let i = 0; i < n; i++) if (fold[i] !== k) trainRows.push(i);
    const m = trainAll(corpus, trainRows, settings);
    rates.push(m.rates);
    for (let i = 0; i < n; i++) {
      if (fold[i] !== k) continue;
      const s = corpus.babePrepared[i] as Prepared;
      const p = wordProbabilities(m.word, s);
      const f = stacked(s, p);
      biasOnlyP[i] = probability(m.bias, f);
      opinionP[i] = probability(m.opinion, f);
      biasP[i] = blendBias(biasOnlyP[i] as number, opinionP[i] as number, settings.biasMix);
      s.wordGold?.forEach((g, w) => {
        const pred = (p[w] as number) >= settings.threshold.word;
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
    bias: score(biasP, (r) => r.biased, settings.threshold.bias),
    opinion: score(opinionP, (r) => r.opinionated, settings.threshold.opinion),
    words: { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 },
    biasModelOnly: score(biasOnlyP, (r) => r.biased, settings.threshold.bias),
    opinionOnBias: score(opinionP, (r) => r.biased, settings.threshold.bias),
    byGroup: [...new Set(groups)].sort().map((g) => {
      let right = 0, total = 0;
      corpus.babe.forEach((r, i) => {
        if (groups[i] !== g || r.biased === null) return;
        total++;
        if (((biasP[i] as number) >= settings.threshold.bias) === r.biased) right++;
      });
      return { group: g, n: total, accuracy: right / Math.max(1, total) };
    }),
    rates,
    biasP,
    opinionP,
    biasOnlyP,
  };
}
