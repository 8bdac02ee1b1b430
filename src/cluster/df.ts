/**
 * Document frequencies, estimated incrementally in fixed memory: a hashed counter array (a
 * count-min sketch of depth 1; a collision can only make a rare term look a little more
 * common) and the number of documents. The store keeps the counters as rows (`getSketch`,
 * and each ingest batch adds its increments: `IngestBatch.sketch`), so that a batch writes
 * the few thousand counters it moved, never the whole 4 MiB array; memory does not grow with
 * the vocabulary. The whole array as one value (`serialize`) is the older form, still read.
 */
import type { SketchCounts } from '../store/index.js';
import { hashString } from './hash.js';

/** 2^20 counters (4 MiB): under 1 collision in 4 for a vocabulary of 300k stems and names. */
const BUCKET_BITS = 20;
export const SKETCH_BUCKETS = 1 << BUCKET_BITS;

export class DocumentFrequency {
  readonly counts: Uint32Array;
  documents: number;
  /** Bumped by every `add`: weights derived from the counts are valid for one version. */
  version = 0;
  /** Counters moved since the last `takeDelta` (bucket -> increment), and documents added. */
  private delta = new Map<number, number>();
  private deltaDocuments = 0;

  constructor(counts?: Uint32Array, documents = 0) {
    this.counts = counts ?? new Uint32Array(SKETCH_BUCKETS);
    this.documents = documents;
  }

  /** Counts one document's distinct keys. */
  add(keys: Iterable<string>): void {
    this.documents++;
    this.deltaDocuments++;
    this.version++;
    for (const k of keys) {
      const b = hashString(k) >>> (32 - BUCKET_BITS);
      this.counts[b] = (this.counts[b] ?? 0) + 1;
      this.delta.set(b, (this.delta.get(b) ?? 0) + 1);
    }
  }

  df(key: string): number {
    return this.counts[hashString(key) >>> (32 - BUCKET_BITS)] ?? 0;
  }

  /** Smooth IDF (scikit-learn's): 1 + ln((n + 1) / (df + 1)). */
  idf(key: string): number {
    return 1 + Math.log((this.documents + 1) / (this.df(key) + 1));
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
