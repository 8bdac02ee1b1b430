/**
 * The profile classifier's gate, on a fixed slice of BABE (the first 400 sentences of the
 * development half), against the floors in eval/floors.json:
 *   - the shipped weights on the slice (in-sample: guards the weights file and the feature code
 *     against silent breakage, not accuracy on new text);
 *   - the sentence models retrained by the shipped trainer and settings on the other sentences
 *     and scored on the slice (out of sample; no word model, so a few seconds): guards the
 *     features and the trainer on text they have not seen.
 * The cross-validated figures are in TRAINING.md. Skipped without the data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { macroF1, readBabe, type BabeRow } from './datasets.js';
import { probability, train } from './linear.js';
import { classify, loadedMarks, THRESHOLDS } from './model.js';
import type { Features } from './features.js';
import { buildCorpus, stacked, TRAINING } from './training.js';

const FLOORS = JSON.parse(readFileSync(new URL('../../../eval/floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, number> | undefined>;
const SLICE = 400;

/** The BABE rows and the slice's floors; skips the test (loudly) when the data is absent. */
function babeAndFloor(t: { skip: (why: string) => void }): { rows: NonNullable<ReturnType<typeof readBabe>>; floor: Record<string, number> } | null {
  const rows = readBabe();
  if (rows === null) {
    t.skip('../shared/data/babe not found');
    return null;
  }
  const floor = FLOORS['profile-babe-slice'];
  assert.ok(floor, 'eval/floors.json needs a "profile-babe-slice" entry');
  return { rows, floor };
}

test('profile classifier on a fixed BABE slice stays above its floors', (t) => {
  const setup = babeAndFloor(t);
  if (!setup) return;
  const { rows, floor } = setup;
  const slice = rows.slice(0, SLICE);
  const out = slice.map((r) => classify(r.text));
  const b = slice.map((r, i) => [r.biased, out[i]?.bias ?? 0] as const).filter(([y]) => y !== null);
  const o = slice.map((r, i) => [r.opinionated, out[i]?.opinion ?? 0] as const).filter(([y]) => y !== null);
  const bias = macroF1(b.map(([, p]) => p >= THRESHOLDS.bias), b.map(([y]) => y as boolean));
  const opinion = macroF1(o.map(([, p]) => p >= THRESHOLDS.opinion), o.map(([y]) => y as boolean));
  assert.ok(bias >= (floor['biasMacroF1'] ?? 1), `bias macro-F1 ${bias.toFixed(3)} < floor ${floor['biasMacroF1']}`);
  assert.ok(opinion >= (floor['opinionMacroF1'] ?? 1), `opinion macro-F1 ${opinion.toFixed(3)} < floor ${floor['opinionMacroF1']}`);
});

test('the sentence trainer on a held-out BABE slice stays above its floors', (t) => {
  const setup = babeAndFloor(t);
  if (!setup) return;
  const { rows, floor } = setup;
  const corpus = buildCorpus(rows, null);
  // no word model here: its evidence is zero in training and scoring alike
  const xs = corpus.babePrepared.map((s) => stacked(s, new Float64Array(s.words.length)));
  const heldOut = (label: (r: BabeRow) => boolean | null): number => {
    const labelled = corpus.babe.map((r, i) => ({ i, y: label(r) })).filter((x) => x.y !== null);
    const fit = labelled.filter((x) => x.i >= SLICE);
    const scored = labelled.filter((x) => x.i < SLICE);
    const model = train(fit.map((x) => xs[x.i] as Features), fit.map((x) => x.y as boolean), TRAINING.sentence);
    return macroF1(scored.map((x) => probability(model, xs[x.i] as Features) >= 0.5), scored.map((x) => x.y as boolean));
  };
  const bias = heldOut((r) => r.biased);
  const opinion = heldOut((r) => r.opinionated);
  assert.ok(bias >= (floor['heldOutBiasMacroF1'] ?? 1), `held-out bias macro-F1 ${bias.toFixed(3)} < floor ${floor['heldOutBiasMacroF1']}`);
  assert.ok(opinion >= (floor['heldOutOpinionMacroF1'] ?? 1), `held-out opinion macro-F1 ${opinion.toFixed(3)} < floor ${floor['heldOutOpinionMacroF1']}`);
});

test('classify: probabilities in [0, 1] and loaded marks point to their words', () => {
  const s = 'The radical left is railing against the president\u2019s disastrous plan, and we must stop them.';
  const c = classify(s);
  assert.ok(c.opinion >= 0 && c.opinion <= 1 && c.bias >= 0 && c.bias <= 1);
  assert.ok(c.bias > 0.5, `bias ${c.bias}`);
  const marks = loadedMarks(c);
  assert.ok(marks.length > 0);
  for (const m of marks) assert.equal(s.slice(m.span.start, m.span.end), m.text);
  const plain = classify('The city council voted 7-2 on Tuesday to approve the budget, officials said.');
  assert.ok(plain.bias < c.bias && plain.opinion < c.opinion);
});
