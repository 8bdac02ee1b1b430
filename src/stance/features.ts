/**
 * Features of a (claim, body) pair for the stance model. Body work (tokens, sentences, term
 * counts, cue positions) is done once per body and cached by the caller (`prepareBody`), claim
 * work once per claim (`prepareClaim`); `pairFeatures` then costs about the claim's length times
 * the number of body sentences.
 *
 *   dense   lexical overlap (TF-IDF cosines against the body and its best sentences, shared
 *           words, n-grams, numbers and names, BM25) and stance cues (refuting, denying,
 *           hedging, confirming, negation words: in the body, in the sentences that match
 *           the claim, near the claim's words, in the claim itself)
 *   sparse  hashed cue words of the claim and of the best-matching sentences, and the cue
 *           words that occur near the claim's words crossed with the claim's own cues
 */
import type { Span } from '../model/index.js';
import { CUE_KINDS, CUES, cueHits, type CueKind } from './lexicon.js';
import { isContent, sentenceSpans, tokenize, type Token } from './text.js';

/** Sentences whose match with the claim counts as "best" (features and evidence). */
export const TOP_SENTENCES = 3;
/** Tokens either side of a claim word in which a negation or refuting word counts as "near". */
const NEAR_WINDOW = 5;
/** Sentences at the start of the body that make up its lead. */
const LEAD_SENTENCES = 3;
/** BM25 constants (the usual ones; not tuned). */
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Hashed feature space of the second stage. 2^12 keeps the weights file near 1 MB. */
export const HASH_DIM = 4096;
/**
 * Which hashed groups stage 2 sees. Topic words (the claim's words and bigrams, the best
 * sentences' words) were tried and dropped: on the claim split (unseen claims, as in the
 * competition test set) they memorise topics and lowered the validation score. So did the
 * body's cue words as a set (a fingerprint of the body), and eleven more dense refutation
 * features (refuting words in the lead and in the sentences about the claim, a negation just
 * before a claim word, polarity mismatch between the claim and those sentences): with them
 * the validation split's disagree F1 was 0.195 (one stage-2 model) and 0.20 (three), against
 * 0.223 and 0.256 without.
 */
const HASHED = { claimWords: false, sentenceWords: false, cues: true } as const;

export interface Vocabulary {
  /** Inverse document frequency per stem (stems seen in at least two training bodies). */
  idf: ReadonlyMap<string, number>;
  /** IDF of a stem not in the table (rare). */
  defaultIdf: number;
  /** Mean body length in tokens (BM25). */
  avgBodyLength: number;
}

export interface PreparedBody {
  text: string;
  tokens: Token[];
  sentences: Span[];
  /** Token index range [from, to) of each sentence. */
  sentenceTokens: [number, number][];
  tf: Map<string, number>;
  norm: number;
  sentenceTf: Map<string, number>[];
  sentenceNorm: number[];
  /** Relative position (0..1) of each stem's first occurrence. */
  firstPosition: Map<string, number>;
  bigrams: Set<string>;
  trigrams: Set<string>;
  numbers: Set<string>;
  /** Per token: bit 1 negation, 2 refute, 4 deny, 8 hedge, 16 confirm, 32 attribution. */
  cueBits: Uint8Array;
  /** Per cue kind: count in the whole body. */
  cueCount: Record<CueKind, number>;
  /** Per sentence, per cue kind: count. */
  sentenceCues: Record<CueKind, number>[];
  quoteCount: number[];
}

export interface PreparedClaim {
  text: string;
  tokens: Token[];
  content: string[];
  tf: Map<string, number>;
  bigrams: string[];
  trigrams: string[];
  numbers: string[];
  capitals: string[];
  cues: Record<CueKind, number>;
  question: boolean;
  hashed: string[];
}

export interface PairFeatures {
  dense: number[];
  sparseIndex: number[];
  sparseValue: number[];
  /** Relevance of each body sentence to the claim (TF-IDF cosine). */
  sentenceScores: number[];
}

const CUE_BIT: Record<CueKind, number> = { negation: 1, refute: 2, deny: 4, hedge: 8, confirm: 16, attribution: 32 };
const QUOTE_CHARS = /["“”]/g;

function idfOf(vocab: Vocabulary, stem: string): number {
  return vocab.idf.get(stem) ?? vocab.defaultIdf;
}

function emptyCues(): Record<CueKind, number> {
  return { refute: 0, deny: 0, hedge: 0, confirm: 0, negation: 0, attribution: 0 };
}

function norm(tf: Map<string, number>, vocab: Vocabulary): number {
  let s = 0;
  for (const [t, c] of tf) {
    const w = c * idfOf(vocab, t);
    s += w * w;
  }
  return Math.sqrt(s);
}

function contentTf(tokens: readonly Token[], from = 0, to = tokens.length): Map<string, number> {
  const tf = new Map<string, number>();
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t && isContent(t)) tf.set(t.stem, (tf.get(t.stem) ?? 0) + 1);
  }
  return tf;
}

