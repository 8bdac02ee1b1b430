/**
 * Request and response helpers: bodies read with a size limit (CC901, 413), JSON and HTML
 * answers with the security headers, and HttpError, a coded refusal that the server turns
 * into `{ status, error: Message }` (or an error page). Anything else thrown is a bug: it is
 * logged and answered with CC908 and no details.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { message, type Message, type MessageCode } from '../model/index.js';
import { securityHeaders } from './security.js';

export class HttpError extends Error {
  readonly status: number;
  readonly problem: Message;
  readonly headers: Record<string, string>;

  constructor(status: number, code: MessageCode, reason: string, options: { hint?: string; headers?: Record<string, string> } = {}) {
    super(`${code} ${reason}`);
    this.name = 'HttpError';
    this.status = status;
    this.problem = message(code, reason, options.hint === undefined ? {} : { hint: options.hint });
    this.headers = options.headers ?? {};
  }
}

export const badRequest = (reason: string, hint?: string): HttpError => new HttpError(400, 'CC902', reason, hint === undefined ? {} : { hint });

/** The JSON body of a coded error: the same Message fields the CLI prints, plus the HTTP status. */
export function errorBody(status: number, problem: Message): { status: number; error: Message } {
  return { status, error: problem };
}

/**
 * A look at the start of a body before the rest is buffered: `check` gets the first `bytes`
 * bytes (or the whole body when shorter, with `whole` true) and throws an HttpError to refuse.
 * The form's write token is checked so, before megabytes of upload are held.
 */
export interface BodyGate {
  bytes: number;
  check: (head: Buffer, whole: boolean) => void;
}

/**
 * Reads the whole body, refusing (413, CC901) past `limit` bytes, or when `gate` refuses its
 * start. Past a refusal the rest is read and dropped, not buffered: destroying the request would
 * take the socket, and the answer with it, away before the client could read it.
 */
export function readBody(req: IncomingMessage, limit: number, gate?: BodyGate): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let total = 0;
    let failed = false;
    let gated = gate === undefined;
    const pass = (whole: boolean): boolean => {
      if (gated || !gate) return true;
      gated = true;
      try {
        gate.check(Buffer.concat(parts, total), whole);
        return true;
      } catch (error) {
        failed = true;
        parts.length = 0;
        reject(error);
        return false;
      }
    };
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      total += chunk.length;
      if (total > limit) {
        failed = true;
        parts.length = 0;
        reject(tooLarge(limit));
        return;
      }
      parts.push(chunk);
      if (gate && total >= gate.bytes) pass(false);
    });
    req.on('end', () => {
      if (!failed && pass(true)) resolve(Buffer.concat(parts, total));
    });
    req.on('error', (e) => {
      if (failed) return;
      failed = true;
      reject(new HttpError(400, 'CC902', `the request body could not be read (${e.message})`));
    });
  });
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'CC901', `the request body is over the limit of ${limit} bytes`);
}

/** The media type of the request, lower-cased, without parameters. */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** A parameter of the Content-Type header ("boundary", "charset"), unquoted. */
export function mediaParameter(req: IncomingMessage, name: string): string | null {
  const header = req.headers['content-type'] ?? '';
  for (const p of header.split(';').slice(1)) {
    const eq = p.indexOf('=');
    if (eq < 0) continue;
    if (p.slice(0, eq).trim().toLowerCase() !== name) continue;
    const v = p.slice(eq + 1).trim();
    return v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1) : v;
  }
  return null;
}

/** True when the client asked for JSON: ?format=json, or an Accept header preferring it to HTML. */
export function wantsJson(req: IncomingMessage, query: URLSearchParams): boolean {
  const format = query.get('format');
  if (format === 'json') return true;
  if (format === 'html') return false;
  const accept = (req.headers.accept ?? '').toLowerCase();
  return accept.includes('application/json') && !accept.includes('text/html');
}

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...securityHeaders(), 'content-type': type, 'content-length': String(buf.length), ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : buf);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value, null, 2) + '\n', { 'cache-control': 'no-store', ...headers });
}

export function sendHtml(res: ServerResponse, status: number, page: { value: string }, headers: Record<string, string> = {}): void {
  send(res, status, 'text/html; charset=utf-8', page.value, { 'cache-control': 'no-store', ...headers });
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { ...securityHeaders(), location, 'content-length': '0' });
  res.end();
}
