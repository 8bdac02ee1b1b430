import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './testing.js';
import { csvField, csvRow } from '../report/csv.js';

const tmp = mkdtempSync(join(tmpdir(), 'crosscheck-cli-db-'));
const db = join(tmp, 'c.db');
const corpus = fileURLToPath(new URL('../../examples/corpus', import.meta.url));
after(() => rmSync(tmp, { recursive: true, force: true }));

const run = runCli;

before(async () => {
  const r = await run('ingest', corpus, '--db', db, '--workers', '0');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /read 9 records: 9 new, 0 already stored, 0 failed/);
});

test('ingest --json summary, and a second run adds nothing', async () => {
  const r = await run('ingest', corpus, '--db', db, '--workers', '0', '--json');
  assert.equal(r.code, 0);
  const s = JSON.parse(r.out) as { new: number; duplicates: number; failed: number };
  assert.deepEqual([s.new, s.duplicates, s.failed], [0, 9, 0]);
});

test('stories: text and json, ordered, filtered', async () => {
  const j = JSON.parse((await run('stories', '--db', db, '--json', '--order', 'largest')).out) as { stories: { id: string; articleCount: number; outlets: string[] }[] };
  assert.ok(j.stories.length >= 2);
  assert.ok((j.stories[0]?.articleCount ?? 0) >= (j.stories[1]?.articleCount ?? 0));
  const t = await run('stories', '--db', db, '--limit', '1');
  assert.equal(t.code, 0);
  assert.match(t.out, /^s-[0-9a-f]{12} {2}/);
  const f = JSON.parse((await run('stories', '--db', db, '--json', '--outlet', 'dunmere-evening-post')).out) as { stories: { outlets: string[] }[] };
  assert.ok(f.stories.every((s) => s.outlets.includes('dunmere-evening-post')));
  assert.equal((await run('stories', '--db', db, '--order', 'oldest')).code, 64);
  assert.equal((await run('stories', '--db', join(tmp, 'missing.db'))).code, 2);
});

test('story ID: the compare report (text, json, markdown); unknown id', async () => {
  const [first] = (JSON.parse((await run('stories', '--db', db, '--json', '--order', 'largest')).out) as { stories: { id: string; title: string }[] }).stories;
  assert.ok(first);
  const t = await run('story', first.id, '--db', db, '--no-color');
  assert.equal(t.code, 0, t.err);
  assert.ok(t.out.length > 200);
  const j = JSON.parse((await run('story', first.id, '--db', db, '--json')).out) as { schema: string; stories: { id: string }[] };
  assert.equal(j.stories[0]?.id, first.id);
  assert.match((await run('story', first.id, '--db', db, '--markdown')).out, /^#/m);
  assert.match((await run('story', first.id, '--db', db, '--html')).out, /^<!DOCTYPE html>/);
  const none = await run('story', 's-nope', '--db', db);
  assert.equal(none.code, 2);
  assert.match(none.err, /CC705/);
});

test('article ID and search, text and json', async () => {
  const a = await run('article', 'dep-2025-04-10-old-mill-bridge', '--db', db, '--json');
  assert.equal(a.code, 0, a.err);
  const doc = JSON.parse(a.out) as { storyId: string | null; articles: { id: string }[] };
  assert.equal(doc.articles[0]?.id, 'dep-2025-04-10-old-mill-bridge');
  assert.match(doc.storyId ?? '', /^s-/);
  assert.match((await run('article', 'dep-2025-04-10-old-mill-bridge', '--db', db, '--no-color')).out, /story: s-/);
  const s = JSON.parse((await run('search', 'Old Mill Bridge', '--db', db, '--json')).out) as { hits: { kind: string; id: string }[] };
  assert.ok(s.hits.some((h) => h.kind === 'article' && h.id === 'dep-2025-04-10-old-mill-bridge'));
  const st = await run('search', 'radar', '--db', db, '--kind', 'article', '--limit', '3');
  assert.equal(st.code, 0);
  assert.match(st.out, /^article /);
  assert.equal((await run('search', '--db', db)).code, 64);
});

test('export: jsonl and csv of articles, stories and facts, to stdout and a file', async () => {
  const j = await run('export', '--format', 'jsonl', '--db', db);
  const lines = j.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(lines.length, 9);
  for (const k of ['id', 'uri', 'outlet', 'title', 'publishedAt', 'storyId']) assert.ok(k in (lines[0] ?? {}), k);
  const c = await run('export', '--format', 'csv', '--what', 'stories', '--db', db);
  assert.match(c.out, /^id,title,articleCount/);
  const out = join(tmp, 'facts.csv');
  assert.equal((await run('export', '--format', 'csv', '--what', 'facts', '--db', db, '-o', out)).code, 0);
  assert.match(readFileSync(out, 'utf8'), /^storyId,id,status,independentOrigins,articleIds,summary,members,conflicts\r\n/);
  assert.match(readFileSync(out, 'utf8'), / asserts: /);
  // Each fact with its members' words, stances and spans, and its conflicts (#15).
  const facts = (await run('export', '--format', 'jsonl', '--what', 'facts', '--db', db)).out.trim().split('\n').map((l) => JSON.parse(l) as { articleIds: string[]; members: { articleId: string; span: { start: number; end: number }; text: string; stance: string }[]; conflicts: unknown[] });
  assert.ok(facts.length > 0);
  for (const f of facts) {
    assert.ok(f.members.length >= f.articleIds.length && Array.isArray(f.conflicts));
    for (const m of f.members) assert.ok(f.articleIds.includes(m.articleId) && m.text.length === m.span.end - m.span.start && m.stance, JSON.stringify(m));
  }
  assert.equal((await run('export', '--db', db)).code, 64);
});

test('CSV quoting: commas, quotes, newlines, lists, formulas', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a, b'), '"a, b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField(null), '');
  assert.equal(csvField(['x', 'y']), 'x|y');
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvField(3), '3');
  assert.equal(csvRow(['a', 'b,c', null]), 'a,"b,c",\r\n');
});