function ngrams(tokens: readonly Token[], n: number): string[] {
  const out: string[] = [];
  const content = tokens.filter(isContent);
  for (let i = 0; i + n <= content.length; i++) {
    let g = content[i]?.stem ?? '';
    for (let k = 1; k < n; k++) g += ' ' + (content[i + k]?.stem ?? '');
    out.push(g);
  }
  return out;
}

/** `sentences` may come from the analysis stage (an Article's); else the body is split here. */
export function prepareBody(text: string, vocab: Vocabulary, givenSentences?: readonly Span[]): PreparedBody {
  const tokens = tokenize(text);
  const sentences = givenSentences && givenSentences.length > 0 ? givenSentences.map((s) => ({ start: s.start, end: s.end })) : sentenceSpans(text);
  const sentenceTokens: [number, number][] = [];
  let k = 0;
  for (const s of sentences) {
    while (k < tokens.length && (tokens[k]?.start ?? 0) < s.start) k++;
    const from = k;
    while (k < tokens.length && (tokens[k]?.end ?? 0) <= s.end) k++;
    sentenceTokens.push([from, k]);
  }
  const tf = contentTf(tokens);
  const sentenceTf = sentenceTokens.map(([a, b]) => contentTf(tokens, a, b));
  const firstPosition = new Map<string, number>();
  tokens.forEach((t, i) => {
    if (!firstPosition.has(t.stem)) firstPosition.set(t.stem, i / Math.max(1, tokens.length));
  });
  const lowers = tokens.map((t) => t.lower);
  const cueBits = new Uint8Array(tokens.length);
  const cueCount = emptyCues();
  for (const kind of CUE_KINDS) {
    for (const i of cueHits(lowers, CUES[kind])) {
      cueBits[i] = (cueBits[i] ?? 0) | CUE_BIT[kind];
      cueCount[kind]++;
    }
  }
  const sentenceCues = sentenceTokens.map(([a, b]) => {
    const c = emptyCues();
    for (let i = a; i < b; i++) {
      const bits = cueBits[i] ?? 0;
      if (bits === 0) continue;
      for (const kind of CUE_KINDS) if (bits & CUE_BIT[kind]) c[kind]++;
    }
    return c;
  });
  return {
    text,
    tokens,
    sentences,
    sentenceTokens,
    tf,
    norm: norm(tf, vocab),
    sentenceTf,
    sentenceNorm: sentenceTf.map((m) => norm(m, vocab)),
    firstPosition,
    bigrams: new Set(ngrams(tokens, 2)),
    trigrams: new Set(ngrams(tokens, 3)),
    numbers: new Set(tokens.filter((t) => t.isNumber).map((t) => t.lower)),
    cueBits,
    cueCount,
    sentenceCues,
    quoteCount: sentences.map((s) => (text.slice(s.start, s.end).match(QUOTE_CHARS) ?? []).length),
  };
}

export function prepareClaim(text: string): PreparedClaim {
  const tokens = tokenize(text);
  const contentTokens = tokens.filter(isContent);
  const content = [...new Set(contentTokens.map((t) => t.stem))];
  const lowers = tokens.map((t) => t.lower);
  const cues = emptyCues();
  const hashed: string[] = [];
  for (const kind of CUE_KINDS) {
    const hits = cueHits(lowers, CUES[kind]);
    cues[kind] = hits.length;
    if (HASHED.cues) for (const i of hits) hashed.push(`hc:${lowers[i]}`);
  }
  if (HASHED.claimWords) {
    for (const s of content) hashed.push(`h:${s}`);
    for (const g of ngrams(tokens, 2)) hashed.push(`h2:${g}`);
  }
  return {
    text,
    tokens,
    content,
    tf: contentTf(tokens),
    bigrams: ngrams(tokens, 2),
    trigrams: ngrams(tokens, 3),
    numbers: [...new Set(tokens.filter((t) => t.isNumber).map((t) => t.lower))],
    capitals: [...new Set(contentTokens.filter((t, i) => t.capital && (i > 0 || tokens[0] !== t)).map((t) => t.stem))],
    cues,
    question: text.includes('?'),
    hashed,
  };
}

