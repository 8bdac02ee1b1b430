import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headlineHits, SENSATIONAL_MIN_WEIGHT } from './headline.js';

function details(title: string): string[] {
  return headlineHits(title).map((h) => h.detail);
}

function isSensational(title: string): boolean {
  return headlineHits(title).some((h) => h.weight >= SENSATIONAL_MIN_WEIGHT);
}

test('repeated exclamation marks: the span is the run of marks', () => {
  const title = 'US Has Been in Backchannel Diplomatic Talks with NKorea for Months!!!';
  const hits = headlineHits(title);
  assert.equal(hits.length, 1);
  const h = hits[0]!;
  assert.equal(title.slice(h.span.start, h.span.end), '!!!');
  assert.match(h.detail, /exclamation/);
  assert.ok(h.weight > 0 && h.weight <= 1);
});

test('a single final exclamation mark fires, one inside a quoted title word does not', () => {
  assert.ok(isSensational('Senate passes the budget at last!'));
  assert.deepEqual(details('"Yahoo!" shares rise after earnings report'), []);
});

test('plain news titles are not sensational', () => {
  for (const t of [
    'U.S. pursues direct talks with North Korea, despite Trump',
    'NATO allies meet in Brussels as FBI reviews UN report',
    'COVID-19 cases rise in NYC for third week',
    'Fed raises rates by a quarter point; markets steady',
    "NASA'S new rocket launches from Florida",
  ]) {
    assert.equal(isSensational(t), false, t);
  }
});

test('capitalised words that are not acronyms are shouting', () => {
  const title = 'Senator SLAMS FBI over probe';
  const h = headlineHits(title).find((x) => x.detail.includes('capitals'));
  assert.ok(h);
  assert.equal(title.slice(h.span.start, h.span.end), 'SLAMS');
  assert.ok(isSensational('BREAKING: Storm hits coast'));
  assert.ok(isSensational('THE GOVERNMENT IS LYING TO YOU ABOUT THE ECONOMY'));
});

test('clickbait phrasings and verbs', () => {
  assert.ok(isSensational("You Won't Believe What This Mayor Did"));
  assert.ok(isSensational('Here’s what the new law means for renters'));
  assert.ok(isSensational('Comedian destroys critics in epic late-night rant'));
  assert.ok(details('What happened next shocked the town').some((d) => d.includes('clickbait')));
});

test('numbered listicles and question bait', () => {
  const title = '7 things you missed at the summit';
  const h = headlineHits(title).find((x) => x.detail.startsWith('numbered list'));
  assert.ok(h);
  assert.equal(title.slice(h.span.start, h.span.end), '7 things');
  assert.ok(isSensational('Is this the end of the euro?'));
  // an open question is weaker than a yes/no one
  assert.equal(isSensational('Why did the central bank raise rates?'), false);
});

test('a clickbait verb meant literally is news, not clickbait (issue #17 fire test)', () => {
  for (const t of ['Fire destroys warehouse in Millbrook', 'Storm rips roofs off homes on the coast', 'Blaze destroyed two barns overnight']) {
    assert.equal(isSensational(t), false, t);
  }
  // the same verbs aimed at people still fire
  assert.ok(isSensational('Senator DESTROYS reporter in heated exchange'));
  assert.ok(isSensational('Comedian destroys the president in late-night monologue'));
});
