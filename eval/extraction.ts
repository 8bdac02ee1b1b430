/**
 * Article body accuracy on ../shared/data/extraction (88 development pages), with the public
 * benchmark's metric (extraction-metric.ts), beside the published F1 of named peers and
 * @mozilla/readability on jsdom measured in the same run.
 *
 *   node --import tsx eval/extraction.ts             crosscheck + Readability, table
 *   node --import tsx eval/extraction.ts --no-peer   crosscheck only (fast)
 *   node --import tsx eval/extraction.ts --worst 10  also list the 10 worst pages
 *   node --import tsx eval/extraction.ts --cv        cross-validated: the cascade's thresholds
 *                                                    (src/extract/html/tuning.ts) chosen on the
 *                                                    pages of half the sites, scored on the other
 *                                                    half, both ways (floor: extraction-cv)
 *   node --import tsx eval/extraction.ts --ablate    each tuned step of the cascade switched
 *                                                    off in turn: F1 and the pages it helps / hurts
 */
import { extractHtml, extractHtmlBytes, bodyText } from '../src/extract/html/index.js';
import { CASCADE_TUNING, type CascadeTuning } from '../src/extract/html/tuning.js';
import { decodeHtml } from '../src/read/charset.js';
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

/** Values tried for each threshold of tuning.ts, around the shipped one; Infinity (0 for goodEnoughChars) switches its step off. */
export const CV_GRID: Readonly<Record<keyof CascadeTuning, readonly number[]>> = {
  parentTextGain: [1.3, 1.6, 2.0, Infinity],
  parentMaxLinkDensity: [0.25, 0.35, 0.5],
  nearShare: [0.6, 0.75, 0.9, Infinity],
  maxLinkDensity: [0.25, 0.33, 0.45, Infinity],
  goodEnoughChars: [0, 250, 500, 1000],
  jsonldGain: [1.2, 1.5, 2.0, Infinity],
};
/** Passes of coordinate ascent over the grid. */
const CV_PASSES = 2;

/** The site a page is from (its host without "www."): pages of one site stay in one half. */
function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Which half a site is in: FNV-1a of its name, a stable split that no one chose page by page. */
export function halfOf(site: string): 0 | 1 {
  let h = 0x811c9dc5;
  for (let i = 0; i < site.length; i++) h = Math.imul(h ^ site.charCodeAt(i), 0x01000193) >>> 0;
  return (h & 1) as 0 | 1;
}

export interface CvFold {
  /** The half the thresholds were chosen on, and the one scored. */
  train: number;
  test: number;
  tuning: CascadeTuning;
  /** F1 on the training half with its chosen thresholds (optimistic), and on the held-out half. */
  inSample: number;
  heldOut: number;
  /** The shipped thresholds on the held-out half, for comparison. */
  shippedHeldOut: number;
}

export interface CvResult {
  folds: CvFold[];
  /** Every page scored with the thresholds chosen on the other half. */
  pooled: { precision: number; recall: number; f1: number };
  shipped: { precision: number; recall: number; f1: number };
  pages: [number, number];
}

/** Cross-validates the cascade's thresholds over two halves of the pages split by site. */
export function crossValidate(pages: readonly EvalPage[]): CvResult {
  const texts = pages.map((p) => decodeHtml(p.bytes).text);
  const memo = new Map<string, PageScore>();
  const score = (i: number, tuning: CascadeTuning): PageScore => {
    const key = `${i}:${Object.values(tuning).join(',')}`;
    let s = memo.get(key);
    if (!s) {
      const p = pages[i]!;
      s = scorePage(p.truth, bodyText(extractHtml(texts[i]!, { uri: p.id, url: p.url, tuning })));
      memo.set(key, s);
    }
    return s;
  };
  const f1Of = (idx: readonly number[], tuning: CascadeTuning): number => summarise(idx.map((i) => score(i, tuning))).f1;
  const halves: [number[], number[]] = [[], []];
  pages.forEach((p, i) => halves[halfOf(siteOf(p.url || p.id))].push(i));
  const tuneOn = (idx: readonly number[]): CascadeTuning => {
    let best: CascadeTuning = { ...CASCADE_TUNING };
    let bestF1 = f1Of(idx, best);
    for (let pass = 0; pass < CV_PASSES; pass++) {
      for (const key of Object.keys(CV_GRID) as (keyof CascadeTuning)[]) {
        for (const v of CV_GRID[key]) {
          const t = { ...best, [key]: v };
          const f = f1Of(idx, t);
          // Ties keep the value already held (the shipped one first): no drift on noise.
          if (f > bestF1 + 1e-9) {
            best = t;
            bestF1 = f;
          }
        }
      }
    }
    return best;
  };
  const folds: CvFold[] = [];
  const held: PageScore[] = [];
  for (const train of [0, 1] as const) {
    const test = 1 - train;
    const tuning = tuneOn(halves[train]);
    const testIdx = halves[test as 0 | 1];
    for (const i of testIdx) held.push(score(i, tuning));
    folds.push({ train, test, tuning, inSample: f1Of(halves[train], tuning), heldOut: f1Of(testIdx, tuning), shippedHeldOut: f1Of(testIdx, CASCADE_TUNING) });
  }
  return { folds, pooled: summarise(held), shipped: summarise(pages.map((_, i) => score(i, CASCADE_TUNING))), pages: [halves[0].length, halves[1].length] };
}

