import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareArticles } from '../collection/compare.js';
import { ALIGN, grow, type AlignedUnit } from './align.js';
import { assertEvidence, factsWith, testArticle } from './testing.js';

const A = testArticle(
  'Santos wins Valdoria vote\n' +
    'Maria Santos won the presidential election in Valdoria on Sunday with 54 percent of the vote. ' +
    'Her rival, former general Luis Ortega, refused to accept the result and said he would challenge it in court. ' +
    'Santos, a former finance minister, promised to cut taxes for small businesses. ' +
    'Riot police were deployed outside the electoral commission in the capital, Puerto Sol.',
  { id: 'val-a', outlet: 'Andes Post', publishedAt: '2024-04-08' },
);
const B = testArticle(
  'Valdorians elect Santos\n' +
    'Valdorian voters elected Maria Santos as president on Sunday, giving her 54 percent of the ballots cast. ' +
    'Luis Ortega, the retired general who ran against her, rejected the outcome and vowed a legal challenge in the courts. ' +
    'The ex-finance minister has pledged tax cuts for small firms. ' +
    'Her supporters celebrated in the streets of San Rafael until dawn, singing and waving flags.',
  { id: 'val-b', outlet: 'Latin Wire', publishedAt: '2024-04-08' },
);

test('paraphrased facts align into corroborated facts; the rest stay single-source', async () => {
  const { stories } = await compareArticles([A, B]);
  assert.equal(stories.length, 1);
  const won = factsWith(stories, /won the presidential election/, /elected Maria Santos/);
  assert.equal(won.length, 1);
  assert.equal(won[0]?.status, 'corroborated');
  assert.equal(won[0]?.independentOrigins, 2);
  const taxes = factsWith(stories, /cut taxes/, /tax cuts/);
  assert.equal(taxes[0]?.status, 'corroborated');
  // Ortega's sentence pairs with the other's sentence or with its appositive about him.
  const court = factsWith(stories, /challenge it in court/, /Luis Ortega, the retired general/);
  assert.equal(court[0]?.status, 'corroborated');
  const police = factsWith(stories, /Riot police/);
  assert.equal(police.length, 1);
  assert.equal(police[0]?.status, 'single-source');
  const party = factsWith(stories, /supporters celebrated/);
  assert.equal(party[0]?.status, 'single-source');
  // Coverage: each article has its own single-source fact and misses the other's.
  const story = stories[0];
  assert.ok(story);
  const covA = story.coverage.find((c) => c.articleId === 'val-a');
  assert.ok(covA?.only.includes(police[0]?.id ?? ''));
  assert.ok(covA?.missing.includes(party[0]?.id ?? ''));
  assertEvidence(stories, [A, B]);
});

test('facts do not chain: each member matches the fact, at most two units per article', async () => {
  const { stories } = await compareArticles([A, B]);
  for (const f of stories[0]?.facts ?? []) {
    const perArticle = new Map<string, number>();
    for (const m of f.members) perArticle.set(m.articleId, (perArticle.get(m.articleId) ?? 0) + 1);
    for (const n of perArticle.values()) assert.ok(n <= 2);
    // No two members of one article overlap.
    for (const m of f.members) for (const o of f.members) {
      if (m === o || m.articleId !== o.articleId) continue;
      assert.ok(m.span.end <= o.span.start || o.span.end <= m.span.start);
    }
  }
});

test('relative clauses and appositives are units of their own', async () => {
  const a = testArticle(
    'Crew rescued\nThe freighter Nordlys sank off Bergen on Monday. Its captain, Erik Vold, who was last to leave the ship, was treated for hypothermia. ' +
      'Two of the nine crew are still missing after the sinking.',
    { id: 'ship-a' },
  );
  const b = testArticle(
    'Nordlys lost\nThe captain of the Nordlys needed hospital care for hypothermia after the freighter went down near Bergen. ' +
      'Erik Vold, the ship\'s captain, stayed aboard until every crew member had left.',
    { id: 'ship-b' },
  );
  const { stories } = await compareArticles([a, b]);
  const hypothermia = factsWith(stories, /hypothermia/);
  assert.ok(hypothermia.some((f) => f.status === 'corroborated'));
  const missing = factsWith(stories, /still missing/);
  assert.equal(missing[0]?.status, 'single-source');
  assertEvidence(stories, [a, b]);
});

test('a relative clause joins a fact for what it says of its antecedent, not for the antecedent alone', async () => {
  const a = testArticle(
    'Mill fire\nThe inspectors examined the mill’s fire safety certificate, which was renewed in March. Crews from Ostby put out the fire before noon.',
    { id: 'rel-a' },
  );
  const b = testArticle('Ostby mill fire\nThe county said the mill’s fire safety certificate was out of date and would be reviewed. The mill in Ostby employs forty people.', { id: 'rel-b' });
  const { stories } = await compareArticles([a, b]);
  const joined = stories.flatMap((s) => s.facts).filter((f) => f.articleIds.length === 2 && f.members.some((m) => /^the mill’s fire safety certificate, which/.test(m.text)));
  assert.deepEqual(joined, []);
});

