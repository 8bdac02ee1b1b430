/**
 * Shared by the clustering evaluations: write records to a temporary JSONL dump, ingest it
 * into a fresh database exactly as `crosscheck ingest` does, read back each article's story,
 * and score the partition with B-cubed precision, recall and F1 (Bagga & Baldwin 1998).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/index.js';
import { ingest, type IngestSummary } from '../src/collection/ingest.js';

export interface EvalRecord {
  id: string;
  text: string;
  title?: string;
  outlet?: string;
  publishedAt?: string;
}

/** Ingests the records (in the order given) and returns each record id's story id; the story comparison is skipped unless `analyze`. */
export async function clusterRecords(records: readonly EvalRecord[], workers?: number, analyze = false): Promise<{ storyOf: Map<string, string>; summary: IngestSummary }> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-eval-'));
  try {
    const dump = join(dir, 'dump.jsonl');
    writeFileSync(dump, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const store = await openStore(join(dir, 'eval.db'));
    try {
      const options: Parameters<typeof ingest>[0] = { store, inputs: [dump], analyze };
      if (workers !== undefined) options.workers = workers;
      const summary = await ingest(options);
      const storyOf = new Map<string, string>();
      for await (const a of store.exportArticles()) storyOf.set(a.id, a.storyId ?? `none:${a.id}`);
      return { storyOf, summary };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

/** B-cubed over the items present in both maps: per item, the share of its predicted cluster in its gold cluster and vice versa. */
export function bcubed(gold: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>): BCubed {
  const items = [...gold.keys()].filter((id) => predicted.has(id));
  const groups = (m: ReadonlyMap<string, string>): Map<string, Set<string>> => {
    const out = new Map<string, Set<string>>();
    for (const id of items) {
      const k = m.get(id) as string;
      const s = out.get(k) ?? new Set<string>();
      s.add(id);
      out.set(k, s);
    }
    return out;
  };
  const g = groups(gold);
  const p = groups(predicted);
  let precision = 0;
  let recall = 0;
  for (const id of items) {
    const gi = g.get(gold.get(id) as string) as Set<string>;
    const pi = p.get(predicted.get(id) as string) as Set<string>;
    let both = 0;
    for (const x of pi) if (gi.has(x)) both++;
    precision += both / pi.size;
    recall += both / gi.size;
  }
  precision /= items.length || 1;
  recall /= items.length || 1;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/**
 * Where a partition goes wrong, for `--verbose`: the predicted stories that hold more than one gold
 * story (merges: precision) and the gold stories spread over more than one predicted story
 * (splits: recall), each as its parts' sizes, largest first ("courts/12.07.99/axe 17+2").
 */
export function confusions(gold: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>): { merges: string[]; splits: string[] } {
  const table = (rows: ReadonlyMap<string, string>, cols: ReadonlyMap<string, string>): Map<string, Map<string, number>> => {
    const out = new Map<string, Map<string, number>>();
    for (const [id, row] of rows) {
      const col = cols.get(id);
      if (col === undefined) continue;
      const cells = out.get(row) ?? new Map<string, number>();
      cells.set(col, (cells.get(col) ?? 0) + 1);
      out.set(row, cells);
    }
    return out;
  };
  const sizes = (cells: Map<string, number>): [string, number][] => [...cells].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const merges = [...table(predicted, gold).values()].filter((c) => c.size > 1).map((c) => sizes(c).map(([g, n]) => `${g} x${n}`).join(' + ')).sort();
  const splits = [...table(gold, predicted)].filter(([, c]) => c.size > 1).map(([g, c]) => `${g} ${sizes(c).map(([, n]) => n).join('+')}`).sort();
  return { merges, splits };
}

export function fmt(x: number): string {
  return x.toFixed(3);
}

/** A deterministic shuffle (mulberry32), for order-robustness runs. */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
