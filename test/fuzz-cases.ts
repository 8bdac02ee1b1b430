/**
 * The fuzz suite's generators and checks (issue 9), shared by test/fuzz.test.ts (bounded, in CI)
 * and bench/fuzz.ts (the long run on demand). Every generator is a function of a seeded PRNG, so
 * a failure reproduces from its seed; every check throws an AssertionError naming seed and kind.
 */
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { prng } from '../src/model/random.js';
import { DEFAULT_CONTEXT, type Comparison, type SourceRecord, type SourceFormat } from '../src/model/index.js';
import { processSource } from '../src/collection/pipeline.js';
import { extract } from '../src/extract/index.js';
import { invariantProblems } from '../src/extract/invariants.js';
import { htmlFromText, htmlFromBytes } from '../src/read/html.js';
import { readInputs } from '../src/read/index.js';
import { assertEvidenceExact } from './helpers.js';

/** Per-document bound (generous: CI machines are slow, 2 cores); FUZZ_DOC_MS changes it for a run on a loaded machine. */
export const DOC_MS = Number(process.env.FUZZ_DOC_MS ?? 2000);

export const GOOD = `Harbour crane collapses at Vell quay\n\nBy Ama Oduya | Mar 3, 2025\nA loading crane collapsed onto the Vell quay on Monday, injuring two dock workers, the port authority said.\n"We are investigating," said Mara Lind, a spokeswoman.\n`;

export type Gen = (r: () => number) => string;
export const int = (r: () => number, n: number): number => Math.floor(r() * n);
export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[int(r, xs.length)] as T;

export const HOSTILE_CHARS = [
  '\uD800', '\uDFFF', '\uDBFF\uDFFF', '\u202E', '\u202D', '\u2066', '\u2069', '\u200F', '\u200B', '\u200C', '\u200D', '\uFEFF',
  '\u0301', '\u0336', '\u20DD', '\u0000', '\u0007', '\u001B[31m', '\r', '\n', '\t', '\u2028', '\u2029', '\u00A0', '\u3000',
  'Ã©', 'â€™', 'â€œ', 'â€', 'Ã', 'ï»¿', '\uFFFD', '"', '\u201C', '\u201D', '\u2018', '\u2019', '\u00AB', '\u00BB', '—', '…', '. ', 'Mr.', 'said', ' ',
  '😀', '\uD83D', 'ﬁ', 'İ', 'ß', 'ǅ', '<', '>', '&amp;', '&#x110000;', '&#0;', '&', '\\', '{', '[',
];

export const randomUnicode: Gen = (r) => {
  let s = '';
  const n = int(r, 3000);
  for (let i = 0; i < n; i++) s += r() < 0.5 ? pick(r, HOSTILE_CHARS) : String.fromCharCode(int(r, 0x10000));
  return s;
};
export const mojibake: Gen = (r) => {
  let s = '';
  for (let i = 0; i < 400; i++) s += pick(r, ['Ã©', 'â€™', 'Ã¢â‚¬â„¢', 'cafÃ©', 'word', ' ', '\n', 'Ã', 'â€', 'said ', 'TheCity']);
  return s;
};
export const wordSoup: Gen = (r) => {
  const words = ['The', 'police', 'said', '"', 'Smith', 'according', 'to', 'officials', '.', ',', 'Mr.', 'U.S.', '—', '(', ')', '\n\n', 'Share', 'Subscribe', 'Advertisement', '2025', 'may', 'reportedly', '!'];
  const out: string[] = [];
  const n = int(r, 2000);
  for (let i = 0; i < n; i++) out.push(pick(r, words));
  return out.join(r() < 0.5 ? ' ' : '');
};
export const longLine: Gen = (r) => pick(r, ['a', 'ab ', 'x. ', '—', '"', ' ', 'Aa', '.']).repeat(50_000 + int(r, 50_000));
export const boilerplateOnly: Gen = (r) => Array.from({ length: 50 + int(r, 200) }, () => pick(r, ['Share this article', 'Subscribe to our newsletter', 'Advertisement', 'Read more', 'Cookie settings', '© 2025 All rights reserved', 'Follow us on Twitter'])).join('\n');
export const whitespace: Gen = (r) => Array.from({ length: int(r, 5000) }, () => pick(r, [' ', '\n', '\t', '\r\n', '\u00A0', '\u200B', '\u3000'])).join('');

