/**
 * Versions and their flags on simulated edits of real article bodies (FNC-1 development bodies;
 * see watch-edits-sim.ts): how often `watch` says what each edit is (correction, stealth edit,
 * nothing), and how often its diff is exactly the changed words. Figures are of the bodies after
 * the first DEVELOPMENT_BODIES (those were read while writing the rules) with correction notes in
 * phrasings written apart from the rules (watch-edits-sim.ts NOTES_HELD_OUT).
 *   node --import tsx eval/watch-edits.ts [--n BODIES]
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBodies } from '../src/stance/fnc1.js';
import { EDIT_KINDS, runEdits } from './watch-edits-sim.js';

const FILE = fileURLToPath(new URL('../../shared/data/fnc1/train_bodies.csv', import.meta.url));

/**
 * The first DEVELOPMENT_BODIES bodies were looked at while the rules were written (their
 * failures read, e.g. misspellings fixed inside quotes); the figures are of the bodies after them.
 */
export const DEVELOPMENT_BODIES = 600;

/** Bodies [from, from + n) of the FNC-1 development file, or null when it is absent. */
export function loadBodies(from: number, n: number): string[] | null {
  if (!existsSync(FILE)) return null;
  const parsed = parseBodies(readFileSync(FILE, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return [...parsed.value.values()].slice(from, from + n);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const nArg = process.argv.indexOf('--n');
  const n = nArg > 0 ? Number(process.argv[nArg + 1]) : 100_000;
  const bodies = loadBodies(DEVELOPMENT_BODIES, n);
  if (bodies === null) {
    console.log(`skipped: ${FILE} not found`);
    process.exit(0);
  }
  const t = Date.now();
  const s = runEdits(bodies, 'held-out');
  console.log(`watch edits on ${s.trials} held-out FNC-1 bodies (one simulated edit each; bodies ${DEVELOPMENT_BODIES}+), ${((Date.now() - t) / 1000).toFixed(1)} s`);
  console.log('| edit | trials | flagged as expected |');
  console.log('| --- | --- | --- |');
  for (const k of EDIT_KINDS) console.log(`| ${k} | ${s.byKind[k].n} | ${(s.byKind[k].right / Math.max(1, s.byKind[k].n)).toFixed(3)} |`);
  console.log(`accuracy ${s.accuracy.toFixed(3)} · number edits located exactly ${s.located.toFixed(3)} · correction recall ${s.correctionRecall.toFixed(3)} · stealth recall ${s.stealthRecall.toFixed(3)}, precision ${s.stealthPrecision.toFixed(3)}`);
}
