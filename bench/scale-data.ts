/**
 * A large crosscheck database for benchmarks, built the fast way and cached under the OS temp
 * dir. The articles come from the stories issue's scale generator (bench/ingest.bench.ts's
 * approach: FNC-1 bodies recombined into stories retold by 1-6 outlets, near-copies, noise);
 * a few thousand of them go through the real `ingest` once (extract, analyze, cluster, story
 * analysis), then the analyzed articles and stories are cloned with new ids, content hashes,
 * outlets and dates and written with the store's batch API (`putArticles`, `putStories`) until
 * the database holds the number of articles asked for. Every clone of a story keeps its facts,
 * reuse and coverage, so its pages are as full as the seed's.
 *
 * The database file is kept at `<tmp>/crosscheck-scale/<key>.db`, the key made of the
 * parameters and SCALE_DATA_VERSION; a rerun with the same parameters reuses it.
 *
 *   node --import tsx bench/scale-data.ts [--articles 100000] [--seed-articles 2000]   (builds or finds it, prints its path)
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article, Story } from '../src/model/index.js';
import { ingest } from '../src/collection/ingest.js';
import { openStore, type Store } from '../src/store/index.js';
import { loadBodies } from './fnc1.js';

/** Bump when the generator or the cloning changes, so that cached files are rebuilt. */
export const SCALE_DATA_VERSION = 1;

export interface ScaleOptions {
  /** Articles in the database. */
  articles: number;
  /** Generated articles that go through the real pipeline before cloning. */
  seedArticles?: number;
  /** Where cached databases live. */
  cacheDir?: string;
  log?: (line: string) => void;
}

export interface GeneratedRecord {
  id: string;
  outlet: string;
  title: string;
  publishedAt: string;
  text: string;
}

const DAY_MS = 86_400_000;
const NAMES = ['Alder', 'Brook', 'Corran', 'Dalby', 'Eskel', 'Farrow', 'Garth', 'Holm', 'Ivers', 'Jarrow', 'Kell', 'Lorne', 'Marsh', 'Nairn', 'Orrin', 'Pell'];

/**
 * The scale generator (the same recipe as bench/ingest.bench.ts): a story's retellings are its
 * base body's sentences, some dropped, the first two swapped now and then, names shifted per
 * story, a noise sentence from another body; a quarter of later retellings are near-copies of
 * the first. 40 stories a day from 2015-01-01; 50 outlets.
 */
export function* generateArticles(bodies: readonly string[], n: number, seed = 42): Generator<GeneratedRecord> {
  const pool = bodies.map((b) => b.split(/(?<=[.!?])\s+(?=[A-Z"“])/).filter((s) => s.length > 30)).filter((p) => p.length > 0);
  let state = seed;
  const rand = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  let made = 0;
  for (let s = 0; made < n; s++) {
    const base = pick(pool);
    const shift = (t: string): string => t.replace(/\b([A-Z][a-z]{3,})\b/g, (w) => (w.length % 3 === s % 3 ? `${w}${NAMES[(w.length + s) % NAMES.length]}` : w));
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(s / 40) * DAY_MS).toISOString().slice(0, 10);
    const tellings = rand() < 0.15 ? 1 : 1 + Math.floor(rand() * 6);
    let first: string[] = [];
    for (let k = 0; k < tellings && made < n; k++, made++) {
      let sentences: string[];
      if (k > 0 && rand() < 0.25) {
        sentences = [...first];
        sentences[Math.floor(rand() * sentences.length)] = pick(pick(pool));
      } else {
        sentences = base.filter(() => rand() < 0.75).map(shift);
        if (sentences.length > 2 && rand() < 0.5) [sentences[0], sentences[1]] = [sentences[1] as string, sentences[0] as string];
        if (rand() < 0.5) sentences.push(pick(pick(pool)));
      }
      if (k === 0) first = sentences;
      const text = sentences.join(' ') || base.join(' ');
      yield { id: `g${s}-${k}`, outlet: `outlet-${(s + k) % 50}`, title: shift((base[0] ?? '').slice(0, 80)), publishedAt: day, text: `${text} (${s}.${k})` };
    }
  }
}

/**
 * A JSON text cut at the quoted strings a clone changes (ids, content hashes, outlets, dates):
 * literal pieces and the strings between them, so that a clone is one join, not a regex pass.
 */
interface Template {
  pieces: string[];
  values: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}/;
const HASH = /^[0-9a-f]{64}$/;
const OUTLET = /^outlet-\d+$/;

function template(json: string, ids: ReadonlySet<string>): Template {
  const pieces: string[] = [];
  const values: string[] = [];
  let last = 0;
  for (const m of json.matchAll(/"((?:[^"\\]|\\.){1,80})"/g)) {
    const v = m[1] ?? '';
    if (!(ids.has(v) || HASH.test(v) || OUTLET.test(v) || DATE.test(v))) continue;
    pieces.push(json.slice(last, (m.index ?? 0) + 1));
    values.push(v);
    last = (m.index ?? 0) + m[0].length - 1;
  }
  pieces.push(json.slice(last));
  return { pieces, values };
}

/** The c-th clone of a value: ids get "~c", hashes are rehashed, outlets spread over 8x as many, dates moved `days` later. */
function instantiate(t: Template, ids: ReadonlySet<string>, c: number, days: number): string {
  let out = t.pieces[0] ?? '';
  for (let i = 0; i < t.values.length; i++) {
    const v = t.values[i] as string;
    let w: string;
    if (ids.has(v)) w = `${v}~${c}`;
    else if (HASH.test(v)) w = createHash('sha256').update(`${v}:${c}`).digest('hex');
    else if (OUTLET.test(v)) w = `${v}-${c % 8}`;
    else w = shiftDate(v, days);
    out += w + (t.pieces[i + 1] ?? '');
  }
  return out;
}

function shiftDate(iso: string, days: number): string {
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(t)) return iso;
  const moved = new Date(t + days * DAY_MS).toISOString();
  return iso.length === 10 ? moved.slice(0, 10) : iso.length === 20 && iso.endsWith('Z') ? moved.slice(0, 19) + 'Z' : moved.slice(0, iso.length);
}

