// The library as a user imports it: by the package's own name (its "exports", that is dist/),
// openCollection ingests, lists, shows a story and searches; and compare, which runs the same
// clusterer over a store in memory, gives the very stories ingest stored for the same files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

// Typed by the sources (dist/'s declarations may be older than src/ when the type check runs).
const { openCollection, compare } = (await import('crosscheck')) as unknown as typeof import('../src/index.js');
const CORPUS = join(ROOT, 'examples', 'corpus');

test("import { openCollection } from 'crosscheck': ingest, list, show a story, search", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-lib-'));
  try {
    const c = await openCollection(join(dir, 'news.db'));
    try {
      const summary = await c.ingest([CORPUS], { workers: 0 });
      assert.ok(summary.new >= 8, `stored ${summary.new}`);
      assert.equal(summary.failed, 0);
      const [top] = await c.stories({ order: 'largest', limit: 1 });
      assert.ok(top && top.articleCount >= 5, 'the ferry collision is the largest story');
      const report = await c.story(top.id);
      assert.ok(report);
      assert.equal(report.stories[0]?.id, top.id);
      assert.ok((report.stories[0]?.facts.length ?? 0) > 0, 'the story is analyzed when shown');
      assert.equal(report.articles.length, top.articleCount);
      const hits = await c.search('radar', { limit: 5 });
      assert.ok(hits.length > 0);
      assert.equal(await c.story('s-no-such-story'), null);
    } finally {
      await c.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('compare and ingest give the same stories, with the same ids, for the same files', async () => {
  const compared = await compare([CORPUS]);
  const c = await openCollection(':memory:');
  try {
    await c.ingest([CORPUS], { workers: 0 });
    const stored = new Map<string, string[]>();
    for await (const s of c.exportStories()) stored.set(s.id, [...s.articleIds].sort());
    const fromCompare = new Map(compared.stories.map((s) => [s.id, [...s.articleIds].sort()] as const));
    assert.deepEqual(new Map([...fromCompare].sort()), new Map([...stored].sort()));
  } finally {
    await c.close();
  }
});
