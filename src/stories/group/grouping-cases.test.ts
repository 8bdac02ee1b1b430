/**
 * Golden cases for story grouping: one folder per case in test/cases/stories/, each a failure
 * class of real news text written in our own words: the articles as .txt files (the file name
 * without .txt is the id; analysed as `compare` analyses a file, no dates) and expected.json,
 * whose `stories` lists the stories' article ids, each story sorted, in any order, and, where
 * given, `batchSize`: the files (in name order) go through the clusterer in batches of that many,
 * as `ingest` commits them, so that a case can straddle a batch boundary.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { groupArticles } from '../../collection/compare.js';
import { analyzeText } from '../../collection/pipeline.js';

const CASES = fileURLToPath(new URL('../../../test/cases/stories/', import.meta.url));

for (const name of readdirSync(CASES).sort()) {
  test(`golden grouping: ${name}`, async () => {
    const files = readdirSync(`${CASES}${name}`).filter((f) => f.endsWith('.txt')).sort();
    const articles = files.map((f) => analyzeText(readFileSync(`${CASES}${name}/${f}`, 'utf8'), { id: f.slice(0, -4), uri: f }));
    const expected = JSON.parse(readFileSync(`${CASES}${name}/expected.json`, 'utf8')) as { stories: string[][]; batchSize?: number };
    const stories = [...(await groupArticles(articles, expected.batchSize)).values()].map((as) => as.map((a) => a.id).sort());
    const key = (s: string[][]): string[] => s.map((ids) => ids.join(',')).sort();
    assert.deepEqual(key(stories), key(expected.stories));
  });
}