/** The path of the cached database for these options (built when missing), or null without the FNC-1 bodies. */
export async function scaleDatabase(options: ScaleOptions): Promise<string | null> {
  const seedArticles = options.seedArticles ?? 2000;
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const dir = options.cacheDir ?? join(tmpdir(), 'crosscheck-scale');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `v${SCALE_DATA_VERSION}-a${options.articles}-s${seedArticles}.db`);
  if (existsSync(path)) {
    log(`scale data: reusing ${path}`);
    return path;
  }
  const bodies = await loadBodies(1683);
  if (!bodies) return null;
  const started = Date.now();
  const seedPath = join(dir, `v${SCALE_DATA_VERSION}-seed-s${seedArticles}.db`);
  if (!existsSync(seedPath)) {
    const dump = join(dir, `seed-${process.pid}.jsonl`);
    const out = createWriteStream(dump);
    for (const r of generateArticles(bodies.map((b) => b.text), seedArticles)) if (!out.write(JSON.stringify(r) + '\n')) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const building = `${seedPath}.${process.pid}.tmp`;
    const seed = await openStore(building);
    const s = await ingest({ store: seed, inputs: [dump] });
    await seed.close();
    rmSync(dump, { force: true });
    renameSync(building, seedPath);
    log(`scale data: seed of ${s.new} articles, ${s.stories.total} stories ingested in ${s.seconds.toFixed(1)} s`);
  }
  const seed = await openStore(seedPath);
  const building = `${path}.${process.pid}.tmp`;
  const store = await openStore(building);
  try {
    await fill(seed, store, options.articles, log);
  } finally {
    await seed.close();
    await store.close();
  }
  for (const ext of ['-wal', '-shm']) rmSync(building + ext, { force: true });
  renameSync(building, path);
  log(`scale data: ${path} built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return path;
}

/** Clones the seed's articles and stories into `store` until it holds `target` articles. */
async function fill(seed: Store, store: Store, target: number, log: (line: string) => void): Promise<void> {
  const articleIds: string[] = [];
  for await (const a of seed.exportArticles()) articleIds.push(a.id);
  const stories: Story[] = [];
  for await (const s of seed.exportStories()) {
    const story = await seed.getStory(s.id);
    if (story) stories.push(story);
  }
  const ids = new Set([...articleIds, ...stories.map((s) => s.id)]);
  const articleTemplates: Template[] = [];
  for (let i = 0; i < articleIds.length; i += 500) {
    for (const a of await seed.getArticles(articleIds.slice(i, i + 500))) articleTemplates.push(template(JSON.stringify(a), ids));
  }
  const storyTemplates = stories.map((s) => template(JSON.stringify(s), ids));
  // The seed's days: each copy starts after the previous one ends.
  const days = stories.map((s) => Date.parse(s.lastPublished ?? '')).filter((t) => !Number.isNaN(t));
  const span = days.length ? Math.ceil((Math.max(...days) - Math.min(...days)) / DAY_MS) + 1 : 1;
  const copies = Math.ceil(target / articleTemplates.length);
  let written = 0;
  for (let c = 0; c < copies && written < target; c++) {
    const take = Math.min(articleTemplates.length, target - written);
    const articles: Article[] = [];
    const kept = new Set<string>();
    for (let i = 0; i < take; i++) {
      const a = JSON.parse(instantiate(articleTemplates[i] as Template, ids, c, c * span)) as Article;
      articles.push(a);
      kept.add(a.id);
    }
    for (let i = 0; i < articles.length; i += 1000) await store.putArticles(articles.slice(i, i + 1000));
    const copiesOfStories = storyTemplates
      .map((t) => JSON.parse(instantiate(t, ids, c, c * span)) as Story)
      .filter((s) => s.articleIds.every((id) => kept.has(id)));
    for (let i = 0; i < copiesOfStories.length; i += 500) await store.putStories(copiesOfStories.slice(i, i + 500));
    written += articles.length;
    if (c % 10 === 9) log(`scale data: ${written} articles written`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: number): number => {
    const i = process.argv.indexOf(`--${name}`);
    const v = i > 0 ? Number(process.argv[i + 1]) : NaN;
    return Number.isFinite(v) && v > 0 ? v : fallback;
  };
  const path = await scaleDatabase({ articles: arg('articles', 100_000), seedArticles: arg('seed-articles', 2000) });
  console.log(path ?? 'skipped: ../shared/data/fnc1/train_bodies.csv not found');
}
