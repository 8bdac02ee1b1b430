import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMojibake, repairEncoding } from './mojibake.js';
import { CODE_PAGES } from './mojibake-codepages.js';

/** The damage itself: UTF-8 bytes of `text` read back through a code page. */
function damage(text: string, page: string): string {
  const high = CODE_PAGES.find((p) => p.name === page)!.high;
  return Array.from(Buffer.from(text, 'utf8'), (b) => (b < 0x80 ? String.fromCharCode(b) : high[b - 0x80]!)).join('');
}

// Our own sentences, in the languages whose text gets this damage most.
const SENTENCES = [
  'The minister’s “final offer” was rejected — again.',
  'Le café de la gare a fermé à cause de la grève, a-t-il déclaré.',
  'São Paulo e Brasília discutem a reforma da previdência às pressas.',
  'Die Bürgermeisterin äußerte sich über die Straßenbahn in Zürich.',
  'El presidente habló con los niños en la montaña: ¿qué pasará mañana?',
  'Правительство объявило о новых мерах поддержки.',
  'Η κυβέρνηση ανακοίνωσε νέα μέτρα στήριξης.',
  'Vláda oznámila nová opatření na podporu ekonomiky.',
  'Rząd ogłosił nowe środki wsparcia dla przedsiębiorców.',
];

test('mojibake: text damaged through each code page comes back', () => {
  const cases: [string, string][] = [
    [SENTENCES[0]!, 'windows-1252'],
    [SENTENCES[1]!, 'windows-1252'],
    [SENTENCES[2]!, 'windows-1252'],
    [SENTENCES[3]!, 'windows-1252'],
    [SENTENCES[4]!, 'windows-1252'],
    [SENTENCES[5]!, 'windows-1251'],
    [SENTENCES[5]!, 'windows-1252'],
    [SENTENCES[6]!, 'windows-1252'],
    [SENTENCES[7]!, 'windows-1250'],
    [SENTENCES[8]!, 'windows-1250'],
    [SENTENCES[1]!, 'macintosh'],
    [SENTENCES[5]!, 'cp437'],
  ];
  for (const [clean, page] of cases) assert.equal(repairEncoding(damage(clean, page)), clean, `${page}: ${clean}`);
});

test('mojibake: two and three layers of damage come back', () => {
  const clean = 'Le café de la gare a fermé à cause de la grève.';
  assert.equal(repairEncoding(damage(damage(clean, 'windows-1252'), 'windows-1252')), clean);
  assert.equal(repairEncoding(damage(damage(damage(clean, 'windows-1252'), 'windows-1252'), 'windows-1252')), clean);
  assert.equal(repairEncoding(damage(damage('Le café à Paris, £5 le repas.', 'windows-1252'), 'windows-1251')), 'Le café à Paris, £5 le repas.');
});

test('mojibake: damage mixed with clean text is repaired word by word', () => {
  assert.equal(repairEncoding('She said “fine” and the cafÃ© closed.'), 'She said “fine” and the café closed.');
  assert.equal(repairEncoding('The “×” sign and Ð¼Ð¸Ñ€ here'), 'The “×” sign and мир here');
});

test('mojibake: C1 controls that stand for Windows-1252 quotes become the quotes', () => {
  assert.equal(repairEncoding('He said \u0093no\u0094 twice\u0085 then left.'), 'He said “no” twice… then left.');
  // Bytes Windows-1252 leaves undefined are not guessed at.
  assert.equal(repairEncoding('a \u0081 b'), 'a \u0081 b');
});

test('mojibake: a lost no-break space or a lost byte', () => {
  // "à" is C3 A0; the A0 became a plain space, or was lost before one.
  assert.equal(repairEncoding('Il est allÃ© Ã  la gare, voilÃ  tout.'), 'Il est allé à la gare, voilà tout.');
  assert.equal(repairEncoding('Il est allÃ© Ã la gare.'), 'Il est allé à la gare.');
  // A continuation byte turned into "?" where the rest of the text vouches for the damage.
  assert.equal(repairEncoding('â€œYesâ€? he said, â€œnoâ€? she said'), '“Yes\ufffd he said, “no\ufffd she said');
});

test('mojibake: correct text that looks like damage is left alone', () => {
  for (const s of [
    ...SENTENCES,
    'CAFÉ’s menu', 'MARQUÉ…', 'ÉTÉ… puis', 'the “×” key', '2012—∞', 'NÃO É VERDADE', 'S Ã O', 'ÅS™ brand', 'Brontë…”',
    'TIRÉ¡ ok', 'Ångström ±5 °C', 'résumé «quoted»', 'Straße’s end', 'Ã', 'Â alone', '[x]\u00a0©', 'L’été 2020', 'Ôôô', 'price: 5 €',
    'ØRESUND BRIDGE', 'Æ and Ø in Danish', 'Ä° stays', 'café, naïve, Zürich, São Paulo', '¿Qué? ¡Sí!',
  ]) {
    assert.equal(repairEncoding(s), s, s);
    assert.deepEqual(findMojibake(s), [], s);
  }
});

test('mojibake: cost grows linearly with the text', () => {
  const unit = 'Le café de la gare a fermé, ’quoted’ — and the cafÃ© closed. Правительство. ';
  const small = unit.repeat(50);
  const big = unit.repeat(500);
  const t0 = process.hrtime.bigint();
  repairEncoding(small);
  const t1 = process.hrtime.bigint();
  repairEncoding(big);
  const t2 = process.hrtime.bigint();
  assert.ok(Number(t2 - t1) < 30 * Math.max(Number(t1 - t0), 1e6), 'repair of 10x the text took over 30x the time');
});
