import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Token } from '../model/index.js';
import { wordsOf } from './signal-words.js';

const tok = (start: number, end: number, norm: string, kind: Token['kind'] = 'word'): Token => ({ start, end, norm, kind });

test('wordsOf reuses a token read as it is, and makes objects only after punctuation and for hyphen parts', () => {
  // "glorp, zib-wat 12 vell"
  const tokens = [tok(0, 5, 'glorp'), tok(5, 6, ',', 'punct'), tok(7, 14, 'zib-wat'), tok(15, 17, '12', 'number'), tok(18, 22, 'vell')];
  const words = wordsOf(tokens);
  assert.deepEqual(
    words.map((w) => [w.start, w.end, w.norm, w.kind, w.gap ?? false]),
    [
      [0, 5, 'glorp', 'word', false],
      [7, 10, 'zib', 'word', true],
      [11, 14, 'wat', 'word', false],
      [15, 17, '12', 'number', false],
      [18, 22, 'vell', 'word', false],
    ],
  );
  assert.equal(words[0], tokens[0]);
  assert.equal(words[3], tokens[3]);
  assert.equal(words[4], tokens[4]);
});

test('a word after punctuation is a copy with gap set; the token is left as it was', () => {
  const tokens = [tok(0, 4, 'blip'), tok(4, 5, '.', 'punct'), tok(6, 10, 'frob')];
  const words = wordsOf(tokens);
  assert.equal(words[1]?.gap, true);
  assert.notEqual(words[1], tokens[2]);
  assert.equal('gap' in (tokens[2] as object), false);
});
