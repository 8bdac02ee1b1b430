/**
 * Encoding repair (src/extract/mojibake.ts) against ftfy's test cases
 * (../shared/data/ftfy/test-cases/*.json, read at run time, never copied). As the data's README
 * says: a case is held to `fixed-encoding` when it has one, else `fixed`; exact match is counted
 * on the cases ftfy expects to pass, and a false change is any change to a case whose target is
 * its original text (a change there is worse than a miss: repair runs on every text). ftfy's own
 * known failures are reported apart.
 *
 *   node --import tsx eval/mojibake-ftfy.ts [--misses] [dir]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repairEncoding } from '../src/extract/mojibake.js';
import { CODE_PAGES } from '../src/extract/mojibake-codepages.js';

export const FTFY_DIR = fileURLToPath(new URL('../../shared/data/ftfy/test-cases', import.meta.url));

export interface FtfyCase {
  file: string;
  label: string;
  original: string;
  target: string;
  expect: 'pass' | 'fail';
}

export function loadFtfyCases(dir = FTFY_DIR): FtfyCase[] {
  const out: FtfyCase[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const rows = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { label: string; original: string; fixed: string; 'fixed-encoding'?: string; expect: 'pass' | 'fail' }[];
    for (const r of rows) out.push({ file: f.replace(/\.json$/, ''), label: r.label, original: r.original, target: r['fixed-encoding'] ?? r.fixed, expect: r.expect });
  }
  return out;
}

export interface FtfyScore {
  pass: number;
  exact: number;
  mustStay: number;
  falseChanges: number;
  knownFailures: number;
  knownFailuresFixed: number;
  misses: { c: FtfyCase; got: string }[];
}

export function scoreFtfy(cases: readonly FtfyCase[], repair: (s: string) => string = repairEncoding): FtfyScore {
  const s: FtfyScore = { pass: 0, exact: 0, mustStay: 0, falseChanges: 0, knownFailures: 0, knownFailuresFixed: 0, misses: [] };
  for (const c of cases) {
    const got = repair(c.original);
    if (c.expect === 'fail') {
      s.knownFailures++;
      if (got === c.target) s.knownFailuresFixed++;
      continue;
    }
    s.pass++;
    if (got === c.target) s.exact++;
    else s.misses.push({ c, got });
    if (c.target === c.original) {
      s.mustStay++;
      if (got !== c.original) s.falseChanges++;
    }
  }
  return s;
}

const HTMLDATE_PAGES = fileURLToPath(new URL('../../shared/data/htmldate/pages', import.meta.url));
const EXTRACTION_TRUTH = fileURLToPath(new URL('../../shared/data/extraction/ground-truth.json', import.meta.url));

/**
 * Real text that was published as it is (article bodies of the extraction benchmark, the visible
 * text of htmldate's pages, many of them German): repair should leave nearly all of it alone, so
 * every change here is printed for a look (some pages do carry real mojibake).
 */
export function realTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  if (existsSync(EXTRACTION_TRUTH)) {
    const truth = JSON.parse(readFileSync(EXTRACTION_TRUTH, 'utf8')) as Record<string, { articleBody: string }>;
    for (const [id, t] of Object.entries(truth)) out.push({ name: `extraction:${id.slice(0, 12)}`, text: t.articleBody });
  }
  if (existsSync(HTMLDATE_PAGES)) {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const f of readdirSync(HTMLDATE_PAGES).sort()) {
      let html: string;
      try {
        html = decoder.decode(gunzipSync(readFileSync(join(HTMLDATE_PAGES, f))));
      } catch {
        continue; // not UTF-8: its text is not what was published
      }
      const text = html.replace(/<(script|style)\b[^]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
      out.push({ name: `htmldate:${f.slice(0, 12)}`, text });
    }
  }
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) ?? FTFY_DIR;
  if (!existsSync(dir)) {
    console.error(`${dir} not found: ftfy's test cases are not here; nothing to evaluate`);
    process.exit(2);
  }
  const cases = loadFtfyCases(dir);
  const all = scoreFtfy(cases);
  console.log(`ftfy test cases (${dir}), encoding repair only\n`);
  console.log('set              pass cases  exact   must stay  false changes');
  const files = [...new Set(cases.map((c) => c.file))];
  for (const f of [...files, 'all']) {
    const s = f === 'all' ? all : scoreFtfy(cases.filter((c) => c.file === f));
    console.log(`${f.padEnd(16)} ${String(s.pass).padStart(10)}  ${String(s.exact).padStart(5)}   ${String(s.mustStay).padStart(9)}  ${String(s.falseChanges).padStart(13)}`);
  }
  console.log(`\nexact ${(all.exact / all.pass).toFixed(3)} (${all.exact}/${all.pass}), false changes ${all.falseChanges}/${all.mustStay}; ftfy's own known failures fixed: ${all.knownFailuresFixed}/${all.knownFailures}`);
  console.log('peer: ftfy 1.000 exact, 0 false changes (its own suite)');
  const real = realTexts();
  const changed = real.map((r) => ({ r, got: repairEncoding(r.text) })).filter((x) => x.got !== x.r.text);
  console.log(`\nreal published text (extraction bodies, htmldate pages in UTF-8): ${changed.length}/${real.length} texts changed`);
  if (args.includes('--changes')) for (const { r, got } of changed) console.log(`  ${r.name}: ${JSON.stringify(diffOf(r.text, got))}`);
  // The same real text damaged on purpose: sentences with non-ASCII letters (every k-th, about
  // 600), written as UTF-8 and read back through a code page, must come back whole.
  const sentences: string[] = [];
  for (const r of real) for (const x of r.text.split(/(?<=[.!?])\s+|\n+/)) if (x.trim().length > 20 && x.trim().length < 300 && /[^\u0000-\u007f]/.test(x)) sentences.push(x.trim());
  const step = Math.max(1, Math.floor(sentences.length / 600));
  const sample = sentences.filter((_, i) => i % step === 0);
  const restored = ['windows-1252', 'windows-1250', 'windows-1251', 'macintosh'].map((page) => {
    const damaged = sample.map((x) => ({ x, d: damage(x, page) })).filter(({ x, d }) => d !== x);
    return `${page} ${damaged.filter(({ x, d }) => repairEncoding(d) === x).length}/${damaged.length}`;
  });
  console.log(`the same real sentences damaged through a code page, restored whole: ${restored.join(', ')}`);
  if (args.includes('--misses')) for (const m of all.misses) console.log(`\n[${m.c.file}] ${m.c.label}\n  in:   ${JSON.stringify(m.c.original)}\n  want: ${JSON.stringify(m.c.target)}\n  got:  ${JSON.stringify(m.got)}`);
}

/** UTF-8 bytes of `text` read back through a code page: the damage itself. */
function damage(text: string, page: string): string {
  const high = CODE_PAGES.find((p) => p.name === page)!.high;
  return Array.from(Buffer.from(text, 'utf8'), (b) => (b < 0x80 ? String.fromCharCode(b) : high[b - 0x80]!)).join('');
}

/** The first changed stretch of two texts, with some context. */
function diffOf(a: string, b: string): [string, string] {
  let s = 0;
  while (s < a.length && a[s] === b[s]) s++;
  let ea = a.length;
  let eb = b.length;
  while (ea > s && eb > s && a[ea - 1] === b[eb - 1]) (ea--, eb--);
  const cut = (x: string, e: number): string => x.slice(Math.max(0, s - 20), Math.min(e + 20, s + 100));
  return [cut(a, ea), cut(b, eb)];
}

if (import.meta.url === `file://${process.argv[1]}`) main();
