/**
 * One round of `crosscheck watch`:
 *
 *   1. due        with --recheck all every watched page is made due; then the due feeds are
 *                 claimed (a lease in the store: watchers sharing a PostgreSQL store split them)
 *   2. feeds      fetched host by host (below); each item's link becomes a watched page, due now;
 *                 a feed of more than `maxItems` items is cut (CC752), a malformed one is CC122
 *   3. pages      the due pages are claimed and fetched; a page whose text differs from its
 *                 latest version (or that has none) is kept for step 4; the rest are recorded
 *   4. ingest     the kept pages go through `ingest` as one batch (stories, as `ingest` does)
 *   5. versions   each kept page's new version is stored with its diff against the previous one
 *                 and its flags (correction, stealth edit), then its fetch is recorded; the
 *                 previous version's article leaves its story first (retire: facts follow the
 *                 latest version)
 *   6. events     new articles, versions, flags, new stories and disputes, on the event stream
 *
 * Fetching is polite: one lane per host (hosts in parallel, one request at a time within a host),
 * `hostDelayMs` (or the host's Crawl-delay) between requests, robots.txt honoured (CC750), a
 * User-Agent that names crosscheck, conditional GET with the stored ETag / Last-Modified (a 304 is
 * recorded, nothing read), and a 429 or 5xx backs the whole host off (its Retry-After when given,
 * else a doubling backoff; CC751) across restarts, since the host's state is in the store.
 * Fetches go through the URL reader's fetchUrl: its private-address guard, size and time limits.
 *
 * A kill at any point loses nothing and doubles nothing: a page's fetch is recorded only after
 * its version is stored, ingest is idempotent by content, and a version equal to the latest is
 * not stored again; the page is simply fetched again by the next run.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_CONTEXT, message, type Context, type Doc, type Message, type SourceRecord } from '../model/index.js';
import { extract, noArticleIn } from '../extract/index.js';
import { htmlFromBytes } from '../read/html.js';
import { textFromBytes } from '../read/text.js';
import { decodeBytes } from '../read/decode.js';
import { looksLikeFeed, parseFeed, readFeedText } from '../read/feed.js';
import { charsetOfContentType } from '../read/charset.js';
import { sourceItem, type ReadItem } from '../read/item.js';
import { ingest } from '../collection/ingest.js';
import { analyzeStory } from '../stories/index.js';
import { MAX_ANALYZED_ARTICLES } from '../collection/lifecycle.js';
import type { Store } from '../store/index.js';
import type { ArticleVersion, WatchTarget, WatchVersionStore } from '../store/versions.js';
import { diffTexts } from './diff.js';
import { HostLanes, hostOf, type Fetched, type LaneResult } from './hosts.js';
import { flagVersion, removedNotes } from './flags.js';
import { backoffMs, nextPageDue } from './schedule.js';
import type { WatchEvent } from './events.js';

export const WATCH = {
  /** Items of one feed followed per fetch (a feed of 100,000 items is cut here, CC752). */
  maxItems: 1000,
  /** Targets claimed per round, per kind. */
  maxPerRound: 5000,
  /** Hosts fetched at once (one connection each). */
  parallelHosts: 8,
  /** Default wait between two requests to one host. */
  hostDelayMs: 1000,
  /**
   * How long a claim holds: past it another watcher may take the target (its watcher died).
   * Longer than a round's fetches of one host usually take.
   */
  leaseMs: 10 * 60_000,
  /** A page disallowed by robots.txt is looked at again after this long (the rules may change). */
  disallowedRecheckMs: 7 * 86_400_000,
  /** Fewer pages than this are ingested on the calling thread (starting worker threads costs more). */
  workersFrom: 64,
} as const;

