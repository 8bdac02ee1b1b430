import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareArticles } from '../collection/compare.js';
import { prepare } from './prepare.js';
import { copiedShare, coveredWords } from './reuse.js';
import { assertEvidence, testArticle } from './testing.js';

const WIRE =
  'Storm floods coastal towns\nHeavy rain from Storm Delia flooded dozens of homes in the coastal towns of Wexley and Portmaine on Saturday, forcing about 300 residents to leave. ' +
  'The regional emergency agency said the river Ayle rose two metres in twelve hours and broke through a flood wall near the old harbour. ' +
  'Rescue crews used boats to reach families trapped on upper floors. No deaths have been reported.';
const COPY =
  'Wexley residents flee rising water\nLocal volunteers opened the school gym as a shelter on Saturday evening. ' +
  'The regional emergency agency said the river Ayle rose two metres in twelve hours and broke through a flood wall near the old harbour. ' +
  'Mayor Tom Reddy thanked the volunteers.';

test('reuse finds the copied passage with exact evidence and direction by date', async () => {
  const wire = testArticle(WIRE, { id: 'wire', outlet: 'Wire', publishedAt: '2024-03-02T08:00:00Z' });
  const copy = testArticle(COPY, { id: 'copy', outlet: 'Gazette', publishedAt: '2024-03-02T15:00:00Z' });
  const { stories } = await compareArticles([copy, wire]);
  assert.equal(stories.length, 1);
  const reuse = stories[0]?.reuse ?? [];
  assert.equal(reuse.length, 1);
  const r = reuse[0];
  assert.ok(r);
  assert.equal(r.from, 'wire');
  assert.equal(r.to, 'copy');
  assert.equal(r.direction, 'published-earlier');
  const passage = r.passages.find((p) => p.to.text.includes('river Ayle'));
  assert.ok(passage);
  assert.equal(passage.to.text, 'The regional emergency agency said the river Ayle rose two metres in twelve hours and broke through a flood wall near the old harbour');
  assert.equal(passage.from.text, passage.to.text);
  assert.equal(passage.from.articleId, 'wire');
  assert.ok(r.share > 0.4 && r.share < 0.8, `share ${r.share}`);
  assertEvidence(stories, [wire, copy]);
});

test('on the same date the copy is the one more covered by the other', async () => {
  const wire = testArticle(WIRE, { id: 'w' });
  const copy = testArticle(COPY, { id: 'c' });
  const r = (await compareArticles([wire, copy])).stories[0]?.reuse[0];
  assert.ok(r);
  assert.equal(r.direction, 'contains-other');
  assert.equal(r.from, 'w');
  assert.equal(r.to, 'c');
});

test('articles that only share short phrases report no reuse', async () => {
  const a = testArticle('Storm Delia flooded homes in Wexley on Saturday. The river Ayle broke its banks near the harbour.', { id: 'a' });
  const b = testArticle('Homes in Wexley were flooded on Saturday by Storm Delia, when the Ayle burst near the harbour.', { id: 'b' });
  const { stories } = await compareArticles([a, b]);
  assert.equal(stories.length, 1);
  assert.deepEqual(stories[0]?.reuse, []);
});

test('an undated rewrite that names the wire it took from is the copy', async () => {
  const body = 'The passenger ferry collided with a cargo ship in thick fog at the mouth of the estuary early on Tuesday, and all passengers were brought ashore, the coastguard said.';
  const wire = testArticle(`Ferry collides with cargo ship\n${body}\nThe ferry was built in 2009 and carries up to 350 passengers.`, { id: 'w', outlet: 'coastline-press-agency', publishedAt: '2025-04-08' });
  const copy = testArticle(`FERRY HORROR!!!\nThis is a disgrace, Coastline Press Agency reported.\n${body}\nSomebody must answer for it, and the bureaucrats know it.`, { id: 'c', outlet: 'patriot-beacon' });
  const story = (await compareArticles([wire, copy])).stories[0];
  const r = story?.reuse[0];
  assert.equal(r?.from, 'w');
  assert.equal(r?.to, 'c');
  assert.equal(r?.direction, 'cites-source');
});

