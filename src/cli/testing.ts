/** For tests: runs the command line in-process with its output captured. */
import { main } from './main.js';
import type { CliIO } from './io.js';

export async function runCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {} };
  const code = await main(argv, io);
  return { code, out, err };
}
