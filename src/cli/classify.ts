/**
 * `crosscheck classify`: one sentence per line on standard input, one JSON object per line on
 * standard output: {sentence, opinion, bias, loaded: [{start, end, text}]}, the probabilities of
 * the profile classifier (src/analyze/classifier/) and its loaded-word marks, with offsets in
 * UTF-16 code units of the sentence. Empty lines give no output. Lets anyone score the model.
 */
import { createInterface } from 'node:readline';
import { classify, loadedMarks } from '../analyze/classifier/model.js';
import { parseArgs } from './args.js';
import { usageError } from './compare.js';
import { CLASSIFY_HELP, EXIT } from './help.js';
import type { CliIO } from './io.js';

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** The JSONL line for one sentence. */
export function classifyLine(sentence: string): string {
  const c = classify(sentence);
  const loaded = loadedMarks(c).map((m) => ({ start: m.span.start, end: m.span.end, text: m.text }));
  return JSON.stringify({ sentence, opinion: round(c.opinion), bias: round(c.bias), loaded });
}

export async function classifyCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, { help: { type: 'boolean', short: 'h' } });
  if (!parsed.ok) return usageError(io, parsed.error, 'classify');
  if (parsed.args.values['help']) {
    io.stdout.write(CLASSIFY_HELP);
    return EXIT.ok;
  }
  if (parsed.args.positionals.length) return usageError(io, `classify reads standard input and takes no inputs (got "${parsed.args.positionals[0]}")`, 'classify');
  const stdin = io.stdin;
  if (stdin === undefined) return usageError(io, 'classify reads sentences from standard input, one per line', 'classify');
  const lines = createInterface({ input: stdin, crlfDelay: Infinity });
  let out = '';
  for await (const line of lines) {
    const sentence = line.replace(/^\uFEFF/, '').trim();
    if (sentence === '') continue;
    out += classifyLine(sentence) + '\n';
    if (out.length > 1 << 16) {
      io.stdout.write(out);
      out = '';
    }
  }
  if (out) io.stdout.write(out);
  return EXIT.ok;
}
