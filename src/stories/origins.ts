/**
 * Independent origins: articles linked by heavy reuse (one is largely a copy of the other)
 * tell the story once, however many outlets carry it. Union-find over the reuse pairs.
 */
import type { Reuse } from '../model/index.js';

// Tuned on a wire story and its rewrites (origins.test.ts): a syndicated copy with a new
// top paragraph keeps 60-90% of the wire's words, a rewrite that quotes the wire in places
// 15-30%; a third of the copy's words marks the copy.
export const ORIGINS = {
  /** Share of the copy's words found in the source that makes them one origin. */
  minShare: 0.35,
} as const;

/** Groups of article ids that share an origin, each sorted, groups by first id. Every id is in one group. */
export function findOrigins(articleIds: readonly string[], reuse: readonly Reuse[], derived: readonly (readonly [string, string])[] = []): string[][] {
  const parent = new Map<string, string>();
  for (const id of articleIds) parent.set(id, id);
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    let c = x;
    while (c !== r) {
      const next = parent.get(c) ?? r;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  const join = (from: string, to: string): void => {
    if (!parent.has(from) || !parent.has(to)) return;
    const a = find(from);
    const b = find(to);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  };
  for (const r of reuse) if (r.share >= ORIGINS.minShare) join(r.from, r.to);
  // Rewrites that share few passages with their source (reuse.ts findDerivations).
  for (const [from, to] of derived) join(from, to);
  const groups = new Map<string, string[]>();
  for (const id of articleIds) {
    const root = find(id);
    const g = groups.get(root) ?? [];
    g.push(id);
    groups.set(root, g);
  }
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}

/** Article id -> index of its origin group. */
export function originIndex(origins: readonly string[][]): Map<string, number> {
  const out = new Map<string, number>();
  origins.forEach((g, i) => g.forEach((id) => out.set(id, i)));
  return out;
}
