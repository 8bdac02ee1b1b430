import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareArticles } from '../collection/compare.js';
import type { Article } from '../model/index.js';
import { prepare } from './prepare.js';
import { quantities } from './stance.js';
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

test('a later report raising a toll is an update of the fact, not a dispute; without dates it is not read as one', async () => {
  const early = 'Depot fire\nAt least five people died when fire swept through a storage depot on the Harlen estate in Corvick on Wednesday, the fire service said. The depot stored paint and solvents.';
  const late = 'Corvick depot fire toll\nThe number of people killed in the depot fire on the Harlen estate in Corvick has risen to at least 24, the fire service said on Thursday. Relatives gathered at the gates.';
  const a = testArticle(early, { id: 'a', outlet: 'County Wire', publishedAt: '2025-05-14' });
  const b = testArticle(late, { id: 'b', outlet: 'Corvick Post', publishedAt: '2025-05-15' });
  const { stories } = await compareArticles([a, b]);
  const facts = factsWith(stories, /five people died/, /risen to at least 24/);
  assert.equal(facts.length, 1);
  const fact = facts[0];
  assert.ok(fact);
  assert.notEqual(fact.status, 'disputed');
  assert.equal(fact.updates?.length, 1);
  const update = fact.updates?.[0];
  assert.equal(update?.earlier.articleId, 'a');
  assert.equal(update?.later.articleId, 'b');
  assert.match(update?.detail ?? '', /5 → at least 24/);
  assertEvidence(stories, [a, b]);
  // The same two texts the other way round in time: no update (a toll does not fall back).
  const c = testArticle(early, { id: 'c', outlet: 'County Wire', publishedAt: '2025-05-16' });
  const d = testArticle(late, { id: 'd', outlet: 'Corvick Post', publishedAt: '2025-05-15' });
  const back = factsWith((await compareArticles([c, d])).stories, /five people died/, /risen to at least 24/);
  assert.equal(back[0]?.updates, undefined);
});

test('a demand about the fact ("should never have sailed", "should publish") neither negates nor is denied', async () => {
  // Found in the demo corpus: an opinion piece's "should never have sailed" was read as a
  // negation of the sailing the reports state, and its "It should publish its rules" as the
  // assertion a company's denial disputes.
  const a = testArticle(
    'Ferry sails in fog\nThe Tern ferry sailed from Hollin harbour in thick fog at 7:15 on Tuesday, the harbour master said. The ferry later struck a dredger near the breakwater. The ferry company denied that the captain had been told to sail.',
    { id: 'a', outlet: 'Hollin Courier', publishedAt: '2025-03-04' },
  );
  const b = testArticle(
    'The Tern should never have sailed\nThe Tern ferry should never have sailed from Hollin harbour in thick fog on Tuesday. The ferry company should publish its rules on when the captain sails, and explain whether they were followed.',
    { id: 'b', outlet: 'Hollin Voice', publishedAt: '2025-03-05' },
  );
  const { stories } = await compareArticles([a, b]);
  const disputes = stories.flatMap((s) => s.facts.flatMap((f) => f.conflicts.map((c) => `${c.kind}: ${c.a.text} / ${c.b.text}`)));
  assert.deepEqual(disputes, []);
  // a plain negation still disputes
  const c = testArticle('Ferry stays in port\nThe Tern ferry did not sail from Hollin harbour on Tuesday because of thick fog, the harbour master said.', { id: 'c', outlet: 'Hollin Post', publishedAt: '2025-03-04' });
  const again = await compareArticles([a, c]);
  assert.ok(again.stories.some((s) => s.facts.some((f) => f.conflicts.some((x) => x.kind === 'negation'))));
});

