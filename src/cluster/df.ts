/**
 * Document frequencies, estimated incrementally in fixed memory: a hashed counter array (a
 * count-min sketch of depth 1; a collision can only make a rare term look a little more
 * common) and the number of documents. It is saved in the store as one value, so a later
 * ingest starts from what the earlier ones saw; memory does not grow with the vocabulary.
 */
import { hashString } from './hash.js';

/** 2^20 counters (4 MiB): under 1 collision in 4 for a vocabulary of 300k stems and names. */
const BUCKET_BITS = 20;

export class DocumentFrequency {
  readonly counts: Uint32Array;
  documents: number;

  constructor(counts?: Uint32Array, documents = 0) {
    this.counts = counts ?? new Uint32Array(1 << BUCKET_BITS);
    this.documents = documents;
  }

  /** Counts one document's distinct keys. */
  add(keys: Iterable<string>): void {
    this.documents++;
    for (const k of keys) {
      const b = hashString(k) >>> (32 - BUCKET_BITS);
      this.counts[b] = (this.counts[b] ?? 0) + 1;
    }
  }

  df(key: string): number {
    return this.counts[hashString(key) >>> (32 - BUCKET_BITS)] ?? 0;
  }

  /** Smooth IDF (scikit-learn's): 1 + ln((n + 1) / (df + 1)). */
  idf(key: string): number {
    return 1 + Math.log((this.documents + 1) / (this.df(key) + 1));
  }

  /** Documents count first (8 bytes), then the counters. */
  serialize(): Uint8Array {
    const out = new Uint8Array(8 + this.counts.byteLength);
    new DataView(out.buffer).setFloat64(0, this.documents, true);
    out.set(new Uint8Array(this.counts.buffer, this.counts.byteOffset, this.counts.byteLength), 8);
    return out;
  }

  static deserialize(bytes: Uint8Array | null): DocumentFrequency {
    if (!bytes || bytes.byteLength !== 8 + (1 << BUCKET_BITS) * 4) return new DocumentFrequency();
    const copy = new Uint8Array(bytes);
    const documents = new DataView(copy.buffer).getFloat64(0, true);
    return new DocumentFrequency(new Uint32Array(copy.buffer, 8, 1 << BUCKET_BITS), documents);
  }
}
