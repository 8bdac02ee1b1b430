import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage, englishShare } from './language.js';

/** detectLanguage as it was before it could stop early: the decision on the whole sample's count. */
function decided(text: string): 'en' | null {
  const { words, share } = englishShare(text);
  if (words === 0) return null;
  if (words < 12) return share > 0 ? 'en' : null;
  return share >= 0.18 ? 'en' : null;
}

test('detectLanguage stops early only when the whole sample could not change its answer', () => {
  // our own words: English prose, then a long tail in an invented language with no function words
  const english = 'the council said that it was in the interest of the town and of its people to wait for the report. ';
  const other = 'zorvak mellin trassa quendo virel paskat omrie lundra vessik ';
  const texts = [
    english.repeat(30),
    english.repeat(18) + other.repeat(30),
    english.repeat(8) + other.repeat(40),
    other.repeat(50),
    english.repeat(2) + other.repeat(5),
    other.repeat(40) + english.repeat(20),
    'the',
    'zorvak mellin',
    '',
  ];
  for (let k = 0; k <= 40; k++) texts.push(english.repeat(k) + other.repeat(40 - k));
  for (const text of texts) assert.equal(detectLanguage(text), decided(text), text.slice(0, 60));
  assert.equal(detectLanguage(english.repeat(30)), 'en');
  assert.equal(detectLanguage(other.repeat(50)), null);
});
