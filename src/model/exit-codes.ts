/**
 * The command line's exit codes: one table for the CLI (src/cli uses EXIT), its help texts and
 * docs/errors.md (generated from EXIT_CODES). Values follow BSD sysexits where one fits.
 */
export const EXIT = {
  ok: 0,
  /** No input could be read (CC501), the demo corpus is missing (CC504), or nothing to show (CC704, CC705). */
  noInput: 2,
  /**
   * Batch commands (ingest, extract, worker --drain): some records failed (each a message), the
   * rest was processed. compare and demo exit 0 instead when they made a report (issue 2).
   */
  partial: 3,
  /** Usage error: unknown command or option, bad option value, missing inputs (CC502). */
  usage: 64,
  /** A bug in crosscheck (an exception escaped). */
  internal: 70,
  /** The --output file could not be written (CC503). */
  cantCreate: 73,
  /** The database could not be opened, reached or written (CC601-CC606). */
  database: 74,
} as const;

export const EXIT_CODES = [
  { code: EXIT.ok, name: 'ok', meaning: 'the job ran; inputs that could not be read are reported as messages on standard error' },
  { code: EXIT.noInput, name: 'nothing-read', meaning: 'no input could be read (CC501), or nothing to show: no database, story or article (CC704, CC705)' },
  { code: EXIT.partial, name: 'partial', meaning: 'ingest, extract and worker --drain: some records failed (each is a message on standard error) and the rest was processed. compare and demo do not use it: they exit 0 when at least one input was read and the report was made, their unread inputs being messages' },
  { code: EXIT.usage, name: 'usage', meaning: 'unknown command or option, bad option value, or a missing argument (CC502)' },
  { code: EXIT.internal, name: 'internal', meaning: 'a bug in crosscheck: please report it with the input' },
  { code: EXIT.cantCreate, name: 'cant-create', meaning: 'the --output file could not be written (CC503)' },
  { code: EXIT.database, name: 'database', meaning: 'the database could not be opened, reached or written (CC601-CC606)' },
] as const;
