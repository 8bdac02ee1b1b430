import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Doc } from '../model/index.js';
import { fixtureComparison } from './fixture.js';
import { SCHEMA, renderJSON, toJSON } from './json.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => v as Obj;
const list = (v: unknown): Obj[] => v as Obj[];

test('the report keeps the contract names and order at the top level', () => {
  const json = obj(JSON.parse(renderJSON(fixtureComparison())));
  assert.deepEqual(Object.keys(json), ['schema', 'generatedBy', 'articles', 'stories', 'messages']);
  assert.equal(json['schema'], SCHEMA);
  assert.match(String(json['generatedBy']), /^crosscheck \d/);
  assert.equal(list(json['messages'])[0]?.['code'], 'CC100');
});

test('articles keep every contract field, in the Article order', () => {
  const json = obj(toJSON(fixtureComparison()));
  const a = list(json['articles'])[0] ?? {};
  for (const key of ['id', 'uri', 'title', 'byline', 'publishedAt', 'outlet', 'text', 'removed', 'repairs', 'entities', 'quotes', 'attributions', 'signals', 'messages', 'profile', 'claims', 'sentences', 'paragraphs', 'fields', 'contentHash']) {
    assert.ok(key in a, key);
  }
  assert.deepEqual(Object.keys(a).slice(0, 4), ['id', 'contentHash', 'uri', 'format']);
  const attribution = list(a['attributions'])[0] ?? {};
  assert.equal(attribution['kind'], 'anonymous');
  const message = list(a['messages'])[0] ?? {};
  assert.deepEqual(Object.keys(message).slice(0, 5), ['code', 'severity', 'stage', 'reason', 'hint']);
  const b = list(json['articles'])[1] ?? {};
  assert.deepEqual(list(b['signals']).map((s) => s['kind']), ['sensational-title', 'loaded', 'loaded', 'opinion', 'hedge']);
});

test('stories keep facts, reuse and coverage with their contract names', () => {
  const json = obj(toJSON(fixtureComparison()));
  const s = list(json['stories'])[0] ?? {};
  assert.deepEqual(Object.keys(s), ['id', 'title', 'articleIds', 'outlets', 'firstPublished', 'lastPublished', 'origins', 'facts', 'reuse', 'coverage', 'synopsis']);
  assert.deepEqual(list(s['synopsis']).map((l) => Object.keys(l)), [['factId', 'text', 'independentOrigins', 'articles']]);
  const fact = list(s['facts'])[1] ?? {};
  assert.deepEqual(Object.keys(fact), ['id', 'status', 'independentOrigins', 'articleIds', 'summary', 'members', 'conflicts']);
  assert.equal(fact['status'], 'corroborated');
  assert.equal(fact['independentOrigins'], 2);
  const reuse = list(s['reuse'])[0] ?? {};
  assert.deepEqual(Object.keys(reuse), ['from', 'to', 'share', 'direction', 'passages']);
  assert.equal(reuse['share'], 0.62);
});

test('every evidence item carries articleId, span and text, and the text is the slice of the span', () => {
  const c = fixtureComparison();
  const texts = new Map(c.articles.map((a) => [a.id, a.text]));
  let seen = 0;
  const visit = (v: unknown, path: string): void => {
    if (Array.isArray(v)) return v.forEach((x, i) => visit(x, `${path}[${i}]`));
    if (!v || typeof v !== 'object') return;
    const o = v as Obj;
    if ('articleId' in o && 'span' in o) {
      seen++;
      assert.equal(typeof o['text'], 'string', path);
      const span = o['span'] as { start: number; end: number };
      if (!path.includes('.removed[')) assert.equal(texts.get(String(o['articleId']))?.slice(span.start, span.end), o['text'], path);
    }
    for (const [k, x] of Object.entries(o)) visit(x, `${path}.${k}`);
  };
  visit(toJSON(c), '$');
  assert.ok(seen > 20, `only ${seen} evidence items`);
});

test('working layers never reach the report, and output is deterministic', () => {
  const c = fixtureComparison();
  const first = c.articles[0] as Article;
  const doc: Doc = { ...first, raw: 'RAW INPUT', tokens: [{ start: 0, end: 1, norm: 'u', kind: 'word' }] };
  // Keys in a different order must give the same bytes.
  const reordered = Object.fromEntries(Object.entries(doc).reverse()) as unknown as Article;
  const a = renderJSON({ ...c, articles: [reordered, ...c.articles.slice(1)] });
  assert.equal(a.includes('RAW INPUT'), false);
  assert.equal(a.includes('"tokens"'), false);
  assert.equal(a, renderJSON(c));
});

test("a member's stance-model reading is an added field, its evidence rebuilt field by field", () => {
  const c = fixtureComparison();
  const fact = c.stories[0]?.facts[1];
  const member = fact?.members[0];
  assert.ok(fact && member);
  const memberOf = (): Obj => list(obj(list(obj(list(obj(toJSON(c))['stories'])[0])['facts'])[1])['members'])[0] ?? {};
  const plainKeys = Object.keys(memberOf());
  assert.deepEqual(plainKeys, ['articleId', 'span', 'text', 'stance'], 'no field when the model did not read the member');
  const ev = { articleId: member.articleId, span: { ...member.span }, text: member.text, extra: 'dropped' };
  member.stanceModel = { label: 'agree', agree: 0.7, disagree: 0.05, discuss: 0.2, unrelated: 0.05, evidence: [ev], changed: false };
  const m = memberOf();
  assert.deepEqual(Object.keys(m), ['articleId', 'span', 'text', 'stance', 'stanceModel']);
  const sm = obj(m['stanceModel']);
  assert.deepEqual(Object.keys(sm), ['label', 'agree', 'disagree', 'discuss', 'unrelated', 'evidence', 'changed']);
  assert.deepEqual(Object.keys(list(sm['evidence'])[0] ?? {}), ['articleId', 'span', 'text']);
});
