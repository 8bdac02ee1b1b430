import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareArticles } from '../collection/compare.js';
import { assertEvidence, factsWith, testArticle } from './testing.js';

const WIRE =
  'Mine collapse traps workers\nA tunnel collapsed at the Karoo Deep gold mine near Welkom on Tuesday, trapping 14 miners about 800 metres underground, the mine operator Sibanye Resources said. ' +
  'Rescue teams drilled a shaft to deliver air and water to the trapped men. ' +
  'The operator said the collapse followed a minor earthquake in the area on Monday night. ' +
  'Union leader Joseph Mathunjwa said the mine had ignored safety warnings for months.';
// A syndicated copy: a new first line, the wire's body nearly word for word.
const NEAR_COPY =
  'Welkom miners trapped after collapse\nA tunnel collapsed at the Karoo Deep gold mine near Welkom on Tuesday, trapping 14 miners about 800 metres underground, the mine operator Sibanye Resources said. ' +
  'Rescue teams drilled a shaft to deliver air and water to the trapped men. ' +
  'The operator said the collapse followed a minor earthquake in the area on Monday night.';
// Independent reporting of the same event, in other words.
const OWN =
  'Fourteen trapped at Karoo Deep\nFourteen workers are stuck deep inside the Karoo Deep mine outside Welkom after part of a tunnel caved in on Tuesday, Sibanye Resources confirmed. ' +
  'Emergency crews bored a narrow hole to pump air and water down to the miners. ' +
  'Relatives gathered at the gate of the mine overnight.';

test('a wire story and its near copy are one origin; an independent report is another', async () => {
  const articles = [
    testArticle(WIRE, { id: 'wire', outlet: 'Wire', publishedAt: '2024-05-07' }),
    testArticle(NEAR_COPY, { id: 'copy', outlet: 'Copy Times', publishedAt: '2024-05-08' }),
    testArticle(OWN, { id: 'own', outlet: 'Free State News', publishedAt: '2024-05-07' }),
  ];
  const { stories } = await compareArticles(articles);
  assert.equal(stories.length, 1);
  const story = stories[0];
  assert.ok(story);
  assert.deepEqual(story.origins, [['copy', 'wire'], ['own']]);
  const heavy = story.reuse.find((r) => r.from === 'wire' && r.to === 'copy');
  assert.ok(heavy && heavy.share >= 0.35);
  // The trapped-miners fact is in all three articles but only two origins tell it.
  const trapped = factsWith(stories, /trapping 14 miners|Fourteen workers/);
  assert.ok(trapped.length > 0);
  for (const f of trapped) assert.ok(f.independentOrigins <= 2);
  assert.ok(trapped.some((f) => f.status === 'corroborated' && f.independentOrigins === 2));
  // The union leader's words are the wire's alone.
  const union = factsWith(stories, /Mathunjwa/);
  assert.equal(union[0]?.status, 'single-source');
  const coverage = story.coverage.find((c) => c.articleId === 'own');
  assert.ok(coverage && coverage.missing.includes(union[0]?.id ?? ''));
  assertEvidence(stories, articles);
});
