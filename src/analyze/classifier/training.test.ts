/**
 * Training is reproducible (the same rows and seed give the same encoded weights, byte for byte:
 * `npm run train:profile` promises an identical weights.ts) and the step choice stays inside
 * the training rows. On a small BABE slice so that it runs in a few seconds; skipped without
 * the data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readBabe } from './datasets.js';
import { encodeModel } from './encode.js';
import { blendBias, buildCorpus, trainAll, TRAINING } from './training.js';

const ROWS = 300;

test('trainAll: same rows and seed, same encoded weights; steps from the candidates', (t) => {
  const rows = readBabe();
  if (rows === null) {
    t.skip('../shared/data/babe not found');
    return;
  }
  const corpus = buildCorpus(rows.slice(0, ROWS), null);
  const all = corpus.babe.map((_, i) => i);
  const a = trainAll(corpus, all);
  const b = trainAll(corpus, all);
  for (const name of ['word', 'bias', 'opinion'] as const) {
    assert.deepEqual(encodeModel(a[name], TRAINING.keep), encodeModel(b[name], TRAINING.keep), `${name} weights differ between two runs`);
  }
  assert.deepEqual(a.rates, b.rates);
  const candidates: readonly number[] = TRAINING.rates;
  assert.ok(candidates.includes(a.rates.bias) && candidates.includes(a.rates.opinion), JSON.stringify(a.rates));
  // a different subset trains different weights (the comparison above can fail)
  const c = trainAll(corpus, all.slice(0, ROWS - 50));
  assert.notDeepEqual(encodeModel(c.bias, TRAINING.keep), encodeModel(a.bias, TRAINING.keep));
});

test('blendBias: the shipped mix of the two sentence models', () => {
  assert.equal(blendBias(1, 0, 0.5), 0.5);
  assert.equal(blendBias(0.8, 0.4, 0.25), 0.25 * 0.8 + 0.75 * 0.4);
  assert.equal(blendBias(0.7, 0.7), 0.7);
});
