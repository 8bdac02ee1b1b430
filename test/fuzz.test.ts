/**
 * Bounded fuzz suite (issue 9): seeded hostile inputs through the public entry points.
 * Invariants: nothing throws (problems are coded Messages), each document finishes within a
 * time bound, every evidence's text equals the slice at its span, every span lies within its
 * text, and the rest of a batch is still processed. Seeded with `prng` so a failure reproduces:
 * set FUZZ_SEED to rerun one seed, FUZZ_CASES for a longer run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { prng } from '../src/model/random.js';
import { DEFAULT_CONTEXT, type Comparison, type SourceRecord, type SourceFormat } from '../src/model/index.js';
import { compare, processSource } from '../src/pipeline.js';
import { extract } from '../src/extract/index.js';
import { invariantProblems } from '../src/extract/invariants.js';
import { htmlFromText, htmlFromBytes } from '../src/read/html.js';
import { assertEvidenceExact } from './helpers.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20251121);
const CASES = Number(process.env.FUZZ_CASES ?? 120);
/** Per-document bound (generous: CI machines are slow, 2 cores). */
const DOC_MS = 2000;

const GOOD = `Harbour crane collapses at Vell quay\n\nBy Ama Oduya | Mar 3, 2025\nA loading crane collapsed onto the Vell quay on Monday, injuring two dock workers, the port authority said.\n"We are investigating," said Mara Lind, a spokeswoman.\n`;

type Gen = (r: () => number) => string;
const int = (r: () => number, n: number): number => Math.floor(r() * n);
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[int(r, xs.length)] as T;

const HOSTILE_CHARS = [
  '\uD800', '\uDFFF', '\uDBFF\uDFFF', '\u202E', '\u202D', '\u2066', '\u2069', '\u200F', '\u200B', '\u200C', '\u200D', '\uFEFF',
  '\u0301', '\u0336', '\u20DD', '\u0000', '\u0007', '\u001B[31m', '\r', '\n', '\t', '\u2028', '\u2029', '\u00A0', '\u3000',
  'Ã©', 'â€™', 'â€œ', 'â€', 'Ã', 'ï»¿', '\uFFFD', '"', '\u201C', '\u201D', '\u2018', '\u2019', '\u00AB', '\u00BB', '—', '…', '. ', 'Mr.', 'said', ' ',
  '😀', '\uD83D', 'ﬁ', 'İ', 'ß', 'ǅ', '<', '>', '&amp;', '&#x110000;', '&#0;', '&', '\\', '{', '[',
];

const randomUnicode: Gen = (r) => {
  let s = '';
  const n = int(r, 3000);
  for (let i = 0; i < n; i++) s += r() < 0.5 ? pick(r, HOSTILE_CHARS) : String.fromCharCode(int(r, 0x10000));
  return s;
};
const mojibake: Gen = (r) => {
  let s = '';
  for (let i = 0; i < 400; i++) s += pick(r, ['Ã©', 'â€™', 'Ã¢â‚¬â„¢', 'cafÃ©', 'word', ' ', '\n', 'Ã', 'â€', 'said ', 'TheCity']);
  return s;
};
const wordSoup: Gen = (r) => {
  const words = ['The', 'police', 'said', '"', 'Smith', 'according', 'to', 'officials', '.', ',', 'Mr.', 'U.S.', '—', '(', ')', '\n\n', 'Share', 'Subscribe', 'Advertisement', '2025', 'may', 'reportedly', '!'];
  const out: string[] = [];
  const n = int(r, 2000);
  for (let i = 0; i < n; i++) out.push(pick(r, words));
  return out.join(r() < 0.5 ? ' ' : '');
};
const longLine: Gen = (r) => pick(r, ['a', 'ab ', 'x. ', '—', '"', ' ', 'Aa', '.']).repeat(50_000 + int(r, 50_000));
const boilerplateOnly: Gen = (r) => Array.from({ length: 50 + int(r, 200) }, () => pick(r, ['Share this article', 'Subscribe to our newsletter', 'Advertisement', 'Read more', 'Cookie settings', '© 2025 All rights reserved', 'Follow us on Twitter'])).join('\n');
const whitespace: Gen = (r) => Array.from({ length: int(r, 5000) }, () => pick(r, [' ', '\n', '\t', '\r\n', '\u00A0', '\u200B', '\u3000'])).join('');

const TEXT_GENS: readonly [string, Gen][] = [
  ['unicode', randomUnicode], ['mojibake', mojibake], ['soup', wordSoup], ['longLine', longLine],
  ['boilerplate', boilerplateOnly], ['whitespace', whitespace], ['empty', () => ''],
];

