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
import type { Comparison } from '../src/model/index.js';
import { compare } from '../src/collection/pipeline.js';
import {
  DOC_MS, FILE_GENS, GOOD, HTML_GENS, TEXT_GENS, boilerplateOnly, checkComparison, checkFile, checkHtml, checkSource, int, jsonlLine, labelled, pick,
  randomBytes, randomUnicode, record, warcRecord, type Gen,
} from './fuzz-cases.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20251121);
const CASES = Number(process.env.FUZZ_CASES ?? 120);

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
    checkHtml(gen(prng(seed)), seed, kind, i % 2 === 0);
  });
  // random bytes as a page
  for (let i = 0; i < 20; i++) {
    const seed = SEED + 7000 + i;
    checkHtml(randomBytes(prng(seed), int(prng(seed + 1), 20_000)), seed, 'bytes', true);
  }
});

test('readers: hostile files (encodings, truncations, bombs, nesting, lying containers) give records or coded problems, in time', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-fuzz-files-'));
  try {
    const r = prng(SEED ^ 0x3c3c);
    const runs = [...FILE_GENS, ...Array.from({ length: Math.max(0, Math.round(CASES / 6) - FILE_GENS.length) }, () => pick(r, FILE_GENS))];
    for (const [i, [kind, gen]] of runs.entries()) {
      const seed = (SEED ^ 0x3c3c) + i;
      const { ext, data } = gen(prng(seed));
      const path = join(dir, `case-${i}${ext}`);
      writeFileSync(path, data);
      await checkFile(path, seed, kind, data.length);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
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
