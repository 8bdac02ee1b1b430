/**
 * Training of the entity tagger: a structured perceptron (Collins 2002) over the candidate runs
 * of features.ts, Viterbi-decoded with the current weights, updated where the best sequence
 * differs from the gold one, and averaged over every step (the averaged weights are the model).
 * Documents are visited in a seeded order: the same data and seed give the same weights.
 */
import type { Token } from '../../model/index.js';
import { prng } from '../../model/random.js';
import { tokenizeText } from '../tokenize.js';
import { CONLL_TYPES, type ConllDoc, type GoldName } from './conll.js';
import { decodeRun, MAX_RUN, runFeatures, type TaggerWeights } from './decode.js';
import { FEATURE_COUNT, prepare, TABLE_BITS, type Prepared } from './features.js';
import { B, I, L, O, TAG_COUNT, tagOf, U } from './tags.js';

export interface TrainDoc {
  prepared: Prepared;
  /** Gold tag per token. */
  gold: Uint8Array;
  /** When set, only runs with a token flagged here are trained (augmented copies). */
  only: Uint8Array | null;
}

export interface Alignment {
  gold: Uint8Array;
  /** Gold names whose ends are not token ends of ours, or that leave the candidate tokens. */
  unaligned: number;
  names: number;
}

/** Gold BILOU tags on our tokens; a name is aligned when it starts at a token and ends at one (or before its 's). */
export function alignGold(text: string, tokens: readonly Token[], names: readonly GoldName[], candidate: Uint8Array | null): Alignment {
  const gold = new Uint8Array(tokens.length);
  let unaligned = 0;
  let t = 0;
  for (const g of names) {
    while (t < tokens.length && (tokens[t] as Token).end <= g.start) t++;
    const first = t;
    let last = first;
    while (last < tokens.length && (tokens[last] as Token).end < g.end) last++;
    const a = tokens[first];
    const z = tokens[last];
    const endOk = !!z && (z.end === g.end || (z.end === g.end + 2 && /^['’]s$/i.test(text.slice(g.end, z.end))));
    let onCandidates = true;
    if (candidate) for (let i = first; i <= last; i++) if (!candidate[i]) onCandidates = false;
    if (!a || a.start !== g.start || !endOk || !onCandidates) {
      unaligned++;
      continue;
    }
    const k = CONLL_TYPES.indexOf(g.type);
    if (first === last) gold[first] = tagOf(U, k);
    else for (let i = first; i <= last; i++) gold[i] = tagOf(i === first ? B : i === last ? L : I, k);
  }
  return { gold, unaligned, names: names.length };
}

export function trainDocOf(doc: ConllDoc, only: Uint8Array | null = null): TrainDoc & { alignment: Alignment } {
  const tokens = tokenizeText(doc.text);
  const prepared = prepare(doc.text, tokens, doc.sentences, true);
  const alignment = alignGold(doc.text, tokens, doc.gold, prepared.candidate);
  return { prepared, gold: alignment.gold, only, alignment };
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Called after each epoch with the averaged weights so far (for the development score). */
  onEpoch?: (epoch: number, weights: TaggerWeights) => void;
}

/** Trains and returns the averaged weights (float). */
export function train(docs: readonly TrainDoc[], options: TrainOptions): TaggerWeights {
  const size = (1 << TABLE_BITS) * TAG_COUNT;
  const w = new Float32Array(size);
  const u = new Float64Array(size); // sum of step x update, for averaging
  const tw = new Float64Array(TAG_COUNT * TAG_COUNT);
  const tu = new Float64Array(TAG_COUNT * TAG_COUNT);
  const current: TaggerWeights = { table: w, transitions: tw };
  const random = prng(options.seed);
  const order = docs.map((_, i) => i);
  let step = 1;
  let longest = 0;
  for (const doc of docs) longest = Math.max(longest, doc.prepared.tokens.length);
  const tags = new Uint8Array(longest);
  const bump = (r: number, tag: number, d: number): void => {
    const j = r * TAG_COUNT + tag;
    w[j] = (w[j] as number) + d;
    u[j] = (u[j] as number) + step * d;
  };
  const bumpT = (from: number, to: number, d: number): void => {
    const j = from * TAG_COUNT + to;
    tw[j] = (tw[j] as number) + d;
    tu[j] = (tu[j] as number) + step * d;
  };
  const averaged = (): TaggerWeights => {
    const table = new Float32Array(size);
    for (let j = 0; j < size; j++) table[j] = (w[j] as number) - (u[j] as number) / step;
    const transitions = new Float64Array(tw.length);
    for (let j = 0; j < tw.length; j++) transitions[j] = (tw[j] as number) - (tu[j] as number) / step;
    return { table, transitions };
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const d of order) {
      const doc = docs[d] as TrainDoc;
      const p = doc.prepared;
      const n = p.tokens.length;
      let i = 0;
      while (i < n) {
        if (!p.candidate[i]) {
          i++;
          continue;
        }
        const to = p.sentTo[i] as number;
        let b = i + 1;
        while (b < n && b < to && p.candidate[b] && b - i < MAX_RUN) b++;
        const a = i;
        i = b;
        if (doc.only) {
          let flagged = false;
          for (let k = a; k < b; k++) if (doc.only[k]) flagged = true;
          if (!flagged) continue;
        }
        decodeRun(p, a, b, current, tags);
        let wrong = false;
        for (let k = a; k < b; k++) if (tags[k] !== doc.gold[k]) wrong = true;
        if (wrong) {
          const feats = runFeatures();
          for (let k = a; k < b; k++) {
            const g = doc.gold[k] as number;
            const q = tags[k] as number;
            if (g !== q) {
              for (let f = (k - a) * FEATURE_COUNT, end = f + FEATURE_COUNT; f < end; f++) {
                bump(feats[f] as number, g, 1);
                bump(feats[f] as number, q, -1);
              }
            }
            const gp = k === a ? O : (doc.gold[k - 1] as number);
            const qp = k === a ? O : (tags[k - 1] as number);
            if (gp !== qp || g !== q) {
              bumpT(gp, g, 1);
              bumpT(qp, tags[k] as number, -1);
            }
          }
          const gl = doc.gold[b - 1] as number;
          const ql = tags[b - 1] as number;
          if (gl !== ql) {
            bumpT(gl, O, 1);
            bumpT(ql, O, -1);
          }
        }
        step++;
      }
    }
    options.onEpoch?.(epoch, averaged());
  }
  return averaged();
}

/** Rounds the table to int8 (scale: the largest weight is 127) and the transitions to the same unit. */
export function quantise(wts: TaggerWeights): { table: Int8Array; transitions: Float64Array; scale: number } {
  let max = 0;
  for (const x of wts.table) max = Math.max(max, Math.abs(x));
  const scale = max / 127 || 1;
  const table = new Int8Array(wts.table.length);
  for (let j = 0; j < table.length; j++) table[j] = Math.round((wts.table[j] as number) / scale);
  return { table, transitions: wts.transitions.map((x) => x / scale), scale };
}
