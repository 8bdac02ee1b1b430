import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureDoc } from '../signal-fixture.js';
import { opinionOf } from '../opinion.js';
import { Working } from '../working.js';
import { checkworthyFeatures, Features } from './features.js';
import { fnv } from '../classifier/hash.js';

const DENSE = fnv('cw-d\u0001');
const CUES = ['first-person', 'second-person', 'future', 'past', 'comparison', 'superlative', 'modal', 'hedge-word'] as const;

/** The dense cues that fire on the first sentence of a body paragraph. */
function cuesOf(body: string): string[] {
  const doc = fixtureDoc([['body', body]]);
  const { view, sentences } = opinionOf(doc, new Working());
  const s = view.sentences.find((x) => x.kind === 'body');
  assert.ok(s);
  const f = new Features(64);
  checkworthyFeatures(view, s, sentences[s.index] as NonNullable<(typeof sentences)[number]>, s.from, s.to, false, f);
  const present = new Set(f.idx.subarray(0, f.n));
  return CUES.filter((c) => present.has(fnv(c, DENSE) | 0));
}

// The word lists are read through one table of bits per word (cueBits): each list must still
// fire on its words, first and second person only outside quotation marks.
test('check-worthiness cues fire on the words of their lists', () => {
  assert.deepEqual(cuesOf('We will probably build more homes than ever, I think.'), ['first-person', 'future', 'comparison', 'hedge-word']);
  // "should" is a finite form ending in -d: the model's "past" cue reads it so (as it was trained)
  assert.deepEqual(cuesOf('You should guess the biggest number.'), ['second-person', 'past', 'comparison', 'superlative', 'modal', 'hedge-word']);
  assert.deepEqual(cuesOf('The mayor was in town and closed the park.'), ['past']);
  // quoted "we" and "you" are the speaker's: no first or second person; "must" counts anywhere
  assert.deepEqual(cuesOf('The mayor said "we and you must go" on Monday.'), ['past', 'modal']);
  assert.deepEqual(cuesOf('The mayor opens the park on Monday.'), []);
});