test('a headline joins the fact its article states in the body, and is never a fact alone', async () => {
  const a = testArticle('Harbour crane collapses in Tolvik\nA crane collapsed at the Tolvik container terminal on Monday, injuring two dock workers. The terminal reopened in the afternoon.', { id: 'hl-a' });
  const b = testArticle('Two hurt as crane falls at Tolvik terminal\nTwo dock workers were hurt on Monday when a crane fell at the container terminal in Tolvik, the port authority said.', { id: 'hl-b' });
  const { stories } = await compareArticles([a, b]);
  const facts = stories.flatMap((s) => s.facts);
  assert.ok(facts.every((f) => !(f.members.length === 1 && /^Two hurt as crane falls/.test(f.members[0]?.text ?? ''))));
  assert.ok(facts.every((f) => !(f.members.length === 1 && /^Harbour crane collapses/.test(f.members[0]?.text ?? ''))));
  assert.ok(factsWith(stories, /crane collapsed/, /crane fell/).length >= 1);
});

test('an opinion sentence that restates a fact joins it as a mention, not as an origin', async () => {
  const a = testArticle(
    'Storm cuts power in Dellby\nA storm cut power to 40,000 homes in Dellby County on Monday night, the Dellby Electric Company said. Crews expect to restore supply by Wednesday.',
    { id: 'a', outlet: 'Dellby Ledger' },
  );
  const b = testArticle(
    'Dellby blackout\nThe Dellby Electric Company said 40,000 homes in Dellby County lost power when the storm struck on Monday night. Schools in the county stayed closed on Tuesday.',
    { id: 'b', outlet: 'County Wire' },
  );
  const c = testArticle(
    'Dark again in Dellby\nOnce again a storm has cut power to 40,000 homes in Dellby County on a Monday night, a disgrace nobody at the top seems to mind. Residents have heard every excuse before.',
    { id: 'c', outlet: 'Dellby Voice' },
  );
  // The analysis layer's opinion signal on the sentence (as src/analyze/opinion.ts gives it).
  const said = c.text.indexOf('Once again');
  const end = c.text.indexOf('mind.') + 'mind.'.length;
  c.signals = [{ articleId: 'c', span: { start: said, end }, text: c.text.slice(said, end), kind: 'opinion', weight: 0.8, detail: "opinion: 'disgrace'" }];
  const { stories } = await compareArticles([a, b, c]);
  const facts = factsWith(stories, /cut power to 40,000 homes/, /lost power/, /Once again a storm/);
  assert.equal(facts.length, 1, 'the restating opinion sentence is in the fact');
  const fact = facts[0];
  assert.ok(fact);
  assert.equal(fact.members.find((m) => m.articleId === 'c')?.stance, 'mentions');
  assert.equal(fact.independentOrigins, 2, 'an opinion sentence is no origin of the fact');
  assertEvidence(stories, [a, b, c]);
});

/** A sentence unit of `article` with the given terms and nothing else (for grow's tests). */
function plainUnit(article: number, sentence: number, terms: string[]): AlignedUnit {
  return {
    article,
    sentence,
    kind: 'sentence',
    span: { start: sentence * 100, end: sentence * 100 + 50 },
    first: sentence * 10,
    last: sentence * 10 + 8,
    checkworthy: 0.6,
    isOpinion: false,
    terms: new Set(terms),
    context: new Set(),
    subjects: new Set(),
    core: null,
    background: null,
    actor: null,
    selfActs: false,
    label: null,
    modal: new Set(),
    past: new Set(),
  };
}

test('a late joiner whose best partner\'s fact is full tries the fact of its next partner', () => {
  // Units of three articles: article 2 already has two units (its limit) in the fact of units 0-3;
  // unit 4, a third telling in article 2, reaches that fact best, and the fact of units 5-6 next.
  const unit = plainUnit;
  const units = [
    unit(0, 0, ['s:bridg', 's:clos']),
    unit(1, 0, ['s:bridg', 's:clos']),
    unit(2, 0, ['s:bridg', 's:clos']),
    unit(2, 1, ['s:bridg', 's:clos']),
    unit(2, 2, ['s:bridg', 's:clos', 's:boat', 's:hom']),
    unit(0, 1, ['s:boat', 's:hom']),
    unit(1, 1, ['s:boat', 's:hom']),
  ];
  const scores = new Map<string, number>([
    ['0|1', 0.8], ['0|2', 0.7], ['1|3', 0.7], ['2|3', 0.7], ['1|2', 0.7], ['0|3', 0.7],
    ['5|6', 0.8],
    ['0|4', 0.28], ['1|4', 0.25], ['2|4', 0.6], ['3|4', 0.6],
    ['4|5', 0.25], ['4|6', 0.2],
  ]);
  const score = (a: number, b: number): number => (a === b ? 1 : (scores.get(`${Math.min(a, b)}|${Math.max(a, b)}`) ?? 0));
  const edges = [...scores].filter(([, s]) => s >= ALIGN.threshold).map(([k, s]) => [s, ...k.split('|').map(Number)] as [number, number, number]).sort((x, y) => y[0] - x[0]);
  const weak = [...scores].filter(([, s]) => s < ALIGN.threshold).map(([k, s]) => [s, ...k.split('|').map(Number)] as [number, number, number]).sort((x, y) => y[0] - x[0]);
  const groups = grow(units, edges, weak, [], score, () => true, (a) => a);
  assert.deepEqual(groups.find((g) => g.includes(0))?.length, 4, 'the first fact holds two units of article 2, its limit');
  assert.deepEqual(groups.find((g) => g.includes(5)), [4, 5, 6]);
});

