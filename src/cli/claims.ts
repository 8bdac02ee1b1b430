/**
 * `crosscheck claims INPUT...`: the claims most worth checking across the inputs (one story's
 * articles, a transcript, a folder of reports), ranked by the check-worthiness model, each with
 * its speaker, score and the article it comes from. Text, or JSON with --json (spans included,
 * so every claim points to its words).
 */
import { topClaims, type RankedClaim } from '../analyze/claims-top.js';
import { message, type Article } from '../model/index.js';
import { readArticles, type RunOptions } from '../collection/index.js';
import { LIMIT_SPECS, limitsOf, parseArgs, positiveInteger, type OptionSpecs } from './args.js';
import { isInputFormat, usageError } from './compare.js';
import { CLAIMS_HELP, EXIT } from './help.js';
import { packageVersion, writeMessages, type CliIO } from './io.js';

const SPECS: OptionSpecs = {
  ...LIMIT_SPECS,
  json: { type: 'boolean' },
  top: { type: 'string' },
  min: { type: 'string' },
  format: { type: 'string' },
  'allow-private': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
};

/** The text listing: one claim a block, best first. */
export function renderClaims(claims: readonly RankedClaim[], articles: readonly Article[] = []): string {
  if (!claims.length) return 'No claim at or above the line.\n';
  const byId = new Map(articles.map((a) => [a.id, a]));
  const lines: string[] = [];
  claims.forEach((c, i) => {
    const who = c.speaker ? `${c.speaker.name} (${c.speaker.kind === 'quote' ? 'quoted' : 'attributed'})` : `${c.outlet ?? 'the article'} (own statement)`;
    lines.push(`${String(i + 1).padStart(3)}. ${c.checkworthy.toFixed(2)}  ${c.text}`);
    lines.push(`      ${who}; ${c.uri} [${c.span.start}, ${c.span.end})`);
    if (c.alsoIn.length) lines.push(`      also in: ${c.alsoIn.map((id) => byId.get(id)?.outlet ?? byId.get(id)?.uri ?? id).join(', ')}`);
  });
  return lines.join('\n') + '\n';
}

export async function claimsCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError(io, parsed.error, 'claims');
  const { values, positionals } = parsed.args;
  if (values['help']) {
    io.stdout.write(CLAIMS_HELP);
    return EXIT.ok;
  }
  if (!positionals.length) return usageError(io, 'no inputs given: name files, directories, or "-" for standard input', 'claims');
  const run: RunOptions = {};
  const format = values['format'];
  if (typeof format === 'string') {
    if (!isInputFormat(format)) return usageError(io, `--format must be text, jsonl, html, feed or warc, not "${format}"`, 'claims');
    run.format = format;
  }
  if (values['allow-private']) run.allowPrivate = true;
  const limits = limitsOf(values);
  if (!limits.ok) return usageError(io, limits.error, 'claims');
  Object.assign(run, limits.limits);
  if (io.stdin) run.stdin = io.stdin;
  let limit = 20;
  if (typeof values['top'] === 'string') {
    const n = positiveInteger('top', values['top']);
    if (!n.ok) return usageError(io, n.error, 'claims');
    limit = n.value;
  }
  const options: { limit: number; min?: number } = { limit };
  if (typeof values['min'] === 'string') {
    const min = Number(values['min']);
    if (!(min >= 0 && min <= 1)) return usageError(io, `--min must be a number from 0 to 1, not "${values['min']}"`, 'claims');
    options.min = min;
  }
  const { articles, messages } = await readArticles(positionals, run);
  const all = [...messages, ...articles.flatMap((a) => a.messages)];
  writeMessages(io, values['quiet'] === true ? all.filter((m) => m.severity !== 'info') : all);
  if (!articles.length) {
    writeMessages(io, [message('CC501', `none of the ${positionals.length === 1 ? 'input' : `${positionals.length} inputs`} gave an article`)]);
    return EXIT.noInput;
  }
  const claims = topClaims(articles, options);
  if (values['json']) {
    const out = { generatedBy: `crosscheck ${packageVersion()}`, articles: articles.map((a) => ({ id: a.id, uri: a.uri, outlet: a.outlet, title: a.title, claims: a.claims.length })), claims };
    io.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return EXIT.ok;
  }
  io.stdout.write(renderClaims(claims, articles));
  return EXIT.ok;
}
