/**
 * HTML extraction speed: crosscheck's extractor (our HTML tokenizer, src/extract/html) against
 * @mozilla/readability on jsdom (the baseline peer, a dev dependency), over the same pages of
 * ../shared/data/extraction in the same process. Prints pages/s, ms/page and the ratio, the
 * machine's load, and what a whole page costs in the pipeline: read (charset) then extract
 * (the cascade, the text tracked back to the page, cleaning and metadata), in wall time and in CPU
 * time (which a loaded machine bends less).
 *
 *   node --import tsx bench/extraction.bench.ts [--rounds N]
 */
import { loadavg } from 'node:os';
import { extractHtmlBytes } from '../src/extract/html/index.js';
import { extract } from '../src/extract/index.js';
import { htmlFromBytes } from '../src/read/html.js';
import { DEFAULT_CONTEXT, type SourceRecord } from '../src/model/index.js';
import { hasExtractionData, loadPages } from '../eval/extraction-data.js';
import { cpuMsSince } from './fnc1.js';

/** Issue #21's goal: at most 2 ms a page, at least 100x Readability in the same run (it was 40x and 5 ms before). */
const GOAL_RATIO = 100;
const GOAL_MS = 2;

async function main(): Promise<void> {
  if (!hasExtractionData()) {
    console.error('../shared/data/extraction not found');
    process.exit(2);
  }
  const args = process.argv.slice(2);
  const r = args.indexOf('--rounds');
  const rounds = r >= 0 ? Number(args[r + 1]) : 5;
  const pages = loadPages();
  const bytes = pages.reduce((n, p) => n + p.bytes.length, 0);
  // Warm up, then time crosscheck over several rounds.
  for (const p of pages) extractHtmlBytes(p.bytes, { uri: p.id, url: p.url });
  let t = performance.now();
  let cpu = process.cpuUsage();
  for (let k = 0; k < rounds; k++) for (const p of pages) extractHtmlBytes(p.bytes, { uri: p.id, url: p.url });
  const oursMs = (performance.now() - t) / (rounds * pages.length);
  const oursCpuMs = cpuMsSince(cpu) / (rounds * pages.length);
  const records = pages.map((p) => {
    const item = htmlFromBytes(p.bytes, p.id, { url: p.url });
    return item.kind === 'source' ? item.source : null;
  }).filter((s): s is SourceRecord => s !== null);
  for (const s of records) extract(s, DEFAULT_CONTEXT);
  t = performance.now();
  cpu = process.cpuUsage();
  for (let k = 0; k < rounds; k++) for (const p of pages) {
    const item = htmlFromBytes(p.bytes, p.id, { url: p.url });
    if (item.kind === 'source') extract(item.source, DEFAULT_CONTEXT);
  }
  const wholeMs = (performance.now() - t) / (rounds * pages.length);
  const wholeCpuMs = cpuMsSince(cpu) / (rounds * pages.length);

  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  const vc = new VirtualConsole();
  t = performance.now();
  for (const p of pages) {
    const dom = new JSDOM(p.bytes, { url: p.url || 'https://example.com/', virtualConsole: vc });
    new Readability(dom.window.document).parse();
    dom.window.close();
  }
  const peerMs = (performance.now() - t) / pages.length;
  const ratio = peerMs / oursMs;
  const row = (name: string, ms: number, cpuMs?: number): string =>
    `${name.padEnd(34)} ${(1000 / ms).toFixed(1).padStart(8)} pages/s ${ms.toFixed(2).padStart(8)} ms/page${cpuMs === undefined ? '' : ` ${cpuMs.toFixed(2).padStart(8)} ms CPU/page`}`;
  console.log(`HTML extraction, ${pages.length} pages (${(bytes / pages.length / 1024).toFixed(0)} KiB each on average), same process\n`);
  console.log(row('crosscheck', oursMs, oursCpuMs));
  console.log(row('@mozilla/readability on jsdom', peerMs));
  console.log(row('crosscheck read + extract (whole)', wholeMs, wholeCpuMs));
  console.log(`\nload average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (figures taken under load are not comparable with quiet ones; CPU time, which load bends less, is the closer guide then)`);
  console.log(`\nratio: ${ratio.toFixed(1)}x (goal >= ${GOAL_RATIO}x, <= ${GOAL_MS} ms/page): ${ratio >= GOAL_RATIO && oursMs <= GOAL_MS ? 'met' : 'NOT met'}`);
}

await main();
