/**
 * URLs as input: the page is fetched with a time limit, a size limit and at most MAX_REDIRECTS
 * redirects, then read by its Content-Type (HTML page, feed, plain text). Addresses that are not
 * public (address.ts: private, loopback, link-local, CGNAT, multicast, and the IPv6 forms that
 * carry them) are refused (CC126) unless allowPrivate. The check is on the address of every
 * connection, redirects included: an IP literal in any spelling ("[::ffff:7f00:1]") before it is
 * connected to, a name inside the connection's own lookup (so a name that resolves to 127.0.0.1,
 * or changes between check and connect, is caught), and once more on the socket's remote address
 * when it connects, which covers any path that skipped the lookup.
 */
import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { canonicalAddress, isPrivateAddress, notPublicBecause } from './address.js';
import { charsetOfContentType } from './charset.js';
import { htmlFromBytes } from './html.js';
import { looksLikeFeed, readFeedText } from './feed.js';
import { problem, type ReadItem } from './item.js';
import { textFromBytes } from './text.js';
import { decodeBytes } from './decode.js';

export const FETCH_DEFAULTS = {
  timeoutMs: 15_000,
  maxRedirects: 5,
};

export interface FetchOptions {
  maxBytes: number;
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxRedirects?: number;
  /**
   * Addresses taken as public although they are not (any spelling; compared in canonical form).
   * Tests use it to let a server on 127.0.0.2 stand for a public site that redirects.
   */
  allowAddresses?: readonly string[];
  /** Extra request headers (conditional GET, a User-Agent of the caller's); they replace the defaults of the same name. */
  headers?: Readonly<Record<string, string>>;
}

/** True for inputs read as URLs. */
export function isUrlInput(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

export { isPrivateAddress };

class Refused extends Error {
  constructor(readonly address: string, readonly why: string) {
    super(`refused ${why} address ${address}`);
  }
}

/** Which addresses a fetch may connect to. */
interface AddressPolicy {
  allowPrivate: boolean;
  allowed: ReadonlySet<string>;
}

function policyOf(options: FetchOptions): AddressPolicy {
  const allowed = new Set<string>();
  for (const a of options.allowAddresses ?? []) {
    const c = canonicalAddress(a);
    if (c) allowed.add(c);
  }
  return { allowPrivate: options.allowPrivate === true, allowed };
}

/** Why a connection to `address` is refused, or null when it may go ahead. */
function refusal(address: string, policy: AddressPolicy): string | null {
  if (policy.allowPrivate) return null;
  const why = notPublicBecause(address);
  if (why === null) return null;
  const c = canonicalAddress(address);
  return c !== null && policy.allowed.has(c) ? null : why;
}

/** A lookup that refuses addresses that are not public (used by the connection itself). */
function guardedLookup(policy: AddressPolicy): LookupFunction {
  return ((hostname: string, options: object, callback: (err: Error | null, address: string | { address: string; family: number }[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as { address: string; family: number }[];
      for (const a of list) {
        const why = refusal(a.address, policy);
        if (why !== null) return callback(new Refused(a.address, why), '', 4);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 4);
      callback(null, first.address, first.family);
    });
  }) as LookupFunction;
}

/** An answer outside 2xx (304 Not Modified, 429, 503...) keeps its status and headers for callers that act on them (watch). */
type Fetched = { ok: true; url: string; contentType: string; body: Buffer; headers: IncomingHttpHeaders } | { ok: false; item: ReadItem; status?: number; headers?: IncomingHttpHeaders };

/** Fetches a URL, following redirects; every failure is a coded problem. */
export async function fetchUrl(input: string, options: FetchOptions): Promise<Fetched> {
  const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const deadline = Date.now() + timeoutMs;
  const policy = policyOf(options);
  let url = input;
  for (let hop = 0; ; hop++) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ok: false, item: problem('CC125', `${input}: "${url}" is not a valid URL`, input) };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, item: problem('CC125', `${input}: redirected to a ${parsed.protocol} URL`, input) };
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    // An IP literal is connected to as it is (no lookup): it is checked here, in any spelling.
    const literalWhy = isIP(host) ? refusal(host, policy) : null;
    if (literalWhy !== null) {
      return { ok: false, item: problem('CC126', `${url} is not a public address (${host}: ${literalWhy})`, input) };
    }
    const left = deadline - Date.now();
    if (left <= 0) return { ok: false, item: problem('CC127', `${input}: no answer within ${timeoutMs} ms`, input) };
    const res = await get(parsed, left, policy, options.headers);
    if (!res.ok) {
      if (res.error instanceof Refused) return { ok: false, item: problem('CC126', `${url} resolves to an address that is not public (${res.error.address}: ${res.error.why})`, input) };
      if (res.timedOut) return { ok: false, item: problem('CC127', `${input}: no answer within ${timeoutMs} ms`, input) };
      return { ok: false, item: problem('CC125', `${url} could not be fetched (${res.error.message})`, input) };
    }
    const status = res.response.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.response.headers.location) {
      res.response.resume();
      if (hop >= maxRedirects) return { ok: false, item: problem('CC127', `${input}: more than ${maxRedirects} redirects`, input, { hint: 'the site redirects in a loop or too often; pass the final address' }) };
      url = new URL(res.response.headers.location, url).href;
      continue;
    }
    if (status < 200 || status >= 300) {
      res.response.resume();
      return { ok: false, item: problem('CC125', `${url} answered HTTP ${status}`, input), status, headers: res.response.headers };
    }
    const declared = Number(res.response.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      res.response.destroy();
      return { ok: false, item: problem('CC105', `${url} is ${declared} bytes, over the limit of ${options.maxBytes}`, input) };
    }
    const body = await readBody(res.response, options.maxBytes, deadline - Date.now());
    if (!body.ok) {
      const item = body.reason === 'size'
        ? problem('CC105', `${url} sent more than the limit of ${options.maxBytes} bytes`, input)
        : body.reason === 'timeout'
          ? problem('CC127', `${input}: the page did not arrive within ${timeoutMs} ms`, input)
          : problem('CC125', `${url}: the connection failed while reading`, input);
      return { ok: false, item };
    }
    return { ok: true, url, contentType: String(res.response.headers['content-type'] ?? ''), body: body.bytes, headers: res.response.headers };
  }
}