test('a number in several words is one number: "Forty-three workers" against "about 60 workers" is 43 vs about 60', async () => {
  // Invented. Before, "Forty-three" read as 3 ("three workers") and the dispute quoted the wrong number.
  const a = testArticle(
    'Depot fire in Lowick\nAbout 60 workers were evacuated when fire broke out at a paint depot in Lowick on Monday night, the fire service said. The depot was destroyed.',
    { id: 'a', outlet: 'Lowick Wire', publishedAt: '2024-05-06' },
  );
  const b = testArticle(
    'Lowick depot blaze\nForty-three workers were evacuated from the burning paint depot in Lowick on Monday night, the depot owner said. The blaze destroyed the depot.',
    { id: 'b', outlet: 'Lowick Herald', publishedAt: '2024-05-06' },
  );
  const { stories } = await compareArticles([a, b]);
  const conflict = stories.flatMap((s) => s.facts).flatMap((f) => f.conflicts).find((c) => c.kind === 'number');
  assert.ok(conflict, 'the counts of evacuated workers conflict');
  assert.match(conflict.detail, /43/);
  assert.doesNotMatch(conflict.detail, /vs 3\b|\b3 vs|“three workers/);
  // two hundred and fifty is one number too: the same count, no conflict
  const c = testArticle(
    'Lowick depot fire\nTwo hundred and fifty firefighters fought the fire at the paint depot in Lowick on Monday night, the fire service said.',
    { id: 'c', outlet: 'Lowick Wire', publishedAt: '2024-05-06' },
  );
  const d = testArticle(
    'Lowick depot blaze\n250 firefighters fought the blaze at the Lowick paint depot on Monday night, the county said.',
    { id: 'd', outlet: 'Lowick Herald', publishedAt: '2024-05-06' },
  );
  const second = await compareArticles([c, d]);
  assert.deepEqual(second.stories.flatMap((s) => s.facts).flatMap((f) => f.conflicts).filter((x) => x.kind === 'number').map((x) => x.detail), []);
  assertEvidence(stories, [a, b]);
});

test('parts with their whole: "guilty on four of six counts" against "guilty on three of six counts" conflict; guilty on four and acquitted on two do not', async () => {
  // Invented.
  const verdict = (id: string, outlet: string, body: string) => testArticle(`Ex-mayor Fane verdict\n${body} He will be sentenced in April at the court in Brennock.`, { id, outlet, publishedAt: '2026-02-09' });
  const four = verdict('four', 'Calder Wire', 'A jury in Brennock on Monday found Gerald Fane, the former mayor of Calder, guilty on four of six bribery counts, prosecutors said.');
  const three = verdict('three', 'Brennock Post', 'Jurors in Brennock on Monday found Gerald Fane, the former mayor of Calder, guilty on three of six bribery counts, the court clerk said.');
  const acquitted = verdict('acquitted', 'Brennock Post', 'A jury in Brennock on Monday acquitted Gerald Fane, the former mayor of Calder, on two of six bribery counts, his lawyer said.');
  const numberConflicts = async (xs: Article[]) => (await compareArticles(xs)).stories.flatMap((s) => s.facts).flatMap((f) => f.conflicts).filter((c) => c.kind === 'number').map((c) => c.detail);
  const disputed = await numberConflicts([four, three]);
  assert.equal(disputed.length, 1, 'four against three of six counts');
  assert.match(disputed[0]!, /three of six .*four of six|four of six .*three of six/);
  assert.deepEqual(await numberConflicts([four, acquitted]), [], 'guilty on four and acquitted on two are two parts of the six');
  // a part with no counted whole is no count: "three of them" says nothing against "14 people"
  const them = verdict('them', 'Brennock Post', 'Three of them were found guilty of bribery at the court, the clerk said.');
  assert.deepEqual(await numberConflicts([four, them]), []);
});