function cosine(a: Map<string, number>, aNorm: number, b: Map<string, number>, bNorm: number, vocab: Vocabulary): number {
  if (aNorm === 0 || bNorm === 0) return 0;
  let dot = 0;
  for (const [t, c] of a) {
    const d = b.get(t);
    if (d !== undefined) {
      const w = idfOf(vocab, t);
      dot += c * d * w * w;
    }
  }
  return dot / (aNorm * bNorm);
}

function fraction(items: readonly string[], has: (x: string) => boolean): number {
  if (items.length === 0) return 0;
  let n = 0;
  for (const x of items) if (has(x)) n++;
  return n / items.length;
}

/** FNV-1a, 32 bits: the hashed features' bucket. */
export function hashBucket(key: string, dim = HASH_DIM): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % dim;
}

/** Names of the dense features, in order (the training report lists them). */
export const DENSE_NAMES: string[] = [];

function denseNames(): string[] {
  const names = [
    'cos_body', 'cos_best_sentence', 'cos_top3_mean', 'cos_lead', 'shared_frac', 'shared_idf_frac', 'shared_lead_frac',
    'shared_best_sentence_frac', 'shared_top3_frac', 'bigram_frac', 'trigram_frac', 'bm25_norm', 'claim_has_number',
    'number_frac', 'claim_has_name', 'name_frac', 'log_body_tokens', 'claim_content_words', 'first_position',
    'max_missing_idf', 'log_shared', 'sentences_matching', 'claim_question',
  ];
  for (const k of CUE_KINDS) names.push(`body_${k}`, `top_${k}`, `weighted_${k}`, `claim_${k}`);
  names.push('negation_near', 'refute_near', 'deny_near', 'hedge_near', 'top_quotes', 'body_quotes_log');
  return names;
}
DENSE_NAMES.push(...denseNames());

