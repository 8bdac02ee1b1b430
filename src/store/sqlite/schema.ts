/**
 * The SQLite schema as an ordered list of migrations. Each step runs once, in its own
 * transaction, and is recorded in `schema_version`; never edit a released step, add one.
 *
 * Layout:
 * - articles: one row per content hash, the queryable fields; article_bodies: the text and the
 *   layers as `doc` JSON (with `text` left empty: the text lives once, in the `text` column,
 *   which the FTS index reads as external content through the article_search view).
 * - stories: the summary columns listings need, and the Story JSON (`facts` left empty: facts
 *   are rows of their own so that they can be searched and exported one by one).
 * - facts: one row per fact of a story, in order; deleted with their story.
 * - fingerprints + postings: the candidate index for incremental clustering. A posting is
 *   (month, key, time, article) since version 5; a lookup reads a bounded range of one key's list
 *   in each month of its window through the primary key.
 * - articles_fts, stories_fts, facts_fts: FTS5 indexes over external content, kept in sync by
 *   triggers (so in the same transaction as the write).
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** PRAGMA application_id of a crosscheck database: "CCdb". */
export const APPLICATION_ID = 0x43436462;

const FTS_TOKENIZER = `tokenize = 'porter unicode61 remove_diacritics 2'`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, stories, facts, candidate index, full-text search',
    sql: `
CREATE TABLE articles (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  uri          TEXT NOT NULL,
  url          TEXT,
  outlet       TEXT,
  title        TEXT,
  byline       TEXT,
  published_at TEXT,
  time_key     TEXT,
  lang         TEXT,
  story_id     TEXT REFERENCES stories(id) ON DELETE SET NULL
);
-- The big columns apart, so that moving an article between stories rewrites a narrow row.
CREATE TABLE article_bodies (
  seq  INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  text TEXT NOT NULL,
  doc  TEXT NOT NULL
);
CREATE VIEW article_search AS SELECT a.seq AS seq, a.title AS title, b.text AS text FROM articles a JOIN article_bodies b ON b.seq = a.seq;
CREATE INDEX articles_by_story ON articles(story_id, time_key);
CREATE INDEX articles_by_outlet ON articles(outlet, story_id);

CREATE TABLE stories (
  seq              INTEGER PRIMARY KEY,
  id               TEXT NOT NULL UNIQUE,
  title            TEXT NOT NULL,
  article_count    INTEGER NOT NULL,
  outlet_count     INTEGER NOT NULL,
  outlets          TEXT NOT NULL,
  first_published  TEXT,
  last_published   TEXT,
  first_key        TEXT,
  last_key         TEXT,
  corroborated     INTEGER NOT NULL DEFAULT 0,
  single_source    INTEGER NOT NULL DEFAULT 0,
  disputed         INTEGER NOT NULL DEFAULT 0,
  stale_since      INTEGER,
  doc              TEXT NOT NULL
);
CREATE INDEX stories_newest ON stories(last_key DESC, id);
CREATE INDEX stories_largest ON stories(article_count DESC, id);
CREATE INDEX stories_stale ON stories(stale_since) WHERE stale_since IS NOT NULL;

CREATE TABLE facts (
  seq                 INTEGER PRIMARY KEY,
  story_id            TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  ord                 INTEGER NOT NULL,
  id                  TEXT NOT NULL,
  status              TEXT NOT NULL,
  independent_origins INTEGER NOT NULL,
  article_ids         TEXT NOT NULL,
  summary             TEXT NOT NULL,
  doc                 TEXT NOT NULL,
  UNIQUE (story_id, ord)
);

CREATE TABLE fingerprints (
  article_seq INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  terms       TEXT NOT NULL,
  entities    TEXT NOT NULL,
  bands       TEXT NOT NULL,
  minhash     BLOB NOT NULL
);

CREATE TABLE postings (
  key         TEXT NOT NULL,
  time_key    TEXT NOT NULL,
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  PRIMARY KEY (key, time_key, article_seq)
) WITHOUT ROWID;
CREATE INDEX postings_by_article ON postings(article_seq);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content = 'article_search', content_rowid = 'seq', ${FTS_TOKENIZER});
-- Titles never change (an article is its content); the body row is written after the article row.
CREATE TRIGGER articles_fts_insert AFTER INSERT ON article_bodies BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, (SELECT title FROM articles WHERE seq = new.seq), new.text);
END;
CREATE TRIGGER articles_fts_delete BEFORE DELETE ON article_bodies BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, (SELECT title FROM articles WHERE seq = old.seq), old.text);
END;

CREATE VIRTUAL TABLE stories_fts USING fts5(title, content = 'stories', content_rowid = 'seq', ${FTS_TOKENIZER});
CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
  INSERT INTO stories_fts(rowid, title) VALUES (new.seq, new.title);
END;
CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
  INSERT INTO stories_fts(stories_fts, rowid, title) VALUES ('delete', old.seq, old.title);
END;
CREATE TRIGGER stories_fts_update AFTER UPDATE OF title ON stories BEGIN
  INSERT INTO stories_fts(stories_fts, rowid, title) VALUES ('delete', old.seq, old.title);
  INSERT INTO stories_fts(rowid, title) VALUES (new.seq, new.title);
END;

CREATE VIRTUAL TABLE facts_fts USING fts5(summary, content = 'facts', content_rowid = 'seq', ${FTS_TOKENIZER});
CREATE TRIGGER facts_fts_insert AFTER INSERT ON facts BEGIN
  INSERT INTO facts_fts(rowid, summary) VALUES (new.seq, new.summary);
END;
CREATE TRIGGER facts_fts_delete AFTER DELETE ON facts BEGIN
  INSERT INTO facts_fts(facts_fts, rowid, summary) VALUES ('delete', old.seq, old.summary);
END;
`,
  },
  {
    version: 2,
    name: 'clusterer state (document-frequency sketch)',
    sql: `
CREATE TABLE state (
  key   TEXT PRIMARY KEY,
  value BLOB NOT NULL
);
`,
  },
  {
    version: 3,
    name: 'document-frequency sketch as rows',
    // One row per non-zero counter (bucket -1 holds the number of documents): an ingest batch
    // adds to the few thousand counters it moved instead of rewriting a 4 MiB value.
    sql: `
CREATE TABLE sketch (
  bucket INTEGER PRIMARY KEY,
  count  INTEGER NOT NULL
);
`,
  },
  {
    version: 4,
    name: 'story versions (for the web server\'s page cache)',
    // Every insert or update of a story row (its document, facts, membership, staleness all
    // go through one) takes the next number of one counter, so a page made from a story can be
    // checked by reading one integer; numbers are never reused, even by a story deleted and
    // made again under the same id. The trigger's own update does not fire it again: the WHEN
    // sees the version move.
    sql: `
CREATE TABLE story_version_counter (n INTEGER NOT NULL);
INSERT INTO story_version_counter (n) VALUES (0);
ALTER TABLE stories ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER stories_version_insert AFTER INSERT ON stories BEGIN
  UPDATE story_version_counter SET n = n + 1;
  UPDATE stories SET version = (SELECT n FROM story_version_counter) WHERE seq = new.seq;
END;
CREATE TRIGGER stories_version_update AFTER UPDATE ON stories WHEN new.version = old.version BEGIN
  UPDATE story_version_counter SET n = n + 1;
  UPDATE stories SET version = (SELECT n FROM story_version_counter) WHERE seq = new.seq;
END;
`,
  },
  {
    version: 5,
    name: 'postings by month',
    // The posting index led by the month of the article (the first 7 characters of its time key;
    // '' when undated): keyed by (key, time) alone, each article's ~96 postings landed on as many
    // leaves scattered over the whole index, so a commit's writes fell outside the page cache more
    // often the larger the collection (100k/10k CPU per article 1.72). Articles come roughly in
    // time order, so the leaves a commit writes are now those of the current month: a region that
    // does not grow with the collection. A lookup reads the months its window covers, a few seeks.
    // The index by article goes: it was a second B-tree insert per posting (~5% of the stage's
    // CPU), and a fingerprint replaced finds its postings by their whole key, from the old
    // fingerprint's keys and the article's time, which never changes. The store never deletes an
    // article; the cascade stays for one deleted by hand (a scan of the postings then).
    sql: `
CREATE TABLE postings_v5 (
  month       TEXT NOT NULL,
  key         TEXT NOT NULL,
  time_key    TEXT NOT NULL,
  article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  PRIMARY KEY (month, key, time_key, article_seq)
) WITHOUT ROWID;
INSERT INTO postings_v5 (month, key, time_key, article_seq) SELECT substr(time_key, 1, 7), key, time_key, article_seq FROM postings ORDER BY 1, 2, 3, 4;
DROP TABLE postings;
ALTER TABLE postings_v5 RENAME TO postings;
`,
  },
  {
    version: 6,
    name: 'watch: targets, hosts, article versions',
    // crosscheck watch (src/watch, ../versions.ts): what to fetch and when, per-host politeness,
    // and every version of a watched page with its diff (doc JSON: diff spans and flags).
    sql: `
CREATE TABLE watch_targets (
  url             TEXT PRIMARY KEY,
  kind            TEXT NOT NULL,
  feed            TEXT,
  added_at        TEXT NOT NULL,
  due_at          TEXT NOT NULL,
  etag            TEXT,
  last_modified   TEXT,
  last_fetched_at TEXT,
  last_changed_at TEXT,
  published_at    TEXT,
  fetches         INTEGER NOT NULL DEFAULT 0,
  failures        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  lease_worker    TEXT,
  lease_until     TEXT
);
CREATE INDEX watch_targets_due ON watch_targets(due_at, url);
CREATE TABLE watch_hosts (
  host      TEXT PRIMARY KEY,
  next_at   TEXT NOT NULL,
  failures  INTEGER NOT NULL DEFAULT 0,
  robots    TEXT,
  robots_at TEXT
);
CREATE TABLE article_versions (
  seq          INTEGER PRIMARY KEY,
  url          TEXT NOT NULL,
  n            INTEGER NOT NULL,
  article_id   TEXT,
  fetched_at   TEXT NOT NULL,
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
    // A story's member list out of its document: each member keeps its place in the story
    // (story_ord) on its own row, and the story row the next place to give (next_ord). A batch
    // that adds articles to a story then writes only the joined rows and the story's listing
    // columns: with the list in the document, every batch parsed and rewrote the whole list (and
    // the analysis with it), so a story of tens of thousands of members cost as much per batch
    // (clustering stage 1M/10k 1.93). The documents written before keep their old list, which
    // reads ignore (the members' rows are the list now).
    sql: `
ALTER TABLE articles ADD COLUMN story_ord INTEGER;
ALTER TABLE stories ADD COLUMN next_ord INTEGER NOT NULL DEFAULT 0;
CREATE TABLE story_ord_v7 (id TEXT NOT NULL, story_id TEXT NOT NULL, ord INTEGER NOT NULL, PRIMARY KEY (id, story_id)) WITHOUT ROWID;
INSERT OR IGNORE INTO story_ord_v7 (id, story_id, ord) SELECT j.value, s.id, j.key FROM stories s, json_each(s.doc, '$.articleIds') j;
UPDATE articles SET story_ord = (SELECT ord FROM story_ord_v7 o WHERE o.id = articles.id AND o.story_id = articles.story_id) WHERE story_id IS NOT NULL;
DROP TABLE story_ord_v7;
UPDATE stories SET next_ord = COALESCE((SELECT MAX(story_ord) + 1 FROM articles WHERE story_id = stories.id), 0);
`,
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);
