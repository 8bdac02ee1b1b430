/** Help texts. Each command's text lists its options and the exit codes it can return. */

// One table of exit codes for the CLI, its help and docs/errors.md.
export { EXIT } from '../model/exit-codes.js';

const EXIT_CODES = `Exit codes:
  0   done: at least one article was read (problems with other inputs are printed as messages)
  2   no input could be read (CC501); the messages above it say why for each input
  64  usage error: unknown command or option, bad option value, or no inputs (CC502)
  70  internal error: a bug in crosscheck; please report it with the input
  73  the --output file could not be written (CC503)`;

const EXTRACT_EXIT_CODES = `Exit codes:
  0   done: every input gave its articles
  2   no input could be read (CC501); the messages above it say why for each input
  3   partial: some inputs or records could not be read (each printed as a message), the rest
      was extracted
  64  usage error: unknown option, bad option value, or no inputs (CC502)
  70  internal error: a bug in crosscheck; please report it with the input`;

const REPORT_OPTIONS = `Report options:
  --json              the report as JSON (schema "crosscheck/1"): every label with its evidence
  --markdown          the report as Markdown, to paste into a document
  --html              the story report as one self-contained HTML file (no scripts, styles inline)
  --color, --no-color colour the terminal report or not (default: when stdout is a terminal;
                      NO_COLOR turns it off, FORCE_COLOR on)
  --width N           wrap the terminal report to N columns (default: 100, or the terminal's width)
  -o, --output FILE   write the report to FILE instead of standard output
  -q, --quiet         print only warnings and errors on standard error, not info messages
  -h, --help          this help`;

export const GENERAL_HELP = `crosscheck: how each outlet tells the same story.

Reads news articles, removes boilerplate and repairs damaged text, groups the articles into
stories, finds who copies whom, lines up their claims into facts (corroborated, single-source,
disputed) and profiles how each is written. Every label points to the exact words behind it.

Usage:
  crosscheck compare INPUT... [options]   compare articles from files, directories or "-" (stdin)
  crosscheck demo [options]               run compare on the bundled example corpus
  crosscheck extract INPUT... [options]   print what was extracted from pages, feeds, WARC, URLs
  crosscheck ingest INPUT... [--db PATH]  clean, analyze and cluster articles into stories in a database
  crosscheck watch URL... [--db PATH]     follow feeds and pages: new articles, versions, corrections
  crosscheck worker --db postgres://…     take ingest jobs queued with ingest --enqueue (many machines)
  crosscheck status --db postgres://…     the ingest queue, its workers and failed jobs
  crosscheck stories [options]            list the stories in the database
  crosscheck story ID [options]           the report of one story: facts, coverage, reuse, profiles
  crosscheck article ID [--json]          one article's profile with its evidence
  crosscheck search "text" [options]      find articles, stories and facts by their words
  crosscheck export --format jsonl|csv    write articles (or --what stories|facts), one per line
  crosscheck serve [--port 8080]          the web app and HTTP API over the database
  crosscheck stance --stances F --bodies F label headline/body pairs (FNC-1 format) with their stance
  crosscheck classify < SENTENCES         opinion and bias probabilities and loaded words, per line
  crosscheck claims INPUT... [options]    the claims most worth checking across the inputs, with speakers
  crosscheck help [COMMAND]               help for a command
  crosscheck --version                    the version

Run "crosscheck COMMAND --help" for a command's options.

Messages go to standard error, one per line: CODE severity input: what happened (what to do).
The report goes to standard output (or --output FILE).

${EXIT_CODES}
`;

export const COMPARE_HELP = `Usage: crosscheck compare INPUT... [options]

Compares news articles. An INPUT is a file (.txt, .text, .md; .jsonl with one article per line,
"text" or "html" field; .html/.htm pages; .rss/.atom/.xml feeds; .warc web archives; any of them
.gz), a directory (read recursively), an http(s) URL, or "-" for standard input. Inputs that cannot
be read are reported as messages and the rest are compared.

Input options:
  --format F           read every input as F (text, jsonl, html, feed, warc) instead of guessing
  --allow-private      fetch URLs on private, loopback or link-local addresses (refused by default)
  --max-bytes N        largest input accepted per document, in bytes (default 8388608)
  --max-chars N        longest cleaned article text kept, in characters (default 1000000)
  --max-decompressed N largest size one compressed (.gz) file may inflate to, in bytes (default
                       4294967296); a gzip bomb is stopped while inflating (CC112)
  --time-limit-ms N    time bound per document, in ms (default 30000; 0: none): the later analysis
                       stages of a document past it are not run (CC207)

${REPORT_OPTIONS}

Examples:
  crosscheck compare a.txt b.txt
  crosscheck compare articles/ --markdown -o report.md
  cat feed.jsonl | crosscheck compare - --format jsonl --json

${EXIT_CODES}
`;

