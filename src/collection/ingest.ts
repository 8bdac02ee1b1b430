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
 *                 candidates from the index (one lookup for the whole batch), assignment, merges
 *   5. commit     articles, fingerprints, membership and the batch's document-frequency counts
 *                 in ONE transaction (store.commitBatch)
 *   6. analyze    a bounded final pass compares the stories left stale, on the workers
 *
 * Story analysis is lazy. Comparing a story's articles (src/stories: facts, reuse, origins)
 * costs several times the per-article work, and a story grows over many batches: analyzing it
 * after each batch that changed it (what this module did first) made it 80-90% of the ingest.
 * So a batch only marks the stories it changed stale (the store does, in the commit), and:
 *   - at the end, the stale stories are analyzed once each, oldest change first, on the worker
 *     threads, at least INGEST.finalPassMembers member articles and then for as long as a
 *     share of the ingest's time (INGEST.finalPassShare); all of them with `analyze: 'all'`,
 *     none with `analyze: false`. A small ingest (a folder, the web form, the tests) leaves
 *     nothing stale; a dump of millions is not held up by hours of it;
 *   - a stale story is analyzed when it is first shown, and put back: `crosscheck story ID`
 *     and the web story page (through lifecycle.ts's `storyReport`), and `export --what facts`
 *     or `--what stories` analyses every stale story before it writes (refreshStale);
 *   - listings show a stale story as such (StorySummary.stale), never with old facts as if current.
 * A kill loses no analysis that matters: the stories stay stale and the next run or view does them.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { DEFAULT_CONTEXT, message, type Context, type Message, type SourceRecord } from '../model/index.js';
import { readInputs, type ReadItem, type ReadOptions } from '../read/index.js';
import { rawInputOf } from '../read/utf8-text.js';
import type { Store } from '../store/index.js';
import { Clusterer, type ClusterItem } from '../stories/group/clusterer.js';
import { applyAnalysis, storyInput } from './lifecycle.js';
import { BATCH_SIZE, clusterBatch } from './batch.js';
import { WorkerPool } from './pool.js';
import type { JobResult } from './jobs.js';

export const INGEST = {
  /** Articles per transaction (batch.ts; compare uses the same, so both make the same stories). */
  batchSize: BATCH_SIZE,
  /**
   * Jobs in flight per worker: enough queued work to keep a worker busy while the main thread
   * clusters and commits a batch (~0.4 s of it; 512 jobs are ~0.6 s of a worker's work). With 96
   * a lone worker ran dry during every commit: 500 articles/s instead of 700. A job in flight
   * holds its source and then its result as strings, ~15 KB: 8 MB per worker.
   */
  inFlightPerWorker: 512,
  /**
   * The PostgreSQL workers (src/worker) analyze, right after their batch, the stories it changed
   * of up to this size; `ingest` itself no longer analyses during the batches (see above).
   */
  analyzeNowUpTo: 50,
  /** Stories smaller than this are not analyzed by ingest (a lone article has nothing to compare; its view analyses it). */
  analyzeFrom: 2,
  /**
   * The final pass (by default) compares at least this many member articles (a small ingest, a
   * folder or the web form, ends fully analyzed: about 3 s of the workers' time per 100)...
   */
  finalPassMembers: 300,
  /**
   * ...and goes on while it has taken less than this share of the ingest's time: a dump of
   * millions gets a tail in proportion, never hours of analysis (the rest waits for its view).
   * It was a quarter: on a dump of a million articles that is minutes of analyzing the oldest
   * of ~300k stories, 1-2% of them, each of which its first view analyses in a second anyway;
   * `--analyze all` is there for whoever wants every story done up front.
   */
  finalPassShare: 0.1,
  /** Warnings of one code kept in the summary (and printed); the rest are only counted by their articles. */
  warningsPerCode: 100,
} as const;

export interface IngestOptions {
  store: Store;
  inputs: readonly string[];
  /** Records already read (watch fetches its pages itself): ingested instead of reading `inputs`. */
  records?: Iterable<ReadItem> | AsyncIterable<ReadItem>;
  format?: ReadOptions['format'];
  stdin?: NodeJS.ReadableStream;
  /** Fetch URL inputs on private, loopback or link-local addresses (refused by default). */
  allowPrivate?: boolean;
  /** What inputs are called in uris and messages, when not by their paths (ReadOptions.names). */
  names?: ReadonlyMap<string, string>;
  context?: Partial<Context>;
  /** Worker threads; 0 runs everything on the calling thread. Default: one per core. */
  workers?: number;
  batchSize?: number;
  /**
   * The final pass over stale stories: true (default) is bounded (INGEST.finalPassMembers,
   * finalPassShare), 'all' analyses every stale story, false none (evaluations of the clustering alone).
   */
  analyze?: boolean | 'all';
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
  /** `stale`: stories left for their first view to analyze (see the module comment). */
  stories: { created: number; joined: number; merged: number; analyzed: number; total: number; stale: number };
  bytes: number;
  seconds: number;
}

export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const started = process.hrtime.bigint();
  const seconds = (): number => Number(process.hrtime.bigint() - started) / 1e9;
  const { store } = options;
  const ctx: Context = { ...DEFAULT_CONTEXT, ...options.context };
  const readOptions: ReadOptions = { maxBytes: ctx.maxBytes, maxDecompressed: ctx.maxDecompressed };
  if (options.format) readOptions.format = options.format;
  if (options.stdin) readOptions.stdin = options.stdin;
  if (options.allowPrivate) readOptions.allowPrivate = true;
  if (options.names) readOptions.names = options.names;
  const batchSize = options.batchSize ?? INGEST.batchSize;
  const pool = new WorkerPool(options.workers ?? WorkerPool.defaultSize());
  const maxInFlight = Math.max(1, pool.size) * INGEST.inFlightPerWorker;
  const clusterer = await Clusterer.open(store);
  const summary: IngestSummary = { read: 0, new: 0, duplicates: 0, failed: 0, problems: [], stories: { created: 0, joined: 0, merged: 0, analyzed: 0, total: 0, stale: 0 }, bytes: 0, seconds: 0 };

  const inFlightHashes = new Set<string>();
  let window: { hash: string; result: Promise<JobResult> }[] = [];
  let waiting: { source: SourceRecord; hash: string }[] = [];
  let ready: ClusterItem[] = [];
  // Clustering a batch and putting an analyzed story back both read then write membership:
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
  /** Warnings kept per code: a dump of a million records with the same warning lists its first ones. */
  const warned = new Map<string, number>();
  const warn = (m: Message): void => {
    const n = warned.get(m.code) ?? 0;
    warned.set(m.code, n + 1);
    if (n < INGEST.warningsPerCode) summary.problems.push(m);
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
    } else if (r.kind === 'article') ready.push(r.item);
    if (ready.length >= batchSize) await commit();
  };

  /** Steps 4-5 for the ready articles. */
  const commit = async (): Promise<void> => {
    const items = ready;
    ready = [];
    if (items.length === 0) return;
    const { plan, result } = await exclusive(() => clusterBatch(store, clusterer, items));
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
    options.onProgress?.({ read: summary.read, stored: summary.new, bytes: summary.bytes, seconds: seconds() });
  };

  /** Step 6 for one story, on a worker; returns the member articles compared (0 when skipped). */
  const analyze = async (id: string): Promise<number> => {
    const input = await storyInput(store, id);
    if (!input || input.memberIds.length < INGEST.analyzeFrom) return 0;
    const r = await pool.run({ kind: 'story', id, articles: input.articles });
    if (r.kind === 'story') {
      if (await exclusive(() => applyAnalysis(store, input, r.story))) summary.stories.analyzed++;
    } else if (r.kind === 'failed') summary.problems.push(r.message);
    return input.articles.length;
  };

  try {
    for await (const item of options.records ?? readInputs(options.inputs, readOptions)) {
      if (item.kind === 'problem' && item.message.severity !== 'error') {
        // A warning about an input (bytes after a .gz's last member, a feed's own entities) is
        // not a record that failed: it is reported, and the input's records are counted as read.
        warn(item.message);
        continue;
      }
      summary.read++;
      if (item.kind === 'problem') {
        fail(item.message);
        continue;
      }
      // What the reader noticed about a record it read (not valid UTF-8, a mislabelled charset)
      // is reported as `extract` reports it, besides being kept on the article.
      for (const m of item.source.messages) if (m.severity !== 'info') warn(m);
      // A page read undecoded is counted and hashed as its bytes (the UTF-8 of its text): not decoded here.
      const input = rawInputOf(item.source);
      summary.bytes += typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
      waiting.push({ source: item.source, hash: createHash('sha256').update(input).digest('hex') });
      if (waiting.length >= 64) await dispatch();
    }
    await dispatch();
    const rest = window;
    window = [];
    for (const entry of rest) await collect(entry);
    await commit();
    // The final pass: stale stories (this run's, and those a killed run left behind), bounded.
    if (options.analyze !== false) {
      const all = options.analyze === 'all';
      const until = Date.now() + seconds() * 1000 * INGEST.finalPassShare;
      const more = (spent: number): boolean => all || spent < INGEST.finalPassMembers || Date.now() < until;
      // The main thread mostly waits in this pass: a worker on its core too (unless told how many).
      if (options.workers === undefined && pool.size > 0) pool.grow(availableParallelism());
      await finalPass(store, analyze, more, Math.max(1, pool.size * 2));
    }
    const stats = await store.stats();
    summary.stories.total = stats.stories;
    summary.stories.stale = stats.staleStories;
  } finally {
    await pool.close();
  }
  summary.seconds = seconds();
  return summary;
}

/**
 * Analyses stale stories, oldest change first, `parallel` at a time (the workers' queue), while
 * `more(member articles compared so far)` says so and some are left that can be done.
 */
async function finalPass(store: Store, analyze: (id: string) => Promise<number>, more: (spent: number) => boolean, parallel: number): Promise<void> {
  const tried = new Set<string>();
  let spent = 0;
  while (more(spent)) {
    const ids = (await store.staleStories(256)).filter((id) => !tried.has(id));
    if (ids.length === 0) return;
    for (const id of ids) tried.add(id);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (more(spent) && next < ids.length) spent += await analyze(ids[next++] as string);
    };
    await Promise.all(Array.from({ length: parallel }, lane));
  }
}

