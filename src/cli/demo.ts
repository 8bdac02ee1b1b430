/**
 * `crosscheck demo`: compare on the corpus bundled with the package (examples/corpus/), found
 * from the package root so it works from src/ under tsx, from dist/, and from any directory.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { message } from '../model/index.js';
import { parseArgs } from './args.js';
import { REPORT_SPECS, report, usageError } from './compare.js';
import { DEMO_HELP, EXIT } from './help.js';
import { packageRoot, writeMessages, type CliIO } from './io.js';

export function demoCorpus(): string {
  return join(packageRoot(), 'examples', 'corpus');
}

export async function demoCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, REPORT_SPECS);
  if (!parsed.ok) return usageError(io, parsed.error, 'demo');
  const { values, positionals } = parsed.args;
  if (values['help']) {
    io.stdout.write(DEMO_HELP);
    return EXIT.ok;
  }
  if (positionals.length) return usageError(io, `demo takes no inputs (got "${positionals[0]}"); use crosscheck compare for your own files`, 'demo');
  const corpus = demoCorpus();
  if (!existsSync(corpus)) {
    writeMessages(io, [message('CC504', `${corpus} is missing`, { uri: corpus })]);
    return EXIT.noInput;
  }
  const n = countFiles(corpus);
  io.stderr.write(`crosscheck demo: ${n} invented example article file${n === 1 ? '' : 's'} bundled with crosscheck (examples/corpus/), not real news\n`);
  return report([corpus], {}, values, io, 'demo');
}

function countFiles(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    n += statSync(path).isDirectory() ? countFiles(path) : 1;
  }
  return n;
}
