import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentFrequency } from './df.js';
import { PAIR_FEATURES, pairFeatures, samePairProbability } from './pair.js';
import type { Keyed } from './similarity.js';

const keyed = (terms: string[], entities: string[], years: string[] = []): Keyed => ({
  fingerprint: { terms: [...terms, ...years.map((y) => `#y${y}`)], entities, minhash: [1, 2, 3, 4] },
  time: null,
});

test('pair features: rare names shared read apart from common words shared, and the years named', () => {
  const df = new DocumentFrequency();
  // A collection where the words of the kind are in every document and the names in two.
  for (let n = 0; n < 40; n++) df.add(['earthquak', 'magnitud', 'struck', ...(n < 2 ? ['lorca', 'e:place:lorca'] : [])]);
  const a = keyed(['lorca', 'earthquak', 'magnitud', 'struck'], ['place:lorca'], ['2011']);
  const b = keyed(['lorca', 'earthquak', 'magnitud', 'struck'], ['place:lorca'], ['2011']);
  const c = keyed(['earthquak', 'magnitud', 'struck', 'aquila'], ['place:aquila'], ['2009']);
  const same = pairFeatures(a, b, df);
  const other = pairFeatures(a, c, df);
  assert.equal(same.length, PAIR_FEATURES.length);
  for (const f of [...same.slice(1), ...other.slice(1)]) assert.ok(f >= 0 && f <= 1, String(f));
  const at = (name: (typeof PAIR_FEATURES)[number], x: number[]): number => x[PAIR_FEATURES.indexOf(name)] as number;
  assert.ok(at('sharedRareTerms', same) > 0 && at('sharedRareTerms', other) === 0);
  assert.ok(at('sharedCommonTerms', other) > 0);
  assert.equal(at('sameYear', same), 1);
  assert.equal(at('otherYears', other), 1);
  // A model that weighs rare names up and other years down puts the first pair above the second.
  const weights = PAIR_FEATURES.map((f) => (f === 'sharedRareTerms' ? 3 : f === 'otherYears' ? -2 : 0.5));
  const model = { features: PAIR_FEATURES, weights: [...weights, -1] };
  assert.ok(samePairProbability(same, model) > samePairProbability(other, model));
});
