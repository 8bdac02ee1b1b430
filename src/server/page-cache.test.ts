import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PageCache, etagMatches, etagOf } from './page-cache.js';

const r = (s: string) => ({ status: 200, type: 'text/plain', body: Buffer.from(s) });

test('entries keep their mark and stamp, are revalidated under a new mark, and the oldest go first past the size bound', () => {
  const c = new PageCache(true, 80);
  const a = c.set('a', r('x'.repeat(10)), 'm1', 'story-v1');
  assert.equal(a.etag, etagOf(Buffer.from('x'.repeat(10))));
  assert.equal(c.peek('a')?.mark, 'm1');
  c.revalidate('a', 'm2');
  assert.equal(c.peek('a')?.mark, 'm2');
  assert.equal(c.peek('a')?.stamp, 'story-v1');
  for (const k of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) c.set(k, r('y'.repeat(10)), 'm2', null);
  assert.equal(c.peek('1'), null, 'evicted');
  assert.ok(c.peek('9'));
  c.delete('9');
  assert.equal(c.peek('9'), null);
  const off = new PageCache(false);
  assert.ok(off.set('a', r('x'), 'm', null).etag.startsWith('"'), 'an answer made with the cache off still has its ETag');
  assert.equal(off.peek('a'), null);
});

test('If-None-Match: a list, weak forms and * match; other tags do not', () => {
  const tag = etagOf(Buffer.from('body'));
  assert.ok(etagMatches(tag, tag));
  assert.ok(etagMatches(`"other", W/${tag}`, tag));
  assert.ok(etagMatches('*', tag));
  assert.ok(!etagMatches('"other"', tag));
  assert.ok(!etagMatches(undefined, tag));
});
