/**
 * Scoring and Viterbi decoding of one run of candidate tokens (features.ts): every tag of every
 * token gets the sum of its feature rows' weights, and the best BILOU sequence under the
 * transition weights is read back. A run is bounded by O on both sides, so the tokens around it
 * need no scoring. Buffers are reused between runs (grown when a run is longer than any before).
 */
import type { Token } from '../../model/index.js';
import {
  CLASS_CONTEXT_COUNT,
  classContextFeatures,
  classContextKey,
  FEATURE_COUNT,
  featuresOf,
  GAZ_CONTEXT_COUNT,
  gazContextFeatures,
  gazContextKey,
  OWN_FEATURE_COUNT,
  ownFeaturesOf,
  WORD_CONTEXT_COUNT,
  wordContextFeaturesOf,
  type Prepared,
} from './features.js';
import { canEnd, canStart, PREV, PREV_START, TAG_COUNT } from './tags.js';

if (TAG_COUNT !== 17) throw new Error('decodeRun sums 17 tags in locals: change it with TAG_COUNT');

/** Weights as the decoder reads them: a table of rows x TAG_COUNT, and transitions prev x next. */
export interface TaggerWeights {
  table: Int8Array | Float32Array;
  /** TAG_COUNT x TAG_COUNT, prev * TAG_COUNT + next; row O also scores the start of a run and column O its end. */
  transitions: Float64Array;
}

const NEG = -1e30;
/**
 * Longest run decoded in one piece. A run of capitalised words longer than any name (a page of
 * "Mr. Smith Mr. Smith ...", a table in capitals) is cut: the cut could split a name only in
 * such runs, and many short calls get the scoring compiled sooner than one huge call (a cold
 * 30,000-token run took 1.4 s, warm 0.15 s).
 */
export const MAX_RUN = 64;
let feats = new Int32Array(64 * FEATURE_COUNT);
let emit = new Float64Array(64 * TAG_COUNT);
let score = new Float64Array(64 * TAG_COUNT);
let back = new Uint8Array(64 * TAG_COUNT);

function ensure(n: number): void {
  if (n * TAG_COUNT <= emit.length) return;
  let size = emit.length / TAG_COUNT;
  while (size < n) size *= 2;
  feats = new Int32Array(size * FEATURE_COUNT);
  emit = new Float64Array(size * TAG_COUNT);
  score = new Float64Array(size * TAG_COUNT);
  back = new Uint8Array(size * TAG_COUNT);
}

/** The feature rows of the run [a, b), as the last call left them (for training updates). */
export function runFeatures(): Int32Array {
  return feats;
}

/** Tags the candidate run of tokens [a, b) of `p` into tags[a .. b) (every feature row of the run kept for `runFeatures`). */
export function decodeRun(p: Prepared, a: number, b: number, w: TaggerWeights, tags: Uint8Array): void {
  const n = b - a;
  ensure(n);
  const table = w.table;
  for (let i = 0; i < n; i++) {
    featuresOf(p, a + i, feats, i * FEATURE_COUNT);
    const e = i * TAG_COUNT;
    // the 17 sums in locals (registers), one row of 17 weights read in order per feature
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0, s16 = 0;
    for (let f = i * FEATURE_COUNT, end = f + FEATURE_COUNT; f < end; f++) {
      const r = (feats[f] as number) * TAG_COUNT;
      s0 += table[r] as number;
      s1 += table[r + 1] as number;
      s2 += table[r + 2] as number;
      s3 += table[r + 3] as number;
      s4 += table[r + 4] as number;
      s5 += table[r + 5] as number;
      s6 += table[r + 6] as number;
      s7 += table[r + 7] as number;
      s8 += table[r + 8] as number;
      s9 += table[r + 9] as number;
      s10 += table[r + 10] as number;
      s11 += table[r + 11] as number;
      s12 += table[r + 12] as number;
      s13 += table[r + 13] as number;
      s14 += table[r + 14] as number;
      s15 += table[r + 15] as number;
      s16 += table[r + 16] as number;
    }
    emit[e] = s0;
    emit[e + 1] = s1;
    emit[e + 2] = s2;
    emit[e + 3] = s3;
    emit[e + 4] = s4;
    emit[e + 5] = s5;
    emit[e + 6] = s6;
    emit[e + 7] = s7;
    emit[e + 8] = s8;
    emit[e + 9] = s9;
    emit[e + 10] = s10;
    emit[e + 11] = s11;
    emit[e + 12] = s12;
    emit[e + 13] = s13;
    emit[e + 14] = s14;
    emit[e + 15] = s15;
    emit[e + 16] = s16;
  }
  viterbi(n, w.transitions, tags, a);
}

