/**
 * Where a thread's CPU went, from a V8 profile (`node --cpu-prof`): the functions with the most
 * self time and the most inclusive time (each function counted once per sample, however deep
 * its recursion), in seconds, and the thread's idle time. `--cpu-prof` writes one file per
 * thread: the ingest's main thread (clustering and commit), each worker (the per-article
 * pipeline), and tsx's loader threads (idle).
 *
 *   nice node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/ingest.bench.ts --e2e 20000 --stage ''
 *   node --import tsx bench/cpu-profile.ts /tmp/prof/CPU.*.cpuprofile [--top 30] [--match sqlite] [--callers NAME]
 *
 * `--callers NAME`: the self time of the functions named NAME split by their caller and the
 * caller's caller, and the lines of NAME with the most samples (lines of the profiled file: of
 * dist/*.js when the compiled code ran). A flat profile hides where a small function is called
 * from: a Map lookup in a helper called by three stages shows up as one line above.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const argAfter = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const top = Number(argAfter('top') ?? '30');
const match = argAfter('match') ?? '';
const callersOf = argAfter('callers');
const files = process.argv.slice(2).filter((a, i, all) => a.endsWith('.cpuprofile') && all[i - 1] !== '--top' && all[i - 1] !== '--match' && all[i - 1] !== '--callers');

const nameOf = (n: Node): string => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}`;

for (const file of files) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const spent = new Map<number, number>();
  p.samples.forEach((id, i) => spent.set(id, (spent.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of spent) {
    const node = byId.get(id) as Node;
    total += us;
    if (node.callFrame.functionName === '(idle)') idle += us;
    self.set(nameOf(node), (self.get(nameOf(node)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(byId.get(at) as Node);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  const list = (m: Map<string, number>): string =>
    [...m]
      .filter(([name]) => name.includes(match))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `${(us / 1e6).toFixed(2).padStart(8)} s  ${name}`)
      .join('\n');
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(idle / 1e6).toFixed(1)} s idle\nself:\n${list(self)}\ninclusive:\n${list(inclusive)}\n`);
  if (callersOf !== undefined) {
    const byCaller = new Map<string, number>();
    const lines = new Map<number, number>();
    for (const n of p.nodes) {
      if (n.callFrame.functionName !== callersOf) continue;
      const up = byId.get(parent.get(n.id) ?? -1);
      const upUp = up && byId.get(parent.get(up.id) ?? -1);
      const key = `${up ? nameOf(up) : '-'}  <-  ${upUp ? nameOf(upUp) : '-'}`;
      byCaller.set(key, (byCaller.get(key) ?? 0) + (spent.get(n.id) ?? 0));
      for (const t of n.positionTicks ?? []) lines.set(t.line, (lines.get(t.line) ?? 0) + t.ticks);
    }
    const rows = [...byCaller].sort((a, b) => b[1] - a[1]).map(([k, us]) => `${(us / 1e6).toFixed(2).padStart(8)} s  ${k}`);
    const hot = [...lines].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([line, ticks]) => `${line}: ${ticks}`);
    console.log(`${callersOf}, self time by caller:\n${rows.join('\n')}\nhottest lines (samples): ${hot.join(', ')}\n`);
  }
}
