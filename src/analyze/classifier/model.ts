/**
 * The shipped profile classifier: opinion and bias probabilities of a sentence and the loaded
 * words in it, from the weights in weights.ts (written by `scripts/train-profile.ts`; the
 * training report is TRAINING.md beside them). Pure CPU, no I/O; the weights are decoded once,
 * on first use.
 */
import type { Span } from '../../model/index.js';
import { decodeCompact, type CompactModel } from './encode.js';
import { FAMILY_WEIGHTS, Features, lexiconOf, loadedByWord, sentenceFeatures, tokens, wordContextScore, WordHashes, wordHashes, wordOwnFeatures, type Tokens } from './features.js';
import { sigmoid } from './linear.js';
import { addWordEvidence } from './stack.js';
import { WEIGHTS } from './weights.js';

export interface Classified {
  /** Probability that the sentence is the writer's opinion (BABE label_opinion). */
  opinion: number;
  /** Probability that the sentence is biased (BABE label_bias): the bias model blended with the opinion model. */
  bias: number;
  /** Probability that each word of `tokens` is a loaded word. */
  words: Float64Array;
  tokens: Tokens;
}

export interface LoadedMark {
  /** Offsets into the classified text. */
  span: Span;
  text: string;
  /** The highest word probability in the mark. */
  p: number;
}

interface Loaded {
  word: CompactModel;
  bias: CompactModel;
  opinion: CompactModel;
  /**
   * The opinion and bias bytes interleaved (bucket j at 2j and 2j + 1) when both models have
   * the same number of buckets: both are read at the same buckets, so one cache line serves both.
   */
  pair: Uint8Array | null;
}

let models: Loaded | null = null;

function loaded(): Loaded {
  if (models === null) {
    const opinion = decodeCompact(WEIGHTS.opinion);
    const bias = decodeCompact(WEIGHTS.bias);
    let pair: Uint8Array | null = null;
    if (opinion.bits === bias.bits) {
      pair = new Uint8Array(2 << opinion.bits);
      for (let j = 0; j < opinion.bytes.length; j++) {
        pair[2 * j] = opinion.bytes[j] as number;
        pair[2 * j + 1] = bias.bytes[j] as number;
      }
    }
    models = { word: decodeCompact(WEIGHTS.word), bias, opinion, pair };
  }
  return models;
}

/** score() of linear.ts on a compact model: the same products, summed in the same order. */
function compactScore(m: CompactModel, f: Features): number {
  const mask = (1 << m.bits) - 1;
  const { bytes, table } = m;
  let z = 0;
  for (let i = 0; i < f.n; i++) z += (table[bytes[(f.idx[i] as number) & mask] as number] as number) * (f.val[i] as number);
  return z;
}

/** P(biased) = BIAS_MIX x bias model + (1 - BIAS_MIX) x opinion model (training.ts, TRAINING.md). */
const BIAS_MIX: number = WEIGHTS.biasMix;

/** Decision thresholds the model was validated at (TRAINING.md). */
export const THRESHOLDS: { readonly bias: number; readonly opinion: number; readonly word: number } = WEIGHTS.thresholds;

// One buffer and one set of word hashes reused across calls: classification allocates little.
const buffer = new Features(2048);
const hashes = new WordHashes();

/**
 * Word-model score of each word form's own features (form and character n-grams), by form
 * (`#` + norm for a number). The caller decides how long it lives: the analysis keeps one per
 * document (on its text view), so nothing outlives the document. It replaced a module-level
 * cache of up to 200,000 forms at the same speed: classifying every sentence of 1,000 FNC-1
 * bodies took 487 ms with a memo per document, 490 ms with the shared cache and 519 ms with
 * none (median CPU of 9 alternating runs, load 10): a document's own repeats are most of the
 * hits, and a small map stays in the processor's caches.
 */
export type WordScores = Map<string, number>;

/**
 * Classifies a tokenised sentence. `masks`, when given, holds the lexicon index's mask of each
 * word (features.ts, lexiconOf); else they are looked up.
 */
export function classifyTokens(t: Tokens, ownScores: WordScores = new Map(), masks?: Int32Array): Classified {
  const m = loaded();
  const lex = lexiconOf(t, masks);
  const byWord = loadedByWord(t, lex);
  const words = new Float64Array(t.words.length);
  wordHashes(t, hashes);
  for (let i = 0; i < t.words.length; i++) {
    // Linear model: score(own + context) = score(own) + score(context), and the own part
    // (form and character n-grams) is the same every time a word form comes back.
    const w = t.words[i] as Tokens['words'][number];
    const key = w.isNumber ? `#${w.norm}` : w.norm;
    let own = ownScores.get(key);
    if (own === undefined) {
      buffer.clear();
      wordOwnFeatures(w, buffer);
      own = compactScore(m.word, buffer);
      ownScores.set(key, own);
    }
    words[i] = sigmoid(own + wordContextScore(t, byWord, i, m.word, hashes));
  }
  sentenceFeatures(t, lex, buffer, FAMILY_WEIGHTS, hashes);
  addWordEvidence(buffer, t.words, words);
  // Both sentence models read the same features: one pass (each sum in the same order as
  // `probability` would take it, so the figures are identical).
  let zOpinion = 0;
  let zBias = 0;
  if (m.pair !== null) {
    const mask = (1 << m.opinion.bits) - 1;
    const pair = m.pair;
    const to = m.opinion.table;
    const tb = m.bias.table;
    for (let i = 0; i < buffer.n; i++) {
      const j = ((buffer.idx[i] as number) & mask) << 1;
      const v = buffer.val[i] as number;
      zOpinion += (to[pair[j] as number] as number) * v;
      zBias += (tb[pair[j + 1] as number] as number) * v;
    }
  } else {
    zOpinion = compactScore(m.opinion, buffer);
    zBias = compactScore(m.bias, buffer);
  }
  const opinion = sigmoid(zOpinion);
  return { opinion, bias: BIAS_MIX * sigmoid(zBias) + (1 - BIAS_MIX) * opinion, words, tokens: t };
}

/** Classifies one sentence (plain text); `ownScores` is kept by a caller that classifies many. */
export function classify(text: string, ownScores?: WordScores, masks?: Int32Array): Classified {
  return classifyTokens(tokens(text), ownScores, masks);
}

/**
 * Loaded-word marks: runs of words at or above `threshold` (adjacent words joined by a space or
 * hyphen make one mark), outside quotation marks unless `quoted` is set.
 */
export function loadedMarks(c: Classified, threshold: number = THRESHOLDS.word, quoted = false): LoadedMark[] {
  const out: LoadedMark[] = [];
  const { words, text } = c.tokens;
  let open: LoadedMark | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const p = c.words[i] as number;
    if (w === undefined || p < threshold || (w.quoted && !quoted)) {
      open = null;
      continue;
    }
    if (open !== null && !w.gap && /^[\s\-\u2010\u2011]*$/.test(text.slice(open.span.end, w.start))) {
      open.span = { start: open.span.start, end: w.end };
      open.text = text.slice(open.span.start, w.end);
      open.p = Math.max(open.p, p);
      continue;
    }
    open = { span: { start: w.start, end: w.end }, text: text.slice(w.start, w.end), p };
    out.push(open);
  }
  return out;
}
