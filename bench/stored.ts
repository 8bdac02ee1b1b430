/**
 * What an ingest stored in a SQLite file, as digests the A/B benches compare (ingest-ab,
 * cluster-ab): one per table, rows in a fixed order, by article id rather than by row number,
 * without the columns that hold a clock (stale_since, version); and the analysis of each story
 * apart (a bounded final pass analyses more or fewer of them from one run to the next).
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface Stored {
  /** Table -> sha256 of its rows. */
  tables: Record<string, string>;
  /** Story id -> sha256 of its analysis (its document and facts), for the stories analysed. */
  analyses: Record<string, string>;
}

const QUERIES: Record<string, string> = {
  articles: 'SELECT id, content_hash, uri, url, outlet, title, byline, published_at, time_key, lang, story_id, story_ord FROM articles ORDER BY id',
  bodies: 'SELECT a.id, b.text, b.doc FROM articles a JOIN article_bodies b ON b.seq = a.seq ORDER BY a.id',
  fingerprints: 'SELECT a.id, f.terms, f.entities, f.bands, hex(f.minhash) FROM fingerprints f JOIN articles a ON a.seq = f.article_seq ORDER BY a.id',
  postings: 'SELECT p.month, p.key, p.time_key, a.id FROM postings p JOIN articles a ON a.seq = p.article_seq ORDER BY 1, 2, 3, 4',
  stories: 'SELECT id, title, article_count, outlet_count, outlets, first_published, last_published, first_key, last_key, stale_since IS NULL FROM stories ORDER BY id',
  sketch: 'SELECT bucket, count FROM sketch ORDER BY bucket',
};

function digest(rows: readonly unknown[][]): string {
  const h = createHash('sha256');
  for (const r of rows) h.update(JSON.stringify(r)).update('\n');
  return h.digest('hex');
}

export function storedDigests(db: Database.Database): Stored {
  const tables: Record<string, string> = {};
  for (const [table, sql] of Object.entries(QUERIES)) tables[table] = digest(db.prepare(sql).raw().all() as unknown[][]);
  const analyses: Record<string, string> = {};
  const facts = db.prepare('SELECT ord, id, status, independent_origins, article_ids, summary, doc FROM facts WHERE story_id = ? ORDER BY ord').raw();
  for (const [id, doc] of db.prepare('SELECT id, doc FROM stories WHERE stale_since IS NULL ORDER BY id').raw().all() as [string, string][]) {
    analyses[id] = digest([[doc], ...(facts.all(id) as unknown[][])]);
  }
  return { tables, analyses };
}

/** The first difference between what two runs stored (tables, then the stories both analysed), or null. */
export function storedDifference(a: Stored, b: Stored): string | null {
  for (const table of Object.keys(a.tables)) if (a.tables[table] !== b.tables[table]) return `table ${table} differs`;
  const both = Object.keys(a.analyses).filter((id) => id in b.analyses);
  const differs = both.find((id) => a.analyses[id] !== b.analyses[id]);
  return differs === undefined ? null : `the analysis of story ${differs} differs (${both.length} analysed by both)`;
}
