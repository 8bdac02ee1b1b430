/**
 * Utf8Text answers as the decoded string does, at every offset (surrogate pairs included), and a
 * page read from bytes reaches extract undecoded: the same doc as from its decoded text, with
 * the whole page never decoded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Utf8Text } from './utf8-text.js';
import { htmlFromBytes } from './html.js';
import { extract } from '../extract/index.js';
import { DEFAULT_CONTEXT, toArticle, type SourceRecord } from '../model/index.js';

function check(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  const view = new Utf8Text(bytes);
  const n = text.length;
  assert.equal(view.length, n);
  for (let i = -1; i <= n + 1; i++) {
    assert.equal(view.charCodeAt(i), text.charCodeAt(i), `charCodeAt ${i}`);
    for (let j = i; j <= n + 1; j++) assert.equal(view.slice(i, j), text.slice(i, j), `slice ${i}..${j}`);
    for (const needle of ['', 'a', 'é', '😀', '😀b', 'b\u00e9', text.slice(i, i + 3), text.slice(i + 1, i + 2), 'zz']) {
      // A lone surrogate (half of a pair sliced off) is looked for in the decoded text: on a view of its own.
      const on = /[\uD800-\uDFFF]/.test(needle) && !/^(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\uD800-\uDFFF])*$/.test(needle) ? new Utf8Text(bytes) : view;
      assert.equal(on.indexOf(needle, i), text.indexOf(needle, i), `indexOf ${JSON.stringify(needle)} from ${i}`);
      assert.equal(view.startsWith(needle, i), text.startsWith(needle, i), `startsWith ${JSON.stringify(needle)} at ${i}`);
    }
  }
  assert.equal(view.slice(-3), text.slice(-3));
  assert.equal(view['decoded'], null, 'answered without decoding the whole text');
  // A lone surrogate has no UTF-8: searched for in the decoded text.
  assert.equal(new Utf8Text(bytes).indexOf('\uDE00', 1), text.indexOf('\uDE00', 1));
  assert.equal(view.toString(), text);
  // Once decoded, the answers come from the text and stay the same.
  assert.equal(view.slice(1, 4), text.slice(1, 4));
}

test('a page of UTF-8 read undecoded answers as its decoded text', () => {
  check('');
  check('plain ascii');
  check('é');
  check('a😀b');
  check('😀😀é a😀 ab é😀b ab😀');
  check('Caf\u00e9 “quoted” — dash, 日本語 and 😀 then ascii a b');
});

test('a page read from bytes is extracted undecoded, as its decoded text is', () => {
  const page = `<html><head><title>Fähre rammt Kai 😀</title></head><body><article><h1>Fähre rammt Kai 😀</h1>
<p>By Jörg Ølsen</p>
<p>The ferry “Nordlys” hit the quay on Monday, the harbour master said. Nobody was hurt — three 😀 cars were damaged.</p>
<p>Share this article</p>
<p>The company said the captain, Åsa Berg, had reported a fault in the steering before the crash at the café pier.</p>
</article></body></html>`;
  const bytes = Buffer.from(page, 'utf8');
  const item = htmlFromBytes(bytes, 'p.html');
  assert.equal(item.kind, 'source');
  const source = (item as { source: SourceRecord }).source;
  assert.ok(source.page instanceof Utf8Text);
  const doc = extract(source, DEFAULT_CONTEXT);
  assert.equal((source.page as Utf8Text)['decoded'], null, 'extract did not decode the whole page');
  assert.equal(doc.contentHash, createHash('sha256').update(page).digest('hex'));
  const plain = extract({ uri: 'p.html', format: 'html', raw: page, markup: 'html', record: {}, messages: [] }, DEFAULT_CONTEXT);
  assert.deepEqual(toArticle(doc), toArticle(plain));
  assert.ok(doc.text.includes('“Nordlys”'));
  // The record still reads as it did: `raw` is the text; copies and JSON carry it, not the page.
  assert.equal(source.raw, page);
  assert.deepEqual(Object.keys(source), ['uri', 'format', 'raw', 'markup', 'record', 'messages']);
  assert.equal((JSON.parse(JSON.stringify(source)) as SourceRecord).raw, page);
  assert.equal(structuredClone(source).raw, page);
});
