/**
 * Article body accuracy on ../shared/data/extraction (88 development pages), with the public
 * benchmark's metric (extraction-metric.ts), beside the published F1 of named peers and
 * @mozilla/readability on jsdom measured in the same run.
 *
 *   node --import tsx eval/extraction.ts             crosscheck + Readability, table
 *   node --import tsx eval/extraction.ts --no-peer   crosscheck only (fast)
 *   node --import tsx eval/extraction.ts --worst 10  also list the 10 worst pages
 */
import { extractHtmlBytes, bodyText } from '../src/extract/html/index.js';
import { parseDate } from '../src/extract/dates.js';
import { hasExtractionData, loadPages, type EvalPage } from './extraction-data.js';
import { precisionOf, recallOf, scorePage, summarise, type PageScore } from './extraction-metric.js';

const PUBLISHED: readonly [string, number][] = [
  ['Readability.js (published)', 0.947],
  ['trafilatura (published)', 0.958],
  ['go-trafilatura (published)', 0.96],
  ['rs-trafilatura (published)', 0.97],
];

export interface CrosscheckRun {
  scores: PageScore[];
  predictions: Map<string, string>;
  dates: { found: number; pages: number };
  bylines: { found: number; pages: number };
}

/** Runs crosscheck's extractor over the pages. */
export function runCrosscheck(pages: readonly EvalPage[]): CrosscheckRun {
  const scores: PageScore[] = [];
  const predictions = new Map<string, string>();
  let dates = 0;
  let bylines = 0;
  for (const p of pages) {
    const a = extractHtmlBytes(p.bytes, { uri: p.id, url: p.url });
    const text = bodyText(a);
    predictions.set(p.id, text);
    scores.push(scorePage(p.truth, text));
    if (a.publishedAt && parseDate(a.publishedAt)) dates++;
    if (a.byline) bylines++;
  }
  return { scores, predictions, dates: { found: dates, pages: pages.length }, bylines: { found: bylines, pages: pages.length } };
}

async function runReadability(pages: readonly EvalPage[]): Promise<PageScore[]> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  const vc = new VirtualConsole();
  return pages.map((p) => {
    try {
      const dom = new JSDOM(p.bytes, { url: p.url || 'https://example.com/', virtualConsole: vc });
      const out = new Readability(dom.window.document).parse();
      dom.window.close();
      return scorePage(p.truth, out?.textContent ?? '');
    } catch {
      return scorePage(p.truth, '');
    }
  });
}

function row(name: string, m: { precision: number; recall: number; f1: number } | null, published?: number): string {
  const f = (x: number): string => x.toFixed(3);
  return `${name.padEnd(32)} ${m ? f(m.precision) : '  -  '}  ${m ? f(m.recall) : '  -  '}  ${m ? f(m.f1) : f(published!)}`;
}

async function main(): Promise<void> {
  if (!hasExtractionData()) {
    console.error('../shared/data/extraction not found; nothing to evaluate');
    process.exit(2);
  }
  const args = process.argv.slice(2);
  const pages = loadPages();
  const run = runCrosscheck(pages);
  const ours = summarise(run.scores);
  console.log(`article body extraction, ${pages.length} pages (4-word shingles, P/R averaged over pages)\n`);
  console.log(`${'extractor'.padEnd(32)} prec.  recall F1`);
  console.log(row('crosscheck', ours));
  if (!args.includes('--no-peer')) console.log(row('@mozilla/readability (measured)', summarise(await runReadability(pages))));
  for (const [name, f1] of PUBLISHED) console.log(row(name, null, f1));
  console.log(`\nmetadata: date found on ${run.dates.found}/${run.dates.pages} pages, byline on ${run.bylines.found}/${run.bylines.pages}`);
  const w = args.indexOf('--worst');
  if (w >= 0) {
    const n = Number(args[w + 1] ?? 10);
    const ranked = pages.map((p, i) => ({ p, s: run.scores[i]! })).sort((a, b) => precisionOf(a.s) + recallOf(a.s) - (precisionOf(b.s) + recallOf(b.s)));
    for (const { p, s } of ranked.slice(0, n)) console.log(`${precisionOf(s).toFixed(2)} ${recallOf(s).toFixed(2)} ${p.id.slice(0, 12)} ${p.url}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
