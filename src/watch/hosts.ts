/**
 * Politeness per host for `watch`: one lane per host, WATCH.parallelHosts lanes at once; within a
 * lane requests go one at a time, the host's delay apart; robots.txt is read first (kept a day, in
 * the store); a 429 or 5xx backs the whole host off (its Retry-After, else a doubling backoff)
 * and the rest of its targets wait. Every request goes through the URL reader's fetchUrl (its
 * private-address guard, size and time limits) with conditional GET headers.
 */
import { DEFAULT_CONTEXT, message, type Message } from '../model/index.js';
import { fetchUrl } from '../read/url.js';
import { decodeBytes } from '../read/decode.js';
import type { HostState, WatchTarget } from '../store/versions.js';
import { isAllowed, parseRobots, ROBOTS, type Robots } from './robots.js';
import { backoffMs, retryAfterMs } from './schedule.js';
import { WATCH, type WatchOptions } from './watch.js';

export interface Fetched {
  url: string;
  contentType: string;
  bytes: Buffer;
  etag: string | null;
  lastModified: string | null;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

export type LaneResult =
  | { kind: 'ok'; body: Fetched }
  | { kind: 'not-modified' }
  | { kind: 'failed'; message: Message; until?: string }
  | { kind: 'skipped'; until: string; error: string | null };

export class HostLanes {
  private readonly delayMs: number;

  constructor(
    private readonly o: WatchOptions,
    private readonly iso: () => string,
    private readonly clock: () => number,
    private readonly problem: (m: Message) => void,
  ) {
    this.delayMs = o.hostDelayMs ?? WATCH.hostDelayMs;
  }

