import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paraphraseOf, useParaphrases } from './paraphrase.js';
import { trainParaphrases } from './paraphrase-train.js';

const chain = (topic: number, chainId: string, ...words: string[]) => ({ topic, actionMentions: words.map((w) => ({ words: w, chain: chainId, reporting: false })) });

test('paraphrase groups come from stems that one event chain uses in several topics, not from one story', () => {
  const docs = [
    chain(1, 'A1', 'acquired', 'buy'),
    chain(2, 'B1', 'acquisition', 'bought', 'buying'),
    chain(3, 'C1', 'acquires', 'buys'),
    // Seen together in one topic only: no group.
    chain(4, 'D1', 'struck', 'temblor'),
    // Reporting verbs say nothing about the event.
    { topic: 5, actionMentions: [{ words: 'said', chain: 'E1', reporting: true }, { words: 'told', chain: 'E1', reporting: true }] },
    { topic: 6, actionMentions: [{ words: 'said', chain: 'F1', reporting: true }, { words: 'told', chain: 'F1', reporting: true }] },
    // A phrase counts by its last content word: "opened fire" is a firing.
    chain(7, 'G1', 'opened fire', 'shot'),
    chain(8, 'H1', 'opened fire', 'shooting'),
  ];
  const groups = trainParaphrases(docs, { minTopics: 2 });
  const flat = groups.map((g) => g.join(' '));
  assert.ok(groups.some((g) => g.includes('acquir') && g.includes('buy')), flat.join(' | '));
  assert.ok(!groups.some((g) => g.includes('temblor')));
  assert.ok(!groups.some((g) => g.includes('said') || g.includes('told')));
  assert.ok(!groups.some((g) => g.includes('open')));
  assert.deepEqual(trainParaphrases(docs, { minTopics: 2 }), groups, 'deterministic');
});

test('the groups in use can be swapped for cross-validation and restored', () => {
  useParaphrases([['acquir', 'buy']]);
  assert.equal(paraphraseOf('buy'), 'p:acquir');
  useParaphrases(null);
  assert.equal(paraphraseOf('buy'), undefined);
  useParaphrases(undefined);
});
