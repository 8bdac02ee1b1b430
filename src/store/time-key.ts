/**
 * Publication times as sortable strings. `publishedAt` is ISO 8601 "as precise as the source
 * says": a date ("2017-11-02") stays a date; a date-time is put in UTC ("2017-11-02T14:05:00.000Z")
 * so that offsets compare correctly. A date sorts before every time of its day.
 */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const YEAR_MONTH = /^\d{4}(?:-\d{2})?$/;

/** The sortable key of a publication time, or null when it cannot be read. */
export function timeKey(publishedAt: string | null | undefined): string | null {
  if (!publishedAt) return null;
  const s = publishedAt.trim();
  if (DATE_ONLY.test(s) || YEAR_MONTH.test(s)) return s;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Lower bound for a `since` filter. */
export function sinceKey(since: string): string {
  return timeKey(since) ?? since;
}

/** Upper bound for an `until` filter: a date (or month, year) includes all of it. */
export function untilKey(until: string): string {
  const s = until.trim();
  if (DATE_ONLY.test(s) || YEAR_MONTH.test(s)) return `${s}\uffff`;
  return timeKey(s) ?? s;
}
