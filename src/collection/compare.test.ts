import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareArticles } from './compare.js';
import { assertEvidence, testArticle } from '../stories/testing.js';

const FIRE = [
  ['fire-a', 'Ohio Ledger', 'Fire destroys Dayton paint factory\nA fire destroyed the Harlan Paints factory in Dayton, Ohio, on Monday night. Fire chief Maria Okafor said 60 firefighters fought the blaze for six hours. Two workers were treated for smoke inhalation. The cause of the fire at the Harlan Paints plant is under investigation.'],
  ['fire-b', 'Midwest Wire', 'Blaze guts Harlan Paints plant\nFirefighters spent six hours battling flames at the Harlan Paints plant in Dayton late Monday. Chief Maria Okafor said two employees needed treatment after breathing smoke. Investigators have not yet said what started the Dayton fire.'],
  ['fire-c', 'Dayton Daily', 'Harlan Paints factory lost to fire\nThe Harlan Paints factory in Dayton burned down on Monday evening, Dayton fire chief Maria Okafor told reporters. Sixty firefighters were sent to the plant. Two workers inhaled smoke and were treated at the scene.'],
] as const;
const RATES = [
  ['rate-a', 'Nordic Finance', 'Norges Bank raises rate to 4.5 percent\nNorway\'s central bank, Norges Bank, raised its policy interest rate by a quarter point to 4.5 percent on Thursday. Governor Ida Wolden Bache said inflation in Norway remained too high. Economists had expected the increase.'],
  ['rate-b', 'Oslo Business', 'Norway lifts interest rate again\nNorges Bank increased its key interest rate to 4.5 percent on Thursday, its tenth increase in a row. Governor Ida Wolden Bache told a press conference that Norwegian inflation was still well above target.'],
  ['rate-c', 'Markets Daily', 'Central bank of Norway hikes\nThe Norwegian krone rose after Norges Bank raised interest rates to 4.5 percent. Ida Wolden Bache, the bank\'s governor, said price growth in Norway was too fast.'],
] as const;

function articles() {
  return [...FIRE, ...RATES].map(([id, outlet, text]) => testArticle(text, { id, outlet, publishedAt: '2023-06-05' }));
}

test('grouping separates two events and keeps each event together', async () => {
  const all = articles();
  const { stories, messages } = await compareArticles(all);
  assert.equal(stories.length, 2);
  const sets = stories.map((s) => [...s.articleIds].sort().join(',')).sort();
  assert.deepEqual(sets, ['fire-a,fire-b,fire-c', 'rate-a,rate-b,rate-c']);
  assert.ok(messages.some((m) => m.code === 'CC402'));
  assertEvidence(stories, all);
});

test('grouping is deterministic: any input order gives the same stories and ids', async () => {
  const all = articles();
  const a = await compareArticles(all);
  const b = await compareArticles([...all].reverse());
  const c = await compareArticles([all[3], all[0], all[5], all[1], all[4], all[2]].filter((x) => x !== undefined));
  assert.deepEqual(JSON.stringify(b.stories), JSON.stringify(a.stories));
  assert.deepEqual(JSON.stringify(c.stories), JSON.stringify(a.stories));
  for (const s of a.stories) assert.match(s.id, /^s-[0-9a-f]{12}$/);
});

test('dates far apart split articles that look alike', async () => {
  const one = testArticle(FIRE[0][2], { id: 'x1', publishedAt: '2020-01-01' });
  const two = testArticle(FIRE[1][2], { id: 'x2', publishedAt: '2023-06-05' });
  const near = await compareArticles([one, testArticle(FIRE[1][2], { id: 'x2', publishedAt: '2020-01-02' })]);
  assert.equal(near.stories.length, 1);
  const far = await compareArticles([one, two]);
  assert.ok(far.stories.length >= 1);
});

test('one article gives one story and CC401', async () => {
  const only = testArticle(FIRE[0][2], { id: 'only' });
  const { stories, messages } = await compareArticles([only]);
  assert.equal(stories.length, 1);
  assert.ok(messages.some((m) => m.code === 'CC401'));
  assert.ok((stories[0]?.facts.length ?? 0) > 0);
  assert.ok(stories[0]?.facts.every((f) => f.status === 'single-source'));
  assertEvidence(stories, [only]);
});

test('no articles gives no stories', async () => {
  assert.deepEqual((await compareArticles([])).stories, []);
});

test('compare and ingest make the same stories across batches (1,200 articles, three batches)', async () => {
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { eventArticles, jsonl } = await import('./testing.js');
  const { openCollection } = await import('./collection.js');
  const { readArticles } = await import('./pipeline.js');
  const { groupArticles } = await import('./compare.js');
  // Four events told 300 times each, interleaved and over twelve days, so that stories span batches.
  const records = [0, 1, 2, 3].flatMap((e) => eventArticles(e, 300, 10 + e * 3)).map((r, i) => ({ ...r, id: `g${i}` }));
  const order = records.map((_, i) => (i * 7919) % records.length).map((i) => records[i] as (typeof records)[number]);
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-same-'));
  try {
    const dump = join(dir, 'dump.jsonl');
    writeFileSync(dump, jsonl(order));
    const c = await openCollection(join(dir, 'c.db'));
    const ingested = new Map<string, string>();
    try {
      await c.ingest([dump], { workers: 0, analyze: false });
      for await (const a of c.exportArticles()) ingested.set(a.id, a.storyId ?? '');
    } finally {
      await c.close();
    }
    const { articles } = await readArticles([dump]);
    const compared = new Map<string, string>();
    for (const [story, members] of await groupArticles(articles)) for (const a of members) compared.set(a.id, story);
    assert.equal(compared.size, 1200);
    assert.deepEqual(new Map([...compared].sort()), new Map([...ingested].sort()));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