export interface WatchOptions {
  store: Store;
  versions: WatchVersionStore;
  /** Names crosscheck (robots.txt groups are matched on its first word). */
  userAgent: string;
  worker: string;
  feedIntervalMs: number;
  hostDelayMs?: number;
  allowPrivate?: boolean;
  /** Makes every watched page due this round. */
  recheckAll?: boolean;
  maxItems?: number;
  fetchTimeoutMs?: number;
  context?: Partial<Context>;
  onEvent?: (e: WatchEvent) => void;
  onProgress?: (p: RoundProgress) => void;
  /** The clock (tests). */
  now?: () => number;
}

export interface HostCounts {
  fetched: number;
  errors: number;
}

export interface RoundProgress {
  due: number;
  fetched: number;
  notModified: number;
  new: number;
  updated: number;
  errors: number;
  /** Not fetched: robots.txt, or the host backed off. */
  skipped: number;
  hosts: Map<string, HostCounts>;
}

export interface RoundSummary extends RoundProgress {
  problems: Message[];
}

/** A page fetched whose text is not its latest version's. */
interface Changed {
  target: WatchTarget;
  source: SourceRecord;
  fetchedAt: string;
  etag: string | null;
  lastModified: string | null;
}

export async function watchRound(o: WatchOptions): Promise<RoundSummary> {
  const clock = o.now ?? Date.now;
  const iso = (): string => new Date(clock()).toISOString();
  const ctx: Context = { ...DEFAULT_CONTEXT, ...o.context };
  const summary: RoundSummary = { due: 0, fetched: 0, notModified: 0, new: 0, updated: 0, errors: 0, skipped: 0, hosts: new Map(), problems: [] };
  const emit = (e: WatchEvent): void => o.onEvent?.(e);
  const problem = (m: Message): void => {
    summary.problems.push(m);
    emit({ type: 'problem', at: iso(), code: m.code, severity: m.severity, url: m.uri ?? null, reason: m.reason });
  };
  const progress = (): void => o.onProgress?.(summary);
  const hostCounts = (host: string): HostCounts => {
    let c = summary.hosts.get(host);
    if (!c) summary.hosts.set(host, (c = { fetched: 0, errors: 0 }));
    return c;
  };
  const lanes = new HostLanes(o, iso, clock, problem);

  if (o.recheckAll) await o.versions.makeDue('page', iso());

  // 1-2. Feeds.
  const feeds = await o.versions.claimDue({ now: iso(), limit: WATCH.maxPerRound, worker: o.worker, leaseMs: WATCH.leaseMs, kind: 'feed' });
  summary.due += feeds.length;
  const changed: Changed[] = [];
  const onPage = async (t: WatchTarget, body: Fetched): Promise<void> => {
    const fetchedAt = iso();
    const read = readPage(t.url, body);
    if (read.kind === 'feed') return onFeed(t, body);
    const doc = read.item.kind === 'source' ? extract(read.item.source, ctx) : null;
    // A page with no article (CC220) fails as a page that could not be read does.
    const failure = read.item.kind === 'problem' ? read.item.message : noArticleIn(doc!);
    if (failure) {
      summary.errors++;
      hostCounts(hostOf(t.url)).errors++;
      problem(failure);
      await o.versions.recordFetch({ url: t.url, fetchedAt, dueAt: new Date(clock() + backoffMs(t.failures + 1)).toISOString(), changed: false, error: `${failure.code} ${failure.reason}`, ...(t.kind === 'page' ? {} : { kind: 'page' as const }) });
      return;
    }
    const source = (read.item as { source: SourceRecord }).source;
    const latest = (await o.versions.versions(t.url)).at(-1);
    const hash = versionHash(doc!);
    if (latest && latest.contentHash === hash) {
      await o.versions.recordFetch({ url: t.url, fetchedAt, dueAt: nextPageDue(clock(), t.publishedAt, t.addedAt), etag: body.etag, lastModified: body.lastModified, changed: false, error: null, ...(t.kind === 'page' ? {} : { kind: 'page' as const }) });
      return;
    }
    changed.push({ target: t, source, fetchedAt, etag: body.etag, lastModified: body.lastModified });
  };
  const onFeed = async (t: WatchTarget, body: Fetched): Promise<void> => {
    const fetchedAt = iso();
    const text = decodeBytes(body.bytes).text;
    const feed = parseFeed(text);
    if (feed.kind === null || feed.items.length === 0) {
      summary.errors++;
      hostCounts(hostOf(t.url)).errors++;
      const m = message('CC122', `${t.url} is not an RSS or Atom feed with items (${feed.kind === null ? 'no <rss> or <feed> element' : 'no <item> or <entry>'})`, { uri: t.url });
      problem(m);
      await o.versions.recordFetch({ url: t.url, fetchedAt, dueAt: new Date(clock() + Math.max(o.feedIntervalMs, backoffMs(t.failures + 1))).toISOString(), changed: false, error: `${m.code} ${m.reason}` });
      return;
    }
    const max = o.maxItems ?? WATCH.maxItems;
    if (feed.items.length > max) problem(message('CC752', `${t.url} lists ${feed.items.length} items; the first ${max} were followed`, { uri: t.url }));
    const links: string[] = [];
    const seen = new Set<string>();
    let linkless = false;
    for (const item of feed.items.slice(0, max)) {
      const link = absolute(item.link.trim(), body.url);
      if (link === null) {
        linkless = true;
        continue;
      }
      if (!seen.has(link)) links.push(link);
      seen.add(link);
    }
    const added = await o.versions.addTargets(links.map((url) => ({ url, kind: 'page' as const, feed: t.url, dueAt: fetchedAt })));
    // Items without a link are articles only the feed holds: ingested from it (they have no page to version).
    if (linkless) {
      const items: ReadItem[] = [];
      for (const it of readFeedText(text, t.url)) if (it.kind === 'source' && !it.source.record.url) items.push(it);
      if (items.length > 0) summary.new += (await ingest({ store: o.store, inputs: [], records: items.slice(0, max), workers: 0, context: ctx })).new;
    }
    await o.versions.recordFetch({ url: t.url, fetchedAt, dueAt: new Date(clock() + o.feedIntervalMs).toISOString(), etag: body.etag, lastModified: body.lastModified, changed: added.length > 0, error: null, ...(t.kind === 'feed' ? {} : { kind: 'feed' as const }) });
  };
  const handle = async (t: WatchTarget, r: LaneResult): Promise<void> => {
    const host = hostOf(t.url);
    if (r.kind === 'skipped') {
      summary.skipped++;
      await o.versions.recordFetch({ url: t.url, fetchedAt: iso(), dueAt: r.until, changed: false, error: r.error });
    } else if (r.kind === 'failed') {
      summary.errors++;
      hostCounts(host).errors++;
      problem(r.message);
      const wait = t.kind === 'feed' ? Math.max(o.feedIntervalMs, backoffMs(t.failures + 1)) : backoffMs(t.failures + 1);
      await o.versions.recordFetch({ url: t.url, fetchedAt: iso(), dueAt: r.until ?? new Date(clock() + wait).toISOString(), changed: false, error: `${r.message.code} ${r.message.reason}` });
    } else if (r.kind === 'not-modified') {
      summary.fetched++;
      summary.notModified++;
      hostCounts(host).fetched++;
      const dueAt = t.kind === 'feed' ? new Date(clock() + o.feedIntervalMs).toISOString() : nextPageDue(clock(), t.publishedAt, t.addedAt);
      await o.versions.recordFetch({ url: t.url, fetchedAt: iso(), dueAt, changed: false, error: null });
    } else {
      summary.fetched++;
      hostCounts(host).fetched++;
      if (t.kind === 'feed' || isFeedBody(r.body)) await onFeed(t, r.body);
      else await onPage(t, r.body);
    }
    progress();
  };
  await lanes.run(feeds, handle);

  // 3. Pages (with those the feeds just added).
  const pages = await o.versions.claimDue({ now: iso(), limit: WATCH.maxPerRound, worker: o.worker, leaseMs: WATCH.leaseMs, kind: 'page' });
  summary.due += pages.length;
  progress();
  await lanes.run(pages, handle);

  // 4-6. Ingest the changed pages, store their versions, tell.
  if (changed.length > 0) await storeChanged(o, changed, ctx, clock, summary, emit, problem);
  progress();
  emit({ type: 'round', at: iso(), due: summary.due, fetched: summary.fetched, notModified: summary.notModified, new: summary.new, updated: summary.updated, errors: summary.errors, skipped: summary.skipped });
  return summary;
}

