/**
 * The command line: `main(argv, io?)` dispatches to one file per command and returns the exit
 * code (bin/crosscheck.js sets it). New commands (ingest, stories, serve...) add an entry to
 * COMMANDS. An exception that escapes a command is a bug: it is printed and exits 70.
 */
import { compareCommand, usageError } from './compare.js';
import { demoCommand } from './demo.js';
import { COMPARE_HELP, DEMO_HELP, EXIT, GENERAL_HELP } from './help.js';
import { packageVersion, processIO, type CliIO } from './io.js';

interface Command {
  help: string;
  run(argv: readonly string[], io: CliIO): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  compare: { help: COMPARE_HELP, run: compareCommand },
  demo: { help: DEMO_HELP, run: demoCommand },
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
