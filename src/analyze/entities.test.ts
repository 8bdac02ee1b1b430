import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONTEXT, type Doc } from '../model/index.js';
import { extract } from '../extract/index.js';
import { tokenize } from './tokenize.js';
import { segment } from './segment.js';
import { findEntities, mergeAliases } from './entities.js';
import { matchGazetteer, slugify } from './gazetteer.js';
import { tokenizeText } from './tokenize.js';
import { SEEDS, sharedOrSkip } from '../../test/helpers.js';
import { docThrough } from './segment-fixture.js';

function docOf(text: string): Doc {
  return docThrough(text, 'entities', { lines: true });
}
function seedOf(text: string): Doc {
  return docThrough(text, 'entities');
}
/** "text=canonical" for every entity of a body (after a title line). */
function entities(body: string): string[] {
  return docOf(`Title\n${body}`).entities.map((e) => `${e.text}=${e.canonical}`);
}

test('gazetteer: aliases, case rule, possessives', () => {
  const at = (s: string) => {
    const tokens = tokenizeText(s);
    return matchGazetteer(s, tokens, 0, tokens.length)?.entry.canonical ?? null;
  };
  for (const s of ['U.S.', 'US', 'USA', 'United States', 'America', 'Americans', 'Washington']) assert.equal(at(s), 'place:united-states', s);
  for (const s of ['North Korea', 'N. Korea', 'N.Korea', 'NKorea', 'North Koreans', 'Pyongyang', "North Korea's", 'North Korea’s']) assert.equal(at(s), 'place:north-korea', s);
  for (const s of ['UN', 'U.N.', 'United Nations']) assert.equal(at(s), 'org:united-nations', s);
  assert.equal(at('AP'), 'org:associated-press');
  assert.equal(at('us'), null);
  assert.equal(at('Us'), null);
  assert.equal(at('who'), null);
  assert.equal(at('the Kremlin'), null);
  assert.equal(at('Kremlin'), 'place:russia');
  assert.equal(slugify('Kim Sang-duk'), 'kim-sang-duk');
  assert.equal(slugify('José Müller O’Brien'), 'jose-muller-obrien');
});

test('entities: titles are left out of person names and make them persons', () => {
  const found = entities('Secretary of State Rex Tillerson met Acting Assistant Secretary Susan Thornton and Ambassador Joseph Yun. U.S. President Donald Trump spoke to Sen. Elizabeth Warren and Mr. O’Brien.');
  for (const e of ['Rex Tillerson=person:rex-tillerson', 'Susan Thornton=person:susan-thornton', 'Joseph Yun=person:joseph-yun', 'U.S.=place:united-states', 'Donald Trump=person:donald-trump', 'Elizabeth Warren=person:elizabeth-warren', 'O’Brien=person:obrien']) {
    assert.ok(found.includes(e), `${e} in ${found.join(', ')}`);
  }
  assert.ok(!found.some((e) => /Secretary|Ambassador|President|Sen/.test(e)), found.join(', '));
});

test('entities: job words before names, demonyms before names, connectors', () => {
  const found = entities('It included missionary Kim Dong Chul and professor Kim Sang-duk. North Korean Kim Jong Un met Osama bin Laden’s son and Charles de Gaulle. The Syrian leader Bashar al-Assad spoke.');
  for (const e of ['Kim Dong Chul=person:kim-dong-chul', 'Kim Sang-duk=person:kim-sang-duk', 'North Korean=place:north-korea', 'Kim Jong Un=person:kim-jong-un', 'Osama bin Laden=person:osama-bin-laden', 'Charles de Gaulle=person:charles-de-gaulle', 'Bashar al-Assad=person:bashar-al-assad']) {
    assert.ok(found.includes(e), `${e} in ${found.join(', ')}`);
  }
});

test('entities: sentence-initial common words and capitalised common words are not names', () => {
  const found = entities('The talks went on. Some U.S. officials agreed. Under the deal, Beijing must act. China is no friend. Time will tell, and time is short. Tuesday came. Nobody spoke.');
  assert.deepEqual(found, ['U.S.=place:united-states', 'Beijing=place:china', 'China=place:china']);
  // a one-word name at sentence start counts when it recurs mid-sentence (the rules typed it misc;
  // the tagger reads "X spoke" as a person)
  const again = entities('Guterres spoke first. Later Guterres left.');
  assert.deepEqual(again, ['Guterres=person:guterres', 'Guterres=person:guterres']);
});

test('entities: single words take the full name; possessives leave out the ’s', () => {
  const doc = docOf('Title\nJoseph Yun met Kim Jong Un. Yun’s aide saw Kim Dong Chul twice, and Kim Dong Chul left. Later Kim spoke, and Trump\'s envoy Yun smiled.');
  const got = doc.entities.map((e) => `${e.text}=${e.canonical}`);
  assert.ok(got.includes('Yun=person:joseph-yun'), got.join(', '));
  assert.ok(!got.some((e) => e.startsWith('Yun’s')), 'possessive left out');
  assert.ok(got.includes('Kim=person:kim-dong-chul'), `most mentioned full name: ${got.join(', ')}`);
  assert.ok(got.includes('Trump=person:donald-trump'), 'gazetteer short form');
  const tie = entities('Kim Jong Un met Kim Hak-song. Kim smiled.');
  assert.ok(tie.includes('Kim=person:kim-hak-song'), `tie goes to the nearest before: ${tie.join(', ')}`);
});

