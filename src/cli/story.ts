/**
 * `crosscheck story ID`: the story report of `compare` (facts, coverage by outlet, reuse,
 * profiles) for one stored story (the collection's storyReport), rendered by the same renderers.
 */
import { message } from '../model/index.js';
import { storyReport } from '../collection/index.js';
import { renderJSON } from '../report/json.js';
import { renderHTML } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { DEFAULT_WIDTH, renderText } from '../report/text.js';
import { parseArgs, positiveInteger, type OptionSpecs } from './args.js';
import { usageError } from './compare.js';
import { DB_SPECS, withDb } from './db-options.js';
import { EXIT, STORY_HELP } from './help.js';
import { packageVersion, wantsColor, writeMessages, writeReport, type CliIO } from './io.js';

const SPECS: OptionSpecs = {
  ...DB_SPECS,
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  html: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  width: { type: 'string' },
};

export async function storyCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError(io, parsed.error, 'story');
  const { values, positionals } = parsed.args;
  if (values['help']) {
    io.stdout.write(STORY_HELP);
    return EXIT.ok;
  }
  const [id, extra] = positionals;
  if (id === undefined || extra !== undefined) return usageError(io, 'give one story id (see crosscheck stories)', 'story');
  if ([values['json'], values['markdown'], values['html']].filter(Boolean).length > 1) return usageError(io, 'give one of --json, --markdown or --html', 'story');
  let width = io.isTTY && io.columns ? Math.min(io.columns, DEFAULT_WIDTH) : DEFAULT_WIDTH;
  if (typeof values['width'] === 'string') {
    const n = positiveInteger('width', values['width']);
    if (!n.ok) return usageError(io, n.error, 'story');
    width = n.value;
  }
  return withDb(values, io, true, async (store) => {
    // A stale story (ingest leaves them for their first view) is analyzed now and kept.
    const c = await storyReport(store, id);
    if (!c) {
      writeMessages(io, [message('CC705', `no story "${id}" in the database`)]);
      return EXIT.noInput;
    }
    writeMessages(io, c.messages);
    const output = typeof values['output'] === 'string' ? values['output'] : null;
    const text = values['json']
      ? renderJSON(c, { generatedBy: `crosscheck ${packageVersion()}` })
      : values['markdown']
        ? renderMarkdown(c)
        : values['html']
          ? renderHTML(c)
          : renderText(c, { color: output === null && wantsColor(io, { color: values['color'] === true, noColor: values['no-color'] === true }), width });
    return writeReport(io, output, text);
  });
}
