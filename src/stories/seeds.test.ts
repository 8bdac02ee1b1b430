// The founding example: two real articles on one 2017 event, told in different words.
// Read at test time from ../shared/corpus/seeds (never copied in), through the whole pipeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../collection/pipeline.js';
import { compareArticles } from '../collection/compare.js';
import { assertEvidence, factsWith } from './testing.js';

const SEEDS = new URL('../../../shared/corpus/seeds/', import.meta.url);

function seed(name: string) {
  const path = fileURLToPath(new URL(name, SEEDS));
  return analyzeText(readFileSync(path, 'utf8'), { uri: path });
}

const news = seed('000_095b28c4d977072b.txt');
const rewrite = seed('004_9f62991a42b9fc4b.txt');
const { stories } = await compareArticles([news, rewrite]);
const corroborated = (...patterns: RegExp[]) =>
  factsWith(stories, ...patterns).filter((f) => f.status === 'corroborated' && f.articleIds.includes(news.id) && f.articleIds.includes(rewrite.id));

test('the seeds are one story with two independent origins and no copied passage', async () => {
  assert.equal(stories.length, 1);
  assert.equal(stories[0]?.origins.length, 2);
  assert.deepEqual(stories[0]?.reuse, []);
  assertEvidence(stories, [news, rewrite]);
});

test('seeds: Joseph Yun is the U.S. envoy (negotiator / envoy)', async () => {
  assert.ok(corroborated(/Joseph Yun, the U\.S\. negotiator/, /Joseph Yun, the U\.S\. envoy/).length > 0);
});

test('seeds: who Yun is is a fact of its own, joined by no sentence that says something else of him (#15)', async () => {
  assert.equal(factsWith(stories, /Joseph Yun, the U\.S\. (?:envoy|negotiator)/, /only US diplomat in contact/).length, 0);
});

test('seeds: the envoy\'s instructions are no part of the direct-talks fact: "President Donald Trump" is a name, not what they share (#15)', async () => {
  assert.equal(factsWith(stories, /Yun was under instruction/, /pursuing direct diplomacy|engaging in back-channel diplomacy/).length, 0);
});

test('seeds: contact with North Korean diplomats at the United Nations', async () => {
  assert.ok(corroborated(/North Korean diplomats|North Korean counterparts/, /Pak Song Il|North Korean counterpart/).length > 0);
});

test('seeds: the talks are about the imprisoned Americans (focused on / aim to secure the release of, #15)', async () => {
  assert.ok(corroborated(/The talks focused on Americans imprisoned/, /secure the release of U\.S\. prisoners/).length > 0);
});

test('seeds: the student released in June died', async () => {
  assert.ok(corroborated(/Warmbier, who died/, /later died/).length > 0);
});

test('seeds: at least four facts are corroborated by both', async () => {
  const both = stories[0]?.facts.filter((f) => f.status === 'corroborated' && f.articleIds.length === 2) ?? [];
  assert.ok(both.length >= 4, `only ${both.length}: ${both.map((f) => f.summary).join(' | ')}`);
});

test('seeds: what only one of them has stays single-source', async () => {
  const single = (re: RegExp) => factsWith(stories, re).filter((f) => f.status === 'single-source');
  assert.ok(single(/Three of the four prisoners are still/).length > 0);
  assert.ok(single(/Kim Dong Chul|Kim Hak-song/).length > 0 || single(/Kim Sang-duk/).length > 0);
  assert.ok(single(/not your enemy/).length > 0);
  assert.ok(single(/Global Times|stay neutral/).length > 0);
  // No fact ties the Tillerson quote or the Global Times to the other article.
  for (const f of factsWith(stories, /not your enemy|Global Times/)) assert.deepEqual(f.articleIds, [rewrite.id]);
  // Nor his praise of Yun: it shares only Yun's name with "Yun's mandate has broadened since
  // then", whose "since then" borrowed "seek the release" from the sentence before (#15).
  for (const f of factsWith(stories, /Tillerson praised Yun/)) assert.deepEqual(f.articleIds, [rewrite.id]);
});

test('seeds: every claim of every article lands in a fact, none dropped (#15)', async () => {
  const facts = stories[0]?.facts ?? [];
  for (const a of [news, rewrite]) {
    for (const c of a.claims) {
      const words = a.text.slice(c.span.start, c.span.end);
      if (words.split(/\s+/).length < 4) continue; // too short to be a unit of its own
      const holders = facts.filter((f) => f.members.some((m) => m.articleId === a.id && m.span.start < c.span.end && c.span.start < m.span.end));
      assert.ok(holders.length > 0, `no fact holds: ${words}`);
    }
  }
  for (const words of [/No indication has emerged yet/, /reined in/, /we cannot accept a nuclear North Korea/]) assert.ok(factsWith(stories, words).length > 0, String(words));
});
