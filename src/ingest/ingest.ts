/**
 * `ingest`: a stream of inputs into the store, story by story.
 *
 *   1. read       readInputs streams records (a dump is never held whole); problems are kept
 *                 with their position ("dump.jsonl:1234") and the rest goes on
 *   2. skip       content already stored (store.hasContent) or already in flight is not
 *                 processed again: ingest is idempotent, and a rerun after a kill resumes
 *   3. process    extract + analyze + cluster features on the worker threads; the number of
 *                 jobs in flight is bounded, so memory stays flat
 *   4. cluster    per batch, on the main thread (which alone owns the database): fingerprints,
 *                 candidates from the index, assignment, merges
 *   5. commit     articles, fingerprints and membership in ONE transaction (store.commitBatch)
 *   6. analyse    stories changed by the batch are compared again (on the workers) and put back;
 *                 large ones, and any left stale by a kill, in a final pass
 */
import { createHash } from 'node:crypto';
import { DEFAULT_CONTEXT, message, type Article, type Context, type Message, type SourceRecord } from '../model/index.js';
import { readInputs, type ReadOptions } from '../read/index.js';
import type { Store } from '../store/index.js';
import { Clusterer, type ClusterItem } from '../cluster/clusterer.js';
import { applyAnalysis, storyInput } from '../cluster/refresh.js';
import { WorkerPool } from './pool.js';
import type { JobResult } from './jobs.js';

export const INGEST = {
  /** Articles per transaction: large enough to amortise the commit, small enough to lose little to a kill. */
  batchSize: 500,
  /** Jobs in flight per worker: keeps every worker fed while bounding memory. */
  inFlightPerWorker: 16,
  /** Stories up to this size are analysed right after the batch that changed them; larger ones wait for the final pass. */
  analyseNowUpTo: 50,
  /**
   * Stories smaller than this are not analysed during ingest (they stay stale, and
   * `crosscheck story ID` analyses one when it is shown): a lone article has nothing to
   * compare, and the comparison costs several times the per-article analysis.
   */
  analyseFrom: 2,
  /** The document-frequency sketch is saved with every this many batches (and at the end). */
  saveStateEvery: 10,
} as const;

export interface IngestOptions {
  store: Store;
  inputs: readonly string[];
  format?: ReadOptions['format'];
  stdin?: NodeJS.ReadableStream;
  /** Fetch URL inputs on private, loopback or link-local addresses (refused by default). */
  allowPrivate?: boolean;
  context?: Partial<Context>;
  /** Worker threads; 0 runs everything on the calling thread. Default: one per core. */
  workers?: number;
  batchSize?: number;
  /** Compare the stories that changed (default true); false leaves them stale (evaluations of the clustering alone). */
  analyse?: boolean;
  /** Called after each batch. */
  onProgress?: (p: IngestProgress) => void;
}

export interface IngestProgress {
  read: number;
  stored: number;
  /** Bytes of input processed so far (decoded text, UTF-8). */
  bytes: number;
  seconds: number;
}

export interface IngestSummary {
  /** Records read (articles and records that could not be read). */
  read: number;
  /** Articles stored by this run. */
  new: number;
  /** Records whose content was already stored (or given twice). */
  duplicates: number;
  /** Records that could not be read or processed, with a coded message each. */
  failed: number;
  /** The messages of the failed records (with their input position), then warnings. */
  problems: Message[];
  stories: { created: number; joined: number; merged: number; analysed: number; total: number };
  bytes: number;
  seconds: number;
}

