/**
 * The command line: `main(argv, io?)` dispatches to one file per command and returns the exit
 * code (bin/crosscheck.js sets it). New commands (ingest, stories, serve...) add an entry to
 * COMMANDS. An exception that escapes a command is a bug: it is printed and exits 70.
 */
import { classifyCommand } from './classify.js';
import { claimsCommand } from './claims.js';
import { compareCommand, usageError } from './compare.js';
import { demoCommand } from './demo.js';
import { extractCommand } from './extract.js';
import { CLAIMS_HELP, CLASSIFY_HELP, COMPARE_HELP, DEMO_HELP, EXIT, EXTRACT_HELP, GENERAL_HELP, STANCE_HELP } from './help.js';
import { packageVersion, processIO, type CliIO } from './io.js';
import { stanceCommand } from './stance.js';
import { ARTICLE_HELP, EXPORT_HELP, INGEST_HELP, SEARCH_HELP, SERVE_HELP, STORIES_HELP, STORY_HELP } from './help.js';
import { serveCommand } from './serve.js';
import { articleCommand } from './article.js';
import { exportCommand } from './export.js';
import { ingestCommand } from './ingest.js';
import { searchCommand } from './search.js';
import { storiesCommand } from './stories.js';
import { storyCommand } from './story.js';
import { WORKER_HELP, workerCommand } from './worker.js';
import { STATUS_HELP, statusCommand } from './status.js';
import { WATCH_HELP, watchCommand } from './watch.js';

interface Command {
  help: string;
  run(argv: readonly string[], io: CliIO): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  classify: { help: CLASSIFY_HELP, run: classifyCommand },
  claims: { help: CLAIMS_HELP, run: claimsCommand },
  compare: { help: COMPARE_HELP, run: compareCommand },
  demo: { help: DEMO_HELP, run: demoCommand },
  extract: { help: EXTRACT_HELP, run: extractCommand },
  stance: { help: STANCE_HELP, run: stanceCommand },
  ingest: { help: INGEST_HELP, run: ingestCommand },
  stories: { help: STORIES_HELP, run: storiesCommand },
  story: { help: STORY_HELP, run: storyCommand },
  article: { help: ARTICLE_HELP, run: articleCommand },
  search: { help: SEARCH_HELP, run: searchCommand },
  export: { help: EXPORT_HELP, run: exportCommand },
  worker: { help: WORKER_HELP, run: workerCommand },
  status: { help: STATUS_HELP, run: statusCommand },
  watch: { help: WATCH_HELP, run: watchCommand },
  serve: { help: SERVE_HELP, run: (argv, io) => serveCommand(argv, io) },
};

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    io.stderr.write(`crosscheck: internal error (a bug; please report it with the input): ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    return EXIT.internal;
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(GENERAL_HELP);
    return usageError(io, 'no command given');
  }
  if (first === '--help' || first === '-h') {
    io.stdout.write(GENERAL_HELP);
    return EXIT.ok;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout.write(GENERAL_HELP);
      return EXIT.ok;
    }
    const command = Object.hasOwn(COMMANDS, topic) ? COMMANDS[topic] : undefined;
    if (!command) return usageError(io, `unknown command "${topic}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
    io.stdout.write(command.help);
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V' || first === '-v') {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) {
    if (first.startsWith('-')) return usageError(io, `unknown option ${first} (options go after the command)`);
    return usageError(io, `unknown command "${first}"; commands: ${Object.keys(COMMANDS).join(', ')}`);
  }
  return command.run(rest, io);
}