export const TEXT_GENS: readonly [string, Gen][] = [
  ['unicode', randomUnicode], ['mojibake', mojibake], ['soup', wordSoup], ['longLine', longLine],
  ['boilerplate', boilerplateOnly], ['whitespace', whitespace], ['empty', () => ''],
];

export const htmlSoup: Gen = (r) => {
  const parts = ['<div>', '</div>', '<p>', '</p>', '<script>', '</script>', '<style>', '</style>', '<!--', '-->', '<![CDATA[', ']]>', '&amp', '&#', '&#x', '&nbsp;', '<a href="', '"', '>', '<', '<article>', '<h1>', 'Crane falls', 'The port said. ', '<br>', '<meta charset="', '<title>', '<p class="x', '\u0000', '<svg>', '<math>', '<template>', '<textarea>', '<iframe srcdoc="'];
  const out: string[] = [];
  const n = int(r, 3000);
  for (let i = 0; i < n; i++) out.push(pick(r, parts));
  return out.join('');
};
export const HTML_GENS: readonly [string, Gen][] = [
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

export const jsonlLine: Gen = (r) => {
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

export function randomBytes(r: () => number, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = int(r, 256);
  return b;
}

export function warcRecord(body: string, lyingBy: number): string {
  const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n${body}`;
  const len = Buffer.byteLength(http) + lyingBy;
  return `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/a\r\nWARC-Date: 2025-03-03T00:00:00Z\r\nContent-Length: ${len}\r\n\r\n${http}\r\n\r\n`;
}

/** The whole comparison checked: spans in range, evidence exact, each article within its text. */
export function checkComparison(c: Comparison, label: string): void {
  assertEvidenceExact(c);
  for (const a of c.articles) {
    for (const p of a.paragraphs ?? []) assert.ok(p.span.start >= 0 && p.span.end <= a.text.length, `${label}: paragraph span outside text`);
  }
  for (const m of c.messages) assert.match(m.code, /^CC\d{3}$/, `${label}: uncoded message`);
}

/** One source record through extract (Doc invariants) and the full processSource. */
export function checkSource(source: SourceRecord, label: string): void {
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

export function record(raw: string, format: SourceFormat = 'text', record: SourceRecord['record'] = {}): SourceRecord {
  return { uri: 'fuzz', format, raw, record, messages: [] };
}

export function labelled(seed: number, kind: string, input: string | Uint8Array): string {
  return `seed=${seed} kind=${kind} size=${input.length}`;
}


/** One hostile page through the HTML reader (text or bytes), then the pipeline when it gave a record. */
export function checkHtml(html: string | Uint8Array, seed: number, kind: string, asBytes: boolean): void {
  const label = labelled(seed, `html:${kind}`, html);
  const t0 = performance.now();
  let item;
  try {
    if (typeof html !== 'string') item = htmlFromBytes(html, 'fuzz.html');
    else item = asBytes ? htmlFromBytes(Buffer.from(html), 'fuzz.html') : htmlFromText(html, 'fuzz.html');
  } catch (error) {
    assert.fail(`${label}: threw ${error instanceof Error ? error.stack : String(error)}`);
  }
  assert.ok(performance.now() - t0 < DOC_MS, `${label}: html took ${(performance.now() - t0).toFixed(0)} ms`);
  if (item.kind === 'problem') assert.match(item.message.code, /^CC\d{3}$/, label);
  else checkSource(item.source, label);
}

/** Hostile files for the readers: damaged encodings, truncations, bombs, nesting, lying containers. */
export const FILE_GENS: readonly [string, (r: () => number) => { ext: string; data: Uint8Array }][] = [
  ['bytes', (r) => ({ ext: pick(r, ['.txt', '.jsonl', '.html', '.rss', '.warc', '.md']), data: randomBytes(r, int(r, 20_000)) })],
  ['utf16', (r) => {
    const text = pick(r, TEXT_GENS)[1](r).slice(0, 20_000) || GOOD;
    let data: Buffer = Buffer.from(text, 'utf16le');
    if (r() < 0.5) data = Buffer.from(data).swap16();
    if (r() < 0.5) data = Buffer.concat([Buffer.from(data[1] === 0 ? [0xff, 0xfe] : [0xfe, 0xff]), data]);
    if (r() < 0.3) data = data.subarray(0, int(r, data.length + 1));
    return { ext: pick(r, ['.txt', '.html', '.jsonl']), data };
  }],
  ['truncatedUtf8', (r) => {
    const data = Buffer.from(GOOD + pick(r, TEXT_GENS)[1](r).slice(0, 5000), 'utf8');
    return { ext: '.txt', data: data.subarray(0, int(r, data.length + 1)) };
  }],
  ['cp1252', (r) => ({ ext: pick(r, ['.txt', '.html']), data: Buffer.from(`<html><head><meta charset="${pick(r, ['utf-8', 'iso-8859-1', 'utf-16', 'bogus'])}"></head><body><p>Caf\xe9 \x93quoted\x94 ${wordSoup(r)}</p></body></html>`, 'latin1') })],
  ['nuls', (r) => ({ ext: '.txt', data: Buffer.from(GOOD.split('').map((c) => (r() < 0.01 ? '\0' + c : c)).join('')) })],
  ['jsonl', (r) => ({ ext: '.jsonl', data: Buffer.from(Array.from({ length: 1 + int(r, 20) }, () => jsonlLine(r)).join(pick(r, ['\n', '\r\n', '\n\n'])) + '\n' + JSON.stringify({ id: 'good', text: GOOD })) })],
  ['gz', (r) => {
    const inner = Buffer.from(pick(r, [GOOD, JSON.stringify({ text: GOOD }) + '\n', htmlSoup(r)]));
    const gz = gzipSync(inner);
    return { ext: pick(r, ['.txt.gz', '.jsonl.gz', '.html.gz', '.warc.gz']), data: r() < 0.5 ? gz.subarray(0, int(r, gz.length)) : gz };
  }],
  ['bomb', (r) => ({ ext: pick(r, ['.jsonl.gz', '.txt.gz', '.warc.gz']), data: gzipSync(Buffer.alloc((1 + int(r, 16)) * 1024 * 1024, pick(r, [0x0a, 0x00, 0x61, 0x7b]))) })],
  ['feed', (r) => ({ ext: '.rss', data: Buffer.from(`<?xml version="1.0"?><rss><channel><title>T</title>${Array.from({ length: int(r, 5) }, () => `<item><title>t</title><description>${pick(r, [GOOD, htmlSoup(r), '<![CDATA[' + GOOD, '&amp;'.repeat(1000)])}</description></item>`).join('')}${pick(r, ['', '</channel></rss>', '<item>'.repeat(int(r, 50_000)), '<x>'.repeat(int(r, 50_000))])}`) })],
  ['warc', (r) => ({ ext: '.warc', data: Buffer.from(Array.from({ length: 1 + int(r, 4) }, () => warcRecord(pick(r, ['<html><body><p>' + GOOD + '</p></body></html>', htmlSoup(r)]), pick(r, [0, 0, -10, 50, 100_000]))).join('')) })],
];

/** One hostile file through readInputs and the pipeline: records keep every invariant, problems are coded, in time. */
export async function checkFile(path: string, seed: number, kind: string, size: number): Promise<number> {
  const label = `seed=${seed} kind=file:${kind} size=${size} path=${path}`;
  let items = 0;
  const t0 = performance.now();
  try {
    for await (const item of readInputs([path], { maxBytes: DEFAULT_CONTEXT.maxBytes, maxDecompressed: 64 * 1024 * 1024 })) {
      items++;
      if (item.kind === 'problem') assert.match(item.message.code, /^CC\d{3}$/, label);
      else checkSource(item.source, label);
    }
  } catch (error) {
    if (error instanceof assert.AssertionError) throw error;
    assert.fail(`${label}: threw ${error instanceof Error ? error.stack : String(error)}`);
  }
  assert.ok(items > 0, `${label}: neither a record nor a problem`);
  assert.ok(performance.now() - t0 < DOC_MS * Math.max(1, items), `${label}: took ${(performance.now() - t0).toFixed(0)} ms for ${items} items`);
  return items;
}
