import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleVersion } from '../store/versions.js';
import { diffTexts } from '../watch/diff.js';
import { flagVersion } from '../watch/flags.js';
import { versionsSection } from './page-versions.js';

const before = 'Police said 12 people were hurt. <script>alert(1)</script>';
const after = 'Police said 14 people were hurt. <img src=x onerror=alert(2)>';

function versions(): ArticleVersion[] {
  const base = { url: 'http://example.org/a"><script>', publishedAt: null, modifiedAt: '2026-12-06T10:00:00Z', title: 'T', contentHash: 'abc123def4567890' };
  const diff = diffTexts(before, after);
  const flags = flagVersion({ before: { text: before, title: 'T', titleSpan: null }, after: { text: after, title: 'T', titleSpan: null }, diff });
  return [
    { ...base, n: 1, fetchedAt: '2026-12-06T09:00:00.000Z', articleId: 'a1', text: before, diff: [], flags: [] },
    { ...base, n: 2, fetchedAt: '2026-12-06T10:00:00.000Z', articleId: 'a2', text: after, diff, flags },
  ];
}

test('the article page shows each version with the differences highlighted, all article words escaped', () => {
  const out = String(versionsSection(versions(), 'a2'));
  assert.match(out, /Versions \(2\)/);
  assert.match(out, /<del>12<\/del><ins>14<\/ins>/);
  assert.match(out, /Stealth edit/);
  assert.match(out, /modified 2026-12-06T10:00:00Z/);
  assert.match(out, /href="\/articles\/a1"/);
  assert.ok(!out.includes('<script>'), 'no markup from the article or its address gets through');
  assert.ok(!out.includes('<img'), 'no markup from the article gets through');
  assert.match(out, /&lt;img src=x onerror=alert\(2\)&gt;/);
  assert.equal(String(versionsSection([], 'a2')), '');
});

test('the story page says what changed in its articles, with the differences highlighted and escaped', async () => {
  const { compareArticles } = await import('../collection/compare.js');
  const { analyzeText } = await import('../collection/pipeline.js');
  const { storyPage } = await import('./page-story.js');
  const a = analyzeText(`Harbour crash\n${after} Divers searched the harbour on Tuesday.`, { id: 'a2', outlet: 'Harbour News' });
  const b = analyzeText('Harbour crash injures 14\nFourteen people were hurt in the harbour crash, police said. Divers searched the harbour on Tuesday.', { id: 'b1', outlet: 'Coast Wire' });
  const { stories } = await compareArticles([a, b]);
  const story = stories[0];
  assert.ok(story && story.articleIds.length === 2);
  const view = { story, articles: [a, b], comparison: { articles: [a, b], stories: [story], messages: [] }, changes: [{ articleId: 'a2', versions: versions() }] };
  const out = String(storyPage(view, false, '/api/stories/x'));
  assert.match(out, /<h2 id="changes">What changed<\/h2>/);
  assert.match(out, /<del>12<\/del><ins>14<\/ins>/);
  assert.match(out, /stealth edit/);
  assert.ok(!out.includes('<img src=x'), 'no markup from the article gets through');
  const none = String(storyPage({ ...view, changes: [] }, false, '/api/stories/x'));
  assert.ok(!none.includes('What changed'));
});
