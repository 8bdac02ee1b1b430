/**
 * The story views name each single-source fact's origin: the article it starts from and the
 * copies of it that carry it too ("Only in Wire (+ copy Copy Times)"), issue #14.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareArticles, renderMarkdown, renderText } from '../src/index.js';
import { testArticle } from '../src/stories/testing.js';

const WIRE =
  'Mine collapse traps workers\nA tunnel collapsed at the Karoo Deep gold mine near Welkom on Tuesday, trapping 14 miners about 800 metres underground, the mine operator Sibanye Resources said. ' +
  'Rescue teams drilled a shaft to deliver air and water to the trapped men. ' +
  'The operator said the collapse followed a minor earthquake in the area on Monday night. ' +
  'Union leader Joseph Mathunjwa said the mine had ignored safety warnings for months.';
const NEAR_COPY =
  'Welkom miners trapped after collapse\nA tunnel collapsed at the Karoo Deep gold mine near Welkom on Tuesday, trapping 14 miners about 800 metres underground, the mine operator Sibanye Resources said. ' +
  'Rescue teams drilled a shaft to deliver air and water to the trapped men. ' +
  'The operator said the collapse followed a minor earthquake in the area on Monday night.';
const OWN =
  'Fourteen trapped at Karoo Deep\nFourteen workers are stuck deep inside the Karoo Deep mine outside Welkom after part of a tunnel caved in on Tuesday, Sibanye Resources confirmed. ' +
  'Emergency crews bored a narrow hole to pump air and water down to the miners. ' +
  'Relatives gathered at the gate of the mine overnight.';

test('a single-source fact told by a wire story and its copy is listed under the wire, with the copy named', async () => {
  const articles = [
    testArticle(WIRE, { id: 'wire', outlet: 'Northbridge Wire', publishedAt: '2024-05-07' }),
    testArticle(NEAR_COPY, { id: 'copy', outlet: 'Harlow Gazette', publishedAt: '2024-05-08' }),
    testArticle(OWN, { id: 'own', outlet: 'Free State News', publishedAt: '2024-05-07' }),
  ];
  const { stories, messages } = await compareArticles(articles);
  const c = { articles, stories, messages };
  const story = stories[0];
  assert.ok(story);
  // The earthquake line is in the wire and its copy only: one origin.
  const quake = story.facts.find((f) => f.members.some((m) => /minor earthquake/.test(m.text)));
  assert.ok(quake);
  assert.equal(quake.status, 'single-source');
  assert.deepEqual([...quake.articleIds].sort(), ['copy', 'wire']);
  const text = renderText(c, { width: 120 });
  assert.ok(text.includes('Only in Northbridge Wire (+ copy Harlow Gazette):'), text.slice(text.indexOf('SINGLE-SOURCE'), text.indexOf('SINGLE-SOURCE') + 400));
  assert.ok(renderMarkdown(c).includes('Only in **Northbridge Wire** (+ copy Harlow Gazette):'));
});

test('an article of another origin in a single-source fact is named apart, not as a copy (#15)', async () => {
  // Our own invented words: a tenant's claim, told as a claim by one outlet and asserted by another.
  const articles = [
    testArticle(
      'Corvan Tower lift drops four floors\nA lift at Corvan Tower in Astley dropped four floors on Monday evening, injuring two passengers, the ambulance service said. ' +
        'The lift had been stuck twice in May, one tenant claimed. Tenants have complained about the building for months.',
      { id: 'tabloid', outlet: 'Astley Star', publishedAt: '2026-06-02' },
    ),
    testArticle(
      'Owner of Corvan Tower admits earlier faults\nBrightwell Estates, which owns the block in Astley, is under pressure after the accident on Monday, in which a car fell several storeys with two people inside. ' +
        'The lift had been stuck twice in May, the building manager Ines Farr confirmed. Engineers will inspect the shaft on Wednesday.',
      { id: 'paper', outlet: 'Astley Courier', publishedAt: '2026-06-03' },
    ),
  ];
  const { stories, messages } = await compareArticles(articles);
  const c = { articles, stories, messages };
  const fact = stories[0]?.facts.find((f) => f.members.some((m) => /stuck twice/.test(m.text) && m.articleId === 'tabloid'));
  assert.ok(fact);
  assert.deepEqual([...fact.articleIds].sort(), ['paper', 'tabloid']);
  assert.equal(fact.status, 'single-source');
  const text = renderText(c, { width: 160 });
  const single = text.slice(text.indexOf('SINGLE-SOURCE'));
  assert.ok(!/\+ copy/.test(single), single);
  assert.ok(/Only in Astley Courier \(also in Astley Star, not a copy\):/.test(single), single);
  assert.ok(/\(also in Astley Star, not a copy\)/.test(renderMarkdown(c)));
});