export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = process.hrtime.bigint();
  const seconds = (): number => Number(process.hrtime.bigint() - started) / 1e9;
  const { store } = options;
  const ctx: Context = { ...DEFAULT_CONTEXT, ...options.context };
  const readOptions: ReadOptions = { maxBytes: ctx.maxBytes };
  if (options.format) readOptions.format = options.format;
  if (options.stdin) readOptions.stdin = options.stdin;
  if (options.allowPrivate) readOptions.allowPrivate = true;
  const batchSize = options.batchSize ?? INGEST.batchSize;
  const pool = new WorkerPool(options.workers ?? WorkerPool.defaultSize());
  const maxInFlight = Math.max(1, pool.size) * INGEST.inFlightPerWorker;
  const clusterer = await Clusterer.open(store);
  const summary: IngestSummary = { read: 0, new: 0, duplicates: 0, failed: 0, problems: [], stories: { created: 0, joined: 0, merged: 0, analysed: 0, total: 0 }, bytes: 0, seconds: 0 };

  const inFlightHashes = new Set<string>();
  let window: { hash: string; result: Promise<JobResult> }[] = [];
  let waiting: { source: SourceRecord; hash: string }[] = [];
  let ready: ClusterItem[] = [];
  let batches = 0;
  let analyses: Promise<void>[] = [];
  // Clustering a batch and putting an analysed story back both read then write membership:
  // they take turns, so that an analysis can never put back a membership a batch just changed.
  let turn: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = turn.then(fn);
    turn = p.catch(() => undefined);
    return p;
  };

  const fail = (m: Message): void => {
    summary.failed++;
    summary.problems.push(m);
  };

  /** Step 2: drop what is stored or in flight, then hand the rest to the workers. */
  const dispatch = async (): Promise<void> => {
    const batch = waiting;
    waiting = [];
    const stored = await store.hasContent(batch.map((w) => w.hash));
    for (const { source, hash } of batch) {
      if (stored.has(hash) || inFlightHashes.has(hash)) {
        summary.duplicates++;
        continue;
      }
      inFlightHashes.add(hash);
      window.push({ hash, result: pool.run({ kind: 'source', source, ctx }) });
      while (window.length >= maxInFlight) await collect(window.shift());
    }
  };

  const collect = async (entry: { hash: string; result: Promise<JobResult> } | undefined): Promise<void> => {
    if (!entry) return;
    let r: JobResult;
    try {
      r = await entry.result;
    } catch (error) {
      r = { kind: 'failed', message: message('CC701', `a worker stopped: ${(error as Error).message}`) };
    }
    if (r.kind === 'failed') {
      inFlightHashes.delete(entry.hash);
      fail(r.message);
    } else if (r.kind === 'article') {
      const bad = unusable(r.article);
      if (bad) {
        inFlightHashes.delete(entry.hash);
        fail(bad);
      } else ready.push({ article: r.article, features: r.features });
    }
    if (ready.length >= batchSize) await commit();
  };

  /** Steps 4-6 for the ready articles. */
  const commit = async (): Promise<void> => {
    const items = ready;
    ready = [];
    if (items.length === 0) return;
    // Analyses of the previous batch ran on the workers while this one was processed.
    await Promise.all(analyses);
    const { plan, result } = await exclusive(async () => {
      const plan = await clusterer.planBatch(items);
      batches++;
      const batch = { articles: items.map((i) => i.article), fingerprints: plan.fingerprints, assignments: plan.assignments };
      const result = await store.commitBatch(batches % INGEST.saveStateEvery === 0 ? { ...batch, state: clusterer.state() } : batch);
      return { plan, result };
    });
    for (const i of items) inFlightHashes.delete(i.article.contentHash);
    summary.new += result.inserted.length;
    summary.duplicates += result.duplicates.length;
    for (const id of result.conflicts) {
      const a = items.find((i) => i.article.id === id)?.article;
      fail(message('CC605', `${a?.uri ?? id}: id "${id}" is already used by different content; not stored`, { uri: a?.uri ?? id }));
    }
    summary.stories.created += plan.created;
    summary.stories.joined += plan.joined;
    summary.stories.merged += plan.merged;
    analyses = plan.assignments.map((a) => analyse(a.storyId, INGEST.analyseNowUpTo));
    options.onProgress?.({ read: summary.read, stored: summary.new, bytes: summary.bytes, seconds: seconds() });
  };

  /** Step 6 for one story, on a worker; skipped (left stale) past `upTo` members. */
  const analyse = async (id: string, upTo: number): Promise<void> => {
    if (options.analyse === false) return;
    const input = await storyInput(store, id);
    if (!input || input.memberIds.length > upTo || input.memberIds.length < INGEST.analyseFrom) return;
    const r = await pool.run({ kind: 'story', id, articles: input.articles });
    if (r.kind === 'story') {
      if (await exclusive(() => applyAnalysis(store, input, r.story))) summary.stories.analysed++;
    } else if (r.kind === 'failed') summary.problems.push(r.message);
  };

  try {
    for await (const item of readInputs(options.inputs, readOptions)) {
      summary.read++;
      if (item.kind === 'problem') {
        fail(item.message);
        continue;
      }
      summary.bytes += Buffer.byteLength(item.source.raw, 'utf8');
      waiting.push({ source: item.source, hash: createHash('sha256').update(item.source.raw).digest('hex') });
      if (waiting.length >= 64) await dispatch();
    }
    await dispatch();
    const rest = window;
    window = [];
    for (const entry of rest) await collect(entry);
    await commit();
    await Promise.all(analyses);
    for (const [key, value] of Object.entries(clusterer.state())) await store.putState(key, value);
    // The final pass: every stale story (large ones, and those a killed run left behind).
    await finalPass(store, async (id) => analyse(id, Infinity));
    summary.stories.total = (await store.stats()).stories;
  } finally {
    await pool.close();
  }
  summary.seconds = seconds();
  return summary;
}

/** Analyses stale stories, a page at a time in parallel, until none is left that can be done. */
async function finalPass(store: Store, analyse: (id: string) => Promise<void>): Promise<void> {
  const tried = new Set<string>();
  for (;;) {
    const ids = (await store.staleStories(256)).filter((id) => !tried.has(id));
    if (ids.length === 0) return;
    for (const id of ids) tried.add(id);
    await Promise.all(ids.map(analyse));
  }
}

/** An article with no text to cluster is a failed record (CC201 says why). */
function unusable(article: Article): Message | null {
  if (article.text.trim() !== '') return null;
  return article.messages.find((m) => m.severity === 'error') ?? message('CC701', `${article.uri}: no text left to ingest`, { uri: article.uri });
}
