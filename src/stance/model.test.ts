import { test } from 'node:test';
import assert from 'node:assert/strict';
import { predictStance, defaultPredictor, LABELS } from './index.js';

// Invented for this test (no real event): one claim, an agreeing, a refuting and an unrelated body.
const CLAIM = 'Town council votes to close Millbrook public library';
const AGREE =
  'The Millbrook town council voted 7 to 2 on Tuesday night to close the public library at the end of the year. ' +
  'Council members said the library budget could no longer be covered. The mayor confirmed the decision in a statement on Wednesday, ' +
  'saying the building will be sold. Residents who attended the meeting said they were disappointed by the vote.';
const REFUTE =
  'Reports that the Millbrook town council voted to close the public library are false, the mayor said on Wednesday. ' +
  '"There was no vote to close the library, and there are no plans to close it," she told reporters. ' +
  'The rumour began with a fake post on social media. Council officials denied the story and called it a hoax.';
const UNRELATED =
  'A rare white kangaroo has been spotted in a national park in Queensland, Australia. Rangers photographed the animal near a creek ' +
  'on Saturday. Experts say the colour comes from a genetic condition called leucism. Visitors have been asked to keep their distance.';

test('the bundled weights load', () => {
  const w = defaultPredictor().weights;
  assert.ok(w.vocabulary.idf.size > 1000);
  assert.equal(w.stage1.classes, 2);
  assert.equal(w.stage2.classes, 3);
});

test('probabilities cover the four labels and sum to one', () => {
  const p = predictStance(CLAIM, AGREE);
  assert.deepEqual(Object.keys(p.probabilities).sort(), [...LABELS].sort());
  const sum = Object.values(p.probabilities).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - 1) < 1e-6);
});

// The model calls this agreeing body `discuss` (P(agree) 0.28): FNC-1's agree/discuss line is
// the hardest part of the task, so the test pins what is solid: related, not disputed.
test('an agreeing body is related and not disputed, with evidence from the body', () => {
  const p = predictStance(CLAIM, AGREE);
  assert.ok(p.label === 'agree' || p.label === 'discuss', p.label);
  assert.ok(p.probabilities.disagree < predictStance(CLAIM, REFUTE).probabilities.disagree);
  assert.ok(p.evidence.length > 0);
  for (const e of p.evidence) assert.equal(AGREE.slice(e.span.start, e.span.end), e.text);
});

test('a refuting body does not agree, and its evidence holds the denial', () => {
  const p = predictStance(CLAIM, REFUTE);
  assert.equal(p.label, 'disagree');
  assert.ok(p.evidence.some((e) => /false|denied|hoax|no vote/.test(e.text)));
});

test('an unrelated body is unrelated', () => {
  const p = predictStance(CLAIM, UNRELATED);
  assert.equal(p.label, 'unrelated');
  assert.ok(p.probabilities.unrelated > 0.5);
});

test('stage 2 is the mean of its models', async () => {
  const { stage2Probs } = await import('./model.js');
  const { pairFeatures, prepareBody, prepareClaim } = await import('./features.js');
  const { predict } = await import('./mlp.js');
  const w = defaultPredictor().weights;
  assert.ok((w.stage2More?.length ?? 0) >= 1, 'the bundled weights average several stage-2 models');
  const f = pairFeatures(prepareClaim(CLAIM), prepareBody(REFUTE, w.vocabulary), w.vocabulary);
  const all = [w.stage2, ...(w.stage2More ?? [])].map((m) => predict(m, f));
  const mean = [0, 1, 2].map((c) => all.reduce((a, p) => a + (p[c] ?? 0), 0) / all.length);
  stage2Probs(w, f).forEach((p, c) => assert.ok(Math.abs(p - (mean[c] ?? 0)) < 1e-12));
});