async function storeChanged(
  o: WatchOptions,
  changed: Changed[],
  ctx: Context,
  clock: () => number,
  summary: RoundSummary,
  emit: (e: WatchEvent) => void,
  problem: (m: Message) => void,
): Promise<void> {
  const options: Parameters<typeof ingest>[0] = { store: o.store, inputs: [], records: changed.map((c) => sourceItem(c.source)), context: ctx };
  if (changed.length < WATCH.workersFrom) options.workers = 0;
  const result = await ingest(options);
  for (const m of result.problems) if (m.severity === 'error') problem(m);
  const docs = changed.map((c) => extract(c.source, ctx));
  const stored = new Set((await o.store.getArticles(docs.map((d) => d.id))).map((a) => a.id));
  const storyOf = await o.store.storyOf([...stored]);
  const roundArticles = new Set<string>();
  /** Articles of pages seen for the first time (a story made only of them is new). */
  const firstSeen = new Set<string>();
  const versionsMade: { c: Changed; v: ArticleVersion }[] = [];
  for (const [i, c] of changed.entries()) {
    const doc = docs[i]!;
    const articleId = stored.has(doc.id) ? doc.id : null;
    const previous = (await o.versions.versions(c.target.url)).at(-1) ?? null;
    const titleSpan = doc.fields.title?.span ?? null;
    const diff = previous ? diffTexts(previous.text, doc.text) : [];
    const flags = previous
      ? flagVersion({
          before: { text: previous.text, title: previous.title, titleSpan: previous.title !== null ? spanOf(previous.text, previous.title) : null, notes: previous.notes ?? [] },
          after: { text: doc.text, title: doc.title, titleSpan, removed: doc.removed },
          diff,
        })
      : [];
    // The story's facts follow the latest version: the previous version's article leaves its
    // story (re-analyzed without it) before the new version is stored, so a kill between the two
    // repeats the step on the next fetch instead of skipping it.
    if (previous?.articleId && articleId !== null && previous.articleId !== articleId && previous.contentHash !== versionHash(doc)) await retire(o.store, previous.articleId);
    const v = await o.versions.putVersion({
      url: c.target.url,
      fetchedAt: c.fetchedAt,
      contentHash: versionHash(doc),
      articleId,
      title: doc.title,
      publishedAt: doc.publishedAt,
      modifiedAt: modifiedAtOf(doc),
      text: doc.text,
      diff,
      flags,
      notes: removedNotes(doc.removed).map((r) => r.text),
    });
    await o.versions.recordFetch({
      url: c.target.url,
      fetchedAt: c.fetchedAt,
      dueAt: nextPageDue(clock(), doc.publishedAt ?? c.target.publishedAt, c.target.addedAt),
      etag: c.etag,
      lastModified: c.lastModified,
      publishedAt: doc.publishedAt ?? c.target.publishedAt,
      changed: v !== null,
      error: null,
      ...(c.target.kind === 'page' ? {} : { kind: 'page' as const }),
    });
    if (v === null || articleId === null) continue;
    roundArticles.add(articleId);
    versionsMade.push({ c, v });
    const storyId = storyOf.get(articleId) ?? null;
    const at = new Date(clock()).toISOString();
    if (v.n === 1) {
      firstSeen.add(articleId);
      summary.new++;
      emit({ type: 'article', at, url: v.url, articleId, storyId, title: v.title });
    } else {
      summary.updated++;
      emit({ type: 'version', at, url: v.url, n: v.n, articleId, storyId, changes: v.diff.length, flags: v.flags.map((f) => f.kind) });
      for (const f of v.flags) emit({ type: f.kind, at, url: v.url, n: v.n, articleId, reason: f.reason, evidence: f.evidence });
    }
  }
  // New stories and disputes that this round's articles are part of.
  const storyIds = [...new Set([...roundArticles].map((id) => storyOf.get(id)).filter((s): s is string => typeof s === 'string'))];
  const at = new Date(clock()).toISOString();
  for (const id of storyIds) {
    const story = await o.store.getStory(id);
    if (!story) continue;
    if (story.articleIds.every((a) => firstSeen.has(a))) emit({ type: 'story', at, storyId: id, title: story.title, articles: story.articleIds.length });
    for (const f of story.facts) {
      if (f.status !== 'disputed') continue;
      const ids = [...new Set(f.members.map((m) => m.articleId))];
      if (ids.some((a) => roundArticles.has(a))) emit({ type: 'dispute', at, storyId: id, factId: f.id, summary: (f as { summary?: string }).summary ?? '', articleIds: ids });
    }
  }
}

