/**
 * ReDoS guard (issue 9): the regex-heavy stages run on pathological inputs (long runs that make a
 * backtracking pattern go quadratic or worse) and must each finish fast. A failure names the
 * stage and the input; a regex with nested or overlapping quantifiers is the usual cause, and a
 * static check finds those in every regex literal under src/ (star height above 1).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONTEXT, type Doc, type SourceRecord } from '../src/model/index.js';
import { extract } from '../src/extract/index.js';
import { findBoilerplate, classifyLine } from '../src/extract/boilerplate.js';
import { findMojibake } from '../src/extract/mojibake.js';
import { findGluedWords } from '../src/extract/glued.js';
import { findDate } from '../src/extract/dates.js';
import { readBylineLine } from '../src/extract/byline.js';
import { splitParagraphs } from '../src/extract/paragraphs.js';
import { tokenize } from '../src/analyze/tokenize.js';
import { segment } from '../src/analyze/segment.js';
import { findQuotes } from '../src/analyze/quotes.js';
import { findAttributions } from '../src/analyze/attributions.js';
import { findClaims } from '../src/analyze/claims.js';
import { findSignals } from '../src/analyze/signals.js';
import { findEntities } from '../src/analyze/entities.js';
import { extractHtml } from '../src/extract/html/index.js';
import { sniffFormat } from '../src/read/formats.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { growth } from './growth.js';

/**
 * How the inputs grow: each pathological input is built at a tenth of its size and at full size,
 * and every stage's time at full size must stay under GROWTH_BOUND times its time at the tenth
 * (linear work gives about 10x, quadratic 100x). A ratio of times measured in the same run, never
 * a wall-clock bound: CI shares its machine. A small time is floored at FLOOR_MS (timer noise).
 */
const GROWTH_BOUND = 30;
const FLOOR_MS = 5;
const SMALL = 0.1;

/** Each input as a function of its scale (1 = full size). */
const PATHOLOGICAL: readonly [string, (k: number) => string][] = [
  ['100k a', (k) => 'a'.repeat(100_000 * k)],
  ['a...a!', (k) => 'a'.repeat(50_000 * k) + '!'],
  ['. . . .', (k) => '. '.repeat(50_000 * k)],
  ['50k spaces', (k) => ' '.repeat(50_000 * k) + 'x'],
  ['Aa alternating', (k) => 'Aa'.repeat(50_000 * k)],
  ['A a words', (k) => 'A a '.repeat(25_000 * k)],
  ['em dashes', (k) => '—'.repeat(50_000 * k)],
  ['straight quotes', (k) => '"'.repeat(50_000 * k)],
  ['curly quotes', (k) => '\u201C'.repeat(25_000 * k) + '\u201D'.repeat(25_000 * k)],
  ['single quotes', (k) => "'a".repeat(50_000 * k)],
  ['digits', (k) => '1'.repeat(50_000 * k) + 'x'],
  ['digit groups', (k) => '1,'.repeat(50_000 * k)],
  ['capital words', (k) => 'Mr. Smith '.repeat(10_000 * k)],
  // Fixed cases: claims (opinion.ts anchorOf, inCommentary) was quadratic in one long sentence
  // of reporting verbs or commentary cues, 2.2 s and 0.8 s at 200k chars before the fix.
  ['said chain', (k) => 'said '.repeat(40_000 * k)],
  ['I think chain', (k) => 'I think '.repeat(25_000 * k)],
  ['according to', (k) => 'according to '.repeat(10_000 * k)],
  ['mojibake run', (k) => 'Ã'.repeat(50_000 * k)],
  ['newlines', (k) => '\n'.repeat(50_000 * k) + 'x'],
  ['tabs and spaces', (k) => ' \t'.repeat(50_000 * k) + '\n'],
  ['dots', (k) => '.'.repeat(100_000 * k)],
  ['ellipses', (k) => '…'.repeat(50_000 * k)],
  ['hyphens', (k) => 'a-'.repeat(50_000 * k)],
  ['parens', (k) => '('.repeat(50_000 * k)],
  ['urls', (k) => 'http://'.repeat(15_000 * k)],
  ['at signs', (k) => 'a@'.repeat(50_000 * k)],
  ['camel glue', (k) => 'wordWord'.repeat(12_500 * k)],
  ['byline-like', (k) => 'By '.repeat(30_000 * k)],
  ['date-like', (k) => '2025-'.repeat(20_000 * k)],
];

