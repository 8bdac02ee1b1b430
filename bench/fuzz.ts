/**
 * The fuzz suite, long form (issue 9): the generators and checks of test/fuzz.test.ts
 * (test/fuzz-cases.ts) run on many more seeded cases. Prints inputs tried, failures (each with
 * the seed and kind that reproduce it) and time; exits 1 when a case failed.
 *
 *   node --import tsx bench/fuzz.ts                      # 2000 cases from seed 20251121
 *   node --import tsx bench/fuzz.ts --cases 20000 --seed 7
 *   FUZZ_DOC_MS=5000 node --import tsx bench/fuzz.ts     # a looser per-document bound on a loaded machine
 *
 * Each failure prints its case's seed: `--seed SEED --cases 1` reruns that case alone (the bounded
 * CI run takes FUZZ_SEED / FUZZ_CASES).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prng } from '../src/model/random.js';
import { FILE_GENS, HTML_GENS, TEXT_GENS, checkFile, checkHtml, checkSource, labelled, pick, randomUnicode, record } from '../test/fuzz-cases.js';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const SEED = flag('seed', 20251121);
const CASES = flag('cases', 2000);

const dir = mkdtempSync(join(tmpdir(), 'cc-fuzz-long-'));
const failures: string[] = [];
const tried = { text: 0, html: 0, file: 0 };
const t0 = performance.now();
try {
  for (let i = 0; i < CASES; i++) {
    const seed = SEED + i;
    const rr = prng(seed);
    // Everything about a case follows from its own seed: --seed SEED --cases 1 reruns it alone.
    const which = seed % 3;
    try {
      if (which === 0) {
        const [kind, gen] = pick(rr, TEXT_GENS);
        const raw = gen(rr);
        tried.text++;
        checkSource(record(raw, 'text', rr() < 0.3 ? { title: randomUnicode(rr).slice(0, 300) } : {}), labelled(seed, kind, raw));
      } else if (which === 1) {
        const [kind, gen] = pick(rr, HTML_GENS);
        tried.html++;
        checkHtml(gen(rr), seed, kind, rr() < 0.5);
      } else {
        const [kind, gen] = pick(rr, FILE_GENS);
        const { ext, data } = gen(rr);
        const path = join(dir, `case${ext}`);
        writeFileSync(path, data);
        tried.file++;
        await checkFile(path, seed, kind, data.length);
      }
    } catch (error) {
      const line = `seed=${seed} case=${i}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      failures.push(line);
      console.log(`FAIL ${line}`);
    }
    if ((i + 1) % 500 === 0) console.log(`${i + 1} cases, ${failures.length} failures, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const seconds = (performance.now() - t0) / 1000;
console.log(`\ninputs tried ${tried.text + tried.html + tried.file} (${tried.text} texts, ${tried.html} pages, ${tried.file} files), failures ${failures.length}, time ${seconds.toFixed(1)} s (--seed ${SEED} --cases ${CASES})`);
for (const f of failures) console.log(`  ${f}`);
process.exitCode = failures.length ? 1 : 0;
