/**
 * The whole job for a handful of inputs: read -> extract -> analyze -> compare.
 * Bad inputs become messages; the rest of the batch goes on.
 */
import { DEFAULT_CONTEXT, message, toArticle, type Article, type Comparison, type Context, type Message, type SourceRecord } from '../model/index.js';
import { readInputs, type ReadOptions } from '../read/index.js';
import { extract, noArticleIn } from '../extract/index.js';
import { analyze } from '../analyze/index.js';
import { compareArticles } from './compare.js';

/** Cleans and analyses one source record into an article. */
export function processSource(source: SourceRecord, ctx: Context = DEFAULT_CONTEXT): Article {
  // The time bound on the calling thread: checked between stages (a worker is stopped instead, src/ingest/pool.ts).
  const deadline = ctx.timeLimitMs > 0 ? performance.now() + ctx.timeLimitMs : Infinity;
  return toArticle(analyze(extract(source, ctx), ctx, deadline));
}

/** Cleans and analyses a text given directly (for library users). */
export function analyzeText(text: string, fields: SourceRecord['record'] & { uri?: string } = {}, ctx: Context = DEFAULT_CONTEXT): Article {
  const { uri = 'text', ...record } = fields;
  return processSource({ uri, format: 'text', raw: text, record, messages: [] }, ctx);
}

export interface RunOptions extends Partial<Context> {
  format?: ReadOptions['format'];
  /** Fetch URL inputs that resolve to private addresses. */
  allowPrivate?: boolean;
  stdin?: NodeJS.ReadableStream;
}

/** Reads the inputs and processes every article; duplicates (same content) are kept once. */
export async function readArticles(inputs: readonly string[], options: RunOptions = {}): Promise<{ articles: Article[]; messages: Message[] }> {
  const ctx: Context = { ...DEFAULT_CONTEXT, ...pick(options) };
  const readOptions: ReadOptions = { maxBytes: ctx.maxBytes, maxDecompressed: ctx.maxDecompressed };
  if (options.format) readOptions.format = options.format;
  if (options.stdin) readOptions.stdin = options.stdin;
  if (options.allowPrivate) readOptions.allowPrivate = true;
  const articles: Article[] = [];
  const messages: Message[] = [];
  const seen = new Map<string, string>();
  for await (const item of readInputs(inputs, readOptions)) {
    if (item.kind === 'problem') {
      messages.push(item.message);
      continue;
    }
    const article = processSource(item.source, ctx);
    const none = noArticleIn(article);
    if (none) {
      messages.push(none);
      continue;
    }
    const first = seen.get(article.contentHash);
    if (first !== undefined) {
      messages.push(message('CC111', `${article.uri} has the same content as ${first}; read once`, { uri: article.uri }));
      continue;
    }
    seen.set(article.contentHash, article.uri);
    articles.push(article);
  }
  return { articles, messages };
}

/** The `compare` job: read, clean, analyze and compare the inputs. */
export async function compare(inputs: readonly string[], options: RunOptions = {}): Promise<Comparison> {
  const { articles, messages } = await readArticles(inputs, options);
  return compareAll(articles, messages);
}

/** Compares already processed articles. */
export async function compareAll(articles: Article[], messages: Message[] = []): Promise<Comparison> {
  const result = await compareArticles(articles);
  return { articles, stories: result.stories, messages: [...messages, ...result.messages] };
}

function pick(options: RunOptions): Partial<Context> {
  const out: Partial<Context> = {};
  if (options.maxBytes !== undefined) out.maxBytes = options.maxBytes;
  if (options.maxChars !== undefined) out.maxChars = options.maxChars;
  if (options.maxDecompressed !== undefined) out.maxDecompressed = options.maxDecompressed;
  if (options.timeLimitMs !== undefined) out.timeLimitMs = options.timeLimitMs;
  return out;
}
