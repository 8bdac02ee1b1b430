import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffMs, nextPageDue, pageInterval, parseInterval, retryAfterMs, SCHEDULE } from './schedule.js';

test('pages are fetched often when young, then less, never more often as they age', () => {
  let last = 0;
  for (let age = 0; age < 60 * 86_400_000; age += 3_600_000) {
    const every = pageInterval(age);
    assert.ok(every >= last);
    last = every;
  }
  assert.equal(pageInterval(0), 15 * 60_000);
  const now = Date.parse('2026-01-02T00:00:00Z');
  assert.equal(nextPageDue(now, '2026-01-01T23:30:00Z', '2026-01-01T00:00:00Z'), '2026-01-02T00:15:00.000Z');
  assert.equal(nextPageDue(now, null, '2025-01-01T00:00:00Z'), new Date(now + SCHEDULE.oldPageMs).toISOString());
});

test('backoff doubles to a cap; Retry-After in seconds or as a date, capped', () => {
  assert.equal(backoffMs(1), SCHEDULE.firstBackoffMs);
  assert.equal(backoffMs(2), 2 * SCHEDULE.firstBackoffMs);
  assert.equal(backoffMs(100), SCHEDULE.maxBackoffMs);
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(retryAfterMs('120', now), 120_000);
  assert.equal(retryAfterMs('Thu, 01 Jan 2026 00:01:00 GMT', now), 60_000);
  assert.equal(retryAfterMs('999999', now), SCHEDULE.maxRetryAfterMs);
  assert.equal(retryAfterMs('soon', now), null);
  assert.equal(retryAfterMs(undefined, now), null);
});

test('intervals: units and refusals', () => {
  assert.equal(parseInterval('15m'), 900_000);
  assert.equal(parseInterval('2h'), 7_200_000);
  assert.equal(parseInterval('30'), 30_000);
  assert.equal(parseInterval('0'), null);
  assert.equal(parseInterval('soon'), null);
});