function get(url: URL, timeoutMs: number, policy: AddressPolicy, extra: Readonly<Record<string, string>> = {}): Promise<{ ok: true; response: IncomingMessage } | { ok: false; error: Error; timedOut: boolean }> {
  return new Promise((resolve) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let timedOut = false;
    const req = request(url, { method: 'GET', lookup: guardedLookup(policy), headers: { 'user-agent': 'crosscheck', accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', ...lowerKeys(extra) } }, (response) => {
      clearTimeout(timer);
      resolve({ ok: true, response });
    });
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy(new Error('timeout'));
    }, timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, error, timedOut });
    });
    // The last gate: the address the socket really connected to.
    req.on('socket', (socket: Socket) => {
      const check = (): void => {
        const remote = socket.remoteAddress ?? '';
        const why = refusal(remote, policy);
        if (why !== null) req.destroy(new Refused(remote, why));
      };
      if (socket.remoteAddress !== undefined && !socket.connecting) check();
      else socket.once('connect', check);
    });
    req.end();
  });
}

function lowerKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

function readBody(res: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: 'size' | 'timeout' | 'error' }> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (r: { ok: true; bytes: Buffer } | { ok: false; reason: 'size' | 'timeout' | 'error' }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!r.ok) res.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), Math.max(1, timeoutMs));
    res.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) finish({ ok: false, reason: 'size' });
      else parts.push(chunk);
    });
    res.on('end', () => finish({ ok: true, bytes: Buffer.concat(parts, total) }));
    res.on('error', () => finish({ ok: false, reason: 'error' }));
    res.on('aborted', () => finish({ ok: false, reason: 'error' }));
  });
}

/** Fetches and reads one URL input: a page, a feed or a text. */
export async function* readUrl(input: string, options: FetchOptions): AsyncGenerator<ReadItem> {
  const fetched = await fetchUrl(input, options);
  if (!fetched.ok) {
    yield fetched.item;
    return;
  }
  const type = fetched.contentType.toLowerCase();
  if (type.includes('text/plain')) {
    yield textFromBytes(fetched.body, input);
    return;
  }
  if (/xml|rss|atom/.test(type) && !type.includes('html')) {
    const text = decodeBytes(fetched.body).text;
    if (looksLikeFeed(text)) {
      yield* readFeedText(text, input);
      return;
    }
  }
  yield htmlFromBytes(fetched.body, input, { url: fetched.url, charset: charsetOfContentType(type) });
}
