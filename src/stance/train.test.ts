import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { predictPairs } from './batch.js';
import { readFnc1, score, type StanceLabel } from './fnc1.js';
import { weightsToJson, defaultWeightsPath, loadWeights, StancePredictor } from './model.js';
import { DEFAULT_CONFIG, splitByClaim, trainStance, type TrainConfig } from './train.js';

const DATA = fileURLToPath(new URL('../../../shared/data/fnc1', import.meta.url));
const FLOORS = fileURLToPath(new URL('../../eval/floors.json', import.meta.url));
const hasData = existsSync(join(DATA, 'train_stances.csv'));
const data = hasData ? readFnc1(join(DATA, 'train_stances.csv'), join(DATA, 'train_bodies.csv')) : undefined;

/** Pairs of the validation split scored by the CI gate: a fixed slice, to keep the test fast. */
const GATE_PAIRS = 3000;

test('the claim split never puts a body or a headline on two sides', { skip: !hasData }, () => {
  const pairs = data?.pairs ?? [];
  const parts = splitByClaim(pairs, DEFAULT_CONFIG.seed, 0.2, 0.1);
  const bodyPart = new Map<string, string>();
  const headPart = new Map<string, string>();
  pairs.forEach((p, i) => {
    const part = parts[i];
    if (!part) return;
    assert.equal(bodyPart.get(p.bodyId) ?? part, part);
    assert.equal(headPart.get(p.headline) ?? part, part);
    bodyPart.set(p.bodyId, part);
    headPart.set(p.headline, part);
  });
  assert.deepEqual(parts, splitByClaim(pairs, DEFAULT_CONFIG.seed, 0.2, 0.1));
});

test('training on a tiny subset is deterministic: same seed, same weights', { skip: !hasData }, () => {
  const ids = new Set([...(data?.bodies.keys() ?? [])].sort().slice(0, 40));
  const pairs = (data?.pairs ?? []).filter((p) => ids.has(p.bodyId)).slice(0, 600);
  const small = { hidden: 4, epochs: 2, batch: 32, learningRate: 0.01, l2: 1e-4, dropout: 0.1, patience: 2 };
  const config: TrainConfig = { ...DEFAULT_CONFIG, seed: 7, stage1: small, stage2: small };
  const a = weightsToJson(trainStance(pairs, data?.bodies ?? new Map(), config).weights);
  const b = weightsToJson(trainStance(pairs, data?.bodies ?? new Map(), config).weights);
  assert.equal(a, b);
  const c = weightsToJson(trainStance(pairs, data?.bodies ?? new Map(), { ...config, seed: 8 }).weights);
  assert.notEqual(a, c);
});

test('CI gate: the bundled model scores a fixed slice of its validation split above the pinned floor', { skip: !hasData || !existsSync(defaultWeightsPath()) }, () => {
  const floors = JSON.parse(readFileSync(FLOORS, 'utf8')) as Record<string, { fnc: number; related: number; macroF1: number }>;
  const floor = floors['stance-fnc1-validation'];
  assert.ok(floor, 'eval/floors.json needs a "stance-fnc1-validation" entry');
  const weights = loadWeights();
  const pairs = data?.pairs ?? [];
  const parts = splitByClaim(pairs, weights.seed, DEFAULT_CONFIG.validationShare, DEFAULT_CONFIG.devShare);
  const slice = pairs.filter((_, i) => parts[i] === 'validation').slice(0, GATE_PAIRS);
  const predicted = predictPairs(new StancePredictor(weights), slice, data?.bodies ?? new Map()).map((p) => p.label);
  const s = score(slice.map((p) => p.stance as StanceLabel), predicted);
  assert.ok(s.fnc >= floor.fnc, `FNC-1 score ${s.fnc.toFixed(4)} fell below the floor ${floor.fnc}`);
  assert.ok(s.related >= floor.related, `related accuracy ${s.related.toFixed(4)} fell below the floor ${floor.related}`);
  assert.ok(s.macroF1 >= floor.macroF1, `macro-F1 ${s.macroF1.toFixed(4)} fell below the floor ${floor.macroF1}`);
});
