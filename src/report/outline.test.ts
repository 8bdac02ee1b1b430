import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayName, labelArticles, outline, storySynopsis, timeSpan } from './outline.js';
import { fixtureComparison } from './fixture.js';

test('labels: outlet, else file name; duplicates get the file name, then a number', () => {
  const [a, b] = fixtureComparison().articles;
  assert.ok(a && b);
  const twins = [a, { ...a, id: 'x', uri: 'other/straight-2.txt' }, { ...a, id: 'y' }, b];
  assert.deepEqual([...labelArticles(twins).values()].map((r) => r.label), [
    'Daily Record (straight.txt)', 'Daily Record (straight-2.txt)', 'Daily Record (straight.txt) #2', 'rewrite.txt',
  ]);
});

test('displayName prefers the words, then the first mention of a canonical id, then the id itself', () => {
  const a = fixtureComparison().articles[0];
  assert.ok(a);
  assert.equal(displayName(a, 'person:joseph-yun'), 'Joseph Yun');
  assert.equal(displayName(a, 'person:kim-jong-un'), 'Kim Jong Un');
  assert.equal(displayName(a, 'person:joseph-yun', 'the envoy'), 'the envoy');
  assert.equal(displayName(a, 'a senior official'), 'a senior official');
  assert.equal(displayName(a, null), '');
  // a pronoun resolved to a canonical shows the name it stands for; an unresolved one stays
  assert.equal(displayName(a, 'person:joseph-yun', 'he'), 'Joseph Yun');
  assert.equal(displayName(a, null, 'she'), 'she');
});

test('timeSpan: dates, date-times and unknowns', () => {
  const s = fixtureComparison().stories[0];
  assert.ok(s);
  assert.equal(timeSpan({ ...s, firstPublished: null, lastPublished: null }), 'publication dates not known');
  assert.equal(timeSpan({ ...s, firstPublished: '2017-11-02', lastPublished: '2017-11-02' }), 'published 2017-11-02');
  assert.equal(timeSpan({ ...s, firstPublished: '2017-11-02T08:00:00Z', lastPublished: '2017-11-02T11:00:00Z' }), 'published 2017-11-02T08:00:00Z to 2017-11-02T11:00:00Z (3 hours apart)');
  assert.equal(timeSpan({ ...s, firstPublished: '2017-11-02T20:00:00Z', lastPublished: '2017-11-02' }), 'published 2017-11-02T20:00:00Z to 2017-11-02 (the same day)');
});

test('outline orders disputed, then corroborated by origins, and groups single-source facts by article', () => {
  const o = outline(fixtureComparison());
  const s = o.stories[0];
  assert.ok(s);
  assert.deepEqual(s.disputed.map((f) => f.id), ['f2']);
  assert.deepEqual(s.corroborated.map((f) => f.id), ['f1']);
  assert.deepEqual(s.single.map((g) => [g.ref.label, g.facts.map((f) => f.id)]), [['Daily Record', ['f3']], [o.refs.get('hostile')?.label, ['f4']]]);
  assert.deepEqual(o.unassigned, []);
});

test('synopsis: corroborated facts only, most origins first, a repeated wording once, at most the cap', () => {
  const s = fixtureComparison().stories[0];
  assert.ok(s);
  const f1 = s.facts.find((f) => f.id === 'f1');
  assert.ok(f1);
  const more = { ...f1, id: 'f9', independentOrigins: f1.independentOrigins + 1 };
  const same = { ...f1, id: 'f10', summary: ` ${f1.summary.toUpperCase()} ` };
  const story = { ...s, facts: [...s.facts, same, more] };
  const lines = storySynopsis(story);
  // The disputed f2 and the single-source f3, f4 are never in it; f9 has the most origins.
  assert.deepEqual(lines.map((l) => l.factId), ['f9']);
  assert.equal(lines[0]?.text, f1.summary.trim());
  assert.deepEqual(storySynopsis(story, 0), []);
  assert.deepEqual(outline(fixtureComparison()).stories[0]?.synopsis.map((l) => l.factId), ['f1']);
});

test('synopsis: each line is a statement: a fragment summary gives way to a member sentence, and a fact told only in fragments comes last', () => {
  const s = fixtureComparison().stories[0];
  assert.ok(s);
  const f1 = s.facts.find((f) => f.id === 'f1');
  assert.ok(f1 && f1.members.length >= 2);
  const sentence = 'A fire destroyed a paint depot in Lowick on Monday night, the fire service said';
  // Invented wordings: a subordinate clause as the summary, a member that says it in full.
  const clause = { ...f1, id: 'f11', summary: 'when fire swept through a paint depot in Lowick late on Monday', members: f1.members.map((m, i) => ({ ...m, text: i === 0 ? 'when fire swept through a paint depot in Lowick late on Monday' : sentence })) };
  // A name and its description, in every member, with more origins than any other fact.
  const who = 'Ada Brennan, the depot manager';
  const appositive = { ...f1, id: 'f12', summary: who, independentOrigins: f1.independentOrigins + 5, members: f1.members.map((m) => ({ ...m, text: who })) };
  const lines = storySynopsis({ ...s, facts: [appositive, clause] });
  assert.deepEqual(lines.map((l) => [l.factId, l.text]), [['f11', sentence], ['f12', who]]);
});
