/**
 * How `compareAll` (story grouping, text reuse, claim alignment) scales with the number of
 * articles: the design asks for near-linear cost (candidate retrieval, not all pairs).
 * Texts: FNC-1 train_bodies.csv, processed once; then compareAll on the first 125, 250, ...
 * of them, median of a few runs each. The "growth" column is the exponent k in time ~ n^k
 * between one size and the previous: about 1 is linear, about 2 is all pairs.
 *
 *   node --import tsx bench/compare.bench.ts [--n 1683] [--repeat 3]
 */
import { compareAll, processSource } from '../src/collection/pipeline.js';
import { FNC1_BODIES, environment, fixed, intArg, loadBodies, median, table, timeRuns, timeRunsAsync, toSource } from './fnc1.js';

const n = intArg('n', 1683);
const repeat = intArg('repeat', 3);

const bodies = await loadBodies(n);
if (bodies === null) {
  console.log(`skipped: ${FNC1_BODIES} not found (the FNC-1 set lives in ../shared/data/fnc1; the bench reads it at run time)`);
  process.exit(0);
}
const processStart = process.hrtime.bigint();
const articles = bodies.map((b) => processSource(toSource(b)));
const processSeconds = Number(process.hrtime.bigint() - processStart) / 1e9;

const sizes: number[] = [];
for (let size = 125; size < articles.length; size *= 2) sizes.push(size);
sizes.push(articles.length);

compareAll(articles.slice(0, Math.min(100, articles.length))); // warm-up

const rows: string[][] = [];
let previous: { size: number; seconds: number } | null = null;
for (const size of sizes) {
  const slice = articles.slice(0, size);
  let stories = 0;
  let facts = 0;
  const times = await timeRunsAsync(async () => {
    const result = await compareAll(slice);
    stories = result.stories.length;
    facts = result.stories.reduce((k, s) => k + s.facts.length, 0);
  }, repeat);
  const seconds = median(times);
  const growth = previous && previous.seconds > 0 && seconds > 0 ? fixed(Math.log(seconds / previous.seconds) / Math.log(size / previous.size), 2) : '-';
  rows.push([String(size), String(times.length), fixed(seconds, 3), fixed(seconds > 0 ? size / seconds : 0, 0), String(stories), String(facts), growth]);
  previous = { size, seconds };
}

console.log(`crosscheck compare bench: compareAll on the first n of ${articles.length} FNC-1 bodies (processed once in ${fixed(processSeconds, 2)} s), median of up to ${repeat} runs (one when a run takes over 10 s)`);
console.log(environment());
console.log('');
console.log(table(['articles', 'runs', 'seconds', 'articles/s', 'stories', 'facts', 'growth'], rows));
