import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Fact } from '../model/index.js';
import { coverage, OMITTED_EVIDENCE, OMITTED_LISTED } from './coverage.js';
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

test('an article that leaves out many facts lists the most central with weights, every one in missing', () => {
  const others = Array.from({ length: 2 }, (_, i) => testArticle(`Report ${i} of the many facts.`, { id: `o${i}`, outlet: `Other ${i}` }));
  const quiet = testArticle('The council met.', { id: 'q', outlet: 'Quiet' });
  const facts: Fact[] = Array.from({ length: OMITTED_LISTED + 5 }, (_, k) => ({
    id: `f-${String(k).padStart(2, '0')}`,
    status: 'corroborated',
    independentOrigins: 2,
    // the first facts are reported by both others (more central), the rest by one
    articleIds: k < 3 ? ['o0', 'o1'] : ['o0'],
    summary: `fact ${k}`,
    members: (k < 3 ? ['o0', 'o1'] : ['o0']).map((articleId) => ({ articleId, span: { start: 0, end: 6 }, text: 'Report', stance: 'asserts' as const })),
    conflicts: [],
  }));
  const originOf = new Map([...others, quiet].map((a, i) => [a.id, i]));
  const q = coverage([...others, quiet], facts, originOf).find((c) => c.articleId === 'q');
  assert.equal(q?.missing.length, OMITTED_LISTED + 5);
  assert.equal(q?.omitted?.length, OMITTED_LISTED);
  assert.deepEqual(q?.omitted?.slice(0, 3).map((o) => o.factId), ['f-00', 'f-01', 'f-02']);
});

test('an article that only mentions a fact ("as has been reported") is no origin of it: the counts agree with the fact', () => {
  const said = 'The harbour radar was switched off for repairs on Monday.';
  const mention = 'If the radar really was off, as has been reported, someone must answer for it.';
  const paper = testArticle(`${said} More of the paper's own lines.`, { id: 'paper', outlet: 'Paper' });
  const column = testArticle(`${mention} The column goes on.`, { id: 'column', outlet: 'Column' });
  const wire = testArticle('The ferry sailed in fog and hit a grain ship.', { id: 'wire', outlet: 'Wire' });
  const fact: Fact = {
    id: 'f-radar',
    status: 'single-source',
    independentOrigins: 1,
    articleIds: ['paper', 'column'],
    summary: said,
    members: [
      { articleId: 'paper', span: { start: 0, end: said.length }, text: said, stance: 'asserts' },
      { articleId: 'column', span: { start: 0, end: mention.length }, text: mention, stance: 'mentions' },
    ],
    conflicts: [],
  };
  const originOf = new Map([paper, column, wire].map((a, i) => [a.id, i]));
  const byArticle = new Map(coverage([paper, column, wire], [fact], originOf).map((c) => [c.articleId, c]));
  // the wire leaves out a fact of one origin (it was two: the column's mention counted)
  assert.equal(byArticle.get('wire')?.omitted?.[0]?.origins, 1);
  assert.deepEqual(byArticle.get('paper')?.only, ['f-radar']);
  // the column adds nothing: it repeats what "has been reported"
  assert.deepEqual(byArticle.get('column')?.only, []);
  assert.deepEqual(byArticle.get('column')?.missing, []);
});
