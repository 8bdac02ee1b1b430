/**
 * The contract every Store implementation passes (hono's `runTest` for its routers): one
 * suite of node:test tests, run by each implementation's test file against its own driver.
 *   runStoreContract('sqlite file', { fresh, open, module, persistent: true })
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from './store.js';
import { makeArticle, makeArticles, makeStory } from './test-fixtures.js';
import { toStore } from './rows.js';
import { runCrashContract } from './contract-crash.js';

export interface StoreDriver {
  /** A new location holding no database yet (a temp file path, a new schema's URL). */
  fresh(): Promise<string>;
  open(location: string): Promise<Store>;
  /** True when a location outlives its connection (a file; not ':memory:'): enables the reopen and crash tests. */
  persistent: boolean;
  /** Module exporting `openStore(location)`, imported by the crash test's child process. */
  module?: string;
  /** Called once after the suite: remove what fresh() made. */
  cleanup?(): Promise<void>;
}

export function runStoreContract(name: string, driver: StoreDriver): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    const opened: Store[] = [];
    const fresh = async (): Promise<Store> => {
      const s = await driver.open(await driver.fresh());
      opened.push(s);
      return s;
    };
    before(async () => {
      store = await fresh();
    });
    after(async () => {
      for (const s of opened) await s.close();
      await driver.cleanup?.();
    });

    test('putArticles is idempotent by content hash, reports duplicates and id conflicts', async () => {
      const s = await fresh();
      const [a, b, c] = makeArticles(3);
      assert.ok(a && b && c);
      assert.deepEqual(await s.putArticles([a, b, a]), { inserted: [a.id, b.id], duplicates: [a.id], conflicts: [] });
      assert.deepEqual(await s.putArticles([a, b, c]), { inserted: [c.id], duplicates: [a.id, b.id], conflicts: [] });
      const sameId = makeArticle({ id: a.id, text: 'Different content under the same id.' });
      assert.deepEqual(await s.putArticles([sameId]), { inserted: [], duplicates: [], conflicts: [a.id] });
      assert.deepEqual(await s.hasContent([a.contentHash, sameId.contentHash, 'nope']), new Set([a.contentHash]));
      assert.equal((await s.stats()).articles, 3);
      assert.deepEqual(await s.checkIntegrity(), []);
    });

    test('an article with every layer comes back byte for byte', async () => {
      const a = makeArticle({ id: 'full-1', title: 'Héllo “wörld” — U.S. 😀', outlet: 'Wire', publishedAt: '2017-11-02T14:05:00+02:00' });
      await store.putArticles([a]);
      const back = await store.getArticle('full-1');
      assert.equal(JSON.stringify(back), JSON.stringify(a));
      assert.equal(await store.getArticle('missing'), null);
      const b = makeArticle({ id: 'full-2', title: null, outlet: null, publishedAt: null });
      await store.putArticles([b]);
      assert.equal(JSON.stringify(await store.getArticle('full-2')), JSON.stringify(b));
      assert.deepEqual((await store.getArticles(['full-2', 'missing', 'full-1'])).map((x) => x.id), ['full-2', 'full-1']);
    });

    test('a story round-trips, with its facts in order and its membership', async () => {
      const s = await fresh();
      const arts = makeArticles(3, (i) => ({ outlet: `Outlet ${i % 2}` }));
      await s.putArticles(arts);
      const story = makeStory('s1', arts);
      await s.putStory(story);
      assert.equal(JSON.stringify(await s.getStory('s1')), JSON.stringify(story));
      assert.equal(await s.getStory('nope'), null);
      assert.deepEqual([...(await s.storyOf(arts.map((a) => a.id))).values()], ['s1', 's1', 's1']);
      const [summary] = await s.listStories({ order: 'newest', limit: 10 });
      assert.deepEqual(summary, {
        id: 's1', title: story.title, articleCount: 3, outletCount: 2, outlets: ['Outlet 0', 'Outlet 1'],
        firstPublished: '2017-11-01', lastPublished: '2017-11-03',
        facts: { corroborated: 1, singleSource: 1, disputed: 1 }, stale: false,
      });
    });

    test('putStory replaces facts, reuse and membership; remove deletes merged-away stories', async () => {
      const s = await fresh();
      const arts = makeArticles(4);
      const [a0, a1, a2, a3] = arts;
      assert.ok(a0 && a1 && a2 && a3);
      await s.putArticles(arts);
      await s.putStories([makeStory('A', [a0, a1]), makeStory('B', [a2, a3])]);
      // Replace A with fewer members and one fact.
      const smaller = { ...makeStory('A', [a0]), facts: [] };
      await s.putStory(smaller);
      assert.equal(JSON.stringify(await s.getStory('A')), JSON.stringify(smaller));
      assert.equal((await s.storyOf([a1.id])).get(a1.id), null);
      assert.equal((await s.search('council met A', { limit: 10, kinds: ['fact'] })).length, 0);
      // Merge B into A.
      const merged = makeStory('A', [a0, a1, a2, a3], 'Merged story');
      await s.putStory(merged, { remove: ['B'] });
      assert.equal(await s.getStory('B'), null);
      assert.equal(JSON.stringify(await s.getStory('A')), JSON.stringify(merged));
      assert.deepEqual([...(await s.storyOf(arts.map((a) => a.id))).values()], ['A', 'A', 'A', 'A']);
      assert.equal((await s.search('twelve', { limit: 10, kinds: ['fact'] })).map((h) => h.storyId).join(), 'A');
      const stats = await s.stats();
      assert.equal(stats.stories, 1);
      assert.equal(stats.facts, 3);
      assert.equal(stats.unassigned, 0);
      assert.deepEqual(await s.checkIntegrity(), []);
    });

    test('a story that loses articles to another is refreshed, and deleted when empty', async () => {
      const s = await fresh();
      const [a0, a1, a2] = makeArticles(3);
      assert.ok(a0 && a1 && a2);
      await s.putArticles([a0, a1, a2]);
      await s.putStories([makeStory('A', [a0]), makeStory('B', [a1, a2])]);
      await s.putStory(makeStory('A', [a0, a1]));
      const b = await s.getStory('B');
      assert.deepEqual(b?.articleIds, [a2.id]);
      assert.deepEqual(await s.staleStories(10), ['B']);
      await s.putStory(makeStory('A', [a0, a1, a2]));
      assert.equal(await s.getStory('B'), null);
      assert.deepEqual(await s.staleStories(10), []);
    });

    test('assignArticles lets a late article join its story and marks it stale', async () => {
      const s = await fresh();
      const [a0, a1, late] = makeArticles(3, (i) => ({ outlet: `O${i}`, publishedAt: `2017-11-0${i + 1}` }));
      assert.ok(a0 && a1 && late);
      await s.putArticles([a0, a1, late]);
      await s.putStory(makeStory('A', [a0, a1]));
      assert.deepEqual(await s.assignArticles('A', [late.id, 'ghost', a0.id]), { assigned: [late.id, a0.id], missing: ['ghost'] });
      const story = await s.getStory('A');
      assert.deepEqual(story?.articleIds, [a0.id, a1.id, late.id]);
      assert.deepEqual(story?.outlets, ['O0', 'O1', 'O2']);
      assert.equal(story?.lastPublished, '2017-11-03');
      const [summary] = await s.listStories({ order: 'largest', limit: 1 });
      assert.equal(summary?.articleCount, 3);
      assert.equal(summary?.stale, true);
      assert.deepEqual(await s.staleStories(10), ['A']);
      await s.putStory(makeStory('A', [a0, a1, late]));
      assert.deepEqual(await s.staleStories(10), []);
      await assert.rejects(s.assignArticles('no-such-story', [a0.id]));
    });

    test('listStories orders, filters and pages', async () => {
      const s = await fresh();
      const arts = makeArticles(12, (i) => ({ outlet: i % 3 === 0 ? 'Fox' : 'Wire', publishedAt: `2017-11-${String(10 + i).padStart(2, '0')}` }));
      await s.putArticles(arts);
      // Story k holds articles [k*2, k*2+1] except story 0 which holds 4.
      const stories = [makeStory('s0', arts.slice(0, 4)), ...[2, 3, 4, 5].map((k) => makeStory(`s${k - 1}`, arts.slice(k * 2, k * 2 + 2)))];
      await s.putStories(stories);
      const ids = async (o: Parameters<Store['listStories']>[0]) => (await s.listStories(o)).map((x) => x.id);
      assert.deepEqual(await ids({ order: 'newest', limit: 10 }), ['s4', 's3', 's2', 's1', 's0']);
      assert.deepEqual((await ids({ order: 'largest', limit: 10 }))[0], 's0');
      assert.deepEqual(await ids({ order: 'largest', limit: 10 }), ['s0', 's1', 's2', 's3', 's4']);
      assert.deepEqual(await ids({ order: 'newest', limit: 2 }), ['s4', 's3']);
      assert.deepEqual(await ids({ order: 'newest', limit: 2, offset: 2 }), ['s2', 's1']);
      assert.deepEqual(await ids({ order: 'newest', limit: 2, offset: 4 }), ['s0']);
      // s1: 14,15  s2: 16,17  s3: 18,19  s4: 20,21  s0: 10..13
      assert.deepEqual(await ids({ order: 'newest', limit: 10, since: '2017-11-17' }), ['s4', 's3', 's2']);
      assert.deepEqual(await ids({ order: 'newest', limit: 10, until: '2017-11-14' }), ['s1', 's0']);
      // A date-only publication sorts before every time of its day: s1's "2017-11-15" is before noon.
      assert.deepEqual(await ids({ order: 'newest', limit: 10, since: '2017-11-15T12:00:00Z', until: '2017-11-16' }), ['s2']);
      // Fox: articles 0,3,6,9 -> s0 (0,3), s2 (6), s3 (9)
      assert.deepEqual(await ids({ order: 'newest', limit: 10, outlet: 'Fox' }), ['s3', 's2', 's0']);
      assert.deepEqual(await ids({ order: 'newest', limit: 10, outlet: 'Nobody' }), []);
    });

    test('search finds articles, stories and facts, and tricky input never breaks it', async () => {
      const s = await fresh();
      const a = makeArticle({ id: 'us', title: 'U.S. envoy visits Pyongyang', text: "The U.S. envoy met O'Brien; officials said \"talks\" went well. Councillors agreed." });
      const b = makeArticle({ id: 'other', title: 'Weather report', text: 'Rain tomorrow across the region.' });
      await s.putArticles([a, b]);
      await s.putStory(makeStory('story-us', [a], 'Envoy in Pyongyang'));
      const hits = await s.search('pyongyang', { limit: 10 });
      assert.deepEqual(hits.map((h) => `${h.kind}:${h.id}`).sort(), ['article:us', 'story:story-us']);
      const art = hits.find((h) => h.kind === 'article');
      assert.equal(art?.storyId, 'story-us');
      assert.match(art?.snippet ?? '', /\[Pyongyang\]/);
      assert.deepEqual((await s.search('U.S.', { limit: 10, kinds: ['article'] })).map((h) => h.id), ['us']);
      assert.deepEqual((await s.search('twelve hurt', { limit: 10 })).map((h) => `${h.kind}:${h.storyId}`), ['fact:story-us']);
      assert.deepEqual((await s.search('counc*', { limit: 10, kinds: ['article'] })).map((h) => h.id), ['us']);
      assert.deepEqual((await s.search('rain', { limit: 10, highlight: ['<b>', '</b>'] }))[0]?.snippet.includes('<b>Rain</b>'), true);
      for (const tricky of ['"', "'", '"talks', 'AND', 'OR NOT', 'NEAR(a b)', 'title:weather', '*', '(((', '^x', '-', 'a"b', "o'brien", '', '   ', '\u0000', 'weather + rain']) {
        const found = await s.search(tricky, { limit: 5 });
        assert.ok(Array.isArray(found), tricky);
      }
      assert.deepEqual((await s.search("o'brien", { limit: 5, kinds: ['article'] })).map((h) => h.id), ['us']);
      assert.deepEqual((await s.search('title:weather', { limit: 5, kinds: ['article'] })).map((h) => h.id), []);
      assert.deepEqual(await s.search('pyongyang', { limit: 0 }), []);
    });

    test('exports stream every row in order, leaving the store usable between rows', async () => {
      const s = await fresh();
      const arts = makeArticles(1200);
      await s.putArticles(arts);
      await s.putStories([makeStory('x', arts.slice(0, 3)), makeStory('y', arts.slice(3, 5))]);
      let n = 0;
      for await (const r of s.exportArticles()) {
        assert.equal(r.id, arts[n]?.id);
        if (n === 1100) assert.equal((await s.getArticle(r.id))?.id, r.id); // no cursor held between pages
        n++;
      }
      assert.equal(n, 1200);
      const first = (await collect(s.exportArticles(), 1))[0];
      assert.deepEqual(Object.keys(first ?? {}).sort(), ['byline', 'contentHash', 'id', 'lang', 'outlet', 'publishedAt', 'storyId', 'title', 'uri', 'url']);
      assert.equal(first?.storyId, 'x');
      const stories = await collect(s.exportStories());
      assert.deepEqual(stories.map((x) => [x.id, x.articleIds.length]), [['x', 3], ['y', 2]]);
      const facts = await collect(s.exportFacts());
      assert.equal(facts.length, 6);
      assert.deepEqual(facts.slice(0, 3).map((f) => f.status), ['corroborated', 'single-source', 'disputed']);
    });

    test('fingerprints round-trip and candidateStories ranks by shared keys within a window', async () => {
      const s = await fresh();
      const arts = makeArticles(5, (i) => ({ publishedAt: `2017-11-0${i + 1}` }));
      const [a0, a1, a2, a3, a4] = arts;
      assert.ok(a0 && a1 && a2 && a3 && a4);
      await s.putArticles(arts);
      await s.putStories([makeStory('korea', [a0, a1]), makeStory('weather', [a2]), makeStory('late', [a3])]);
      const fp = (entities: string[], terms: string[], bands: string[] = []) => ({ entities, terms, minhash: [0, 1, 0xffffffff, 123456789], bands });
      await s.putFingerprints([
        { articleId: a0.id, fingerprint: fp(['place:north-korea', 'person:pak-song-il'], ['diplomat', 'talks'], ['b0:17']) },
        { articleId: a1.id, fingerprint: fp(['place:north-korea'], ['missile']) },
        { articleId: a2.id, fingerprint: fp([], ['rain', 'talks']) },
        { articleId: a3.id, fingerprint: fp(['place:north-korea'], ['talks']) },
        { articleId: a4.id, fingerprint: fp(['place:north-korea'], ['talks']) }, // in no story: not a candidate
      ]);
      // Read back with its article's publication, which the clusterer's time window needs.
      assert.deepEqual((await s.getFingerprints([a0.id, 'missing'])).get(a0.id), { ...fp(['place:north-korea', 'person:pak-song-il'], ['diplomat', 'talks'], ['b0:17']), publishedAt: a0.publishedAt });
      const q = { entities: ['place:north-korea', 'person:pak-song-il'], terms: ['talks', 'missile'], limit: 10 };
      const all = await s.candidateStories(q);
      assert.deepEqual(all.map((c) => c.storyId), ['korea', 'late', 'weather']);
      assert.deepEqual(all[0]?.articleIds, [a0.id, a1.id]);
      assert.ok((all[0]?.score ?? 0) > (all[1]?.score ?? 0));
      assert.deepEqual((await s.candidateStories({ ...q, since: '2017-11-03', until: '2017-11-03' })).map((c) => c.storyId), ['weather']);
      assert.deepEqual((await s.candidateStories({ ...q, limit: 1 })).map((c) => c.storyId), ['korea']);
      assert.deepEqual((await s.candidateStories({ bands: ['b0:17'], limit: 5 })).map((c) => c.storyId), ['korea']);
      // perKey reads the most recent postings of each key first.
      assert.deepEqual((await s.candidateStories({ entities: ['place:north-korea'], perKey: 2, limit: 5 })).map((c) => c.storyId), ['late']);
      // Replacing a fingerprint replaces its postings.
      await s.putFingerprints([{ articleId: a3.id, fingerprint: fp([], ['sport']) }]);
      assert.deepEqual((await s.candidateStories({ entities: ['place:north-korea'], limit: 5 })).map((c) => c.storyId), ['korea']);
      await assert.rejects(s.putFingerprints([{ articleId: 'ghost', fingerprint: fp([], []) }]));
      assert.equal((await s.stats()).fingerprints, 5);
    });

    test('candidateStoriesMany answers each query as candidateStories does, in order', async () => {
      const s = await fresh();
      const arts = makeArticles(12, (i) => ({ publishedAt: i % 5 === 4 ? null : `2017-11-${String(1 + (i % 9)).padStart(2, '0')}` }));
      await s.putArticles(arts);
      const pick = (ks: number[]) => ks.map((k) => arts[k]).filter((a) => a !== undefined);
      await s.putStories([makeStory('m1', pick([0, 1, 2])), makeStory('m2', pick([3, 4])), makeStory('m3', pick([5, 6, 7, 8])), makeStory('m4', pick([9, 10]))]);
      const words = ['talks', 'missile', 'rain', 'court', 'vote'];
      await s.putFingerprints(
        arts.map((a, i) => ({
          articleId: a.id,
          fingerprint: { entities: [`place:p${i % 3}`], terms: words.filter((_, w) => (i + w) % 2 === 0), minhash: [i], bands: [`b${i % 4}`] },
        })),
      );
      const queries = [
        { entities: ['place:p0', 'place:p1'], terms: ['talks', 'rain'], limit: 3 },
        { terms: ['talks', 'rain'], entities: ['place:p1', 'place:p0'], limit: 3, since: '2017-11-02', until: '2017-11-05' },
        { terms: ['court'], bands: ['b1', 'b2'], limit: 2, perKey: 1 },
        { entities: ['place:p2'], terms: ['missile', 'vote', 'missile'], limit: 10, perKey: 2, since: '2017-11-04' },
        { terms: [], limit: 5 },
        { bands: ['b3'], limit: 0 },
        { entities: ['place:p0', 'place:p1'], terms: ['talks', 'rain'], limit: 3 },
      ];
      const one = [];
      for (const q of queries) one.push(await s.candidateStories(q));
      assert.ok(one.some((c) => c.length > 1), 'some queries find several stories');
      assert.deepEqual(await s.candidateStoriesMany(queries), one);
      assert.deepEqual(await s.candidateStoriesMany([]), []);
    });

    test('the document-frequency sketch: commitBatch adds its counts to the stored ones', async () => {
      const s = await fresh();
      assert.equal(await s.getSketch(), null);
      const arts = makeArticles(3);
      const [a0, a1, a2] = arts;
      assert.ok(a0 && a1 && a2);
      await s.commitBatch({ articles: [toStore(a0)], fingerprints: [], assignments: [], sketch: { documents: 2, counts: [[3, 1], [70000, 2], [1048575, 1]] } });
      await s.commitBatch({ articles: [toStore(a1)], fingerprints: [], assignments: [], sketch: { documents: 1, counts: [[0, 4], [70000, 5]] } });
      await s.commitBatch({ articles: [toStore(a2)], fingerprints: [], assignments: [], sketch: { documents: 0, counts: [] } });
      assert.deepEqual(await s.getSketch(), { documents: 3, counts: [[0, 4], [3, 1], [70000, 7], [1048575, 1]] });
    });

    test('commitBatch writes articles, fingerprints and membership together; merged-away stories go', async () => {
      const s = await fresh();
      const arts = makeArticles(4, (i) => ({ outlet: `O${i}`, publishedAt: `2017-11-0${i + 1}` }));
      const [a0, a1, a2, a3] = arts;
      assert.ok(a0 && a1 && a2 && a3);
      const fp = { terms: ['talks'], entities: ['place:north-korea'], minhash: [1, 2], bands: ['x'] };
      const r = await s.commitBatch({
        articles: [a0, a1, a2].map(toStore),
        fingerprints: [a0, a1, a2].map((a) => ({ articleId: a.id, fingerprint: fp })),
        assignments: [{ storyId: 'A', title: 'Story A', articleIds: [a0.id, a1.id] }, { storyId: 'B', title: 'Story B', articleIds: [a2.id] }],
        state: { df: Uint8Array.from([1, 2, 3]) },
      });
      assert.deepEqual(r.inserted, [a0.id, a1.id, a2.id]);
      assert.deepEqual((await s.getStory('A'))?.articleIds, [a0.id, a1.id]);
      assert.equal((await s.getStory('A'))?.title, 'Story A');
      assert.deepEqual((await s.staleStories(10)).sort(), ['A', 'B']);
      assert.deepEqual([...((await s.getState('df')) ?? [])], [1, 2, 3]);
      assert.equal(await s.getState('nothing'), null);
      // A late article joins A and B is merged into A; a duplicate article is skipped.
      const again = await s.commitBatch({
        articles: [a3, a0].map(toStore),
        fingerprints: [{ articleId: a3.id, fingerprint: fp }, { articleId: a0.id, fingerprint: fp }],
        assignments: [{ storyId: 'A', title: 'ignored', articleIds: [a3.id, a2.id] }],
      });
      assert.deepEqual(again, { inserted: [a3.id], duplicates: [a0.id], conflicts: [] });
      assert.equal(await s.getStory('B'), null);
      assert.deepEqual((await s.getStory('A'))?.articleIds, [a0.id, a1.id, a3.id, a2.id].filter((id) => id !== a3.id && id !== a2.id).concat([a2.id, a3.id]));
      const stats = await s.stats();
      assert.deepEqual([stats.articles, stats.stories, stats.unassigned, stats.fingerprints], [4, 1, 0, 4]);
      assert.deepEqual(await s.checkIntegrity(), []);
    });

    test('stats count what is stored', async () => {
      const s = await fresh();
      const arts = makeArticles(3);
      await s.putArticles(arts);
      await s.putStory(makeStory('s', arts.slice(0, 2)));
      const stats = await s.stats();
      assert.ok(stats.schemaVersion >= 1);
      assert.deepEqual({ ...stats, schemaVersion: 0 }, { schemaVersion: 0, articles: 3, stories: 1, facts: 3, unassigned: 1, fingerprints: 0, staleStories: 0 });
    });

    test('pageStories walks the whole list with keyset cursors, in listStories order, filters included', async () => {
      const s = await fresh();
      // 300 stories of 1-3 articles: many share a date (and so a sort key), some are undated.
      const arts = makeArticles(600, (i) => ({
        outlet: i % 5 === 0 ? 'Fox' : 'Wire',
        publishedAt: i % 97 === 0 ? null : `2017-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`,
      }));
      await s.putArticles(arts);
      const stories = Array.from({ length: 300 }, (_, k) => makeStory(`p${(k * 37) % 300}`, arts.slice(2 * k, 2 * k + 1 + (k % 2))));
      await s.putStories(stories);
      const filters: Omit<Parameters<Store['pageStories']>[0], 'limit'>[] = [
        { order: 'newest' },
        { order: 'largest' },
        { order: 'newest', outlet: 'Fox' },
        { order: 'newest', since: '2017-06-01', until: '2017-09-30' },
        { order: 'largest', since: '2017-03-01' },
      ];
      for (const f of filters) {
        const all = (await s.listStories({ ...f, limit: 1000 })).map((x) => x.id);
        for (const limit of [7, 50]) {
          const walked: string[] = [];
          let after: Parameters<Store['pageStories']>[0]['after'];
          for (let pages = 0; pages < 400; pages++) {
            const page = await s.pageStories({ ...f, limit, ...(after ? { after } : {}) });
            assert.ok(page.stories.length <= limit);
            walked.push(...page.stories.map((x) => x.id));
            if (!page.next) break;
            assert.equal(page.stories.length, limit, 'only the last page is short');
            after = page.next;
          }
          assert.deepEqual(walked, all, `${JSON.stringify(f)} in pages of ${limit}`);
        }
      }
      assert.ok((await s.listStories({ order: 'newest', limit: 1000 })).some((x) => x.lastPublished === null), 'undated stories are in the walk');
      const summaries = await s.storySummaries(['p1', 'nope', 'p2']);
      assert.deepEqual([...summaries.keys()].sort(), ['p1', 'p2']);
      assert.deepEqual(summaries.get('p1'), (await s.listStories({ order: 'newest', limit: 1000 })).find((x) => x.id === 'p1'));
    });

    test('searchPage pages through equal ranks without losing or repeating a hit', async () => {
      const s = await fresh();
      // Same length, same words: equal ranks, so the order within a page rests on the tie-breaks.
      const arts = Array.from({ length: 23 }, (_, i) => makeArticle({ id: `h${String.fromCharCode(97 + (i % 26))}${i}`, title: 'Harbour', text: `Harbour radar failed at dock ${1000 + i}.` }));
      await s.putArticles(arts);
      await s.putStories([makeStory('harbour-a', arts.slice(0, 2), 'Harbour radar'), makeStory('harbour-b', arts.slice(2, 4), 'Harbour radar')]);
      const one = await s.searchPage('harbour', { limit: 100 });
      assert.ok(one.hits.length >= 25, `${one.hits.length} hits`);
      assert.equal(one.next, null);
      for (const limit of [1, 4, 10]) {
        const walked: string[] = [];
        let after: Parameters<Store['searchPage']>[1]['after'];
        for (let pages = 0; pages < 200; pages++) {
          const page = await s.searchPage('harbour', { limit, ...(after ? { after } : {}) });
          walked.push(...page.hits.map((h) => `${h.kind}:${h.id}`));
          if (!page.next) break;
          after = page.next;
        }
        assert.deepEqual(walked, one.hits.map((h) => `${h.kind}:${h.id}`), `pages of ${limit}`);
      }
      const facts = await s.searchPage('council', { limit: 2, kinds: ['fact'] });
      assert.ok(facts.hits.every((h) => h.kind === 'fact'));
      assert.deepEqual(await s.searchPage('"', { limit: 5 }), { hits: [], next: null });
    });

    test('changeMark moves with every write; storyStamp with every change to its story', async () => {
      const s = await fresh();
      const arts = makeArticles(4);
      const m0 = await s.changeMark();
      assert.equal(await s.changeMark(), m0, 'reading changes nothing');
      await s.putArticles(arts.slice(0, 3));
      const m1 = await s.changeMark();
      assert.notEqual(m1, m0);
      assert.equal(await s.storyStamp('st'), null);
      await s.putStory(makeStory('st', arts.slice(0, 2)));
      assert.notEqual(await s.changeMark(), m1);
      const st1 = await s.storyStamp('st');
      assert.ok(st1);
      await s.listStories({ order: 'newest', limit: 5 });
      assert.equal(await s.storyStamp('st'), st1, 'a read changes no stamp');
      await s.putStory(makeStory('other', [arts[2] as (typeof arts)[number]]));
      assert.equal(await s.storyStamp('st'), st1, 'another story\'s write leaves this one');
      const changedFacts = makeStory('st', arts.slice(0, 2));
      changedFacts.facts = changedFacts.facts.slice(0, 2).map((f) => ({ ...f, summary: f.summary + ' again' }));
      await s.putStory(changedFacts);
      const st2 = await s.storyStamp('st');
      assert.notEqual(st2, st1, 'new facts');
      await s.putArticles(arts.slice(3));
      await s.assignArticles('st', [arts[3]?.id ?? '']);
      const st3 = await s.storyStamp('st');
      assert.notEqual(st3, st2, 'a late article joined');
      // Deleted, then made again under the same id with the same content: a stamp never seen before.
      await s.putStories([], { remove: ['st'] });
      assert.equal(await s.storyStamp('st'), null);
      await s.putStory(makeStory('st', arts.slice(0, 2)));
      const st4 = await s.storyStamp('st');
      assert.ok(st4 !== null && ![st1, st2, st3].includes(st4), `${st4} is new`);
      if (driver.persistent) {
        const location = await driver.fresh();
        const a = await driver.open(location);
        const b = await driver.open(location);
        opened.push(a, b);
        const before = await a.changeMark();
        await b.putArticles(makeArticles(1));
        assert.notEqual(await a.changeMark(), before, 'another connection wrote');
      }
    });

    if (driver.persistent) {
      test('reopening keeps the data and applies no migration twice', async () => {
        const location = await driver.fresh();
        const first = await driver.open(location);
        const arts = makeArticles(4);
        await first.putArticles(arts);
        await first.putStory(makeStory('s', arts));
        const before = await first.stats();
        await first.close();
        for (let i = 0; i < 2; i++) {
          const again = await driver.open(location);
          assert.deepEqual(await again.stats(), before);
          assert.deepEqual((await again.putArticles(arts)).inserted, []);
          assert.deepEqual(await again.checkIntegrity(), []);
          await again.close();
        }
      });
      if (driver.module) runCrashContract(driver as StoreDriver & { module: string });
    }
  });
}

async function collect<T>(it: AsyncIterable<T>, max = Infinity): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) {
    out.push(x);
    if (out.length >= max) break;
  }
  return out;
}
