/**
 * What the stance model costs inside stories: `compareAll` on the first n FNC-1 bodies (read
 * at run time) with the model off and on (src/stories/stance.ts useStanceModel), alternating,
 * median of `--repeat` runs each; and how many members it read and relabelled. The peer is
 * the same build without the model (the brief: the model must not more than double compare).
 *
 *   node --import tsx eval/stance-stories-cost.ts [--n 1000] [--repeat 3] [--list]
 *
 * --list prints each member the model relabelled 'disputes', with the claim it was read against.
 */
import { loadavg } from 'node:os';
import { compareAll, processSource } from '../src/collection/pipeline.js';
import { useStanceModel } from '../src/stories/stance.js';
import { environment, fixed, intArg, loadBodies, median, toSource } from '../bench/fnc1.js';

const n = intArg('n', 1000);
const repeat = intArg('repeat', 3);
const bodies = await loadBodies(n);
if (bodies === null) {
  console.log('skipped: ../shared/data/fnc1/train_bodies.csv not found');
  process.exit(0);
}
const articles = bodies.map((b) => processSource(toSource(b)));
compareAll(articles.slice(0, 100)); // warm-up (loads the weights too)

const off: number[] = [];
const on: number[] = [];
let read = 0;
let changed = 0;
let facts = 0;
const disputed = [0, 0];
for (let r = 0; r < repeat; r++) {
  for (const model of [false, true]) {
    useStanceModel(model);
    const t = process.hrtime.bigint();
    const result = await compareAll(articles);
    (model ? on : off).push(Number(process.hrtime.bigint() - t) / 1e9);
    const all = result.stories.flatMap((s) => s.facts);
    disputed[model ? 1 : 0] = all.filter((f) => f.status === 'disputed').length;
    if (model && r === 0 && process.argv.includes('--list')) {
      for (const f of all) {
        for (const m of f.members) {
          if (!m.stanceModel?.changed) continue;
          const k = f.conflicts.find((c) => c.a.articleId === m.articleId && c.detail.startsWith('the stance model'));
          console.log(`* ${k?.detail ?? ''}\n    claim:  ${k?.b.text ?? ''}\n    member: ${m.text}`);
        }
      }
    }
    if (model) {
      facts = all.length;
      read = all.reduce((k, f) => k + f.members.filter((m) => m.stanceModel).length, 0);
      changed = all.reduce((k, f) => k + f.members.filter((m) => m.stanceModel?.changed).length, 0);
    }
  }
}
useStanceModel(true);
console.log(`compareAll on ${articles.length} FNC-1 bodies, median of ${repeat} runs each, alternating`);
console.log(`${environment()}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`  without the stance model: ${fixed(median(off), 3)} s  (runs ${off.map((x) => fixed(x, 2)).join(', ')}), ${disputed[0]} disputed facts`);
console.log(`  with the stance model:    ${fixed(median(on), 3)} s  (runs ${on.map((x) => fixed(x, 2)).join(', ')}), ${disputed[1]} disputed facts`);
console.log(`  ratio ${fixed(median(on) / Math.max(1e-9, median(off)), 2)}x; ${facts} facts, ${read} members read by the model, ${changed} relabelled 'disputes'`);
