// STUB: replaced by the command line.
import { compare } from '../pipeline.js';
import { renderJSON } from '../report/json.js';

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd !== 'compare') return 2;
  process.stdout.write(renderJSON(await compare(rest.filter((a) => !a.startsWith('--')))));
  return 0;
}
