/**
 * The contract both WatchStore/VersionStore implementations pass (as contract.ts for the Store):
 * one suite, run by versions.test.ts against SQLite and PostgreSQL.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from './store.js';
import { versionStoreFor, type NewVersion, type WatchVersionStore } from './versions.js';

export interface VersionsDriver {
  /** A new, empty store. */
  open(): Promise<Store>;
  cleanup?(): Promise<void>;
}

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-01T00:10:00.000Z';
const T2 = '2026-01-01T00:20:00.000Z';

function version(url: string, text: string, fetchedAt: string, extra: Partial<NewVersion> = {}): NewVersion {
  return { url, fetchedAt, contentHash: `h:${text}`, articleId: `a:${text}`, title: 'T', publishedAt: null, modifiedAt: null, text, diff: [], flags: [], ...extra };
}

export function runVersionsContract(name: string, driver: VersionsDriver): void {
  describe(`WatchStore and VersionStore contract: ${name}`, () => {
    let store: Store;
    let v: WatchVersionStore;
    before(async () => {
      store = await driver.open();
      v = versionStoreFor(store);
    });
    after(async () => {
      await store.close();
      await driver.cleanup?.();
    });

    test('targets are added once, claimed when due, in due order, and released by their fetch', async () => {
      assert.deepEqual(await v.addTargets([{ url: 'http://x/feed', kind: 'feed', dueAt: T0 }, { url: 'http://x/a', kind: 'page', feed: 'http://x/feed', dueAt: T1 }]), ['http://x/feed', 'http://x/a']);
      assert.deepEqual(await v.addTargets([{ url: 'http://x/a', kind: 'page', dueAt: T0 }]), []);
      assert.deepEqual(await v.countTargets(), { feed: 1, page: 1 });
      assert.deepEqual((await v.claimDue({ now: T0, limit: 10, worker: 'w1', leaseMs: 60_000 })).map((t) => t.url), ['http://x/feed']);
      // Leased to w1: w2 does not get it; w1 asking again does.
      assert.deepEqual(await v.claimDue({ now: T0, limit: 10, worker: 'w2', leaseMs: 60_000 }), []);
      const claimed = await v.claimDue({ now: T2, limit: 10, worker: 'w1', leaseMs: 60_000 });
      assert.deepEqual(claimed.map((t) => t.url), ['http://x/feed', 'http://x/a']);
      assert.equal(claimed[1]!.feed, 'http://x/feed');
      await v.recordFetch({ url: 'http://x/a', fetchedAt: T2, dueAt: '2026-01-02T00:00:00.000Z', etag: '"e1"', lastModified: 'Mon', publishedAt: T0, changed: true, error: null });
      await v.recordFetch({ url: 'http://x/a', fetchedAt: T2, dueAt: '2026-01-02T00:00:00.000Z', changed: false, error: 'CC125 boom' });
      const [a] = await v.claimDue({ now: '2026-01-03T00:00:00.000Z', limit: 10, worker: 'w2', leaseMs: 1, kind: 'page' });
      assert.ok(a);
      assert.equal(a.etag, '"e1"', 'a fetch without validators keeps the stored ones');
      assert.equal(a.lastModified, 'Mon');
      assert.equal(a.publishedAt, T0);
      assert.equal(a.lastChangedAt, T2);
      assert.equal(a.fetches, 2);
      assert.equal(a.failures, 1);
      assert.equal(a.lastError, 'CC125 boom');
      // A lease that ran out is taken by another watcher.
      assert.deepEqual((await v.claimDue({ now: '2026-01-03T00:00:01.000Z', limit: 10, worker: 'w3', leaseMs: 1, kind: 'page' })).map((t) => t.url), ['http://x/a']);
      await v.recordFetch({ url: 'http://x/a', fetchedAt: T2, dueAt: '2027-01-01T00:00:00.000Z', changed: false, error: null });
      await v.recordFetch({ url: 'http://x/feed', fetchedAt: T2, dueAt: '2027-01-01T00:00:00.000Z', changed: false, error: null, kind: 'page' });
      assert.equal(await v.makeDue('page', T2), 2, 'a fetch corrects the kind');
      await v.recordFetch({ url: 'http://x/feed', fetchedAt: T2, dueAt: '2027-01-01T00:00:00.000Z', changed: false, error: null, kind: 'feed' });
      assert.deepEqual((await v.claimDue({ now: T2, limit: 10, worker: 'w4', leaseMs: 1, kind: 'page' })).map((t) => [t.url, t.failures]), [['http://x/a', 0]]);
    });

    test('host state round-trips', async () => {
      assert.equal(await v.hostState('example.org'), null);
      await v.putHostState({ host: 'example.org', nextAt: T1, failures: 2, robots: 'User-agent: *', robotsAt: T0 });
      await v.putHostState({ host: 'example.org', nextAt: T2, failures: 0, robots: '', robotsAt: T1 });
      assert.deepEqual(await v.hostState('example.org'), { host: 'example.org', nextAt: T2, failures: 0, robots: '', robotsAt: T1 });
    });

    test('versions are numbered per page, a repeat of the latest is not stored, and they are found by article and time', async () => {
      const diff = [{ kind: 'change' as const, before: { start: 0, end: 3 }, after: { start: 0, end: 3 }, beforeText: 'one', afterText: 'two' }];
      const flags = [{ kind: 'stealth-edit' as const, reason: 'number changed', evidence: [{ version: 'after' as const, span: { start: 0, end: 3 }, text: 'two' }] }];
      assert.equal((await v.putVersion(version('http://x/p', 'one', T0)))?.n, 1);
      assert.equal(await v.putVersion(version('http://x/p', 'one', T1)), null, 'the same content again is not a version');
      assert.equal((await v.putVersion(version('http://x/p', 'two', T1, { diff, flags, modifiedAt: T1 })))?.n, 2);
      assert.equal((await v.putVersion(version('http://x/q', 'q', T1)))?.n, 1);
      assert.equal((await v.putVersion(version('http://x/p', 'one', T2)))?.n, 3, 'going back to older text is a change');
      const all = await v.versions('http://x/p');
      assert.deepEqual(all.map((x) => [x.n, x.text, x.fetchedAt]), [[1, 'one', T0], [2, 'two', T1], [3, 'one', T2]]);
      assert.deepEqual(all[1]!.diff, diff);
      assert.deepEqual(all[1]!.flags, flags);
      assert.equal(all[1]!.modifiedAt, T1);
      assert.deepEqual((await v.versionsOfArticle('a:two')).map((x) => x.n), [1, 2, 3]);
      assert.deepEqual(await v.versionsOfArticle('nope'), []);
      assert.deepEqual((await v.changedSince(T1, 10)).map((x) => [x.url, x.n]), [['http://x/p', 2], ['http://x/p', 3]]);
      assert.deepEqual((await v.changedSince(T2, 1)).map((x) => x.n), [3]);
      const exported = [];
      for await (const page of v.exportVersions()) exported.push([page.url, page.versions.length]);
      assert.deepEqual(exported, [['http://x/p', 3], ['http://x/q', 1]]);
    });

    test('versions stored by two writers at once are numbered without gaps or repeats', async () => {
      const writes = Array.from({ length: 8 }, (_, i) => v.putVersion(version('http://x/race', `t${i}`, T0)));
      const got = (await Promise.all(writes)).map((x) => x?.n).sort((a, b) => (a ?? 0) - (b ?? 0));
      assert.deepEqual(got, [1, 2, 3, 4, 5, 6, 7, 8]);
    });
  });
}
