/**
 * Story grouping: which articles are about the same event.
 *   1. Each article becomes a TF-IDF vector of content-word stems and entity keys (entities
 *      weigh more: the same people and places are the surest sign of the same event).
 *   2. Candidate pairs come from an inverted index over each article's heaviest terms, so a
 *      batch of thousands is not scored all pairs against all pairs.
 *   3. Candidates are scored by cosine, discounted when both dates are known and far apart.
 *   4. Average-link agglomerative clustering merges while the mean similarity between two
 *      groups reaches GROUP_THRESHOLD (pairs never scored count as 0).
 */
import type { Prepared } from './prepare.js';
import { stem } from './stem.js';
import { cosine, documentFrequency, tfidf, topTerms, type Vector } from './vectors.js';
import { isContentWord } from './words.js';

// Tuned on BASIL triplets (the same event told by Fox, NYT and HuffPost; events of the same
// weeks as distractors) and the invented texts in group.test.ts.
export const GROUPING = {
  /** Mean cosine two groups need to merge. */
  threshold: 0.2,
  /** Entity keys count this many times a plain word. */
  entityWeight: 2.0,
  /** Dates further apart than this are a sign of two events... */
  maxDaysApart: 10,
  /** ...and multiply the similarity by this. */
  timePenalty: 0.5,
  /** Similarities under this fraction of the threshold count as 0. */
  minEdgeRatio: 0.5,
  /** Heaviest terms per article that propose candidate pairs. */
  candidateTerms: 40,
  /** A term in more than this share of a large batch proposes nothing (too common). */
  maxPostingShare: 0.25,
  /** Batches smaller than this score every pair. */
  allPairsBelow: 64,
} as const;

/** Groups articles (by index into `prepared`) into stories, each sorted, stories by first member. */
export function groupArticles(prepared: readonly Prepared[]): number[][] {
  const n = prepared.length;
  if (n === 0) return [];
  const counts = prepared.map(groupTerms);
  const df = documentFrequency(counts);
  const weight = (t: string): number => (t.startsWith('e:') ? GROUPING.entityWeight : 1);
  const vectors = counts.map((c) => tfidf(c, df, n, weight));
  const edges = new Map<number, Map<number, number>>();
  for (const [i, j] of candidatePairs(vectors)) {
    const sim = similarity(prepared, vectors, i, j);
    // Weak links are dropped: they could not lift a group's mean to the threshold anyway
    // and would make the graph dense.
    if (sim < GROUPING.threshold * GROUPING.minEdgeRatio) continue;
    link(edges, i, j, sim);
  }
  return averageLink(n, edges, GROUPING.threshold);
}

function groupTerms(p: Prepared): Map<string, number> {
  const counts = new Map<string, number>();
  const inMention = new Uint8Array(p.words.length);
  for (const m of p.mentions) {
    for (let k = m.first; k < m.last; k++) inMention[k] = 1;
    const t = `e:${m.key}`;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  p.words.forEach((w, k) => {
    if (inMention[k] || w.isNumber || !isContentWord(w)) return;
    const t = stem(w.norm);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  });
  return counts;
}

function similarity(prepared: readonly Prepared[], vectors: readonly Vector[], i: number, j: number): number {
  const a = vectors[i];
  const b = vectors[j];
  if (!a || !b) return 0;
  let sim = cosine(a, b);
  const ta = prepared[i]?.time ?? null;
  const tb = prepared[j]?.time ?? null;
  if (ta !== null && tb !== null && Math.abs(ta - tb) > GROUPING.maxDaysApart * 86_400_000) sim *= GROUPING.timePenalty;
  return sim;
}

/** Pairs i < j that share a heavy, not-too-common term (every pair for small batches). */
export function candidatePairs(vectors: readonly Vector[]): [number, number][] {
  const n = vectors.length;
  const out: [number, number][] = [];
  if (n < GROUPING.allPairsBelow) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j]);
    return out;
  }
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const t of topTerms(v, GROUPING.candidateTerms)) {
      const list = postings.get(t) ?? [];
      list.push(i);
      postings.set(t, list);
    }
  });
  const cap = Math.max(2, Math.floor(n * GROUPING.maxPostingShare));
  const seen = new Set<number>();
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > cap) continue;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a] ?? 0;
        const j = list[b] ?? 0;
        const key = i * n + j;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push([i, j]);
      }
    }
  }
  return out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