  async run(targets: readonly WatchTarget[], handle: (t: WatchTarget, r: LaneResult) => Promise<void>): Promise<void> {
    const byHost = new Map<string, WatchTarget[]>();
    for (const t of targets) {
      const h = hostOf(t.url);
      const list = byHost.get(h);
      if (list) list.push(t);
      else byHost.set(h, [t]);
    }
    const hosts = [...byHost.keys()];
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < hosts.length) {
        const host = hosts[next++]!;
        await this.host(host, byHost.get(host)!, handle);
      }
    };
    await Promise.all(Array.from({ length: Math.min(WATCH.parallelHosts, hosts.length) }, lane));
  }

  private async host(host: string, targets: WatchTarget[], handle: (t: WatchTarget, r: LaneResult) => Promise<void>): Promise<void> {
    const state: HostState = (await this.o.versions.hostState(host)) ?? { host, nextAt: new Date(0).toISOString(), failures: 0, robots: null, robotsAt: null };
    const origin = new URL(targets[0]!.url).origin;
    const skipAll = async (until: string, error: string | null): Promise<void> => {
      for (const t of targets) await handle(t, { kind: 'skipped', until, error });
    };
    if (Date.parse(state.nextAt) > this.clock() + this.delayMs) {
      this.problem(message('CC751', `${host} is backed off until ${state.nextAt} (${state.failures} error${state.failures === 1 ? '' : 's'} in a row); ${targets.length} address${targets.length === 1 ? '' : 'es'} wait`, { uri: origin }));
      return skipAll(state.nextAt, null);
    }
    const robots = await this.robots(state, origin);
    if (robots === 'unavailable') return skipAll(state.nextAt, 'CC754 robots.txt unavailable');
    const delay = Math.max(this.delayMs, (robots.crawlDelay ?? 0) * 1000);
    for (const [i, t] of targets.entries()) {
      let path = '/';
      try {
        const u = new URL(t.url);
        path = u.pathname + u.search;
      } catch {
        /* an unreadable address fails in fetchUrl with its message */
      }
      if (!isAllowed(robots, path)) {
        this.problem(message('CC750', `${t.url} is disallowed by ${origin}/robots.txt`, { uri: t.url }));
        await handle(t, { kind: 'skipped', until: new Date(this.clock() + WATCH.disallowedRecheckMs).toISOString(), error: 'CC750 disallowed by robots.txt' });
        continue;
      }
      await this.wait(state);
      const r = await this.fetch(t);
      state.nextAt = new Date(this.clock() + delay).toISOString();
      if (r.kind === 'backoff') {
        state.failures++;
        const wait = r.retryAfterMs ?? backoffMs(state.failures);
        state.nextAt = new Date(this.clock() + Math.max(wait, delay)).toISOString();
        await this.o.versions.putHostState(state);
        this.problem(message('CC751', `${origin} answered HTTP ${r.status}; no request to it before ${state.nextAt}`, { uri: t.url }));
        await handle(t, { kind: 'failed', message: r.message, until: state.nextAt });
        for (const rest of targets.slice(i + 1)) await handle(rest, { kind: 'skipped', until: state.nextAt, error: null });
        return;
      }
      if (r.kind !== 'failed') state.failures = 0;
      await this.o.versions.putHostState(state);
      await handle(t, r);
    }
  }

  private async wait(state: HostState): Promise<void> {
    const ms = Date.parse(state.nextAt) - this.clock();
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** The host's robots.txt rules (fetched when not known or older than ROBOTS.ttlMs), or 'unavailable' (RFC 9309: a 5xx or no answer means full disallow for now). */
  private async robots(state: HostState, origin: string): Promise<Robots | 'unavailable'> {
    if (state.robots !== null && state.robotsAt !== null && this.clock() - Date.parse(state.robotsAt) < ROBOTS.ttlMs) return parseRobots(state.robots);
    const r = await fetchUrl(`${origin}/robots.txt`, this.fetchOptions(ROBOTS.maxBytes));
    let text: string;
    if (r.ok) text = decodeBytes(r.body).text;
    else if (r.status !== undefined && r.status >= 400 && r.status < 500 && r.status !== 429) text = ''; // none: all allowed
    else {
      this.problem(message('CC754', `${origin}/robots.txt could not be read (${r.item.kind === 'problem' ? r.item.message.reason : 'unknown'}); the host is not fetched this round`, { uri: origin }));
      return 'unavailable';
    }
    state.robots = text;
    state.robotsAt = this.iso();
    await this.o.versions.putHostState(state);
    return parseRobots(text);
  }

  private fetchOptions(maxBytes: number, headers: Record<string, string> = {}) {
    const options: Parameters<typeof fetchUrl>[1] = { maxBytes, headers: { 'user-agent': this.o.userAgent, ...headers } };
    if (this.o.allowPrivate) options.allowPrivate = true;
    if (this.o.fetchTimeoutMs !== undefined) options.timeoutMs = this.o.fetchTimeoutMs;
    return options;
  }

  private async fetch(t: WatchTarget): Promise<LaneResult | { kind: 'backoff'; status: number; retryAfterMs: number | null; message: Message }> {
    const headers: Record<string, string> = {};
    if (t.etag) headers['if-none-match'] = t.etag;
    if (t.lastModified) headers['if-modified-since'] = t.lastModified;
    const maxBytes = this.o.context?.maxBytes ?? DEFAULT_CONTEXT.maxBytes;
    const r = await fetchUrl(t.url, this.fetchOptions(maxBytes, headers));
    if (r.ok) {
      const etag = r.headers['etag'];
      const modified = r.headers['last-modified'];
      return { kind: 'ok', body: { url: r.url, contentType: r.contentType, bytes: r.body, etag: typeof etag === 'string' ? etag : null, lastModified: typeof modified === 'string' ? modified : null } };
    }
    const msg = r.item.kind === 'problem' ? r.item.message : message('CC125', `${t.url} could not be fetched`, { uri: t.url });
    if (r.status === 304) return { kind: 'not-modified' };
    if (r.status === 429 || (r.status !== undefined && r.status >= 500)) return { kind: 'backoff', status: r.status, retryAfterMs: retryAfterMs(r.headers?.['retry-after'], this.clock()), message: msg };
    return { kind: 'failed', message: msg };
  }
}
