/**
 * When a watched page or feed is fetched next. Pages change most soon after publication
 * (corrections, updates while a story develops) and rarely after a few days, so they are fetched
 * often at first and then less: the steps below follow the age of the page (from its publication
 * date, else from when it was first seen). Feeds are fetched every `--interval`. Failures back off,
 * doubling per failure in a row, up to a day; a host's Retry-After is honoured as given (capped).
 */

/** [age below which, refetch interval], in ms. Past the last step a page is fetched weekly. */
export const PAGE_STEPS: readonly (readonly [number, number])[] = [
  [hours(1), minutes(15)],
  [hours(6), minutes(30)],
  [hours(24), hours(1)],
  [days(3), hours(4)],
  [days(7), hours(12)],
  [days(30), days(2)],
];
export const SCHEDULE = {
  /** Past every step: once a week. */
  oldPageMs: days(7),
  /** Most a backoff grows to. */
  maxBackoffMs: days(1),
  /** First backoff after an error. */
  firstBackoffMs: minutes(5),
  /** Most a Retry-After is honoured for (a host asking for a week is asked again in six hours). */
  maxRetryAfterMs: hours(6),
} as const;

function minutes(n: number): number {
  return n * 60_000;
}
function hours(n: number): number {
  return n * 3_600_000;
}
function days(n: number): number {
  return n * 86_400_000;
}

/** The refetch interval of a page of this age (ms since publication or first sight). */
export function pageInterval(ageMs: number): number {
  for (const [below, every] of PAGE_STEPS) if (ageMs < below) return every;
  return SCHEDULE.oldPageMs;
}

/** When a page is due next, after a successful fetch at `now`. */
export function nextPageDue(now: number, publishedAt: string | null, addedAt: string): string {
  const from = publishedAt !== null && !Number.isNaN(Date.parse(publishedAt)) ? Math.min(Date.parse(publishedAt), now) : Date.parse(addedAt);
  return new Date(now + pageInterval(Math.max(0, now - from))).toISOString();
}

/** The wait after `failures` errors in a row (1 = the first). */
export function backoffMs(failures: number): number {
  return Math.min(SCHEDULE.maxBackoffMs, SCHEDULE.firstBackoffMs * 2 ** Math.max(0, Math.min(30, failures - 1)));
}

/** A Retry-After header (seconds, or an HTTP date) as ms from now, capped; null when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now: number): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Math.min(SCHEDULE.maxRetryAfterMs, Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.min(SCHEDULE.maxRetryAfterMs, Math.max(0, at - now));
}

/** "15m", "2h", "30s", "1d" or plain seconds to ms; null when unreadable or zero. */
export function parseInterval(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? 's').toLowerCase();
  const ms = unit === 'ms' ? n : unit === 's' ? n * 1000 : unit === 'm' ? minutes(n) : unit === 'h' ? hours(n) : days(n);
  return ms > 0 ? ms : null;
}
