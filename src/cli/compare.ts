/**
 * `crosscheck compare INPUT...`: read, clean, analyze and compare, then print a report.
 * Reading is the pipeline's job (`compare` in src/collection/pipeline.ts); this file turns options into
 * pipeline options, prints messages to stderr and the report to stdout or --output.
 */
import { message, type Comparison, type Message } from '../model/index.js';
import { compare, type RunOptions } from '../collection/pipeline.js';
import type { InputFormat } from '../read/formats.js';
import { renderJSON } from '../report/json.js';
import { renderHTML } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { DEFAULT_WIDTH, renderText } from '../report/text.js';
import { LIMIT_SPECS, limitsOf, parseArgs, positiveInteger, type OptionSpecs, type ParsedArgs } from './args.js';
import { COMPARE_HELP, EXIT } from './help.js';
import { packageVersion, wantsColor, writeMessages, writeReport, type CliIO } from './io.js';

/** Options every command that prints a report takes. */
export const REPORT_SPECS: OptionSpecs = {
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  html: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  width: { type: 'string' },
  output: { type: 'string', short: 'o' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
};

const COMPARE_SPECS: OptionSpecs = {
  ...REPORT_SPECS,
  ...LIMIT_SPECS,
  format: { type: 'string' },
  'allow-private': { type: 'boolean' },
};

export async function compareCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, COMPARE_SPECS);
  if (!parsed.ok) return usageError(io, parsed.error, 'compare');
  const { values, positionals } = parsed.args;
  if (values['help']) {
    io.stdout.write(COMPARE_HELP);
    return EXIT.ok;
  }
  if (!positionals.length) return usageError(io, 'no inputs given: name files, directories, or "-" for standard input', 'compare');
  const run: RunOptions = {};
  const format = values['format'];
  if (typeof format === 'string') {
    if (!isInputFormat(format)) return usageError(io, `--format must be text, jsonl, html, feed or warc, not "${format}"`, 'compare');
    run.format = format;
  }
  if (values['allow-private']) run.allowPrivate = true;
  const limits = limitsOf(values);
  if (!limits.ok) return usageError(io, limits.error, 'compare');
  Object.assign(run, limits.limits);
  if (io.stdin) run.stdin = io.stdin;
  return report(positionals, run, values, io, 'compare');
}

/** Runs the pipeline on `inputs` and prints messages and the report; shared with `demo`. */
export async function report(inputs: readonly string[], run: RunOptions, values: ParsedArgs['values'], io: CliIO, command: string): Promise<number> {
  const check = reportOptions(values);
  if (!check.ok) return usageError(io, check.error, command);
  const result = await compare(inputs, run);
  writeMessages(io, visibleMessages(result, values['quiet'] === true));
  if (!result.articles.length) {
    writeMessages(io, [message('CC501', `none of the ${inputs.length === 1 ? 'input' : `${inputs.length} inputs`} gave an article`)]);
    return EXIT.noInput;
  }
  const output = typeof values['output'] === 'string' ? values['output'] : null;
  const text = render(result, check.format, {
    color: output === null && wantsColor(io, { color: values['color'] === true, noColor: values['no-color'] === true }),
    width: check.width ?? (io.isTTY && io.columns ? Math.min(io.columns, DEFAULT_WIDTH) : DEFAULT_WIDTH),
  });
  return writeReport(io, output, text);
}

type Format = 'text' | 'json' | 'markdown' | 'html';

function reportOptions(values: ParsedArgs['values']): { ok: true; format: Format; width: number | null } | { ok: false; error: string } {
  if ([values['json'], values['markdown'], values['html']].filter(Boolean).length > 1) return { ok: false, error: 'give one of --json, --markdown or --html' };
  if (values['color'] && values['no-color']) return { ok: false, error: 'give --color or --no-color, not both' };
  let width: number | null = null;
  if (typeof values['width'] === 'string') {
    const n = positiveInteger('width', values['width']);
    if (!n.ok) return n;
    width = n.value;
  }
  return { ok: true, format: values['json'] ? 'json' : values['markdown'] ? 'markdown' : values['html'] ? 'html' : 'text', width };
}

function render(c: Comparison, format: Format, options: { color: boolean; width: number }): string {
  if (format === 'json') return renderJSON(c, { generatedBy: `crosscheck ${packageVersion()}` });
  if (format === 'markdown') return renderMarkdown(c);
  if (format === 'html') return renderHTML(c);
  return renderText(c, options);
}

/** Batch messages, then each article's, in input order; --quiet keeps warnings and errors. */
function visibleMessages(c: Comparison, quiet: boolean): Message[] {
  const all = [...c.messages, ...c.articles.flatMap((a) => a.messages)];
  return quiet ? all.filter((m) => m.severity !== 'info') : all;
}

const INPUT_FORMATS: readonly string[] = ['text', 'jsonl', 'html', 'feed', 'warc'];

export function isInputFormat(s: string): s is InputFormat {
  return INPUT_FORMATS.includes(s);
}

export function usageError(io: CliIO, reason: string, command?: string): number {
  const hint = command ? `run crosscheck ${command} --help` : 'run crosscheck --help';
  writeMessages(io, [message('CC502', reason, { hint })]);
  return EXIT.usage;
}
