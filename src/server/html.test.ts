import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html, join, raw, safeHref } from './html.js';

test('interpolations are escaped, Html is not', () => {
  const payload = `"><script>window.__pwned=1</script><img src=x onerror='alert(1)'>`;
  const out = html`<a title="${payload}">${payload}</a>${raw('<br>')}`.value;
  assert.ok(!out.includes('<script>'));
  assert.ok(!out.includes(`"><`));
  assert.ok(!out.includes(`'alert`));
  assert.ok(out.endsWith('<br>'));
  assert.equal(escapeHtml('a\u202eb\x07c'), 'abc');
});

test('arrays and nested templates', () => {
  const items = ['<b>', 'x'].map((s) => html`<li>${s}</li>`);
  assert.equal(html`<ul>${items}</ul>`.value, '<ul><li>&lt;b&gt;</li><li>x</li></ul>');
  assert.equal(join(['<', html`<i>`], ', ').value, '&lt;, <i>');
  assert.equal(html`${null}${undefined}${false}${0}`.value, '0');
});

test('safeHref keeps http(s) and site paths only', () => {
  assert.equal(safeHref('javascript:alert(1)'), null);
  assert.equal(safeHref(' JaVaScRiPt:alert(1)'), null);
  assert.equal(safeHref('data:text/html,x'), null);
  assert.equal(safeHref('//evil.example/'), null);
  // Browsers read a backslash as a slash, and drop tabs and line breaks: all off-site (issue 19 #6).
  for (const offSite of ['/\\evil.invalid/x', '\\\\evil.invalid/x', '/\t/evil.invalid/x', '/\n/evil.invalid', 'https://a.example\\@evil.invalid/', '/\u0000/evil.invalid']) {
    assert.equal(safeHref(offSite), null, JSON.stringify(offSite));
  }
  assert.equal(safeHref('https://a.example/x?y=1'), 'https://a.example/x?y=1');
  assert.equal(safeHref('/stories/s-1'), '/stories/s-1');
});
