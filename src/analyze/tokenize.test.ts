import { test } from 'node:test';
import assert from 'node:assert/strict';
import { growth } from '../../test/growth.js';
import { tokenizeText, tokenIndexAt } from './tokenize.js';

const words = (text: string): string[] => tokenizeText(text).map((t) => text.slice(t.start, t.end));

test('tokenize: words keep internal apostrophes and hyphens', () => {
  assert.deepEqual(words('We’re sure Yun’s aide, Kim Sang-duk, didn\'t go.'), ['We’re', 'sure', 'Yun’s', 'aide', ',', 'Kim', 'Sang-duk', ',', "didn't", 'go', '.']);
  assert.deepEqual(words('the missile-development plan of al-Assad and COVID-19'), ['the', 'missile-development', 'plan', 'of', 'al-Assad', 'and', 'COVID-19']);
  const [t] = tokenizeText('Yun’s');
  assert.equal(t?.norm, "yun's");
});

test('tokenize: abbreviations with periods are one token; titles are word + period', () => {
  assert.deepEqual(words('the U.S. and U.N. at 9 a.m., e.g. J.R.R. Tolkien, Ph.D.'), ['the', 'U.S.', 'and', 'U.N.', 'at', '9', 'a.m.', ',', 'e.g.', 'J.R.R.', 'Tolkien', ',', 'Ph.D.']);
  assert.deepEqual(words('Mr. Smith said no.The end'), ['Mr', '.', 'Smith', 'said', 'no', '.', 'The', 'end']);
  assert.deepEqual(words('visit example.com today'), ['visit', 'example', '.', 'com', 'today']);
});

test('tokenize: numbers', () => {
  assert.deepEqual(words('1,000 people, 3.5 million, the 1990s, 25% and 21st at 10:30 on 2017-11-02 ($5)'),
    ['1,000', 'people', ',', '3.5', 'million', ',', 'the', '1990s', ',', '25%', 'and', '21st', 'at', '10:30', 'on', '2017-11-02', '(', '$', '5', ')']);
  assert.equal(tokenizeText('1,000').at(0)?.kind, 'number');
  assert.deepEqual(words('in 2017,2018'), ['in', '2017', ',', '2018']);
});

test('tokenize: punctuation and symbols', () => {
  const text = 'Wait... what?! “Yes” — he said -- 🙂 £5 & more…';
  assert.deepEqual(words(text), ['Wait', '...', 'what', '?', '!', '“', 'Yes', '”', '—', 'he', 'said', '--', '🙂', '£', '5', '&', 'more', '…']);
  const kinds = tokenizeText('a , $ 🙂 1').map((t) => t.kind);
  assert.deepEqual(kinds, ['word', 'punct', 'symbol', 'symbol', 'number']);
});

test('tokenize: non-ASCII letters and spaces', () => {
  assert.deepEqual(words('José Müller\u00a0in São Paulo, Ελλάδα'), ['José', 'Müller', 'in', 'São', 'Paulo', ',', 'Ελλάδα']);
  assert.deepEqual(words(''), []);
  assert.deepEqual(words('   \n\t '), []);
});

test('tokenize: the fast path for words of letters a-z ends and norms them as the full scan does', () => {
  // a one-letter word at the very end, ASCII or not, capital or not: the norm is lower case
  for (const [text, norm] of [['x É', 'é'], ['x é', 'é'], ['x Q', 'q'], ['x q', 'q'], ['Zorbly', 'zorbly'], ['zorbly', 'zorbly'], ['Ñandu', 'ñandu']] as const) {
    assert.equal(tokenizeText(text).at(-1)?.norm, norm, text);
  }
  // what follows a run of a-z decides whether the word goes on
  assert.deepEqual(words("blorf's blorf’s blorf-glim blorf.glim e.g. blorfGlim blorf2 blorf. blorf, blorf— blorfé blorf"), [
    "blorf's", 'blorf’s', 'blorf-glim', 'blorf', '.', 'glim', 'e.g.', 'blorfGlim', 'blorf2', 'blorf', '.', 'blorf', ',', 'blorf', '—', 'blorfé', 'blorf',
  ]);
  assert.deepEqual(tokenizeText('Blorf GLIM glim Blorf').map((t) => t.norm), ['blorf', 'glim', 'glim', 'blorf']);
});

test('tokenize: tokens are ordered and their offsets are exact', () => {
  const text = 'He said: “It’s 3.5% of U.S. GDP.” Then—nothing.\n\nNext?';
  const tokens = tokenizeText(text);
  let last = 0;
  for (const t of tokens) {
    assert.ok(t.start >= last && t.end > t.start);
    assert.equal(t.norm, text.slice(t.start, t.end).toLowerCase().replaceAll('’', "'"));
    last = t.end;
  }
  assert.equal(tokenIndexAt(tokens, 0), 0);
  assert.equal(tokenIndexAt(tokens, text.indexOf('Next')), tokens.length - 2);
  assert.equal(tokenIndexAt(tokens, text.length), tokens.length);
});

// Speed (about 10 MB/s on an idle laptop core) is measured by bench/pipeline.bench.ts; a test on a
// shared machine bounds only how the cost grows.
test('tokenize: cost grows linearly (10x the text, under 30x the time)', () => {
  const para = 'The U.S. said on Tuesday that 1,000 North Korean officials’ talks, e.g. “We’re trying,” he said, cost $3.5 million (25%). ';
  const textOf = (bytes: number): string => para.repeat(Math.ceil(bytes / para.length));
  assert.ok(tokenizeText(textOf(1_000_000)).length > 150_000);
  const g = growth((bytes) => void tokenizeText(textOf(bytes)), 100_000, 1_000_000);
  assert.ok(g.ratio < 30, g.text);
});
