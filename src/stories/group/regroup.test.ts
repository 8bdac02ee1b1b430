import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Clusterer, regroup } from './clusterer.js';
import { DocumentFrequency } from './df.js';
import type { Features } from './features.js';
import { EMPTY_INDEX, REGROUP, regroupOff, type RegroupMember } from './regroup.js';

// Two mill fires in one town, years apart, in a collection of many other stories: the words of
// a mill fire are rare in the collection and weigh most, so the reports of the second fire are
// as alike to the first's as to each other. Each fire's reports also share its own mill, street
// and the day it burned; the later fire's reports name their year.
const KIND = ['mill', 'fire', 'blaze', 'firefighter', 'smoke', 'crew', 'engine', 'burn', 'flame', 'alarm', 'hose', 'ember'];
const FIRST = ['harlowe', 'canalside', 'tuesday', 'cotton', 'roof'];
const SECOND = ['brenning', 'quarry', 'sunday', 'timber', 'chimney'];

function report(event: readonly string[], n: number, marks: string[]): Features {
  const terms: [string, number][] = [...KIND.slice(0, 10 + (n % 3)).map((t) => [t, 2] as [string, number]), ...event.slice(0, 1 + (n % 3)).map((t) => [t, 1] as [string, number]), [`detail${n}`, 1], [`aside${n}`, 1]];
  return { terms, entities: [`place:${event[0]}`], minhash: [n, n + 1, n + 2, n + 3], time: null, marks };
}

/** The reports as a story of a collection of `others` unrelated articles: fingerprints weighed by the whole collection's counts. */
function story(features: readonly Features[], others: number): { members: RegroupMember[]; df: DocumentFrequency } {
  const df = new DocumentFrequency();
  for (let k = 0; k < others; k++) df.add([`other${k}`, `topic${k % 40}`, `word${k % 7}`]);
  for (const f of features) df.add([...f.terms.map(([t]) => t), ...f.entities.map((e) => `e:${e}`)]);
  const clusterer = new Clusterer(EMPTY_INDEX, df, false);
  return { members: features.map((f, n) => ({ fingerprint: clusterer.fingerprint(f), time: null, id: `r${String(n).padStart(2, '0')}`, features: f })), df };
}

test('two events of one kind in a story of a large collection: grouping the story on its own takes them apart by the later one\'s year', async () => {
  const features = [...Array(14).keys()].map((n) => (n % 2 === 0 ? report(FIRST, n, []) : report(SECOND, n, ['#y2019'])));
  const { members } = story(features, 600);
  assert.deepEqual(await regroupOff(members, regroup), [1, 3, 5, 7, 9, 11, 13]);
});

test('two groups of one story that only recall an older year are no two events: the newest year named is no group\'s own', async () => {
  // One side names the fire of years ago it recalls; a few of its reports also name this one's year.
  const features = [...Array(14).keys()].map((n) => (n % 2 === 0 ? report(FIRST, n, []) : report(SECOND, n, n === 1 || n === 7 ? ['#y2012', '#y2019'] : ['#y2012'])));
  const { members } = story(features, 600);
  assert.equal(await regroupOff(members, regroup), null);
});

test('a story under twice REGROUP.minSide members is never regrouped', async () => {
  const features = [...Array(2 * REGROUP.minSide - 1).keys()].map((n) => (n % 2 === 0 ? report(FIRST, n, []) : report(SECOND, n, ['#y2019'])));
  const { members } = story(features, 600);
  assert.equal(await regroupOff(members, regroup), null);
});

test('in a batch, the two fires end as two stories, each under an id of its own', async () => {
  const features = [...Array(14).keys()].map((n) => (n % 2 === 0 ? report(FIRST, n, []) : report(SECOND, n, ['#y2019'])));
  const df = new DocumentFrequency();
  for (let k = 0; k < 600; k++) df.add([`other${k}`, `topic${k % 40}`, `word${k % 7}`]);
  const plan = await new Clusterer(EMPTY_INDEX, df).planBatch(features.map((f, n) => ({ article: { id: `r${String(n).padStart(2, '0')}`, contentHash: `${String(n).padStart(12, '0')}` }, title: '', features: f })));
  const stories = new Map<string, string[]>();
  for (const [id, s] of plan.storyOf) stories.set(s, [...(stories.get(s) ?? []), id]);
  const events = [...stories.values()].map((ids) => [...new Set(ids.map((id) => Number(id.slice(1)) % 2))]);
  assert.ok(events.every((e) => e.length === 1), `a story mixes the two fires: ${JSON.stringify([...stories.values()])}`);
  assert.equal(new Set(plan.assignments.map((a) => a.storyId)).size, plan.assignments.length);
});

test('the later event\'s reports recall the earlier one\'s year more often than they name their own: the newest year, named by all of one group and none of the other, still parts them', async () => {
  // Each report of the second fire names the first fire's year first (its most named year), as
  // both sides do; only every year it names shows the second fire's own (REGROUP.years 'any').
  const features = [...Array(14).keys()].map((n) => (n % 2 === 0 ? report(FIRST, n, ['#y2012']) : report(SECOND, n, ['#y2012', '#y2019'])));
  const { members } = story(features, 600);
  assert.deepEqual(await regroupOff(members, regroup), [1, 3, 5, 7, 9, 11, 13]);
});
