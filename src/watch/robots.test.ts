import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAllowed, parseRobots } from './robots.js';

test('the * group: disallow, longer allow wins, wildcards and $', () => {
  const r = parseRobots('User-agent: *\nDisallow: /private\nAllow: /private/ok\nDisallow: /*.pdf$\n# comment\nDisallow:\n');
  assert.equal(isAllowed(r, '/news/1'), true);
  assert.equal(isAllowed(r, '/private/x'), false);
  assert.equal(isAllowed(r, '/private/ok/1'), true);
  assert.equal(isAllowed(r, '/files/a.pdf'), false);
  assert.equal(isAllowed(r, '/files/a.pdf?x=1'), true);
});

test('a group naming crosscheck replaces the * group; crawl-delay is read', () => {
  const r = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: CrossCheck\nUser-agent: other\nDisallow: /drafts\nCrawl-delay: 3\n');
  assert.equal(isAllowed(r, '/news'), true);
  assert.equal(isAllowed(r, '/drafts/1'), false);
  assert.equal(r.crawlDelay, 3);
  assert.equal(isAllowed(parseRobots(''), '/anything'), true);
});

test('several wildcards match leftmost piece by piece', () => {
  const r = parseRobots('User-agent: *\nDisallow: /a*b*c$\n');
  assert.equal(isAllowed(r, '/axxbyyc'), false);
  assert.equal(isAllowed(r, '/axxbyycd'), true);
  assert.equal(isAllowed(r, '/acb'), true);
  assert.equal(isAllowed(r, '/abcbc'), false);
});
