/**
 * `crosscheck stance --stances STANCES.csv --bodies BODIES.csv`: labels FNC-1 pairs with the
 * stance model and writes `Headline,Body ID,Stance` (the FNC-1 submission format, RFC 4180
 * quoting) to standard output, in the input's row order. Bodies and headlines are prepared once
 * each, so the cost is about one pass per body plus a small sum per pair.
 */
import { readFileSync } from 'node:fs';
import { message } from '../model/index.js';
import { predictPairs } from '../stance/batch.js';
import { csvField, parseBodies, parseStances } from '../stance/fnc1.js';
import { loadWeights, StancePredictor, type StanceWeights } from '../stance/model.js';
import { parseArgs } from './args.js';
import { usageError } from './compare.js';
import { EXIT, STANCE_HELP } from './help.js';
import { writeMessages, type CliIO } from './io.js';

const OPTIONS = {
  stances: { type: 'string' },
  bodies: { type: 'string' },
  weights: { type: 'string' },
  time: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readText(io: CliIO, path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    writeMessages(io, [code === 'ENOENT' ? message('CC100', `${path}: not found`, { uri: path }) : message('CC101', `${path}: ${(err as Error).message}`, { uri: path })]);
    return undefined;
  }
}

export async function stanceCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, OPTIONS);
  if (!parsed.ok) return usageError(io, parsed.error, 'stance');
  const { values, positionals } = parsed.args;
  if (values['help']) {
    io.stdout.write(STANCE_HELP);
    return EXIT.ok;
  }
  if (positionals.length) return usageError(io, `unexpected argument "${positionals[0]}": name the files with --stances and --bodies`, 'stance');
  const stancesPath = values['stances'];
  const bodiesPath = values['bodies'];
  if (typeof stancesPath !== 'string' || typeof bodiesPath !== 'string') return usageError(io, 'both --stances FILE and --bodies FILE are needed', 'stance');
  const t0 = performance.now();

  const stancesText = readText(io, stancesPath);
  const bodiesText = readText(io, bodiesPath);
  if (stancesText === undefined || bodiesText === undefined) return EXIT.noInput;
  const stances = parseStances(stancesText);
  const bodies = parseBodies(bodiesText);
  if (!stances.ok || !bodies.ok) {
    if (!stances.ok) writeMessages(io, [message('CC801', `${stancesPath}: ${stances.error}`, { uri: stancesPath })]);
    if (!bodies.ok) writeMessages(io, [message('CC801', `${bodiesPath}: ${bodies.error}`, { uri: bodiesPath })]);
    return EXIT.noInput;
  }

  let weights: StanceWeights;
  const weightsPath = values['weights'];
  try {
    weights = typeof weightsPath === 'string' ? loadWeights(weightsPath) : loadWeights();
  } catch (err) {
    writeMessages(io, [message('CC803', (err as Error).message, typeof weightsPath === 'string' ? { uri: weightsPath } : {})]);
    return EXIT.noInput;
  }

  const missing = new Set(stances.value.filter((p) => !bodies.value.has(p.bodyId)).map((p) => p.bodyId));
  if (missing.size) {
    const ids = [...missing].slice(0, 5).join(', ') + (missing.size > 5 ? ', ...' : '');
    writeMessages(io, [message('CC802', `${stancesPath}: ${missing.size} body id(s) not in ${bodiesPath} (${ids})`, { uri: stancesPath })]);
  }
  const predictions = predictPairs(new StancePredictor(weights), stances.value, bodies.value);
  const lines = ['Headline,Body ID,Stance'];
  stances.value.forEach((p, i) => {
    const label = missing.has(p.bodyId) ? 'unrelated' : (predictions[i]?.label ?? 'unrelated');
    lines.push(`${csvField(p.headline)},${csvField(p.bodyId)},${label}`);
  });
  io.stdout.write(lines.join('\r\n') + '\r\n');
  if (values['time']) {
    const s = (performance.now() - t0) / 1000;
    io.stderr.write(`labelled ${stances.value.length} pairs over ${bodies.value.size} bodies in ${s.toFixed(1)} s\n`);
  }
  return EXIT.ok;
}
