import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffTexts, diffWords, words } from './diff.js';

test('words: letters and digits with inner . , and apostrophes, one mark each', () => {
  assert.deepEqual(words('He said: "1,200 don\'t" $1.5.').map((w) => w.text), ['He', 'said', ':', '"', '1,200', "don't", '"', '$', '1.5', '.']);
  assert.deepEqual(words('  '), []);
});

test('a changed number is one change with the spans of both versions', () => {
  const before = 'Police said 12 people were hurt on Monday.';
  const after = 'Police said 14 people were hurt on Monday.';
  const d = diffTexts(before, after);
  assert.equal(d.length, 1);
  assert.equal(d[0]!.kind, 'change');
  assert.equal(before.slice(d[0]!.before.start, d[0]!.before.end), '12');
  assert.equal(after.slice(d[0]!.after.start, d[0]!.after.end), '14');
  assert.equal(d[0]!.beforeText, '12');
});

test('insertions and deletions: an empty span on the other side, where the words were', () => {
  const before = 'The mayor spoke. Nobody was hurt. The road is closed.';
  const after = 'The mayor spoke. The road is closed. The council denied the report.';
  const d = diffTexts(before, after);
  assert.deepEqual(d.map((x) => [x.kind, x.beforeText, x.afterText]), [['delete', 'Nobody was hurt.', ''], ['insert', '', 'The council denied the report.']]);
  const del = d[0]!;
  assert.equal(del.after.start, del.after.end);
  assert.equal(after.slice(0, del.after.start), 'The mayor spoke.');
  for (const x of d) {
    assert.equal(before.slice(x.before.start, x.before.end), x.beforeText);
    assert.equal(after.slice(x.after.start, x.after.end), x.afterText);
  }
});

test('the same words are no difference; whitespace alone is none', () => {
  assert.deepEqual(diffTexts('a b  c', 'a  b c'), []);
});

test('every hunk is a real difference, and the edits rebuild the new text (random edits)', () => {
  let seed = 7;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const vocab = ['the', 'a', 'police', 'said', '12', '14', 'mayor', 'denied', '.', ',', 'report'];
  for (let round = 0; round < 200; round++) {
    const a = Array.from({ length: rnd(30) }, () => vocab[rnd(vocab.length)]!);
    const b = a.slice();
    for (let e = rnd(6); e > 0; e--) {
      const at = rnd(b.length + 1);
      if (rnd(2) === 0 && b.length > 0) b.splice(at % b.length, 1);
      else b.splice(at, 0, vocab[rnd(vocab.length)]!);
    }
    const before = a.join(' ');
    const after = b.join(' ');
    const d = diffTexts(before, after);
    // Apply the hunks to `before`, last first: the result has the words of `after`.
    let rebuilt = before;
    for (const x of [...d].reverse()) rebuilt = rebuilt.slice(0, x.before.start) + (x.before.start === x.before.end ? ` ${x.afterText} ` : x.afterText) + rebuilt.slice(x.before.end);
    assert.deepEqual(words(rebuilt).map((w) => w.text), words(after).map((w) => w.text), `round ${round}: ${before} -> ${after}`);
    for (const x of d) assert.notEqual(x.beforeText, x.afterText);
  }
});

test('past the edit cap the middle is one change; the cost stays bounded', () => {
  const a = words(Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' '));
  const b = words(Array.from({ length: 3000 }, (_, i) => `v${i}`).join(' '));
  const hunks = diffWords(a, b, 50);
  assert.deepEqual(hunks, [{ aStart: 0, aEnd: 3000, bStart: 0, bEnd: 3000 }]);
});