test('a wire story rewritten eight times: each copy lists its three strongest sources, origins still count every pair', async () => {
  // Each rewrite keeps the wire's text and adds a line of its own, so every pair of them shares the wire's passages.
  const wire = testArticle(WIRE, { id: 'r0', outlet: 'Wire', publishedAt: '2024-03-02T08:00:00Z' });
  const copies = Array.from({ length: 8 }, (_, i) =>
    testArticle(`${WIRE} Reporter ${i + 1} of outlet ${i + 1} added this closing line of their own.`, { id: `r${i + 1}`, outlet: `Outlet ${i + 1}`, publishedAt: `2024-03-02T${String(9 + i).padStart(2, '0')}:00:00Z` }),
  );
  const story = (await compareArticles([wire, ...copies])).stories[0];
  assert.ok(story);
  assert.equal(story.articleIds.length, 9);
  const perCopy = new Map<string, number>();
  for (const r of story.reuse) perCopy.set(r.to, (perCopy.get(r.to) ?? 0) + 1);
  // Without the bound the last copy alone would list all eight earlier articles.
  assert.equal(Math.max(...perCopy.values()), 3);
  assert.equal(perCopy.size, 8);
  assert.equal(story.origins.length, 1, 'nine tellings of one wire story are one origin');
  // Every omitted fact carries at most three reporters' words (the fact has all of them).
  for (const c of story.coverage) for (const o of c.omitted ?? []) assert.ok(o.evidence.length <= 3 && o.evidence.length >= 1);
  assertEvidence([story], [wire, ...copies]);
});

test('copiedShare: the share of an article in passages shared with the closest of its possible sources', () => {
  const wire = prepare(testArticle(WIRE, { id: 'w' }));
  const copy = prepare(testArticle(COPY, { id: 'c' }));
  const other = prepare(testArticle('Mayor Tom Reddy opened the new library in Wexley on Monday.', { id: 'o' }));
  const share = copiedShare(copy, [other, wire]);
  const covered = coveredWords(copy, wire);
  assert.equal(covered.length, copy.words.length);
  assert.equal(share, covered.reduce((n, c) => n + c, 0) / covered.length);
  assert.ok(share > 0.4 && share < 0.8, `share ${share}`);
  assert.equal(copiedShare(copy, [other]), 0);
  assert.equal(copiedShare(copy, []), 0);
});

test('undated: the copy that trims the source\'s sentences is the copy, even when it adds lines of its own', async () => {
  const source = testArticle(
    'Court jails fraudster\nA former bank manager who stole more than two million pounds from elderly customers over six years was jailed for eight years at Leeds Crown Court yesterday, after a trial that lasted five weeks. ' +
      'Judge Helen Marsh told him that he had betrayed the trust of people who had relied on him for most of their lives, and that the harm he did could not be repaired.',
    { id: 'src' },
  );
  // The paper keeps the heart of each sentence, drops the rest, and adds three sentences of its own.
  const copy = testArticle(
    'Bank boss caged\nA former bank manager who stole more than two million pounds from elderly customers was jailed for eight years. ' +
      'Judge Helen Marsh told him that he had betrayed the trust of people who had relied on him. ' +
      'His victims cheered in the public gallery as he was led away. One widow, 84, said she could finally sleep again after months of worry. ' +
      'Police said the money has never been found and that the search of his accounts abroad goes on. Neighbours described him as a quiet man who sang in the church choir every Sunday.',
    { id: 'cpy' },
  );
  const r = (await compareArticles([source, copy])).stories[0]?.reuse[0];
  assert.ok(r);
  assert.equal(r.direction, 'trims-source');
  assert.equal(r.from, 'src');
  assert.equal(r.to, 'cpy');
  // More of the source than of the copy is shared: "the copy is the one more covered" would get it backwards.
  const [ps, pc] = [prepare(source), prepare(copy)];
  assert.ok(copiedShare(ps, [pc]) > copiedShare(pc, [ps]));
});
