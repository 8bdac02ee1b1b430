import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractHtml, extractHtmlBytes, bodyText, toSourceRecord } from './index.js';
import { decodeHtml } from '../../read/charset.js';
import { extract } from '../index.js';
import { DEFAULT_CONTEXT } from '../../model/index.js';

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

test('the source record is the seed text form and the text stage keeps the metadata', () => {
  const html = readFileSync(`${CASES}furniture/source.html`);
  const a = extractHtmlBytes(html, { uri: 'p.html' });
  const source = toSourceRecord(a, 'p.html');
  assert.equal(source.format, 'html');
  assert.ok(source.raw.startsWith('Council approves second bridge\n\nBy Maria Lopez | 2024-03-05T09:30:00Z\n\nThe city council'));
  const doc = extract(source, DEFAULT_CONTEXT);
  assert.equal(doc.title, 'Council approves second bridge');
  assert.equal(doc.byline, 'Maria Lopez');
  assert.equal(doc.publishedAt, '2024-03-05T09:30:00Z');
  assert.equal(doc.outlet, 'The Riverside Courier');
  assert.ok(!doc.text.includes('newsletter'));
  assert.ok(doc.paragraphs.some((p) => p.kind === 'body'));
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
