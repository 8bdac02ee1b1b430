/** The watch gate: flags and diffs on simulated edits of held-out FNC-1 bodies must stay above eval/floors.json (a slice; a few seconds). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEVELOPMENT_BODIES, loadBodies } from '../../eval/watch-edits.js';
import { runEdits } from '../../eval/watch-edits-sim.js';
import { sharedOrSkip } from '../../test/helpers.js';

const FLOORS = (JSON.parse(readFileSync(new URL('../../eval/floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, number>>)['watch-edits']!;

test('watch flags and diffs on simulated edits stay above their floors', { skip: sharedOrSkip() }, () => {
  const bodies = loadBodies(DEVELOPMENT_BODIES, 300);
  assert.ok(bodies && bodies.length === 300);
  const s = runEdits(bodies, 'held-out');
  assert.ok(s.trials > 250, `${s.trials} trials`);
  for (const key of ['accuracy', 'located', 'correctionRecall', 'stealthRecall', 'stealthPrecision'] as const) {
    assert.ok(s[key] >= FLOORS[key]!, `${key} ${s[key].toFixed(3)} below its floor ${FLOORS[key]}`);
  }
});