/**
 * `decodeRun` for an int8 table: the rows of a token's own features (ownFeaturesOf) are summed
 * once per word form and kept in `forms`, and so are the rows of each small-valued context group
 * (features.ts: the case classes around it with its position, mode and doc bits; the gazetteer
 * marks around it) per distinct key, so a token costs the rows that read its neighbours' words
 * only (10 of 31). The sums are of integers, exact in any order, so the tags are those of `decodeRun`.
 */
function decodeRunByForm(p: Prepared, a: number, b: number, w: TaggerWeights, memo: DecodeMemo, tags: Uint8Array): void {
  const n = b - a;
  ensure(n);
  const table = w.table;
  const { forms, classes, gazes } = memo;
  const formSums = forms.sums;
  const classSums = classes.sums;
  const gazSums = gazes.sums;
  for (let i = 0; i < n; i++) {
    const at = forms.of(p, a + i) * TAG_COUNT;
    const ct = classes.of(classContextKey(p, a + i)) * TAG_COUNT;
    const gt = gazes.of(gazContextKey(p, a + i)) * TAG_COUNT;
    wordContextFeaturesOf(p, a + i, feats, 0);
    let s0 = (formSums[at] as number) + (classSums[ct] as number) + (gazSums[gt] as number);
    let s1 = (formSums[at + 1] as number) + (classSums[ct + 1] as number) + (gazSums[gt + 1] as number);
    let s2 = (formSums[at + 2] as number) + (classSums[ct + 2] as number) + (gazSums[gt + 2] as number);
    let s3 = (formSums[at + 3] as number) + (classSums[ct + 3] as number) + (gazSums[gt + 3] as number);
    let s4 = (formSums[at + 4] as number) + (classSums[ct + 4] as number) + (gazSums[gt + 4] as number);
    let s5 = (formSums[at + 5] as number) + (classSums[ct + 5] as number) + (gazSums[gt + 5] as number);
    let s6 = (formSums[at + 6] as number) + (classSums[ct + 6] as number) + (gazSums[gt + 6] as number);
    let s7 = (formSums[at + 7] as number) + (classSums[ct + 7] as number) + (gazSums[gt + 7] as number);
    let s8 = (formSums[at + 8] as number) + (classSums[ct + 8] as number) + (gazSums[gt + 8] as number);
    let s9 = (formSums[at + 9] as number) + (classSums[ct + 9] as number) + (gazSums[gt + 9] as number);
    let s10 = (formSums[at + 10] as number) + (classSums[ct + 10] as number) + (gazSums[gt + 10] as number);
    let s11 = (formSums[at + 11] as number) + (classSums[ct + 11] as number) + (gazSums[gt + 11] as number);
    let s12 = (formSums[at + 12] as number) + (classSums[ct + 12] as number) + (gazSums[gt + 12] as number);
    let s13 = (formSums[at + 13] as number) + (classSums[ct + 13] as number) + (gazSums[gt + 13] as number);
    let s14 = (formSums[at + 14] as number) + (classSums[ct + 14] as number) + (gazSums[gt + 14] as number);
    let s15 = (formSums[at + 15] as number) + (classSums[ct + 15] as number) + (gazSums[gt + 15] as number);
    let s16 = (formSums[at + 16] as number) + (classSums[ct + 16] as number) + (gazSums[gt + 16] as number);
    for (let f = 0; f < WORD_CONTEXT_COUNT; f++) {
      const r = (feats[f] as number) * TAG_COUNT;
      s0 += table[r] as number;
      s1 += table[r + 1] as number;
      s2 += table[r + 2] as number;
      s3 += table[r + 3] as number;
      s4 += table[r + 4] as number;
      s5 += table[r + 5] as number;
      s6 += table[r + 6] as number;
      s7 += table[r + 7] as number;
      s8 += table[r + 8] as number;
      s9 += table[r + 9] as number;
      s10 += table[r + 10] as number;
      s11 += table[r + 11] as number;
      s12 += table[r + 12] as number;
      s13 += table[r + 13] as number;
      s14 += table[r + 14] as number;
      s15 += table[r + 15] as number;
      s16 += table[r + 16] as number;
    }
    const e = i * TAG_COUNT;
    emit[e] = s0;
    emit[e + 1] = s1;
    emit[e + 2] = s2;
    emit[e + 3] = s3;
    emit[e + 4] = s4;
    emit[e + 5] = s5;
    emit[e + 6] = s6;
    emit[e + 7] = s7;
    emit[e + 8] = s8;
    emit[e + 9] = s9;
    emit[e + 10] = s10;
    emit[e + 11] = s11;
    emit[e + 12] = s12;
    emit[e + 13] = s13;
    emit[e + 14] = s14;
    emit[e + 15] = s15;
    emit[e + 16] = s16;
  }
  viterbiBilou(n, w.transitions, tags, a);
}

