/** `crosscheck article ID`: one stored article's profile with its evidence, by the report renderers. */
import { message, type Comparison } from '../model/index.js';
import { renderJSON } from '../report/json.js';
import { versionStoreFor } from '../store/versions.js';
import { versionsText } from '../watch/render.js';
import { DEFAULT_WIDTH, renderText } from '../report/text.js';
import { parseArgs, type OptionSpecs } from './args.js';
import { usageError } from './compare.js';
import { DB_SPECS, withDb } from './db-options.js';
import { ARTICLE_HELP, EXIT } from './help.js';
import { packageVersion, wantsColor, writeMessages, type CliIO } from './io.js';

const SPECS: OptionSpecs = { ...DB_SPECS, json: { type: 'boolean' }, color: { type: 'boolean' }, 'no-color': { type: 'boolean' }, versions: { type: 'boolean' } };

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
    const versions = values['versions'] === true ? await versionStoreFor(store).versionsOfArticle(id) : null;
    if (values['json']) {
      const report = JSON.parse(renderJSON(c, { generatedBy: `crosscheck ${packageVersion()}` })) as Record<string, unknown>;
      io.stdout.write(JSON.stringify({ ...report, storyId, ...(versions !== null ? { versions } : {}) }, null, 2) + '\n');
      return EXIT.ok;
    }
    const color = wantsColor(io, { color: values['color'] === true, noColor: values['no-color'] === true });
    if (versions !== null) {
      // The versions alone: the profile is the usual view's.
      io.stdout.write(versions.length === 0 ? `article ${id} has one version: it is not from a page crosscheck watch follows\n` : `${versions.length} version${versions.length === 1 ? '' : 's'} of ${versions[0]!.url}\n\n${versionsText(versions, color)}`);
      return EXIT.ok;
    }
    if (storyId) io.stdout.write(`story: ${storyId} (crosscheck story ${storyId})\n`);
    const width = io.isTTY && io.columns ? Math.min(io.columns, DEFAULT_WIDTH) : DEFAULT_WIDTH;
    io.stdout.write(renderText(c, { color, width }));
    return EXIT.ok;
  });
}
