import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONTEXT, type Doc } from '../model/index.js';
import { extract } from './index.js';
import { invariantProblems } from './invariants.js';
import { findMojibake } from './mojibake.js';
import { findGluedWords } from './glued.js';
import { findMissingSpaces } from './spacing.js';
import { decodeWindows1252 } from '../read/windows-1252.js';
import { applyEdits, fromRawSpan, identity, toRawSpan } from './offsets.js';

function clean(raw: string): Doc {
  const doc = extract({ uri: 'repair.txt', format: 'text', raw, record: {}, messages: [] }, DEFAULT_CONTEXT);
  assert.deepEqual(invariantProblems(doc), []);
  return doc;
}

function fix(text: string, find: (t: string) => { start: number; end: number; insert: string }[]): string {
  return applyEdits(identity(text), find(text)).text;
}

const mojibake = (t: string): string => fix(t, findMojibake);
const glued = (t: string): string => fix(t, (x) => findGluedWords(x).edits);
const spaced = (t: string): string => fix(t, (x) => findMissingSpaces(x).edits);

test('mojibake: the Windows-1252 round trip undoes UTF-8 read as Latin', () => {
  assert.equal(mojibake('the Presidentâ€™s tough language'), 'the President’s tough language');
  assert.equal(mojibake('â€œWe are not your enemy,â€\u009d he said'), '“We are not your enemy,” he said');
  assert.equal(mojibake('cafÃ© and naÃ¯ve'), 'café and naïve');
  assert.equal(mojibake('a\u00c2\u00a0b'), 'a\u00a0b');
  assert.equal(mojibake('ZÃ¼rich â€” the end'), 'Zürich — the end');
  assert.equal(mojibake('emoji ðŸ˜€ here'), 'emoji 😀 here');
  const asLatin = (s: string): string => decodeWindows1252(Buffer.from(s, 'utf8'));
  assert.equal(mojibake(asLatin('Москва, Αθήνα, עברית, “quoted” – ok')), 'Москва, Αθήνα, עברית, “quoted” – ok');
  // Text mis-decoded twice comes back in the two passes of extract.
  const doc = clean(`Headline\n\nThe ${asLatin(asLatin('President’s'))} speech.`);
  assert.ok(doc.text.includes('The President’s speech.'), doc.text);
});

test('mojibake: real accented text is left alone', () => {
  for (const s of ['café, naïve, Zürich, São Paulo', 'Â alone', 'CAFÉ’s menu', 'résumé «quoted»', 'Ångström ±5 °C', 'Straße’s end', 'Ã']) {
    assert.equal(mojibake(s), s, s);
  }
});

test('mojibake in an article is listed as a repair with the raw words', () => {
  const doc = clean('Headline\n\nThe Presidentâ€™s tough language drew fire.');
  assert.equal(doc.repairs.length, 1);
  assert.equal(doc.repairs[0]!.kind, 'mojibake');
  assert.equal(doc.repairs[0]!.text, 'President’s');
  assert.equal(doc.repairs[0]!.before, 'Presidentâ€™s');
});

test('glued words: camel-case glue gets its dash back', () => {
  assert.equal(glued('still in North Korean handsWarmbier, who died'), 'still in North Korean hands — Warmbier, who died');
  assert.equal(glued('the reportersJohnson said'), 'the reporters — Johnson said');
});

test('glued words: brand and name spellings are not split', () => {
  for (const s of ['iPhone and eBay', 'McCain and YouTube', 'macOS and PhD', 'PayPal and JavaScript', 'Neil deGrasse Tyson', '@realDonaldTrump', '#MeToo movement', 'see example.com/someThing', 'call getElementById now', 'iPad mini']) {
    assert.equal(glued(s), s, s);
  }
});

test('glued words: function-word glue needs a word-like first part', () => {
  // With camel-case glue in the same text, a prefix written elsewhere as a word is enough.
  assert.equal(glued('handsWarmbier was the only exceptionand the rest'), 'hands — Warmbier was the only exception — and the rest');
  assert.equal(glued('handsWarmbier; the talks stalled. The talksbut not the sanctions'), 'hands — Warmbier; the talks stalled. The talks — but not the sanctions');
  // Without it, only a derivational suffix and a long prefix count.
  assert.equal(glued('the only exceptionand the rest'), 'the only exception — and the rest');
  assert.equal(glued('The talksbut not the sanctions'), 'The talksbut not the sanctions');
  // Real words that end in a function word are never split.
  for (const s of ['her husband and a thousand people on the island', 'meanwhile somewhere in England', 'the mainland and the homeland', 'they understand the command and the demand', 'breathe and bathe', 'a debut', 'forthwith']) {
    assert.equal(glued(`handsWarmbier ${s}`), `hands — Warmbier ${s}`, s);
  }
});