export const DEMO_HELP = `Usage: crosscheck demo [options]

Runs "crosscheck compare" on the example corpus bundled with crosscheck (examples/corpus/):
a small set of articles invented for this project, written to show every part of the report.

${REPORT_OPTIONS}

${EXIT_CODES}
`;

export const STANCE_HELP = `Usage: crosscheck stance --stances STANCES.csv --bodies BODIES.csv [options]

Labels each headline/body pair with the stance of the body toward the headline: agree, disagree,
discuss or unrelated. Reads the Fake News Challenge (FNC-1) format: STANCES.csv with the header
"Headline,Body ID" (a third column "Stance" is allowed and ignored) and BODIES.csv with
"Body ID,articleBody". Writes "Headline,Body ID,Stance" to standard output, one row per input
pair in the same order (the FNC-1 submission format, CSV-quoted).

Options:
  --stances FILE      the pairs to label
  --bodies FILE       the article bodies the pairs name
  --weights FILE      a weights file from npm run train:stance (default: the bundled model)
  --time              print the time taken to standard error
  -h, --help          this help

Example:
  crosscheck stance --stances competition_test_stances_unlabeled.csv --bodies competition_test_bodies.csv > answer.csv

Exit codes:
  0   done (pairs naming a missing body are labelled unrelated, with a CC802 warning)
  2   a file could not be read (CC100, CC101), has the wrong columns (CC801), or the model
      weights could not be loaded (CC803)
  64  usage error: unknown option or a missing --stances / --bodies (CC502)
  70  internal error: a bug in crosscheck; please report it with the input
`;

const DB_OPTION = `  --db PATH           the database file, or a postgres://… URL (default: $CROSSCHECK_DB, else ./crosscheck.db)`;

const DB_EXIT_CODES = `Exit codes:
  0   done
  2   nothing to show: no database at the path (CC704), or no such story or article (CC705)
  64  usage error: unknown command or option, bad option value (CC502)
  70  internal error: a bug in crosscheck; please report it with the input
  73  the --output file could not be written (CC503)
  74  the database could not be opened: locked (CC603), not a crosscheck database (CC602),
      written by a newer crosscheck (CC601), or not writable (CC604)`;

export const INGEST_HELP = `Usage: crosscheck ingest INPUT... [options]

Reads articles from files, directories (recursively), dumps (.jsonl, .jsonl.gz streamed) or "-"
(standard input), cleans and analyses them on every core, assigns each to a story (a late
article joins its story; two stories found to be one are merged) and stores everything in a
database. Ingesting the same input twice adds nothing; an interrupted ingest (even killed) is
finished by running it again. Records that cannot be ingested are reported one by one, with
their place in the input ("dump.jsonl:1234"), and the rest is ingested.

Options:
${DB_OPTION}
  --format FORMAT     read every input as text, jsonl, html, feed or warc instead of guessing
  --allow-private     fetch URL inputs on private, loopback or link-local addresses (refused by default)
  --max-bytes N       largest input accepted per article, in bytes (default 8388608)
  --max-chars N       longest cleaned article text kept, in characters (default 1000000)
  --max-decompressed N  largest size one compressed (.gz) file may inflate to, in bytes (default
                      4294967296); a gzip bomb is stopped while inflating (CC112)
  --time-limit-ms N   time bound per article, in ms (default 30000; 0: none): an article past it
                      has its worker thread stopped and replaced (CC706), the rest goes on
  --workers N         worker threads for the per-article work (default: one per core but the
                      main thread's; 0: none)
  --analyze MODE      the stories left to analyze at the end (facts, reuse, coverage): some (default:
                      at least 300 articles' worth, then up to a tenth of the ingest's time), all,
                      or none; a story not analyzed is analyzed when it is first shown
  --enqueue           with --db postgres://…: only put the records on the queue, for
                      "crosscheck worker" processes on any number of machines to ingest
  --json              the summary as JSON on standard output
  -q, --quiet         print only warnings and errors, not info messages
  -h, --help          this help

On a terminal a progress line on standard error shows articles read, the rate and, when the
inputs' total size is known, the time left. At the end a summary: records read, new, already
stored, failed (by reason).

Examples:
  crosscheck ingest news/ dump.jsonl.gz
  zcat feed.jsonl.gz | crosscheck ingest - --format jsonl --db news.db

Exit codes:
  0   done: every record was ingested (or was already stored)
  2   no input could be read (CC501)
  3   partial: some records failed (each printed as a message), the rest was ingested
  64  usage error (CC502)
  70  internal error: a bug in crosscheck; please report it with the input
  74  the database could not be opened or written (CC601-CC604)
`;

