/**
 * Features of the check-worthiness model, read from the document's layers for words [from, to)
 * of one sentence (a whole sentence or one of its clauses). The same function feeds training
 * (scripts/train-checkworthy.ts runs the analysis on the training transcripts) and prediction
 * (claims.ts), so the model sees at run time exactly what it was trained on.
 *
 * Cheap by design (issue #21: claims were 44% of the pipeline's time): no character n-grams and
 * no string per word. Each word form is hashed once per document (wordHashes, cached on the
 * view); a bigram is a mix of two word hashes; the rest are a few dozen constant hashes.
 *
 *   w  word unigrams (numbers as one form), scaled 1/sqrt(words)
 *   b  word bigrams with sentence-start and -end marks, same scale
 *   d  dense cues from the layers: entities (count band), a number, a quantity word or symbol,
 *      a date word, an event verb, the attribution kind, quote marks, first person outside
 *      quotes ("we", "I": a speaker's own claim), second person, tense (past form, "will"),
 *      a comparison ("than", "-est", "record"), hedges, the rule opinion score (band),
 *      length band, and the paragraph kind
 */
import type { SentenceOpinion } from '../opinion.js';
import type { SentenceView, TextView } from '../signal-view.js';
import type { Word } from '../signal-words.js';
import { Features } from '../classifier/features.js';
import { fnv } from '../classifier/hash.js';
import { DATE_WORD, EVENT_VERB, FINITE_FORM, NOT_PAST_WORD, QUANTITY_WORD, wordFlags } from '../word-flags.js';
import { memoField, WORD_BITS } from '../word-bits.js';

const SEED = { word: fnv('cw-w\u0001'), bigram: fnv('cw-b\u0001'), dense: fnv('cw-d\u0001') } as const;
const NUMBER_FORM = fnv('#', SEED.word);
const START = fnv('<s>', SEED.word);
const END = fnv('</s>', SEED.word);

/** Words of each cue (our own short lists, written for this model). */
const FIRST_PERSON: ReadonlySet<string> = new Set(['i', 'we', 'my', 'our', 'us', "i'm", "we're", "i've", "we've", "i'd", "we'd", "i'll", "we'll", 'me', 'ours']);
const SECOND_PERSON: ReadonlySet<string> = new Set(['you', 'your', "you're", "you've", 'yours']);
const FUTURE: ReadonlySet<string> = new Set(['will', "won't", "i'll", "we'll", "they'll", "he'll", "she'll", "it'll", 'gonna']);
const PAST_AUX: ReadonlySet<string> = new Set(['was', 'were', 'had', 'did', "wasn't", "weren't", "didn't", "hadn't"]);
const COMPARISON: ReadonlySet<string> = new Set(['than', 'most', 'least', 'fewer', 'record', 'highest', 'lowest', 'largest', 'biggest', 'smallest', 'best', 'worst', 'more', 'less', 'only', 'first', 'ever', 'history', 'since']);
const MODAL: ReadonlySet<string> = new Set(['should', 'must', 'would', 'could', 'might', 'may', 'ought', "should've", "shouldn't"]);
const HEDGE_WORDS: ReadonlySet<string> = new Set(['think', 'believe', 'feel', 'hope', 'maybe', 'perhaps', 'probably', 'seems', 'guess']);

/**
 * The lists above as bits of one field of the word table (word-bits.ts, shared with the word
 * flags and the lexicon index): each word of a document is looked up once for all of them
 * (cueBits, on the view) instead of in seven Sets in every sentence and clause it is scored in.
 */
const CUE_BIT = { firstPerson: 1, secondPerson: 2, future: 4, pastAux: 8, comparison: 16, modal: 32, hedgeWord: 64 } as const;
const CUE_FIELD = WORD_BITS.field(7);
for (const [list, bit] of [
  [FIRST_PERSON, CUE_BIT.firstPerson], [SECOND_PERSON, CUE_BIT.secondPerson], [FUTURE, CUE_BIT.future], [PAST_AUX, CUE_BIT.pastAux],
  [COMPARISON, CUE_BIT.comparison], [MODAL, CUE_BIT.modal], [HEDGE_WORDS, CUE_BIT.hedgeWord],
] as const) {
  for (const w of list) WORD_BITS.add(CUE_FIELD, w, bit);
}

