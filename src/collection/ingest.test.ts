import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../store/index.js';
import { ingest } from './ingest.js';
import { eventArticles, jsonl } from './testing.js';
import { currentStory } from './lifecycle.js';
import { Clusterer, DF_STATE_KEY } from '../stories/group/clusterer.js';
import { DocumentFrequency } from '../stories/group/df.js';
import { analyzeStory } from '../stories/index.js';
import type { Article, Story } from '../model/index.js';

/** The story `analyzeStory` makes of these articles, under the stored story's id and membership. */
function analyzeStoryAs(id: string, articles: Article[], stored: Story | null): Story | null {
  if (!stored) return null;
  return { ...analyzeStory(id, articles).story, id, articleIds: stored.articleIds };
}

const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-ingest-'));
test.after(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = async (): Promise<Store> => openStore(join(tmp, `t${n++}.db`));
const corpus = fileURLToPath(new URL('../../examples/corpus', import.meta.url));

async function partition(store: Store): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for await (const a of store.exportArticles()) out.set(a.id, a.storyId);
  return out;
}

/** Partition as a set of sorted member lists (story ids aside). */
function groups(p: Map<string, string | null>): string[] {
  const by = new Map<string, string[]>();
  for (const [id, s] of p) by.set(s ?? id, [...(by.get(s ?? id) ?? []), id]);
  return [...by.values()].map((g) => g.sort().join(',')).sort();
}

test('ingesting a directory twice: the second run adds nothing', async () => {
  const store = await fresh();
  const first = await ingest({ store, inputs: [corpus], workers: 0 });
  assert.equal(first.failed, 0);
  assert.equal(first.new, 9);
  const second = await ingest({ store, inputs: [corpus], workers: 0 });
  assert.deepEqual([second.new, second.duplicates, second.failed], [0, 9, 0]);
  const stats = await store.stats();
  assert.equal(stats.articles, 9);
  assert.equal(stats.unassigned, 0);
  assert.deepEqual(await store.checkIntegrity(), []);
  // The bridge story is apart from the ferry stories.
  const p = await partition(store);
  assert.notEqual(p.get('dep-2025-04-10-old-mill-bridge'), p.get('vbn-2025-04-09-kestrel-dawn-recorder'));
  assert.equal(p.get('dep-2025-04-10-old-mill-bridge'), p.get('vbn-2025-04-11-old-mill-bridge'));
  await store.close();
});

