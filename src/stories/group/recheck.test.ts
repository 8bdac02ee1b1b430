import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterBatch } from '../../collection/batch.js';
import { openSqliteStore } from '../../store/index.js';
import { toStore } from '../../store/rows.js';
import { testArticle } from '../testing.js';
import { Clusterer, type ClusterItem } from './clusterer.js';
import { signature } from './minhash.js';
import { SPLIT } from './split.js';

// ECB+ topic 24 in miniature: two Paris jewellery heists, four years apart. The first heist's
// reports came in one ingest batch and were committed as one story; the second's come in a later
// batch, and each joins that story on the words of their kind (Paris, jewellery, robbers, store).
// Seen with the stored members, the story holds two groups, each alike within and not across.
const KIND = ['paris', 'jewelleri', 'robber', 'store', 'heist', 'diamond'];
const FIRST = ['winston', 'boutiqu', 'disguis', 'women', 'champ'];
const SECOND = ['smash', 'car', 'ram', 'window', 'motorbik'];

function item(id: string, event: readonly string[], n: number): ClusterItem {
  const terms = [...event.slice(0, 3 + (n % 3)), ...KIND.slice(n % 2, 4 + (n % 2)), `detail${n}`, `quote${n}`];
  const article = testArticle(`${id}: ${terms.join(' ')}`, { id });
  return {
    article: toStore(article),
    title: id,
    features: {
      terms: terms.map((t, r) => [t, r < 3 ? 3 : 1] as [string, number]),
      entities: ['place:paris', `org:${event[0]}`],
      minhash: signature([id, ...terms]),
      time: null,
      marks: [],
    },
  };
}

test('a story committed by an earlier batch is split when a later batch brings a second event into it; the older part keeps its id', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    const clusterer = await Clusterer.open(store);
    const first = [0, 2, 4, 6].map((n) => item(`first-${n}`, FIRST, n));
    await clusterBatch(store, clusterer, first);
    const before = await store.storyOf(first.map((i) => i.article.id));
    const stored = new Set(before.values());
    assert.equal(stored.size, 1);
    const second = [1, 3, 5, 7].map((n) => item(`second-${n}`, SECOND, n));
    const { plan } = await clusterBatch(store, clusterer, second);
    // Each report of the second heist was placed in the first heist's stored story...
    assert.equal(plan.joined, 4);
    // ...and the story, seen whole with its stored members, came apart.
    const after = await store.storyOf([...first, ...second].map((i) => i.article.id));
    const [old] = [...stored];
    for (const i of first) assert.equal(after.get(i.article.id), old, i.article.id);
    const other = new Set(second.map((i) => after.get(i.article.id)));
    assert.equal(other.size, 1);
    assert.notEqual([...other][0], old);
    assert.deepEqual((await store.getStory(old as string))?.articleIds.slice().sort(), first.map((i) => i.article.id).sort());
    assert.deepEqual(await store.checkIntegrity(), []);
  } finally {
    await store.close();
  }
});

test('a stored story is not split when a later batch brings more reports of its own event', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    const clusterer = await Clusterer.open(store);
    await clusterBatch(store, clusterer, [0, 2, 4, 6].map((n) => item(`first-${n}`, FIRST, n)));
    await clusterBatch(store, clusterer, [1, 3, 5, 7].map((n) => item(`more-${n}`, FIRST, n)));
    const all = await store.storyOf([0, 2, 4, 6].map((n) => `first-${n}`).concat([1, 3, 5, 7].map((n) => `more-${n}`)));
    assert.equal(new Set(all.values()).size, 1);
  } finally {
    await store.close();
  }
});

test('a stored story that a batch adds only a few reports to, less than SPLIT.recheckShare of it, is not looked at again (its split would cost the whole story for each)', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    const clusterer = await Clusterer.open(store);
    const first = Array.from({ length: 13 }, (_, k) => item(`first-${2 * k}`, FIRST, 2 * k));
    await clusterBatch(store, clusterer, first);
    const second = [1, 3, 5].map((n) => item(`second-${n}`, SECOND, n));
    assert.ok(second.length >= SPLIT.minSide && second.length < SPLIT.recheckShare * first.length);
    await clusterBatch(store, clusterer, second);
    const all = await store.storyOf([...first, ...second].map((i) => i.article.id));
    assert.equal(new Set(all.values()).size, 1);
  } finally {
    await store.close();
  }
});
