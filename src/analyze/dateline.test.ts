import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datelineEnd } from './dateline.js';

const rest = (s: string): string => s.slice(datelineEnd(s, 0, s.length));

test('a wire dateline opening a sentence is skipped: place, date, agency, dash', () => {
  assert.equal(rest('HARROWGATE (WW) — Thirty-four pupils fell ill.'), 'Thirty-four pupils fell ill.');
  assert.equal(rest('WASHINGTON, Dec. 8 (UPI) — The Senate voted.'), 'The Senate voted.');
  assert.equal(rest('PARIS, Aug 31 (Reuters) - Le Pen said no.'), 'Le Pen said no.');
  assert.equal(rest('NEW YORK — Shares fell on Monday.'), 'Shares fell on Monday.');
  assert.equal(rest('ST. IVES (SWN) -- The lifeboat launched twice.'), 'The lifeboat launched twice.');
});

test('no dateline: ordinary sentences, headlines with a colon, short capitals', () => {
  for (const s of ['The ferry sailed at dawn — late, as usual.', 'FERRY HORROR: Fog warnings ignored', 'US - China talks resume today.', 'A Tennick woman said so.']) {
    assert.equal(datelineEnd(s, 0, s.length), 0, s);
  }
  // from an offset inside a longer text
  const text = 'Title\n\nCALDOW (HW) — A freight train derailed.';
  assert.equal(text.slice(datelineEnd(text, 7, text.length)), 'A freight train derailed.');
});
