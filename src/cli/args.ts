/**
 * A small argument parser (no dependency): long options ("--json", "--max-bytes 10", "--max-bytes=10"),
 * a few short aliases ("-o FILE", "-h"), "--" to end options, and "-" as a positional (standard
 * input). Unknown options and missing values are results, not exceptions, so the caller can print
 * a CC502 message and exit 64.
 */
export interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface ParsedArgs {
  /** Booleans are true when given; strings hold the last value given. */
  values: Record<string, string | boolean>;
  positionals: string[];
}

export type ParseResult = { ok: true; args: ParsedArgs } | { ok: false; error: string };

export function parseArgs(argv: readonly string[], specs: OptionSpecs): ParseResult {
  const shorts = new Map(Object.entries(specs).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      if (eq >= 0) inline = arg.slice(eq + 1);
    } else {
      const long = shorts.get(arg.slice(1));
      if (!long) return { ok: false, error: `unknown option ${arg}` };
      name = long;
    }
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) return { ok: false, error: `unknown option --${name}` };
    if (spec.type === 'boolean') {
      if (inline !== undefined) return { ok: false, error: `option --${name} takes no value` };
      values[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('-') && value !== '-')) {
      return { ok: false, error: `option --${name} needs a value` };
    }
    values[name] = value;
  }
  return { ok: true, args: { values, positionals } };
}

/** A whole number >= 1 from an option value, or an error text. */
export function positiveInteger(name: string, value: string): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = value.trim();
  // Allow "8MB"-free plain integers only: a unit suffix would be ambiguous (MB or MiB).
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1 || !Number.isSafeInteger(Number(trimmed))) {
    return { ok: false, error: `--${name} needs a whole number of 1 or more, not "${value}"` };
  }
  return { ok: true, value: Number(trimmed) };
}

/** A whole number >= 0 from an option value (0 turns a bound off), or an error text. */
export function nonNegativeInteger(name: string, value: string): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(Number(trimmed))) {
    return { ok: false, error: `--${name} needs a whole number of 0 or more, not "${value}"` };
  }
  return { ok: true, value: Number(trimmed) };
}

/** The resource limits compare, extract and ingest take (issue 9); each sets a Context field. */
export const LIMIT_SPECS: OptionSpecs = {
  'max-bytes': { type: 'string' },
  'max-chars': { type: 'string' },
  'max-decompressed': { type: 'string' },
  'time-limit-ms': { type: 'string' },
};

export interface Limits {
  maxBytes?: number;
  maxChars?: number;
  maxDecompressed?: number;
  timeLimitMs?: number;
}

/** The limits given on the command line, or the first bad value. */
export function limitsOf(values: ParsedArgs['values']): { ok: true; limits: Limits } | { ok: false; error: string } {
  const limits: Limits = {};
  for (const [flag, key] of [['max-bytes', 'maxBytes'], ['max-chars', 'maxChars'], ['max-decompressed', 'maxDecompressed'], ['time-limit-ms', 'timeLimitMs']] as const) {
    const value = values[flag];
    if (typeof value !== 'string') continue;
    const n = key === 'timeLimitMs' ? nonNegativeInteger(flag, value) : positiveInteger(flag, value);
    if (!n.ok) return n;
    limits[key] = n.value;
  }
  return { ok: true, limits };
}
