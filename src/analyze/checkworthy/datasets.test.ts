import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLines } from './datasets.js';

test('a transcript line the cleaner repaired keeps its span (it was lost and scored 0)', () => {
  // invented; the middle line carries mojibake that extraction repairs, so it is not found verbatim
  const ld = analyzeLines(['The plant opened in 1998.', 'He said, Ã¢â€°Â¥Well, the plant closed in 2004 and moved south.', 'That is all.'], 'test:repaired');
  const [a, b, c] = ld.lineSpans;
  assert.ok(a && b && c, JSON.stringify(ld.lineSpans));
  assert.ok(a.end <= b.start && b.end <= c.start);
  assert.match(ld.doc.text.slice(b.start, b.end), /^He said, .*moved south\.$/);
});