/**
 * Takes a superseded version's article out of its story and analyses the story again without it
 * (a story left empty is removed). The article stays stored, with its page's versions.
 */
async function retire(store: Store, articleId: string): Promise<void> {
  const storyId = (await store.storyOf([articleId])).get(articleId);
  if (!storyId) return;
  const story = await store.getStory(storyId);
  if (!story) return;
  const members = story.articleIds.filter((id) => id !== articleId);
  if (members.length === 0) {
    await store.putStories([], { remove: [storyId] });
    return;
  }
  const analyzed = analyzeStory(storyId, await store.getArticles(members.slice(0, MAX_ANALYZED_ARTICLES))).story;
  const capped = members.length > MAX_ANALYZED_ARTICLES;
  await store.putStory({ ...analyzed, id: storyId, articleIds: members, ...(capped ? { outlets: story.outlets, firstPublished: story.firstPublished, lastPublished: story.lastPublished } : {}) });
}

/** The page's own dateModified, when the metadata extraction gives one (kept apart from publishedAt). */
function modifiedAtOf(doc: object): string | null {
  const d = doc as { modifiedAt?: unknown; dateModified?: unknown };
  const v = d.modifiedAt ?? d.dateModified;
  return typeof v === 'string' && v !== '' ? v : null;
}

