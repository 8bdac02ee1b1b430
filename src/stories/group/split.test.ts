import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentFrequency } from './df.js';
import { JOIN, SPLIT, joinParts, splitOff } from './split.js';
import { similarity, type Keyed } from './similarity.js';

// ECB+ topic 7 in miniature: one champion's two title fights, four years apart, four reports each.
// The reports share the champion and the words of a title fight; each fight's reports also share
// the challenger, the city and the round, which the other fight's reports lack.
const KIND = ['klitschko', 'heavyweight', 'title', 'champion', 'belt', 'knockout'];
const FIRST = ['rahman', 'mannheim', 'seventh', 'referee', 'stopped'];
const SECOND = ['thompson', 'bern', 'sixth', 'challenger', 'retain'];
const report = (event: readonly string[], n: number): Keyed => ({
  fingerprint: {
    terms: [...event.slice(0, 3 + (n % 3)), ...KIND.slice(n % 2, 4 + (n % 2)), `detail${n}`, `quote${n}`],
    entities: ['person:wladimir-klitschko', `person:${event[0]}`],
    minhash: [n, n + 1, n + 2, n + 3],
  },
  time: null,
});

test('two events of one kind told in one story come apart; the founder keeps its story', () => {
  const df = new DocumentFrequency();
  // Interleaved, as reports of the two events arrive (or sort by name) in one batch.
  const members = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => report(n % 2 === 0 ? FIRST : SECOND, n));
  // Every report of the second fight is like enough to the first fight's to join its story.
  for (let n = 1; n < 8; n += 2) assert.ok(similarity(members[n] as Keyed, members[0] as Keyed, df) >= 0.11, `report ${n}`);
  assert.deepEqual(splitOff(members, df), [1, 3, 5, 7]);
});

test('two events come apart also when the story holds a report unlike the rest (the agglomeration cuts off that one alone)', () => {
  const df = new DocumentFrequency();
  const members = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => report(n % 2 === 0 ? FIRST : SECOND, n));
  // A report that shares nothing with the others (a page that joined on a word of its title).
  const stray: Keyed = { fingerprint: { terms: ['weather', 'forecast', 'rain', 'klitschko'], entities: [], minhash: [99] }, time: null };
  members.push(stray);
  for (let n = 0; n < 8; n++) assert.equal(similarity(stray, members[n] as Keyed, df), 0);
  assert.deepEqual(splitOff(members, df), [1, 3, 5, 7]);
});

test('one event told many ways stays one story, and so does a story too small to read two groups in', () => {
  const df = new DocumentFrequency();
  const one = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => report(FIRST, n));
  assert.equal(splitOff(one, df), null);
  const small = [0, 1, 2, 3, 4].map((n) => report(n % 2 === 0 ? FIRST : SECOND, n));
  assert.ok(small.length < 2 * SPLIT.minSide);
  assert.equal(splitOff(small, df), null);
});

test('parts of one event that arrived apart are joined; two events of one kind are not', () => {
  const df = new DocumentFrequency();
  const first = [0, 2, 4, 6].map((n) => report(FIRST, n));
  const second = [1, 3, 5, 7].map((n) => report(SECOND, n));
  // The first fight's reports in two stories and a lone one, the second fight's in one.
  const stories = [first.slice(0, 2), second, first.slice(2, 3), first.slice(3)];
  assert.deepEqual(joinParts(stories, df), [[0, 2, 3]]);
  // Nothing shared, nothing joined (and no similarity computed).
  const other = (n: number): Keyed => ({ fingerprint: { terms: [`storm${n}`, 'flood', 'rain', 'river'], entities: [], minhash: [n] }, time: null });
  assert.deepEqual(joinParts([first, [other(1), other(2)]], df), []);
});
