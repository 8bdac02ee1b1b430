/**
 * Sparse term vectors: TF-IDF with sublinear term frequency, L2-normalised, and their cosine.
 */

export type Vector = ReadonlyMap<string, number>;

/** Smooth IDF (as in scikit-learn): 1 + ln((n + 1) / (df + 1)). Never zero, so small batches still compare. */
export function idf(n: number, df: number): number {
  return 1 + Math.log((n + 1) / (df + 1));
}

/** Document frequency of every term over a list of term-count maps. */
export function documentFrequency(docs: readonly ReadonlyMap<string, number>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

/** (1 + ln tf) * idf * weight(term), normalised to unit length. */
export function tfidf(counts: ReadonlyMap<string, number>, df: ReadonlyMap<string, number>, n: number, weight: (term: string) => number): Map<string, number> {
  const out = new Map<string, number>();
  let norm = 0;
  for (const [t, tf] of counts) {
    const v = (1 + Math.log(tf)) * idf(n, df.get(t) ?? 0) * weight(t);
    out.set(t, v);
    norm += v * v;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, v] of out) out.set(t, v / norm);
  return out;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, v] of small) {
    const w = large.get(t);
    if (w !== undefined) dot += v * w;
  }
  return dot;
}

/** The k heaviest terms of a vector (ties by term, for determinism). */
export function topTerms(v: Vector, k: number): string[] {
  return [...v.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .slice(0, k)
    .map(([t]) => t);
}
