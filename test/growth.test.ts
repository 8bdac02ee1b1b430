import assert from 'node:assert/strict';
import { test } from 'node:test';
import { growth, growthAsync } from './growth.js';

// The helper every growth bound in the suite relies on: it must tell linear from quadratic work,
// also after its re-measuring of a ratio over the bound.
let sink = 0;
const linear = (n: number): void => {
  for (let i = 0; i < n * 2000; i++) sink += i & 7;
};
const quadratic = (n: number): void => {
  for (let i = 0; i < n; i++) for (let j = 0; j < n * 40; j++) sink += (i ^ j) & 7;
};

test('growth: 10x the input of linear work stays under 30x the time', () => {
  const g = growth(linear, 5_000, 50_000);
  assert.ok(g.ratio < 30, g.text);
});

test('growth: quadratic work is over 30x on every try, so the lowest kept still fails', () => {
  const g = growth(quadratic, 300, 3_000, { runs: 1, tries: 2 });
  assert.ok(g.ratio >= 30, g.text);
});

test('growthAsync: the same for async work', async () => {
  const lin = await growthAsync(async (n) => linear(n), 5_000, 50_000);
  assert.ok(lin.ratio < 30, lin.text);
  const quad = await growthAsync(async (n) => quadratic(n), 300, 3_000, { runs: 1, tries: 1 });
  assert.ok(quad.ratio >= 30, quad.text);
  assert.ok(sink > 0);
});
