/**
 * Publication dates on ../shared/data/htmldate (the development half of htmldate's evaluation
 * pages), scored as htmldate's tests/evaluation.py scores them: per page, a true positive when the
 * day given equals the label, a false positive when another day is given (or any day on a page
 * labelled null), a false negative when none is; accuracy = true positives / pages.
 *
 * The extractor gets the page's bytes only (htmldate's evaluation gives the HTML, not the URL),
 * so dates in the label file's URLs are never seen. "English" is the pages whose <html lang> /
 * content-language says en, else whose body our language check reads as English.
 *
 * The date cascade has no constants fitted to these pages (its rules come from how pages write
 * dates); the two halves by sha256(file name) are printed so a rule that helps only one half shows.
 *
 *   node --import tsx eval/dates-htmldate.ts             table
 *   node --import tsx eval/dates-htmldate.ts --misses 20 also list 20 wrong or missing pages
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { extractHtmlBytes, bodyText } from '../src/extract/html/index.js';
import { detectLanguage } from '../src/extract/language.js';

export const HTMLDATE_DIR = fileURLToPath(new URL('../../shared/data/htmldate/', import.meta.url));
const LABEL_FILES = ['eval_default.json', 'eval_mediacloud_2020.json'];

const PUBLISHED: readonly [string, number][] = [
  ['htmldate extensive (published, 1,000 pages)', 0.903],
  ['htmldate fast (published, 1,000 pages)', 0.861],
  ['newspaper4k (published)', 0.68],
  ['news-please (published)', 0.68],
];

export interface DatePage {
  file: string;
  label: string | null;
  bytes: Buffer;
}

export function hasHtmldateData(): boolean {
  return existsSync(`${HTMLDATE_DIR}${LABEL_FILES[0]}`);
}

/** Every labelled page (a page labelled under two URLs counts twice, as htmldate's scorer counts it), or every `step`-th label. */
export function loadDatePages(step = 1): DatePage[] {
  const out: DatePage[] = [];
  const cache = new Map<string, Buffer>();
  let n = 0;
  for (const f of LABEL_FILES) {
    const labels = JSON.parse(readFileSync(`${HTMLDATE_DIR}${f}`, 'utf8')) as Record<string, { file: string; date: string | null }>;
    for (const key of Object.keys(labels).sort()) {
      if (n++ % step !== 0) continue;
      const { file, date } = labels[key]!;
      let bytes = cache.get(file);
      if (!bytes) {
        bytes = gunzipSync(readFileSync(`${HTMLDATE_DIR}pages/${file}.gz`));
        cache.set(file, bytes);
      }
      out.push({ file, label: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null, bytes });
    }
  }
  return out;
}

export interface DateScore {
  tp: number;
  fp: number;
  fn: number;
  pages: number;
}

export function summariseDates(s: DateScore): { accuracy: number; precision: number; recall: number; f1: number } {
  const precision = s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0;
  const recall = s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 0;
  return { accuracy: s.pages > 0 ? s.tp / s.pages : 0, precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

export interface DateRun {
  all: DateScore;
  english: DateScore;
  halves: [DateScore, DateScore];
  misses: { file: string; label: string | null; got: string | null; via: string | null; english: boolean }[];
  /** Per cascade step: pages it gave a date on, and how many of those were right. */
  steps: Map<string, { given: number; right: number }>;
}

function empty(): DateScore {
  return { tp: 0, fp: 0, fn: 0, pages: 0 };
}

function add(s: DateScore, label: string | null, day: string | null): void {
  s.pages++;
  if (day === null) s.fn++;
  else if (label !== null && day === label) s.tp++;
  else s.fp++;
}

export function runDates(pages: readonly DatePage[]): DateRun {
  const run: DateRun = { all: empty(), english: empty(), halves: [empty(), empty()], misses: [], steps: new Map() };
  for (const p of pages) {
    const a = extractHtmlBytes(p.bytes, { uri: p.file });
    const day = a.publishedAt ? a.publishedAt.slice(0, 10) : null;
    const english = a.lang ? a.lang.startsWith('en') : detectLanguage(bodyText(a)) === 'en';
    const half = parseInt(createHash('sha256').update(p.file).digest('hex')[0]!, 16) < 4 ? 0 : 1;
    add(run.all, p.label, day);
    if (english) add(run.english, p.label, day);
    add(run.halves[half], p.label, day);
    if (a.publishedVia) {
      const st = run.steps.get(a.publishedVia) ?? { given: 0, right: 0 };
      st.given++;
      if (day === p.label) st.right++;
      run.steps.set(a.publishedVia, st);
    }
    if (day !== p.label) run.misses.push({ file: p.file, label: p.label, got: day, via: a.publishedVia, english });
  }
  return run;
}

function main(): void {
  if (!hasHtmldateData()) {
    console.error('../shared/data/htmldate not found; nothing to evaluate');
    process.exit(2);
  }
  const args = process.argv.slice(2);
  const pages = loadDatePages();
  const run = runDates(pages);
  const f = (x: number): string => x.toFixed(3);
  const line = (name: string, s: DateScore): string => {
    const m = summariseDates(s);
    return `${name.padEnd(44)} ${String(s.pages).padStart(5)}  ${f(m.accuracy)}  ${f(m.precision)}  ${f(m.recall)}  ${f(m.f1)}`;
  };
  console.log(`publication dates, htmldate's development pages (day must equal the label)\n`);
  console.log(`${'extractor'.padEnd(44)} pages  acc.   prec.  recall F1`);
  console.log(line('crosscheck', run.all));
  console.log(line('crosscheck, English pages', run.english));
  console.log(line('crosscheck, half A (sha256 0-3)', run.halves[0]));
  console.log(line('crosscheck, half B (sha256 4-7)', run.halves[1]));
  for (const [name, acc] of PUBLISHED) console.log(`${name.padEnd(44)}        ${f(acc)}`);
  console.log(`\nper step of the date cascade (its confidence is the share right, rounded down):`);
  for (const [via, st] of [...run.steps].sort((x, y) => y[1].given - x[1].given)) console.log(`  ${via.padEnd(10)} ${String(st.given).padStart(4)} pages, ${f(st.right / st.given)} right`);
  const k = args.indexOf('--misses');
  if (k >= 0) {
    const n = Number(args[k + 1] ?? 20);
    for (const m of run.misses.slice(0, n)) console.log(`${m.label ?? 'null'}  ${m.got ?? '-'}  ${m.via ?? '-'}  ${m.english ? 'en' : '--'}  ${m.file}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
