/**
 * Golden cases for who copied whom: one folder per case in test/cases/reuse/, each a failure class
 * of real news text written in our own words: the articles as .txt files (the file name without
 * .txt is the id, no dates, no outlets) and expected.json, whose `reuse` lists the story's reuse
 * pairs as "from -> to", exactly, sorted, `derived` (when given) each pair's class, and `rewritten`
 * (when given) per pair [copy sentence, source sentence] patterns: the copy sentence must be listed
 * as rewritten from that source sentence and from no other; `notRewritten` (when given) per pair
 * patterns of copy sentences that must not be listed as rewritten at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareArticles } from '../collection/compare.js';
import { testArticle } from './testing.js';

const CASES = fileURLToPath(new URL('../../test/cases/reuse/', import.meta.url));

for (const name of readdirSync(CASES).sort()) {
  test(`golden reuse: ${name}`, async () => {
    const files = readdirSync(`${CASES}${name}`).filter((f) => f.endsWith('.txt')).sort();
    const articles = files.map((f) => testArticle(readFileSync(`${CASES}${name}/${f}`, 'utf8'), { id: f.slice(0, -4) }));
    const expected = JSON.parse(readFileSync(`${CASES}${name}/expected.json`, 'utf8')) as { reuse: string[]; derived?: Record<string, string>; rewritten?: Record<string, [string, string][]>; notRewritten?: Record<string, string[]> };
    const { stories } = await compareArticles(articles);
    const reuse = stories.flatMap((s) => s.reuse);
    assert.deepEqual(reuse.map((r) => `${r.from} -> ${r.to}`).sort(), [...expected.reuse].sort());
    for (const [pair, derived] of Object.entries(expected.derived ?? {})) assert.equal(reuse.find((r) => `${r.from} -> ${r.to}` === pair)?.derived, derived, pair);
    for (const [pair, sentences] of Object.entries(expected.rewritten ?? {})) {
      const listed = reuse.find((r) => `${r.from} -> ${r.to}` === pair)?.rewritten ?? [];
      for (const [copy, source] of sentences) {
        const sources = listed.filter((x) => new RegExp(copy).test(x.to.text)).map((x) => x.from.text);
        assert.equal(sources.length, 1, `${pair}: "${copy}" listed once as rewritten (${JSON.stringify(listed.map((x) => x.to.text))})`);
        assert.match(sources[0] ?? '', new RegExp(source), `${pair}: "${copy}" is rewritten from /${source}/`);
      }
    }
    for (const [pair, patterns] of Object.entries(expected.notRewritten ?? {})) {
      const listed = reuse.find((r) => `${r.from} -> ${r.to}` === pair)?.rewritten ?? [];
      for (const copy of patterns) assert.ok(!listed.some((x) => new RegExp(copy).test(x.to.text)), `${pair}: "${copy}" is not a rewritten sentence (${JSON.stringify(listed.map((x) => x.to.text))})`);
    }
  });
}