test('one origin far below no longer vetoes a telling that reaches the other origins of a widely told fact, but still does in a small one', () => {
  // #15 on ECB+: "Tara Reid has checked into Promises Treatment Center" scored 0.30-0.49 with
  // eight origins of the rehab fact and 0 with one member that had joined through words of its
  // own; it was left out of the fact once that member's article stopped counting as a copy of
  // a close one.
  const unit = (article: number, terms: string[]): AlignedUnit => plainUnit(article, 0, terms);
  const run = (tellings: number): number[][] => {
    // Units 0..tellings-1 tell the fact to one another; the last of them only weakly-joined words;
    // unit `tellings` reaches all of them but that last one.
    const units = Array.from({ length: tellings + 1 }, (_, i) => unit(i, ['s:rehab', 's:check']));
    const last = tellings - 1;
    const score = (a: number, b: number): number => {
      if (a === b) return 1;
      const [x, y] = [Math.min(a, b), Math.max(a, b)];
      if (y === tellings) return x === last ? 0 : 0.45;
      return 0.5;
    };
    const edges: [number, number, number][] = [];
    for (let a = 0; a <= tellings; a++) for (let b = a + 1; b <= tellings; b++) if (score(a, b) >= ALIGN.threshold) edges.push([score(a, b), a, b]);
    edges.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
    return grow(units, edges, [], [], score, () => true, (a) => a);
  };
  assert.ok(run(5).some((g) => g.length === 6), 'five origins: the sixth telling joins though one origin is far below');
  assert.ok(!run(4).some((g) => g.includes(4) && g.includes(3)), 'four origins: one far below still keeps it out');
});

test('a late joiner that would be a fact\'s second origin needs the full threshold', () => {
  // #15, the demo: the wire's collision sentence and its copy were one origin's fact; "No one at
  // Brightwater pressures a master to leave port", a weak pair with the wire's "allowed to leave
  // port", joined it late and made it corroborated. A third origin's late join is unchanged.
  const units = [plainUnit(0, 0, ['s:ferri', 's:port']), plainUnit(1, 0, ['s:ferri', 's:port']), plainUnit(2, 0, ['s:port', 's:leav'])];
  const weakScore = ALIGN.threshold * 0.8;
  const score = (a: number, b: number): number => (a === b ? 1 : a + b === 1 ? 0.9 : weakScore);
  const run = (origin: (article: number) => number): number[][] => grow(units, [[0.9, 0, 1]], [[weakScore, 0, 2], [weakScore, 1, 2]], [], score, () => true, origin);
  assert.deepEqual(run((a) => (a === 1 ? 0 : a)), [[0, 1]], 'a wire story and its copy (one origin): the weak partner stays out');
  assert.deepEqual(run((a) => a), [[0, 1, 2]], 'two origins already: the weak partner joins late, as before');
});

test('two facts on one event merge though a sentence of one and its own clause in the other overlap', () => {
  // #15: "A tram hit a van at the junction, and four passengers were hurt" is in one telling's
  // fact; its clause "four passengers were hurt" went with another article's sentence into a
  // second fact of the same crash. The strongest members of the two facts meet at the full bar,
  // but the sentence and its clause overlapped, so the two facts stayed apart. The clause leaves
  // (the sentence holds its words) and the rest is one fact.
  const terms = ['s:tram', 's:hit', 's:van'];
  const clause: AlignedUnit = { ...plainUnit(0, 0, terms), kind: 'clause', span: { start: 25, end: 50 }, first: 4 };
  const units = [plainUnit(0, 0, terms), clause, plainUnit(1, 0, terms), plainUnit(2, 0, terms), plainUnit(3, 0, terms), plainUnit(4, 0, terms)];
  const scores = new Map<string, number>([
    ['0|2', 0.9], ['3|5', 0.9], ['1|3', 0.8], ['2|4', 0.8], ['2|3', 0.7],
    ['0|4', 0.5], ['1|5', 0.5],
  ]);
  const score = (a: number, b: number): number => (a === b ? 1 : (scores.get(`${Math.min(a, b)}|${Math.max(a, b)}`) ?? 0.4));
  const edges = [...scores].filter(([, s]) => s >= ALIGN.threshold).map(([k, s]) => [s, ...k.split('|').map(Number)] as [number, number, number]).sort((x, y) => y[0] - x[0]);
  const groups = grow(units, edges, [], [], score, () => true, (a) => a);
  assert.deepEqual(groups, [[0, 2, 3, 4, 5]], 'one fact of the crash; the clause is said by its sentence');
});
