/**
 * `crosscheck extract INPUT... [--format text|json|jsonl]`: reads and cleans each input (pages,
 * feeds, WARC files, URLs, texts, JSONL) and prints what was extracted, without storing or
 * comparing: uri, url, outlet, title, byline, authors, publishedAt, modifiedAt, lang, fields (where each
 * value came from, with a confidence), text and messages per article.
 */
import { DEFAULT_CONTEXT, message, toArticle, type Article, type Context, type Message } from '../model/index.js';
import { extract, noArticleIn } from '../extract/index.js';
import { readInputs, type ReadOptions } from '../read/index.js';
import { LIMIT_SPECS, limitsOf, parseArgs, positiveInteger, type OptionSpecs } from './args.js';
import { isInputFormat, usageError } from './compare.js';
import { EXIT, EXTRACT_HELP } from './help.js';
import { writeMessages, type CliIO } from './io.js';

const SPECS: OptionSpecs = {
  format: { type: 'string' },
  input: { type: 'string' },
  'allow-private': { type: 'boolean' },
  ...LIMIT_SPECS,
  timeout: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
};

type OutputFormat = 'text' | 'json' | 'jsonl';

/** The fields printed per article. */
function summary(a: Article): Record<string, unknown> {
  return {
    uri: a.uri, format: a.format, url: a.url, outlet: a.outlet, title: a.title, byline: a.byline, authors: a.authors ?? [], publishedAt: a.publishedAt,
    modifiedAt: a.modifiedAt ?? null, lang: a.lang, fields: a.fields, text: a.text, messages: a.messages,
  };
}

function asText(a: Article): string {
  const head = [`== ${a.uri}`, a.title && `title: ${a.title}`, a.byline && `byline: ${a.byline}`, a.publishedAt && `published: ${a.publishedAt}`, a.url && `url: ${a.url}`, a.outlet && `outlet: ${a.outlet}`];
  return `${head.filter(Boolean).join('\n')}\n\n${a.text}\n\n`;
}

export async function extractCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError(io, parsed.error, 'extract');
  const { values, positionals } = parsed.args;
  if (values['help']) {
    io.stdout.write(EXTRACT_HELP);
    return EXIT.ok;
  }
  if (!positionals.length) return usageError(io, 'no inputs given: name files, directories, URLs, or "-" for standard input', 'extract');
  const format = (values['format'] ?? 'text') as string;
  if (format !== 'text' && format !== 'json' && format !== 'jsonl') return usageError(io, `--format must be text, json or jsonl, not "${format}"`, 'extract');
  const ctx: Context = { ...DEFAULT_CONTEXT };
  const limits = limitsOf(values);
  if (!limits.ok) return usageError(io, limits.error, 'extract');
  Object.assign(ctx, limits.limits);
  const read: ReadOptions = { maxBytes: ctx.maxBytes, maxDecompressed: ctx.maxDecompressed };
  if (typeof values['timeout'] === 'string') {
    const n = positiveInteger('timeout', values['timeout']);
    if (!n.ok) return usageError(io, n.error, 'extract');
    read.fetchTimeoutMs = n.value * 1000;
  }
  const input = values['input'];
  if (typeof input === 'string') {
    if (!isInputFormat(input)) return usageError(io, `--input must be text, jsonl, html, feed or warc, not "${input}"`, 'extract');
    read.format = input;
  }
  if (values['allow-private']) read.allowPrivate = true;
  if (io.stdin) read.stdin = io.stdin;
  const quiet = values['quiet'] === true;
  const out = format as OutputFormat;
  const all: Record<string, unknown>[] = [];
  let articles = 0;
  const problems: Message[] = [];
  for await (const item of readInputs(positionals, read)) {
    if (item.kind === 'problem') {
      problems.push(item.message);
      writeMessages(io, [item.message]);
      continue;
    }
    const doc = extract(item.source, ctx);
    const none = noArticleIn(doc);
    if (none) {
      problems.push(none);
      writeMessages(io, quiet ? doc.messages.filter((m) => m.severity !== 'info') : doc.messages);
      continue;
    }
    const article = toArticle(doc);
    articles++;
    writeMessages(io, quiet ? article.messages.filter((m) => m.severity !== 'info') : article.messages);
    if (out === 'jsonl') io.stdout.write(JSON.stringify(summary(article)) + '\n');
    else if (out === 'json') all.push(summary(article));
    else io.stdout.write(asText(article));
  }
  if (out === 'json') io.stdout.write(JSON.stringify(all, null, 2) + '\n');
  if (articles === 0) {
    writeMessages(io, [message('CC501', `none of the ${positionals.length === 1 ? 'input' : `${positionals.length} inputs`} gave an article`)]);
    return EXIT.noInput;
  }
  // Some inputs or records could not be read (each printed above), the rest was extracted.
  return problems.some((m) => m.severity !== 'info') ? EXIT.partial : EXIT.ok;
}
