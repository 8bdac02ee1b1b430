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
