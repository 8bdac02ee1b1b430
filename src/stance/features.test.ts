import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildVocabulary, pairFeatures, prepareBody, prepareClaim, DENSE_NAMES, HASH_DIM } from './features.js';
import { sentenceSpans, stem, tokenize } from './text.js';

const BODIES = [
  'The council voted on Tuesday to close the library. The mayor confirmed the vote.',
  'A white kangaroo was seen in a park in Queensland. Rangers took photos of it.',
  'Officials denied reports that the library will close. "It is a hoax," the mayor said.',
];

test('tokens carry offsets into the text and stems match inflections', () => {
  const text = 'Police denied the reports; 3.5 million users don\'t agree.';
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end).toLowerCase(), t.lower);
  assert.equal(stem('denies'), stem('denied'));
  assert.equal(stem('reports'), 'report');
  assert.ok(tokenize(text).some((t) => t.isNumber && t.lower === '3.5'));
});

test('sentences are trimmed spans in order', () => {
  const text = '  First sentence is here. Second one follows!\nThird line without stop';
  const spans = sentenceSpans(text);
  assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['First sentence is here.', 'Second one follows!', 'Third line without stop']);
});

test('features are deterministic and have the documented length', () => {
  const vocab = buildVocabulary(BODIES);
  const run = (): ReturnType<typeof pairFeatures> => pairFeatures(prepareClaim('Library to close, council says'), prepareBody(BODIES[2] ?? '', vocab), vocab);
  const a = run();
  const b = run();
  assert.deepEqual(a, b);
  assert.equal(a.dense.length, DENSE_NAMES.length);
  assert.ok(a.dense.every(Number.isFinite));
  assert.ok(a.sparseIndex.every((i) => i >= 0 && i < HASH_DIM));
  assert.deepEqual([...a.sparseIndex].sort((x, y) => x - y), a.sparseIndex);
});

test('overlap features rank the matching body above an unrelated one', () => {
  const vocab = buildVocabulary(BODIES);
  const claim = prepareClaim('Council votes to close the library');
  const match = pairFeatures(claim, prepareBody(BODIES[0] ?? '', vocab), vocab);
  const other = pairFeatures(claim, prepareBody(BODIES[1] ?? '', vocab), vocab);
  assert.ok((match.dense[0] ?? 0) > (other.dense[0] ?? 0));
  assert.equal(other.dense[0], 0);
});
