/**
 * The work sent to the worker threads, and its answers. Pure functions of their input, so the
 * same code runs on a worker or (with no workers: tests, tiny inputs) on the main thread.
 */
import { message, type Article, type Context, type Message, type SourceRecord, type Story } from '../model/index.js';
import { processSource } from './pipeline.js';
import type { ClusterItem } from '../stories/group/clusterer.js';
import type { Features } from '../stories/group/features.js';
import { clusterItem } from './batch.js';
import { analyzeStory } from '../stories/index.js';
import { Utf8Text, pageSource } from '../read/utf8-text.js';

export type Job = { kind: 'source'; source: SourceRecord; ctx: Context } | { kind: 'story'; id: string; articles: Article[] };

/**
 * A job as posted to a worker: a page read undecoded (read/utf8-text.ts) travels as its bytes
 * and is a page again on the worker. Cloned as it is, the record's `raw` would decode the page on
 * the sending thread, the serial main thread of an ingest.
 */
export type PackedJob = Job | { kind: 'page'; source: Omit<SourceRecord, 'raw' | 'page'>; bytes: Uint8Array; ctx: Context };

export function packJob(job: Job): PackedJob {
  if (job.kind !== 'source' || !(job.source.page instanceof Utf8Text)) return job;
  const { uri, format, markup, record, messages } = job.source;
  const source: Omit<SourceRecord, 'raw' | 'page'> = { uri, format, record, messages };
  if (markup !== undefined) source.markup = markup;
  // A copy of the page's own bytes: a view's whole buffer (a WARC file read at once) would be cloned with it.
  return { kind: 'page', source, bytes: new Uint8Array(job.source.page.bytes), ctx: job.ctx };
}

export function unpackJob(job: PackedJob): Job {
  return job.kind === 'page' ? { kind: 'source', source: pageSource(job.source, new Utf8Text(job.bytes)), ctx: job.ctx } : job;
}

/**
 * An article comes back as the clusterer and the store take it (ClusterItem: a few strings and
 * the features), never as the Article object graph: the thread that owns the database is the
 * serial part of an ingest, and rebuilding that graph there cost more than the clustering did.
 */
export type JobResult =
  | { kind: 'article'; item: ClusterItem }
  | { kind: 'story'; story: Story; messages: Message[] }
  | { kind: 'failed'; message: Message };

export function runJob(job: Job): JobResult {
  try {
    if (job.kind === 'source') {
      const article = processSource(job.source, job.ctx);
      const bad = unusable(article);
      return bad ? { kind: 'failed', message: bad } : { kind: 'article', item: clusterItem(article) };
    }
    const { story, messages } = analyzeStory(job.id, job.articles);
    return { kind: 'story', story, messages };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const uri = job.kind === 'source' ? job.source.uri : job.id;
    const code = job.kind === 'source' ? 'CC701' : 'CC703';
    return { kind: 'failed', message: message(code, `${uri}: ${why}`, { uri }) };
  }
}

/**
 * A JobResult as a worker posts it: an article's features with their term list as one string
 * and two typed arrays (the counts, the MinHash signature) instead of ~60 little [term, count]
 * arrays and 64 numbers. The structured clone walks every array and number it is given, on the
 * worker that sends and on the thread that receives (the serial main thread of an ingest): packed,
 * the answer costs about a third as much to clone each way. `unpackResult` gives back the same values.
 */
export type PackedResult = Exclude<JobResult, { kind: 'article' }> | { kind: 'article'; item: PackedItem };

interface PackedItem extends Omit<ClusterItem, 'features'> {
  features: Omit<Features, 'terms' | 'minhash'> & { terms: string; counts: Float64Array; minhash: Uint32Array };
}

/** Stems are runs of letters and digits (stories/words.ts): never this character. */
const TERM_SEPARATOR = '\u0000';

export function packResult(r: JobResult): PackedResult {
  if (r.kind !== 'article') return r;
  const { terms, minhash, ...rest } = r.item.features;
  const features = { ...rest, terms: terms.map(([t]) => t).join(TERM_SEPARATOR), counts: Float64Array.from(terms, ([, n]) => n), minhash: Uint32Array.from(minhash) };
  return { kind: 'article', item: { ...r.item, features } };
}

export function unpackResult(r: PackedResult): JobResult {
  if (r.kind !== 'article') return r;
  const { terms, counts, minhash, ...rest } = r.item.features;
  const names = counts.length === 0 ? [] : terms.split(TERM_SEPARATOR);
  const features: Features = { ...rest, terms: names.map((t, i) => [t, counts[i] as number]), minhash: Array.from(minhash) };
  return { kind: 'article', item: { ...r.item, features } };
}

/** An article with no text to cluster is a failed record (its error says why, else CC701). */
function unusable(article: Article): Message | null {
  if (article.text.trim() !== '') return null;
  return article.messages.find((m) => m.severity === 'error') ?? message('CC701', `${article.uri}: no text left to ingest`, { uri: article.uri });
}
