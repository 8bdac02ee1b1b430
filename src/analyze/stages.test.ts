import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONTEXT, type Doc } from '../model/index.js';
import { extract } from '../extract/index.js';
import { analyze, STAGES, type Layer } from './index.js';
import { Working } from './working.js';

const SEEDS = fileURLToPath(new URL('../../../shared/corpus/seeds/', import.meta.url));
const EXTRACTED: readonly string[] = ['text', 'raw', 'paragraphs', 'fields'];
const LAYERS: readonly Layer[] = ['tokens', 'sentences', 'entities', 'quotes', 'attributions', 'claims', 'signals', 'profile'];

function docs(): Doc[] {
  const out = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).map((n) =>
    extract({ uri: n, format: 'text', raw: readFileSync(join(SEEDS, n), 'utf8'), record: {}, messages: [] }, DEFAULT_CONTEXT));
  out.push(extract({ uri: 'relay.txt', format: 'text', raw: 'Dam bursts\nA dam burst on Sunday and flooded three villages, the Associated Press reported. “We lost everything,” said Lina Berg, the mayor. Officials said 400 people were moved.', record: {}, messages: [] }, DEFAULT_CONTEXT));
  return out;
}

test('each stage requires only layers made before it, and every layer is assigned once', () => {
  const made = new Set<string>();
  for (const s of STAGES) {
    for (const r of s.requires) assert.ok(made.has(r), `${s.name} requires ${r}, which no earlier stage assigns`);
    for (const a of s.assigns) {
      assert.ok(!made.has(a), `${a} is assigned twice (again by ${s.name})`);
      made.add(a);
    }
  }
  assert.deepEqual([...made].sort(), [...LAYERS].sort());
});

test('a stage changes only the layers it assigns: text and every other layer are the same objects', () => {
  for (const doc of docs()) {
    let current = doc;
    const work = new Working();
    for (const s of STAGES) {
      const next = s.run(current, DEFAULT_CONTEXT, work);
      const keys = new Set([...Object.keys(current), ...Object.keys(next)]);
      for (const k of keys) {
        const before = (current as unknown as Record<string, unknown>)[k];
        const after = (next as unknown as Record<string, unknown>)[k];
        if ((s.assigns as readonly string[]).includes(k)) continue;
        assert.equal(after, before, `${s.name} changed ${k} of ${doc.uri}, which it does not assign`);
      }
      for (const a of s.assigns) assert.notEqual((next as unknown as Record<string, unknown>)[a], undefined, `${s.name} left ${a} unset on ${doc.uri}`);
      current = next;
    }
    for (const k of EXTRACTED) assert.equal((current as unknown as Record<string, unknown>)[k], (doc as unknown as Record<string, unknown>)[k]);
  }
});

test('the stages give the same layers with one shared Working as each with its own (no state leaks between them)', () => {
  for (const doc of docs()) {
    const shared = analyze(doc, DEFAULT_CONTEXT);
    let alone = doc;
    for (const s of STAGES) alone = s.run(alone, DEFAULT_CONTEXT);
    for (const l of LAYERS) assert.deepEqual(shared[l], alone[l], `${l} of ${doc.uri}`);
  }
});

test('a Working rebuilds the view when a layer it was built from is replaced', () => {
  const doc = analyze(docs()[2] as Doc, DEFAULT_CONTEXT);
  const work = new Working();
  const first = work.view(doc);
  assert.equal(work.view({ ...doc }), first, 'same layers: the same view');
  const fewer = { ...doc, quotes: [] };
  const second = work.view(fewer);
  assert.notEqual(second, first);
  assert.equal(work.view(fewer), second);
});

test('no module-level caches in the analysis stages (state between documents lives in a Working)', () => {
  const dir = fileURLToPath(new URL('./', import.meta.url));
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d, { withFileTypes: true })) {
      if (n.isDirectory()) walk(join(d, n.name));
      else if (n.name.endsWith('.ts') && !n.name.endsWith('.test.ts')) files.push(join(d, n.name));
    }
  };
  walk(dir);
  const offenders = files.filter((f) => /^(?:export\s+)?(?:const|let)\s+\w+\s*(?::[^=]+)?=\s*new\s+WeakMap\b/m.test(readFileSync(f, 'utf8')));
  assert.deepEqual(offenders, []);
});

test('tokenize looks the tokens up in the word table once for the run: the later stages read that answer, none looks again', () => {
  // counts the lookups the stages ask of the run's Working, and the ones it makes
  class Counting extends Working {
    asked: number[] = [];
    override tokenBits(tokens: Parameters<Working['tokenBits']>[0]): ReturnType<Working['tokenBits']> {
      const answer = super.tokenBits(tokens);
      this.asked.push(answer === this.first ? 0 : 1);
      this.first ??= answer;
      return answer;
    }
    first: ReturnType<Working['tokenBits']> | undefined;
  }
  const doc = docs()[0] as Doc;
  const work = new Counting();
  let current = doc;
  for (const s of STAGES) {
    current = s.run(current, DEFAULT_CONTEXT, work);
    if (s.name === 'tokenize') assert.deepEqual(work.asked, [1], 'tokenize asks for the bits of the tokens it made');
  }
  assert.ok(work.asked.length > 1, 'later stages read the bits');
  assert.deepEqual(work.asked.slice(1), work.asked.slice(1).map(() => 0), 'every later read gets the answer tokenize asked for');
});
