import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { extractHtml, extractHtmlBytes, bodyText } from './index.js';
import { pageText } from './page-text.js';
import { toRawSpan } from '../offsets.js';
import { invariantProblems } from '../invariants.js';
import { htmlFromBytes } from '../../read/html.js';
import { decodeHtml } from '../../read/charset.js';
import { extract, noArticleIn } from '../index.js';
import { DEFAULT_CONTEXT, type SourceRecord } from '../../model/index.js';

const CASES = fileURLToPath(new URL('../../../test/cases/html/', import.meta.url));

// Golden pages: one folder per case; every field in expected.json must match ("$comment" says why the case exists).
for (const name of readdirSync(CASES).sort()) {
  test(`golden page: ${name}`, () => {
    const html = readFileSync(`${CASES}${name}/source.html`);
    const expected = JSON.parse(readFileSync(`${CASES}${name}/expected.json`, 'utf8')) as Record<string, unknown>;
    const a = extractHtmlBytes(html, { uri: name });
    const got: Record<string, unknown> = { ...a, body: a.lines.map((l) => l.text) };
    for (const [key, value] of Object.entries(expected)) if (!key.startsWith('$')) assert.deepEqual(got[key], value, `${name}: ${key}`);
  });
}

test('read gives the page itself; extract builds the doc from it, every span leading back to the page', () => {
  const html = readFileSync(`${CASES}furniture/source.html`);
  const item = htmlFromBytes(html, 'p.html');
  assert.equal(item.kind, 'source');
  const source = (item as { source: SourceRecord }).source;
  assert.equal(source.format, 'html');
  assert.equal(source.markup, 'html');
  assert.equal(source.raw, decodeHtml(html).text, 'the raw input is the page, not a text form made from it');
  const doc = extract(source, DEFAULT_CONTEXT);
  assert.equal(String(doc.raw), source.raw);
  assert.equal(doc.contentHash, createHash('sha256').update(source.raw).digest('hex'));
  assert.equal(doc.title, 'Council approves second bridge');
  assert.equal(doc.byline, 'Maria Lopez');
  assert.equal(doc.publishedAt, '2024-03-05T09:30:00Z');
  assert.equal(doc.outlet, 'The Riverside Courier');
  assert.ok(doc.text.startsWith('Council approves second bridge\n\nThe city council'), 'no invented "By X | date" line');
  assert.ok(!doc.text.includes('newsletter'));
  assert.ok(doc.paragraphs.some((p) => p.kind === 'body'));
  assert.deepEqual(invariantProblems(doc), []);
});

test('page text: entities, whitespace and markup map to the page characters they came from', () => {
  const page = '<html><head><title>Dam &amp; bridge | Courier</title></head><body><article><h1>Dam &amp; bridge</h1>' +
    '<p>The   council <b>voted</b>\n on the dam&nbsp;plan, and the mayor said she didnâ€™t expect a delay in the works this year.</p>' +
    '<p>Second paragraph of the article, long enough to be body text, with a comma, and then a full stop.</p>' +
    '<p>Follow the Harlow Gazette on Facebook and Twitter for the latest news.</p></article></body></html>';
  const doc = extract({ uri: 'e.html', format: 'html', raw: page, markup: 'html', record: {}, messages: [] }, DEFAULT_CONTEXT);
  assert.ok(doc.text.includes('The council voted on the dam plan, and the mayor said she didn’t expect'), doc.text);
  assert.deepEqual(invariantProblems(doc), []);
  const repair = doc.repairs.find((r) => r.kind === 'mojibake');
  assert.ok(repair, 'the mojibake is repaired');
  // Copied characters map to themselves: the repair's raw span is the damaged word in the page.
  assert.ok(/didnâ€™t/.test(page.slice(repair.rawSpan.start, repair.rawSpan.end)), page.slice(repair.rawSpan.start, repair.rawSpan.end));
  assert.ok(repair.rawSpan.end - repair.rawSpan.start < 20);
  for (const r of doc.removed) assert.equal(page.slice(r.span.start, r.span.end), r.text);
  assert.ok(doc.removed.some((r) => r.text.startsWith('Follow the Harlow Gazette')), 'the trailer is removed as a span of the page');
});

test('container fields (a WARC-Date, the fetched address) fill only what the page leaves empty', () => {
  const page = Buffer.from('<html><body><article><h1>Crane falls</h1><p>A crane collapsed on Monday at the quay, the port authority said, and nobody was hurt in the accident.</p></article></body></html>');
  const item = htmlFromBytes(page, 'x.warc#1', { url: 'https://port.example/crane', date: '2019-11-18T10:00:00Z', format: 'warc' });
  const doc = extract((item as { source: SourceRecord }).source, DEFAULT_CONTEXT);
  assert.equal(doc.publishedAt, '2019-11-18T10:00:00Z');
  assert.equal(doc.fields.publishedAt?.via, 'container');
  assert.equal(doc.fields.publishedAt?.confidence, 0.3);
  assert.equal(doc.url, 'https://port.example/crane');
  const dated = htmlFromBytes(Buffer.from(page.toString().replace('<html>', '<html><head><meta property="article:published_time" content="2019-11-17"></head>')), 'y.warc#1', { date: '2019-11-18T10:00:00Z', format: 'warc' });
  assert.equal(extract((dated as { source: SourceRecord }).source, DEFAULT_CONTEXT).publishedAt, '2019-11-17');
});

