/**
 * The equivalence check of issue 8, shared by the bounded CI test (equivalence.test.ts) and the
 * long run on demand (equivalence-long.ts): the same inputs ingested
 *   (a) into SQLite by one process (`ingest`, as a user runs it), and
 *   (b) into PostgreSQL by three `crosscheck worker` processes started together, one of them
 *       killed with SIGKILL at random moments and started again,
 * must give the same stories (the same partition of the articles) and the same facts (text,
 * status, independent origins and member articles of every fact, per story), with every
 * article stored exactly once (counts and content hashes, in the database itself).
 *
 * The generated corpus: invented events (seeded, so every run is the same) of ten kinds, in
 * invented places with invented people, each told by one to nine outlets over a day or two,
 * spread over two years; outlets paraphrase, reorder, leave sentences out, disagree on a number
 * (disputed facts), and some reprint the wire copy (reuse). About one article in a hundred is
 * undated (its batch takes the global assignment lock).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { prng } from '../src/model/random.js';
import { refreshStale } from '../src/collection/lifecycle.js';
import { analyzeStory } from '../src/stories/index.js';
import type { Store } from '../src/store/index.js';
import type { PostgresStore } from '../src/store/postgres/index.js';

export const CLI = fileURLToPath(new URL('../src/cli/run.ts', import.meta.url));
export const EXAMPLES = fileURLToPath(new URL('../examples/corpus', import.meta.url));

export interface GeneratedRecord {
  id: string;
  outlet: string;
  title: string;
  publishedAt?: string;
  text: string;
}

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 'st', 't', 'th', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
const CODAS = ['', 'n', 'r', 'l', 'm', 'th', 'nd', 'rk', 'st', 'x'];
const PLACE_ENDS = ['ford', 'by', 'mere', 'wick', 'ton', 'field', 'haven', 'moor'];
const ROLES = ['Mayor', 'Chief Inspector', 'Councillor', 'Director', 'Professor', 'Superintendent', 'Minister', 'Spokeswoman'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Kinds of event: what happened (with {n}, a number outlets may disagree on), a cause, a consequence, and what the official says. */
const KINDS = [
  { what: 'a fire destroyed the {org} warehouse', n: 'workers were evacuated', cause: 'an electrical fault in the loading bay', then: 'the depot will stay closed for a month', says: 'the sprinklers had been inspected in the spring' },
  { what: 'the river burst its banks and flooded the {org} estate', n: 'homes were flooded', cause: 'three days of heavy rain on the hills', then: 'families were moved to the sports hall', says: 'the flood barrier was never finished' },
  { what: 'the council voted to close the {org} bridge for repairs', n: 'councillors voted in favour', cause: 'cracks found in the stone arches', then: 'buses will take a long detour', says: 'the bridge was no longer safe for lorries' },
  { what: 'police arrested men over the theft of paintings from the {org} gallery', n: 'paintings were taken', cause: 'a broken alarm on the roof', then: 'the gallery has closed its east wing', says: 'the stolen works were insured' },
  { what: 'nurses at the {org} hospital walked out over pay', n: 'nurses joined the strike', cause: 'a pay offer below inflation', then: 'planned operations were postponed', says: 'talks would resume next week' },
  { what: 'a roof collapsed at the {org} school during a storm', n: 'pupils were in the building', cause: 'rotten timber beams', then: 'lessons moved to a church hall', says: 'nobody had warned the school' },
  { what: 'the {org} company agreed to buy its rival', n: 'jobs will be cut', cause: 'falling sales of its own brands', then: 'the regulator will review the deal', says: 'the merger would protect the factory' },
  { what: 'voters elected a new mayor after a recount at the {org} hall', n: 'votes separated the candidates', cause: 'a dispute over postal ballots', then: 'the loser may challenge the result', says: 'the count had been fair' },
  { what: 'a gas explosion damaged the {org} shopping centre', n: 'people were treated for injuries', cause: 'a leaking pipe under the food court', then: 'the centre will reopen after checks', says: 'engineers had reported the smell' },
  { what: 'an outbreak of food poisoning closed the {org} canteen', n: 'diners fell ill', cause: 'undercooked chicken served at lunch', then: 'inspectors took samples from the kitchen', says: 'the kitchen had passed its last inspection' },
] as const;

