/** `crosscheck article ID`: one stored article's profile with its evidence, by the report renderers. */
import { message, type Comparison } from '../model/index.js';
import { renderJSON } from '../report/json.js';
import { DEFAULT_WIDTH, renderText } from '../report/text.js';
import { parseArgs, type OptionSpecs } from './args.js';
import { usageError } from './compare.js';
import { DB_SPECS, withDb } from './db-options.js';
import { ARTICLE_HELP, EXIT } from './help.js';
import { packageVersion, wantsColor, writeMessages, type CliIO } from './io.js';

const SPECS: OptionSpecs = { ...DB_SPECS, json: { type: 'boolean' }, color: { type: 'boolean' }, 'no-color': { type: 'boolean' } };

export async function articleCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError(io, parsed.error, 'article');
  const { values, positionals } = parsed.args;
  if (values['help']) {
    io.stdout.write(ARTICLE_HELP);
    return EXIT.ok;
  }
  const [id, extra] = positionals;
  if (id === undefined || extra !== undefined) return usageError(io, 'give one article id (see crosscheck search or crosscheck export)', 'article');
  return withDb(values, io, true, async (store) => {
    const article = await store.getArticle(id);
    if (!article) {
      writeMessages(io, [message('CC705', `no article "${id}" in the database`)]);
      return EXIT.noInput;
    }
    const storyId = (await store.storyOf([id])).get(id) ?? null;
    const c: Comparison = { articles: [article], stories: [], messages: [] };
    if (values['json']) {
      const report = JSON.parse(renderJSON(c, { generatedBy: `crosscheck ${packageVersion()}` })) as Record<string, unknown>;
      io.stdout.write(JSON.stringify({ ...report, storyId }, null, 2) + '\n');
      return EXIT.ok;
    }
    if (storyId) io.stdout.write(`story: ${storyId} (crosscheck story ${storyId})\n`);
    const width = io.isTTY && io.columns ? Math.min(io.columns, DEFAULT_WIDTH) : DEFAULT_WIDTH;
    io.stdout.write(renderText(c, { color: wantsColor(io, { color: values['color'] === true, noColor: values['no-color'] === true }), width }));
    return EXIT.ok;
  });
}
