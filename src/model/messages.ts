/**
 * Problems are data: every message has a code from this catalogue, a reason that says what
 * happened to which input, and a hint that says what to do next (spaCy's errors.py, vfile's
 * file.message). Code ranges: CC1xx reading, CC2xx cleaning and extraction, CC3xx analysis,
 * CC4xx comparison, CC5xx the command line, CC6xx the store, CC7xx ingest and clustering, CC9xx the HTTP server. Throw only for programming errors.
 */
import type { Span } from './span.js';

export type Severity = 'error' | 'warning' | 'info';
export type MessageStage = 'read' | 'extract' | 'analyze' | 'compare' | 'cli' | 'store' | 'ingest' | 'server';

interface CatalogueEntry {
  readonly severity: Severity;
  readonly stage: MessageStage;
  /** What the code means, in a few words (the error catalogue in docs is built from this). */
  readonly meaning: string;
  /** What the user can do next. */
  readonly hint: string;
}

export const CATALOGUE = {
  CC100: { severity: 'error', stage: 'read', meaning: 'input not found', hint: 'check the path; directories are read recursively, "-" reads standard input' },
  CC101: { severity: 'error', stage: 'read', meaning: 'input could not be read', hint: 'check the file permissions and that it is a regular file' },
  CC102: { severity: 'error', stage: 'read', meaning: 'input looks binary, not text', hint: 'pass a text, JSONL, HTML, RSS/Atom or WARC file (or a .gz of one); a binary file cannot be an article' },
  CC103: { severity: 'warning', stage: 'read', meaning: 'input is not valid UTF-8', hint: 'it was decoded as Windows-1252; re-save the file as UTF-8 if the letters look wrong' },
  CC104: { severity: 'error', stage: 'read', meaning: 'input is empty', hint: 'nothing to do for this input; remove it from the batch' },
  CC105: { severity: 'error', stage: 'read', meaning: 'input is larger than the size limit', hint: 'split it into one article per file or JSONL line, or raise --max-bytes' },
  CC106: { severity: 'error', stage: 'read', meaning: 'JSONL line is not valid JSON', hint: 'fix or remove that line; the other lines were read' },
  CC107: { severity: 'error', stage: 'read', meaning: 'JSONL record has no text', hint: 'give each record a non-empty string field "text"' },
  CC108: { severity: 'warning', stage: 'read', meaning: 'JSONL field has the wrong type and was ignored', hint: 'fields id, url, outlet, title, byline, publishedAt must be strings' },
  CC109: { severity: 'error', stage: 'read', meaning: 'input format is not supported', hint: 'pass .txt/.md, .jsonl, .html, .rss/.atom/.xml or .warc files, any of them .gz (or --format text|jsonl|html|feed|warc to say which)' },
  CC110: { severity: 'warning', stage: 'read', meaning: 'directory holds no readable article files', hint: 'crosscheck reads .txt, .text, .md, .jsonl, .ndjson, .html, .htm, .xhtml, .rss, .atom, .xml and .warc files (and .gz of them) in a directory' },
  CC111: { severity: 'info', stage: 'read', meaning: 'the same content was given twice', hint: 'duplicates are read once (articles are identified by a hash of their content)' },
  CC112: { severity: 'error', stage: 'read', meaning: 'compressed input inflates past the decompressed size limit', hint: 'it looks like a gzip bomb and was stopped while inflating; the records read before were kept; raise --max-decompressed if the file is really that large' },
  CC113: { severity: 'error', stage: 'read', meaning: 'feed nested too deep: only part of it was read', hint: 'the items before that point were read; a real feed nests a few levels deep' },
  CC114: { severity: 'info', stage: 'read', meaning: 'input is UTF-16 without a byte-order mark', hint: 'it was decoded as UTF-16 by its NUL-byte pattern; re-save the file as UTF-8 to be sure' },
  CC115: { severity: 'warning', stage: 'read', meaning: 'compressed input has bytes after its last member', hint: 'everything that inflated was read (as gzip -d does); the bytes after it were ignored' },
  CC116: { severity: 'warning', stage: 'read', meaning: 'feed declares its own entities, which are not expanded', hint: 'references to entities from a DTD are left out (expanding them is how billion-laughs bombs work); a feed item made only of them is not stored' },
  CC120: { severity: 'error', stage: 'read', meaning: 'compressed input is corrupt or truncated', hint: 'the records read before the damage were kept; re-download or re-compress the file' },
  CC121: { severity: 'warning', stage: 'read', meaning: 'page charset is mislabelled', hint: 'the page was decoded by what its bytes are, not what it says; check letters with accents' },
  CC122: { severity: 'error', stage: 'read', meaning: 'feed could not be read', hint: 'pass an RSS 2.0 or Atom feed; the file is not well-formed or holds no items' },
  CC123: { severity: 'error', stage: 'read', meaning: 'WARC record is corrupt', hint: 'the records before it were read; the rest of the file could not be followed' },
  CC124: { severity: 'warning', stage: 'read', meaning: 'WARC file holds no HTML response records', hint: 'crosscheck reads response records whose payload is HTML' },
  CC125: { severity: 'error', stage: 'read', meaning: 'URL could not be fetched', hint: 'check the address and the network; the server answered with an error or not at all' },
  CC126: { severity: 'error', stage: 'read', meaning: 'URL points to a private, loopback or link-local address', hint: 'pass --allow-private to fetch from your own network' },
  CC127: { severity: 'error', stage: 'read', meaning: 'URL fetch timed out or redirected too often', hint: 'try again later, or save the page and pass the file' },
  CC201: { severity: 'error', stage: 'extract', meaning: 'no article text left after cleaning', hint: 'the input holds only boilerplate or markup; check that it is an article' },
  CC202: { severity: 'info', stage: 'extract', meaning: 'boilerplate removed', hint: 'the removed text is kept in "removed" with its place in the raw input' },
  CC203: { severity: 'info', stage: 'extract', meaning: 'text damage repaired', hint: 'each repair is listed in "repairs" with the raw text it replaced' },
  CC204: { severity: 'warning', stage: 'extract', meaning: 'publication date could not be read', hint: 'write the date as ISO 8601 (2017-11-02) or "Nov 02, 2017"' },
  CC205: { severity: 'warning', stage: 'extract', meaning: 'article is longer than the length limit and was cut', hint: 'raise --max-chars if the article is really that long' },
  CC206: { severity: 'warning', stage: 'extract', meaning: 'text has control characters or replacement characters', hint: 'the input was damaged before crosscheck read it; the characters were removed' },
  CC207: { severity: 'warning', stage: 'extract', meaning: 'document took longer than the time limit per document: analysis stopped', hint: 'the article is kept with the layers made in time; raise --time-limit-ms if the article is really that long' },
  CC220: { severity: 'error', stage: 'extract', meaning: 'no article body found in the page', hint: 'the page may be a listing, a gallery or need scripts to show its text; save the article text and pass it as .txt' },
  CC221: { severity: 'warning', stage: 'extract', meaning: 'page does not look like an article', hint: 'it looks like a listing or a gallery; pass the address of one article' },
  CC222: { severity: 'warning', stage: 'extract', meaning: 'article body looks paywalled or truncated', hint: 'only part of the article was on the page; comparisons will miss the rest' },
  CC223: { severity: 'warning', stage: 'extract', meaning: 'page too large, deep or slow: only part of it was read', hint: 'the page is outside the bounds crosscheck sets per page; check that it is a real article page' },
  CC224: { severity: 'info', stage: 'extract', meaning: 'article body found by a fallback step', hint: 'the page did not look like a usual article page; check the extracted text' },
  CC225: { severity: 'info', stage: 'extract', meaning: 'page furniture left out of the article', hint: 'link lists and furniture lines inside the article were not kept' },
  CC301: { severity: 'warning', stage: 'analyze', meaning: 'analysis stage failed on this article', hint: 'the article is kept without this layer; please report the input' },
  CC302: { severity: 'info', stage: 'analyze', meaning: 'language does not look like English', hint: 'the analysis is tuned for English; labels may be missing or wrong' },
  CC401: { severity: 'info', stage: 'compare', meaning: 'only one article: nothing to compare', hint: 'give two or more articles on the same event' },
  CC402: { severity: 'info', stage: 'compare', meaning: 'the articles form several stories', hint: 'each story is compared on its own; articles alone in a story have no corroboration' },
  CC403: { severity: 'warning', stage: 'compare', meaning: 'story too large: claims aligned across part of it', hint: 'claims were aligned across the earliest articles only; split the batch by date or topic to align them all' },
  CC501: { severity: 'error', stage: 'cli', meaning: 'no input could be read', hint: 'see the messages above for each input' },
  CC502: { severity: 'error', stage: 'cli', meaning: 'unknown command or option', hint: 'run crosscheck --help' },
  CC503: { severity: 'error', stage: 'cli', meaning: 'output file could not be written', hint: 'check that the folder exists and is writable, or leave out --output to print the report' },
  CC504: { severity: 'error', stage: 'cli', meaning: 'the bundled demo corpus is missing', hint: 'reinstall crosscheck, or run crosscheck compare on your own files' },
  CC601: { severity: 'error', stage: 'store', meaning: 'database was written by a newer crosscheck', hint: 'upgrade crosscheck to open it, or pass --db with another file' },
  CC602: { severity: 'error', stage: 'store', meaning: 'file is not a crosscheck database', hint: 'pass --db with a new file name or an existing crosscheck database; the file was left as it was' },
  CC603: { severity: 'error', stage: 'store', meaning: 'database is locked by another process', hint: 'wait for the other crosscheck to finish, or raise the busy timeout' },
  CC604: { severity: 'error', stage: 'store', meaning: 'database could not be opened or written', hint: 'check the path, the folder permissions and the free disk space' },
  CC605: { severity: 'warning', stage: 'store', meaning: 'article id already used by different content', hint: 'the new content was not stored; give each record its own id, or leave the id out to use the content hash' },
  CC606: { severity: 'error', stage: 'store', meaning: 'database server could not be reached or refused the connection', hint: 'check the postgres:// URL (host, port, database, user), that the server is running, and that it lets this user in' },
  CC750: { severity: 'warning', stage: 'ingest', meaning: 'robots.txt disallows this address: not fetched', hint: 'crosscheck honours robots.txt; ask the site for access, or remove the address from the watch list' },
  CC751: { severity: 'warning', stage: 'ingest', meaning: 'host asked to slow down or failed: its fetches wait', hint: 'it is fetched again after the wait (its Retry-After when it gave one, else a backoff that doubles); nothing to do' },
  CC752: { severity: 'warning', stage: 'ingest', meaning: 'feed lists more items than the per-feed limit: the rest were not followed', hint: 'the first items were followed; raise --max-items if the feed is really that long' },
  CC753: { severity: 'error', stage: 'ingest', meaning: 'watch list could not be read', hint: 'pass a file with one feed or page URL a line (# starts a comment), or an OPML file' },
  CC754: { severity: 'warning', stage: 'ingest', meaning: 'watched address could not be fetched or read: retried later', hint: 'the round went on; the address is fetched again after a backoff; see the reason' },
  CC801: { severity: 'error', stage: 'read', meaning: 'FNC-1 file has the wrong columns or labels', hint: 'stances need a header "Headline,Body ID" (optionally ",Stance"), bodies "Body ID,articleBody"' },
  CC802: { severity: 'warning', stage: 'analyze', meaning: 'pair names a body id missing from the bodies file', hint: 'those pairs were labelled unrelated; check that the stances and bodies files belong together' },
  CC803: { severity: 'error', stage: 'analyze', meaning: 'stance model weights could not be loaded', hint: 'reinstall crosscheck, or rebuild them with npm run train:stance' },
  CC701: { severity: 'error', stage: 'ingest', meaning: 'article could not be processed', hint: 'the other articles were ingested; please report the input' },
  CC703: { severity: 'warning', stage: 'ingest', meaning: 'story analysis failed', hint: 'the story keeps its articles and is marked stale; run crosscheck ingest again to retry' },
  CC704: { severity: 'error', stage: 'ingest', meaning: 'no database given for a command that reads one', hint: 'pass --db PATH or set CROSSCHECK_DB, or run crosscheck ingest first' },
  CC705: { severity: 'error', stage: 'ingest', meaning: 'no such story or article in the database', hint: 'list them with crosscheck stories, or find them with crosscheck search' },
  CC706: { severity: 'error', stage: 'ingest', meaning: 'article took longer than the time limit per document', hint: 'its worker was stopped and replaced, and the other articles were ingested; raise --time-limit-ms if the article is really that long' },
  CC901: { severity: 'error', stage: 'server', meaning: 'request body is larger than the size limit', hint: 'send fewer or smaller articles per request, or start crosscheck serve with a larger --max-body' },
  CC902: { severity: 'error', stage: 'server', meaning: 'request is malformed', hint: 'see the reason; /openapi.json describes every endpoint, its parameters and bodies' },
  CC903: { severity: 'error', stage: 'server', meaning: 'write token missing', hint: 'send the token as "Authorization: Bearer TOKEN" (or the form\'s token field)' },
  CC904: { severity: 'error', stage: 'server', meaning: 'write refused', hint: 'the token is wrong, or the server runs without --token (CROSSCHECK_TOKEN) and takes no writes' },
  CC905: { severity: 'error', stage: 'server', meaning: 'no such page or endpoint', hint: 'see /openapi.json for the API, or start from the story list at /' },
  CC906: { severity: 'error', stage: 'server', meaning: 'method not allowed on this address', hint: 'see /openapi.json for the methods each endpoint takes' },
  CC907: { severity: 'error', stage: 'server', meaning: 'content type not supported', hint: 'post JSON, JSONL (application/x-ndjson), multipart/form-data, text/plain or text/html' },
  CC908: { severity: 'error', stage: 'server', meaning: 'internal server error', hint: 'a bug in crosscheck: the server log has the details; please report it with the request' },
  CC909: { severity: 'error', stage: 'server', meaning: 'server could not start', hint: 'check --host and --port (is the port in use?), and give --token when binding beyond loopback' },
  CC910: { severity: 'error', stage: 'server', meaning: 'request refused for its Host header', hint: 'a server bound to loopback answers only to localhost, 127.0.0.1 and [::1]; pass --host to serve other names' },
} as const satisfies Record<string, CatalogueEntry>;

