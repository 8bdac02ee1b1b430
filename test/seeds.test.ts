/**
 * The founding example (issue 2's acceptance check): the two real seed articles must come out
 * the way a careful fact-checker would read them. Read from ../shared at test time, never copied.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare, renderMarkdown, renderText, toJSON, type Article, type Comparison, type Fact } from '../src/index.js';
import { SEEDS, assertEvidenceExact, sharedOrSkip } from './helpers.js';

const skip = sharedOrSkip();

let cached: Comparison | undefined;
async function seeds(): Promise<{ c: Comparison; news: Article; rewrite: Article }> {
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => join(SEEDS, f));
  cached ??= await compare(files);
  const news = cached.articles.find((a) => a.uri.includes('000_'));
  const rewrite = cached.articles.find((a) => a.uri.includes('004_'));
  assert.ok(news && rewrite, 'both seeds read');
  return { c: cached, news, rewrite };
}

/** The fact whose members in both articles match the two patterns, if any. */
function factAcross(c: Comparison, news: Article, rewrite: Article, inNews: RegExp, inRewrite: RegExp): Fact | undefined {
  return c.stories.flatMap((s) => s.facts).find((f) =>
    f.members.some((m) => m.articleId === news.id && inNews.test(m.text)) &&
    f.members.some((m) => m.articleId === rewrite.id && inRewrite.test(m.text)));
}

function factOnlyIn(c: Comparison, article: Article, pattern: RegExp): Fact | undefined {
  return c.stories.flatMap((s) => s.facts).find((f) => f.members.some((m) => m.articleId === article.id && pattern.test(m.text)));
}

test('seeds: one story with both articles', { skip }, async () => {
  const { c, news, rewrite } = await seeds();
  assert.equal(c.articles.length, 2);
  assert.equal(c.stories.length, 1);
  assert.deepEqual([...(c.stories[0]?.articleIds ?? [])].sort(), [news.id, rewrite.id].sort());
});

test('seeds: trailers removed from the text and kept as removed spans of the raw input', { skip }, async () => {
  const { news, rewrite } = await seeds();
  for (const gone of ['We are dedicated', 'respectful community', 'writing your comments']) assert.ok(!news.text.includes(gone), `"${gone}" left in ${news.uri}`);
  for (const gone of ['0 0 votes', 'Article Rating', 'Notify of', 'Oldest Most Voted', 'Inline Feedbacks', 'View all comments']) assert.ok(!rewrite.text.includes(gone), `"${gone}" left in ${rewrite.uri}`);
  for (const a of [news, rewrite]) {
    const raw = readFileSync(a.uri, 'utf8');
    assert.ok(a.removed.length > 0, `nothing removed from ${a.uri}`);
    for (const r of a.removed) assert.equal(raw.slice(r.span.start, r.span.end), r.text);
  }
  // The body must survive: the last real sentences are still there.
  assert.ok(news.text.includes('continue to progress toward greater nuclear capability'));
  assert.ok(rewrite.text.includes('China will stay neutral'));
});

test('seeds: byline and date found where they are, none invented where they are not', { skip }, async () => {
  const { news, rewrite } = await seeds();
  assert.equal(news.byline, 'Tyler Henderson');
  assert.match(news.publishedAt ?? '', /^2017-11-02/);
  assert.equal(news.title, 'U.S. pursues direct talks with North Korea, despite Trump');
  assert.equal(rewrite.byline, null);
  assert.equal(rewrite.publishedAt, null);
  assert.equal(rewrite.title, 'US Has Been in Backchannel Diplomatic Talks with NKorea for Months!!!');
});

test('seeds: the glued words are repaired and listed with the raw words', { skip }, async () => {
  const { news } = await seeds();
  for (const glued of ['handsWarmbier', 'exceptionand']) {
    const repair = news.repairs.find((r) => r.before.includes(glued));
    assert.ok(repair, `no repair for ${glued}`);
    assert.equal(repair.kind, 'glued-words');
    assert.ok(!news.text.includes(glued), `${glued} still in the text`);
  }
});

test('seeds: at least four facts corroborated by both, among them the five a fact-checker sees', { skip }, async () => {
  const { c, news, rewrite } = await seeds();
  const expected: [string, RegExp, RegExp][] = [
    ['Yun is the U.S. envoy/negotiator', /Yun.*negotiator|negotiator.*Yun/, /Yun.*envoy|envoy.*Yun/],
    ['in contact with North Korean diplomats at the UN', /United Nations|counterparts/, /United Nations|counterpart/],
    ['the talks concern Americans held prisoner', /prisoners/, /imprisoned|detainees/],
    ['the student released in June died', /died/, /died/],
    ['the talks have gone beyond the detainees', /broadened/, /other than|broached/],
  ];
  const found = expected.filter(([, a, b]) => {
    const f = factAcross(c, news, rewrite, a, b);
    return f !== undefined && f.status === 'corroborated' && f.independentOrigins === 2;
  });
  const missing = expected.filter((e) => !found.includes(e)).map(([name]) => name);
  assert.ok(found.length >= 4, `corroborated by both: ${found.map(([n]) => n).join('; ')}; missing: ${missing.join('; ')}`);
  const corroborated = c.stories.flatMap((s) => s.facts).filter((f) => f.status === 'corroborated');
  assert.ok(corroborated.length >= 4);
});

