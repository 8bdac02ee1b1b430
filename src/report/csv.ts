/**
 * CSV as RFC 4180 writes it, for `export --format csv` and the API's CSV answers: every field
 * that holds a comma, quote, CR or LF is quoted, quotes doubled; lists are joined with "|"; a
 * leading = + - @ is prefixed with ' so that a spreadsheet does not run it as a formula.
 */
/** One CSV row (RFC 4180, CRLF line end). */
export function csvRow(fields: readonly unknown[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = Array.isArray(value) ? value.join('|') : String(value);
  if (typeof value === 'string' && FORMULA.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
