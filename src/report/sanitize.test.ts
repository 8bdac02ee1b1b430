import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown, plain, stripControls } from './sanitize.js';
import { cut, cutStart, percent, quoted } from './excerpt.js';

test('stripControls removes CSI, OSC, DCS and lone escapes, C0/C1 controls and bidi overrides', () => {
  const hostile = 'a\x1b[31mred\x1b[0m b\x1b]0;title\x07c \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ d\x1bPq#0\x1b\\e \x07\x08\x9b31m f\u202eg\u2066h\x1bc';
  const out = stripControls(hostile);
  assert.equal(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(out), false, JSON.stringify(out));
  assert.ok(out.includes('ared b'));
  assert.ok(out.includes('link'));
  assert.equal(stripControls('line one\nline\ttwo'), 'line one\nline\ttwo');
});

test('stripControls is linear on long runs of unterminated escapes', () => {
  const s = '\x1b]'.repeat(50_000) + '\x1b['.repeat(50_000);
  const t0 = Date.now();
  assert.equal(stripControls(s), '');
  assert.ok(Date.now() - t0 < 1000);
});

test('plain collapses whitespace to one line', () => {
  assert.equal(plain('  a\n\n b\t c  '), 'a b c');
});

test('escapeMarkdown leaves no raw HTML, links, emphasis, code or table breaks', () => {
  const out = escapeMarkdown('<script>alert(1)</script> [x](http://e) *b* _i_ `c` a|b ~s~ & ![img](y)');
  assert.equal(out.includes('<'), false);
  assert.ok(out.includes('&lt;script&gt;'));
  assert.ok(out.includes('\\[x\\]'));
  assert.ok(out.includes('\\*b\\*'));
  assert.ok(out.includes('\\_i\\_'));
  assert.ok(out.includes('\\`c\\`'));
  assert.ok(out.includes('a\\|b'));
  assert.ok(out.includes('&amp;'));
  assert.equal(/(^|[^\\])\|/.test(out), false);
});

test('escapeMarkdown escapes block markup at the start of a line', () => {
  assert.equal(escapeMarkdown('# heading'), '\\# heading');
  assert.equal(escapeMarkdown('- item'), '\\- item');
  assert.equal(escapeMarkdown('1. item'), '1\\. item');
  assert.equal(escapeMarkdown('> quote'), '&gt; quote');
  assert.equal(escapeMarkdown('2017 was'), '2017 was');
});

test('cut keeps every shown part an exact slice, with the ellipsis in the middle', () => {
  const s = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
  const out = cut(s, 80);
  assert.ok(out.length <= 82, out);
  const [head, tail] = out.split(' … ');
  assert.ok(head && s.startsWith(head));
  assert.ok(tail && s.endsWith(tail));
  assert.equal(cut('short', 80), 'short');
  const end = cutStart(s, 40);
  assert.ok(end.startsWith('…') && s.endsWith(end.slice(1)));
});

test('quoted does not double the quote marks of a quotation', () => {
  assert.equal(quoted('plain words'), '“plain words”');
  assert.equal(quoted('“It has not been limited,”'), '“It has not been limited,”');
});

test('percent', () => {
  assert.equal(percent(0.62), '62%');
  assert.equal(percent(0.001), '<1%');
  assert.equal(percent(0), '0%');
});