/** The CUE_BIT bits of each word of the view (built once per view, kept on it). */
export function cueBits(view: TextView): Uint8Array {
  return memoField(view, 'checkworthyCues', CUE_FIELD);
}

function dense(name: string): number {
  return fnv(name, SEED.dense);
}
/** The dense cues' hashes, computed once. */
const D = {
  bias: dense('bias'),
  ent: [dense('ent0'), dense('ent1'), dense('ent2'), dense('ent3+')] as const,
  number: dense('number'),
  quantity: dense('quantity'),
  numberQuantity: dense('number+quantity'),
  date: dense('date'),
  event: dense('event'),
  attrNamed: dense('attr-named'),
  attrAnonymous: dense('attr-anonymous'),
  attrDangling: dense('attr-dangling'),
  attributed: dense('attributed'),
  quote: dense('quote'),
  firstPerson: dense('first-person'),
  firstPersonNumber: dense('first-person+number'),
  secondPerson: dense('second-person'),
  future: dense('future'),
  past: dense('past'),
  comparison: dense('comparison'),
  superlative: dense('superlative'),
  modal: dense('modal'),
  hedgeWord: dense('hedge-word'),
  hedge: dense('hedge'),
  opinion: [dense('op0'), dense('op1'), dense('op2'), dense('op3')] as const,
  len: [dense('len0'), dense('len1'), dense('len2'), dense('len3'), dense('len4')] as const,
  standfirst: dense('standfirst'),
  clause: dense('clause'),
  capitals: dense('capitals'),
} as const;

/** FNV hash of each word's form (numbers as one form), once per view. */
export function wordHashes(view: TextView): Uint32Array {
  let h = view.memo.hashes;
  if (h === undefined) {
    const { words } = view;
    h = new Uint32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as Word;
      h[i] = w.kind === 'number' ? NUMBER_FORM : fnv(w.norm, SEED.word);
    }
    view.memo.hashes = h;
  }
  return h;
}

/** A bigram's bucket from its two word hashes (an FNV step over the pair, no string). */
function mix(a: number, b: number): number {
  return (Math.imul(Math.imul(a ^ SEED.bigram, 16777619) ^ b, 16777619) >>> 0) ^ 0x5bd1e995;
}

/** -est words that are not superlatives. */
const NOT_SUPERLATIVE: ReadonlySet<string> = new Set(['interest', 'protest', 'request', 'suggest', 'arrest', 'invest', 'harvest', 'contest', 'honest', 'modest', 'forest', 'digest', 'manifest', 'conquest', 'inquest', 'unrest', 'attest', 'detest', 'divest', 'behest', 'earnest']);

/** True when the word ends like a superlative ("lowest", "largest"). */
function isSuperlative(n: string): boolean {
  return n.length >= 6 && n.endsWith('est') && !NOT_SUPERLATIVE.has(n);
}

/** % $ € £ ¥ in text[start, end). */
function hasQuantitySymbol(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25 || c === 0x24 || c === 0x20ac || c === 0xa3 || c === 0xa5) return true;
  }
  return false;
}

/**
 * The model's features for words [from, to) of sentence `s` into `f` (cleared first). `clause`
 * is true when the words are one clause of a longer sentence.
 */
