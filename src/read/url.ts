/**
 * URLs as input: the page is fetched with a time limit, a size limit and at most MAX_REDIRECTS
 * redirects, then read by its Content-Type (HTML page, feed, plain text). Addresses in private,
 * loopback, link-local, shared (CGNAT) and multicast ranges are refused (CC126) unless
 * allowPrivate: the check is on the address the name resolves to, inside the connection's own
 * lookup, so a name that resolves to 127.0.0.1 (or changes between check and connect) is caught.
 */
import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
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
}

/** True for inputs read as URLs. */
export function isUrlInput(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

function ipv4Parts(ip: string): number[] | null {
  const parts = ip.split('.').map(Number);
  return parts.length === 4 && parts.every((n) => Number.isInteger(n) && n >= 0 && n <= 255) ? parts : null;
}

/** True for addresses that are not on the public internet. */
export function isPrivateAddress(ip: string): boolean {
  const v = isIP(ip);
  if (v === 4) {
    const [a, b] = ipv4Parts(ip)!;
    return a === 0 || a === 10 || a === 127 || (a === 100 && b! >= 64 && b! <= 127) || (a === 169 && b === 254) || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168) || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19)) || a! >= 224;
  }
  if (v === 6) {
    const s = ip.toLowerCase();
    const mapped = /^(?:0*:)*:?(?:ffff:)(\d+\.\d+\.\d+\.\d+)$/.exec(s) ?? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(s);
    if (mapped) return isPrivateAddress(mapped[1]!);
    if (s === '::' || s === '::1') return true;
    return /^f[cd]/.test(s) || /^fe[89ab]/.test(s) || /^ff/.test(s);
  }
  return true;
}

class Refused extends Error {
  constructor(readonly address: string) {
    super(`refused private address ${address}`);
  }
}

/** A lookup that refuses private addresses (used by the connection itself). */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return ((hostname: string, options: object, callback: (err: Error | null, address: string | { address: string; family: number }[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as { address: string; family: number }[];
      if (!allowPrivate) {
        const bad = list.find((a) => isPrivateAddress(a.address));
        if (bad) return callback(new Refused(bad.address), '', 4);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 4);
      callback(null, first.address, first.family);
    });
  }) as LookupFunction;
}

type Fetched = { ok: true; url: string; contentType: string; body: Buffer } | { ok: false; item: ReadItem };

/** Fetches a URL, following redirects; every failure is a coded problem. */
export async function fetchUrl(input: string, options: FetchOptions): Promise<Fetched> {
  const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const deadline = Date.now() + timeoutMs;
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
    if (!options.allowPrivate && isIP(host) && isPrivateAddress(host)) {
      return { ok: false, item: problem('CC126', `${url} is a private, loopback or link-local address (${host})`, input) };
    }
    const left = deadline - Date.now();
    if (left <= 0) return { ok: false, item: problem('CC127', `${input}: no answer within ${timeoutMs} ms`, input) };
    const res = await get(parsed, left, options.allowPrivate === true);
    if (!res.ok) {
      if (res.error instanceof Refused) return { ok: false, item: problem('CC126', `${url} resolves to a private, loopback or link-local address (${res.error.address})`, input) };
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
      return { ok: false, item: problem('CC125', `${url} answered HTTP ${status}`, input) };
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
    return { ok: true, url, contentType: String(res.response.headers['content-type'] ?? ''), body: body.bytes };
  }
}

function get(url: URL, timeoutMs: number, allowPrivate: boolean): Promise<{ ok: true; response: IncomingMessage } | { ok: false; error: Error; timedOut: boolean }> {
  return new Promise((resolve) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let timedOut = false;
    const req = request(url, { method: 'GET', lookup: guardedLookup(allowPrivate), headers: { 'user-agent': 'crosscheck', accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } }, (response) => {
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
    req.end();
  });
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