test('one counted thing under different predicates is two counts: "guilty on four counts" and "acquitted on two counts" do not conflict; the same predicate in other words does', async () => {
  // Invented. Before, "acquitted ... on two bribery counts" disputed "guilty on four bribery counts" as 2 vs 4.
  const verdict = (id: string, outlet: string, body: string) => testArticle(`Ex-mayor Fane verdict\n${body} He will be sentenced in April at the court in Brennock.`, { id, outlet, publishedAt: '2026-02-09' });
  const guilty = verdict('guilty', 'Calder Wire', 'A jury in Brennock on Monday found Gerald Fane, the former mayor of Calder, guilty on four bribery counts, prosecutors said.');
  const acquitted = verdict('acquitted', 'Brennock Post', 'A jury in Brennock on Monday acquitted Gerald Fane, the former mayor of Calder, on two bribery counts, his lawyer said.');
  const numberConflicts = async (xs: Article[]) => (await compareArticles(xs)).stories.flatMap((s) => s.facts).flatMap((f) => f.conflicts).filter((c) => c.kind === 'number').map((c) => c.detail);
  assert.deepEqual(await numberConflicts([guilty, acquitted]), []);
  const three = verdict('three', 'Brennock Post', 'A jury in Brennock on Monday found Gerald Fane, the former mayor of Calder, guilty on three bribery counts, the court clerk said.');
  assert.equal((await numberConflicts([guilty, three])).length, 1, 'guilty on four against guilty on three');
  // injured / hurt are one predicate; "at least 14" and 11 cannot both hold
  const injured = testArticle('Bus crash on the Tarrow road\nAt least 14 people were injured when a coach overturned on the Tarrow road near Omsby on Sunday, police said.', { id: 'i', outlet: 'Omsby Wire', publishedAt: '2026-02-08' });
  const hurt = testArticle('Omsby coach crash\n11 people were hurt when a coach overturned on the Tarrow road near Omsby on Sunday, the ambulance service said.', { id: 'h', outlet: 'Omsby Post', publishedAt: '2026-02-08' });
  assert.equal((await numberConflicts([injured, hurt])).length, 1, 'at least 14 against 11 injured');
  const fire = (id: string, outlet: string, body: string) => testArticle(`Mill fire in Arlow\n${body}`, { id, outlet, publishedAt: '2026-02-08' });
  const three2 = fire('f3', 'Arlow Wire', 'Three firefighters were injured while tackling the blaze at the Arlow mill on Sunday, the fire service said.');
  const five = fire('f5', 'Arlow Post', 'Five firefighters were hurt while tackling the blaze at the Arlow mill on Sunday, a union official said.');
  assert.equal((await numberConflicts([three2, five])).length, 1, 'three against five firefighters injured');
});

test('ages, clock times and days of a month are no counts of the event', async () => {
  // Invented. Before, "a 12-year-old girl" against "a 48-year-old woman" was a 12 vs 48 number
  // dispute, "4:20 p.m." read as 20 and "14 October" as 14 of October (ECB+ dev had 227 such of 342).
  const quantitiesOf = (text: string) => {
    const p = prepare(testArticle(text));
    return quantities(p, 0, p.words.length).map((q) => q.value);
  };
  assert.deepEqual(quantitiesOf('A 12-year-old girl and a 48 - year - old woman were hurt, and a man aged 70 years old.'), []);
  assert.deepEqual(quantitiesOf('The shop was robbed at 4:20 p.m. on 14 October, and at 2 a.m. on Sunday.'), []);
  // counts stay counts
  assert.deepEqual(quantitiesOf('At least 14 people were injured and 3 years of work was lost.'), [14, 3]);
});

test('a count that corrects another outlet\'s figure disputes it on the part, not the whole (#15)', async () => {
  // Our own invented words.
  const a = testArticle(
    'Storm tears roof off Dunmore sports hall\nA storm struck the Dunmore sports hall on Tuesday night, and at least 4 of its 16 roof panels fell onto the main court, the town council said.',
    { id: 'a', outlet: 'Dunmore Post', publishedAt: '2026-04-07' },
  );
  const b = testArticle(
    'Dunmore hall damage worse than first said\nSeven roof panels fell onto the main court when the storm struck the Dunmore sports hall on Tuesday, the Dunmore Echo has learned, not four as the town council first said.',
    { id: 'b', outlet: 'Dunmore Echo', publishedAt: '2026-04-08' },
  );
  const { stories } = await compareArticles([a, b]);
  const facts = factsWith(stories, /at least 4 of its 16/, /Seven roof panels/);
  assert.equal(facts.length, 1);
  const number = facts[0]?.conflicts.filter((c) => c.kind === 'number') ?? [];
  assert.equal(number.length, 1);
  assert.match(number[0]?.detail ?? '', /^7 vs at least 4: .*not four/);
  assert.doesNotMatch(number[0]?.detail ?? '', /vs 16|16 vs/);
  // the correcting side is a
  assert.equal(number[0]?.a.articleId, 'b');
  assertEvidence(stories, [a, b]);
});

