import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PageCache } from './page-cache.js';

const r = (s: string) => ({ status: 200, type: 'text/plain', body: Buffer.from(s) });

test('entries expire with time and with a write, and the oldest go first past the size bound', () => {
  const c = new PageCache(1000, 80);
  c.set('a', r('x'.repeat(10)), 0, 0);
  assert.equal(c.get('a', 0, 500)?.body.length, 10);
  assert.equal(c.get('a', 0, 1501), null, 'expired');
  assert.equal(c.lookup('a', 0, 1501)?.fresh, false, 'still there, stale, to answer while it is rendered again');
  assert.ok(c.claimRefresh('a'));
  assert.ok(!c.claimRefresh('a'), 'one refresh at a time');
  c.releaseRefresh('a');
  c.set('a', r('x'), 0, 0);
  assert.equal(c.get('a', 1, 1), null, 'a write happened');
  for (const k of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) c.set(k, r('y'.repeat(10)), 0, 0);
  assert.equal(c.get('1', 0, 1), null, 'evicted');
  assert.ok(c.get('9', 0, 1));
  const off = new PageCache(0);
  off.set('a', r('x'), 0, 0);
  assert.equal(off.get('a', 0, 0), null);
});