export function pairFeatures(claim: PreparedClaim, body: PreparedBody, vocab: Vocabulary, withSparse = true): PairFeatures {
  const claimNorm = norm(claim.tf, vocab);
  const nSent = body.sentences.length;
  const scores = new Array<number>(nSent);
  const shares = new Array<number>(nSent);
  let leadCos = 0;
  let leadShared = 0;
  for (let s = 0; s < nSent; s++) {
    const stf = body.sentenceTf[s] ?? new Map<string, number>();
    scores[s] = cosine(claim.tf, claimNorm, stf, body.sentenceNorm[s] ?? 0, vocab);
    shares[s] = fraction(claim.content, (x) => stf.has(x));
    if (s < LEAD_SENTENCES) {
      leadCos = Math.max(leadCos, scores[s] ?? 0);
      leadShared = Math.max(leadShared, shares[s] ?? 0);
    }
  }
  const order = scores.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const top = order.slice(0, TOP_SENTENCES);
  const topMean = top.length ? top.reduce((a, i) => a + (scores[i] ?? 0), 0) / top.length : 0;
  const topStems = new Set<string>();
  for (const i of top) for (const t of body.sentenceTf[i]?.keys() ?? []) topStems.add(t);

  let idfAll = 0;
  let idfShared = 0;
  let maxMissing = 0;
  let shared = 0;
  let bm25 = 0;
  let bm25Max = 0;
  let firstPos = 0;
  const lenNorm = 1 - BM25_B + (BM25_B * body.tokens.length) / Math.max(1, vocab.avgBodyLength);
  for (const t of claim.content) {
    const w = idfOf(vocab, t);
    idfAll += w;
    const c = body.tf.get(t) ?? 0;
    bm25Max += w;
    if (c > 0) {
      shared++;
      idfShared += w;
      bm25 += (w * (c * (BM25_K1 + 1))) / (c + BM25_K1 * lenNorm) / (BM25_K1 + 1);
      firstPos += body.firstPosition.get(t) ?? 1;
    } else {
      maxMissing = Math.max(maxMissing, w);
    }
  }
  const weighted = emptyCues();
  let scoreSum = 0;
  for (let s = 0; s < nSent; s++) {
    const sc = scores[s] ?? 0;
    if (sc <= 0) continue;
    scoreSum += sc;
    const cues = body.sentenceCues[s];
    if (cues) for (const k of CUE_KINDS) weighted[k] += sc * cues[k];
  }
  const topCues = emptyCues();
  let topQuotes = 0;
  let near = [0, 0, 0, 0];
  const claimStems = new Set(claim.content);
  const nearKeys: string[] = [];
  for (const s of top) {
    const cues = body.sentenceCues[s];
    if (cues) for (const k of CUE_KINDS) topCues[k] += cues[k];
    topQuotes += body.quoteCount[s] ?? 0;
    const [a, b] = body.sentenceTokens[s] ?? [0, 0];
    for (let i = a; i < b; i++) {
      if (!claimStems.has(body.tokens[i]?.stem ?? '')) continue;
      let bits = 0;
      for (let j = Math.max(a, i - NEAR_WINDOW); j < Math.min(b, i + NEAR_WINDOW + 1); j++) {
        const cb = body.cueBits[j] ?? 0;
        if (cb !== 0) {
          bits |= cb;
          if (withSparse && cb & (CUE_BIT.negation | CUE_BIT.refute | CUE_BIT.deny | CUE_BIT.hedge)) nearKeys.push(body.tokens[j]?.lower ?? '');
        }
      }
      near = [near[0]! + (bits & 1 ? 1 : 0), near[1]! + (bits & 2 ? 1 : 0), near[2]! + (bits & 4 ? 1 : 0), near[3]! + (bits & 8 ? 1 : 0)];
    }
  }
  const nContent = claim.content.length;
  const dense: number[] = [
    cosine(claim.tf, claimNorm, body.tf, body.norm, vocab),
    scores[order[0] ?? 0] ?? 0,
    topMean,
    leadCos,
    nContent ? shared / nContent : 0,
    idfAll ? idfShared / idfAll : 0,
    leadShared,
    shares[order[0] ?? 0] ?? 0,
    fraction(claim.content, (x) => topStems.has(x)),
    fraction(claim.bigrams, (x) => body.bigrams.has(x)),
    fraction(claim.trigrams, (x) => body.trigrams.has(x)),
    bm25Max ? bm25 / bm25Max : 0,
    claim.numbers.length ? 1 : 0,
    fraction(claim.numbers, (x) => body.numbers.has(x)),
    claim.capitals.length ? 1 : 0,
    fraction(claim.capitals, (x) => body.tf.has(x)),
    Math.log1p(body.tokens.length),
    Math.log1p(nContent),
    shared ? firstPos / shared : 1,
    maxMissing / 10,
    Math.log1p(shared),
    Math.log1p(scores.filter((x) => x > 0.2).length),
    claim.question ? 1 : 0,
  ];
  for (const k of CUE_KINDS) {
    dense.push(Math.log1p(body.cueCount[k]), Math.log1p(topCues[k]), scoreSum ? weighted[k] / scoreSum : 0, Math.min(2, claim.cues[k]));
  }
  dense.push(...near.map((x) => Math.log1p(x)), Math.log1p(topQuotes), Math.log1p(body.quoteCount.reduce((a, b) => a + b, 0)));

  const sparseIndex: number[] = [];
  const sparseValue: number[] = [];
  if (withSparse) {
    const keys: string[] = [...claim.hashed];
    for (const i of top) {
      const [a, b] = body.sentenceTokens[i] ?? [0, 0];
      for (let j = a; j < b; j++) {
        const t = body.tokens[j];
        if (!t) continue;
        const isCue = (body.cueBits[j] ?? 0) !== 0;
        if ((HASHED.sentenceWords && isContent(t)) || (HASHED.cues && isCue)) keys.push(`s:${t.stem}`);
      }
    }
    const claimCues = CUE_KINDS.filter((k) => claim.cues[k] > 0);
    for (const w of new Set(nearKeys)) {
      keys.push(`n:${w}`);
      for (const k of claimCues) keys.push(`x:${k}|${w}`);
    }
    const counts = new Map<number, number>();
    for (const key of keys) {
      const b = hashBucket(key);
      counts.set(b, (counts.get(b) ?? 0) + 1);
    }
    const scale = 1 / Math.sqrt(Math.max(1, keys.length));
    for (const b of [...counts.keys()].sort((x, y) => x - y)) {
      sparseIndex.push(b);
      sparseValue.push(Math.sqrt(counts.get(b) ?? 0) * scale * 4);
    }
  }
  return { dense, sparseIndex, sparseValue, sentenceScores: scores };
}

/** IDF table from a list of bodies (each counted once): ln((N + 1) / (df + 1)) + 1, stems with df >= 2. */
export function buildVocabulary(bodies: readonly string[]): Vocabulary {
  const df = new Map<string, number>();
  let totalTokens = 0;
  for (const text of bodies) {
    const tokens = tokenize(text);
    totalTokens += tokens.length;
    for (const s of new Set(tokens.map((t) => t.stem))) df.set(s, (df.get(s) ?? 0) + 1);
  }
  const n = bodies.length;
  const idf = new Map<string, number>();
  for (const [s, d] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (d >= 2) idf.set(s, Math.round((Math.log((n + 1) / (d + 1)) + 1) * 1000) / 1000);
  }
  return { idf, defaultIdf: Math.round((Math.log((n + 1) / 2) + 1) * 1000) / 1000, avgBodyLength: Math.round(totalTokens / Math.max(1, n)) };
}
