import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONTEXT, type Doc } from '../model/index.js';
import { extract } from './index.js';
import { invariantProblems } from './invariants.js';

const SEEDS = fileURLToPath(new URL('../../../shared/corpus/seeds/', import.meta.url));

function seed(name: string): Doc {
  const uri = SEEDS + name;
  const doc = extract({ uri, format: 'text', raw: readFileSync(uri, 'utf8'), record: {}, messages: [] }, DEFAULT_CONTEXT);
  assert.deepEqual(invariantProblems(doc), []);
  return doc;
}

test('seed 000: comment policy trailer removed, metadata read, glued words repaired', () => {
  const doc = seed('000_095b28c4d977072b.txt');
  assert.ok(!doc.text.includes('We are dedicated'));
  assert.ok(!doc.text.includes('Please keep the following'));
  assert.ok(doc.text.endsWith('toward greater nuclear capability.'));
  assert.equal(doc.removed.length, 1);
  assert.equal(doc.removed[0]!.kind, 'comment-policy');
  assert.equal(doc.title, 'U.S. pursues direct talks with North Korea, despite Trump');
  assert.equal(doc.byline, 'Tyler Henderson');
  assert.equal(doc.publishedAt, '2017-11-02');
  assert.equal(doc.fields.publishedAt?.text, 'Nov 02, 2017');
  assert.equal(doc.fields.byline?.from, 'text');
  assert.equal(doc.lang, 'en');
  const glued = doc.repairs.filter((r) => r.kind === 'glued-words').map((r) => [r.before, r.text]);
  assert.deepEqual(glued, [
    ['handsWarmbier', 'hands — Warmbier'],
    ['exceptionand', 'exception — and'],
  ]);
  assert.ok(doc.text.includes('North Korean hands — Warmbier, who died'));
  assert.deepEqual(doc.paragraphs.slice(0, 4).map((p) => p.kind), ['title', 'standfirst', 'byline', 'body']);
  // The header lines stay in the text.
  assert.ok(doc.text.startsWith('U.S. pursues direct talks'));
  assert.ok(doc.messages.some((m) => m.code === 'CC202'));
  assert.ok(doc.messages.some((m) => m.code === 'CC203'));
  assert.ok(!doc.messages.some((m) => m.severity === 'error'));
});

test('seed 004: comment widget removed, no byline or date invented, heading and caption found', () => {
  const doc = seed('004_9f62991a42b9fc4b.txt');
  assert.ok(!doc.text.includes('0 0 votes'));
  assert.ok(!doc.text.includes('View all comments'));
  assert.ok(!doc.text.includes('Article Rating'));
  assert.ok(doc.text.endsWith('according to Reuters.'));
  assert.equal(doc.title, 'US Has Been in Backchannel Diplomatic Talks with NKorea for Months!!!');
  assert.equal(doc.byline, null);
  assert.equal(doc.publishedAt, null);
  assert.equal(doc.fields.byline, null);
  const kindOf = (words: string): string | undefined => doc.paragraphs.find((p) => doc.text.slice(p.span.start, p.span.end) === words)?.kind;
  assert.equal(kindOf('China is no friend'), 'heading');
  assert.equal(kindOf('Joseph Yun, the U.S. envoy to North Korea'), 'caption');
  assert.equal(doc.paragraphs[0]!.kind, 'title');
  // No-break spaces became plain spaces; the curly quotes were already right and stay.
  assert.ok(doc.text.includes('who arrived back home'));
  assert.ok(doc.text.includes('President’s tough language'));
  assert.equal(doc.removed[0]!.kind, 'comment-widget');
  assert.equal(doc.removed[0]!.text, '0 0 votes\nArticle Rating\nNotify of\n1 Comment\nOldest Most Voted\nInline Feedbacks\nView all comments');
});
