// The dependency rule of DEVELOPING.md, read from the imports: a folder of src/ may import its own
// layer and the layers below it, never one above; adapters do not import one another (but the CLI,
// which launches the server and the workers); the story side reads the store's types only (the
// clusterer works against the store's ports, the collection wires them); test helpers are not
// imported by shipped code (they stay out of dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { ROOT } from './helpers.js';

const LAYER: Record<string, number> = {
  model: 0,
  read: 1,
  extract: 2,
  analyze: 3,
  stance: 3,
  stories: 4,
  store: 4,
  report: 4,
  collection: 5,
  watch: 6,
  cli: 7,
  server: 7,
  worker: 7,
  index: 8,
};
/**
 * Imports across the rule that are still there, each with why: the test fails when one is gone
 * (take it off) or a new one comes. None today: read/ gives pages and feed items as markup and
 * extract/html builds the Doc from them (issue #20).
 */
const KNOWN: ReadonlySet<string> = new Set<string>([]);
/** Adapters that may import another adapter: the command line starts the server and the workers. */
const ADAPTER_EDGES = new Set(['cli->server', 'cli->worker']);
const TEST_HELPER = /(^|\/)(testing|contract|contract-crash|crash-writer|test-fixtures|test-server|fixture|[\w-]+-fixture)\.ts$/;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(relative(ROOT, p).split('\\').join('/'));
  }
  return out;
}

function folder(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? (parts[1] as string) : (parts[1] as string).replace(/\.ts$/, '');
}

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function imports(): Import[] {
  const out: Import[] = [];
  for (const f of sources(join(ROOT, 'src'))) {
    const text = readFileSync(join(ROOT, f), 'utf8');
    for (const m of text.matchAll(/^\s*(import|export)(\s+type)?\b[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gm)) {
      const spec = (m[3] ?? m[4]) as string;
      const to = posix.normalize(posix.join(posix.dirname(f), spec)).replace(/\.js$/, '.ts');
      out.push({ from: f, to, typeOnly: m[2] !== undefined });
    }
  }
  return out;
}

test('every folder of src/ has a layer', () => {
  const folders = new Set(sources(join(ROOT, 'src')).map(folder));
  for (const f of folders) assert.ok(f in LAYER, `src/${f} is in no layer of test/architecture.test.ts (and DEVELOPING.md)`);
});

test('no import goes up a layer or across adapters', () => {
  const wrong: string[] = [];
  const known = new Set<string>();
  for (const i of imports()) {
    const a = folder(i.from);
    const b = folder(i.to);
    if (a === b) continue;
    const la = LAYER[a] ?? -1;
    const lb = LAYER[b] ?? -1;
    if (KNOWN.has(`${i.from} imports ${i.to}`)) {
      known.add(`${i.from} imports ${i.to}`);
      continue;
    }
    if (lb > la) wrong.push(`${i.from} imports ${i.to} (layer ${b} is above ${a})`);
    else if (la === lb && !ADAPTER_EDGES.has(`${a}->${b}`) && !(a === 'stories' && b === 'store' && i.typeOnly)) wrong.push(`${i.from} imports ${i.to} (${a} and ${b} are side by side)`);
  }
  assert.deepEqual(wrong, []);
  assert.deepEqual([...KNOWN].filter((k) => !known.has(k)), [], 'these known exceptions are gone: take them off KNOWN');
});

test('the story side reads only the store types (its ports), never an implementation', () => {
  const wrong = imports().filter((i) => folder(i.from) === 'stories' && folder(i.to) === 'store' && !i.typeOnly);
  assert.deepEqual(wrong.map((i) => `${i.from} imports ${i.to}`), []);
});

test('shipped code does not import test helpers', () => {
  const wrong = imports().filter((i) => !TEST_HELPER.test(i.from) && TEST_HELPER.test(i.to));
  assert.deepEqual(wrong.map((i) => `${i.from} imports ${i.to}`), []);
});
