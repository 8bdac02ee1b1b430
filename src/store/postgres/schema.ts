/**
 * The PostgreSQL schema as an ordered list of migrations (the same layout as the SQLite one,
 * see ../sqlite/schema.ts). Each step runs once, in its own transaction, and is recorded in
 * `schema_version`; never edit a released step, add one. Everything lives in one schema
 * (default `crosscheck`, or `?schema=` in the URL), so a database can hold several crosscheck
 * stores and other programs' tables.
 *
 * Differences from SQLite, and why:
 * - Keys and ids are `COLLATE "C"`: time keys are ISO strings compared bytewise (a locale
 *   collation ignores the punctuation and misorders "2017-11-15" and "2017-11-15T12:00Z"), and
 *   ties sort by id exactly as SQLite's BINARY does.
 * - Full-text search is a tsvector per row with a GIN index. Articles weigh the title (A) above
 *   the body (B); the vector is computed at insert (titles and texts never change), stories'
 *   and facts' are generated columns.
 * - Documents are `text`, not jsonb: jsonb reorders keys, and articles must come back byte for byte.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Text search configuration of the schema: English stemming with no stop words, as SQLite's
 * porter tokenizer (PostgreSQL's own 'english' drops "a", "the", "and": a search for
 * "council met A" would then find every council meeting).
 */
