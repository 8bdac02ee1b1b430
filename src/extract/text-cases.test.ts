/**
 * Golden text cases: one folder per fixed failure class of real text under test/cases/text/
 * (`source.txt`, or `source.html` for a page, and `expected.json`), our own invented articles.
 * Every key in expected.json is checked: title, byline, publishedAt, paragraphs ([kind, text]
 * each), removed ([kind, raw text] each), repairKinds, repairs ([kind, raw text before] each),
 * textIncludes, textExcludes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONTEXT } from '../model/index.js';
import { extract } from './index.js';
import { invariantProblems } from './invariants.js';

const CASES = fileURLToPath(new URL('../../test/cases/text/', import.meta.url));

interface Expected {
  title?: string | null;
  byline?: string | null;
  publishedAt?: string | null;
  paragraphs?: [string, string][];
  removed?: [string, string][];
  repairKinds?: string[];
  repairs?: [string, string][];
  textIncludes?: string[];
  textExcludes?: string[];
}

for (const name of readdirSync(CASES).sort()) {
  test(`golden text: ${name}`, () => {
    const page = existsSync(`${CASES}${name}/source.html`);
    const raw = readFileSync(`${CASES}${name}/source.${page ? 'html' : 'txt'}`, 'utf8');
    const want = JSON.parse(readFileSync(`${CASES}${name}/expected.json`, 'utf8')) as Expected;
    const doc = extract(page ? { uri: `${name}.html`, format: 'html', raw, markup: 'html', record: {}, messages: [] } : { uri: `${name}.txt`, format: 'text', raw, record: {}, messages: [] }, DEFAULT_CONTEXT);
    assert.deepEqual(invariantProblems(doc), []);
    if (want.title !== undefined) assert.equal(doc.title, want.title, 'title');
    if (want.byline !== undefined) assert.equal(doc.byline, want.byline, 'byline');
    if (want.repairs) assert.deepEqual(doc.repairs.map((r) => [r.kind, r.before]), want.repairs, 'repairs');
    if (want.publishedAt !== undefined) assert.equal(doc.publishedAt?.slice(0, 10) ?? null, want.publishedAt, 'publishedAt');
    if (want.paragraphs) assert.deepEqual(doc.paragraphs.map((p) => [p.kind, doc.text.slice(p.span.start, p.span.end)]), want.paragraphs, 'paragraphs');
    if (want.removed) assert.deepEqual(doc.removed.map((r) => [r.kind, r.text]), want.removed, 'removed');
    if (want.repairKinds) assert.deepEqual(doc.repairs.map((r) => r.kind), want.repairKinds, 'repairs');
    for (const s of want.textIncludes ?? []) assert.ok(doc.text.includes(s), `text lacks ${JSON.stringify(s)}:\n${doc.text}`);
    for (const s of want.textExcludes ?? []) assert.ok(!doc.text.includes(s), `text still has ${JSON.stringify(s)}:\n${doc.text}`);
  });
}
