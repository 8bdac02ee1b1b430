import { test } from 'node:test';
import assert from 'node:assert/strict';
import { B, canEnd, canFollow, canStart, classOf, I, L, O, positionOf, PREV, PREV_START, TAG_COUNT, tagOf, U } from './tags.js';

test('tags: BILOU per class, and which may follow which', () => {
  assert.equal(tagOf(O, 2), O);
  for (let k = 0; k < 4; k++) {
    for (const p of [B, I, L, U]) {
      const t = tagOf(p, k);
      assert.equal(positionOf(t), p);
      assert.equal(classOf(t), k);
    }
  }
  assert.ok(canFollow(tagOf(B, 1), tagOf(L, 1)));
  assert.ok(canFollow(tagOf(B, 1), tagOf(I, 1)));
  assert.ok(!canFollow(tagOf(B, 1), tagOf(L, 2)), 'a name keeps its class');
  assert.ok(!canFollow(tagOf(B, 1), O), 'B must be closed');
  assert.ok(canFollow(tagOf(U, 0), tagOf(B, 3)));
  assert.ok(!canFollow(O, tagOf(I, 0)));
  assert.ok(canStart(O) && canStart(tagOf(U, 0)) && !canStart(tagOf(L, 0)));
  assert.ok(canEnd(tagOf(L, 2)) && !canEnd(tagOf(B, 2)));
  // the flattened predecessor lists agree with canFollow
  for (let t = 0; t < TAG_COUNT; t++) {
    const prev = Array.from(PREV.subarray(PREV_START[t], PREV_START[t + 1]));
    for (let p = 0; p < TAG_COUNT; p++) assert.equal(prev.includes(p), canFollow(p, t), `${p} -> ${t}`);
  }
});
