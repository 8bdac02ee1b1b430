/**
 * A/B of HTML extraction between two builds of crosscheck, on the 88 pages of
 * ../shared/data/extraction (as pipeline-ab.ts does for the per-article pipeline):
 *   1. every page's extraction (`extractHtmlBytes`: title, metadata, lines and their raw runs)
 *      must be identical between A and B, else the first difference is printed and the exit
 *      status is 1 (pass --allow-diff to time builds that are meant to differ); raw runs are
 *      compared once runs that continue each other verbatim are merged (htmlparser2, before
 *      our tokenizer, also split them where it was fed the page in 64 KiB slices);
 *   2. the same for the whole page route of the pipeline, read (`htmlFromBytes`) then `extract`:
 *      the Article of every page (the Doc less its working layers) must be identical;
 *   3. then A and B are timed in alternating rounds (A B B A ...), CPU time, and the medians
 *      printed, for the whole of `extractHtmlBytes`, for `parseHtml` alone and for the route.
 * Both builds live in one process, so they share the JIT's warm-up and the machine's load.
 *
 *   node --import tsx bench/extraction-ab.ts --a 1939229 --b . [--rounds 9]
 *
 * `--a` / `--b`: a directory holding a checkout, or a git revision (exported with git archive
 * under the system's temporary folder, cached by commit).
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hasExtractionData, loadPages } from '../eval/extraction-data.js';
import { decodeHtml } from '../src/read/charset.js';
import { DEFAULT_CONTEXT, type Article, type Context, type Doc, type SourceRecord } from '../src/model/index.js';
import { cpuMsOf, intArg, median } from './fnc1.js';
import { checkoutOf, repo } from './checkout.js';


function stringArg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
}


type Extract = (bytes: Uint8Array, options: { uri: string; url?: string | null }) => unknown;
type Parse = (html: string) => unknown;
/** The page route of the pipeline: read the bytes, then extract; the Article made. */
type Route = (bytes: Uint8Array, uri: string, url: string) => Article | null;

async function load(dir: string): Promise<{ extract: Extract; parse: Parse; route: Route }> {
  const at = (path: string): string => pathToFileURL(join(dir, 'src', `${path}.ts`)).href;
  const { extractHtmlBytes } = (await import(at('extract/html/index'))) as { extractHtmlBytes: Extract };
  const { parseHtml } = (await import(at('extract/html/parse'))) as { parseHtml: Parse };
  const { htmlFromBytes } = (await import(at('read/html'))) as { htmlFromBytes: (bytes: Uint8Array, uri: string, origin: { url: string }) => { kind: string; source?: SourceRecord } };
  const { extract } = (await import(at('extract/index'))) as { extract: (source: SourceRecord, ctx: Context) => Doc };
  const { toArticle } = (await import(at('model/index'))) as { toArticle: (doc: Doc) => Article };
  const route: Route = (bytes, uri, url) => {
    const item = htmlFromBytes(bytes, uri, { url });
    return item.source ? toArticle(extract(item.source, DEFAULT_CONTEXT)) : null;
  };
  return { extract: extractHtmlBytes, parse: parseHtml, route };
}

/** A line's runs (offset in text, raw start, raw end) with verbatim neighbours merged. */
function mergedRuns(runs: number[], length: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs.length; i += 3) {
    const [off, start, end] = [runs[i]!, runs[i + 1]!, runs[i + 2]!];
    const len = (i + 3 < runs.length ? runs[i + 3]! : length) - off;
    const k = out.length - 3;
    if (k >= 0 && out[k + 2] === start && len === end - start && off - out[k]! === out[k + 2]! - out[k + 1]!) out[k + 2] = end;
    else out.push(off, start, end);
  }
  return out;
}

function canonical(result: unknown): string {
  return JSON.stringify(result, function (this: Record<string, unknown>, key, value: unknown) {
    const source = this['source'] ?? this['text'];
    return key === 'runs' && Array.isArray(value) && typeof source === 'string' ? mergedRuns(value as number[], source.length) : value;
  });
}

async function main(): Promise<void> {
  if (!hasExtractionData()) {
    console.error('../shared/data/extraction not found');
    process.exit(2);
  }
  const rounds = intArg('rounds', 9);
  const a = checkoutOf(stringArg('a', 'HEAD'));
  const b = checkoutOf(stringArg('b', '.'));
  const sides = [await load(a.dir), await load(b.dir)] as const;
  const pages = loadPages();
  const texts = pages.map((p) => decodeHtml(p.bytes).text);

  for (const p of pages) {
    for (const [what, run] of [['extraction', (s: (typeof sides)[number]) => canonical(s.extract(p.bytes, { uri: p.id, url: p.url }))], ['route', (s: (typeof sides)[number]) => JSON.stringify(s.route(p.bytes, p.id, p.url))]] as const) {
      const [x, y] = sides.map(run);
      if (x !== y && !process.argv.includes('--allow-diff')) {
        let i = 0;
        while (x![i] === y![i]) i++;
        console.error(`${p.id}: the builds' ${what} differs at ${i}:\n  A ${x!.slice(Math.max(0, i - 80), i + 120)}\n  B ${y!.slice(Math.max(0, i - 80), i + 120)}`);
        process.exit(1);
      }
    }
  }
  const times = { extract: [[], []] as number[][], parse: [[], []] as number[][], route: [[], []] as number[][] };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) {
      const side = sides[k]!;
      times.extract[k]!.push(cpuMsOf(() => { for (const p of pages) side.extract(p.bytes, { uri: p.id, url: p.url }); }) / pages.length);
      times.parse[k]!.push(cpuMsOf(() => { for (const t of texts) side.parse(t); }) / pages.length);
      times.route[k]!.push(cpuMsOf(() => { for (const p of pages) side.route(p.bytes, p.id, p.url); }) / pages.length);
    }
  }
  console.log(`HTML extraction A/B, ${pages.length} pages, ${rounds} alternating rounds, median CPU ms/page; outputs identical\n`);
  console.log(`A ${a.label}\nB ${b.label}\n`);
  for (const [name, [ta, tb]] of Object.entries(times)) {
    const ma = median(ta!);
    const mb = median(tb!);
    console.log(`${name.padEnd(8)} A ${ma.toFixed(2).padStart(6)}  B ${mb.toFixed(2).padStart(6)}  B/A ${(mb / ma).toFixed(2)}`);
  }
  console.log('(route: read + extract, the whole page through the pipeline\'s first stage)');
  console.log(`\nload average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

await main();