function source(raw: string): SourceRecord {
  return { uri: 'redos', format: 'text', raw, record: {}, messages: [] };
}

/** Every regex-heavy stage on `input` (as one line, and as an article body), each one's time in ms. */
function stageTimes(input: string): Map<string, number> {
  const times = new Map<string, number>();
  const timed = (stage: string, run: () => unknown): void => {
    const t0 = performance.now();
    run();
    times.set(stage, (times.get(stage) ?? 0) + performance.now() - t0);
  };
  for (const raw of [input, `Crane collapses at Vell quay\n\n${input}\n`]) {
    timed('findBoilerplate', () => findBoilerplate(raw));
    timed('classifyLine', () => classifyLine(raw));
    timed('findMojibake', () => findMojibake(raw));
    timed('findGluedWords', () => findGluedWords(raw));
    timed('findDate', () => findDate(raw));
    timed('readBylineLine', () => readBylineLine(raw));
    timed('splitParagraphs', () => splitParagraphs(raw));
    let doc: Doc = extract(source(''), DEFAULT_CONTEXT);
    timed('extract', () => (doc = extract(source(raw), DEFAULT_CONTEXT)));
    for (const [name, stage] of [
      ['tokenize', tokenize], ['segment', segment], ['entities', findEntities], ['quotes', findQuotes],
      ['attributions', findAttributions], ['claims', findClaims], ['signals', findSignals],
    ] as const) {
      timed(name, () => (doc = stage(doc, DEFAULT_CONTEXT)));
    }
  }
  timed('extractHtml', () => extractHtml(`<html><body><article><p>${input}</p><p class="${input.replace(/"/g, '')}">x</p></article></body></html>`, { uri: 'redos.html' }));
  return times;
}

/**
 * The stages whose full-size time exceeds GROWTH_BOUND times their tenth-size time, measured
 * `rounds` times alternately (the fastest of each kept, so a burst of load hits both sizes).
 */
function overgrown(make: (k: number) => string, rounds: number): string[] {
  const small = make(SMALL);
  const large = make(1);
  const best = (a: Map<string, number> | null, b: Map<string, number>): Map<string, number> => {
    if (a === null) return b;
    for (const [k, v] of b) a.set(k, Math.min(a.get(k) ?? Infinity, v));
    return a;
  };
  let s: Map<string, number> | null = null;
  let l: Map<string, number> | null = null;
  for (let r = 0; r < rounds; r++) {
    s = best(s, stageTimes(small));
    l = best(l, stageTimes(large));
  }
  const out: string[] = [];
  for (const [stage, ms] of l!) {
    const ratio = ms / Math.max(s!.get(stage) ?? 0, FLOOR_MS);
    if (ratio > GROWTH_BOUND) out.push(`${stage}: 10x the input (${large.length} chars) took ${ratio.toFixed(0)}x the time (${(s!.get(stage) ?? 0).toFixed(0)} -> ${ms.toFixed(0)} ms)`);
  }
  return out;
}

for (const [label, make] of PATHOLOGICAL) {
  test(`regex-heavy stages grow linearly on ${label}`, () => {
    // one round; a stage over the bound is measured again, the fastest of three, before it fails
    const first = overgrown(make, 1);
    const found = first.length === 0 ? first : overgrown(make, 3);
    assert.deepEqual(found, [], `quadratic or worse on ${label}`);
  });
}

