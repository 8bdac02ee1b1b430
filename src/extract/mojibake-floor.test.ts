/** The mojibake gate: ftfy's development cases (../shared/data/ftfy) must stay at or above eval/floors.json. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { FTFY_DIR, loadFtfyCases, scoreFtfy } from '../../eval/mojibake-ftfy.js';
import { sharedOrSkip } from '../../test/helpers.js';

const FLOORS = JSON.parse(readFileSync(new URL('../../eval/floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, number> | undefined>;

test('ftfy cases: exact repairs at or above the floor, no false change', { skip: sharedOrSkip() || (!existsSync(FTFY_DIR) && `SKIPPED: ${FTFY_DIR} not found`) }, () => {
  const floor = FLOORS['mojibake-ftfy'];
  assert.ok(floor, 'eval/floors.json needs a "mojibake-ftfy" entry');
  const s = scoreFtfy(loadFtfyCases());
  assert.ok(s.exact / s.pass >= floor.exact!, `exact ${s.exact}/${s.pass} < floor ${floor.exact}`);
  assert.ok(s.falseChanges <= floor.maxFalseChanges!, `${s.falseChanges} of the ${s.mustStay} texts that must stay were changed`);
});