test('ingest reads URLs: refused on loopback unless --allow-private', async () => {
  const { createServer } = await import('node:http');
  const page = '<!doctype html><html><head><title>Port crane collapses</title></head><body><article><h1>Port crane collapses at Vell quay</h1>' +
    '<p>A loading crane collapsed onto the Vell quay on Monday, injuring two dock workers, the port authority said in a statement.</p>' +
    '<p>The authority said the crane had passed its yearly inspection in January and that engineers were examining the base.</p></article></body></html>';
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as { port: number };
    const url = `http://127.0.0.1:${port}/crane.html`;
    const urlDb = join(tmp, 'url.db');
    const refused = await run('ingest', url, '--db', urlDb, '--workers', '0');
    assert.equal(refused.code, 2, refused.err);
    const ok = await run('ingest', url, '--db', urlDb, '--workers', '0', '--allow-private');
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /1 new/);
  } finally {
    server.close();
  }
});

test('ingest --analyze none leaves the stories for their first view; all leaves none; a wrong mode is a usage error', async () => {
  const none = join(tmp, 'none.db');
  const r = await run('ingest', corpus, '--db', none, '--workers', '0', '--analyze', 'none', '--json');
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(r.out) as { stories: { analyzed: number; stale: number; total: number } };
  assert.equal(s.stories.analyzed, 0);
  assert.ok(s.stories.stale > 0, `${s.stories.stale} stale`);
  const allDb = join(tmp, 'all.db');
  // --analyse, the earlier spelling, is still accepted
  const all = JSON.parse((await run('ingest', corpus, '--db', allDb, '--workers', '0', '--analyse', 'all', '--json')).out) as { stories: { analyzed: number; stale: number } };
  assert.ok(all.stories.analyzed > 0 && all.stories.stale < s.stories.stale);
  // What is left is a lone article: nothing to compare until another joins it.
  const listed = JSON.parse((await run('stories', '--db', allDb, '--json')).out) as { stories: { articleCount: number; stale: boolean }[] };
  assert.deepEqual(listed.stories.filter((x) => x.stale).map((x) => x.articleCount).filter((n) => n > 1), []);
  const bad = await run('ingest', corpus, '--db', join(tmp, 'bad.db'), '--analyze', 'most');
  assert.equal(bad.code, 64);
  assert.match(bad.err, /--analyze is some, all or none/);
});
