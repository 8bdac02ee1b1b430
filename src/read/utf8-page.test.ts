/**
 * Utf8Page: the pieces and offsets of a page kept as undecoded UTF-8 are those of the decoded
 * page, at every pair of character boundaries, whatever order they are asked in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Utf8Page } from './utf8-page.js';

/** Byte offsets of the character boundaries of `text` in UTF-8, with the UTF-16 offset of each. */
function boundaries(text: string): [number, number][] {
  const out: [number, number][] = [[0, 0]];
  let bytes = 0;
  let units = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch, 'utf8');
    units += ch.length;
    out.push([bytes, units]);
  }
  return out;
}

function check(text: string): void {
  const page = new Utf8Page(Buffer.from(text, 'utf8'));
  const at = boundaries(text);
  assert.equal(page.length, text.length);
  assert.equal(page.text(), text);
  for (const [b, u] of at) assert.equal(page.offset(b), u, `offset of byte ${b}`);
  // Backwards too: the cursor moves back by binary search.
  for (let i = at.length - 1; i >= 0; i--) assert.equal(page.offset(at[i]![0]), at[i]![1]);
  // Every pair of boundaries on short texts; on long ones, each start with the ends near it and a sample further on.
  const step = at.length > 100 ? 97 : 1;
  for (let i = 0; i < at.length; i++) {
    for (let j = i; j < at.length; j += j - i < 5 ? 1 : step) assert.equal(page.slice(at[i]![0], at[j]![0]), text.slice(at[i]![1], at[j]![1]), `slice ${i}..${j}`);
  }
}

test('pieces and offsets of undecoded UTF-8 are those of the decoded text', () => {
  check('');
  check('plain ASCII only');
  check('é');
  check('Café “quoted” – naïve 😀 end');
  check('😀😀x𝄞ü');
  check('Кирилиця: слово, ще слово. 中文字符 ok');
});

test('runs of non-ASCII bytes across the blocks the page is checked in', () => {
  // The page is looked through in blocks of 2,048 bytes; runs that start, end or sit across a
  // block's edge keep their offsets.
  const a = 'a'.repeat(2046);
  check(`${a}ééx`);
  check(`${a}é${'b'.repeat(2048)}😀${'c'.repeat(10)}`);
  check(`${'ж'.repeat(3000)}tail`);
  const page = new Utf8Page(Buffer.from(`${a}xyzé`, 'utf8'));
  assert.equal(page.slice(0, 2049), `${a}xyz`);
  assert.equal(page.slice(2049, 2051), 'é');
});
