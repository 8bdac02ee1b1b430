import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareArticles } from '../collection/compare.js';
import { assertEvidence, factsWith, testArticle } from './testing.js';

test('different numbers for the same count make the fact disputed, with both sides', async () => {
  const a = testArticle(
    'Blast at Rexford plant\nAn explosion at the Rexford chemical plant in Brandt County killed 12 people on Wednesday, police said. The plant makes fertiliser for farms across the region. Investigators from the state safety board arrived on Thursday.',
    { id: 'a', outlet: 'Brandt Courier', publishedAt: '2024-02-07' },
  );
  const b = testArticle(
    'Rexford explosion toll\nFifteen people died in the explosion at the Rexford chemical plant in Brandt County on Wednesday, the county fire service said. Dozens of homes near the plant were evacuated. The state safety board has opened an inquiry into the Rexford blast.',
    { id: 'b', outlet: 'State Wire', publishedAt: '2024-02-07' },
  );
  const { stories } = await compareArticles([a, b]);
  assert.equal(stories.length, 1);
  const disputed = stories[0]?.facts.filter((f) => f.status === 'disputed') ?? [];
  assert.equal(disputed.length, 1);
  const fact = disputed[0];
  assert.ok(fact);
  assert.equal(stories[0]?.facts[0]?.id, fact.id, 'disputed facts come first');
  const conflict = fact.conflicts.find((c) => c.kind === 'number');
  assert.ok(conflict);
  assert.deepEqual([conflict.a.articleId, conflict.b.articleId].sort(), ['a', 'b']);
  assert.match(conflict.detail, /12 vs 15|15 vs 12/);
  assert.match(conflict.a.text + conflict.b.text, /killed 12 people/);
  assert.match(conflict.a.text + conflict.b.text, /Fifteen people died/);
  assertEvidence(stories, [a, b]);
});

test('a negated statement disputes the plain one', async () => {
  const a = testArticle('Water bill\nGovernor Ellen Marsh signed the Clearwater water bill on Friday in Carver City. The law caps water prices for farms.', { id: 'a' });
  const b = testArticle('Clearwater bill stalls\nGovernor Ellen Marsh did not sign the Clearwater water bill on Friday, her office in Carver City said. Farm groups had lobbied for it.', { id: 'b' });
  const { stories } = await compareArticles([a, b]);
  const facts = factsWith(stories, /signed the Clearwater/, /did not sign/);
  assert.equal(facts.length, 1);
  const fact = facts[0];
  assert.ok(fact);
  assert.equal(fact.status, 'disputed');
  assert.equal(fact.conflicts[0]?.kind, 'negation');
  assert.equal(fact.members.find((m) => m.articleId === 'b')?.stance, 'disputes');
  assert.equal(fact.members.find((m) => m.articleId === 'a')?.stance, 'asserts');
  assertEvidence(stories, [a, b]);
});

test('a denial disputes what the other asserts', async () => {
  const a = testArticle('Minister accused\nMinister Paul Okoro accepted payments from the Delta Harbour contractor in 2022, the audit office said in its report on Monday.', { id: 'a' });
  const b = testArticle('Okoro responds\nMinister Paul Okoro denied that he accepted payments from the Delta Harbour contractor, calling the audit office report false.', { id: 'b' });
  const { stories } = await compareArticles([a, b]);
  const facts = factsWith(stories, /accepted payments/);
  assert.equal(facts.length, 1);
  assert.equal(facts[0]?.status, 'disputed');
  assert.ok(facts[0]?.conflicts.some((c) => c.kind === 'denial'));
  assert.equal(facts[0]?.members.find((m) => m.articleId === 'b')?.stance, 'disputes');
});

test('a hedged member only mentions, and not knowing until now is no negation', async () => {
  const a = testArticle('Talks\nEnvoys from Arland and Belmar have held secret talks in Geneva since March, officials in Arland said.', { id: 'a' });
  // In other words each (copies would be one origin).
  const b = testArticle('Geneva channel\nIt was not known until now that diplomats of Arland and Belmar had been meeting secretly in Geneva since March.', { id: 'b' });
  const c = testArticle('Rumours\nArland and Belmar negotiators have reportedly met in secret in Geneva since March.', { id: 'c' });
  const { stories } = await compareArticles([a, b, c]);
  const facts = factsWith(stories, /secret talks in Geneva/, /meeting secretly/, /reportedly/);
  assert.equal(facts.length, 1);
  const fact = facts[0];
  assert.ok(fact);
  assert.equal(fact.status, 'corroborated');
  assert.equal(fact.members.find((m) => m.articleId === 'c')?.stance, 'mentions');
  assert.equal(fact.members.find((m) => m.articleId === 'b')?.stance, 'asserts');
  assert.equal(fact.independentOrigins, 2);
});
