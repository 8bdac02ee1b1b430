import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('node --import tsx src/cli/run.ts --help: exit 0 and the help on stdout', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', '--help'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.includes('Usage:'));
  assert.ok(r.stdout.includes('Exit codes:'));
});

test('a usage error from the real entry point exits 64', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', 'compare'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 64);
  assert.match(r.stderr, /^CC502 /m);
});
