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

// Invented: a wire report, a copy that adds a dateline, and a copy that changed the number.
const WIRE = `Dam gates opened after record rain

Engineers opened all six gates of the Corran Dam on Friday after 140 millimetres of rain fell in two days, the water authority said.
`;
const DATELINED = `Corran Dam gates opened

CORRAN (KNA) — Engineers opened all six gates of the Corran Dam on Friday after 140 millimetres of rain fell in two days, the water authority said.
`;
const CHANGED = `Corran Dam floodgates opened

Engineers opened all six gates of the Corran Dam on Friday after 180 millimetres of rain fell in two days, the water authority said.
`;

test('crosscheck claims: a copy with a dateline is the same claim, listed once with its other article; a changed number is not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-claims-'));
  const files = [['wire.txt', WIRE], ['copy.txt', DATELINED], ['changed.txt', CHANGED]].map(([name, text]) => {
    const path = join(dir, name!);
    writeFileSync(path, text!);
    return path;
  });
  const r = await runCli('claims', ...files, '--json', '--min', '0', '-q');
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out) as { claims: { text: string; articleId: string; alsoIn: string[] }[] };
  const gates = out.claims.filter((c) => /opened all six gates/.test(c.text));
  assert.equal(gates.length, 2, JSON.stringify(gates, null, 1));
  const with140 = gates.find((c) => c.text.includes('140'))!;
  const with180 = gates.find((c) => c.text.includes('180'))!;
  assert.equal(with140.alsoIn.length, 1, 'the datelined copy is the same claim');
  assert.deepEqual(with180.alsoIn, [], 'a different number is a different claim');
  const text = await runCli('claims', ...files, '--min', '0', '-q');
  assert.match(text.out, /also in: /);
});
