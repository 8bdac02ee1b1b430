import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guessKind, parseWatchList } from './list.js';

test('lines with comments, and OPML outlines', () => {
  assert.deepEqual(parseWatchList('# feeds\nhttp://a/feed.xml\n\n  http://b/news/1 # a page\n').urls, ['http://a/feed.xml', 'http://b/news/1']);
  const opml = '<?xml version="1.0"?><opml version="2.0"><body><outline text="x"><outline type="rss" xmlUrl="http://a/rss"/><outline htmlUrl="https://b/"/></outline></body></opml>';
  assert.deepEqual(parseWatchList(opml).urls, ['http://a/rss', 'https://b/']);
});

test('feed-like paths are guessed as feeds', () => {
  assert.equal(guessKind('http://a/feed'), 'feed');
  assert.equal(guessKind('http://a/news/rss.xml'), 'feed');
  assert.equal(guessKind('http://a/feeds/world/'), 'feed');
  assert.equal(guessKind('http://a/2017/11/story.html'), 'page');
});
