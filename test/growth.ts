/**
 * How cost grows, not how fast a machine is: a test may bound the time of 10x the input against
 * the time of 1x measured in the same run (both slow down together on a busy machine), never a
 * wall-clock speed; speed belongs in bench/. Linear work gives about 10x, quadratic 100x; the
 * bound (30x by default) sits between, with room for noise.
 */

export interface Growth {
  smallMs: number;
  largeMs: number;
  /** largeMs / smallMs, the small time floored at `floorMs` (a 2 ms run is mostly timer noise). */
  ratio: number;
  text: string;
}

/**
 * Times `run(small)` and `run(large)`, alternating, each the fastest of `runs` (the first run of
 * each also warms the JIT). `floorMs` keeps a tiny small-size time from making the ratio noise.
 */
export function growth(run: (size: number) => void, small: number, large: number, options: { runs?: number; floorMs?: number; bound?: number; tries?: number } = {}): Growth {
  const runs = options.runs ?? 2;
  const floorMs = options.floorMs ?? 5;
  const once = (size: number): number => {
    const t0 = performance.now();
    run(size);
    return performance.now() - t0;
  };
  let best: Growth | null = null;
  for (let attempt = 0; attempt < (options.tries ?? 3); attempt++) {
    // small and large alternate, so a burst of load on a shared machine hits both, not one
    let smallMs = Infinity;
    let largeMs = Infinity;
    for (let i = 0; i < runs; i++) {
      smallMs = Math.min(smallMs, once(small));
      largeMs = Math.min(largeMs, once(large));
    }
    const g = result(smallMs, largeMs, floorMs, large / small);
    if (!best || g.ratio < best.ratio) best = g;
    if (best.ratio < (options.bound ?? DEFAULT_BOUND)) break;
  }
  return best as Growth;
}

/** The same for async work. */
export async function growthAsync(run: (size: number) => Promise<void>, small: number, large: number, options: { runs?: number; floorMs?: number; bound?: number; tries?: number } = {}): Promise<Growth> {
  const runs = options.runs ?? 2;
  const floorMs = options.floorMs ?? 5;
  const once = async (size: number): Promise<number> => {
    const t0 = performance.now();
    await run(size);
    return performance.now() - t0;
  };
  let best: Growth | null = null;
  for (let attempt = 0; attempt < (options.tries ?? 3); attempt++) {
    let smallMs = Infinity;
    let largeMs = Infinity;
    for (let i = 0; i < runs; i++) {
      smallMs = Math.min(smallMs, await once(small));
      largeMs = Math.min(largeMs, await once(large));
    }
    const g = result(smallMs, largeMs, floorMs, large / small);
    if (!best || g.ratio < best.ratio) best = g;
    if (best.ratio < (options.bound ?? DEFAULT_BOUND)) break;
  }
  return best as Growth;
}

/**
 * The bound a test asserts (30x for 10x the input). A ratio at or over it is measured again, up to
 * `tries` times in all, and the lowest kept: a burst of load (a major GC, another process) during
 * one measurement passes on the next, while a cost that really grows faster than linear fails
 * every try.
 */
const DEFAULT_BOUND = 30;

function result(smallMs: number, largeMs: number, floorMs: number, factor: number): Growth {
  const ratio = largeMs / Math.max(smallMs, floorMs);
  return { smallMs, largeMs, ratio, text: `${factor}x the input took ${ratio.toFixed(1)}x the time (${smallMs.toFixed(0)} -> ${largeMs.toFixed(0)} ms)` };
}
