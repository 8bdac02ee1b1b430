// The founding example (../shared/corpus/seeds, read at test time): the full pipeline of
// extract and analyze, and what claims, signals and profile must find on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_CONTEXT, type Doc } from '../model/index.js';
import { extract } from '../extract/index.js';
import { analyze } from './index.js';
import { badEvidence } from './signal-fixture.js';

const SEEDS = new URL('../../../shared/corpus/seeds/', import.meta.url);

function seed(name: string): Doc {
  const raw = readFileSync(new URL(name, SEEDS), 'utf8');
  return analyze(extract({ uri: name, format: 'text', raw, record: {}, messages: [] }, DEFAULT_CONTEXT), DEFAULT_CONTEXT);
}

const wire = seed('000_095b28c4d977072b.txt');
const rewrite = seed('004_9f62991a42b9fc4b.txt');

function opinionTexts(doc: Doc): string[] {
  return doc.signals.filter((s) => s.kind === 'opinion').map((s) => s.text);
}

function isFlagged(doc: Doc, words: string): boolean {
  return opinionTexts(doc).some((t) => t.includes(words));
}

test('seeds: no stage failed and every label is evidence', () => {
  for (const doc of [wire, rewrite]) {
    assert.deepEqual(doc.messages.filter((m) => m.code === 'CC301'), []);
    assert.deepEqual(badEvidence(doc), []);
  }
});

test('seed 004: the "!!!" title is sensational', () => {
  const s = rewrite.signals.filter((x) => x.kind === 'sensational-title');
  assert.ok(s.some((x) => x.text === '!!!'));
  assert.equal(rewrite.profile.sensationalTitle, true);
  assert.equal(wire.profile.sensationalTitle, false);
});

test('seed 004: the China and Democrats paragraphs are opinion', () => {
  for (const words of [
    'China is no friend',
    'China has made their position clear.',
    'One can glean from recent reporting',
    'Under this scenario, North Korea is allowed',
    'This is as Democrats are railing',
    'The President is being harshly criticized by the left',
  ]) {
    assert.ok(isFlagged(rewrite, words), words);
  }
});

test('seed 004: plain reporting sentences are not opinion', () => {
  for (const words of [
    'The talks focused on Americans imprisoned',
    'The two sides had discussions to secure the June release',
    'Secretary of State Rex Tillerson praised Yun',
    'The U.S. has said we cannot accept',
  ]) {
    assert.equal(isFlagged(rewrite, words), false, words);
  }
});

test('seed 004: loaded words are found and "dictatorship" is among them', () => {
  const loaded = rewrite.signals.filter((s) => s.kind === 'loaded').map((s) => s.text.toLowerCase());
  for (const w of ['railing against', 'the left', 'blow up', 'nukes', 'dictatorship']) assert.ok(loaded.includes(w), w);
});

test('seed 000: mostly reporting, with "Time will tell" as commentary', () => {
  const o = opinionTexts(wire);
  assert.ok(o.some((t) => t.includes('Time will tell')), JSON.stringify(o));
  assert.ok(o.length <= 2, JSON.stringify(o));
  assert.equal(wire.profile.kind, 'reporting');
  assert.notEqual(rewrite.profile.kind, 'reporting');
});

test('seeds: claims include the checkable facts, not the opinion', () => {
  const wireClaims = wire.claims.map((c) => c.text);
  assert.ok(wireClaims.some((t) => t.includes('a senior State Department official said Tuesday')));
  const died = rewrite.claims.find((c) => c.text.includes('later died'));
  assert.ok(died && died.checkworthy >= 0.5, JSON.stringify(died));
  assert.equal(rewrite.claims.some((c) => c.text.includes('Under this scenario')), false);
  for (const c of [...wire.claims, ...rewrite.claims]) assert.ok(c.checkworthy >= 0 && c.checkworthy <= 1);
});

test('seeds: profile counts come from the layers', () => {
  const p = rewrite.profile;
  assert.ok(p.loadedWords >= 5);
  assert.equal(p.quotes, rewrite.quotes.filter((q) => !q.short).length); // scare quotes are kept as short quotations, not counted
  assert.equal(p.attributions.named + p.attributions.anonymous + p.attributions.relayed + p.attributions.dangling, rewrite.attributions.length);
  assert.ok(p.attributions.relayed >= 3, "the AP and Reuters relays are counted as relays");
  assert.ok(wire.profile.removedChars > 0);
});
