/**
 * Document frequencies, estimated incrementally in fixed memory: a hashed counter array (a
 * count-min sketch of depth 1; a collision can only make a rare term look a little more
 * common) and the number of documents. The store keeps the counters as rows (`getSketch`,
 * and each ingest batch adds its increments: `IngestBatch.sketch`), so that a batch writes
 * the few thousand counters it moved, never the whole 4 MiB array; memory does not grow with
 * the vocabulary. The whole array as one value (`serialize`) is the older form, still read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SketchCounts } from '../../store/index.js';
import { hashString } from './hash.js';

/** 2^20 counters (4 MiB): under 1 collision in 4 for a vocabulary of 300k stems and names. */
const BUCKET_BITS = 20;
export const SKETCH_BUCKETS = 1 << BUCKET_BITS;

/**
 * Background counts every DocumentFrequency adds to its own: how many of a reference set of news
 * bodies have each key (weights/background-df.json, made by `npm run train:background-df` from
 * FNC-1's bodies). IDF counted over a few articles alone is backwards (what two articles share
 * gets the lowest weight, whatever it is); with the background, common news words weigh little
 * and names much from the first article on, and a collection's own counts soon outweigh it.
 * The background is a prior worth PRIOR_DOCUMENTS documents (its counts scaled down to that many):
 * with the two articles of a `compare` it decides, with BASIL's 159 the collection's own counts
 * mostly do (they know which words this collection's events share: "immigration" in several
 * stories), with millions it is nothing. Swept on BASIL (eval/cluster-basil.ts, B-cubed F1 with
 * dates): 10 and 30 documents 0.981 (as with no background), 100 0.979, all 1,683 0.971; 30 is
 * the strongest prior that costs nothing there, and it joins the invented two- and three-article
 * stories of src/stories/*.test.ts that the collection's counts alone split.
 * Not stored: the store's sketch holds the collection's counts only.
 */
export interface Background {
  /** Documents the prior counts as. */
  documents: number;
  /** Pseudo-counts per bucket (the reference counts scaled to `documents`). */
  counts: Float32Array;
}

export const PRIOR_DOCUMENTS = 30;

let background: Background | undefined;

export function defaultBackground(): Background {
  if (background) return background;
  const counts = new Float32Array(SKETCH_BUCKETS);
  const file = JSON.parse(readFileSync(backgroundPath(), 'utf8')) as { documents: number; df: Record<string, string[]> };
  const scale = PRIOR_DOCUMENTS / file.documents;
  for (const [n, keys] of Object.entries(file.df)) for (const k of keys) counts[bucketOf(k)] = (counts[bucketOf(k)] ?? 0) + Number(n) * scale;
  background = { documents: PRIOR_DOCUMENTS, counts };
  return background;
}

/** No background: counts of the collection alone (tests of the sketch's arithmetic). */
export const NO_BACKGROUND: Background = { documents: 0, counts: new Float32Array(SKETCH_BUCKETS) };

function backgroundPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const local = join(here, 'weights', 'background-df.json');
  if (existsSync(local)) return local;
  // Built code (dist/src/stories/group) reads the file shipped in src/.
  for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dir, 'src', 'stories', 'group', 'weights', 'background-df.json');
    if (existsSync(candidate)) return candidate;
  }
  return local;
}

/** The counter a key is counted in. */
export function bucketOf(key: string): number {
  return hashString(key) >>> (32 - BUCKET_BITS);
}

export class DocumentFrequency {
  readonly counts: Uint32Array;
  documents: number;
  readonly background: Background;
  /** Bumped by every `add`: weights derived from the counts are valid for one version. */
  version = 0;
  /** Counters moved since the last `takeDelta` (bucket -> increment), and documents added. */
  private delta = new Map<number, number>();
  private deltaDocuments = 0;

  constructor(counts?: Uint32Array, documents = 0, prior: Background = defaultBackground()) {
    this.counts = counts ?? new Uint32Array(SKETCH_BUCKETS);
    this.documents = documents;
    this.background = prior;
  }

  /** Counts one document's distinct keys. */
  add(keys: Iterable<string>): void {
    this.addBuckets(Array.from(keys, bucketOf));
  }

  /** `add` for keys whose buckets (bucketOf) are at hand. */
  addBuckets(buckets: Iterable<number>): void {
    this.documents++;
    this.deltaDocuments++;
    this.version++;
    for (const b of buckets) {
      this.counts[b] = (this.counts[b] ?? 0) + 1;
      this.delta.set(b, (this.delta.get(b) ?? 0) + 1);
    }
  }

  /** Documents with this key: the collection's count (a sketch: collisions only add). */
  df(key: string): number {
    return this.counts[bucketOf(key)] ?? 0;
  }

  /** Smooth IDF (scikit-learn's), over the collection and the background: 1 + ln((n + 1) / (df + 1)). */
  idf(key: string): number {
    return this.idfOf(bucketOf(key));
  }

  /** `idf` of the keys counted in bucket `b` (bucketOf): for key lists whose buckets are kept. */
  idfOf(b: number): number {
    const n = this.documents + this.background.documents;
    const df = (this.counts[b] ?? 0) + (this.background.counts[b] ?? 0);
    return 1 + Math.log((n + 1) / (df + 1));
  }

  /** What was added since the last call, bucket order (for the store to add to its rows); then starts again from zero. */
  takeDelta(): SketchCounts {
    const counts = [...this.delta.entries()].sort((a, b) => a[0] - b[0]);
    const out: SketchCounts = { documents: this.deltaDocuments, counts };
    this.delta = new Map();
    this.deltaDocuments = 0;
    return out;
  }

  /** Documents count first (8 bytes), then the counters. */
  serialize(): Uint8Array {
    const out = new Uint8Array(8 + this.counts.byteLength);
    new DataView(out.buffer).setFloat64(0, this.documents, true);
    out.set(new Uint8Array(this.counts.buffer, this.counts.byteOffset, this.counts.byteLength), 8);
    return out;
  }

  static deserialize(bytes: Uint8Array | null): DocumentFrequency {
    if (!bytes || bytes.byteLength !== 8 + SKETCH_BUCKETS * 4) return new DocumentFrequency();
    const copy = new Uint8Array(bytes);
    const documents = new DataView(copy.buffer).getFloat64(0, true);
    return new DocumentFrequency(new Uint32Array(copy.buffer, 8, SKETCH_BUCKETS), documents);
  }

  /** From the store's rows; `pending` makes them all count as not yet stored (moving the older blob to rows). */
  static fromCounts(sketch: SketchCounts, pending = false): DocumentFrequency {
    const df = new DocumentFrequency(undefined, sketch.documents);
    for (const [b, n] of sketch.counts) if (b >= 0 && b < SKETCH_BUCKETS) df.counts[b] = n;
    if (pending) {
      df.deltaDocuments = sketch.documents;
      for (const [b, n] of sketch.counts) if (n !== 0) df.delta.set(b, n);
    }
    return df;
  }

  /** Every non-zero counter, as `fromCounts` reads them. */
  toCounts(): SketchCounts {
    const counts: [number, number][] = [];
    for (let b = 0; b < this.counts.length; b++) if (this.counts[b]) counts.push([b, this.counts[b] as number]);
    return { documents: this.documents, counts };
  }
}
