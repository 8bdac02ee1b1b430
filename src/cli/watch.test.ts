import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressLine } from './watch.js';

test('the progress line: counts of the round and the busiest hosts', () => {
  const hosts = new Map([
    ['a.example', { fetched: 6, errors: 1 }],
    ['b.example', { fetched: 2, errors: 0 }],
    ['c.example', { fetched: 1, errors: 0 }],
    ['d.example', { fetched: 1, errors: 2 }],
  ]);
  const line = progressLine({ due: 12, fetched: 10, notModified: 4, new: 3, updated: 1, errors: 3, skipped: 2, hosts });
  assert.equal(line, 'watch: 12 due · 10 fetched (4 not modified) · 3 new · 1 updated · 3 errors · 2 waiting (robots.txt or backoff) | a.example 6 fetched, 1 error; b.example 2 fetched; c.example 1 fetched +1 hosts');
});