/**
 * True when a quantified group (+, *, {n,}) holds an unbounded quantifier outside a character
 * class: star height above 1, the shape of catastrophic backtracking ("(a+)+", "(?:x*y?)*").
 */
export function hasNestedQuantifier(source: string): boolean {
  const groups: boolean[] = [];
  let inClass = false;
  const unboundedAt = (i: number): boolean => source[i] === '+' || source[i] === '*' || (source[i] === '{' && /^\{\d*,\}/.test(source.slice(i)));
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') groups.push(false);
    else if (c === ')') {
      const inner = groups.pop() ?? false;
      if (inner && unboundedAt(i + 1)) return true;
      if (inner && groups.length) groups[groups.length - 1] = true;
    } else if (unboundedAt(i) && groups.length) groups[groups.length - 1] = true;
  }
  return false;
}

/**
 * Nested quantifiers that cannot backtrack: each repetition of the outer group starts with a
 * character the inner repetition cannot match (a separator), so there is one way to split a match.
 */
const NESTED_BUT_SAFE: ReadonlySet<string> = new Set([
  // word parts joined by an apostrophe, dot or hyphen
  "/[\\p{L}\\p{N}]+(?:['\\u2019.\\-][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]/gu",
  // PolNeAR tokens: word parts joined by an apostrophe or hyphen (src/analyze/speakers/polnear.ts)
  "/[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*/gu",
  // IPv4-mapped IPv6: each repetition ends with ':'
  '/^(?:0*:)*:?(?:ffff:)(\\d+\\.\\d+\\.\\d+\\.\\d+)$/',
  // decimal groups led by '.' or ','
  "/[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?(?:[.,]\\d+)*/gu",
  // initials led by '.', thousands led by ',', elisions led by an apostrophe
  "/[A-Za-z](?:\\.[A-Za-z])+\\.?|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?%?|\\d+\\.\\d+%?|[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*(?:['’][\\p{L}]+)*%?/gu",
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

test('static check: no regex literal in src/ nests unbounded quantifiers (except the listed, unambiguous ones)', () => {
  assert.ok(hasNestedQuantifier('(a+)+') && hasNestedQuantifier('(?:x\\s*)*y') && hasNestedQuantifier('((?:ab)+c)*'));
  assert.ok(!hasNestedQuantifier('(a+)') && !hasNestedQuantifier('[(a+)]+') && !hasNestedQuantifier('(a|b)+') && !hasNestedQuantifier('\\(a+\\)+'));
  const found: string[] = [];
  let literals = 0;
  for (const file of sourceFiles(fileURLToPath(new URL('../src', import.meta.url)))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        literals++;
        const text = (node as ts.RegularExpressionLiteral).text;
        if (hasNestedQuantifier(text.slice(1, text.lastIndexOf('/'))) && !NESTED_BUT_SAFE.has(text)) {
          found.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1} ${text}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  assert.ok(literals > 100, `found only ${literals} regex literals: the scan is broken`);
  assert.deepEqual(found, [], 'rewrite these without nested quantifiers (or, if each repetition is led by a separator the inner part cannot match, list them in NESTED_BUT_SAFE)');
});

test('format sniffing: many comments before no feed or page tag finish fast (was exponential)', () => {
  const head = (n: number): Buffer => Buffer.from('<!---->'.repeat(n) + 'x');
  // exponential blew up long before 580 comments; linear stays near 10x from 58 to 580
  const grown = growth((size) => sniffFormat(head(size)), 58, 580, { runs: 3 });
  assert.ok(grown.ratio < GROWTH_BOUND, grown.text);
  assert.equal(sniffFormat(Buffer.from('<?xml version="1.0"?>\n<!-- a -->\n<!-- b --><rss version="2.0">')), 'feed');
  assert.equal(sniffFormat(Buffer.from('<!-- x --> <!DOCTYPE html><html>')), 'html');
});
