/**
 * Writes docs/errors.md, the error catalogue, from CATALOGUE in src/model/messages.ts
 * (one source of truth; a test fails when the file is out of date).
 *   node --import tsx scripts/errors-doc.ts          # rewrite docs/errors.md
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CATALOGUE } from '../src/model/messages.js';
import { EXIT_CODES } from '../src/model/exit-codes.js';

export function errorsDoc(): string {
  const rows = Object.entries(CATALOGUE).map(([code, e]) => `| ${code} | ${e.severity} | ${e.stage} | ${e.meaning} | ${e.hint} |`);
  const exits = EXIT_CODES.map((e) => `| ${e.code} | ${e.name} | ${e.meaning} |`);
  return [
    '# Messages and exit codes',
    '',
    'Every problem crosscheck meets is reported as a message with a code (never a stack trace):',
    'in the JSON report under `messages` (batch level) and `articles[].messages`, and on standard error',
    'as `CODE severity input: reason (what to do)`. This file is generated from `src/model/messages.ts`',
    'by `node --import tsx scripts/errors-doc.ts`.',
    '',
    '| code | severity | stage | meaning | what to do |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '## Exit codes',
    '',
    '| code | name | meaning |',
    '| --- | --- | --- |',
    ...exits,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(new URL('../docs/errors.md', import.meta.url), errorsDoc());
}
