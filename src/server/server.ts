/**
 * `crosscheck serve`: the web app and the HTTP API on node:http. One dispatcher: the Host
 * check (loopback servers answer loopback names only), the route, then the handler; every
 * refusal is a coded error (JSON under /api and for JSON clients, else an error page), and
 * anything unexpected is logged here and answered with CC908, never with its stack.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { message } from '../model/index.js';
import { isStoreError, type Store } from '../store/index.js';
import { registerApi } from './api.js';
import type { ServerContext } from './context.js';
import { HttpError, errorBody, sendHtml, sendJson, wantsJson } from './http.js';
import { errorPage } from './layout.js';
import { registerPages } from './pages.js';
import { Router } from './router.js';
import { isAllowedHostHeader, isLoopbackHost } from './security.js';
import { WriteLock } from './write-lock.js';
import { PageCache } from './page-cache.js';

export const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  /** Largest request body: room for a few large pages or a JSONL batch of a few hundred articles. */
  maxBody: 16 * 1024 * 1024,
  /** Slow clients cannot hold a connection for ever (slowloris). */
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 20_000,
  keepAliveTimeoutMs: 5_000,
  /** Rendered answers are kept (until what they show changes); 0 turns the cache off. */
  cacheSeconds: 2,
} as const;

export interface ServeOptions {
  store: Store;
  token?: string | null;
  host?: string;
  port?: number;
  maxBody?: number;
  /** 0: keep no rendered answer; any other value: keep them while what they show is unchanged (see page-cache.ts). */
  cacheSeconds?: number;
  log?: (line: string) => void;
}

export interface RunningServer {
  server: Server;
  /** http://host:port, with the port actually bound (an ephemeral one when port 0 was asked). */
  url: string;
  close(): Promise<void>;
}

export function createApp(options: ServeOptions, boundToLoopback: boolean): (req: IncomingMessage, res: ServerResponse) => void {
  const ctx: ServerContext = {
    store: options.store,
    token: options.token ? options.token : null,
    lock: new WriteLock(),
    cache: new PageCache((options.cacheSeconds ?? SERVE_DEFAULTS.cacheSeconds) > 0),
    pending: new Map(),
    maxBody: options.maxBody ?? SERVE_DEFAULTS.maxBody,
    log: options.log ?? ((line) => process.stderr.write(line + '\n')),
  };
  const router = new Router();
  registerApi(router, ctx);
  registerPages(router, ctx);
  return (req, res) => {
    void handle(req, res, router, ctx, boundToLoopback);
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, router: Router, ctx: ServerContext, boundToLoopback: boolean): Promise<void> {
  let path = '/';
  let query = new URLSearchParams();
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    path = url.pathname;
    query = url.searchParams;
    if (!isAllowedHostHeader(req.headers.host, boundToLoopback)) {
      throw new HttpError(421, 'CC910', `this server answers loopback names only, not "${(req.headers.host ?? '').slice(0, 80)}"`);
    }
    const { handler, params } = router.match(req.method ?? 'GET', path);
    await handler({ req, res, params, query, path });
  } catch (err) {
    respondError(req, res, err, ctx, path, query);
  }
}

function respondError(req: IncomingMessage, res: ServerResponse, err: unknown, ctx: ServerContext, path: string, query: URLSearchParams): void {
  let status: number;
  let problem;
  let headers: Record<string, string> = {};
  if (err instanceof HttpError) {
    status = err.status;
    problem = err.problem;
    headers = err.headers;
  } else if (isStoreError(err)) {
    status = err.code === 'CC603' ? 503 : 500;
    // The store's own message names the database (its --db path or URL): the log has it, the
    // client gets the code and what to do, without where the database lives.
    problem = message(err.code, err.code === 'CC603' ? 'the database is busy with another writer; try again shortly' : `${req.method ?? 'GET'} ${path.slice(0, 200)}: the database could not be read or written`);
    ctx.log(`crosscheck serve: ${req.method} ${path}: ${err.message}`);
  } else {
    status = 500;
    problem = message('CC908', `${req.method ?? 'GET'} ${path.slice(0, 200)} failed`);
    ctx.log(`crosscheck serve: internal error on ${req.method} ${path}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // A refused body may still be arriving: answer, then close rather than read it all.
  if (status === 413 || status === 401 || status === 403) headers['connection'] = 'close';
  const json = path.startsWith('/api') || path === '/openapi.json' || wantsJson(req, query);
  if (json) sendJson(res, status, errorBody(status, problem), headers);
  else sendHtml(res, status, errorPage(status, problem, ctx.token !== null), headers);
  if (headers['connection'] === 'close') req.resume();
}

/** Starts the server; resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? SERVE_DEFAULTS.host;
  const server = createServer(
    { requestTimeout: SERVE_DEFAULTS.requestTimeoutMs, headersTimeout: SERVE_DEFAULTS.headersTimeoutMs, keepAliveTimeout: SERVE_DEFAULTS.keepAliveTimeoutMs },
    createApp(options, isLoopbackHost(host)),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? SERVE_DEFAULTS.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
