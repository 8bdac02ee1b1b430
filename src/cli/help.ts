/** Help texts. Each command's text lists its options and the exit codes it can return. */

export const EXIT = {
  ok: 0,
  /** No input could be read (CC501), or the demo corpus is missing (CC504). */
  noInput: 2,
  /** Usage error: unknown command or option, bad option value, missing inputs (CC502). */
  usage: 64,
  /** A bug in crosscheck (an exception escaped). */
  internal: 70,
  /** The --output file could not be written (CC503). */
  cantCreate: 73,
} as const;

const EXIT_CODES = `Exit codes:
  0   done: at least one article was read (problems with other inputs are printed as messages)
  2   no input could be read (CC501); the messages above it say why for each input
  64  usage error: unknown command or option, bad option value, or no inputs (CC502)
  70  internal error: a bug in crosscheck; please report it with the input
  73  the --output file could not be written (CC503)`;

const REPORT_OPTIONS = `Report options:
  --json              the report as JSON (schema "crosscheck/1"): every label with its evidence
  --markdown          the report as Markdown, to paste into a document
  --color, --no-color colour the terminal report or not (default: when stdout is a terminal;
                      NO_COLOR turns it off, FORCE_COLOR on)
  --width N           wrap the terminal report to N columns (default: 100, or the terminal's width)
  -o, --output FILE   write the report to FILE instead of standard output
  -q, --quiet         print only warnings and errors on standard error, not info messages
  -h, --help          this help`;

export const GENERAL_HELP = `crosscheck: how each outlet tells the same story.

Reads news articles, removes boilerplate and repairs damaged text, groups the articles into
stories, finds who copies whom, lines up their claims into facts (corroborated, single-source,
disputed) and profiles how each is written. Every label points to the exact words behind it.

Usage:
  crosscheck compare INPUT... [options]   compare articles from files, directories or "-" (stdin)
  crosscheck demo [options]               run compare on the bundled example corpus
  crosscheck help [COMMAND]               help for a command
  crosscheck --version                    the version

Run "crosscheck COMMAND --help" for a command's options.

Messages go to standard error, one per line: CODE severity input: what happened (what to do).
The report goes to standard output (or --output FILE).

${EXIT_CODES}
`;

export const COMPARE_HELP = `Usage: crosscheck compare INPUT... [options]

Compares news articles. An INPUT is a file (.txt, .text, .md, or .jsonl with one article per line),
a directory (read recursively), or "-" for standard input. Inputs that cannot be read are reported
as messages and the rest are compared.

Input options:
  --format text|jsonl  read every input as this format instead of guessing from its name
  --max-bytes N        largest input accepted per document, in bytes (default 8388608)
  --max-chars N        longest cleaned article text kept, in characters (default 1000000)

${REPORT_OPTIONS}

Examples:
  crosscheck compare a.txt b.txt
  crosscheck compare articles/ --markdown -o report.md
  cat feed.jsonl | crosscheck compare - --format jsonl --json

${EXIT_CODES}
`;

export const DEMO_HELP = `Usage: crosscheck demo [options]

Runs "crosscheck compare" on the example corpus bundled with crosscheck (examples/corpus/):
a small set of articles invented for this project, written to show every part of the report.

${REPORT_OPTIONS}

${EXIT_CODES}
`;