test('page text: a body found only in JSON-LD points at its words in the script', () => {
  const body = 'The harbour reopened on Friday after the storm, and the port authority said that the damage was smaller than feared. The operatorâ€™s boats sailed again by noon, with long queues at the quay.';
  const page = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour reopens","articleBody":"${body}"}</script></head><body><div id="app"></div></body></html>`;
  const doc = extract({ uri: 'ld.html', format: 'html', raw: page, markup: 'html', record: {}, messages: [] }, DEFAULT_CONTEXT);
  assert.deepEqual(invariantProblems(doc), []);
  assert.ok(doc.text.includes('The harbour reopened on Friday'), doc.text);
  const repair = doc.repairs.find((r) => r.kind === 'mojibake');
  assert.ok(repair);
  assert.ok(repair.rawSpan.start > page.indexOf('articleBody') && repair.rawSpan.end - repair.rawSpan.start < 20, JSON.stringify(repair.rawSpan));
});

test('page text: the tracked text equals the lines whatever the markup (runs out of order fall back to whole pieces)', () => {
  const raw = '<p>a &amp; b</p><p>  c  </p>';
  const t = pageText(raw, [{ text: 'Title' }, { text: 'a & b', source: 'a & b', runs: [0, 3, 5, 2, 5, 10, 3, 10, 12] }, { text: 'c', source: '  c  ', runs: [0, 19, 24] }]);
  assert.equal(t.text, 'Title\n\na & b\n\nc');
  assert.deepEqual(toRawSpan(t, { start: 9, end: 10 }), { start: 5, end: 10 }, 'the "&" stands for "&amp;"');
  assert.deepEqual(toRawSpan(t, { start: 14, end: 15 }), { start: 21, end: 22 });
  const bad = pageText(raw, [{ text: 'c', source: 'c', runs: [0, 21, 22] }, { text: 'a & b', source: 'a & b', runs: [0, 3, 8] }]);
  assert.equal(bad.text, 'c\n\na & b');
});

test('charset: meta charset, mislabelled Latin-1 that is UTF-8, UTF-8 label on Windows-1252 bytes, BOM', () => {
  const latin = Buffer.concat([Buffer.from('<meta charset="iso-8859-1"><p>'), Buffer.from('Café señor', 'utf8'), Buffer.from('</p>')]);
  const d1 = decodeHtml(latin);
  assert.ok(d1.text.includes('Café señor'));
  assert.deepEqual(d1.mislabelled, { declared: 'iso-8859-1', used: 'utf-8' });
  const cp = Buffer.concat([Buffer.from('<meta charset="utf-8"><p>caf'), Buffer.from([0xe9, 0x20, 0x93, 0x71, 0x94]), Buffer.from('</p>')]);
  const d2 = decodeHtml(cp);
  assert.ok(d2.text.includes('café “q”'));
  assert.equal(d2.mislabelled?.used, 'windows-1252');
  const sjis = decodeHtml(Buffer.from([0x3c, 0x6d, 0x65, 0x74, 0x61, 0x20, 0x63, 0x68, 0x61, 0x72, 0x73, 0x65, 0x74, 0x3d, 0x73, 0x68, 0x69, 0x66, 0x74, 0x5f, 0x6a, 0x69, 0x73, 0x3e, 0x82, 0xa0]));
  assert.ok(sjis.text.endsWith('あ'));
  assert.equal(decodeHtml(Buffer.from('\uFEFF<p>x</p>', 'utf8')).text, '<p>x</p>');
});

test('a page with no body gives CC220, not an exception', () => {
  const a = extractHtml('<html><head><title>Nothing</title></head><body><nav><a href="/">Home</a></nav></body></html>', { uri: 'empty.html' });
  assert.equal(a.lines.length, 0);
  assert.ok(a.messages.some((m) => m.code === 'CC220'));
  // Through extract: a doc with no text whose CC220 says it is no article (the commands skip it), not CC201 as well.
  const doc = extract({ uri: 'empty.html', format: 'html', raw: '<html><head><title>Nothing</title></head><body><nav><a href="/">Home</a></nav></body></html>', markup: 'html', record: {}, messages: [] }, DEFAULT_CONTEXT);
  assert.equal(doc.text, '');
  assert.equal(noArticleIn(doc)?.code, 'CC220');
  assert.ok(!doc.messages.some((m) => m.code === 'CC201'));
  assert.deepEqual(invariantProblems(doc), []);
});

test('20 MB of nested <div> is read in bounded time and depth (CC223), without stack overflow', () => {
  const depth = 20 * 1024 * 1024 / 5 / 2;
  const html = '<div>'.repeat(depth) + '<p>Deep text that should not crash the extractor, with commas, and more words.</p>' + '</div>'.repeat(depth);
  const started = Date.now();
  const a = extractHtml(html, { uri: 'deep.html', timeBudgetMs: 3000 });
  assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
  assert.ok(a.messages.some((m) => m.code === 'CC223'));
});

test('paywalled body is flagged (CC222); truncated teaser too', () => {
  const pay = extractHtml(
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","isAccessibleForFree":false}</script><div class="article-body"><p>The first paragraph of the story is free to read, and tells you a little about it.</p></div><div class="paywall">Subscribe to read more</div>',
    { uri: 'pay.html' },
  );
  assert.equal(pay.paywalled, true);
  assert.ok(pay.messages.some((m) => m.code === 'CC222'));
  const cut = extractHtml('<div><p>The opening of a story that the page cuts off in the middle of its second sentence, and then…</p></div>', { uri: 'cut.html' });
  assert.equal(cut.truncated, true);
});

test('embedded tweets quoted by the article are kept', () => {
  const a = extractHtml(
    '<article><div class="entry-content"><p>The governor answered her critics on Monday, in a post that was shared thousands of times, officials said.</p><div class="social-media-embed"><blockquote class="twitter-tweet"><p>We are on it, and the campaign is working, said the post.</p></blockquote></div><p>The campaign cost nearly half a million dollars, according to state records, and ran for a month.</p></div></article>',
    { uri: 't.html' },
  );
  assert.ok(bodyText(a).includes('We are on it'));
});
