import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from './main.js';
import { demoCorpus } from './demo.js';
import { wantsColor, type CliIO } from './io.js';

const SEEDS = fileURLToPath(new URL('../../../shared/corpus/seeds/', import.meta.url));
const SEED_A = join(SEEDS, '000_095b28c4d977072b.txt');
const SEED_B = join(SEEDS, '004_9f62991a42b9fc4b.txt');

function memoryIO(extra: Partial<CliIO> = {}): CliIO & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    isTTY: false,
    env: {},
    ...extra,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

async function run(argv: string[], extra: Partial<CliIO> = {}) {
  const io = memoryIO(extra);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

test('compare --json on the seeds: valid JSON with both articles', async () => {
  const r = await run(['compare', SEED_A, SEED_B, '--json']);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out) as { schema: string; articles: { uri: string; text: string }[]; stories: unknown[] };
  assert.equal(json.schema, 'crosscheck/1');
  assert.equal(json.articles.length, 2);
  assert.deepEqual(json.articles.map((a) => a.uri).sort(), [SEED_A, SEED_B].sort());
  assert.ok(json.articles.every((a) => a.text.length > 0));
  assert.ok(Array.isArray(json.stories));
});

test('compare on the seeds in text and Markdown', async () => {
  const text = await run(['compare', SEEDS, '--no-color']);
  assert.equal(text.code, 0, text.err);
  assert.ok(text.out.includes('PROFILES'));
  assert.equal(text.out.includes('\x1b'), false);
  const md = await run(['compare', SEED_A, SEED_B, '--markdown']);
  assert.equal(md.code, 0, md.err);
  assert.ok(md.out.startsWith('# crosscheck report'));
  const coloured = await run(['compare', SEED_A, '--color']);
  assert.ok(coloured.out.includes('\x1b[1m'));
});

test('usage errors exit 64 with CC502', async () => {
  for (const argv of [
    [],
    ['frobnicate'],
    ['--frobnicate'],
    ['compare'],
    ['compare', SEED_A, '--bogus'],
    ['compare', SEED_A, '--json', '--markdown'],
    ['compare', SEED_A, '--html', '--markdown'],
    ['compare', SEED_A, '--max-bytes', 'lots'],
    ['compare', SEED_A, '--max-chars', '0'],
    ['compare', SEED_A, '--format', 'xml'],
    ['compare', SEED_A, '--output'],
    ['demo', 'extra.txt'],
  ]) {
    const r = await run(argv);
    assert.equal(r.code, 64, argv.join(' '));
    assert.match(r.err, /^CC502 error /m, argv.join(' '));
    assert.equal(r.out, '', argv.join(' '));
  }
});

test('a missing file and a good one: exit 0, CC100 on stderr, the good one reported', async () => {
  const r = await run(['compare', SEED_A, join(SEEDS, 'no-such-file.txt'), '--json']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /^CC100 error .*no-such-file\.txt/m);
  const json = JSON.parse(r.out) as { articles: unknown[]; messages: { code: string }[] };
  assert.equal(json.articles.length, 1);
  assert.ok(json.messages.some((m) => m.code === 'CC100'));
});

test('only missing files: exit 2 with CC501, nothing on stdout', async () => {
  const r = await run(['compare', 'no-such-1.txt', 'no-such-2.txt']);
  assert.equal(r.code, 2);
  assert.match(r.err, /^CC100 /m);
  assert.match(r.err, /^CC501 error /m);
  assert.equal(r.out, '');
});

test('"-" reads standard input', async () => {
  const text = readFileSync(SEED_A, 'utf8');
  const r = await run(['compare', '-', '--json'], { stdin: Readable.from([text]) });
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out) as { articles: { text: string }[] };
  assert.equal(json.articles.length, 1);
});