/** Steps of the cascade that a threshold can switch off, and the value that does it. */
const ABLATIONS: readonly [string, Partial<CascadeTuning>][] = [
  ['4a near candidates share an ancestor', { nearShare: Infinity }],
  ['4b parent with more paragraph text takes over', { parentTextGain: Infinity }],
  ['link-list containers left out (weak class)', { maxLinkDensity: Infinity }],
  ['fallback attempts 2-4', { goodEnoughChars: 0 }],
  ['JSON-LD articleBody fallback', { jsonldGain: Infinity }],
];

/** Per-page F1 of a run (0 when the page has no words on either side). */
function pageF1(s: PageScore): number {
  const p = precisionOf(s);
  const r = recallOf(s);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/** Each step switched off in turn: overall F1, and how many pages it moves by more than 0.01 either way. */
export function ablate(pages: readonly EvalPage[]): { step: string; f1: number; helps: number; hurts: number }[] {
  const texts = pages.map((p) => decodeHtml(p.bytes).text);
  const scoreAll = (tuning: CascadeTuning): PageScore[] => pages.map((p, i) => scorePage(p.truth, bodyText(extractHtml(texts[i]!, { uri: p.id, url: p.url, tuning }))));
  const base = scoreAll({ ...CASCADE_TUNING }).map(pageF1);
  return ABLATIONS.map(([step, off]) => {
    const scores = scoreAll({ ...CASCADE_TUNING, ...off });
    let helps = 0;
    let hurts = 0;
    scores.forEach((s, i) => {
      const d = base[i]! - pageF1(s);
      if (d > 0.01) helps++;
      else if (d < -0.01) hurts++;
    });
    return { step, f1: summarise(scores).f1, helps, hurts };
  });
}

function printCv(cv: CvResult): void {
  const f = (x: number): string => x.toFixed(3);
  console.log(`\ncross-validated thresholds (tuning.ts): halves of ${cv.pages[0]} and ${cv.pages[1]} pages, split by site`);
  for (const fold of cv.folds) {
    const changed = (Object.keys(fold.tuning) as (keyof CascadeTuning)[]).filter((k) => fold.tuning[k] !== CASCADE_TUNING[k]).map((k) => `${k} ${fold.tuning[k]}`);
    console.log(`  chosen on half ${fold.train}: F1 there ${f(fold.inSample)}; on half ${fold.test} ${f(fold.heldOut)} (shipped values there ${f(fold.shippedHeldOut)}); changed: ${changed.join(', ') || 'none'}`);
  }
  console.log(`  every page scored with the values chosen on the other half: P ${f(cv.pooled.precision)} R ${f(cv.pooled.recall)} F1 ${f(cv.pooled.f1)} (shipped values on all pages: F1 ${f(cv.shipped.f1)})`);
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
  if (args.includes('--cv')) printCv(crossValidate(pages));
  if (args.includes('--ablate')) {
    console.log(`\neach step switched off (F1 with all steps: ${ours.f1.toFixed(3)}); pages it helps / hurts by more than 0.01 F1`);
    for (const a of ablate(pages)) console.log(`  ${a.step.padEnd(48)} F1 ${a.f1.toFixed(3)}  helps ${String(a.helps).padStart(2)}  hurts ${String(a.hurts).padStart(2)}`);
  }
  const w = args.indexOf('--worst');
  if (w >= 0) {
    const n = Number(args[w + 1] ?? 10);
    const ranked = pages.map((p, i) => ({ p, s: run.scores[i]! })).sort((a, b) => precisionOf(a.s) + recallOf(a.s) - (precisionOf(b.s) + recallOf(b.s)));
    for (const { p, s } of ranked.slice(0, n)) console.log(`${precisionOf(s).toFixed(2)} ${recallOf(s).toFixed(2)} ${p.id.slice(0, 12)} ${p.url}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