function spanOf(text: string, title: string): { start: number; end: number } | null {
  const at = text.indexOf(title);
  return at < 0 ? null : { start: at, end: at + title.length };
}

function absolute(link: string, base: string): string | null {
  if (link === '') return null;
  try {
    const u = new URL(link, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function isFeedBody(body: Fetched): boolean {
  const type = body.contentType.toLowerCase();
  if (type.includes('html')) return false;
  return looksLikeFeed(decodeBytes(body.bytes.subarray(0, 4096)).text);
}

function readPage(uri: string, body: Fetched): { kind: 'feed' } | { kind: 'page'; item: ReadItem } {
  const type = body.contentType.toLowerCase();
  if (isFeedBody(body)) return { kind: 'feed' };
  if (type.includes('text/plain')) return { kind: 'page', item: textFromBytes(body.bytes, uri) };
  return { kind: 'page', item: htmlFromBytes(body.bytes, uri, { url: body.url, charset: charsetOfContentType(type) }) };
}

/**
 * What a version is told apart by: the article as extracted (text, byline, date), not the page's
 * bytes, whose ads, timestamps and tokens change on every fetch (a page's contentHash is of its
 * markup since extraction moved out of read/).
 */
function versionHash(doc: Doc): string {
  return createHash('sha256').update(`${doc.text}\n${doc.byline ?? ''}\n${doc.publishedAt ?? ''}`).digest('hex');
}
