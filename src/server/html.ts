/**
 * HTML built on the server from escaped parts. `html\`...\`` escapes every interpolated value
 * unless it is already `Html` (the result of another `html` call or of `raw` on our own
 * markup); arrays are joined. Article text is untrusted, so it only ever enters a page through
 * an interpolation: there is no other way to put a string into the output.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
const SPECIAL = /[&<>"'`]/g;
// C0/C1 controls and bidirectional overrides: dropped (they have no business in a page and can
// make text read differently than it is). Tabs and line breaks stay.
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

const NEEDS_WORK = /[&<>"'`\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

/** Escapes text for an element body or a quoted attribute value. */
export function escapeHtml(s: string): string {
  // Most words need nothing: one test instead of two replaces.
  if (!NEEDS_WORK.test(s)) return s;
  return s.replace(CONTROLS, '').replace(SPECIAL, (ch) => ESCAPES[ch] ?? ch);
}

/** Trusted markup written in this codebase (never article data). */
export function raw(markup: string): Html {
  return new Html(markup);
}

function part(v: Interpolation): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return (v as readonly Interpolation[]).map(part).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += part(values[i]) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Joins parts into one Html (each escaped unless already Html). */
export function join(parts: readonly Interpolation[], separator: Html | string = ''): Html {
  return new Html(parts.map(part).join(part(separator)));
}

const SAFE_URL = /^(?:\/(?![/\\])|https?:\/\/)/i;
/**
 * Never in a link: white space and control characters (browsers drop tabs and line breaks inside
 * a URL, so "/\t/evil.example" is "//evil.example"), quotes and angle brackets, and the backslash,
 * which browsers read as "/" in http(s) URLs ("/\evil.example/x" is a link to evil.example).
 */
const UNSAFE_CHAR = /[\s\x00-\x1f\x7f<>"'\\]/;

/**
 * An href for a URL that came from an article: only http(s) and site-relative ones are links;
 * anything else (javascript:, data:, vbscript:, a protocol-relative or backslashed off-site
 * address) gives null, and the caller prints it as text.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  const u = url.trim();
  return SAFE_URL.test(u) && !UNSAFE_CHAR.test(u) ? u : null;
}