test('entities: organisations and places by suffix; one-word places inside names', () => {
  const found = entities('She spoke at the University of Toronto and Acme Holdings before the Korean Peninsula trip. George Washington and Jordan Peterson met in St. Louis with the International Atomic Energy Agency (IAEA).');
  for (const e of ['University of Toronto=org:university-of-toronto', 'Acme Holdings=org:acme-holdings', 'Korean Peninsula=place:korean-peninsula', 'George Washington=person:george-washington', 'Jordan Peterson=person:jordan-peterson', 'St. Louis=place:st-louis', 'IAEA=org:iaea']) {
    assert.ok(found.includes(e), `${e} in ${found.join(', ')}`);
  }
});

test('entities: a headline in title case takes only known names', () => {
  const doc = docOf('US Has Been in Backchannel Diplomatic Talks with NKorea for Months!!!\nThe talks were diplomatic. For months the US and North Korea held talks with Joseph Yun.');
  const title = doc.entities.filter((e) => e.span.end < doc.text.indexOf('\n')).map((e) => e.text);
  assert.deepEqual(title, ['US', 'NKorea']);
});

test('entities: evidence is exact and spans are sorted', () => {
  const doc = docOf('Title\nThe Associated Press and Reuters said Pyongyang’s envoy met the State Department’s Joseph Yun in New York.');
  let last = 0;
  for (const e of doc.entities) {
    assert.equal(doc.text.slice(e.span.start, e.span.end), e.text);
    assert.ok(e.span.start >= last);
    assert.match(e.canonical, /^(person|org|place|group|misc):[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(e.canonical.startsWith(`${e.type}:`) || (e.type === 'group' && e.canonical.startsWith('place:')), `${e.text}: ${e.type} ${e.canonical}`);
    last = e.span.start;
  }
  assert.deepEqual(doc.entities.map((e) => e.text), ['The Associated Press', 'Reuters', 'Pyongyang', 'State Department', 'Joseph Yun', 'New York']);
});

test('mergeAliases: one-word persons join the full name across articles', () => {
  const merged = mergeAliases(['person:trump', 'person:donald-trump', 'person:yun', 'person:joseph-yun', 'person:kim', 'person:kim-jong-un', 'person:kim-jong-un', 'person:kim-dong-chul', 'place:north-korea', 'person:zelensky']);
  assert.equal(merged.get('person:trump'), 'person:donald-trump');
  assert.equal(merged.get('person:yun'), 'person:joseph-yun');
  assert.equal(merged.get('person:kim'), 'person:kim-jong-un');
  assert.equal(merged.get('person:zelensky'), 'person:volodymyr-zelensky');
  assert.equal(merged.has('person:joseph-yun'), false);
  assert.equal(merged.has('place:north-korea'), false);
});

test('entities: the seeds', { skip: sharedOrSkip() }, () => {
  const [news, rewrite] = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => seedOf(readFileSync(join(SEEDS, f), 'utf8')));
  assert.ok(news && rewrite);
  const canon = (d: Doc, words: string) => d.entities.find((e) => e.text === words)?.canonical;
  assert.equal(canon(news, 'Joseph Yun'), 'person:joseph-yun');
  assert.equal(canon(news, 'Yun'), 'person:joseph-yun');
  assert.equal(canon(rewrite, 'Yun'), 'person:joseph-yun');
  assert.equal(canon(rewrite, 'NKorea'), 'place:north-korea');
  assert.equal(canon(rewrite, 'Pyongyang'), 'place:north-korea');
  assert.equal(canon(news, 'Kim Jong Un'), canon(rewrite, 'Kim Jong Un'));
  assert.equal(canon(news, 'Kim Sang-duk'), 'person:kim-sang-duk');
  assert.equal(canon(rewrite, 'Rex Tillerson'), 'person:rex-tillerson');
  assert.equal(canon(rewrite, 'Global Times'), 'org:global-times');
  assert.equal(canon(rewrite, 'Democrats'), 'group:democrats');
  assert.ok(!news.entities.some((e) => ['Time', 'The', 'Some', 'No'].includes(e.text)), 'no common words');
  assert.ok(!rewrite.entities.some((e) => ['Under', 'One', 'President', 'Backchannel'].includes(e.text)), 'no common words');
});

// Golden cases: one folder per failure class of real news text (our own sentences); every
// "text=type" in expected.json's `include` must be found, and no entity may have a text in `exclude`.
const CASES = new URL('../../test/cases/entities/', import.meta.url);
for (const name of readdirSync(CASES).sort()) {
  test(`entities golden case: ${name}`, () => {
    const text = readFileSync(new URL(`${name}/source.txt`, CASES), 'utf8');
    const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, CASES), 'utf8')) as { include: string[]; exclude?: string[] };
    const found = docOf(text).entities.map((e) => `${e.text}=${e.type}`);
    for (const e of expected.include) assert.ok(found.includes(e), `${name}: ${e} in ${found.join(', ')}`);
    for (const t of expected.exclude ?? []) assert.ok(!found.some((f) => f.startsWith(`${t}=`)), `${name}: no ${t} in ${found.join(', ')}`);
  });
}