/**
 * `n` invented articles (seeded), in publication order with some shuffling (as feeds arrive),
 * ids `g-000001`…; events of 1 to 9 outlets.
 */
export function generateCorpus(n: number, seed = 8): GeneratedRecord[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const word = (syllables: number): string => {
    let w = '';
    for (let i = 0; i < syllables; i++) w += pick(ONSETS) + pick(VOWELS) + (i === syllables - 1 ? pick(CODAS) : '');
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const outlets = Array.from({ length: 40 }, (_, i) => `${word(2).toLowerCase()}-${pick(['courier', 'herald', 'gazette', 'post', 'news', 'record'])}-${i}`);
  const start = Date.UTC(2024, 0, 1);
  const out: GeneratedRecord[] = [];
  let eventNo = 0;
  while (out.length < n) {
    const kind = pick(KINDS);
    const place = word(2) + pick(PLACE_ENDS);
    const org = word(2);
    const person = `${pick(ROLES)} ${word(2)} ${word(3)}`;
    const count = 5 + Math.floor(random() * 400);
    const day = Math.floor(random() * 730);
    const what = kind.what.replace('{org}', org);
    const size = Math.min(n - out.length, 1 + Math.floor(random() * random() * 9));
    const tellers = [...outlets].sort(() => random() - 0.5).slice(0, size);
    let wire: string | null = null;
    eventNo++;
    tellers.forEach((outlet, k) => {
      const date = new Date(start + (day + (random() < 0.3 ? 1 : 0)) * 86_400_000 + Math.floor(random() * 20) * 3_600_000);
      const weekday = DAYS[date.getUTCDay()] as string;
      // One outlet in four gives another number: a disputed fact.
      const figure = random() < 0.25 ? count + 1 + Math.floor(random() * 30) : count;
      let text: string;
      if (wire !== null && random() < 0.2) {
        text = `${wire}\n\nThis report was supplied by a news agency and published by ${outlet}.`;
      } else {
        const lead = pick([
          `In ${place} on ${weekday}, ${what}, officials said.`,
          `Officials in ${place} said on ${weekday} that ${what}.`,
          `${what.charAt(0).toUpperCase()}${what.slice(1)} in ${place} on ${weekday}.`,
        ]);
        const body = [
          `${figure} ${kind.n}, according to ${person}.`,
          `"We believe the cause was ${kind.cause}," ${person} told reporters in ${place}.`,
          `${person} said ${kind.says}.`,
          `Residents said ${kind.then}.`,
          `It is the ${pick(['first', 'second', 'worst'])} such event in ${place} for ${2 + Math.floor(random() * 20)} years.`,
        ].filter(() => random() < 0.85);
        if (random() < 0.5) body.reverse();
        text = [lead, ...body, `Reported by ${outlet} from ${place}.`].join('\n\n');
        wire ??= text;
      }
      const record: GeneratedRecord = { id: `g-${String(out.length + 1).padStart(6, '0')}`, outlet, title: `${place}: ${what.split(' ').slice(0, 7).join(' ')}`, text };
      if (random() >= 0.01) record.publishedAt = date.toISOString();
      out.push(record);
    });
    void eventNo;
  }
  // Feeds arrive roughly in time order, not exactly: sort by day, shuffled within a week.
  const keyed = out.map((r) => ({ r, k: (r.publishedAt ? Date.parse(r.publishedAt) : start) / 86_400_000 + random() * 7 }));
  keyed.sort((a, b) => a.k - b.k);
  return keyed.map(({ r }) => r);
}

export function jsonlOf(records: readonly object[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/** A store's stories and facts in a form that does not depend on story ids or storage order. */
export interface Canonical {
  /** One line per story: its sorted member ids. */
  partition: string[];
  /** One line per fact: the story's first member, status, origins, sorted members, summary. */
  facts: string[];
  stale: number;
  articles: number;
}

export async function canonical(store: Store): Promise<Canonical> {
  // What a user sees: a story left stale by ingest is analyzed when it is shown or exported
  // (`export --what facts` does this too), so both sides are brought up to date first; which
  // stories each side analyzed during ingest depends on its time budget, not on its results.
  await refreshStale(store, analyzeStory);
  const storyKey = new Map<string, string>();
  const partition: string[] = [];
  for await (const s of store.exportStories()) {
    const members = [...s.articleIds].sort();
    storyKey.set(s.id, members[0] ?? s.id);
    partition.push(members.join(' '));
  }
  const facts: string[] = [];
  for await (const f of store.exportFacts()) {
    facts.push([storyKey.get(f.storyId) ?? `?${f.storyId}`, f.status, f.independentOrigins, [...f.articleIds].sort().join(','), f.summary].join(' | '));
  }
  const stats = await store.stats();
  return { partition: partition.sort(), facts: facts.sort(), stale: stats.staleStories, articles: stats.articles };
}

/** What differs between two canonical forms, in a few lines (empty when they are the same). */
export function differences(a: Canonical, b: Canonical, names: [string, string], shown = 5): string[] {
  const out: string[] = [];
  for (const key of ['partition', 'facts'] as const) {
    const sa = new Set(a[key]);
    const sb = new Set(b[key]);
    const onlyA = a[key].filter((x) => !sb.has(x));
    const onlyB = b[key].filter((x) => !sa.has(x));
    if (onlyA.length === 0 && onlyB.length === 0) continue;
    out.push(`${key}: ${onlyA.length} lines only in ${names[0]}, ${onlyB.length} only in ${names[1]}`);
    for (const x of onlyA.slice(0, shown)) out.push(`  ${names[0]}: ${x.slice(0, 300)}`);
    for (const x of onlyB.slice(0, shown)) out.push(`  ${names[1]}: ${x.slice(0, 300)}`);
  }
  for (const key of ['stale', 'articles'] as const) if (a[key] !== b[key]) out.push(`${key}: ${a[key]} in ${names[0]}, ${b[key]} in ${names[1]}`);
  return out;
}

/**
 * Every article stored exactly once: as many rows as distinct content hashes, each job done has
 * its article, each article's hash is the hash of its stored text's source, no article without
 * a story. Returns the problems found (empty when all is well).
 */
export async function storedExactlyOnce(store: PostgresStore, expectedHashes: ReadonlySet<string>): Promise<string[]> {
  const problems: string[] = [];
  const { rows } = await store.pool.query<{ content_hash: string; n: number }>('SELECT content_hash, COUNT(*)::int AS n FROM articles GROUP BY content_hash');
  const twice = rows.filter((r) => r.n > 1);
  if (twice.length > 0) problems.push(`${twice.length} contents stored more than once (${twice[0]?.content_hash})`);
  const stored = new Set(rows.map((r) => r.content_hash));
  const missing = [...expectedHashes].filter((h) => !stored.has(h));
  const extra = [...stored].filter((h) => !expectedHashes.has(h));
  if (missing.length > 0) problems.push(`${missing.length} of ${expectedHashes.size} articles missing (${missing[0]})`);
  if (extra.length > 0) problems.push(`${extra.length} articles stored that were not expected (${extra[0]})`);
  const { rows: jobs } = await store.pool.query<{ state: string; n: number }>('SELECT state, COUNT(*)::int AS n FROM jobs GROUP BY state ORDER BY state');
  const notDone = jobs.filter((j) => j.state !== 'done');
  if (notDone.length > 0) problems.push(`jobs not done: ${notDone.map((j) => `${j.n} ${j.state}`).join(', ')}`);
  const stats = await store.stats();
  if (stats.unassigned > 0) problems.push(`${stats.unassigned} articles in no story`);
  problems.push(...(await store.checkIntegrity()));
  return problems;
}

/** The content hashes a store holds (the SQLite side's, to check the PostgreSQL side against). */
export async function contentHashes(store: Store): Promise<Set<string>> {
  const out = new Set<string>();
  for await (const a of store.exportArticles()) out.add(a.contentHash);
  return out;
}

export type WorkerProcess = ChildProcess & { done: Promise<number | null>; output: () => string };

export function startWorker(location: string, extra: readonly string[] = []): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'worker', '--db', location, '--until-empty', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return Object.assign(child, { done, output: () => output });
}

export interface WorkersRun {
  seconds: number;
  kills: { afterMs: number; doneBefore: number }[];
  exitCodes: (number | null)[];
  output: string;
}

/**
 * Three (or `workers`) worker processes started together on the queued jobs; worker 0 is killed
 * with SIGKILL `kills` times at random moments (seeded) while jobs are still queued, and started
 * again each time. Resolves when every worker has exited by itself.
 */
export async function runWorkers(store: PostgresStore, location: string, options: { workers?: number; kills?: number; seed?: number; killDelayMs?: number; extra?: readonly string[]; log?: (line: string) => void }): Promise<WorkersRun> {
  const started = Date.now();
  const random = prng(options.seed ?? 1);
  const extra = options.extra ?? [];
  const procs = Array.from({ length: options.workers ?? 3 }, () => startWorker(location, extra));
  const finished: WorkerProcess[] = [];
  const kills: WorkersRun['kills'] = [];
  const count = async (state: string): Promise<number> => Number((await store.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM jobs WHERE state = $1', [state])).rows[0]?.n ?? 0);
  const total = Number((await store.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM jobs')).rows[0]?.n ?? 0);
  for (let k = 0; k < (options.kills ?? 0); k++) {
    // A random point in the part of the queue still ahead: between now and the last jobs.
    const doneNow = await count('done');
    const target = doneNow + Math.max(1, Math.floor(random() * Math.max(1, (total - doneNow) / ((options.kills ?? 0) - k + 1))));
    const victim = procs[0] as WorkerProcess;
    let gone = false;
    void victim.done.then(() => (gone = true));
    // A worker killed before it is up (node starting) would test nothing: wait until it registered.
    const registered = async (): Promise<boolean> => ((await store.pool.query('SELECT 1 FROM workers WHERE pid = $1 AND host = $2', [victim.pid, hostname()])).rowCount ?? 0) > 0;
    while (!gone && !(await registered())) await new Promise((r) => setTimeout(r, 50));
    while (!gone && (await count('done')) < target) await new Promise((r) => setTimeout(r, 20 + random() * 80));
    // Jobs are done a batch at a time: a random delay past the commit puts the kill anywhere in
    // the next round (processing, waiting for earlier jobs, assigning, committing, analyzing).
    if (!gone) await new Promise((r) => setTimeout(r, random() * (options.killDelayMs ?? 3000)));
    if (gone) break; // the queue ran out first
    const doneBefore = await count('done');
    victim.kill('SIGKILL');
    const code = await victim.done;
    finished.push(victim);
    kills.push({ afterMs: Date.now() - started, doneBefore });
    options.log?.(`  SIGKILL worker ${victim.pid} with ${doneBefore}/${total} jobs done (exit ${code}); started again`);
    procs[0] = startWorker(location, extra);
  }
  const exitCodes = await Promise.all(procs.map((p) => p.done));
  return { seconds: (Date.now() - started) / 1000, kills, exitCodes, output: [...finished, ...procs].map((p) => p.output()).join('\n') };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
