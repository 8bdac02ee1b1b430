/**
 * Crash safety in CI, bounded (issue 9): two seeded SIGKILLs of `crosscheck ingest`, each followed
 * by the checks of bench/crash.ts (the database opens, integrity_check ok, a rerun completes,
 * every article exactly once). The long form: node --import tsx bench/crash.ts (20 trials).
 * The compiled CLI is used when dist/ is newer than src/ (npm test builds first), else the sources.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crashTrials } from '../bench/crash.js';
import { ROOT } from './helpers.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const built = existsSync(join(ROOT, 'dist', 'cli', 'main.js')) && statSync(join(ROOT, 'dist', 'cli', 'main.js')).mtimeMs >= newestMtime(join(ROOT, 'src'));

test('ingest killed with SIGKILL at two seeded moments: the database stays whole and a rerun stores every article once', async () => {
  const report = await crashTrials({ trials: 2, seed: Number(process.env.CRASH_SEED ?? 9), articles: 150, workers: 0, built });
  assert.equal(report.trials.length, 2);
  assert.deepEqual(report.trials.flatMap((t) => t.problems.map((p) => `trial ${t.trial} (kill at ${t.killAfterMs} ms): ${p}`)), []);
});