/** The best allowed tag sequence for the n tokens whose scores are in `emit`, into tags[a ..]. */
function viterbi(n: number, trans: Float64Array, tags: Uint8Array, a: number): void {
  // Viterbi over the allowed transitions
  for (let t = 0; t < TAG_COUNT; t++) score[t] = canStart(t) ? (emit[t] as number) + (trans[t] as number) : NEG;
  for (let i = 1; i < n; i++) {
    const cur = i * TAG_COUNT;
    const prev = cur - TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) {
      let best = NEG;
      let arg = 0;
      for (let k = PREV_START[t] as number, end = PREV_START[t + 1] as number; k < end; k++) {
        const q = PREV[k] as number;
        const s = (score[prev + q] as number) + (trans[q * TAG_COUNT + t] as number);
        if (s > best) {
          best = s;
          arg = q;
        }
      }
      score[cur + t] = best + (emit[cur + t] as number);
      back[cur + t] = arg;
    }
  }
  const last = (n - 1) * TAG_COUNT;
  let best = NEG;
  let arg = 0;
  for (let t = 0; t < TAG_COUNT; t++) {
    if (!canEnd(t)) continue;
    const s = (score[last + t] as number) + (trans[t * TAG_COUNT] as number);
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[a + i] = arg;
    arg = back[i * TAG_COUNT + arg] as number;
  }
}

/**
 * `viterbi` written out for the transitions of BILOU (tags.ts): a tag that opens or stands
 * outside a name (O, B, U of any class) may follow O, L or U of any class, read in the order
 * 0, 3, 4, 7, 8, 11, 12, 15, 16 (as PREV lists them); I and L of a class may follow B and I of
 * it. The nine scores of the closing tags are read once per token instead of once per tag, and
 * no list is walked. The same sums are compared in the same order with the same strict
 * comparison as `viterbi`, so ties and the tags are the same (decode.test.ts: the int8 path that
 * uses this against the float path that uses `viterbi`).
 */
/** O and the B and U of each class: the tags that may follow O, L or U. */
const OPENING = Int32Array.from({ length: TAG_COUNT }, (_, t) => t).filter((t) => canStart(t));
if (OPENING.join() !== '0,1,4,5,8,9,12,13,16' || PREV.slice(PREV_START[0], PREV_START[1]).join() !== '0,3,4,7,8,11,12,15,16') {
  throw new Error('viterbiBilou reads the BILOU transitions of tags.ts: change it with them');
}

