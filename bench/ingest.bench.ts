/**
 * Ingest at scale. Dumps are generated from the FNC-1 bodies by recombining real sentences:
 * stories (a base body retold by 1-6 outlets, sentences dropped and reordered, names shifted
 * per story, dates shifted so that stories close), near-copies (a retelling with one sentence
 * changed) and noise (sentences of unrelated bodies). Two measures, each at several sizes:
 *   A. end to end: `ingest` of a JSONL dump into a fresh SQLite file (read, extract, analyze on
 *      the worker threads, cluster, commit, story analysis): articles/s, MB/s, peak RSS;
 *   B. the clustering stage alone (fingerprints, candidates, assignment, commit), on articles
 *      processed once and cloned with new ids, names and dates: cost per article as the
 *      collection grows, beside a naive baseline that compares each article with every open story.
 *   node --import tsx bench/ingest.bench.ts [--e2e 10000] [--stage 10000,100000] [--naive-max 20000]
 */
import { mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Article } from '../src/model/index.js';
import { openStore } from '../src/store/index.js';
import { ingest } from '../src/collection/ingest.js';
import { processSource } from '../src/collection/pipeline.js';
import { Clusterer, titleOf, type ClusterItem } from '../src/stories/group/clusterer.js';
import { toStore } from '../src/store/rows.js';
import { articleFeatures, type Features } from '../src/stories/group/features.js';
import { DocumentFrequency } from '../src/stories/group/df.js';
import { similarity, SIMILARITY, DAY_MS, type Keyed } from '../src/stories/group/similarity.js';
import { environment, loadBodies, table, fixed } from './fnc1.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const E2E = arg('e2e', '10000').split(',').filter(Boolean).map(Number);
const STAGE = arg('stage', '10000,100000').split(',').filter(Boolean).map(Number);
const NAIVE_MAX = Number(arg('naive-max', '20000'));
/** --no-analyze: leave story comparison out of A (to see the per-article work alone). */
const ANALYZE = !process.argv.includes('--no-analyze');

