/**
 * The shipped profile classifier: opinion and bias probabilities of a sentence and the loaded
 * words in it, from the weights in weights.ts (written by `scripts/train-profile.ts`; the
 * training report is TRAINING.md beside them). Pure CPU, no I/O; the weights are decoded once,
 * on first use.
 */
import type { Span } from '../../model/index.js';
import { decodeModel } from './encode.js';
import { Features, lexiconOf, loadedByWord, sentenceFeatures, tokens, wordContextFeatures, wordOwnFeatures, type Tokens } from './features.js';
import { probability, score, sigmoid, type LinearModel } from './linear.js';
import { addWordEvidence } from './stack.js';
import { WEIGHTS } from './weights.js';

export interface Classified {
  /** Probability that the sentence is the writer's opinion (BABE label_opinion). */
  opinion: number;
  /** Probability that the sentence is biased (BABE label_bias). */
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
  word: LinearModel;
  bias: LinearModel;
  opinion: LinearModel;
}

let models: Loaded | null = null;

function loaded(): Loaded {
  models ??= { word: decodeModel(WEIGHTS.word), bias: decodeModel(WEIGHTS.bias), opinion: decodeModel(WEIGHTS.opinion) };
  return models;
}

/** Decision thresholds the model was validated at (TRAINING.md). */
export const THRESHOLDS: { readonly bias: number; readonly opinion: number; readonly word: number } = WEIGHTS.thresholds;

// One buffer reused across calls: classification allocates little.
const buffer = new Features(2048);
/** Word-model score of each word form's own features; emptied when it reaches this size. */
const OWN_CACHE_SIZE = 200_000;
const ownScores = new Map<string, number>();

export function classifyTokens(t: Tokens): Classified {
  const m = loaded();
  const lex = lexiconOf(t);
  const byWord = loadedByWord(t, lex);
  const words = new Float64Array(t.words.length);
  for (let i = 0; i < t.words.length; i++) {
    // Linear model: score(own + context) = score(own) + score(context), and the own part
    // (form and character n-grams) is the same every time a word form comes back.
    const w = t.words[i] as Tokens['words'][number];
    const key = w.isNumber ? `#${w.norm}` : w.norm;
    let own = ownScores.get(key);
    if (own === undefined) {
      buffer.clear();
      wordOwnFeatures(w, buffer);
      own = score(m.word, buffer);
      if (ownScores.size >= OWN_CACHE_SIZE) ownScores.clear();
      ownScores.set(key, own);
    }
    buffer.clear();
    wordContextFeatures(t, byWord, i, buffer);
    words[i] = sigmoid(own + score(m.word, buffer));
  }
  sentenceFeatures(t, lex, buffer);
  addWordEvidence(buffer, t.words, words);
  return { opinion: probability(m.opinion, buffer), bias: probability(m.bias, buffer), words, tokens: t };
}

/** Classifies one sentence (plain text). */
export function classify(text: string): Classified {
  return classifyTokens(tokens(text));
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