function viterbiBilou(n: number, trans: Float64Array, tags: Uint8Array, a: number): void {
  for (let t = 0; t < TAG_COUNT; t++) score[t] = canStart(t) ? (emit[t] as number) + (trans[t] as number) : NEG;
  for (let i = 1; i < n; i++) {
    const cur = i * TAG_COUNT;
    const prev = cur - TAG_COUNT;
    const p0 = score[prev] as number;
    const p3 = score[prev + 3] as number;
    const p4 = score[prev + 4] as number;
    const p7 = score[prev + 7] as number;
    const p8 = score[prev + 8] as number;
    const p11 = score[prev + 11] as number;
    const p12 = score[prev + 12] as number;
    const p15 = score[prev + 15] as number;
    const p16 = score[prev + 16] as number;
    // O, then B and U of each class: after O, L or U
    for (let o = 0; o < OPENING.length; o++) {
      const t = OPENING[o] as number;
      let best = NEG;
      let arg = 0;
      let s = p0 + (trans[t] as number);
      if (s > best) {
        best = s;
        arg = 0;
      }
      s = p3 + (trans[3 * TAG_COUNT + t] as number);
      if (s > best) {
        best = s;
        arg = 3;
      }
      s = p4 + (trans[4 * TAG_COUNT + t] as number);
      if (s > best) {
        best = s;
        arg = 4;
      }
      s = p7 + (trans[7 * TAG_COUNT + t] as number);
      if (s > best) {
        best = s;
        arg = 7;
      }
      s = p8 + (trans[8 * TAG_COUNT + t] as number);
      if (s > best) {
        best = s;
        arg = 8;
      }
      s = p11 + (trans[11 * TAG_COUNT + t] as number);
      if (s > best) {
        best = s;
        arg = 11;
      }
      s = p12 + (trans[12 * TAG_COUNT + t] as number);
      if (s > best) {
        best = s;
        arg = 12;
      }
      s = p15 + (trans[15 * TAG_COUNT + t] as number);
      if (s > best) {
        best = s;
        arg = 15;
      }
      s = p16 + (trans[16 * TAG_COUNT + t] as number);
      if (s > best) {
        best = s;
        arg = 16;
      }
      score[cur + t] = best + (emit[cur + t] as number);
      back[cur + t] = arg;
    }
    // I and L of class c: after B or I of class c
    for (let b = 1; b < TAG_COUNT; b += 4) {
      const pb = score[prev + b] as number;
      const pi = score[prev + b + 1] as number;
      for (let t = b + 1; t <= b + 2; t++) {
        let best = NEG;
        let arg = 0;
        let s = pb + (trans[b * TAG_COUNT + t] as number);
        if (s > best) {
          best = s;
          arg = b;
        }
        s = pi + (trans[(b + 1) * TAG_COUNT + t] as number);
        if (s > best) {
          best = s;
          arg = b + 1;
        }
        score[cur + t] = best + (emit[cur + t] as number);
        back[cur + t] = arg;
      }
    }
  }
  const last = (n - 1) * TAG_COUNT;
  let best = NEG;
  let arg = 0;
  for (let t = 0; t < TAG_COUNT; t++) {
    if (!canEnd(t)) continue;
    const s = (score[last + t] as number) + (trans[t * TAG_COUNT] as number);
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[a + i] = arg;
    arg = back[i * TAG_COUNT + arg] as number;
  }
}

/**
 * Distinct word forms whose own-feature sums are kept (2 bytes x 17 tags each: 14 int8 rows sum to at most 1,778); the store is
 * emptied when it fills. FNC-1 bodies bring some 3 new candidate forms per article.
 */
const FORM_SUMS_MAX = 1 << 15;

/**
 * Sums of the own-feature rows (ownFeaturesOf) per word form: a form is its norm, case class,
 * shape and possessive, everything those rows read. An open-addressing table on a hash of the
 * four, each slot checked against all four (no Map lookup of a string per token). Tied to one
 * table of weights.
 */
class FormSums {
  readonly sums = new Int16Array(FORM_SUMS_MAX * TAG_COUNT);
  private readonly slotOf = new Int32Array(FORM_SUMS_MAX * 2).fill(-1);
  private readonly norms: string[] = [];
  private readonly keys = new Int32Array(FORM_SUMS_MAX);
  private readonly shapes = new Int32Array(FORM_SUMS_MAX);
  private count = 0;
  private readonly rows = new Int32Array(OWN_FEATURE_COUNT);

  constructor(readonly table: TaggerWeights['table']) {}

