/**
 * Golden cases of watch (test/cases/watch/NAME/): two versions of a page (v1.html, v2.html) and
 * what watch must say about the second (expected.json: its flags with the first evidence's words,
 * and its differences, or "any"). Each fixed failure of real pages adds a folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONTEXT } from '../model/index.js';
import { extract } from '../extract/index.js';
import { htmlFromBytes } from '../read/html.js';
import { diffTexts } from './diff.js';
import { flagVersion } from './flags.js';

const CASES = fileURLToPath(new URL('../../test/cases/watch/', import.meta.url));

function read(dir: string, name: string) {
  const item = htmlFromBytes(readFileSync(`${dir}/${name}`), name, { url: `https://courier.example/${name}` });
  assert.equal(item.kind, 'source');
  return extract((item as { kind: 'source'; source: Parameters<typeof extract>[0] }).source, DEFAULT_CONTEXT);
}

for (const name of readdirSync(CASES)) {
  test(`watch case ${name}`, () => {
    const dir = `${CASES}${name}`;
    const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as { flags: [string, string][]; diff: [string, string, string][] | 'any' };
    const a = read(dir, 'v1.html');
    const b = read(dir, 'v2.html');
    const diff = diffTexts(a.text, b.text);
    const flags = flagVersion({
      before: { text: a.text, title: a.title, titleSpan: a.fields.title?.span ?? null },
      after: { text: b.text, title: b.title, titleSpan: b.fields.title?.span ?? null, removed: b.removed },
      diff,
    });
    assert.deepEqual(flags.map((f) => [f.kind, f.evidence[0]?.text ?? '']), expected.flags);
    if (expected.diff !== 'any') assert.deepEqual(diff.map((d) => [d.kind, d.beforeText, d.afterText]), expected.diff);
  });
}