export const STORIES_HELP = `Usage: crosscheck stories [options]

Lists the stories in the database: id, title, articles, outlets, dates and fact counts.

Options:
${DB_OPTION}
  --order newest|largest  latest publication first (default), or most articles first
  --since DATE        stories with an article published on or after DATE (ISO 8601)
  --until DATE        stories with an article published on or before DATE (a date includes the day)
  --changed-since T   stories with an article whose page changed at or after T (crosscheck watch),
                      each with its changes: version, differences, corrections and stealth edits
  --outlet NAME       stories with an article from this outlet (exact name)
  --limit N           at most N stories (default 20)
  --offset N          skip the first N (paging)
  --json              the list as JSON
  -h, --help          this help

${DB_EXIT_CODES}
`;

export const STORY_HELP = `Usage: crosscheck story ID [options]

The report of one stored story, as crosscheck compare prints it: facts (corroborated,
single-source, disputed) with their evidence, coverage by outlet, who copied whom, and each
article's profile.

Options:
${DB_OPTION}
  --json              the report as JSON (schema "crosscheck/1")
  --markdown          the report as Markdown
  --html              the report as one self-contained HTML file (no scripts, styles inline)
  -o, --output FILE   write the report to FILE instead of standard output
  --color, --no-color colour the terminal report or not
  --width N           wrap the terminal report to N columns
  -h, --help          this help

${DB_EXIT_CODES}
`;

export const ARTICLE_HELP = `Usage: crosscheck article ID [options]

One stored article: its profile (reporting or opinion, sources, loaded words, headline) with the
words behind every label, and the story it belongs to.

Options:
${DB_OPTION}
  --json              as JSON (schema "crosscheck/1"), with "storyId"
  --versions          the versions of its page (crosscheck watch): dates, hash, flags (correction,
                      stealth edit) with their evidence, and each difference from the version before
  --color, --no-color colour the terminal report or not
  -h, --help          this help

${DB_EXIT_CODES}
`;

export const SEARCH_HELP = `Usage: crosscheck search "text" [options]

Finds articles (title and text), stories (title) and facts (summary) by their words. Words are
matched by stem ("collide" finds "collided"); a word ending in * matches as a prefix.

Options:
${DB_OPTION}
  --limit N           at most N hits (default 20)
  --kind KINDS        only these kinds: article, story, fact (comma-separated)
  --json              the hits as JSON
  -h, --help          this help

${DB_EXIT_CODES}
`;

export const EXPORT_HELP = `Usage: crosscheck export --format jsonl|csv [options]

Writes the database's records one per line (JSONL) or row (CSV, RFC 4180 quoting), streamed.
Articles: id, uri, outlet, title, publishedAt, storyId, url, byline, lang, contentHash.
Stories: id, title, counts, outlets, dates, fact counts, article ids. Facts: story, id, status,
independent origins, article ids, summary, members (each article's words, span and stance) and
conflicts (both sides quoted); in CSV a member is "ARTICLE STANCE: words". In CSV, lists are
joined with "|".

Options:
${DB_OPTION}
  --format jsonl|csv  the output format (required)
  --what WHAT         articles (default), stories, facts, or versions (the pages crosscheck watch
                      follows, each with its versions: fetch time, content hash, diff spans, flags)
  -o, --output FILE   write to FILE instead of standard output
  -h, --help          this help

${DB_EXIT_CODES}
`;

