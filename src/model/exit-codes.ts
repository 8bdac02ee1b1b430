/** The command line's exit codes (documented in docs/errors.md and `crosscheck --help`). */
export const EXIT_CODES = [
  { code: 0, name: 'ok', meaning: 'the job ran; inputs that could not be read are reported as messages on standard error' },
  { code: 2, name: 'nothing-read', meaning: 'no input could be read (CC501); see the messages for each input' },
  { code: 64, name: 'usage', meaning: 'unknown command or option, or a missing argument (CC502)' },
  { code: 70, name: 'internal', meaning: 'a bug in crosscheck: please report it with the input' },
] as const;

export const EXIT = { ok: 0, nothingRead: 2, usage: 64, internal: 70 } as const;