const htmlSoup: Gen = (r) => {
  const parts = ['<div>', '</div>', '<p>', '</p>', '<script>', '</script>', '<style>', '</style>', '<!--', '-->', '<![CDATA[', ']]>', '&amp', '&#', '&#x', '&nbsp;', '<a href="', '"', '>', '<', '<article>', '<h1>', 'Crane falls', 'The port said. ', '<br>', '<meta charset="', '<title>', '<p class="x', '\u0000', '<svg>', '<math>', '<template>', '<textarea>', '<iframe srcdoc="'];
  const out: string[] = [];
  const n = int(r, 3000);
  for (let i = 0; i < n; i++) out.push(pick(r, parts));
  return out.join('');
};
const HTML_GENS: readonly [string, Gen][] = [
  ['soup', htmlSoup],
  ['deepDiv', (r) => '<html><body>' + '<div>'.repeat(100_000 + int(r, 1000)) + '<p>Deep text here said the port.</p>'],
  ['deepUnclosedP', () => '<body>' + '<p><b><i>'.repeat(40_000) + 'x'],
  ['hugeAttr', (r) => `<html><body><p title="${'x'.repeat(1_000_000 + int(r, 10))}">A crane collapsed on Monday, the port said.</p></body></html>`],
  ['unclosedComment', () => '<html><body><p>Before</p><!-- ' + 'never closed '.repeat(20_000)],
  ['unclosedScript', () => '<html><body><script>' + 'var a = "<p>"; '.repeat(20_000)],
  ['unclosedStyle', () => '<html><head><style>' + 'p { color: red } '.repeat(20_000)],
  ['entities', () => '<p>' + '&amp;&lt;&#x1F600;&#99999999;&bogus;&#;&'.repeat(20_000) + '</p>'],
  ['unicodeHtml', (r) => '<html><body><article><p>' + randomUnicode(r) + '</p></article></body></html>'],
  ['empty', () => ''],
];

const jsonlLine: Gen = (r) => {
  switch (int(r, 10)) {
    case 0: return '{"id": "u", "text": "unterminated';
    case 1: return '['.repeat(100_000) + ']'.repeat(100_000);
    case 2: return '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    case 3: return String(r() * 1e300);
    case 4: return 'null';
    case 5: return JSON.stringify({ id: 42, text: ['not', 'a', 'string'], title: { x: 1 } });
    case 6: return JSON.stringify({ id: 'h' + int(r, 1e6), html: htmlSoup(r) });
    case 7: return JSON.stringify({ id: 'u' + int(r, 1e6), text: randomUnicode(r), title: randomUnicode(r).slice(0, 200) });
    case 8: return JSON.stringify({ text: '' });
    default: return randomUnicode(r).replace(/\n/g, ' ');
  }
};

function randomBytes(r: () => number, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = int(r, 256);
  return b;
}

function warcRecord(body: string, lyingBy: number): string {
  const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n${body}`;
  const len = Buffer.byteLength(http) + lyingBy;
  return `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/a\r\nWARC-Date: 2025-03-03T00:00:00Z\r\nContent-Length: ${len}\r\n\r\n${http}\r\n\r\n`;
}

/** The whole comparison checked: spans in range, evidence exact, each article within its text. */
function checkComparison(c: Comparison, label: string): void {
  assertEvidenceExact(c);
  for (const a of c.articles) {
    for (const p of a.paragraphs ?? []) assert.ok(p.span.start >= 0 && p.span.end <= a.text.length, `${label}: paragraph span outside text`);
  }
  for (const m of c.messages) assert.match(m.code, /^CC\d{3}$/, `${label}: uncoded message`);
}

/** One source record through extract (Doc invariants) and the full processSource. */
function checkSource(source: SourceRecord, label: string): void {
  const t0 = performance.now();
  const doc = extract(source, DEFAULT_CONTEXT);
  assert.deepEqual(invariantProblems(doc), [], `${label}: extract invariants`);
  const article = processSource(source, DEFAULT_CONTEXT);
  const ms = performance.now() - t0;
  assert.ok(ms < DOC_MS, `${label}: took ${ms.toFixed(0)} ms`);
  const crashed = article.messages.filter((m) => m.code === 'CC301');
  assert.deepEqual(crashed.map((m) => m.reason), [], `${label}: an analysis stage threw`);
  checkComparison({ articles: [article], stories: [], messages: [] }, label);
}

function record(raw: string, format: SourceFormat = 'text', record: SourceRecord['record'] = {}): SourceRecord {
  return { uri: 'fuzz', format, raw, record, messages: [] };
}

function labelled(seed: number, kind: string, input: string | Uint8Array): string {
  return `seed=${seed} kind=${kind} size=${input.length}`;
}

test('processSource: hostile texts keep every invariant', () => {
  const r = prng(SEED);
  for (let i = 0; i < CASES; i++) {
    const seed = SEED + i;
    const rr = prng(seed);
    const [kind, gen] = pick(r, TEXT_GENS);
    const raw = gen(rr);
    const label = labelled(seed, kind, raw);
    try {
      checkSource(record(raw, 'text', rr() < 0.3 ? { title: randomUnicode(rr).slice(0, 300), byline: '\u202E' + 'x'.repeat(int(rr, 5000)) } : {}), label);
    } catch (error) {
      if (error instanceof assert.AssertionError) throw error;
      assert.fail(`${label}: threw ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
});

