import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './testing.js';

// Invented: a speech excerpt with figures, a greeting, narrative and an opinion.
const SPEECH = `Remarks on the economy

Thank you all very much for being here tonight.

We're up 400,000 jobs since January, and unemployment fell to 3.7 percent in September, the lowest rate since 1969.

So I went over to the plant and sat down with the workers for a while.

The new plant cost $2 billion and employs 1,200 people, the company said.

I think this is a wonderful time to be alive.
`;

function speechFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cc-claims-'));
  const path = join(dir, 'speech.txt');
  writeFileSync(path, SPEECH);
  return path;
}

test('crosscheck claims ranks figures first, with scores and speakers, and leaves greetings and opinion out', async () => {
  const r = await runCli('claims', speechFile(), '--min', '0', '-q');
  assert.equal(r.code, 0, r.err);
  const lines = r.out.split('\n').filter((l) => /^\s+\d+\. /.test(l));
  assert.ok(lines.length >= 2, r.out);
  assert.match(lines[0] ?? '', /400,000 jobs|\$2 billion/);
  assert.ok(!r.out.includes('wonderful time'), r.out);
  assert.ok(r.out.includes('the company (attributed)'), r.out);
});

test('crosscheck claims --json: every claim is evidence with a score in [0, 1], best first', async () => {
  const path = speechFile();
  const r = await runCli('claims', path, '--json', '--min', '0', '-q');
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out) as { claims: { text: string; span: { start: number; end: number }; checkworthy: number }[] };
  assert.ok(out.claims.length >= 2);
  for (let i = 0; i < out.claims.length; i++) {
    const c = out.claims[i]!;
    assert.ok(c.checkworthy >= 0 && c.checkworthy <= 1);
    if (i > 0) assert.ok(out.claims[i - 1]!.checkworthy >= c.checkworthy);
  }
});

test('crosscheck claims: usage errors', async () => {
  assert.equal((await runCli('claims')).code, 64);
  assert.equal((await runCli('claims', speechFile(), '--min', '2')).code, 64);
});
