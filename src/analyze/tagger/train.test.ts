import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConllDoc } from './conll.js';
import { decodeDoc } from './decode.js';
import { namesOf } from './model.js';
import { quantise, train, trainDocOf } from './train.js';

/** Tiny invented documents: "X Y said" names persons, "in Z" places. */
function docs(): ConllDoc[] {
  const people = ['Ana Lund', 'Bo Marsh', 'Cy Ortega', 'Di Park', 'Ed Quill', 'Flo Reyes'];
  const places = ['Arden', 'Belmar', 'Corwin', 'Dunmore', 'Elgin', 'Fenwick'];
  return people.map((person, i) => {
    const place = places[i] as string;
    const text = `${person} said the plan would help Harlow farmers in ${place}.`;
    const p = text.indexOf(place);
    return { text, sentences: [{ start: 0, end: text.length }], gold: [{ start: 0, end: person.length, type: 'PER' as const }, { start: p, end: p + place.length, type: 'LOC' as const }] };
  });
}

test('training: learns the invented pattern and is deterministic', () => {
  const train1 = docs().map((d) => trainDocOf(d));
  const a = train(train1, { epochs: 4, seed: 7 });
  const b = train(docs().map((d) => trainDocOf(d)), { epochs: 4, seed: 7 });
  assert.deepEqual(Array.from(quantise(a).table.filter((x) => x !== 0)), Array.from(quantise(b).table.filter((x) => x !== 0)));
  const q = quantise(a);
  const t = train1[0]!;
  const tags = new Uint8Array(t.prepared.tokens.length);
  decodeDoc(t.prepared, { table: q.table, transitions: q.transitions }, tags);
  assert.deepEqual(namesOf(tags, tags.length).map((n) => [n.first, n.last, n.klass]), [[0, 2, 0], [10, 11, 2]]);
});
