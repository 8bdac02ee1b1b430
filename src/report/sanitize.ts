/**
 * Article text is untrusted: a page can carry terminal escape sequences (that recolour, retitle or
 * clear a terminal), bidirectional overrides (that make text read differently than it is), or
 * Markdown and HTML (that turn a pasted report into links and scripts). Everything taken from an
 * article goes through one of these before a renderer prints it.
 */

// ECMA-48 sequences: CSI (ESC [ params intermediates final), OSC (ESC ] ... BEL or ESC \),
// DCS/SOS/PM/APC strings (ESC P|X|^|_ ... ESC \), and two-byte ESC sequences. Each class is
// disjoint from the next, so matching stays linear.
const ANSI_SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[PX^_][^\x1b]*(?:\x1b\\)?|\x1b[ -~]?/g;
// C0 and C1 controls except tab and line breaks (handled as whitespace), DEL, and the Unicode
// bidirectional controls (embeddings, overrides, isolates, marks) used in "Trojan Source" text.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const WHITESPACE_RUN = /\s+/g;

/** Removes terminal escape sequences and control characters; keeps tabs and line breaks. */
export function stripControls(s: string): string {
  return s.replace(ANSI_SEQUENCE, '').replace(CONTROL, '');
}

/** Article words for one line of a report: controls removed, whitespace runs shown as one space. */
export function plain(s: string): string {
  return stripControls(s).replace(WHITESPACE_RUN, ' ').trim();
}

// CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can start
// markup inline (emphasis, code, links, images, HTML, tables, strikethrough, math in some renderers).
const MARKDOWN_INLINE = /[\\`*_[\]{}~|$]/g;
// Parentheses need no escape: they only make a link after "]", which is escaped. Quotes need none
// either: with "<" escaped there is no HTML attribute for them to end.
const HTML_CHARS = /[&<>]/g;
const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// At the start of a line these open a heading, list, thematic break or setext underline ("1." and
// "1)" an ordered list). ">" needs no entry: it is an entity by then. `plain` has trimmed the text.
const BLOCK_START = /^[#+=-]/;
const ORDERED_START = /^(\d+)([.)])/;

/**
 * Article words for a Markdown report, safe inline and in a table cell: no raw HTML (entities),
 * no links or emphasis (backslash escapes), no line breaks, no block markup at the start.
 */
export function escapeMarkdown(s: string): string {
  const text = plain(s)
    .replace(HTML_CHARS, (ch) => HTML_ENTITY[ch] ?? ch)
    .replace(MARKDOWN_INLINE, (ch) => `\\${ch}`);
  return text.replace(BLOCK_START, '\\$&').replace(ORDERED_START, '$1\\$2');
}
