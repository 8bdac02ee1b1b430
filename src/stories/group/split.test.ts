import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentFrequency } from './df.js';
import { CLOSEST, JOIN, SPLIT, closestJoins, dayCuts, joinParts, localSimilarities, splitOff, yearApart } from './split.js';
import { similarity, type Keyed } from './similarity.js';

// ECB+ topic 7 in miniature: one champion's two title fights, four years apart, four reports each.
// The reports share the champion and the words of a title fight; each fight's reports also share
// the challenger, the city and the round, which the other fight's reports lack.
const KIND = ['klitschko', 'heavyweight', 'title', 'champion', 'belt', 'knockout'];
const FIRST = ['rahman', 'mannheim', 'seventh', 'referee', 'stopped'];
const SECOND = ['thompson', 'bern', 'sixth', 'challenger', 'retain'];
const report = (event: readonly string[], n: number): Keyed => ({
  fingerprint: {
    terms: [...event.slice(0, 3 + (n % 3)), ...KIND.slice(n % 2, 4 + (n % 2)), `detail${n}`, `quote${n}`],
    entities: ['person:wladimir-klitschko', `person:${event[0]}`],
    minhash: [n, n + 1, n + 2, n + 3],
  },
  time: null,
});

test('two events of one kind told in one story come apart; the founder keeps its story', () => {
  const df = new DocumentFrequency();
  // Interleaved, as reports of the two events arrive (or sort by name) in one batch.
  const members = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => report(n % 2 === 0 ? FIRST : SECOND, n));
  // Every report of the second fight is like enough to the first fight's to join its story.
  for (let n = 1; n < 8; n += 2) assert.ok(similarity(members[n] as Keyed, members[0] as Keyed, df) >= 0.11, `report ${n}`);
  assert.deepEqual(splitOff(members, df), [1, 3, 5, 7]);
});

test('two events come apart also when the story holds a report unlike the rest (the agglomeration cuts off that one alone)', () => {
  const df = new DocumentFrequency();
  const members = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => report(n % 2 === 0 ? FIRST : SECOND, n));
  // A report that shares nothing with the others (a page that joined on a word of its title).
  const stray: Keyed = { fingerprint: { terms: ['weather', 'forecast', 'rain', 'klitschko'], entities: [], minhash: [99] }, time: null };
  members.push(stray);
  for (let n = 0; n < 8; n++) assert.equal(similarity(stray, members[n] as Keyed, df), 0);
  assert.deepEqual(splitOff(members, df), [1, 3, 5, 7]);
});

test('one event told many ways stays one story, and so does a story too small to read two groups in', () => {
  const df = new DocumentFrequency();
  const one = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => report(FIRST, n));
  assert.equal(splitOff(one, df), null);
  const small = [0, 1, 2, 3, 4].map((n) => report(n % 2 === 0 ? FIRST : SECOND, n));
  assert.ok(small.length < 2 * SPLIT.minSide);
  assert.equal(splitOff(small, df), null);
});

test('parts of one event that arrived apart are joined; two events of one kind are not', () => {
  const df = new DocumentFrequency();
  const first = [0, 2, 4, 6].map((n) => report(FIRST, n));
  const second = [1, 3, 5, 7].map((n) => report(SECOND, n));
  // The first fight's reports in two stories and a lone one, the second fight's in one.
  const stories = [first.slice(0, 2), second, first.slice(2, 3), first.slice(3)];
  assert.deepEqual(joinParts(stories, df), [[0, 2, 3]]);
  // Nothing shared, nothing joined (and no similarity computed).
  const other = (n: number): Keyed => ({ fingerprint: { terms: [`storm${n}`, 'flood', 'rain', 'river'], entities: [], minhash: [n] }, time: null });
  assert.deepEqual(joinParts([first, [other(1), other(2)]], df), []);
});

