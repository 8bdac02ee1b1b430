import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Fact } from '../model/index.js';
import { coverage, OMITTED_EVIDENCE } from './coverage.js';
import { testArticle } from './testing.js';

test('an omitted fact carries the words of the first few reporters only, its count of all of them', () => {
  const said = 'The council approved the bridge on Monday.';
  const reporters = Array.from({ length: 6 }, (_, i) => testArticle(`${said} Outlet ${i} wrote more of its own here.`, { id: `a${i}`, outlet: `Outlet ${i}` }));
  const quiet = testArticle('The council met on Monday and talked about parking.', { id: 'q', outlet: 'Quiet' });
  const fact: Fact = {
    id: 'f-bridge',
    status: 'corroborated',
    independentOrigins: 6,
    articleIds: reporters.map((a) => a.id),
    summary: said,
    members: reporters.map((a) => ({ articleId: a.id, span: { start: 0, end: said.length }, text: said, stance: 'asserts' })),
    conflicts: [],
  };
  const originOf = new Map([...reporters, quiet].map((a, i) => [a.id, i]));
  const byArticle = new Map(coverage([...reporters, quiet], [fact], originOf).map((c) => [c.articleId, c]));
  const omitted = byArticle.get('q')?.omitted ?? [];
  assert.deepEqual(byArticle.get('q')?.missing, ['f-bridge']);
  assert.equal(omitted.length, 1);
  // Every reporter's words would make a story's document grow with articles x facts x reporters.
  assert.equal(omitted[0]?.evidence.length, OMITTED_EVIDENCE);
  assert.deepEqual(omitted[0]?.evidence.map((e) => e.articleId), ['a0', 'a1', 'a2']);
  assert.equal(omitted[0]?.articles, 6);
  assert.equal(omitted[0]?.origins, 6);
});