test('seeds: facts only one article has are single-source', { skip }, async () => {
  const { c, news, rewrite } = await seeds();
  const cases: [Article, RegExp, string][] = [
    [news, /Kim Dong Chul|Kim Sang-duk|Kim Hak-song/, 'the names of the other prisoners'],
    [news, /Three of the four prisoners/, 'three of four still held'],
    [rewrite, /not your enemy|quite proud/, 'the Tillerson quote'],
    [rewrite, /stay neutral/, 'the Global Times stance'],
  ];
  for (const [article, pattern, name] of cases) {
    const f = factOnlyIn(c, article, pattern);
    assert.ok(f, `no fact for ${name}`);
    assert.equal(f.status, 'single-source', `${name}: ${f.status}`);
    assert.deepEqual(f.articleIds, [article.id], `${name} should be only in ${article.uri}`);
  }
});

test("seeds: the rewrite's AP reporting counts as the AP's origin, not as its own (issue #14)", { skip }, async () => {
  const { c, news, rewrite } = await seeds();
  const facts = c.stories.flatMap((s) => s.facts);
  // What the rewrite takes from the AP and the news report also tells: two origins, the report and the AP.
  const shared = facts.filter((f) => f.members.some((m) => m.articleId === news.id) && f.members.some((m) => m.articleId === rewrite.id && m.via === 'Associated Press'));
  assert.ok(shared.length >= 2, `${shared.length} facts shared with the AP's reporting`);
  for (const f of shared) assert.equal(f.independentOrigins, 2);
  // What only the rewrite has, told as the AP's, is listed as the AP's in the story view.
  const relayed = facts.filter((f) => f.status === 'single-source' && f.members.length > 0 && f.members.every((m) => m.articleId === rewrite.id && m.via === 'Associated Press'));
  assert.ok(relayed.length > 0);
  const label = rewrite.uri.split('/').pop() ?? '';
  assert.ok(renderText(c, { width: 120 }).includes(`Only in ${label} (via Associated Press):`));
  assert.ok(renderMarkdown(c).includes(`_(via Associated Press)_:`));
});

test('seeds: the profile marks what a careful reader would', { skip }, async () => {
  const { news, rewrite } = await seeds();
  const title = rewrite.signals.filter((s) => s.kind === 'sensational-title');
  assert.ok(title.length > 0, 'sensational headline not flagged');
  assert.ok(!news.signals.some((s) => s.kind === 'sensational-title'), 'the news headline is not sensational');

  const opinion = rewrite.signals.filter((s) => s.kind === 'opinion');
  for (const words of ['One can glean', 'Democrats are railing']) {
    assert.ok(opinion.some((s) => s.text.includes(words)), `opinion not flagged: ${words}`);
  }
  assert.ok(!opinion.some((s) => s.text.includes('The talks focused on Americans imprisoned')), 'plain reporting flagged as opinion');

  const dangling = rewrite.attributions.filter((a) => a.kind === 'dangling');
  assert.ok(dangling.some((a) => a.text.includes('according to')), 'the dangling "according to" is not flagged');
  assert.ok(!news.attributions.some((a) => a.kind === 'dangling'), 'no dangling attribution in the news report');

  const anonymous = news.attributions.filter((a) => a.kind === 'anonymous');
  assert.ok(anonymous.some((a) => /senior State Department official/.test(a.text)), 'anonymous official not flagged');
  // the AP's reporting relayed (issue #14): its own kind, with the outlet's canonical name
  assert.ok(rewrite.attributions.some((a) => a.kind === 'relayed' && a.outlet === 'Associated Press' && /Associated Press|AP/.test(a.text)), 'AP attribution not relayed');
});

test('seeds: entities merge aliases within and across articles', { skip }, async () => {
  const { news, rewrite } = await seeds();
  const canon = (a: Article, words: string) => a.entities.find((e) => e.text === words)?.canonical;
  assert.ok(canon(news, 'Joseph Yun'));
  assert.equal(canon(news, 'Yun'), canon(news, 'Joseph Yun'));
  assert.equal(canon(rewrite, 'Joseph Yun'), canon(news, 'Joseph Yun'));
  assert.equal(canon(rewrite, 'NKorea'), canon(news, 'North Korea'));
  assert.equal(canon(rewrite, 'Pyongyang'), canon(rewrite, 'North Korea'));
  assert.equal(canon(news, 'Kim Jong Un'), canon(rewrite, 'Kim Jong Un'));
  const quote = rewrite.quotes.find((q) => q.text.includes('not your enemy'));
  assert.ok(quote, 'Tillerson quote not found');
  assert.match(quote.speakerCanonical ?? '', /tillerson/);
});

test('seeds: every evidence item is the exact words at its span, and the JSON keeps the contract', { skip }, async () => {
  const { c } = await seeds();
  const raws = new Map(c.articles.map((a) => [a.id, readFileSync(a.uri, 'utf8')]));
  assert.ok(assertEvidenceExact(c, raws) > 50);
  const json = JSON.parse(JSON.stringify(toJSON(c))) as Record<string, unknown>;
  assert.ok(Array.isArray(json.articles) && Array.isArray(json.stories));
  const article = (json.articles as Record<string, unknown>[])[0] ?? {};
  for (const key of ['id', 'uri', 'title', 'byline', 'publishedAt', 'outlet', 'text', 'removed', 'repairs', 'entities', 'quotes', 'attributions', 'signals', 'messages']) {
    assert.ok(key in article, `article JSON lacks ${key}`);
  }
  const story = (json.stories as Record<string, unknown>[])[0] ?? {};
  for (const key of ['id', 'articleIds', 'facts', 'reuse']) assert.ok(key in story, `story JSON lacks ${key}`);
});
