import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Paragraph } from '../../model/index.js';
import { tokenizeText } from '../tokenize.js';
import { segmentText } from '../segment.js';
import { decodeDoc } from './decode.js';
import { prepare } from './features.js';
import { shippedWeights } from './model.js';
import { sharedOrSkip } from '../../../test/helpers.js';

const SEEDS = fileURLToPath(new URL('../../../../shared/corpus/seeds/', import.meta.url));

/** Tags of `text` by decodeDoc with the shipped int8 weights and with the same weights as floats. */
function bothWays(text: string): { byForm: Uint8Array; byRow: Uint8Array } {
  const tokens = tokenizeText(text);
  const paragraphs: Paragraph[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') paragraphs.push({ span: { start, end: start + line.length }, kind: 'body' });
    start += line.length + 1;
  }
  const sentences = segmentText(text, tokens, paragraphs);
  const w = shippedWeights();
  const byForm = new Uint8Array(tokens.length);
  const byRow = new Uint8Array(tokens.length);
  decodeDoc(prepare(text, tokens, sentences), w, byForm);
  // a float table takes the row-by-row path (no sums per word form)
  decodeDoc(prepare(text, tokens, sentences), { table: Float32Array.from(w.table), transitions: w.transitions }, byRow);
  return { byForm, byRow };
}

test('decodeDoc: sums per word form give the tags of the row-by-row sums (case, shape and possessive kept apart)', () => {
  const text =
    'Apple said on Monday that APPLE shares rose. An apple a day, said Apple’s chief, Tim Cook.\n' +
    'Cook met Tim Cook and Mr. Cook of Cook County in Washington; WASHINGTON (Reuters) - Washington’s mayor spoke.\n' +
    'THE BANK OF ENGLAND RAISES RATES\nThe Bank of England raised rates, the bank said. McDonald’s and MCDONALD’S.';
  const { byForm, byRow } = bothWays(text);
  assert.ok(byRow.some((t) => t !== 0), 'the text has names');
  assert.deepEqual(byForm, byRow);
});

test('decodeDoc: the same tags both ways on the seed articles', { skip: sharedOrSkip() }, () => {
  for (const name of readdirSync(SEEDS).filter((f) => f.endsWith('.txt') || f.endsWith('.md'))) {
    const { byForm, byRow } = bothWays(readFileSync(SEEDS + name, 'utf8'));
    assert.deepEqual(byForm, byRow, name);
  }
});
