import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isContentWord, words, type Word } from './words.js';
import { stem } from './stem.js';

// The definition of a word that words() scans for (the regex it replaced), and the glued-word
// split: the scan must give exactly these words, offsets and flags.
const WORD_RE = /[A-Za-z](?:\.[A-Za-z])+\.?|\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\d+\.\d+%?|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)*%?/gu;
const GLUED_RE = /^(\p{Ll}{4,})(\p{Lu}\p{Ll}+)$/u;

function reference(text: string, from = 0, to = text.length): Word[] {
  const word = (raw: string, start: number): Word => ({
    start,
    end: start + raw.length,
    norm: raw.toLowerCase().replace(/’/g, "'"),
    isNumber: /^\d[\d.,]*%?$/.test(raw),
    isCapitalised: raw.charAt(0) !== raw.charAt(0).toLowerCase(),
  });
  const out: Word[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(WORD_RE)) {
    const start = from + m.index;
    const glued = GLUED_RE.exec(m[0]);
    if (glued && glued[1] && glued[2]) {
      out.push(word(glued[1], start), word(glued[2], start + glued[1].length));
    } else out.push(word(m[0], start));
  }
  return out;
}

test('words finds the words of the definition on tricky text', () => {
  const texts = [
    'The U.S. and e.g. a.m. U.Sx e.Smith Jr.Smith 1,000 1,000,000.5 12,34 1234,567 1,0000 3.5 40% 40.5% 1.2.3 1990s 1980’s 21st',
    "We’re told Yun's O'Brien wasn't rock'n'roll abc' abc'1 handsWarmbier McCain MacArthur sayThe abcdÉfg straßeNeu élanVital",
    'Café naïve e\u0301tude \u0301x ٣٤ ½ x² Ⅻ 中文 𝐀𝐁 𝟘1 😀 \ud800a \udc00b İstanbul ǅemal ΣΑΣ ﬁne ʼx',
    '',
    '...,%%% \n\t--',
  ];
  for (const t of texts) {
    assert.deepEqual(words(t), reference(t), t);
    for (const [from, to] of [[3, t.length], [0, Math.floor(t.length / 2)], [5, 17]] as const) {
      if (to >= from) assert.deepEqual(words(t, from, to), reference(t, from, to), `${t} [${from}, ${to})`);
    }
  }
});

test('words agrees with the definition on random strings of awkward characters', () => {
  const alphabet = ['a', 'Z', 'U', 'S', 'e', '.', ',', '%', "'", '’', ' ', '0', '1', '9', '-', 'é', 'É', 'ß', '\u0301', '٣', '½', '²', '中', '𝐀', '😀', '\ud800', 'Σ', 'hello', 'World', 'handsWarmbier'];
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  for (let k = 0; k < 5000; k++) {
    let t = '';
    for (let i = 1 + rand(12); i > 0; i--) t += alphabet[rand(alphabet.length)];
    assert.deepEqual(words(t), reference(t), JSON.stringify(t));
  }
});

test('content words leave out stop words and one-letter words, not numbers', () => {
  const ws = words('The 3 ministers said a 1,000 x talks');
  assert.deepEqual(
    ws.filter(isContentWord).map((w) => w.norm),
    ['3', 'ministers', '1,000', 'talks'],
  );
});

test('stem meets the forms news paraphrase moves between', () => {
  const same = [
    ['imprisoned', 'imprisons'],
    ['broadened', 'broadens'],
    ['release', 'released'],
    ['studies', 'studied'],
    ["trump's", 'trump’s', 'trump'],
    ['stopping', 'stopped', 'stops'],
  ];
  for (const forms of same) assert.equal(new Set(forms.map(stem)).size, 1, forms.join(' '));
  assert.equal(stem('glasses'), 'glass');
  assert.equal(stem('1990s'), '1990s');
  assert.equal(stem('was'), 'was');
  assert.equal(stem('calling'), 'call');
  assert.equal(stem('agreement'), 'agre');
  assert.equal(stem('happiness'), 'happi');
  assert.equal(stem('finally'), 'fin');
  assert.equal(stem('walkers’'), 'walker');
});
