import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureComparison } from '../report/fixture.js';
import { storyPage } from './page-story.js';

test('the story page gives each reuse pair its class and the sentences the copy rewrites', () => {
  const comparison = fixtureComparison();
  const story = comparison.stories[0];
  const r = story?.reuse[0];
  assert.ok(story && r);
  const [from, to] = [r.passages[0]?.from, r.passages[1]?.to];
  assert.ok(from && to);
  Object.assign(r, { derived: 'partially', derivation: 0.93, rewritten: [{ from, to }] });
  const out = String(storyPage({ story, articles: comparison.articles, comparison, changes: [] }, false, '/api/stories/x'));
  assert.match(out, /are found in Daily Record \(published earlier\): partially derived \(derivation 0\.93\)\./);
  assert.match(out, /Sentences rewrite\.txt rewrites from Daily Record:/);
});

test('a fact grid cell shows every sentence of that article the fact holds, each opening its evidence', () => {
  const comparison = fixtureComparison();
  const story = comparison.stories[0];
  const fact = story?.facts.find((f) => f.members.length >= 1);
  assert.ok(story && fact);
  const first = fact.members[0]!;
  // a second sentence of the same article in the same fact (invented words at another place)
  const second = { ...first, span: { start: first.span.start + 1, end: first.span.end }, text: first.text.slice(1), stance: 'mentions' as const };
  fact.members.push(second);
  const out = String(storyPage({ story, articles: comparison.articles, comparison, changes: [] }, false, '/api/stories/x'));
  const row = out.slice(out.indexOf(`id="fact-${fact.id}"`), out.indexOf('</tr>', out.indexOf(`id="fact-${fact.id}"`)));
  assert.equal((row.match(/<p class="member">/g) ?? []).length, fact.members.length, 'one entry per member of the fact');
  assert.match(row, /\(mentions\)/);
});