test('"not ... for years" against "was last ... in 2019" agree; against "was ... last week" they do not (#15)', async () => {
  const lead = 'Greyford car park flooded\nHeavy rain flooded the underground car park beneath Greyford market on Thursday, the borough said. ';
  const years = testArticle(`${lead}It is thought that the drainage pumps had not been serviced for years.`, { id: 'years', outlet: 'Greyford Times' });
  const last = testArticle(`${lead.replace('Heavy rain flooded', 'After heavy rain, water filled')}Market staff say the drainage pumps were last serviced in 2021.`, { id: 'last', outlet: 'Market Weekly' });
  const week = testArticle(`${lead.replace('Heavy rain flooded', 'Rain flooded')}Market staff say the drainage pumps were serviced last week.`, { id: 'week', outlet: 'Borough News' });
  const agree = factsWith((await compareArticles([years, last])).stories, /not been serviced for years/, /last serviced in 2021/);
  assert.equal(agree.length, 1);
  assert.equal(agree[0]?.conflicts.length, 0);
  const differ = factsWith((await compareArticles([years, week])).stories, /not been serviced for years/, /serviced last week/);
  assert.equal(differ.length, 1);
  assert.equal(differ[0]?.conflicts[0]?.kind, 'negation');
  // "not since 2015" and "last in 2019" name different times: still a dispute
  const since = testArticle(`${lead}It is understood that the drainage pumps had not been serviced since 2015.`, { id: 'since', outlet: 'Greyford Times' });
  const other = factsWith((await compareArticles([since, last])).stories, /not been serviced since 2015/, /last serviced in 2021/);
  assert.equal(other.length, 1);
  assert.equal(other[0]?.conflicts[0]?.kind, 'negation');
});

test('"It is believed that ..." only mentions: an unsourced belief is no second origin (#15)', async () => {
  // Our own invented words.
  const a = testArticle('Greyford car park flooded\nHeavy rain flooded the underground car park beneath Greyford market on Thursday. It is believed that the drainage pumps at the market had failed overnight.', { id: 'a', outlet: 'Greyford Times' });
  const b = testArticle('Pumps blamed for Greyford flood\nWater filled the car park under Greyford market after heavy rain on Thursday. Market staff say the drainage pumps at the market had failed overnight.', { id: 'b', outlet: 'Market Weekly' });
  const facts = factsWith((await compareArticles([a, b])).stories, /It is believed that the drainage pumps/, /Market staff say the drainage pumps/);
  assert.equal(facts.length, 1);
  assert.equal(facts[0]?.members.find((m) => m.articleId === 'a')?.stance, 'mentions');
  assert.equal(facts[0]?.status, 'single-source');
});

test('a correction disputes only a figure said of the same thing: "12 years, not 15 as prosecutors asked" leaves "prosecutors sought 15 years" alone (#15)', async () => {
  // Our own invented words.
  const a = testArticle('Fane jailed\nA judge in Brennock on Friday sentenced Gerald Fane, the former mayor of Calder, to 12 years in prison, not 15 as prosecutors had asked.', { id: 'a', outlet: 'Calder Wire' });
  const b = testArticle('Fane sentenced\nProsecutors in Brennock sought 15 years in prison for Gerald Fane, the former mayor of Calder, before the judge sentenced him on Friday.', { id: 'b', outlet: 'Brennock Post' });
  const { stories } = await compareArticles([a, b]);
  const corrected = stories.flatMap((s) => s.facts).flatMap((f) => f.conflicts).filter((c) => /corrected/.test(c.detail));
  assert.deepEqual(corrected.map((c) => c.detail), []);
});

test('a dispute writes large counts as a reader does: 65,000 vs about 40,000', async () => {
  const { format } = await import('./conflicts.js');
  assert.equal(format(65000), '65,000');
  assert.equal(format(40000), '40,000');
  // four digits stay as written (a year-like figure) and fractions keep their decimals
  assert.equal(format(2019), '2019');
  assert.equal(format(3.5), '3.5');
});
