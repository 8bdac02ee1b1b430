/**
 * Sentences per second of the profile classifier (`crosscheck classify`: opinion and bias
 * probabilities plus loaded-word marks) on one core, side by side with wink-nlp's sentiment
 * (`readDoc(s).out(its.sentiment)`, wink-eng-lite-web-model) on the same sentences: BABE's
 * development half, repeated to at least --n sentences. Goal: >= 10,000 sentences/s.
 * Each run keeps one memo of word-form scores (as the analysis keeps one per document), so a
 * word form met again in the run is not scored again. A second figure starts each run with an
 * empty memo on text the first did not see (every new word scored from its character n-grams):
 * BASIL's sentences, each once.
 *
 *   node --import tsx bench/classify.bench.ts [--n 20000] [--repeat 3]
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { readBabe, readBasil } from '../src/analyze/classifier/datasets.js';
import { classify, loadedMarks, type WordScores } from '../src/analyze/classifier/model.js';
import { environment, fixed, intArg, median, table } from './fnc1.js';

const n = intArg('n', 20000);
const repeat = intArg('repeat', 3);
const rows = readBabe();
if (rows === null) {
  console.log('skipped: ../shared/data/babe not found');
  process.exit(0);
}
const base = rows.map((r) => r.text).filter((t) => t.trim() !== '');
const sentences: string[] = [];
while (sentences.length < n) sentences.push(...base);
sentences.length = n;

const nlp = winkNLP(model);
const its = nlp.its;
let sink = 0;
function runClassifier(): void {
  const memo: WordScores = new Map();
  for (const s of sentences) {
    const c = classify(s, memo);
    sink += c.bias + c.opinion + loadedMarks(c).length;
  }
}
const fresh = (readBasil() ?? []).flatMap((a) => a.sentences.map((s) => s.text)).filter((t) => t.trim() !== '');
function runCold(): void {
  const memo: WordScores = new Map();
  for (const s of fresh) {
    const c = classify(s, memo);
    sink += c.bias + c.opinion + loadedMarks(c).length;
  }
}
function runWink(): void {
  for (const s of sentences) sink += nlp.readDoc(s).out(its.sentiment) as unknown as number;
}
function seconds(fn: () => void): number {
  const runs: number[] = [];
  fn(); // warm-up
  for (let i = 0; i < repeat; i++) {
    const t = process.hrtime.bigint();
    fn();
    runs.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  return median(runs);
}
const ours = seconds(runClassifier);
const wink = seconds(runWink);
const cold = fresh.length > 0 ? seconds(runCold) : 0;
console.log(`classify bench: ${n} BABE sentences, median of ${repeat} runs after a warm-up, one core`);
console.log(environment());
console.log('');
console.log(table(['system', 'sentences', 'seconds', 'sentences/s'], [
  ['crosscheck classify (opinion + bias + loaded words)', String(n), fixed(ours, 3), fixed(n / ours, 0)],
  ['wink-nlp readDoc + its.sentiment', String(n), fixed(wink, 3), fixed(n / wink, 0)],
  ...(cold > 0 ? [['crosscheck classify, word memo empty at the start (BASIL sentences, each once)', String(fresh.length), fixed(cold, 3), fixed(fresh.length / cold, 0)]] : []),
]));
console.log(`\ncrosscheck / wink: ${fixed(wink / ours, 2)}x the throughput; goal >= 10,000 sentences/s: ${n / ours >= 10000 ? 'met' : 'not met'}`);
void sink;
