import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, positiveInteger, type OptionSpecs } from './args.js';

const specs: OptionSpecs = { json: { type: 'boolean' }, output: { type: 'string', short: 'o' }, 'max-bytes': { type: 'string' } };

test('long, short, inline values, "-" and "--"', () => {
  const r = parseArgs(['a.txt', '--json', '-o', 'out.md', '--max-bytes=10', '-', '--', '--not-an-option'], specs);
  assert.ok(r.ok);
  assert.deepEqual(r.args.values, { json: true, output: 'out.md', 'max-bytes': '10' });
  assert.deepEqual(r.args.positionals, ['a.txt', '-', '--not-an-option']);
});

test('unknown options, missing values and values on booleans are errors', () => {
  assert.deepEqual(parseArgs(['--nope'], specs), { ok: false, error: 'unknown option --nope' });
  assert.deepEqual(parseArgs(['-x'], specs), { ok: false, error: 'unknown option -x' });
  assert.deepEqual(parseArgs(['--output'], specs), { ok: false, error: 'option --output needs a value' });
  assert.deepEqual(parseArgs(['--output', '--json'], specs), { ok: false, error: 'option --output needs a value' });
  assert.deepEqual(parseArgs(['--json=yes'], specs), { ok: false, error: 'option --json takes no value' });
  assert.deepEqual(parseArgs(['--toString'], specs), { ok: false, error: 'unknown option --toString' });
});

test('positiveInteger', () => {
  assert.deepEqual(positiveInteger('max-bytes', '1024'), { ok: true, value: 1024 });
  assert.equal(positiveInteger('max-bytes', '0').ok, false);
  assert.equal(positiveInteger('max-bytes', '1e3').ok, false);
  assert.equal(positiveInteger('max-bytes', '-5').ok, false);
  assert.equal(positiveInteger('max-bytes', 'lots').ok, false);
});