export const EXTRACT_HELP = `Usage: crosscheck extract INPUT... [--format text|json|jsonl] [options]

Reads each input and prints what was extracted from it, without storing or comparing: the
headline, byline, publication date, canonical url, outlet, language, the cleaned text and the
messages. An INPUT is a file (.html/.htm page, .rss/.atom/.xml feed, .warc web archive, .txt,
.jsonl with a "text" or "html" field; any of them .gz), a directory, an http(s) URL, or "-".

Options:
  --format text|json|jsonl  output: readable text (default), one JSON array, or one JSON object
                            per article per line (uri, title, byline, publishedAt, text, messages...)
  --input F            read every input as F (text, jsonl, html, feed, warc) instead of guessing
  --allow-private      fetch URLs on private, loopback or link-local addresses (refused by default)
  --timeout S          time limit for fetching one URL, in seconds (default 15)
  --max-bytes N        largest input accepted per document, in bytes (default 8388608)
  --max-chars N        longest cleaned article text kept, in characters (default 1000000)
  --max-decompressed N largest size one compressed (.gz) file may inflate to, in bytes (default
                       4294967296); a gzip bomb is stopped while inflating (CC112)
  --time-limit-ms N    time bound per document, in ms (default 30000; 0: none); extract does not
                       analyze, and each page's parsing has its own bound (CC223)
  -q, --quiet          print only warnings and errors on standard error
  -h, --help           this help

Examples:
  crosscheck extract page.html
  crosscheck extract CC-NEWS-20191118.warc.gz --format jsonl > articles.jsonl
  crosscheck extract https://example.com/news/story.html --format json

${EXTRACT_EXIT_CODES}
`;

export const CLAIMS_HELP = `Usage: crosscheck claims INPUT... [options]

Reads the inputs as compare does (files, directories, URLs, "-" for standard input), analyses each
article and lists the claims most worth checking across all of them, best first: the score (the
check-worthiness model's probability, src/analyze/checkworthy/TRAINING.md), the claim's words, who
makes it (the speaker of its quote, the source of its attribution, or the article itself) and where
it is (input and UTF-16 span).

Options:
  --top N          list at most N claims (default 20)
  --min X          only claims scoring at least X, 0 to 1 (default 0.7, the "worth checking" line;
                   0 lists every claim)
  --json           JSON: {articles, claims: [{articleId, span, text, checkworthy, uri, outlet, speaker}]}
  --format F       read every input as text, jsonl, html, feed or warc
  -q, --quiet      print only warnings and errors on standard error
  -h, --help       this help

Examples:
  crosscheck claims story/*.html --top 10
  crosscheck claims transcript.txt --min 0 --json > claims.json

Exit codes:
  0   done
  64  usage error (CC502)
  66  no input gave an article (CC501)
  70  internal error: a bug in crosscheck; please report it with the input`;

export const CLASSIFY_HELP = `Usage: crosscheck classify [options] < SENTENCES.txt

Reads one sentence per line on standard input and writes one JSON object per line (JSONL):

  {"sentence": "...", "opinion": 0.91, "bias": 0.87, "loaded": [{"start": 4, "end": 11, "text": "railing"}]}

  opinion   probability that the sentence is the writer's opinion (trained on BABE label_opinion)
  bias      probability that its wording is biased (BABE label_bias; the bias model blended
            with the opinion model)
  loaded    the words marked as loaded (trained on BABE biased_words), outside quotation
            marks; start/end are UTF-16 offsets into the sentence

The model runs on the CPU from weights shipped with crosscheck (src/analyze/classifier/TRAINING.md
gives its data, features and validation scores). Empty lines are skipped.

Options:
  -h, --help   this help

Exit codes:
  0   done
  64  usage error (CC502)
  70  internal error: a bug in crosscheck; please report it with the input`;

export const SERVE_HELP = `Usage: crosscheck serve [options]

Serves the database as a web app and an HTTP API: the story list (newest or largest, search,
date and outlet filters), story pages (outlets side by side, facts with their evidence, reuse,
timeline, what each outlet left out), article pages (the text with its marks), and the same
content as JSON under /api (described at /openapi.json). Stops on Ctrl-C.

Adding articles (the page's form, POST /api/articles) needs the write token; without one the
server is read-only. Send it as "Authorization: Bearer TOKEN".

Options:
${DB_OPTION}
  --host HOST         the address to listen on (default 127.0.0.1, this machine only); another
                      address makes the database readable by anyone who can reach it
  --port N            the port (default 8080; 0 picks a free one)
  --token T           the write token (default: $CROSSCHECK_TOKEN); at least 16 characters when
                      --host is not a loopback address
  --max-body N        largest request body in bytes (default 16777216)
  --cache-seconds N   0 turns the page cache off; any other value (default 2) keeps rendered
                      pages until what they show changes: a write through the server or by
                      another process (crosscheck ingest beside it) shows on the next request
  -h, --help          this help

Exit codes:
  0   stopped by Ctrl-C or SIGTERM
  2   no database at the path and no token to create one (CC704)
  64  usage error: unknown option, bad value, or a short token beyond loopback (CC502, CC909)
  70  internal error: a bug in crosscheck; please report it
  71  could not listen on the host and port (CC909)
  74  the database could not be opened (CC601, CC602, CC603, CC604)
`;
