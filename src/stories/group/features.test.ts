import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../collection/pipeline.js';
import { words } from '../words.js';
import { articleFeatures } from './features.js';
import { hashString, mix } from './hash.js';
import { MINHASH, SIGNATURE_LENGTH, signature } from './minhash.js';

/** MinHash as its doc comment states it: per seed, the least mix(shingle hash ^ seed) over the shingles. */
function reference(norms: readonly string[]): number[] {
  const seeds = Array.from({ length: SIGNATURE_LENGTH }, (_, i) => mix(0x9e3779b9 ^ Math.imul(i + 1, 0x2545f491)));
  const hashes = norms.map((w) => hashString(w));
  const shingles: number[] = [];
  for (let i = 0; i < Math.max(1, hashes.length - MINHASH.shingle + 1); i++) {
    let h = 0;
    for (let j = i; j < Math.min(i + MINHASH.shingle, hashes.length); j++) h = mix((h ^ (hashes[j] as number)) + j - i);
    shingles.push(h);
  }
  return seeds.map((seed) => Math.min(...shingles.map((h) => mix(h ^ seed))));
}

test('signature is the least hash per seed over the word shingles', () => {
  const text = 'The ministers agreed on Monday to release 1,000 prisoners held in Pyongyang, and the prisoners’ families said they were relieved.';
  const norms = words(text).map((w) => w.norm);
  for (const ws of [norms, norms.slice(0, 4), norms.slice(0, 3), norms.slice(0, 1), []]) {
    const sig = signature(ws);
    assert.equal(sig.length, SIGNATURE_LENGTH);
    assert.deepEqual(sig, reference(ws), ws.join(' '));
  }
});

test('features of a known article: title words count double, numbers and stop words left out, forms stemmed together', () => {
  const text =
    'Ministers agree to release prisoners\n\nThe ministers agreed on Monday to release 1,000 prisoners held in Pyongyang. ' +
    'Releasing the prisoners was the main demand, Joseph Yun said. The release begins in March.';
  const article = analyzeText(text, { id: 'a1', publishedAt: '2017-06-13' });
  assert.equal(article.fields.title?.from, 'text');
  const f = articleFeatures(article);
  assert.deepEqual(f.terms, [
    ['releas', 5],
    ['prisoner', 4],
    ['agre', 3],
    ['minister', 3],
    ['begin', 1],
    ['demand', 1],
    ['held', 1],
    ['joseph', 1],
    ['main', 1],
    ['march', 1],
    ['monday', 1],
    ['pyongyang', 1],
    ['yun', 1],
  ]);
  assert.deepEqual(f.entities, ['person:joseph-yun', 'place:north-korea']);
  assert.deepEqual(f.minhash, signature(words(article.text).map((w) => w.norm)));
  assert.equal(f.time, Date.parse('2017-06-13'));
});

test('a title given by the record (not in the text) counts once', () => {
  const article = analyzeText('The ministers agreed to release prisoners.', { id: 'a2', title: 'Prisoners released' });
  assert.equal(article.fields.title?.from, 'record');
  const f = articleFeatures(article);
  assert.deepEqual(f.terms, [
    ['prisoner', 2],
    ['releas', 2],
    ['agre', 1],
    ['minister', 1],
  ]);
  assert.deepEqual(f.entities, []);
  assert.equal(f.time, null);
});

test('marks are the years the text names, most named first; other numbers are not marks', () => {
  const a = analyzeText('Riots in Athens\n\nThe riots of December 2008 returned in 2010, when 3 people died and 1,500 marched. In 2010 the police said 45 were held.', { id: 'a' });
  const f = articleFeatures(a);
  assert.deepEqual(f.marks, ['#y2010', '#y2008']);
  assert.ok(!f.terms.some(([t]) => t.startsWith('#')));
});
