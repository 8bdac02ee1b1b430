// compare on 1,000 articles must take seconds: inverted indexes, no all-pairs across stories.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareArticles } from '../collection/compare.js';
import { analyzeText } from '../collection/pipeline.js';

const FIRST = ['Anna', 'Boris', 'Chen', 'Dara', 'Emil', 'Fatima', 'Gustav', 'Hana', 'Ivan', 'Julia', 'Kofi', 'Lena', 'Marco', 'Nadia', 'Omar', 'Priya'];
const LAST = ['Keller', 'Moreau', 'Tanaka', 'Osei', 'Larsen', 'Rossi', 'Novak', 'Silva', 'Haddad', 'Petrov', 'Quinn', 'Varga', 'Wolff', 'Yilmaz', 'Zhou', 'Bauer'];
const PLACES = ['Arden', 'Belmont', 'Corvale', 'Dunmore', 'Eastwick', 'Fairhaven', 'Glenrock', 'Harrowgate', 'Ironbridge', 'Juniper', 'Kingsford', 'Lakeview'];
const EVENTS = [
  'a fire destroyed the warehouse of',
  'floods closed the main bridge of',
  'the council approved a new budget for',
  'police arrested two men after a robbery in',
  'a strike halted buses in',
  'a new hospital opened in',
  'the mayor resigned after a scandal in',
  'a storm cut power to thousands in',
];
const FILLER = [
  'Officials said more details would follow later in the week.',
  'Residents described the scene to local reporters.',
  'The regional government promised support.',
  'Several witnesses spoke to the press on condition of anonymity.',
  'The investigation is expected to take weeks.',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ten', 'ras', 'vo', 'qui', 'dor', 'pel', 'sa', 'nu', 'bri', 'gan', 'tho', 'wen', 'zar'];

/** A made-up word: each event gets its own vocabulary, as real events do. */
function word(r: () => number): string {
  let w = '';
  const n = 2 + Math.floor(r() * 2);
  for (let i = 0; i < n; i++) w += pick(SYLLABLES, r);
  return w;
}

function pick<T>(xs: readonly T[], r: () => number): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

test('1,000 articles of 100 events come out as about 100 stories', async () => {
  const r = rng(42);
  const articles = [];
  for (let e = 0; e < 100; e++) {
    const person = `${FIRST[e % FIRST.length]} ${LAST[Math.floor(e / FIRST.length) % LAST.length]}`;
    // Each event has its own place, person and words; event types and fillers repeat across events.
    const place = `${PLACES[e % PLACES.length]}${e >= PLACES.length ? ` ${LAST[Math.floor(e / PLACES.length) % LAST.length]}ton` : ''}`;
    const what = EVENTS[e % EVENTS.length];
    const day = 1 + (e % 28);
    const topic = Array.from({ length: 12 }, () => word(r));
    for (let k = 0; k < 10; k++) {
      const local = () => Array.from({ length: 6 }, () => pick(topic, r)).join(' ');
      const lines = [
        `${place}: ${person} speaks`,
        `On ${['Monday', 'Tuesday', 'Friday'][k % 3]}, ${what} ${place}, ${person} said.`,
        `The ${local()} was the ${local()}.`,
        `Witnesses said the ${local()} and the ${local()}.`,
        `${person}, who leads the ${place} district office, said ${4 + (e % 7)} teams were working on the site.`,
        pick(FILLER, r),
        `The ${place} event drew ${10 + k * 3} people, according to ${person}.`,
        pick(FILLER, r),
      ];
      articles.push(analyzeText(lines.join('\n'), { id: `e${String(e).padStart(3, '0')}-${k}`, outlet: `Outlet ${k}`, publishedAt: `2024-03-${String(day).padStart(2, '0')}` }));
    }
  }
  const t0 = performance.now();
  const { stories } = await compareArticles(articles);
  const ms = performance.now() - t0;
  // About 8 s quiet; speed is bench/compare.bench.ts's to measure (CI shares the machine), so
  // only the outcome is checked here.
  // Most events come out as their own story. The hard part is built in: events of the same kind
  // ("a fire destroyed the warehouse of"), in the same week, whose people share a first name.
  // The one clusterer (the incremental one of ingest, since compare runs it too) measured 77
  // pure stories and 10 that mix events (2026-12-07); issue #14 is about doing better.
  const pure = stories.filter((s) => s.articleIds.length >= 5 && new Set(s.articleIds.map((id) => id.slice(0, 4))).size === 1);
  const mixed = stories.filter((s) => new Set(s.articleIds.map((id) => id.slice(0, 4))).size > 1);
  assert.ok(pure.length >= 75 && mixed.length <= 12, `${pure.length} pure stories and ${mixed.length} mixed of ${stories.length} (${Math.round(ms)} ms)`);
});

test('one very long article in a story stays linear (a book-length page repeating itself)', async () => {
  // 4,000 copies of one sentence beside two short tellings: 6.3 s before the candidate lookup
  // skipped the long article's own units and the subject and repeat checks stopped scanning
  // every mention and every fact; about 0.7 s after (2,000 copies: 1.1 s -> 0.4 s).
  const line = 'The council said the boats were damaged in the storm near Alder harbour on Tuesday.';
  const timeFor = async (copies: number): Promise<number> => {
    const articles = [
      analyzeText(Array.from({ length: copies }, () => line).join(' '), { id: 'long', outlet: 'Outlet L' }),
      analyzeText(`${line} Repairs will take weeks, officials said.`, { id: 'short-1', outlet: 'Outlet S' }),
      analyzeText('Boats were damaged in a storm near Alder harbour, the council said on Tuesday. Fishermen counted losses.', { id: 'short-2', outlet: 'Outlet T' }),
    ];
    const t0 = performance.now();
    const { stories } = await compareArticles(articles);
    const ms = performance.now() - t0;
    assert.equal(stories.length, 1);
    assert.ok((stories[0]?.facts.length ?? 0) >= copies, 'every sentence of the long article is a fact of the story');
    return ms;
  };
  await timeFor(200); // warm up
  const small = await timeFor(1000);
  const large = await timeFor(4000);
  // Four times the sentences: linear growth is 4x; the quadratic version was 15x.
  assert.ok(large / Math.max(small, 50) < 9, `1,000 sentences ${Math.round(small)} ms, 4,000 sentences ${Math.round(large)} ms`);
});