test('bad records are reported with their position and the rest is ingested', async () => {
  const dir = join(tmp, 'bad');
  mkdirSync(dir);
  const good = eventArticles(0, 3);
  const big = JSON.stringify({ outlet: 'x', text: 'word '.repeat(4_200_000) });
  const lines = [JSON.stringify(good[0]), '{"text": "unterminated', JSON.stringify(good[1]), '{"text": ""}', big, '\u0000\u0001\u0002\u00ff binary \u0003', JSON.stringify(good[2])];
  writeFileSync(join(dir, 'dump.jsonl'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'blob.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]));
  writeFileSync(join(dir, 'empty.txt'), '');
  const store = await fresh();
  const s = await ingest({ store, inputs: [dir], workers: 0, context: { maxBytes: 8 * 1024 * 1024 } });
  assert.equal(s.new, 3);
  const where = s.problems.filter((m) => m.severity === 'error').map((m) => `${m.code} ${m.uri}`);
  assert.ok(where.includes(`CC106 ${join(dir, 'dump.jsonl')}:2`), where.join('\n'));
  assert.ok(where.includes(`CC107 ${join(dir, 'dump.jsonl')}:4`), where.join('\n'));
  assert.ok(where.includes(`CC105 ${join(dir, 'dump.jsonl')}:5`), where.join('\n'));
  assert.ok(where.some((w) => w.startsWith('CC102') && w.endsWith('blob.txt')), where.join('\n'));
  assert.ok(where.some((w) => w.startsWith('CC104') && w.endsWith('empty.txt')), where.join('\n'));
  assert.ok(where.includes(`CC106 ${join(dir, 'dump.jsonl')}:6`), where.join('\n'));
  assert.ok(s.failed >= 6);
  assert.equal((await store.stats()).unassigned, 0);
  await store.close();
});

test('a late article joins its story; an article linking two stories merges them; worker threads give the same partition', async () => {
  const a = eventArticles(0, 2, 10);
  const b = eventArticles(1, 2, 10);
  const late = eventArticles(0, 4, 12).slice(2);
  const file = (name: string, recs: object[]): string => {
    const p = join(tmp, name);
    writeFileSync(p, jsonl(recs));
    return p;
  };
  const store = await fresh();
  await ingest({ store, inputs: [file('a.jsonl', [...a, ...b])], workers: 0 });
  const before = await store.listStories({ order: 'largest', limit: 10 });
  assert.equal(before.length, 2);
  const r = await ingest({ store, inputs: [file('late.jsonl', late)], workers: 2 });
  assert.equal(r.stories.created, 0);
  const after = await store.listStories({ order: 'largest', limit: 10 });
  assert.deepEqual(after.map((s) => s.articleCount), [4, 2]);
  assert.equal(after[0]?.id, before.find((s) => s.articleCount === 2 && after[0]?.id === s.id)?.id);
  assert.equal(after[0]?.stale, false);

  // Two halves of one event, kept apart by a gap of more than the window, then bridged.
  const store2 = await fresh();
  const early = eventArticles(2, 2, 1);
  const later = eventArticles(2, 2, 15);
  await ingest({ store: store2, inputs: [file('e.jsonl', [...early, ...later])], workers: 0 });
  assert.equal((await store2.stats()).stories, 2);
  const bridge = eventArticles(2, 1, 8).map((x) => ({ ...x, title: `${x.title} bridge`, text: `${x.text} A bridging report.` }));
  const m = await ingest({ store: store2, inputs: [file('bridge.jsonl', bridge)], workers: 0 });
  assert.equal(m.stories.merged, 1);
  const st = await store2.stats();
  assert.equal(st.stories, 1);
  assert.equal(st.unassigned, 0);
  assert.deepEqual(await store2.checkIntegrity(), []);
  await store.close();
  await store2.close();
});

test('order-robust: the same articles in another order give the same partition', async () => {
  const recs = [0, 1, 2, 3].flatMap((e) => eventArticles(e, 3, 10 + e));
  const p1 = join(tmp, 'fwd.jsonl');
  const p2 = join(tmp, 'rev.jsonl');
  writeFileSync(p1, jsonl(recs));
  writeFileSync(p2, jsonl([...recs].reverse()));
  const s1 = await fresh();
  const s2 = await fresh();
  await ingest({ store: s1, inputs: [p1], workers: 0, batchSize: 5, analyze: false });
  await ingest({ store: s2, inputs: [p2], workers: 0, batchSize: 5, analyze: false });
  const g1 = groups(await partition(s1));
  assert.equal(g1.length, 4);
  assert.deepEqual(g1, groups(await partition(s2)));
  await s1.close();
  await s2.close();
});

test('kill -9 during an ingest, then a rerun: consistent, every article exactly once', async () => {
  const recs = Array.from({ length: 6 }, (_, e) => eventArticles(e, 1, 1)).flat();
  const many = Array.from({ length: 900 }, (_, i) => ({ ...recs[i % recs.length], id: `r${i}`, text: `${recs[i % recs.length]?.text ?? ''} Item ${i}.` }));
  const dump = join(tmp, 'kill.jsonl');
  writeFileSync(dump, jsonl(many));
  const db = join(tmp, 'kill.db');
  const run = fileURLToPath(new URL('../cli/run.ts', import.meta.url));
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', run, 'ingest', dump, '--db', db, '--workers', '0'], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 2500);
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const store = await openStore(db);
  assert.deepEqual(await store.checkIntegrity(), []);
  const mid = await store.stats();
  assert.equal(mid.unassigned, 0, 'a batch is articles and their stories together');
  const s = await ingest({ store, inputs: [dump], workers: 0, analyze: false });
  assert.equal(s.new + s.duplicates, 900);
  assert.equal(s.duplicates, mid.articles);
  const end = await store.stats();
  assert.equal(end.articles, 900);
  assert.equal(end.unassigned, 0);
  assert.deepEqual(await store.checkIntegrity(), []);
  await store.close();
});

test('lazy analysis: a stale story is analyzed when shown, never shown with the facts of an older membership', async () => {
  const file = (name: string, recs: object[]): string => {
    const p = join(tmp, name);
    writeFileSync(p, jsonl(recs));
    return p;
  };
  const store = await fresh();
  const s = await ingest({ store, inputs: [file('lazy.jsonl', eventArticles(1, 3, 10))], workers: 0, analyze: false });
  assert.equal(s.stories.analyzed, 0);
  const [listed] = await store.listStories({ order: 'largest', limit: 1 });
  assert.ok(listed?.stale, 'left stale, and listed as such');
  const id = listed.id;
  const shown = await currentStory(store, id, analyzeStory);
  assert.deepEqual(shown, analyzeStoryAs(id, await store.getArticles(shown?.articleIds ?? []), shown));
  assert.ok((shown?.facts.length ?? 0) > 0);
  assert.equal((await store.storySummaries([id])).get(id)?.stale, false, 'kept');
  assert.deepEqual(await currentStory(store, id, analyzeStory), shown, 'a fresh story is read, not analyzed again');

  // A late article joins: the story is stale again, and the next view includes it in the facts.
  const late = eventArticles(1, 4, 10).slice(3).map((r) => ({ ...r, text: `${r.text} The ${'Old Mill Bridge'} will reopen in spring, ${'Councillor Ravi Oduya'} said.` }));
  await ingest({ store, inputs: [file('lazy-late.jsonl', late)], workers: 0, analyze: false });
  assert.equal((await store.storySummaries([id])).get(id)?.stale, true);
  const again = await currentStory(store, id, analyzeStory);
  assert.equal(again?.articleIds.length, 4);
  const lateId = again?.articleIds.find((a) => !shown?.articleIds.includes(a));
  assert.ok(lateId && again?.facts.some((f) => f.articleIds.includes(lateId)), 'the late article is in the facts shown');
  assert.equal(await currentStory(store, 'no-such-story', analyzeStory), null);
  await store.close();
});

test('the final pass: every stale story of a small ingest, none with analyze: false, all with "all"', async () => {
  const recs = [0, 1, 2].flatMap((e) => eventArticles(e, 3, 10 + e));
  const p = join(tmp, 'final.jsonl');
  writeFileSync(p, jsonl(recs));
  const a = await fresh();
  const s = await ingest({ store: a, inputs: [p], workers: 0, batchSize: 4 });
  assert.equal(s.stories.analyzed, 3, 'each story analyzed once, after the batches, not after every batch that grew it');
  assert.equal((await a.stats()).staleStories, 0);
  const b = await fresh();
  await ingest({ store: b, inputs: [p], workers: 0, analyze: false });
  assert.equal((await b.stats()).staleStories, 3);
  // A rerun (nothing new) does what a killed or lazy run left: here, all of it.
  const again = await ingest({ store: b, inputs: [p], workers: 0, analyze: 'all' });
  assert.deepEqual([again.new, again.stories.analyzed, (await b.stats()).staleStories], [0, 3, 0]);
  await a.close();
  await b.close();
});

test('the document-frequency sketch is stored as rows, batch by batch; an older database\'s single value is read and moved to rows', async () => {
  const recs = [0, 1, 2, 3].flatMap((e) => eventArticles(e, 3, 10 + e));
  const p = join(tmp, 'sketch.jsonl');
  writeFileSync(p, jsonl(recs));
  const store = await fresh();
  await ingest({ store, inputs: [p], workers: 0, batchSize: 5, analyze: false });
  const sketch = await store.getSketch();
  assert.equal(sketch?.documents, 12);
  const reopened = await Clusterer.open(store);
  const direct = new DocumentFrequency();
  for (const r of sketch?.counts ?? []) direct.counts[r[0]] = r[1];
  assert.deepEqual(reopened.df.counts, direct.counts);
  assert.ok(reopened.df.counts.some((c) => c > 1), 'shared terms counted across batches');

  // An older database: the sketch as one value under DF_STATE_KEY, no rows.
  const old = await fresh();
  await old.putState(DF_STATE_KEY, reopened.df.serialize());
  const moved = await Clusterer.open(old);
  assert.equal(moved.df.documents, 12);
  assert.deepEqual(moved.df.counts, reopened.df.counts);
  const delta = moved.takeSketch();
  assert.deepEqual(delta, reopened.df.toCounts(), 'the first batch writes all of it as rows');
  assert.deepEqual(moved.takeSketch(), { documents: 0, counts: [] });
  await store.close();
  await old.close();
});