test('fixed cases found by fuzzing keep the per-document bound', () => {
  // A long sentence of reporting verbs / commentary cues made the opinion scoring quadratic.
  for (const [kind, raw] of [['said', 'Crane\n\n' + 'said '.repeat(40_000)], ['I think', 'Crane\n\n' + 'I think '.repeat(25_000)]] as const) {
    checkSource(record(raw), labelled(0, `fixed:${kind}`, raw));
  }
});

test('html reader: hostile pages give a record or a coded problem, in time', () => {
  const r = prng(SEED ^ 0x5a5a);
  const runs: [string, Gen][] = [...HTML_GENS, ...Array.from({ length: 30 }, () => pick(r, HTML_GENS))];
  runs.forEach(([kind, gen], i) => {
    const seed = (SEED ^ 0x5a5a) + i;
    const html = gen(prng(seed));
    const label = labelled(seed, `html:${kind}`, html);
    const t0 = performance.now();
    let item;
    try {
      item = i % 2 ? htmlFromText(html, 'fuzz.html') : htmlFromBytes(Buffer.from(html), 'fuzz.html');
    } catch (error) {
      assert.fail(`${label}: threw ${error instanceof Error ? error.stack : String(error)}`);
    }
    assert.ok(performance.now() - t0 < DOC_MS, `${label}: html took ${(performance.now() - t0).toFixed(0)} ms`);
    if (item.kind === 'problem') assert.match(item.message.code, /^CC\d{3}$/, label);
    else checkSource(item.source, label);
  });
  // random bytes as a page
  for (let i = 0; i < 20; i++) {
    const seed = SEED + 7000 + i;
    const bytes = randomBytes(prng(seed), int(prng(seed + 1), 20_000));
    const label = labelled(seed, 'html:bytes', bytes);
    const item = htmlFromBytes(bytes, 'fuzz.html');
    if (item.kind === 'source') checkSource(item.source, label);
  }
});

test('compare on files: a hostile batch keeps the good articles', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-fuzz-'));
  try {
    const r = prng(SEED ^ 0x77);
    const files: string[] = [];
    const add = (name: string, data: string | Uint8Array): void => {
      const p = join(dir, name);
      writeFileSync(p, data);
      files.push(p);
    };
    add('good.txt', GOOD);
    for (let i = 0; i < 12; i++) add(`bytes-${i}.txt`, randomBytes(r, int(r, 4000)));
    for (let i = 0; i < 12; i++) add(`text-${i}.txt`, pick(r, TEXT_GENS)[1](r));
    add('empty.txt', '');
    add('space.txt', '   \n\t\n   ');
    for (let i = 0; i < 4; i++) add(`page-${i}.html`, pick(r, HTML_GENS)[1](r));
    add('feed.jsonl', Array.from({ length: 30 }, () => jsonlLine(r)).join('\n') + '\n' + JSON.stringify({ id: 'good-rec', text: GOOD.replace('Monday', 'Tuesday') }) + '\n');
    add('bad.jsonl.gz', gzipSync(Buffer.from(JSON.stringify({ id: 'gz', text: GOOD }) + '\n')).subarray(0, 30));
    add('trunc.txt.gz', gzipSync(Buffer.from(GOOD.repeat(50))).subarray(0, 60));
    add('garbage.warc.gz', randomBytes(r, 500));
    add('lying-long.warc', warcRecord('<html><body><p>A crane collapsed on Monday, the port said.</p></body></html>', 5000));
    add('lying-short.warc', warcRecord('<html><body><p>A crane collapsed on Tuesday at the quay, the port said.</p></body></html>', -30) + warcRecord('<p>second</p>', 0));
    add('lying-negative.warc', 'WARC/1.0\r\nWARC-Type: response\r\nContent-Length: -5\r\n\r\nxx');
    add('feed.rss', '<?xml version="1.0"?><rss><channel>' + '<item><title>T</title><description><![CDATA[<p>' + 'x'.repeat(1000) + '</description>'.repeat(3) + '<item>'.repeat(50_000));
    add('boiler.txt', boilerplateOnly(r));

    const t0 = performance.now();
    let c: Comparison;
    try {
      c = await compare(files);
    } catch (error) {
      assert.fail(`seed=${SEED ^ 0x77} batch of ${files.length}: compare threw ${error instanceof Error ? error.stack : String(error)}`);
    }
    const ms = performance.now() - t0;
    assert.ok(ms < DOC_MS * files.length, `batch took ${ms.toFixed(0)} ms`);
    checkComparison(c, `seed=${SEED ^ 0x77} batch`);
    assert.ok(c.articles.some((a) => a.uri.endsWith('good.txt')), 'the good text file is still read');
    assert.ok(c.articles.some((a) => a.id === 'good-rec'), 'the good JSONL record after the bad lines is still read');
    const crashed = c.messages.concat(c.articles.flatMap((a) => a.messages)).filter((m) => m.code === 'CC301');
    assert.deepEqual(crashed.map((m) => m.reason), [], 'an analysis stage threw');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
