import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, renderHTML } from './html.js';
import { fixtureComparison } from './fixture.js';

test('escapeHtml escapes the five markup characters and nothing else', () => {
  assert.equal(escapeHtml(`<a href="x">Tom & Jerry's</a>`), '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  assert.equal(escapeHtml('plain words, 43 workers'), 'plain words, 43 workers');
});

test('the HTML report is one self-contained page: synopsis, disputes with both sides, the fact grid in each outlet\'s words', () => {
  const c = fixtureComparison();
  const page = renderHTML(c);
  assert.match(page, /^<!DOCTYPE html>/);
  // Nothing is fetched or run: no script, no external stylesheet, image or frame.
  assert.doesNotMatch(page, /<script|<link|<img|<iframe|src=|@import|url\(/i);
  assert.match(page, /<h2>Synopsis<\/h2>/);
  assert.match(page, /<h2>Disputed<\/h2>/);
  const story = c.stories[0];
  assert.ok(story);
  for (const f of story.facts) {
    for (const m of f.members) assert.ok(page.includes(escapeHtml(m.text).slice(0, 60)), `member words of ${f.id} on the page`);
    for (const k of f.conflicts) assert.ok(page.includes(escapeHtml(k.a.text).slice(0, 60)) && page.includes(escapeHtml(k.b.text).slice(0, 60)), `both sides of ${f.id}`);
  }
});

test('article text never becomes markup in the HTML report', () => {
  const c = fixtureComparison();
  const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const story = c.stories[0];
  assert.ok(story);
  const facts = story.facts.map((f) => ({ ...f, summary: evil + f.summary, members: f.members.map((m) => ({ ...m, text: evil + m.text })) }));
  const articles = c.articles.map((a) => ({ ...a, title: evil, outlet: a.outlet === null ? null : evil }));
  const page = renderHTML({ ...c, articles, stories: [{ ...story, title: evil, facts }] });
  assert.doesNotMatch(page, /<script|<img/i);
  assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});
