/**
 * What every answer carries and who may write. The Content-Security-Policy allows scripts,
 * styles, images and form posts from this origin only: no inline scripts, styles or event
 * handlers, no plugins, no framing; so article text that slipped through escaping still could
 * not run. Write tokens are compared in constant time (on their SHA-256 digests, so the
 * length of the right token does not leak either).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

export function securityHeaders(): Record<string, string> {
  return { ...HEADERS };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** Constant-time token check. */
export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The token of an "Authorization: Bearer T" header, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return m?.[1] ?? null;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1';
  return false;
}

/**
 * DNS rebinding guard: a server on loopback answers only requests addressed to a loopback
 * name, so a web page elsewhere cannot read it through a hostname that resolves to 127.0.0.1.
 */
export function isAllowedHostHeader(hostHeader: string | undefined, boundToLoopback: boolean): boolean {
  if (!boundToLoopback) return true;
  if (!hostHeader) return false;
  const m = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(hostHeader.trim());
  return m?.[1] !== undefined && isLoopbackHost(m[1]);
}
