import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../collection/pipeline.js';
import { prepare } from './prepare.js';
import { headlineTermsOf, isTitleCase, termsOf } from './terms.js';
import { lowerBound } from './names.js';

const TEXT =
  'Singer Mara Vell Checks Into Harlow Springs Clinic After Leaving Tour\n' +
  'The singer Mara Vell checked into the Harlow Springs Clinic on Monday, her manager said.\n' +
  'She had cancelled the last six dates of her tour last week.\n';

function wordsOf(p: ReturnType<typeof prepare>, line: number): [number, number] {
  const s = p.sentences[line];
  assert.ok(s);
  const first = lowerBound(p.words, s.start);
  let last = first;
  while (last < p.words.length && (p.words[last]?.end ?? Infinity) <= s.end) last++;
  return [first, last];
}

test('a title-case headline is read through the body names it repeats, its other words as words', () => {
  const p = prepare(analyzeText(TEXT, { uri: 'test:headline' }));
  const [hf, hl] = wordsOf(p, 0);
  const [bf, bl] = wordsOf(p, 1);
  assert.equal(isTitleCase(p, hf, hl), true);
  assert.equal(isTitleCase(p, bf, bl), false);
  const body = termsOf(p, bf, bl, new Map());
  const headline = headlineTermsOf(p, hf, hl, new Map());
  // The names of the body sentence, and its verb, are terms of the headline too.
  const names = [...body].filter((t) => t.startsWith('e:') && t !== 'e:monday');
  assert.ok(names.length >= 1, `names in the body: ${[...body].join(' ')}`);
  for (const t of names) assert.ok(headline.has(t), `${t} in ${[...headline].join(' ')}`);
  assert.ok(headline.has('s:check'), [...headline].join(' '));
  // No name of the headline swallows its verb.
  for (const t of headline) assert.ok(!(t.startsWith('e:') && t.includes('check')), t);
});
