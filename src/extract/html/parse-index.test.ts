/**
 * Every element the parser builds has its own index (the root 0), which content.ts uses to keep
 * an attempt's per-element measures in an array: two elements sharing one would mix their scores.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { descendants, parseHtml } from './parse.js';

test('elements get distinct indexes in the order they open, the root 0', () => {
  const page = parseHtml('<html><body><div><p>One, <a href="#">two</a></p><script>x()</script><p>three<br>four</p></div><ul><li>a<li>b</ul></body></html>');
  assert.equal(page.root.index, 0);
  const els = descendants(page.root).filter((el) => el !== page.root);
  assert.ok(els.length >= 8);
  const seen = new Set<number>();
  let last = 0;
  for (const el of els) {
    assert.ok(!seen.has(el.index), `index ${el.index} given twice`);
    seen.add(el.index);
    assert.ok(el.index > last, 'indexes rise in document order');
    last = el.index;
  }
});