const bodies = await loadBodies(1683);
if (!bodies) {
  console.log('skipped: ../shared/data/fnc1/train_bodies.csv not found');
  process.exit(0);
}
const pool = bodies.map((b) => b.text.split(/(?<=[.!?])\s+(?=[A-Z"“])/).filter((s) => s.length > 30));

let seed = 42;
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const NAMES = ['Alder', 'Brook', 'Corran', 'Dalby', 'Eskel', 'Farrow', 'Garth', 'Holm', 'Ivers', 'Jarrow', 'Kell', 'Lorne', 'Marsh', 'Nairn', 'Orrin', 'Pell'];

/** A story's retelling: base sentences, some dropped, reordered a little, names shifted, noise added. */
function* generate(n: number): Generator<{ id: string; outlet: string; title: string; publishedAt: string; text: string }> {
  let made = 0;
  for (let s = 0; made < n; s++) {
    const base = pick(pool);
    const shift = (t: string): string => t.replace(/\b([A-Z][a-z]{3,})\b/g, (w) => (w.length % 3 === s % 3 ? `${w}${NAMES[(w.length + s) % NAMES.length]}` : w));
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(s / 40) * DAY_MS).toISOString().slice(0, 10);
    const kind = rand();
    const tellings = kind < 0.15 ? 1 : 1 + Math.floor(rand() * 6);
    let first: string[] = [];
    for (let k = 0; k < tellings && made < n; k++, made++) {
      let sentences: string[];
      if (k > 0 && rand() < 0.25) {
        sentences = [...first];
        sentences[Math.floor(rand() * sentences.length)] = pick(pick(pool)); // a near-copy
      } else {
        sentences = base.filter(() => rand() < 0.75).map(shift);
        if (sentences.length > 2 && rand() < 0.5) [sentences[0], sentences[1]] = [sentences[1] as string, sentences[0] as string];
        if (rand() < 0.5) sentences.push(pick(pick(pool))); // noise
      }
      if (k === 0) first = sentences;
      const text = sentences.join(' ') || base.join(' ');
      yield { id: `g${s}-${k}`, outlet: `outlet-${(s + k) % 50}`, title: shift((base[0] ?? '').slice(0, 80)), publishedAt: day, text: `${text} (${s}.${k})` };
    }
  }
}

async function writeDump(path: string, n: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (const r of generate(n)) {
    bytes += Buffer.byteLength(r.text);
    if (!out.write(JSON.stringify(r) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

function peakRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

// --dump N PATH: only write a generated dump of N articles to PATH (for profiling `crosscheck ingest` on it).
const dumpAt = process.argv.indexOf('--dump');
if (dumpAt > 0) {
  const path = process.argv[dumpAt + 2] ?? 'dump.jsonl';
  const bytes = await writeDump(path, Number(process.argv[dumpAt + 1] ?? '1000'));
  console.log(`wrote ${path} (${fixed(bytes / 1e6, 1)} MB of text)`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-ingest-'));
console.log(`ingest bench: ${environment()}\n`);
try {
  // A. End to end.
  const rowsA: string[][] = [];
  for (const n of E2E) {
    const dump = join(dir, `dump-${n}.jsonl`);
    const bytes = await writeDump(dump, n);
    const store = await openStore(join(dir, `e2e-${n}.db`));
    const rss = peakRss();
    const cpu0 = process.cpuUsage();
    // The batches that stored the last 10% of the articles (before the final pass): the marginal
    // cost once the collection is large, the figure the 1M/10k ratio compares.
    let tenth: { stored: number; seconds: number; cpu: NodeJS.CpuUsage } | null = null;
    let last = { stored: 0, seconds: 0, cpu: cpu0 };
    const s = await ingest({
      store,
      inputs: [dump],
      analyze: ANALYZE,
      onProgress: (p) => {
        // From the batch before the one that crossed 90% (so that at least one batch is measured).
        if (!tenth && p.stored >= n * 0.9) tenth = last;
        last = { stored: p.stored, seconds: p.seconds, cpu: process.cpuUsage() };
      },
    });
    const cpu = process.cpuUsage(cpu0);
    const peak = rss.stop();
    const stats = await store.stats();
    await store.close();
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const t = tenth as { stored: number; seconds: number; cpu: NodeJS.CpuUsage } | null;
    const lastN = t ? last.stored - t.stored : 0;
    const lastRate = t && lastN > 0 ? fixed(lastN / (last.seconds - t.seconds), 0) : '-';
    const lastCpu = t && lastN > 0 ? fixed(((last.cpu.user + last.cpu.system - t.cpu.user - t.cpu.system) / 1e3 / lastN), 2) : '-';
    rowsA.push([String(n), String(s.new), String(stats.stories), String(s.stories.analyzed), String(stats.staleStories), fixed(s.seconds, 1), fixed(s.new / s.seconds, 0), fixed(bytes / 1e6 / s.seconds, 2), fixed((cpuSeconds / Math.max(1, s.new)) * 1e3, 2), lastRate, lastCpu, fixed(peak / 2 ** 20, 0)]);
  }
  if (rowsA.length) {
    console.log(`A. end to end: crosscheck ingest of a generated JSONL dump into SQLite (all cores)${ANALYZE ? ', with its bounded final pass of story analysis' : ', story comparison left out (--no-analyze)'}`);
    console.log(table(['articles', 'stored', 'stories', 'analyzed', 'left stale', 'seconds', 'articles/s', 'MB/s', 'CPU ms/article', 'articles/s last 10%', 'CPU ms/article last 10%', 'peak RSS MiB'], rowsA));
    console.log('goal: >= 1,000 articles/s on 2 cores. CPU ms/article: all threads (main + workers), less sensitive to other jobs on the machine than the wall clock; last 10%: the batches that stored the last tenth (the final pass not included)');
    for (const r of rowsA.slice(1).filter((x) => x[9] !== '-' && rowsA[0]?.[9] !== '-')) console.log(`end to end: per-article cost ratio (last 10%) ${r[0]} / ${rowsA[0]?.[0]}: ${fixed(Number(rowsA[0]?.[9]) / Number(r[9]), 2)} wall clock, ${fixed(Number(r[10]) / Number(rowsA[0]?.[10]), 2)} CPU (goal for 1M/10k: <= 1.5)`);
    console.log('');
  }

  // B. The clustering stage alone, indexed vs naive.
  const max = Math.max(0, ...STAGE);
  if (max > 0) {
    const processed: { article: Article; features: Features }[] = [];
    for (const r of generate(1500)) {
      const article = processSource({ uri: r.id, format: 'jsonl', raw: r.text, record: { id: r.id, outlet: r.outlet, title: r.title, publishedAt: r.publishedAt }, messages: [] });
      processed.push({ article, features: articleFeatures(article) });
    }
    /** The i-th clone: a processed article under a new id and date, its names shifted to its own story. */
    const clone = (i: number): ClusterItem => {
      const src = processed[i % processed.length] as { article: Article; features: Features };
      const story = Math.floor(i / 4);
      const suffix = `#${Math.floor(i / processed.length)}`;
      const time = Date.UTC(2015, 0, 1) + Math.floor(story / 40) * DAY_MS;
      const hash = createHash('sha256').update(`${i}`).digest('hex');
      const article: Article = { ...src.article, id: `c${i}`, contentHash: hash, uri: `clone:${i}`, publishedAt: new Date(time).toISOString().slice(0, 10) };
      const features: Features = { ...src.features, entities: src.features.entities.map((e) => e + suffix), terms: [...src.features.terms, [`story${suffix}`, 2]], time, minhash: src.features.minhash.map((h, k) => (k % 2 === 0 ? (h ^ Math.imul(i, 2654435761)) >>> 0 : h)) };
      return { article: toStore(article), title: titleOf(article), features };
    };
    const rowsB: string[][] = [];
    for (const n of STAGE) {
      const store = await openStore(join(dir, `stage-${n}.db`));
      // BENCH_PRAGMAS="cache_size = -65536;wal_autocheckpoint = 16384": an experiment's pragmas on the stage's database.
      for (const p of (process.env.BENCH_PRAGMAS ?? '').split(';').filter(Boolean)) (store as unknown as { db: { pragma(s: string): unknown } }).db.pragma(p);
      const clusterer = await Clusterer.open(store);
      const steps = process.env.BENCH_STEPS ? timeSteps(store, ['candidateStoriesMany', 'getFingerprints', 'getStory', 'commitBatch']) : null;
      const rss = peakRss();
      const t0 = process.hrtime.bigint();
      const cpu0 = process.cpuUsage();
      let cpuTenth = cpu0;
      let lastTenth = 0;
      let tenthStart = t0;
      for (let i = 0; i < n; i += 500) {
        if (lastTenth === 0 && i >= n - n / 10) {
          lastTenth = i;
          tenthStart = process.hrtime.bigint();
          cpuTenth = process.cpuUsage();
        }
        if (steps && i % (n / 10) === 0) steps.report(`${n} at ${i}`);
        const items = Array.from({ length: Math.min(500, n - i) }, (_, k) => clone(i + k));
        const plan = await clusterer.planBatch(items);
        await store.commitBatch({ articles: items.map((x) => x.article), fingerprints: plan.fingerprints, assignments: plan.assignments, sketch: clusterer.takeSketch() });
      }
      const t1 = process.hrtime.bigint();
      steps?.report(`${n} at ${n}`);
      const cpuAll = process.cpuUsage(cpu0);
      const cpuLast = process.cpuUsage(cpuTenth);
      const peak = rss.stop();
      const total = Number(t1 - t0) / 1e9;
      const lastPer = (Number(t1 - tenthStart) / 1e9 / Math.max(1, n - lastTenth)) * 1e3;
      const cpuMs = (u: NodeJS.CpuUsage, k: number): string => fixed((u.user + u.system) / 1e3 / Math.max(1, k), 3);
      const stats = await store.stats();
      await store.close();
      rowsB.push(['indexed', String(n), String(stats.stories), fixed(total, 1), fixed(n / total, 0), fixed((total / n) * 1e3, 3), fixed(lastPer, 3), cpuMs(cpuAll, n), cpuMs(cpuLast, n - lastTenth), fixed(peak / 2 ** 20, 0)]);
    }
    // The naive baseline: every article scored against the first member of every open story.
    for (const n of STAGE.filter((x) => x <= NAIVE_MAX)) {
      const df = new DocumentFrequency();
      const fpOf = new Clusterer(null as never, df);
      const open: { key: Keyed; last: number }[] = [];
      let stories = 0;
      const t0 = process.hrtime.bigint();
      const cpu0 = process.cpuUsage();
      let cpuTenth = cpu0;
      let tenthStart = t0;
      for (let i = 0; i < n; i++) {
        if (i === n - Math.floor(n / 10)) {
          tenthStart = process.hrtime.bigint();
          cpuTenth = process.cpuUsage();
        }
        const { features } = clone(i);
        df.add([...features.terms.map(([t]) => t), ...features.entities.map((e) => `e:${e}`)]);
        const me: Keyed = { fingerprint: fpOf.fingerprint(features), time: features.time };
        let best = -1;
        let bestK = -1;
        for (let k = 0; k < open.length; k++) {
          const o = open[k] as { key: Keyed; last: number };
          if (me.time !== null && me.time - o.last > SIMILARITY.windowDays * DAY_MS) continue;
          const v = similarity(me, o.key, df);
          if (v > best) [best, bestK] = [v, k];
        }
        if (best >= 0.11 && bestK >= 0) (open[bestK] as { last: number }).last = me.time ?? 0;
        else {
          open.push({ key: me, last: me.time ?? 0 });
          stories++;
        }
      }
      const t1 = process.hrtime.bigint();
      const total = Number(t1 - t0) / 1e9;
      const lastPer = (Number(t1 - tenthStart) / 1e9 / Math.max(1, Math.floor(n / 10))) * 1e3;
      const cpuAll = process.cpuUsage(cpu0);
      const cpuLast = process.cpuUsage(cpuTenth);
      const cpuMs = (u: NodeJS.CpuUsage, k: number): string => fixed((u.user + u.system) / 1e3 / Math.max(1, k), 3);
      rowsB.push(['naive (no store)', String(n), String(stories), fixed(total, 1), fixed(n / total, 0), fixed((total / n) * 1e3, 3), fixed(lastPer, 3), cpuMs(cpuAll, n), cpuMs(cpuLast, Math.floor(n / 10)), '-']);
    }
    console.log('B. clustering stage alone (fingerprint, candidates, assign, commit to SQLite), 1 thread');
    console.log(table(['method', 'articles', 'stories', 'seconds', 'articles/s', 'ms/article', 'ms/article last 10%', 'CPU ms/article', 'CPU ms/article last 10%', 'peak RSS MiB'], rowsB));
    const idx = rowsB.filter((r) => r[0] === 'indexed');
    if (idx.length > 1) {
      const first = Number(idx[0]?.[6]);
      const firstCpu = Number(idx[0]?.[8]);
      for (const r of idx.slice(1)) console.log(`indexed: per-article cost ratio (last 10%) ${r[1]} / ${idx[0]?.[1]}: ${fixed(Number(r[6]) / first, 2)} wall clock, ${fixed(Number(r[8]) / firstCpu, 2)} CPU (goal for 1M/10k: <= 1.5)`);
    }
    const naive = rowsB.filter((r) => r[0] !== 'indexed');
    if (naive.length > 1) {
      const first = Number(naive[0]?.[6]);
      const firstCpu = Number(naive[0]?.[8]);
      for (const r of naive.slice(1)) console.log(`naive: per-article cost ratio (last 10%) ${r[1]} / ${naive[0]?.[1]}: ${fixed(Number(r[6]) / first, 2)} wall clock, ${fixed(Number(r[8]) / firstCpu, 2)} CPU`);
    }
  }
} finally {
  if (process.env.BENCH_KEEP) console.error(`kept ${dir}`); else rmSync(dir, { recursive: true, force: true });
}

/** BENCH_STEPS=1: wall clock and calls per store method over each tenth of a stage run (stderr). */
function timeSteps(target: object, names: readonly string[]): { report(label: string): void } {
  const o = target as Record<string, (...a: unknown[]) => Promise<unknown>>;
  const spent = new Map<string, [number, number, number]>(names.map((n) => [n, [0, 0, 0]]));
  for (const name of names) {
    const f = o[name] as (...a: unknown[]) => Promise<unknown>;
    o[name] = async (...a: unknown[]) => {
      const t = process.hrtime.bigint();
      try {
        return await f.apply(target, a);
      } finally {
        const e = spent.get(name) as [number, number, number];
        e[0] += Number(process.hrtime.bigint() - t) / 1e6;
        e[1]++;
        e[2] += Array.isArray(a[0]) ? a[0].length : 1;
      }
    };
  }
  let t = process.hrtime.bigint();
  let cpu = process.cpuUsage();
  return {
    report(label) {
      const now = process.hrtime.bigint();
      const used = process.cpuUsage(cpu);
      cpu = process.cpuUsage();
      const parts = [...spent].map(([n, [ms, calls, items]]) => `${n} ${ms.toFixed(0)}ms/${calls} calls/${items} items`);
      console.error(`[steps] ${label}: tenth ${(Number(now - t) / 1e6).toFixed(0)}ms, CPU ${(used.user / 1e3).toFixed(0)}ms user + ${(used.system / 1e3).toFixed(0)}ms sys; ${parts.join('; ')}`);
      for (const e of spent.values()) e.fill(0);
      t = now;
    },
  };
}