test('stories named apart (two parts of one split story) are not joined, neither directly nor through a third', () => {
  const df = new DocumentFrequency();
  const first = [0, 2, 4, 6, 8, 10].map((n) => report(FIRST, n));
  // Three parts of one fight's reports: joined whole without the constraint...
  const stories = [first.slice(0, 2), first.slice(2, 4), first.slice(4)];
  assert.deepEqual(joinParts(stories, df), [[0, 1, 2]]);
  // ...parts 0 and 2 kept apart: the third (1) joins one of them, never both.
  const apart = (a: number, b: number): boolean => (a === 0 && b === 2) || (a === 2 && b === 0);
  const groups = joinParts(stories, df, apart);
  for (const g of groups) assert.ok(!(g.includes(0) && g.includes(2)), JSON.stringify(groups));
  assert.equal(groups.length, 1);
  assert.equal(groups[0]?.length, 2);
});

// Two events of one kind told in the words of that kind (two reversals of one wildlife rule, by
// two governments years apart): every report shares most of its key words with every other, so
// the plain ratio keeps them together; each event's reports name its own official and its year.
const RULE = ['wildlife', 'species', 'protection', 'rule', 'review', 'agency', 'habitat', 'scientist', 'interior', 'federal', 'consult'];
const ruling = (official: string, year: string | null, n: number): Keyed => ({
  fingerprint: {
    terms: [...RULE.slice(n % 3, n % 3 + 8), official, `angle${n}`, ...(year ? [`#y${year}`] : [])],
    entities: ['org:interior-department', `person:${official}`],
    minhash: [n, n + 1, n + 2, n + 3],
  },
  time: null,
});
const meanRatio = (members: readonly Keyed[], a: readonly number[], b: readonly number[], df: DocumentFrequency): number => {
  const mean = (xs: readonly number[], ys: readonly number[] | null): number => {
    let [s, c] = [0, 0];
    for (const x of xs) for (const y of ys ?? xs) if (ys || x < y) [s, c] = [s + similarity(members[x] as Keyed, members[y] as Keyed, df), c + 1];
    return s / c;
  };
  return mean(a, b) / Math.min(mean(a, null), mean(b, null));
};

test('two events of one kind whose words are all alike come apart when each side names its own year and its own names', () => {
  const df = new DocumentFrequency();
  const first = [0, 2, 4, 6, 8, 10];
  const second = [1, 3, 5, 7, 9, 11];
  const members = [...Array(12).keys()].map((n) => (n % 2 === 0 ? ruling('kempthorne', '2008', n) : ruling('salazar', '2009', n)));
  const ratio = meanRatio(members, first, second, df);
  // The plain ratio test alone keeps them together; the year test's cap lets them be looked at.
  assert.ok(ratio >= SPLIT.ratio && ratio < (SPLIT.yearRatio as number), `ratio ${ratio}`);
  assert.ok(yearApart(members, first, second));
  assert.deepEqual(splitOff(members, df), second);
});

test('one event whose reports name its year on one side of a cut and none on the other stays one story', () => {
  const df = new DocumentFrequency();
  // One official, one event: half the reports name the year, half none (a court story told on
  // several days, the later reports without the date of the crime).
  const members = [...Array(12).keys()].map((n) => ruling('kempthorne', n % 2 === 0 ? '2008' : null, n));
  const dated = [0, 2, 4, 6, 8, 10];
  const undated = [1, 3, 5, 7, 9, 11];
  assert.ok(yearApart(members, dated, undated), 'a year of its own on one side');
  // ...but over the story's own weights the two sides are as alike across as within.
  const local = localSimilarities(members, df);
  let [across, within] = [0, 0];
  for (const x of dated) for (const y of undated) across += (local[x * 12 + y] as number) / 36;
  for (const x of dated) for (const y of dated) if (x < y) within += (local[x * 12 + y] as number) / 15;
  assert.ok(across >= SPLIT.yearLocal * within, `local across ${across} within ${within}`);
  assert.equal(splitOff(members, df), null);
});

test('a side with too few members for its year to mean anything is not split by the year test', () => {
  const df = new DocumentFrequency();
  // Eight reports, four a side: two events by year and names, but under SPLIT.yearMinSide a side.
  const members = [...Array(8).keys()].map((n) => (n % 2 === 0 ? ruling('kempthorne', '2008', n) : ruling('salazar', '2009', n)));
  assert.ok(4 < SPLIT.yearMinSide);
  const ratio = meanRatio(members, [0, 2, 4, 6], [1, 3, 5, 7], df);
  assert.ok(ratio >= SPLIT.ratio, `ratio ${ratio}`);
  assert.equal(splitOff(members, df), null);
});