export const TS_CONFIG = 'crosscheck_english';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, stories, facts, candidate index, full-text search',
    sql: `
CREATE TEXT SEARCH DICTIONARY crosscheck_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION ${TS_CONFIG} (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION ${TS_CONFIG}
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH crosscheck_stem;

CREATE TABLE stories (
  seq              BIGSERIAL PRIMARY KEY,
  id               TEXT COLLATE "C" NOT NULL UNIQUE,
  title            TEXT NOT NULL,
  article_count    INTEGER NOT NULL,
  outlet_count     INTEGER NOT NULL,
  outlets          TEXT NOT NULL,
  first_published  TEXT,
  last_published   TEXT,
  first_key        TEXT COLLATE "C",
  last_key         TEXT COLLATE "C",
  corroborated     INTEGER NOT NULL DEFAULT 0,
  single_source    INTEGER NOT NULL DEFAULT 0,
  disputed         INTEGER NOT NULL DEFAULT 0,
  stale_since      BIGINT,
  doc              TEXT NOT NULL,
  search           tsvector GENERATED ALWAYS AS (to_tsvector('${TS_CONFIG}', title)) STORED
);
CREATE INDEX stories_newest ON stories (last_key DESC, id);
CREATE INDEX stories_largest ON stories (article_count DESC, id);
CREATE INDEX stories_stale ON stories (stale_since, id) WHERE stale_since IS NOT NULL;
CREATE INDEX stories_search ON stories USING GIN (search);

CREATE TABLE articles (
  seq          BIGSERIAL PRIMARY KEY,
  id           TEXT COLLATE "C" NOT NULL UNIQUE,
  content_hash TEXT COLLATE "C" NOT NULL UNIQUE,
  uri          TEXT NOT NULL,
  url          TEXT,
  outlet       TEXT,
  title        TEXT,
  byline       TEXT,
  published_at TEXT,
  time_key     TEXT COLLATE "C",
  lang         TEXT,
  story_id     TEXT COLLATE "C" REFERENCES stories(id) ON DELETE SET NULL
);
CREATE INDEX articles_by_story ON articles (story_id, time_key);
CREATE INDEX articles_by_outlet ON articles (outlet, story_id);

-- The big columns apart, so that moving an article between stories rewrites a narrow row.
CREATE TABLE article_bodies (
  seq    BIGINT PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  text   TEXT NOT NULL,
  doc    TEXT NOT NULL,
  search tsvector NOT NULL
);
CREATE INDEX article_bodies_search ON article_bodies USING GIN (search);

CREATE TABLE facts (
  seq                 BIGSERIAL PRIMARY KEY,
  story_id            TEXT COLLATE "C" NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  ord                 INTEGER NOT NULL,
  id                  TEXT COLLATE "C" NOT NULL,
  status              TEXT NOT NULL,
  independent_origins INTEGER NOT NULL,
  article_ids         TEXT NOT NULL,
  summary             TEXT NOT NULL,
  doc                 TEXT NOT NULL,
  search              tsvector GENERATED ALWAYS AS (to_tsvector('${TS_CONFIG}', summary)) STORED,
  UNIQUE (story_id, ord)
);
CREATE INDEX facts_search ON facts USING GIN (search);

CREATE TABLE fingerprints (
  article_seq BIGINT PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  terms       TEXT NOT NULL,
  entities    TEXT NOT NULL,
  bands       TEXT NOT NULL,
  minhash     BYTEA NOT NULL
);

-- The posting lists of the candidate index: a lookup reads a bounded range of one key's list,
-- most recent first, through the primary key.
CREATE TABLE postings (
  key         TEXT COLLATE "C" NOT NULL,
  time_key    TEXT COLLATE "C" NOT NULL,
  article_seq BIGINT NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  PRIMARY KEY (key, time_key, article_seq)
);
CREATE INDEX postings_by_article ON postings (article_seq);
`,
  },
  {
    version: 2,
    name: 'clusterer state (document-frequency sketch)',
    sql: `
CREATE TABLE state (
  key   TEXT COLLATE "C" PRIMARY KEY,
  value BYTEA NOT NULL
);
`,
  },
  {
    version: 3,
    name: 'ingest queue and workers',
    sql: `
-- One job per input record (its raw text and where it came from). A worker takes one with
-- FOR UPDATE SKIP LOCKED and holds it for a lease; a job whose lease ran out is taken again.
CREATE TABLE jobs (
  seq          BIGSERIAL PRIMARY KEY,
  content_hash TEXT COLLATE "C" NOT NULL UNIQUE,
  source       TEXT NOT NULL,
  state        TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  worker       TEXT,
  lease_until  TIMESTAMPTZ,
  enqueued_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  finished_at  TIMESTAMPTZ,
  reason       TEXT
);
CREATE INDEX jobs_ready ON jobs (seq) WHERE state = 'queued';
CREATE INDEX jobs_leased ON jobs (lease_until) WHERE state = 'running';
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE state = 'done';

CREATE TABLE workers (
  id         TEXT COLLATE "C" PRIMARY KEY,
  host       TEXT NOT NULL,
  pid        INTEGER NOT NULL,
  started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  seen_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  stopped_at TIMESTAMPTZ,
  done       BIGINT NOT NULL DEFAULT 0,
  failed     BIGINT NOT NULL DEFAULT 0,
  busy_ms    BIGINT NOT NULL DEFAULT 0,
  db_wait_ms BIGINT NOT NULL DEFAULT 0
);
`,
  },
  {
    version: 4,
    name: 'story versions (for the web server\'s page cache)',
    // Every insert or update of a story row takes the next number of a sequence (never reused),
    // so a page made from a story is checked by reading one integer (see ../sqlite/schema.ts).
    sql: `
CREATE SEQUENCE story_versions;
ALTER TABLE stories ADD COLUMN version BIGINT NOT NULL DEFAULT nextval('story_versions');
CREATE FUNCTION stories_next_version() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  NEW.version := nextval('story_versions');
  RETURN NEW;
END $$;
CREATE TRIGGER stories_version BEFORE UPDATE ON stories FOR EACH ROW EXECUTE FUNCTION stories_next_version();
`,
  },
  {
    // 5, not 4: version 4 is the web server's (story versions, in both stores); 3 here is the job queue.
    version: 5,
    name: 'document-frequency sketch as rows',
    // One row per non-zero counter (bucket -1 holds the number of documents): an ingest batch
    // adds to the counters it moved (row locks on those alone) instead of rewriting a 4 MiB value.
    sql: `
CREATE TABLE sketch (
  bucket INTEGER PRIMARY KEY,
  count  BIGINT NOT NULL
);
`,
  },
  {
    version: 6,
    name: 'watch: targets, hosts, article versions',
    // crosscheck watch (src/watch, ../versions.ts; the same tables as ../sqlite/schema.ts step 6): what to fetch and when, per-host politeness,
    // and every version of a watched page with its diff (doc JSON: diff spans and flags).
    sql: `
CREATE TABLE watch_targets (
  url             TEXT COLLATE "C" PRIMARY KEY,
  kind            TEXT NOT NULL,
  feed            TEXT,
  added_at        TEXT NOT NULL,
  due_at          TEXT COLLATE "C" NOT NULL,
  etag            TEXT,
  last_modified   TEXT,
  last_fetched_at TEXT,
  last_changed_at TEXT,
  published_at    TEXT,
  fetches         INTEGER NOT NULL DEFAULT 0,
  failures        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  lease_worker    TEXT,
  lease_until     TEXT COLLATE "C"
);
CREATE INDEX watch_targets_due ON watch_targets(due_at, url);
CREATE TABLE watch_hosts (
  host      TEXT COLLATE "C" PRIMARY KEY,
  next_at   TEXT COLLATE "C" NOT NULL,
  failures  INTEGER NOT NULL DEFAULT 0,
  robots    TEXT,
  robots_at TEXT
);
CREATE TABLE article_versions (
  seq          BIGSERIAL PRIMARY KEY,
  url          TEXT COLLATE "C" NOT NULL,
  n            INTEGER NOT NULL,
  article_id   TEXT COLLATE "C",
  fetched_at   TEXT COLLATE "C" NOT NULL,
  content_hash TEXT NOT NULL,
  title        TEXT,
  published_at TEXT,
  modified_at  TEXT,
  text         TEXT NOT NULL,
  doc          TEXT NOT NULL,
  UNIQUE (url, n)
);
CREATE INDEX article_versions_by_article ON article_versions(article_id);
CREATE INDEX article_versions_by_time ON article_versions(fetched_at) WHERE n > 1;
`,
  },
  {
    version: 7,
    name: 'story members in order on the articles',
    // As ../sqlite/schema.ts step 7: each member keeps its place in its story on its own row
    // (story_ord), the story row the next place to give (next_ord), so that a batch adding to a
    // story writes the joined rows and the listing columns, not the story's whole member list.
    // Documents written before keep their old list, which reads ignore.
    sql: `
ALTER TABLE articles ADD COLUMN story_ord INTEGER;
ALTER TABLE stories ADD COLUMN next_ord INTEGER NOT NULL DEFAULT 0;
UPDATE articles a SET story_ord = o.ord
  FROM (SELECT s.id AS story_id, j.value AS id, MIN(j.ordinality - 1)::int AS ord
          FROM stories s, json_array_elements_text(s.doc::json -> 'articleIds') WITH ORDINALITY AS j(value, ordinality)
         GROUP BY s.id, j.value) o
 WHERE a.id = o.id AND a.story_id = o.story_id;
UPDATE stories s SET next_ord = COALESCE((SELECT MAX(a.story_ord) + 1 FROM articles a WHERE a.story_id = s.id), 0);
`,
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);
