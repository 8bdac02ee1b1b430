// Facts of a story as a fact-checker reads them: a denial is linked to the claim it denies, and
// a claim lands in one fact only. An invented story (outlets, places and people made up here),
// through the whole pipeline so that the analysis layer's claims are there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../collection/pipeline.js';
import { compareArticles } from '../collection/compare.js';
import { assertEvidence, factsWith } from './testing.js';

const wire = analyzeText(
  [
    'Gas leak forces evacuation of Harwell depot',
    'By Nell Ostrander | Mar 03, 2026',
    'HARWELL (Tidewater Wire) — A gas leak at the Pellam Freight depot in Harwell on Tuesday forced the evacuation of nearby homes, the county fire service said.',
    'Four drivers were treated in hospital while crews sealed the leaking valve, the fire service said.',
    'Firefighters said toxic chemicals stored in the yard, including drums of ammonia, had leaked into the drains.',
    'The depot will stay closed until engineers have checked every tank.',
  ].join('\n\n'),
  { uri: 'tidewater-wire--harwell-gas-leak.txt' },
);
const local = analyzeText(
  [
    'Harwell depot leak: firm rejects ammonia claims',
    'By Piet Ransome | Mar 04, 2026',
    'Residents near the Pellam Freight depot in Harwell were allowed home on Wednesday after the gas leak that forced the evacuation of their streets on Tuesday.',
    'Six drivers were treated in hospital, according to the ambulance service.',
    'Pellam Freight rejected reports that toxic substances had been kept at the depot. “There were no dangerous chemicals in the yard,” a company spokesman said.',
    'The firm said the depot would reopen next week.',
  ].join('\n\n'),
  { uri: 'harwell-gazette--depot-leak.txt' },
);
const { stories } = await compareArticles([wire, local]);

test('a denial told beside the quote that contradicts a claim joins that claim\'s fact, disputing it', () => {
  assert.equal(stories.length, 1);
  const facts = factsWith(stories, /toxic chemicals stored in the yard/, /rejected reports that toxic substances/);
  assert.equal(facts.length, 1, 'the denial sentence is in the fact of the claim it denies');
  const fact = facts[0];
  assert.ok(fact);
  assert.equal(fact.status, 'disputed');
  const denial = fact.members.find((m) => /rejected reports/.test(m.text));
  assert.equal(denial?.stance, 'disputes');
  const conflict = fact.conflicts.find((c) => c.kind === 'denial' && (/rejected reports/.test(c.a.text) || /rejected reports/.test(c.b.text)));
  assert.ok(conflict, 'the denial is a conflict with both sides quoted');
  assert.match(conflict.a.text + conflict.b.text, /toxic chemicals stored/);
  // ...and no single-source fact is left holding it alone.
  assert.equal(factsWith(stories, /rejected reports that toxic substances/).length, 1);
  assertEvidence(stories, [wire, local]);
});

test('a count in a disputed fact is not also a single-source fact of its whole sentence', () => {
  const counted = factsWith(stories, /Four drivers were treated/);
  assert.equal(counted.length, 1, `in ${counted.length} facts: ${counted.map((f) => f.status).join(', ')}`);
  assert.equal(counted[0]?.status, 'disputed');
  assert.ok(counted[0]?.conflicts.some((c) => c.kind === 'number'));
});
