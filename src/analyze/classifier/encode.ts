/**
 * The shipped form of a hashed linear model: only the buckets whose weight matters, as a
 * base64 string of (gap-coded bucket index as a varint, weight as a signed byte) pairs and one
 * scale per model. Weights below `keep` x the largest one are dropped (they change no decision
 * we could measure; see TRAINING.md) and the rest are rounded to 1/127 of the largest.
 */
import type { LinearModel } from './linear.js';

export interface EncodedModel {
  bits: number;
  scale: number;
  /** base64 of the (varint gap, int8 weight) pairs. */
  data: string;
}

export function encodeModel(model: LinearModel, keep: number): EncodedModel {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max / 127 || 1;
  const bytes: number[] = [];
  let last = -1;
  model.weights.forEach((w, j) => {
    const q = Math.round(w / scale);
    if (q === 0 || Math.abs(w) < keep * max) return;
    let gap = j - last;
    last = j;
    while (gap >= 0x80) {
      bytes.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    bytes.push(gap);
    bytes.push(q & 0xff);
  });
  return { bits: model.bits, scale: Number(scale.toPrecision(9)), data: Buffer.from(bytes).toString('base64') };
}

function fromBase64(s: string): Uint8Array {
  if (typeof Buffer !== 'undefined') return new Uint8Array(Buffer.from(s, 'base64'));
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function decodeModel(e: EncodedModel): LinearModel {
  const weights = new Float32Array(1 << e.bits);
  const bytes = fromBase64(e.data);
  let j = -1;
  let i = 0;
  while (i < bytes.length) {
    let gap = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[i++] as number;
      gap |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    j += gap;
    const q = bytes[i++] as number;
    weights[j] = (q > 127 ? q - 256 : q) * e.scale;
  }
  return { bits: e.bits, weights };
}

/** The model as it will be shipped (encoded and decoded again), for honest validation. */
export function asShipped(model: LinearModel, keep: number): LinearModel {
  return decodeModel(encodeModel(model, keep));
}

/**
 * The shipped weights as prediction reads them: one byte per bucket (the encoded int8 weight)
 * and a 256-entry table of its float32 value, `table[byte]` = the Float32Array entry
 * decodeModel gives, bit for bit. A quarter of the memory: the sentence models are read at a
 * few hundred scattered buckets per sentence, and 1 MB of Float32 weights missed the caches.
 */
export interface CompactModel {
  bits: number;
  bytes: Uint8Array;
  table: Float32Array;
}

export function decodeCompact(e: EncodedModel): CompactModel {
  const bytes = new Uint8Array(1 << e.bits);
  const data = fromBase64(e.data);
  let j = -1;
  let i = 0;
  while (i < data.length) {
    let gap = 0;
    let shift = 0;
    let b: number;
    do {
      b = data[i++] as number;
      gap |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    j += gap;
    bytes[j] = data[i++] as number;
  }
  const table = new Float32Array(256);
  for (let q = 0; q < 256; q++) table[q] = (q > 127 ? q - 256 : q) * e.scale;
  return { bits: e.bits, bytes, table };
}
