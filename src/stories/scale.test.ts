// compare on 1,000 articles must take seconds: inverted indexes, no all-pairs across stories.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareArticles } from './index.js';
import { testArticle } from './testing.js';

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

test('1,000 articles in 100 stories compare in seconds', () => {
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
      articles.push(testArticle(lines.join('\n'), { id: `e${String(e).padStart(3, '0')}-${k}`, outlet: `Outlet ${k}`, publishedAt: `2024-03-${String(day).padStart(2, '0')}` }));
    }
  }
  const t0 = performance.now();
  const { stories } = compareArticles(articles);
  const ms = performance.now() - t0;
  assert.ok(ms < 15_000, `took ${Math.round(ms)} ms`);
  // Most events come out as their own story.
  const pure = stories.filter((s) => s.articleIds.length >= 5 && new Set(s.articleIds.map((id) => id.slice(0, 4))).size === 1);
  assert.ok(pure.length >= 80, `${pure.length} pure stories of ${stories.length} (${Math.round(ms)} ms)`);
});