test("over the story's own weights, what every member holds weighs nothing and what some hold decides", () => {
  const df = new DocumentFrequency();
  // Every report holds the kind's words and the department; two officials part them.
  const members = [...Array(6).keys()].map((n) => ruling(n < 3 ? 'kempthorne' : 'salazar', null, n));
  for (const k of members) k.fingerprint.terms = [...RULE, ...k.fingerprint.terms.filter((t) => !RULE.includes(t))];
  const local = localSimilarities(members, df);
  // Alike only in what all six hold: nothing; alike in one official: more than nothing.
  assert.equal(local[0 * 6 + 3], 0);
  assert.ok((local[0 * 6 + 1] as number) > 0);
  assert.ok(similarity(members[0] as Keyed, members[3] as Keyed, df) > 0.5, 'the plain similarity sees them alike');
});

test('day cuts: a story told on three days is cut between days, the seam day each on the side of its nearest member; a story of two days is not cut', () => {
  const DAY = 86_400_000;
  // A hearing reported by the wire on day 10 and by the papers on day 11, the next hearing by the
  // wire on day 11 and by the papers on day 12: day 11 is a seam. Similarities: each paper is a
  // near copy of its day's wire (0.9), everything else alike (0.3).
  const days = [10, 10, 10, 11, 11, 11, 11, 11, 11, 12, 12, 12];
  const hearing = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]; // members 3-5: papers of day 10's hearing
  const members: Keyed[] = days.map((d) => ({ fingerprint: { terms: [], entities: [], minhash: [] }, time: d * DAY }));
  const m = members.length;
  const sim = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) sim[i * m + j] = hearing[i] === hearing[j] ? 0.9 : 0.3;
  const cuts = dayCuts(members, sim).map((c) => JSON.stringify(c));
  assert.ok(cuts.includes(JSON.stringify({ a: [0, 1, 2, 3, 4, 5], b: [6, 7, 8, 9, 10, 11] })), cuts.join('\n'));
  // Two days (the wire and the next morning's papers) are one telling: no cut.
  const twoDays = members.slice(0, 6);
  assert.deepEqual(dayCuts(twoDays, sim.filter((_, k) => Math.floor(k / m) < 6 && k % m < 6)), []);
  assert.equal(SPLIT.dayMinDays, 3);
});

test('clearly closest: a part of one fight joins that fight, not the other, though too unlike for joinParts; not where it names a year the fight does not', () => {
  const df = new DocumentFrequency();
  // A later word on the first fight (the rematch talk): the challenger's name and the words of a
  // title fight, few of the fight's own details; the second fight shares only the words of the kind.
  const later = (n: number, year?: string): Keyed => ({
    fingerprint: {
      terms: ['rahman', 'klitschko', 'rematch', 'promoter', 'purse', 'title', 'belt', 'heavyweight', 'venue', `aside${n}`, `aside${n + 1}`, ...(year ? [`#y${year}`] : [])],
      entities: ['person:rahman'],
      minhash: [50 + n],
    },
    time: null,
  });
  const first = [0, 2, 4, 6].map((n) => report(FIRST, n));
  const second = [1, 3, 5, 7].map((n) => report(SECOND, n));
  const stories = [first, second, [later(20), later(30)]];
  assert.equal(CLOSEST.factor, 1.5);
  // Before: the part stays apart (its likeness to the first fight is under JOIN.ratio of the fight's within).
  assert.deepEqual(joinParts(stories, df), []);
  // The part joins the first fight; the second fight (as large as the first, nearest to it, next
  // to the part: a fragment) does not join the first.
  assert.deepEqual(closestJoins(stories, df), [[0, 2]]);
  // A part that names a year of its own, which the fight's reports do not name, stays apart...
  const dated = [first, second, [later(20, '2013'), later(30, '2013')]];
  assert.deepEqual(closestJoins(dated, df), []);
  // ...by the year block alone.
  const block = CLOSEST.yearBlock;
  CLOSEST.yearBlock = false;
  try {
    assert.deepEqual(closestJoins(dated, df), [[0, 2]]);
  } finally {
    CLOSEST.yearBlock = block;
  }
});
