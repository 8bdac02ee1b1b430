/**
 * Authors, checked without a labelled author set (trafilatura's labelled pages are held out whole):
 *
 *   1. Agreement: on the pages whose JSON-LD or meta tags name the authors, the visible-byline step
 *      of authors.ts alone (structured data hidden from it) must give the same names: exact (same
 *      list) and same names (same set, case and punctuation aside). The structured names are the
 *      reference; the byline step never sees them.
 *   2. Junk: every name found by the whole cascade, on every page, must not be the outlet, a url,
 *      an e-mail, hold digits or be longer than five words.
 *   3. Found: pages with at least one author.
 *
 * Pages: ../shared/data/extraction (88) and ../shared/data/htmldate (487), bytes only.
 *
 *   node --import tsx eval/authors.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '../src/read/charset.js';
import { descendants, parseHtml } from '../src/extract/html/parse.js';
import { readJsonLd } from '../src/extract/html/jsonld.js';
import { readMetadata } from '../src/extract/html/metadata.js';
import { findAuthors } from '../src/extract/html/authors.js';
import { EXTRACTION_DIR, hasExtractionData } from './extraction-data.js';
import { HTMLDATE_DIR, hasHtmldateData } from './dates-htmldate.js';

export interface AuthorRun {
  pages: number;
  found: number;
  reference: number;
  exact: number;
  sameNames: number;
  bylineFound: number;
  names: number;
  junk: string[];
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The pages, or every `step`-th of them (a slice for tests), read only when taken. */
export function pagesOf(step = 1): { id: string; bytes: Buffer }[] {
  const files: string[] = [];
  if (hasExtractionData()) for (const f of readdirSync(`${EXTRACTION_DIR}html`).sort()) files.push(`${EXTRACTION_DIR}html/${f}`);
  if (hasHtmldateData() && existsSync(`${HTMLDATE_DIR}pages`)) for (const f of readdirSync(`${HTMLDATE_DIR}pages`).sort()) files.push(`${HTMLDATE_DIR}pages/${f}`);
  return files.filter((_, i) => i % step === 0).map((f) => ({ id: f.slice(f.lastIndexOf('/') + 1), bytes: gunzipSync(readFileSync(f)) }));
}

export function runAuthors(pages: readonly { id: string; bytes: Buffer }[]): AuthorRun {
  const run: AuthorRun = { pages: 0, found: 0, reference: 0, exact: 0, sameNames: 0, bylineFound: 0, names: 0, junk: [] };
  for (const p of pages) {
    const page = parseHtml(decodeHtml(p.bytes).text);
    const elements = descendants(page.root);
    const jsonld = readJsonLd(page.jsonld);
    const meta = readMetadata(page, jsonld, elements, null);
    run.pages++;
    if (meta.authors.length > 0) run.found++;
    for (const n of meta.authors) {
      run.names++;
      if ((meta.outlet && norm(n) === norm(meta.outlet)) || /\d|@|https?:|www\./.test(n) || n.split(' ').length > 5) run.junk.push(`${p.id}: ${n}`);
    }
    if (meta.authorsVia !== 'json-ld' && meta.authorsVia !== 'meta') continue;
    run.reference++;
    const visible = findAuthors({ ...page, metas: [] }, { ...jsonld, article: null }, elements, meta.outlet);
    if (visible.names.length === 0) continue;
    run.bylineFound++;
    if (visible.names.length === meta.authors.length && visible.names.every((n, i) => n === meta.authors[i])) run.exact++;
    const a = new Set(visible.names.map(norm));
    const b = new Set(meta.authors.map(norm));
    if (a.size === b.size && [...a].every((x) => b.has(x))) run.sameNames++;
  }
  return run;
}

function main(): void {
  const pages = pagesOf();
  if (pages.length === 0) {
    console.error('../shared/data/extraction and ../shared/data/htmldate not found; nothing to evaluate');
    process.exit(2);
  }
  const r = runAuthors(pages);
  const f = (x: number, n: number): string => `${x}/${n} (${n > 0 ? (x / n).toFixed(3) : '-'})`;
  console.log(`authors on ${r.pages} pages (extraction + htmldate development pages)\n`);
  console.log(`pages with authors:                            ${f(r.found, r.pages)}`);
  console.log(`pages whose JSON-LD / meta name the authors:     ${r.reference}`);
  console.log(`  visible byline found on                       ${f(r.bylineFound, r.reference)}`);
  console.log(`  visible byline gives the same list (exact)    ${f(r.exact, r.reference)}`);
  console.log(`  visible byline gives the same names           ${f(r.sameNames, r.reference)}`);
  console.log(`  same names where a visible byline was found   ${f(r.sameNames, r.bylineFound)}`);
  console.log(`junk names (outlet, url, e-mail, digits, >5 words): ${r.junk.length} of ${r.names}`);
  for (const j of r.junk.slice(0, 20)) console.log(`  ${j}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
