/**
 * Counts the background document frequencies the story clusterer starts from
 * (src/stories/group/weights/background-df.json): in how many of FNC-1's 1,683 news bodies each
 * clustering key occurs (content-word stems and canonical entities, exactly the keys
 * `articleFeatures` gives the clusterer). Why: IDF counted over the handful of articles of a
 * `compare` (or the first batch of a new collection) is backwards: every word two articles
 * share gets the lowest weight. With a background of ordinary news, "Tuesday" and "said" weigh
 * little and "Karoo" or "tunnel" much, from the first article on; a large collection's own
 * counts soon outweigh it. Keys seen in fewer than MIN_DF bodies are left out (an unseen key
 * weighs as a rare one anyway). Same data give the same file.
 *
 *   npm run train:background-df        # node --import tsx scripts/train-background-df.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../src/collection/pipeline.js';
import { articleFeatures } from '../src/stories/group/features.js';
import { readFnc1 } from '../src/stance/fnc1.js';

const MIN_DF = 2;
const data = process.argv[2] ?? fileURLToPath(new URL('../../shared/data/fnc1', import.meta.url));
const out = fileURLToPath(new URL('../src/stories/group/weights/background-df.json', import.meta.url));

const { bodies } = readFnc1(join(data, 'train_stances.csv'), join(data, 'train_bodies.csv'));
const df = new Map<string, number>();
let documents = 0;
for (const [id, text] of [...bodies].sort((a, b) => Number(a[0]) - Number(b[0]))) {
  const f = articleFeatures(analyzeText(text, { id: `fnc1-${id}` }));
  documents++;
  for (const key of new Set([...f.terms.map(([t]) => t), ...f.entities.map((e) => `e:${e}`)])) df.set(key, (df.get(key) ?? 0) + 1);
}
const keys = [...df].filter(([, n]) => n >= MIN_DF).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
// Grouped by count: {"documents":1683,"df":{"812":["said",...],...}} keeps the file small.
const byCount: Record<string, string[]> = {};
for (const [k, n] of keys) (byCount[String(n)] ??= []).push(k);
writeFileSync(out, JSON.stringify({ source: 'FNC-1 training bodies (FakeNewsChallenge/fnc-1)', documents, minDf: MIN_DF, df: byCount }) + '\n');
process.stderr.write(`${documents} bodies, ${df.size} keys, ${keys.length} kept (df >= ${MIN_DF}) -> ${out}\n`);
