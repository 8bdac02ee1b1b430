import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findDate } from '../dates.js';
import { extractHtml } from './index.js';
import { hasHtmldateData, loadDatePages, runDates, summariseDates } from '../../../eval/dates-htmldate.js';

const FLOORS = JSON.parse(readFileSync(new URL('../../../eval/floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, number>>;

test('dates as pages write them: German, French, dotted, weekday and time, two-digit years', () => {
  assert.equal(findDate('6. November 2023')?.iso, '2023-11-06');
  assert.equal(findDate('Samstag, 19. Juli 2014')?.iso, '2014-07-19');
  assert.equal(findDate('29.04.2020')?.iso, '2020-04-29');
  assert.equal(findDate('Party, 30.10.23')?.iso, '2023-10-30');
  assert.equal(findDate('version 1.10.23.4'), null);
  assert.equal(findDate('1er avril 2020')?.iso, '2020-04-01');
  assert.equal(findDate('Monday Nov. 23, 2020')?.iso, '2020-11-23');
  assert.equal(findDate('Thursday, November 9, 2023 4:41AM')?.iso, '2023-11-09T04:41:00');
  assert.equal(findDate('2020/04/29')?.iso, '2020-04-29');
  // A page's text glues elements: the year ends at a non-digit, not at a word boundary.
  assert.equal(findDate('Posted on Freitag, 15. April 2016Samstag, 4. März 2017')?.iso, '2016-04-15');
  assert.equal(findDate('am 29.04.2020Uhr')?.iso, '2020-04-29');
  assert.equal(findDate('15. April 20161'), null);
});

test('dates of more languages and shapes: Russian, Ukrainian, Polish, Portuguese, Dutch, year-first dotted, CJK signs, "5th of", "23-Nov-2020"', () => {
  assert.equal(findDate('15 августа 2016, 13:43')?.iso, '2016-08-15T13:43:00');
  assert.equal(findDate('1 березня 2021')?.iso, '2021-03-01');
  assert.equal(findDate('12 lipca 2020')?.iso, '2020-07-12');
  assert.equal(findDate('5 de março de 2020')?.iso, '2020-03-05');
  assert.equal(findDate('12 mei 2020')?.iso, '2020-05-12');
  assert.equal(findDate('2020.11.23')?.iso, '2020-11-23');
  assert.equal(findDate('2020. 11. 23.')?.iso, '2020-11-23');
  assert.equal(findDate('2020年4月28日')?.iso, '2020-04-28');
  assert.equal(findDate('2020년 4월 28일')?.iso, '2020-04-28');
  assert.equal(findDate('5th of January 2020')?.iso, '2020-01-05');
  assert.equal(findDate('23-Nov-2020')?.iso, '2020-11-23');
  // Versions are not dates.
  assert.equal(findDate('v2019.10.1'), null);
  assert.equal(findDate('release 2019.10.12.5'), null);
});

test('a <time> whose datetime is UTC and whose text is the page\'s own day a day apart gives that day; an hour that no zone allows keeps the stamp', () => {
  const page = (datetime: string, text: string): string | null => extractHtml(`<h1>A headline</h1><p><time datetime="${datetime}">${text}</time></p><p>x</p>`, { uri: 't.html' }).publishedAt;
  assert.equal(page('2023-11-01T23:01:00Z', '02 Novembre 2023'), '2023-11-02');
  assert.equal(page('2023-11-09T04:15:00Z', 'November 8, 2023'), '2023-11-08');
  assert.equal(page('2020-07-09T10:04:04Z', 'July 8, 2020'), '2020-07-09T10:04:04Z');
  assert.equal(page('2020-07-09T10:04:04+02:00', 'July 10, 2020'), '2020-07-09T10:04:04+02:00');
});

test('a UTC time stamp keeps the day it was written with (no conversion to a local day)', () => {
  const a = extractHtml('<meta property="article:published_time" content="2023-11-01T23:01:00Z"><p>x</p>', { uri: 'u.html' });
  assert.equal(a.publishedAt, '2023-11-01T23:01:00Z');
});

test('an update line is not the publication date; the publication before it is', () => {
  const page = (line: string): string | null => extractHtml(`<h1>Title here</h1><div class="post-meta">${line}</div><p>Body text of the page, long enough to be a paragraph of an article, with commas, and more.</p>`, { uri: 'p.html' }).publishedAt;
  assert.equal(page('Published March 3, 2021 | Updated March 5, 2021'), '2021-03-03');
  assert.equal(page('Updated March 5, 2021'), null);
});

test('a date element set just above the headline wins over metadata that carries the update; a teaser\'s date further up does not', () => {
  const meta = '<meta property="og:article:published_time" content="2020-01-20T09:49:32+0000">';
  const above = extractHtml(`${meta}<div class="header"><div class="channel"><a href="/e">Entertainment</a></div><div class="ArticleHeader_date">January 19, 2020 / 12:25 PM / Updated 8 hours ago</div><h1>Parasite scores upset</h1></div><p>x</p>`, { uri: 'a.html' });
  assert.equal(above.publishedAt, '2020-01-19');
  assert.equal(above.publishedVia, 'html');
  const teaser = extractHtml(`${meta}<div class="teaser"><span class="date">January 12, 2020</span><p>Another story</p><p>More</p></div><h1>Parasite scores upset</h1><p>x</p>`, { uri: 't.html' });
  assert.equal(teaser.publishedAt, '2020-01-20T09:49:32+00:00');
});

test('Parse.ly\'s JSON meta gives its pub_date; a url date with one-digit month and day (/2017/7/12/) is read, a version path is not', () => {
  const parsely = extractHtml(`<meta name="parsely-page" content='{"title": "T", "pub_date": "2020-03-03T10:00:00Z", "authors": ["Jane Doe"]}'><p>x</p>`, { uri: 'p.html' });
  assert.equal(parsely.publishedAt, '2020-03-03T10:00:00Z');
  assert.equal(parsely.publishedVia, 'meta');
  const url = (href: string): string | null => extractHtml(`<link rel="canonical" href="${href}"><h1>T</h1><p>x</p>`, { uri: 'u.html' }).publishedAt;
  assert.equal(url('https://b.example/home/2017/7/12/unter-uns'), '2017-07-12');
  assert.equal(url('https://b.example/v/2017/7/x'), null);
});

test('a masthead\'s date of the day (class today / current-date) is not the page\'s date', () => {
  const page = (cls: string): string | null => extractHtml(`<h1>Daily Legal News</h1><div class="${cls}">Wednesday, August 19, 2020</div><h2>Story</h2><p>Body text of the page, long enough to be a paragraph.</p>`, { uri: 'm.html' }).publishedAt;
  assert.equal(page('today'), null);
  assert.equal(page('current-date'), null);
  assert.equal(page('post-date'), '2020-08-19');
});

test('a relative date ("15 minutes ago") whose title attribute holds the machine date', () => {
  const a = extractHtml('<h1>A headline</h1><div class="news-time"><span class="time-ago" title="2020-09-20T14:20:02Z">15 minutes ago</span></div><p>x</p>', { uri: 't.html' });
  assert.equal(a.publishedAt, '2020-09-20T14:20:02Z');
});

test('the last resort: an edit stamp in a footer line, or its words in a label and its day in the next element', () => {
  const body = '<p>Body text of the page, long enough to be a paragraph of an article, with commas, and more.</p>';
  // The label sits far under the headline (past the date lines' reach), as footers do.
  const label = extractHtml(`<h1>Hochauflösende Karten</h1>${body.repeat(70)}<div class="box"><label>Letzte Änderung:</label><div class="value">14.01.2022 um 09:25</div></div>`, { uri: 'l.html' });
  assert.equal(label.publishedAt, '2022-01-14');
  assert.equal(label.publishedVia, 'modified');
  assert.equal(extractHtml(`<h1>BeginnersGuide</h1>${body}<p id="pageinfo">BeginnersGuide/Download (last edited 2019-11-10 13:28:18 by Someone)</p>`, { uri: 'w.html' }).publishedAt, '2019-11-10T13:28:18');
  assert.equal(extractHtml(`<h2>Stand der Dinge</h2>${body}<p>Stand der Dinge im Jahr 2019</p>`, { uri: 's.html' }).publishedAt, null);
});

test('itemprop datePublished on a non-meta element; a date in the canonical url; a future or too old date is not a date', () => {
  assert.equal(extractHtml('<span itemprop="datePublished">Nov 2, 2017</span><p>x</p>', { uri: 'i.html' }).publishedAt, '2017-11-02');
  const url = extractHtml('<link rel="canonical" href="https://n.example/2019/06/17/story"><p>x</p>', { uri: 'c.html' });
  assert.equal(url.publishedAt, '2019-06-17');
  assert.equal(url.publishedVia, 'url');
  assert.equal(extractHtml('<meta name="date" content="2999-01-01"><p>x</p>', { uri: 'f.html' }).publishedAt, null);
  assert.equal(extractHtml('<meta name="date" content="1970-01-01"><p>x</p>', { uri: 'o.html' }).publishedAt, null);
});

test('htmldate development pages, a slice (every eighth page): accuracy at or above its floor', { skip: !hasHtmldateData() && 'SKIPPED: ../shared/data/htmldate not found' }, () => {
  const pages = loadDatePages(8);
  const m = summariseDates(runDates(pages).all);
  const floor = FLOORS['dates-htmldate']!;
  assert.ok(m.accuracy >= floor['sliceAccuracy']!, `accuracy ${m.accuracy.toFixed(3)} < floor ${floor['sliceAccuracy']}`);
});
