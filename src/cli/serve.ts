/**
 * `crosscheck serve [--db PATH] [--host 127.0.0.1] [--port 8080] [--token T]`: the web app and
 * HTTP API (src/server) over the database until interrupted. Writes (ingest from the page or
 * POST /api/articles) need the token (--token or CROSSCHECK_TOKEN); without one the server is
 * read-only. Binding beyond loopback with writes needs a token of at least 16 characters.
 */
import { message } from '../model/index.js';
import { isLoopbackHost } from '../server/security.js';
import { SERVE_DEFAULTS, startServer } from '../server/server.js';
import { parseArgs, positiveInteger, type OptionSpecs } from './args.js';
import { usageError } from './compare.js';
import { DB_SPECS, openDb } from './db-options.js';
import { EXIT, SERVE_HELP } from './help.js';
import { writeMessages, type CliIO } from './io.js';

const SPECS: OptionSpecs = {
  ...DB_SPECS,
  host: { type: 'string' },
  port: { type: 'string' },
  token: { type: 'string' },
  'max-body': { type: 'string' },
  'cache-seconds': { type: 'string' },
};

/** Exit code when the server cannot listen (port in use, address not ours): sysexits EX_OSERR. */
export const EXIT_LISTEN = 71;

/** Shortest token accepted when the server is reachable from other machines. */
export const MIN_REMOTE_TOKEN = 16;

export interface ServeHooks {
  /** Resolves when the server should stop (default: SIGINT or SIGTERM). */
  until?: Promise<void>;
  /** Called with the address once the server listens. */
  onListening?: (url: string) => void;
}

export async function serveCommand(argv: readonly string[], io: CliIO, hooks: ServeHooks = {}): Promise<number> {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) return usageError(io, parsed.error, 'serve');
  const { values, positionals } = parsed.args;
  if (values['help']) {
    io.stdout.write(SERVE_HELP);
    return EXIT.ok;
  }
  if (positionals.length) return usageError(io, `serve takes no arguments (got "${positionals[0]}")`, 'serve');
  const host = typeof values['host'] === 'string' ? values['host'].trim() : SERVE_DEFAULTS.host;
  let port: number = SERVE_DEFAULTS.port;
  if (typeof values['port'] === 'string') {
    const v = values['port'].trim();
    if (!/^\d{1,5}$/.test(v) || Number(v) > 65535) return usageError(io, `--port needs a port number (0-65535; 0 picks a free one), not "${v}"`, 'serve');
    port = Number(v);
  }
  let maxBody: number = SERVE_DEFAULTS.maxBody;
  if (typeof values['max-body'] === 'string') {
    const n = positiveInteger('max-body', values['max-body']);
    if (!n.ok) return usageError(io, n.error, 'serve');
    maxBody = n.value;
  }
  let cacheSeconds: number = SERVE_DEFAULTS.cacheSeconds;
  if (typeof values['cache-seconds'] === 'string') {
    const v = values['cache-seconds'].trim();
    if (!/^\d{1,5}$/.test(v)) return usageError(io, `--cache-seconds needs a whole number of seconds (0 turns the cache off), not "${v}"`, 'serve');
    cacheSeconds = Number(v);
  }
  const env = (io.env ?? process.env) as NodeJS.ProcessEnv;
  const token = (typeof values['token'] === 'string' ? values['token'] : env['CROSSCHECK_TOKEN'] ?? '').trim() || null;
  const loopback = isLoopbackHost(host);
  if (!loopback && token !== null && token.length < MIN_REMOTE_TOKEN) {
    writeMessages(io, [message('CC909', `--host ${host} is reachable from other machines: the write token must be at least ${MIN_REMOTE_TOKEN} characters`, { hint: 'use a long random token (openssl rand -hex 24), or bind 127.0.0.1' })]);
    return EXIT.usage;
  }
  const opened = await openDb(values, io, token === null);
  if (!opened.ok) return opened.code;
  const { store, location } = opened;
  let running;
  try {
    running = await startServer({ store, token, host, port, maxBody, cacheSeconds, log: (line) => io.stderr.write(line + '\n') });
  } catch (err) {
    await store.close();
    writeMessages(io, [message('CC909', `could not listen on ${host}:${port} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`)]);
    return EXIT_LISTEN;
  }
  io.stderr.write(`crosscheck serve: ${location} on ${running.url} (${token ? 'writes need the token' : 'read-only: start with --token or CROSSCHECK_TOKEN to add articles'})\n`);
  if (!loopback) io.stderr.write(`crosscheck serve: listening on ${host}, beyond loopback: anyone who can reach it can read the database\n`);
  hooks.onListening?.(running.url);
  await (hooks.until ?? untilSignal());
  await running.close();
  await store.close();
  return EXIT.ok;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
