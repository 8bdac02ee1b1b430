/**
 * Per-article throughput against a named peer, in one run, on the same real texts:
 *   (a) crosscheck: read record -> extract (clean, repair, metadata) -> analyze, per article
 *       (`processSource`, what `crosscheck compare` does for each input);
 *   (b) wink-nlp: `readDoc` with wink-eng-lite-web-model, its work forced by reading out
 *       tokens, sentences and entities (wink evaluates lazily);
 *   then, once more, crosscheck's time split by stage (extract and each analysis stage), to
 *   show where the time goes;
 *   (c) crosscheck's `compareAll` on the processed articles: story grouping, reuse, alignment.
 * Texts: the first N bodies of FNC-1 train_bodies.csv (real news), read at run time.
 * DEVELOPING.md's bar: crosscheck per byte at least as fast as wink's full readDoc (ratio >= 1).
 *
 *   npm run build && npm run bench -- --n 1000 --repeat 5   (measures dist/; --src for the sources)
 *   node --expose-gc --import tsx bench/pipeline.bench.ts     (collects garbage between runs)
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { existsSync } from 'node:fs';
import { DEFAULT_CONTEXT, type Article } from '../src/model/index.js';

// The code users run is the compiled dist/ (npm run build, done by npm install): measure that.
// `--src` measures the TypeScript sources through tsx instead, whose transform adds a call per
// nested function (esbuild's keepNames) that the compiled code does not have.
const fromSource = process.argv.includes('--src') || !existsSync(new URL('../dist/collection/pipeline.js', import.meta.url));
const root = fromSource ? '../src' : '../dist';
const { compareAll, processSource } = (await import(`${root}/collection/pipeline.js`)) as typeof import('../src/collection/pipeline.js');
const { extract } = (await import(`${root}/extract/index.js`)) as typeof import('../src/extract/index.js');
const { STAGES } = (await import(`${root}/analyze/index.js`)) as typeof import('../src/analyze/index.js');
const { Working } = (await import(`${root}/analyze/working.js`)) as typeof import('../src/analyze/working.js');
import { FNC1_BODIES, collectGarbage, environment, fixed, intArg, loadBodies, median, table, time, timeRuns, timeRunsAsync, toSource, utf8Bytes } from './fnc1.js';

const n = intArg('n', 1000);
const repeat = intArg('repeat', 5);
const compareRepeat = intArg('compare-repeat', 3);

const bodies = await loadBodies(n);
if (bodies === null) {
  console.log(`skipped: ${FNC1_BODIES} not found (the FNC-1 set lives in ../shared/data/fnc1; the bench reads it at run time)`);
  process.exit(0);
}
if (bodies.length < n) console.log(`note: only ${bodies.length} bodies in the file, benchmarking those`);
const texts = bodies.map((b) => b.text);
const sources = bodies.map(toSource);
const mb = utf8Bytes(texts) / 1e6;

const loadStart = process.hrtime.bigint();
const nlp = winkNLP(model);
const winkLoadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;
const its = nlp.its;

let articles: Article[] = [];
function runCrosscheck(count = sources.length): void {
  const out: Article[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = processSource(sources[i]!);
  articles = out;
}
let winkTokens = 0;
function runWink(count = texts.length): void {
  let tokens = 0;
  for (let i = 0; i < count; i++) {
    const doc = nlp.readDoc(texts[i]!);
    tokens += doc.tokens().out(its.value).length;
    doc.sentences().out();
    doc.entities().out(its.detail);
  }
  winkTokens = tokens;
}

// Warm up both (JIT, lazy initialisation) on a slice of the texts.
const warm = Math.min(200, texts.length);
runCrosscheck(warm);
runWink(warm);

const ccTimes: number[] = [];
const winkTimes: number[] = [];
for (let r = 0; r < repeat; r++) {
  // Alternate the systems so drift in machine load hits both alike.
  collectGarbage();
  ccTimes.push(time(() => runCrosscheck()));
  collectGarbage();
  winkTimes.push(time(() => runWink()));
}

// Where crosscheck's time goes: one more pass, timing extract and each analysis stage apart.
const stageSeconds = new Map<string, number>([['extract', 0], ...STAGES.map((st): [string, number] => [st.name, 0])]);
for (const source of sources) {
  let t0 = process.hrtime.bigint();
  let doc = extract(source, DEFAULT_CONTEXT);
  let t1 = process.hrtime.bigint();
  stageSeconds.set('extract', (stageSeconds.get('extract') ?? 0) + Number(t1 - t0) / 1e9);
  // one Working per document, as analyze() makes: the stages share the text view and the cues
  const work = new Working();
  for (const stage of STAGES) {
    t0 = t1;
    try {
      doc = stage.run(doc, DEFAULT_CONTEXT, work);
    } catch {
      // analyze() turns this into CC301; the bench only times.
    }
    t1 = process.hrtime.bigint();
    stageSeconds.set(stage.name, (stageSeconds.get(stage.name) ?? 0) + Number(t1 - t0) / 1e9);
  }
}

let stories = 0;
let facts = 0;
let reusePairs = 0;
const compareTimes = await timeRunsAsync(async () => {
  const result = await compareAll(articles);
  stories = result.stories.length;
  facts = result.stories.reduce((k, s) => k + s.facts.length, 0);
  reusePairs = result.stories.reduce((k, s) => k + s.reuse.length, 0);
}, compareRepeat);

const cc = median(ccTimes);
const wink = median(winkTimes);
const cmp = median(compareTimes);
const row = (system: string, seconds: number): string[] => [system, String(texts.length), fixed(mb, 2), fixed(seconds, 3), fixed(texts.length / seconds, 0), fixed(mb / seconds, 2)];

console.log(`crosscheck pipeline bench: ${texts.length} FNC-1 bodies, ${fixed(mb, 2)} MB (UTF-8, 10^6 bytes), median of ${repeat} runs after a warm-up`);
console.log(`${environment()}, crosscheck from ${fromSource ? "src/ (tsx)" : "dist/ (compiled)"}`);
console.log('');
console.log(
  table(['system', 'articles', 'MB', 'seconds', 'articles/s', 'MB/s'], [
    row('crosscheck processSource (read+clean+analyze)', cc),
    row('wink-nlp readDoc + tokens/sentences/entities', wink),
  ]),
);
console.log('');
console.log(`crosscheck / wink per byte: ${fixed(wink / cc, 2)}x the throughput (>= 1 meets the bar in DEVELOPING.md)`);
const stageTotal = [...stageSeconds.values()].reduce((a, b) => a + b, 0);
console.log(`crosscheck by stage (one pass): ${[...stageSeconds].map(([name, t]) => `${name} ${fixed(t, 2)} s (${fixed((100 * t) / stageTotal, 0)}%)`).join(', ')}`);
console.log(`wink model load: ${fixed(winkLoadSeconds, 3)} s (not counted); wink tokens: ${winkTokens}`);
const words = articles.reduce((k, a) => k + a.profile.words, 0);
const sentences = articles.reduce((k, a) => k + a.sentences.length, 0);
console.log(`crosscheck found: ${sentences} sentences, ${words} words, ${articles.reduce((k, a) => k + a.entities.length, 0)} entities, ${articles.reduce((k, a) => k + a.claims.length, 0)} claims`);
console.log('');
console.log(`compareAll on ${articles.length} articles: ${fixed(cmp, 3)} s (median of ${compareTimes.length} run${compareTimes.length === 1 ? '' : 's'}), ${stories} stories, ${facts} facts, ${reusePairs} reuse pairs`);
const mem = process.memoryUsage();
console.log(`memory: rss ${fixed(mem.rss / 2 ** 20, 0)} MiB, heap used ${fixed(mem.heapUsed / 2 ** 20, 0)} MiB`);