export function checkworthyFeatures(view: TextView, s: SentenceView, o: SentenceOpinion, from: number, to: number, clause: boolean, f: Features): void {
  f.clear();
  f.add(D.bias, 1);
  const { words, inQuote } = view;
  const hashes = wordHashes(view);
  const flags = wordFlags(view);
  const cues = cueBits(view);
  const n = to - from;
  const scale = n > 0 ? 1 / Math.sqrt(n + 1) : 1;
  let prev = START;
  let number = false;
  let quantity = false;
  let date = false;
  let event = false;
  let firstPerson = false;
  let secondPerson = false;
  let future = false;
  let past = false;
  let comparison = false;
  let superlative = false;
  let modal = false;
  let hedgeWord = false;
  let capitals = 0;
  for (let i = from; i < to; i++) {
    const w = words[i] as Word;
    const h = hashes[i] as number;
    f.add(h, scale);
    f.add(mix(prev, h), scale);
    prev = h;
    const fl = flags[i] as number;
    const norm = w.norm;
    if (w.kind === 'number') number = true;
    else if ((fl & QUANTITY_WORD) !== 0) quantity = true;
    if ((fl & DATE_WORD) !== 0) date = true;
    if ((fl & EVENT_VERB) !== 0) event = true;
    const cb = cues[i] as number;
    if (cb !== 0) {
      const outside = inQuote[i] === 0;
      if (outside && (cb & CUE_BIT.firstPerson) !== 0) firstPerson = true;
      if (outside && (cb & CUE_BIT.secondPerson) !== 0) secondPerson = true;
      if ((cb & CUE_BIT.future) !== 0) future = true;
      if ((cb & CUE_BIT.pastAux) !== 0) past = true;
      if ((cb & CUE_BIT.comparison) !== 0) comparison = true;
      if ((cb & CUE_BIT.modal) !== 0) modal = true;
      if ((cb & CUE_BIT.hedgeWord) !== 0) hedgeWord = true;
    }
    if ((norm.length >= 4 && norm.endsWith('ed') && (fl & NOT_PAST_WORD) === 0) || ((fl & FINITE_FORM) !== 0 && norm.endsWith('d') && norm !== 'need')) past = true;
    if (isSuperlative(norm)) superlative = true;
    if (i > from && w.kind !== 'number') {
      const c = view.text.charCodeAt(w.start);
      if (c >= 65 && c <= 90) capitals++;
    }
  }
  f.add(mix(prev, END), scale);
  if (!quantity && from < to) {
    const a = (words[from] as Word).start;
    const b = (words[to - 1] as Word).end;
    quantity = hasQuantitySymbol(view.text, a, b);
  }
  f.add(D.ent[Math.min(3, s.entities)] as number, 1);
  if (number) f.add(D.number, 1);
  if (quantity) f.add(D.quantity, 1);
  if (number && quantity) f.add(D.numberQuantity, 1);
  if (date) f.add(D.date, 1);
  if (event) f.add(D.event, 1);
  if (s.attribution === 'named') f.add(D.attrNamed, 1);
  else if (s.attribution === 'anonymous') f.add(D.attrAnonymous, 1);
  else if (s.attribution === 'dangling') f.add(D.attrDangling, 1);
  if (o.attributed) f.add(D.attributed, 1);
  if (s.hasQuote) f.add(D.quote, 1);
  if (firstPerson) f.add(D.firstPerson, 1);
  if (firstPerson && (number || quantity)) f.add(D.firstPersonNumber, 1);
  if (secondPerson) f.add(D.secondPerson, 1);
  if (future) f.add(D.future, 1);
  if (past) f.add(D.past, 1);
  if (comparison) f.add(D.comparison, 1);
  if (superlative) f.add(D.superlative, 1);
  if (modal) f.add(D.modal, 1);
  if (hedgeWord) f.add(D.hedgeWord, 1);
  if (o.hedge > 0) f.add(D.hedge, o.hedge);
  const rule = o.rule;
  f.add(D.opinion[rule <= 0 ? 0 : rule < 0.3 ? 1 : rule < 0.6 ? 2 : 3] as number, 1);
  f.add(D.len[n < 5 ? 0 : n < 10 ? 1 : n < 20 ? 2 : n < 35 ? 3 : 4] as number, 1);
  if (s.kind === 'standfirst') f.add(D.standfirst, 1);
  if (clause) f.add(D.clause, 1);
  if (capitals > 0) f.add(D.capitals, Math.min(1, capitals / 3));
}

export { Features };
