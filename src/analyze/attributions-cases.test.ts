/**
 * Golden cases for attributions and quote speakers: one folder per case in
 * test/cases/attributions/ (source.txt, expected.json), each a failure class of real news text
 * written in our own words. The text goes through extract and the analysis stages up to
 * attributions; every list in expected.json must match exactly, in order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docThrough } from './segment-fixture.js';

const CASES = fileURLToPath(new URL('../../test/cases/attributions/', import.meta.url));

for (const name of readdirSync(CASES).sort()) {
  test(`golden attributions: ${name}`, () => {
    const doc = docThrough(readFileSync(`${CASES}${name}/source.txt`, 'utf8'), 'attributions');
    const expected = JSON.parse(readFileSync(`${CASES}${name}/expected.json`, 'utf8')) as { attributions?: string[]; quotes?: string[] };
    if (expected.attributions) {
      assert.deepEqual(doc.attributions.map((a) => `${a.kind}: ${a.text}${a.outlet !== undefined ? ` (${a.outlet})` : ''}`), expected.attributions);
    }
    if (expected.quotes) {
      assert.deepEqual(doc.quotes.map((q) => `${q.text}${q.short ? ' (short)' : ''} => ${q.speakerKind}${q.speaker ? `: ${q.speaker.text}` : ''}`), expected.quotes);
    }
  });
}
