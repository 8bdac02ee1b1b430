/**
 * Golden cases of claim alignment: one folder per failure class of real news text in
 * test/cases/facts/, written in our own words: the articles of one story (*.txt) and
 * expected.json, whose patterns (regular expressions over member texts) say
 *   together  some fact has a member matching each pattern, from different articles;
 *   apart     no fact has members matching both patterns;
 *   alone     a member matching the pattern is in a fact with no other article's member;
 *   disputed  a disputed fact has a conflict with one side matching each pattern (either way);
 *   undisputed no conflict has one side matching each pattern (either way);
 *   summaryWithout [member, words]: a fact holds a member matching the first pattern, and no such
 *              fact's summary matches the second;
 *   noFactOf   no fact has only members matching the pattern (a fragment of a sentence in a fact
 *              of its own).
 * The articles go through the whole pipeline and analyzeStory as one story.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../collection/pipeline.js';
import { analyzeStory } from './index.js';
import { assertEvidence } from './testing.js';

const CASES = fileURLToPath(new URL('../../test/cases/facts/', import.meta.url));

interface Expected {
  together?: string[][];
  apart?: string[][];
  alone?: string[];
  disputed?: string[][];
  undisputed?: string[][];
  summaryWithout?: string[][];
  noFactOf?: string[];
}

for (const name of readdirSync(CASES).sort()) {
  test(`golden facts: ${name}`, () => {
    const dir = `${CASES}${name}/`;
    const articles = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => analyzeText(readFileSync(`${dir}${f}`, 'utf8'), { uri: `${name}/${f}` }));
    const expected = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as Expected;
    const { story } = analyzeStory(name, articles);
    assertEvidence([story], articles);
    const shown = story.facts.map((f) => f.members.map((m) => m.text).join(' | ')).join('\n');
    for (const patterns of expected.together ?? []) {
      const res = patterns.map((p) => new RegExp(p));
      const ok = story.facts.some((f) => {
        const hits = res.map((re) => f.members.filter((m) => re.test(m.text)).map((m) => m.articleId));
        return hits.every((h) => h.length > 0) && new Set(hits.flat()).size > 1;
      });
      assert.ok(ok, `no fact holds ${patterns.join(' + ')}:\n${shown}`);
    }
    for (const [a, b] of expected.apart ?? []) {
      const ra = new RegExp(a ?? '');
      const rb = new RegExp(b ?? '');
      const bad = story.facts.filter((f) => f.members.some((m) => ra.test(m.text)) && f.members.some((m) => rb.test(m.text)));
      assert.equal(bad.length, 0, `one fact holds ${a} and ${b}:\n${shown}`);
    }
    const sides = (f: (typeof story.facts)[number], a: RegExp, b: RegExp): boolean =>
      f.conflicts.some((c) => (a.test(c.a.text) && b.test(c.b.text)) || (b.test(c.a.text) && a.test(c.b.text)));
    const conflictsShown = story.facts.flatMap((f) => f.conflicts.map((c) => `${f.status} ${c.kind}: ${c.a.text} / ${c.b.text}`)).join('\n');
    for (const [a, b] of expected.disputed ?? []) {
      const ra = new RegExp(a ?? '');
      const rb = new RegExp(b ?? '');
      assert.ok(story.facts.some((f) => f.status === 'disputed' && sides(f, ra, rb)), `no dispute of ${a} and ${b}:\n${conflictsShown}\n${shown}`);
    }
    for (const [a, b] of expected.undisputed ?? []) {
      const ra = new RegExp(a ?? '');
      const rb = new RegExp(b ?? '');
      assert.ok(!story.facts.some((f) => sides(f, ra, rb)), `${a} and ${b} are disputed:\n${conflictsShown}`);
    }
    for (const [a, b] of expected.summaryWithout ?? []) {
      const ra = new RegExp(a ?? '');
      const rb = new RegExp(b ?? '');
      const holders = story.facts.filter((f) => f.members.some((m) => ra.test(m.text)));
      assert.ok(holders.length > 0, `no fact holds ${a}`);
      for (const f of holders) assert.ok(!rb.test(f.summary), `the summary of the fact holding ${a} says ${b}: ${f.summary}`);
    }
    for (const p of expected.noFactOf ?? []) {
      const re = new RegExp(p);
      const own = story.facts.filter((f) => f.members.every((m) => re.test(m.text)));
      assert.equal(own.length, 0, `${p} is a fact of its own:\n${shown}`);
    }
    for (const p of expected.alone ?? []) {
      const re = new RegExp(p);
      const holders = story.facts.filter((f) => f.members.some((m) => re.test(m.text)));
      assert.ok(holders.length > 0, `no fact holds ${p}`);
      for (const f of holders) assert.equal(f.articleIds.length, 1, `${p} is joined with another article:\n${shown}`);
    }
  });
}
