import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isOpinion, OPINION, opinionOf } from './opinion.js';
import { fixtureDoc } from './signal-fixture.js';

/** Opinion score of the one body sentence of a fixture. */
function score(sentence: string): { score: number; cues: string } {
  const { sentences } = opinionOf(fixtureDoc([['body', sentence]]));
  const s = sentences[0]!;
  return { score: s.score, cues: s.cues.join('; ') };
}

function opinion(sentence: string): boolean {
  return score(sentence).score >= OPINION.threshold;
}

test('plain reporting sentences are not opinion', () => {
  for (const s of [
    'The city council voted 7-2 on Tuesday to approve the new budget, officials said.',
    'Three people were injured when the bus left the road near Leeds, police said.',
    'The company reported revenue of $4.2 billion for the quarter ending in June.',
    'The minister will travel to Paris next week for talks on the trade agreement.',
    'Rescue teams reached the village on Sunday morning after the road reopened.',
  ]) {
    assert.equal(opinion(s), false, `${s} -> ${JSON.stringify(score(s))}`);
  }
});

test("the author's voice is opinion", () => {
  for (const s of [
    'We cannot keep pretending that this policy works.',
    'The council should scrap this plan before it does more damage.',
    'Of course, the mayor was never going to admit the obvious.',
    'Time will tell whether the deal survives the winter.',
    'Why does nobody in Washington care about the farmers?',
    'This disastrous bill is a gift to the radical left!',
    'Unfortunately, the regulators were asleep at the wheel again.',
  ]) {
    assert.ok(opinion(s), `${s} -> ${JSON.stringify(score(s))}`);
  }
});

test('opinion words inside a quote are the speaker’s, not the author’s', () => {
  const quoted = score('“This is a disastrous, shameful bill and we must stop it,” said Senator Jane Ortiz.');
  assert.ok(quoted.score < OPINION.threshold, JSON.stringify(quoted));
  const own = score('This is a disastrous, shameful bill and we must stop it.');
  assert.ok(own.score >= OPINION.threshold, JSON.stringify(own));
});

test('the cues that fired are named with their words', () => {
  const s = score('We think the regime will keep its nukes.');
  assert.match(s.cues, /first person 'We'|commentary 'We think'/);
  assert.match(s.cues, /loaded 'nukes'/);
});

test('a heading that asserts a judgement is opinion; a topic heading is not', () => {
  const doc = fixtureDoc([['heading', 'The mayor is no friend of cyclists'], ['heading', 'Background'], ['body', 'The road opened in 2019.']]);
  const { sentences } = opinionOf(doc);
  assert.ok(isOpinion(sentences[0]!));
  assert.equal(isOpinion(sentences[1]!), false);
});

test('a plain sentence inside an opinion paragraph takes part of its neighbour’s score', () => {
  const doc = fixtureDoc([['body', 'The board has made its view plain. One can only conclude that they are clearly hoping the scandal will simply disappear.']]);
  const { sentences } = opinionOf(doc);
  assert.ok(isOpinion(sentences[1]!));
  assert.ok(isOpinion(sentences[0]!), JSON.stringify(sentences[0]));
  assert.match(sentences[0]!.cues.join(';'), /opinion paragraph/);
});

test('title, byline and caption sentences are never scored', () => {
  const doc = fixtureDoc([['title', 'We must act now!'], ['byline', 'By Our Reporter'], ['caption', 'We were shocked, says a resident']]);
  for (const s of opinionOf(doc).sentences) assert.equal(isOpinion(s), false);
});

test('an attribution covers what follows it, and what precedes it only when it closes the sentence', () => {
  // the writer's words before a mid-sentence "X explains" stay the writer's
  assert.ok(opinion('The mayor is being harshly attacked by the radical left while the governor explains how he plans to cut taxes.'));
  // a closing attribution covers the whole sentence
  assert.equal(opinion('The regime jailed two reporters on Monday, the agency reported.'), false);
  // an opening one covers what it introduces
  assert.equal(opinion('The ministry said we should expect a harsh winter.'), false);
});

test('a quantifier that counts the people of one past event is not a sweeping claim; a generalisation still is', () => {
  for (const s of [
    'All of them were taken off by lifeboats and pilot boats within two hours and landed at the Fish Quay, where ambulances were waiting.',
    'Nobody died in the collision at the harbour entrance, and all 212 passengers were brought safely to shore.',
  ]) {
    const { score: p, cues } = score(s);
    assert.ok(!cues.includes('sweeping'), `${s} -> ${cues}`);
    assert.equal(p >= OPINION.threshold, false, `${s} -> ${p} ${cues}`);
  }
  assert.ok(score('Nobody trusts the council anymore.').cues.includes('sweeping'));
  assert.ok(score('Politicians always lie to voters.').cues.includes('sweeping'));
});
