import { loadBodies, toSource } from './fnc1.js';
import { runJob } from '../src/collection/jobs.js';
import { DEFAULT_CONTEXT } from '../src/model/index.js';
const bodies = (await loadBodies(1683))!;
const cpu = () => { const c = process.cpuUsage(); for (const b of bodies) runJob({ kind: 'source', source: toSource(b), ctx: DEFAULT_CONTEXT }); const d = process.cpuUsage(c); return (d.user + d.system) / 1e3 / bodies.length; };
cpu();
const xs = [cpu(), cpu(), cpu()].sort();
console.log(process.execArgv.join(' '), 'runJob CPU ms/article', xs.map((x) => x.toFixed(3)).join(' '));
