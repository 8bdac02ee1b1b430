/**
 * The A/B benches' sides (pipeline-ab, extraction-ab, ingest-ab): a checkout directory as it is,
 * or a git revision exported once under the temporary folder (cached by commit) with this
 * checkout's node_modules linked in.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('..', import.meta.url));

/** What an export holds, of the paths the revision has (older ones lack tsconfig.build.json). */
const EXPORTED = ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

export function checkoutOf(spec: string): { dir: string; label: string } {
  const asDir = resolve(spec);
  if (existsSync(join(asDir, 'src'))) return { dir: asDir, label: spec === '.' ? 'working tree' : asDir };
  const commit = execFileSync('git', ['rev-parse', '--verify', `${spec}^{commit}`], { cwd: repo, encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `crosscheck-ab-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, 'src'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const present = new Set(execFileSync('git', ['ls-tree', '--name-only', commit], { cwd: repo, encoding: 'utf8' }).split('\n'));
    const archive = execFileSync('git', ['archive', '--format=tar', commit, ...EXPORTED.filter((p) => present.has(p))], { cwd: repo, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  }
  return { dir, label: `${spec} (${commit.slice(0, 7)})` };
}
