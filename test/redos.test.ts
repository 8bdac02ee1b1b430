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

/** Each stage on each input must finish within this (generous for a slow CI machine). */
const STAGE_MS = 1000;

const PATHOLOGICAL: readonly [string, string][] = [
  ['100k a', 'a'.repeat(100_000)],
  ['a...a!', 'a'.repeat(50_000) + '!'],
  ['. . . .', '. '.repeat(50_000)],
  ['50k spaces', ' '.repeat(50_000) + 'x'],
  ['Aa alternating', 'Aa'.repeat(50_000)],
  ['A a words', 'A a '.repeat(25_000)],
  ['em dashes', '—'.repeat(50_000)],
  ['straight quotes', '"'.repeat(50_000)],
  ['curly quotes', '\u201C'.repeat(25_000) + '\u201D'.repeat(25_000)],
  ['single quotes', "'a".repeat(50_000)],
  ['digits', '1'.repeat(50_000) + 'x'],
  ['digit groups', '1,'.repeat(50_000)],
  ['capital words', 'Mr. Smith '.repeat(10_000)],
  // Fixed cases: claims (opinion.ts anchorOf, inCommentary) was quadratic in one long sentence
  // of reporting verbs or commentary cues, 2.2 s and 0.8 s at 200k chars before the fix.
  ['said chain', 'said '.repeat(40_000)],
  ['I think chain', 'I think '.repeat(25_000)],
  ['according to', 'according to '.repeat(10_000)],
  ['mojibake run', 'Ã'.repeat(50_000)],
  ['newlines', '\n'.repeat(50_000) + 'x'],
  ['tabs and spaces', ' \t'.repeat(50_000) + '\n'],
  ['dots', '.'.repeat(100_000)],
  ['ellipses', '…'.repeat(50_000)],
  ['hyphens', 'a-'.repeat(50_000)],
  ['parens', '('.repeat(50_000)],
  ['urls', 'http://'.repeat(15_000)],
  ['at signs', 'a@'.repeat(50_000)],
  ['camel glue', 'wordWord'.repeat(12_500)],
  ['byline-like', 'By '.repeat(30_000)],
  ['date-like', '2025-'.repeat(20_000)],
];

function timed(stage: string, input: string, label: string, run: () => unknown): void {
  const t0 = performance.now();
  run();
  const ms = performance.now() - t0;
  assert.ok(ms < STAGE_MS, `${stage} on ${label} (${input.length} chars) took ${ms.toFixed(0)} ms`);
}

function source(raw: string): SourceRecord {
  return { uri: 'redos', format: 'text', raw, record: {}, messages: [] };
}

for (const [label, input] of PATHOLOGICAL) {
  test(`regex-heavy stages finish fast on ${label}`, () => {
    // as one line, and as the body of an article with a headline
    for (const raw of [input, `Crane collapses at Vell quay\n\n${input}\n`]) {
      timed('findBoilerplate', raw, label, () => findBoilerplate(raw));
      timed('classifyLine', raw, label, () => classifyLine(raw));
      timed('findMojibake', raw, label, () => findMojibake(raw));
      timed('findGluedWords', raw, label, () => findGluedWords(raw));
      timed('findDate', raw, label, () => findDate(raw));
      timed('readBylineLine', raw, label, () => readBylineLine(raw));
      timed('splitParagraphs', raw, label, () => splitParagraphs(raw));
      let doc: Doc = extract(source(''), DEFAULT_CONTEXT);
      timed('extract', raw, label, () => (doc = extract(source(raw), DEFAULT_CONTEXT)));
      for (const [name, stage] of [
        ['tokenize', tokenize], ['segment', segment], ['entities', findEntities], ['quotes', findQuotes],
        ['attributions', findAttributions], ['claims', findClaims], ['signals', findSignals],
      ] as const) {
        timed(name, raw, label, () => (doc = stage(doc, DEFAULT_CONTEXT)));
      }
    }
    timed('extractHtml', input, label, () => extractHtml(`<html><body><article><p>${input}</p><p class="${input.replace(/"/g, '')}">x</p></article></body></html>`, { uri: 'redos.html' }));
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
  const head = Buffer.from('<!---->'.repeat(580) + 'x');
  timed('sniffFormat', head.toString(), 'comments', () => sniffFormat(head));
  assert.equal(sniffFormat(Buffer.from('<?xml version="1.0"?>\n<!-- a -->\n<!-- b --><rss version="2.0">')), 'feed');
  assert.equal(sniffFormat(Buffer.from('<!-- x --> <!DOCTYPE html><html>')), 'html');
});