  /** The slot of token i's form (its sums at slot x TAG_COUNT), summed on first sight. */
  of(p: Prepared, i: number): number {
    const norm = (p.tokens[i] as Token).norm;
    const key = (p.caseClass[i] as number) | ((p.possessive[i] as number) << 4);
    const shape = p.shapeHash[i] as number;
    const mask = this.slotOf.length - 1;
    let h = Math.imul((p.normHash[i] as number) ^ Math.imul(shape, 0x85ebca6b) ^ key, 0x9e3779b1);
    h = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const slot = this.slotOf[h] as number;
      if (slot < 0) break;
      if (this.keys[slot] === key && this.shapes[slot] === shape && this.norms[slot] === norm) return slot;
      h = (h + 1) & mask;
    }
    if (this.count >= FORM_SUMS_MAX) {
      this.slotOf.fill(-1);
      this.norms.length = 0;
      this.count = 0;
      return this.of(p, i);
    }
    const slot = this.count++;
    this.slotOf[h] = slot;
    this.norms[slot] = norm;
    this.keys[slot] = key;
    this.shapes[slot] = shape;
    ownFeaturesOf(p, i, this.rows, 0);
    const at = slot * TAG_COUNT;
    const table = this.table;
    const sums = this.sums;
    sums.fill(0, at, at + TAG_COUNT);
    for (let f = 0; f < OWN_FEATURE_COUNT; f++) {
      const r = (this.rows[f] as number) * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) sums[at + t] = (sums[at + t] as number) + (table[r + t] as number);
    }
    return slot;
  }
}
/**
 * Distinct keys of a context group whose sums are kept (emptied when full). On FNC-1 bodies the
 * case-class group sees some hundreds of keys and the gazetteer group some tens.
 */
const KEY_SUMS_MAX = 1 << 12;

/**
 * Sums of one context group's rows (features.ts) per key, a non-negative integer that holds
 * everything the rows read: an open-addressing table of the keys, summed on first sight.
 */
class KeySums {
  readonly sums: Int16Array;
  private readonly slotOf = new Int32Array(KEY_SUMS_MAX * 2).fill(-1);
  private readonly keys = new Int32Array(KEY_SUMS_MAX);
  private count = 0;
  private readonly rows: Int32Array;

  constructor(
    readonly table: TaggerWeights['table'],
    private readonly width: number,
    private readonly write: (key: number, out: Int32Array, at: number) => void,
  ) {
    this.sums = new Int16Array(KEY_SUMS_MAX * TAG_COUNT);
    this.rows = new Int32Array(width);
  }

  /** The slot of `key` (its sums at slot x TAG_COUNT). */
  of(key: number): number {
    const mask = this.slotOf.length - 1;
    let h = Math.imul(key, 0x9e3779b1);
    h = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const slot = this.slotOf[h] as number;
      if (slot < 0) break;
      if (this.keys[slot] === key) return slot;
      h = (h + 1) & mask;
    }
    if (this.count >= KEY_SUMS_MAX) {
      this.slotOf.fill(-1);
      this.count = 0;
      return this.of(key);
    }
    const slot = this.count++;
    this.slotOf[h] = slot;
    this.keys[slot] = key;
    this.write(key, this.rows, 0);
    const at = slot * TAG_COUNT;
    const table = this.table;
    const sums = this.sums;
    sums.fill(0, at, at + TAG_COUNT);
    for (let f = 0; f < this.width; f++) {
      const r = (this.rows[f] as number) * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) sums[at + t] = (sums[at + t] as number) + (table[r + t] as number);
    }
    return slot;
  }
}

/** The sums kept for one int8 table: per word form and per key of each context group. */
interface DecodeMemo {
  table: TaggerWeights['table'];
  forms: FormSums;
  classes: KeySums;
  gazes: KeySums;
}
let decodeMemo: DecodeMemo | null = null;

/** Tags every token of the document: O outside candidate runs. */
export function decodeDoc(p: Prepared, w: TaggerWeights, tags: Uint8Array): void {
  const n = p.tokens.length;
  // int8 weights (the shipped ones): own-feature sums per word form; float weights (training)
  // are summed row by row, in the order the trainer's figures were taken in
  let memo: DecodeMemo | null = null;
  if (w.table instanceof Int8Array) {
    if (decodeMemo === null || decodeMemo.table !== w.table) {
      decodeMemo = {
        table: w.table,
        forms: new FormSums(w.table),
        classes: new KeySums(w.table, CLASS_CONTEXT_COUNT, classContextFeatures),
        gazes: new KeySums(w.table, GAZ_CONTEXT_COUNT, gazContextFeatures),
      };
    }
    memo = decodeMemo;
  }
  let i = 0;
  while (i < n) {
    if (!p.candidate[i]) {
      tags[i] = 0;
      i++;
      continue;
    }
    const to = p.sentTo[i] as number;
    let j = i + 1;
    while (j < n && j < to && p.candidate[j] && j - i < MAX_RUN) j++;
    if (memo !== null) decodeRunByForm(p, i, j, w, memo, tags);
    else decodeRun(p, i, j, w, tags);
    i = j;
  }
}
