import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareArticles } from '../collection/compare.js';
import { analyzeText } from '../collection/pipeline.js';
import { assertEvidence, factsWith, testArticle } from './testing.js';
import type { Fact } from '../model/index.js';

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

/** An own report of the Kessel flooding, with no relay: an origin of its own. */
const KESSEL_OWN = 'Kessel valley flooded\nThe Kessel river dam gave way on Sunday morning, flooding three villages, the regional governor Mira Holt told reporters in Orvik.';

/** The flooding facts of the articles (text, id, outlet) compared together that `keep` accepts; at least one. */
async function floodFacts(inputs: readonly (readonly [string, string, string])[], keep: (f: Fact) => boolean): Promise<Fact[]> {
  const articles = inputs.map(([text, id, outlet]) => analyzeText(text, { id, outlet, publishedAt: '2024-06-02' }));
  const { stories } = await compareArticles(articles);
  const flooded = factsWith(stories, /flooded three villages|three villages .* were flooded/).filter(keep);
  assert.ok(flooded.length > 0, 'the flooding fact lines up');
  return flooded;
}

const membersOf = (f: Fact): string => JSON.stringify(f.members.map((m) => [m.articleId, m.via]));

test('two rewrites of one AP story are one origin for what they take from it; an own report is another', async () => {
  const A = 'Dam breach floods Kessel valley\nA dam on the Kessel river burst early on Sunday and flooded three villages in the valley, the Associated Press reported. Rescuers moved 400 residents to a school in Orvik.';
  const B = 'Villages under water after Kessel dam fails\nThree villages in the Kessel valley were flooded on Sunday after the river dam burst, according to the AP. Many homes were damaged.';
  const flooded = await floodFacts([[A, 'relay-a', 'Daily Relay'], [B, 'relay-b', 'Evening Relay'], [KESSEL_OWN, 'own-c', 'Valley Post']], (f) => f.articleIds.length > 1);
  for (const f of flooded) {
    // The relaying sentences name the AP (a headline restating them names nobody).
    const relayed = f.members.filter((m) => m.articleId !== 'own-c' && m.via !== undefined);
    assert.ok(relayed.length > 0 && relayed.every((m) => m.via === 'Associated Press'), membersOf(f));
    // The two relays are the AP's one origin; the governor's account is a second.
    assert.equal(f.independentOrigins, f.articleIds.includes('own-c') ? 2 : 1);
  }
});

test('a relay of an outlet the list does not know joins the origin of that outlet\'s own article, named by its file-name id', async () => {
  const AGENCY = 'Kessel dam bursts\nA dam on the Kessel river burst early on Sunday and flooded three villages in the valley, the regional governor said. Rescuers moved 400 residents to a school in Orvik.';
  const RELAY = 'Villages under water after Kessel dam fails\nThree villages in the Kessel valley were flooded on Sunday after the river dam burst, Kessel Press Agency reported. Many homes were damaged.';
  const inputs = [[AGENCY, 'agency', 'kessel-press-agency'], [RELAY, 'relay', 'evening-relay'], [KESSEL_OWN, 'own', 'valley-post']] as const;
  const flooded = await floodFacts(inputs, (f) => f.articleIds.includes('relay') && f.articleIds.includes('agency'));
  for (const f of flooded) {
    const relayed = f.members.filter((m) => m.articleId === 'relay' && m.via !== undefined);
    assert.ok(relayed.length > 0 && relayed.every((m) => m.via === 'Kessel Press Agency'), membersOf(f));
    // the relay is the agency's own origin: with the own report, two origins, not three
    assert.equal(f.independentOrigins, f.articleIds.includes('own') ? 2 : 1, membersOf(f));
  }
});
