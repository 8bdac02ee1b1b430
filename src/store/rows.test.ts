import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONTEXT, toArticle, type Article } from '../model/index.js';
import { extract } from '../extract/index.js';
import { analyze } from '../analyze/index.js';
import { fromStored, toStore } from './rows.js';

const CORPUS = fileURLToPath(new URL('../../examples/corpus/', import.meta.url));

function articlesOfCorpus(): Article[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => toArticle(analyze(extract({ uri: f, format: 'text', raw: readFileSync(CORPUS + f, 'utf8'), record: {}, messages: [] }, DEFAULT_CONTEXT), DEFAULT_CONTEXT)));
}

test('a stored article leaves out the evidence texts and ids it can rebuild, and reads back byte for byte', () => {
  const articles = articlesOfCorpus();
  assert.ok(articles.length >= 6);
  let plain = 0;
  let stored = 0;
  for (const a of articles) {
    const row = toStore(a);
    assert.equal(JSON.stringify(fromStored(row.doc, row.text)), JSON.stringify(a), a.uri);
    plain += JSON.stringify({ ...a, text: '' }).length;
    stored += row.doc.length;
    // No entity's words and no copy of the id are left in the document.
    const doc = JSON.parse(row.doc) as Article;
    assert.ok(a.entities.length > 0 && doc.entities.every((e) => (e.text as unknown) === 0 && (e.articleId as unknown) === 0), a.uri);
  }
  assert.ok(stored < plain * 0.8, `${stored} of ${plain} characters`);
});

test('evidence the text does not hold at its span (removed boilerplate is of the raw input) is kept as it was', () => {
  const [a] = articlesOfCorpus();
  assert.ok(a);
  const odd: Article = {
    ...a,
    removed: [{ articleId: a.id, span: { start: 0, end: 5 }, text: 'Share this', kind: 'share-prompt' }],
    entities: [{ ...(a.entities[0] as Article['entities'][number]), articleId: 'another-article' }],
    // A value that is 0 must not be taken for a placeholder of something else.
    claims: a.claims.slice(0, 1).map((c) => ({ ...c, checkworthy: 0, sentence: 0 })),
  };
  const row = toStore(odd);
  const doc = JSON.parse(row.doc) as Article;
  assert.equal(doc.removed[0]?.text, 'Share this');
  assert.equal(doc.entities[0]?.articleId, 'another-article');
  assert.equal(JSON.stringify(fromStored(row.doc, row.text)), JSON.stringify(odd));
});

test('a document stored with every text and id (before they were left out) reads as it did', () => {
  const [a] = articlesOfCorpus();
  assert.ok(a);
  assert.equal(JSON.stringify(fromStored(JSON.stringify({ ...a, text: '' }), a.text)), JSON.stringify(a));
});
