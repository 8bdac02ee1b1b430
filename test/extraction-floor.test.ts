/** The extraction gate: F1 on ../shared/data/extraction must not drop below eval/floors.json (a few seconds). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hasExtractionData, loadPages } from '../eval/extraction-data.js';
import { summarise } from '../eval/extraction-metric.js';
import { crossValidate, runCrosscheck } from '../eval/extraction.js';
import { sharedOrSkip } from './helpers.js';

const FLOORS = JSON.parse(readFileSync(new URL('../eval/floors.json', import.meta.url), 'utf8')) as { extraction: { f1: number; precision: number; recall: number }; 'extraction-cv': { f1: number } };

test('HTML extraction F1 stays at or above the floor', { skip: sharedOrSkip() || (!hasExtractionData() && 'no extraction data') }, () => {
  const m = summarise(runCrosscheck(loadPages()).scores);
  const floor = FLOORS.extraction;
  assert.ok(m.f1 >= floor.f1, `F1 ${m.f1.toFixed(4)} < floor ${floor.f1}`);
  assert.ok(m.precision >= floor.precision, `precision ${m.precision.toFixed(4)} < floor ${floor.precision}`);
  assert.ok(m.recall >= floor.recall, `recall ${m.recall.toFixed(4)} < floor ${floor.recall}`);
});

test('HTML extraction with thresholds chosen on the other half of the sites stays at or above the floor', { skip: sharedOrSkip() || (!hasExtractionData() && 'no extraction data') }, () => {
  const cv = crossValidate(loadPages());
  assert.ok(cv.pooled.f1 >= FLOORS['extraction-cv'].f1, `cross-validated F1 ${cv.pooled.f1.toFixed(4)} < floor ${FLOORS['extraction-cv'].f1}`);
  // Each fold really held its test half out: the chosen values never saw those pages.
  assert.deepEqual(cv.folds.map((f) => [f.train, f.test]), [[0, 1], [1, 0]]);
});
