/**
 * The check-worthiness model's gate on a slice of ClaimBuster's development sentences (in
 * sentence-id order: training on the first blocks, scoring on the last ones), against
 * eval/floors.json "checkworthy-slice":
 *   - heldOutAuc: the model retrained by the shipped trainer on the first SLICE_TRAIN sentences
 *     and scored, through the claim list, on the last SLICE_TEST (out of sample: guards the
 *     features, the trainer and the claim filters on text they have not seen);
 *   - shippedAuc: the shipped weights on the same last sentences (in-sample: guards the weights
 *     file against silent breakage, not accuracy).
 * The held-out figures on whole sets come from eval/checkworthy-clef.ts and
 * eval/checkworthy-claimbuster.ts. Skipped (loudly) without the data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { asShipped } from '../classifier/encode.js';
import { analyzeLines, hasClaimBuster, readClaimBuster } from './datasets.js';
import { rocAuc } from './metrics.js';
import { scorerOf, shippedScorer } from './model.js';
import { CHECKWORTHY_KEEP, examplesOf, lineScores, trainCheckworthy } from './training.js';

const FLOORS = JSON.parse(readFileSync(new URL('../../../eval/floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, number> | undefined>;
const SLICE_TRAIN = 1500;
const SLICE_TEST = 500;

test('check-worthiness on a ClaimBuster slice stays above its floors', (t) => {
  if (!hasClaimBuster()) {
    t.skip('../shared/data/claimbuster not found');
    return;
  }
  const floor = FLOORS['checkworthy-slice'];
  assert.ok(floor, 'eval/floors.json needs a "checkworthy-slice" entry');
  const rows = readClaimBuster().sort((a, b) => a.id - b.id);
  const trainRows = rows.slice(0, SLICE_TRAIN);
  const testRows = rows.slice(-SLICE_TEST);
  const train = analyzeLines(trainRows.map((r) => r.text), 'claimbuster:train-slice');
  const held = analyzeLines(testRows.map((r) => r.text), 'claimbuster:test-slice');
  const labels = testRows.map((r) => r.label);
  const model = trainCheckworthy(examplesOf(train, trainRows.map((r) => r.label)));
  const heldOut = rocAuc([...lineScores(held, scorerOf(asShipped(model, CHECKWORTHY_KEEP)))], labels);
  const shipped = rocAuc([...lineScores(held, shippedScorer)], labels);
  assert.ok(heldOut >= (floor['heldOutAuc'] ?? 1), `held-out ROC AUC ${heldOut.toFixed(3)} < floor ${floor['heldOutAuc']}`);
  assert.ok(shipped >= (floor['shippedAuc'] ?? 1), `shipped ROC AUC ${shipped.toFixed(3)} < floor ${floor['shippedAuc']}`);
  console.log(`checkworthy slice: held-out ROC AUC ${heldOut.toFixed(3)}, shipped (in-sample) ${shipped.toFixed(3)}`);
});
