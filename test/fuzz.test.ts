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
  FILE_GENS, GOOD, HTML_GENS, TEXT_GENS, boilerplateOnly, checkComparison, checkFile, checkHtml, checkSource, int, jsonlLine, labelled, pick,
  assertInTime, feedWithEntities, gzWithJunk, ipSpellings, randomBytes, randomUnicode, record, warcRecord, warcWithLiar, type Gen,
} from './fuzz-cases.js';
import { readInputs, type ReadItem } from '../src/read/index.js';
import { isPrivateAddress } from '../src/read/address.js';

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
    assertInTime(performance.now() - t0, `seed=${SEED ^ 0x77} batch of ${files.length}`, files.length);
    checkComparison(c, `seed=${SEED ^ 0x77} batch`);
    assert.ok(c.articles.some((a) => a.uri.endsWith('good.txt')), 'the good text file is still read');
    assert.ok(c.articles.some((a) => a.id === 'good-rec'), 'the good JSONL record after the bad lines is still read');
    const crashed = c.messages.concat(c.articles.flatMap((a) => a.messages)).filter((m) => m.code === 'CC301');
    assert.deepEqual(crashed.map((m) => m.reason), [], 'an analysis stage threw');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function readFile(dir: string, name: string, data: Uint8Array): Promise<ReadItem[]> {
  const path = join(dir, name);
  writeFileSync(path, data);
  const out: ReadItem[] = [];
  for await (const item of readInputs([path], { maxBytes: 1_000_000 })) out.push(item);
  return out;
}

test('issue 19 attack forms: junk after a .gz, a lying WARC length, a feed\'s own entities keep every good record and store no garbage', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-fuzz-19-'));
  try {
    const runs = Math.max(6, Math.round(CASES / 10));
    for (let i = 0; i < runs; i++) {
      const seed = (SEED ^ 0x1919) + i;
      const gz = gzWithJunk(prng(seed), 1 + (i % 7) * 9);
      const gzItems = await readFile(dir, `junk-${i}${gz.file.ext}`, gz.file.data);
      assert.equal(gzItems.filter((x) => x.kind === 'source').length, gz.records, `seed=${seed} kind=gzJunk: every record kept`);
      assert.ok(gzItems.some((x) => x.kind === 'problem' && ['CC115', 'CC120'].includes(x.message.code)), `seed=${seed} kind=gzJunk: the junk is reported`);

      const warc = warcWithLiar(prng(seed));
      const warcItems = await readFile(dir, `liar-${i}${warc.file.ext}`, warc.file.data);
      const urls = warcItems.flatMap((x) => (x.kind === 'source' ? [x.source.record.url] : []));
      for (const url of warc.after) assert.ok(urls.includes(url), `seed=${seed} kind=warcLiar: ${url} after the lying record is read (got ${urls.join(', ')})`);
      assert.ok(warcItems.some((x) => x.kind === 'problem' && x.message.code === 'CC123'), `seed=${seed} kind=warcLiar: the lie is reported`);

      const feed = feedWithEntities(prng(seed));
      const feedItems = await readFile(dir, `dtd-${i}${feed.file.ext}`, feed.file.data);
      assert.ok(feedItems.some((x) => x.kind === 'problem' && x.message.code === 'CC116'), `seed=${seed} kind=dtdFeed: reported`);
      for (const x of feedItems) {
        if (x.kind !== 'source') continue;
        const stored = `${x.source.raw} ${x.source.record.title ?? ''} ${x.source.record.outlet ?? ''}`;
        for (const name of feed.names) assert.ok(!stored.includes(`&${name};`), `seed=${seed} kind=dtdFeed: "&${name};" stored`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SSRF: every spelling of a non-public IPv4 address is refused; the carrying forms of a public one are not', () => {
  const r = prng(SEED ^ 0x55f);
  const privateV4 = [[127, 0, 0, 1], [127, 1, 2, 3], [10, 1, 2, 3], [172, 16, 0, 1], [192, 168, 1, 1], [169, 254, 169, 254], [100, 64, 0, 1], [0, 0, 0, 0], [224, 0, 0, 1], [255, 255, 255, 255], [198, 18, 0, 1]];
  const publicV4 = [[8, 8, 8, 8], [1, 1, 1, 1], [93, 184, 216, 34], [151, 101, 1, 69]];
  const forms = (v4: number[]): { form: string; carries: boolean; url: string }[] =>
    ipSpellings(r, v4).flatMap(({ form, carries }) => {
      // The URL parser rewrites a literal (to hex groups, or 2130706433 to 127.0.0.1): both are checked.
      const literal = form.includes(':') ? `[${form}]` : form;
      const url = new URL(`http://${literal}:8080/`).hostname.replace(/^\[|\]$/g, '');
      return [{ form, carries, url }];
    });
  for (let round = 0; round < Math.max(3, Math.round(CASES / 40)); round++) {
    for (const v4 of privateV4) {
      for (const { form, url } of forms(v4)) {
        assert.equal(isPrivateAddress(form), true, `${form} (${v4.join('.')})`);
        assert.equal(isPrivateAddress(url), true, `${url}, the URL parser's form of ${form}`);
      }
    }
    for (const v4 of publicV4) {
      for (const { form, carries, url } of forms(v4)) {
        assert.equal(isPrivateAddress(form), !carries, `${form} (${v4.join('.')})`);
        assert.equal(isPrivateAddress(url), !carries, `${url}, the URL parser's form of ${form}`);
      }
    }
    // Random addresses: the URL parser's spelling never changes the answer.
    for (let i = 0; i < 200; i++) {
      const v4 = [int(r, 256), int(r, 256), int(r, 256), int(r, 256)];
      for (const { form, url } of forms(v4)) assert.equal(isPrivateAddress(url), isPrivateAddress(form), `${form} -> ${url}`);
    }
  }
});

test('the per-document time bound can fail', () => {
  assert.throws(() => assertInTime(1e9, 'a case that takes forever'), /benign 100 KB document/);
});