test('glued words: every function word is found at the end of a glued token', () => {
  // The candidates are looked up by the token's last letter (glued.ts): each ending, two that share
  // a last letter ("with", "which", "though"; "the", "while", "where", "whose") included.
  for (const f of ['which', 'while', 'though', 'where', 'when', 'whose', 'with', 'that', 'and', 'but', 'the', 'who']) {
    assert.equal(glued(`the only exception${f} the rest`), `the only exception \u2014 ${f} the rest`, f);
  }
});

test('missing space after sentence punctuation is put back', () => {
  assert.equal(spaced('the official said.The talks went on'), 'the official said. The talks went on');
  assert.equal(spaced('Is it over?No, he said'), 'Is it over? No, he said');
  assert.equal(spaced('they said.”The next day'), 'they said.” The next day');
  assert.equal(spaced('talks in Washington.They met'), 'talks in Washington. They met');
});

test('missing space: abbreviations, domains, decimals and initials are left alone', () => {
  for (const s of ['the U.S.The', 'the U.N.Security', 'at 10 a.m.Monday', 'read Breitbart.com today', 'rose 3.5 percent', 'J.R.R.Tolkien wrote', 'see www.example.Com/Page', 'mail jane.Doe@example.com', 'visit Amazon.Com now', 'version 2.Beta']) {
    assert.equal(spaced(s), s, s);
  }
});

test('repairs in an article: text and raw slices match, rawSpan in raw offsets', () => {
  const raw = 'Talks go on\r\n\r\nâ€œIt has not been limited,â€\u009d the official said.The prisoners stay in North Korean handsWarmbier being the only exceptionand the programs continue.';
  const doc = clean(raw);
  const kinds = doc.repairs.map((r) => r.kind).sort();
  assert.deepEqual(kinds, ['glued-words', 'glued-words', 'missing-space', 'mojibake', 'mojibake']);
  for (const r of doc.repairs) assert.equal(raw.slice(r.rawSpan.start, r.rawSpan.end), r.before);
  assert.ok(doc.text.includes('“It has not been limited,” the official said. The prisoners'));
  assert.equal(doc.messages.filter((m) => m.code === 'CC203').length, 1);
});

test('control characters and U+FFFD are removed with CC206, listed as repairs', () => {
  const raw = 'Headline\n\nThe mini\u0007ster said the vote\uFFFD was fair.\u000C\nSecond paragraph of the story.';
  const doc = clean(raw);
  assert.ok(doc.text.includes('The minister said the vote was fair.'));
  assert.ok(doc.messages.some((m) => m.code === 'CC206' && m.severity === 'warning'));
  const ctl = doc.repairs.filter((r) => r.kind === 'control-characters');
  assert.deepEqual(ctl.map((r) => [r.text, r.before]), [['minister', 'mini\u0007ster'], ['vote', 'vote\uFFFD'], ['fair.', 'fair.\u000C']]);
});

test('offset map: edits compose and raw spans map both ways', () => {
  let t = identity('ab\r\ncdâ€™e');
  t = applyEdits(t, [{ start: 2, end: 4, insert: '\n' }]);
  assert.equal(t.text, 'ab\ncdâ€™e');
  t = applyEdits(t, findMojibake(t.text));
  assert.equal(t.text, 'ab\ncd’e');
  assert.deepEqual(toRawSpan(t, { start: 3, end: 7 }), { start: 4, end: 10 });
  t = applyEdits(t, [{ start: 5, end: 5, insert: ' — ' }]);
  assert.equal(t.text, 'ab\ncd — ’e');
  assert.deepEqual(fromRawSpan(t, { start: 4, end: 10 }), { start: 3, end: 10 });
  assert.equal(fromRawSpan(applyEdits(t, [{ start: 3, end: 10, insert: '' }]), { start: 4, end: 10 }), null);
  // Only characters whose raw range lies inside count: "’" (from all of "â€™") is not in raw 5-7.
  assert.deepEqual(fromRawSpan(t, { start: 5, end: 7 }), { start: 4, end: 8 });
});
