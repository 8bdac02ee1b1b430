import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentFrequency } from './df.js';
import { DAY_MS, SIMILARITY, similarity, type Keyed } from './similarity.js';

/** The similarity as its doc comment states it, one Map lookup per key (what the fast path must match exactly). */
function reference(a: Keyed, b: Keyed, df: DocumentFrequency): number {
  if (a.time !== null && b.time !== null && Math.abs(a.time - b.time) > SIMILARITY.windowDays * DAY_MS) return 0;
  const cosine = (x: readonly string[], y: readonly string[], prefix: string): [number, number] => {
    if (x.length === 0 || y.length === 0) return [0, 0];
    const weights = (keys: readonly string[]) => keys.map((k, r) => df.idf(prefix + k) * (1 / (1 + r / SIMILARITY.rankHalfWeight)));
    const wx = weights(x);
    const wy = weights(y);
    const byKey = new Map(y.map((k, r) => [k, wy[r] as number]));
    let dot = 0;
    let shared = 0;
    x.forEach((k, r) => {
      const v = byKey.get(k);
      if (v !== undefined) [dot, shared] = [dot + (wx[r] as number) * v, shared + 1];
    });
    const n2 = (w: number[]) => w.reduce((s, v) => s + v * v, 0);
    return [shared, n2(wx) > 0 && n2(wy) > 0 ? dot / Math.sqrt(n2(wx) * n2(wy)) : 0];
  };
  const [st, terms] = cosine(a.fingerprint.terms, b.fingerprint.terms, '');
  const both = a.fingerprint.entities.length > 0 && b.fingerprint.entities.length > 0;
  const [se, ents] = both ? cosine(a.fingerprint.entities, b.fingerprint.entities, 'e:') : [0, 0];
  if (st + se < SIMILARITY.minSharedKeys) return 0;
  let score = both ? (1 - SIMILARITY.entityShare) * terms + SIMILARITY.entityShare * ents : terms;
  const n = Math.min(a.fingerprint.minhash.length, b.fingerprint.minhash.length);
  const same = a.fingerprint.minhash.filter((h, i) => i < n && h === b.fingerprint.minhash[i]).length;
  if (n > 0 && same / n >= SIMILARITY.copyJaccard) score = Math.max(score, SIMILARITY.copyScore);
  return score;
}

test('similarity equals the one-lookup-per-key formula, long lists included', () => {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const vocab = Array.from({ length: 300 }, (_, i) => `w${i}`);
  // Distinct keys, as fingerprints have them (features count each term and entity once).
  const distinct = (n: number, of: (i: number) => string): string[] => [...new Set(Array.from({ length: n }, (_, i) => of(i)))];
  const df = new DocumentFrequency();
  for (let d = 0; d < 200; d++) df.add(Array.from({ length: 20 }, () => vocab[rand(vocab.length)] as string));
  const keyed = (): Keyed => ({
    fingerprint: {
      // Up to 200 terms: longer than any scratch space to begin with.
      terms: distinct(rand(4) === 0 ? 200 : rand(61), () => vocab[rand(rand(2) === 0 ? 40 : vocab.length)] as string),
      entities: distinct(rand(8), () => `person:p${rand(12)}`),
      minhash: Array.from({ length: 8 }, () => rand(3)),
    },
    time: rand(5) === 0 ? null : rand(10) * DAY_MS,
  });
  const items = Array.from({ length: 120 }, keyed);
  let positive = 0;
  for (const a of items) {
    for (const b of items) {
      const v = similarity(a, b, df);
      assert.equal(v, reference(a, b, df));
      if (v > 0) positive++;
    }
  }
  assert.ok(positive > 1000, `${positive} pairs alike`);
});

test('naming the same year adds the year bonus; different years take nothing away', () => {
  // ECB+ topic 7's two fights: one boxer, one title, one kind of news, four years apart; the
  // texts have no publication dates, but each report names its own year.
  const df = new DocumentFrequency();
  const fight = (opponent: string, marks: string[]): Keyed => ({
    fingerprint: { terms: ['klitschko', 'heavyweight', 'round', 'title', opponent, ...marks], entities: ['person:wladimir-klitschko'], minhash: [1, 2, 3, 4] },
    time: null,
  });
  const plain = similarity(fight('rahman', []), fight('thompson', []), df);
  assert.ok(plain > 0);
  assert.equal(similarity(fight('rahman', ['#y2008']), fight('thompson', ['#y2012']), df), plain);
  assert.equal(similarity(fight('rahman', ['#y2008']), fight('thompson', ['#y2008', '#y2012']), df), plain + SIMILARITY.sharedYearBonus);
  // A mark is not a term: two marks alone are not the shared keys a score needs.
  const bare = (marks: string[]): Keyed => ({ fingerprint: { terms: ['storm', ...marks], entities: [], minhash: [9] }, time: null });
  assert.equal(similarity(bare(['#y2008', '#y2009']), bare(['#y2008', '#y2009']), df), 0);
});