function link(edges: Map<number, Map<number, number>>, i: number, j: number, w: number): void {
  const a = edges.get(i) ?? new Map<number, number>();
  a.set(j, (a.get(j) ?? 0) + w);
  edges.set(i, a);
  const b = edges.get(j) ?? new Map<number, number>();
  b.set(i, (b.get(i) ?? 0) + w);
  edges.set(j, b);
}

/**
 * Average-link clustering over a sparse similarity graph. Clusters are named by their lowest
 * index; a heap of candidate merges (stale entries skipped by version) keeps it near
 * E log E; ties go to the lowest pair of names, so the result does not depend on input order
 * once the articles are sorted.
 */
export function averageLink(n: number, edges: Map<number, Map<number, number>>, threshold: number): number[][] {
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) members.set(i, [i]);
  const version = new Int32Array(n);
  const heap = new MergeHeap();
  const size = (c: number): number => members.get(c)?.length ?? 1;
  for (const [i, nbrs] of edges) {
    for (const [j, sum] of nbrs) if (j > i && sum / (size(i) * size(j)) >= threshold) heap.push({ avg: sum / (size(i) * size(j)), i, j, vi: 0, vj: 0 });
  }
  for (let top = heap.pop(); top !== undefined; top = heap.pop()) {
    const { i: bi, j: bj } = top;
    if (!members.has(bi) || !members.has(bj) || version[bi] !== top.vi || version[bj] !== top.vj) continue;
    // Merge bj into bi: sums of similarities add up, averages follow from the sizes.
    const into = edges.get(bi) ?? new Map<number, number>();
    const from = edges.get(bj) ?? new Map<number, number>();
    into.delete(bj);
    for (const [k, sum] of from) {
      if (k === bi) continue;
      into.set(k, (into.get(k) ?? 0) + sum);
      const back = edges.get(k);
      if (back) {
        back.set(bi, (back.get(bi) ?? 0) + sum);
        back.delete(bj);
      }
    }
    edges.set(bi, into);
    edges.delete(bj);
    members.set(bi, [...(members.get(bi) ?? []), ...(members.get(bj) ?? [])].sort((x, y) => x - y));
    members.delete(bj);
    version[bi] = (version[bi] ?? 0) + 1;
    for (const [k, sum] of into) {
      const avg = sum / (size(bi) * size(k));
      if (avg < threshold) continue;
      const [a, b] = bi < k ? [bi, k] : [k, bi];
      heap.push({ avg, i: a, j: b, vi: version[a] ?? 0, vj: version[b] ?? 0 });
    }
  }
  return [...members.values()].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

interface Merge {
  avg: number;
  i: number;
  j: number;
  vi: number;
  vj: number;
}

/** A binary max-heap of merges: highest average first, then the lowest pair of names. */
class MergeHeap {
  private readonly items: Merge[] = [];

  push(m: Merge): void {
    const a = this.items;
    a.push(m);
    let k = a.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!before(a[k] as Merge, a[parent] as Merge)) break;
      [a[k], a[parent]] = [a[parent] as Merge, a[k] as Merge];
      k = parent;
    }
  }

  pop(): Merge | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let best = k;
        if (l < a.length && before(a[l] as Merge, a[best] as Merge)) best = l;
        if (r < a.length && before(a[r] as Merge, a[best] as Merge)) best = r;
        if (best === k) break;
        [a[k], a[best]] = [a[best] as Merge, a[k] as Merge];
        k = best;
      }
    }
    return top;
  }
}

function before(x: Merge, y: Merge): boolean {
  if (Math.abs(x.avg - y.avg) > 1e-12) return x.avg > y.avg;
  return x.i < y.i || (x.i === y.i && x.j < y.j);
}