export type MessageCode = keyof typeof CATALOGUE;

export interface Message {
  readonly code: MessageCode;
  readonly severity: Severity;
  readonly stage: MessageStage;
  /** What happened, to what: "file.txt: line 3 is not valid JSON (Unexpected token })". */
  readonly reason: string;
  /** What to do next. */
  readonly hint: string;
  /** The input (file path, "stdin", "file.jsonl:3") the message is about. */
  readonly uri?: string;
  /** Where in the article text (or raw input, for read and extract messages) it applies. */
  readonly span?: Span;
}

export interface MessageOptions {
  uri?: string;
  span?: Span;
  /** Replaces the catalogue's hint when a more specific next step is known. */
  hint?: string;
}

/** Builds a message from the catalogue: `message('CC106', 'line 3 is not valid JSON', { uri })`. */
export function message(code: MessageCode, reason: string, options: MessageOptions = {}): Message {
  const entry: CatalogueEntry = CATALOGUE[code];
  const m: { -readonly [K in keyof Message]: Message[K] } = {
    code,
    severity: entry.severity,
    stage: entry.stage,
    reason,
    hint: options.hint ?? entry.hint,
  };
  if (options.uri !== undefined) m.uri = options.uri;
  if (options.span !== undefined) m.span = options.span;
  return m;
}

/** One line for a terminal: "CC106 error data.jsonl:3: line is not valid JSON — fix or remove that line". */
export function formatMessage(m: Message): string {
  // Reasons usually name their input already ("data.jsonl:3: line is not valid JSON"): then the
  // uri is not written twice.
  const where = m.uri && !m.reason.startsWith(`${m.uri}:`) ? `${m.uri}: ` : '';
  return `${m.code} ${m.severity} ${where}${m.reason} (${m.hint})`;
}