test('--output writes the report to a file; an unwritable one exits 73 with CC503', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
  try {
    const file = join(dir, 'report.md');
    const r = await run(['compare', SEED_A, '--markdown', '--output', file]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    assert.ok(readFileSync(file, 'utf8').startsWith('# crosscheck report'));
    const bad = await run(['compare', SEED_A, '-o', join(dir, 'no', 'such', 'dir', 'r.txt')]);
    assert.equal(bad.code, 73);
    assert.match(bad.err, /^CC503 error /m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--html -o writes the story report as one self-contained HTML file (#15)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));
  try {
    const file = join(dir, 'report.html');
    const r = await run(['compare', SEED_A, SEED_B, '--html', '-o', file]);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '');
    const page = readFileSync(file, 'utf8');
    assert.ok(page.startsWith('<!DOCTYPE html>'));
    assert.match(page, /<h2>Facts<\/h2>/);
    assert.doesNotMatch(page, /<script|<link/i);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hostile article text through the whole pipeline reaches neither terminal nor Markdown as markup', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-hostile-'));
  try {
    const file = join(dir, 'hostile.txt');
    writeFileSync(file, 'Council \x1b[2J\x1b]0;pwned\x07votes | to <script>alert(1)</script> close [the](http://evil.example) bridge\n\n' +
      'The council voted on Tuesday to close the bridge for \x1b[31m18 months\x1b[0m, officials said. `rm -rf` | a | b\n');
    const text = await run(['compare', file, '--color']);
    assert.equal(text.code, 0, text.err);
    assert.equal(text.out.replace(/\x1b\[[0-9;]*m/g, '').includes('\x1b'), false);
    assert.equal(text.err.includes('\x1b'), false);
    const md = await run(['compare', file, '--markdown']);
    assert.equal(md.code, 0, md.err);
    assert.equal(md.out.includes('<script>'), false);
    assert.equal(md.out.includes('\x1b'), false);
    assert.equal(/(^|[^\\])\]\(http/.test(md.out), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--quiet drops info messages but keeps errors', async () => {
  const r = await run(['compare', SEED_A, 'no-such.txt', '--quiet', '--json']);
  assert.equal(r.code, 0);
  assert.match(r.err, /^CC100 /m);
  assert.equal(/^CC\d+ info /m.test(r.err), false);
});

test('help, command help and version', async () => {
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.ok(help.out.includes('crosscheck compare INPUT...'));
  for (const code of ['0 ', '2 ', '64', '70', '73']) assert.ok(help.out.includes(`\n  ${code}`), code);
  const compareHelp = await run(['compare', '--help']);
  assert.equal(compareHelp.code, 0);
  assert.ok(compareHelp.out.includes('--max-bytes N'));
  assert.ok(compareHelp.out.includes('Exit codes'));
  assert.equal((await run(['help', 'demo'])).code, 0);
  assert.equal((await run(['help', 'nope'])).code, 64);
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const version = await run(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.out, `${pkg.version}\n`);
});

test('demo runs on the bundled corpus, with a header on stderr (CC504 while the corpus is missing)', async () => {
  const r = await run(['demo', '--json']);
  if (existsSync(demoCorpus())) {
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /^crosscheck demo: .*examples\/corpus/m);
    assert.ok((JSON.parse(r.out) as { articles: unknown[] }).articles.length > 0);
  } else {
    assert.equal(r.code, 2);
    assert.match(r.err, /^CC504 error /m);
  }
});

test('colour: flags first, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
  const io = (env: Record<string, string>, isTTY: boolean) => memoryIO({ env, isTTY });
  assert.equal(wantsColor(io({}, true), {}), true);
  assert.equal(wantsColor(io({}, false), {}), false);
  assert.equal(wantsColor(io({ NO_COLOR: '1' }, true), {}), false);
  assert.equal(wantsColor(io({ FORCE_COLOR: '1' }, false), {}), true);
  assert.equal(wantsColor(io({ FORCE_COLOR: '0' }, true), {}), false);
  assert.equal(wantsColor(io({ NO_COLOR: '1' }, true), { color: true }), true);
  assert.equal(wantsColor(io({ FORCE_COLOR: '1' }, true), { noColor: true }), false);
});

test('an exception inside a command is reported as an internal error (70), not thrown', async () => {
  const io = memoryIO({ stdin: Readable.from((async function* () { yield 'x'; throw new Error('stdin broke'); })()) });
  const code = await main(['compare', '-'], io);
  // Either the reader turns the failure into a message (exit 2) or it escapes (exit 70); never a throw.
  assert.ok(code === 2 || code === 70, String(code));
});
