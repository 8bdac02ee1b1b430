/**
 * Crash safety, part of the Store contract: a child process writes batches and is killed with
 * SIGKILL in the middle of one; the store must reopen consistent (integrity checks clean),
 * hold whole batches only, and a rerun must finish the job without duplicates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Store } from './store.js';
import { crashBatch } from './test-fixtures.js';

/** Big enough batches that a kill right after a commit lands inside the next one. */
const BATCH = 400;
const BATCHES = 50;
/** Commits to wait for before the kill. */
const COMMITS_BEFORE_KILL = 2;

interface CrashDriver {
  fresh(): Promise<string>;
  open(location: string): Promise<Store>;
  module: string;
}

export function runCrashContract(driver: CrashDriver): void {
  test('a writer killed with SIGKILL mid-batch leaves whole batches only, and a rerun completes the job', async () => {
    const location = await driver.fresh();
    const committed = await writeUntilKilled(driver.module, location);
    assert.ok(committed >= COMMITS_BEFORE_KILL, `child committed ${committed} batches before the kill`);

    const store = await driver.open(location);
    try {
      assert.deepEqual(await store.checkIntegrity(), []);
      const { articles } = await store.stats();
      assert.equal(articles % BATCH, 0, `a partial batch was stored: ${articles} articles`);
      assert.ok(articles >= committed * BATCH, `committed batches were lost: ${articles} < ${committed * BATCH}`);
      const stored = articles / BATCH;
      // Every stored article is whole.
      const sample = crashBatch(stored - 1, BATCH)[BATCH - 1];
      assert.ok(sample);
      assert.equal(JSON.stringify(await store.getArticle(sample.id)), JSON.stringify(sample));

      // Resume: the same input again adds only what is missing.
      const resumeFrom = stored - 1; // one committed batch replayed, to show it is skipped
      let inserted = 0;
      let duplicates = 0;
      for (let b = Math.max(0, resumeFrom); b < stored + 2; b++) {
        const r = await store.putArticles(crashBatch(b, BATCH));
        inserted += r.inserted.length;
        duplicates += r.duplicates.length;
      }
      assert.equal(duplicates, (stored - Math.max(0, resumeFrom)) * BATCH);
      assert.equal(inserted, 2 * BATCH);
      assert.equal((await store.stats()).articles, (stored + 2) * BATCH);
      assert.deepEqual(await store.checkIntegrity(), []);
    } finally {
      await store.close();
    }
  });
}

/** Runs the crash writer, kills it with SIGKILL right after its N-th commit; returns how many commits it reported. */
function writeUntilKilled(module: string, location: string): Promise<number> {
  const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, module, location, String(BATCH), String(BATCHES)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let commits = 0;
    let stderr = '';
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('committed ')) commits++;
      if (commits >= COMMITS_BEFORE_KILL && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(commits);
      else reject(new Error(`crash writer exited before the kill (code ${code}): ${stderr}`));
    });
  });
}
