import { test } from 'node:test';
import { growth } from '../../test/growth.js';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { DEFAULT_CONTEXT, type Context, type Doc, type RecordFields } from '../model/index.js';
import { extract } from './index.js';
import { invariantProblems } from './invariants.js';
import { isHardWrapped } from './paragraphs.js';

function clean(raw: string, record: RecordFields = {}, uri = 'article.txt', ctx: Context = DEFAULT_CONTEXT): Doc {
  const doc = extract({ uri, format: record.id || Object.keys(record).length ? 'jsonl' : 'text', raw, record, messages: [] }, ctx);
  assert.deepEqual(invariantProblems(doc), []);
  return doc;
}

const BODY = 'The council voted on Monday to build a second bridge across the harbour, ending a debate that has run for ten years.\n\nThe bridge will cost about 40 million dollars, the mayor said.';

const BYLINES: [string, string | null, string | null, string | null][] = [
  // line, byline, publishedAt, the date's words
  ['By Tyler Henderson | Nov 02, 2017', 'Tyler Henderson', '2017-11-02', 'Nov 02, 2017'],
  ['By Jane Doe and John Roe', 'Jane Doe and John Roe', null, null],
  ['By Jane Doe, Associated Press', 'Jane Doe', null, null],
  ['Jane Doe | November 2, 2017 10:15 a.m. ET', 'Jane Doe', '2017-11-02T10:15:00-04:00', 'November 2, 2017 10:15 a.m. ET'],
  ['Published: 2017-11-02', null, '2017-11-02', '2017-11-02'],
  ['Nov 02, 2017', null, '2017-11-02', 'Nov 02, 2017'],
  ['Updated on March 3, 2018 at 5:00 p.m. EST', null, '2018-03-03T17:00:00-05:00', 'March 3, 2018 at 5:00 p.m. EST'],
  ['2017-11-02T10:15:00', null, '2017-11-02T10:15:00', '2017-11-02T10:15:00'],
];

for (const [line, byline, date, words] of BYLINES) {
  test(`byline line: ${line}`, () => {
    const doc = clean(`Council approves a second harbour bridge\n${line}\n${BODY}`);
    assert.equal(doc.byline, byline);
    assert.equal(doc.publishedAt, date);
    assert.equal(doc.fields.publishedAt?.text ?? null, words);
    if (byline) assert.equal(doc.fields.byline?.text, byline);
    assert.equal(doc.paragraphs[1]!.kind, 'byline');
    assert.equal(doc.text.split('\n')[1], line, 'the byline line stays in the text');
  });
}

test('"By NAME" and a date on the next line make one byline', () => {
  const doc = clean(`A headline for the story\nBy Jane Doe\nNov. 2, 2017\n${BODY}`);
  assert.equal(doc.byline, 'Jane Doe');
  assert.equal(doc.publishedAt, '2017-11-02');
  assert.deepEqual(doc.paragraphs.slice(0, 3).map((p) => p.kind), ['title', 'byline', 'byline']);
});

test('no byline line: nothing is invented', () => {
  const doc = clean(`A headline for the story\n\n${BODY}\n\nBy Friday the bridge plans were public.`);
  assert.equal(doc.byline, null);
  assert.equal(doc.publishedAt, null);
  assert.equal(doc.fields.byline, null);
  assert.equal(doc.fields.publishedAt, null);
});

test('an unreadable date gives CC204 and no date', () => {
  const doc = clean(`A headline for the story\nBy Jane Doe | Nov 31, 2017\n${BODY}`);
  assert.equal(doc.byline, 'Jane Doe');
  assert.equal(doc.publishedAt, null);
  const m = doc.messages.find((x) => x.code === 'CC204');
  assert.ok(m && m.span);
  assert.equal(doc.text.slice(m.span.start, m.span.end), 'Nov 31, 2017');
});

test('a standfirst sits between the title and the byline', () => {
  const doc = clean(`The headline\nA short summary of what the story says, in one sentence.\nBy Jane Doe\n${BODY}`);
  assert.deepEqual(doc.paragraphs.map((p) => p.kind), ['title', 'standfirst', 'byline', 'body', 'body']);
});

test('record fields override the text; outlet from the record, else the url host', () => {
  const raw = `Council approves a second harbour bridge\nBy Tyler Henderson | Nov 02, 2017\n${BODY}`;
  const doc = clean(raw, { id: 'r1', title: 'Council approves a second harbour bridge', byline: 'T. Henderson', publishedAt: '2017-11-03T08:00:00Z', url: 'https://www.example.com/a/b' });
  assert.equal(doc.id, 'r1');
  assert.equal(doc.title, 'Council approves a second harbour bridge');
  assert.deepEqual(doc.fields.title, { value: 'Council approves a second harbour bridge', from: 'record', span: null, text: null });
  assert.equal(doc.byline, 'T. Henderson');
  assert.equal(doc.publishedAt, '2017-11-03T08:00:00Z');
  assert.equal(doc.outlet, 'example.com');
  assert.equal(doc.url, 'https://www.example.com/a/b');
  assert.equal(doc.paragraphs[0]!.kind, 'title');
  assert.equal(doc.paragraphs[1]!.kind, 'byline');
  assert.equal(clean(raw, { outlet: 'The Example' }).outlet, 'The Example');
  const bad = clean(raw, { publishedAt: 'last Tuesday' });
  assert.equal(bad.publishedAt, null);
  assert.ok(bad.messages.some((m) => m.code === 'CC204'));
});

test('outlet from an OUTLET--anything.txt file name; id from the content hash', () => {
  const raw = `A headline\n\n${BODY}`;
  const doc = clean(raw, {}, 'corpus/dailynews--bridge-story.txt');
  assert.deepEqual(doc.fields.outlet, { value: 'dailynews', from: 'uri', span: null, text: null, via: 'file-name' });
  const hash = createHash('sha256').update(raw).digest('hex');
  assert.equal(doc.contentHash, hash);
  assert.equal(doc.id, hash.slice(0, 16));
  assert.equal(clean(raw, {}, 'plain-name.txt').outlet, null);
});

test('hard-wrapped text is joined into paragraphs by blank lines', () => {
  const para = 'The council voted on Monday to build a second bridge across the\nharbour, ending a debate that has run for ten years, and the mayor\nsaid that work would start in the spring of next year at the latest.';
  const raw = `Council approves bridge\n\n${para}\n\n${para}\n\n${para}\n`;
  assert.ok(isHardWrapped(raw));
  const doc = clean(raw);
  assert.deepEqual(doc.paragraphs.map((p) => p.kind), ['title', 'body', 'body', 'body']);
  assert.equal(doc.text.slice(doc.paragraphs[1]!.span.start, doc.paragraphs[1]!.span.end), para);
  assert.ok(!isHardWrapped(`Title\n${BODY}`));
});

test('CC201: nothing but boilerplate left; a doc still comes back', () => {
  const doc = clean('Share this article\nFollow us on Twitter\nView all comments');
  assert.ok(doc.messages.some((m) => m.code === 'CC201' && m.severity === 'error'));
  assert.equal(doc.paragraphs.filter((p) => p.kind === 'body').length, 0);
  const empty = clean(' \n\u0007\n ');
  assert.equal(empty.text, '');
  assert.deepEqual(empty.paragraphs, []);
  assert.ok(empty.messages.some((m) => m.code === 'CC201'));
});

test('CC205: text longer than maxChars is cut at a break', () => {
  const raw = `A headline\n\n${'The council met again today and talked about the bridge. '.repeat(50)}`;
  const doc = clean(raw, {}, 'long.txt', { ...DEFAULT_CONTEXT, maxChars: 500 });
  assert.ok(doc.text.length <= 500);
  assert.ok(doc.messages.some((m) => m.code === 'CC205'));
  assert.ok(!/\s$/.test(doc.text));
});

test('CC302: text that does not look English', () => {
  const doc = clean('Le conseil municipal approuve un nouveau pont\n\nLe conseil municipal a voté lundi pour construire un deuxième pont sur le port, mettant fin à un débat qui dure depuis dix ans. Les travaux commenceront au printemps prochain, selon le maire.');
  assert.equal(doc.lang, null);
  assert.ok(doc.messages.some((m) => m.code === 'CC302'));
  assert.equal(clean(`Title\n\n${BODY}`).lang, 'en');
});

test('a 5 MB text extracts in time that grows linearly with it (nothing quadratic)', () => {
  // Realistic damage: clean reporting with a damaged paragraph now and then.
  const clean = 'The United States is pursuing direct diplomacy with North Korea, a senior official said on Tuesday, and the talks “continue” through the New York channel.\n\n';
  const damaged = 'The official said.The prisoners are still in North Korean handsWarmbier being the only exceptionand the president’s team\u0007 agrees.\n\nAdvertisement\n\n';
  const block = clean.repeat(49) + damaged;
  const rawOf = (bytes: number): string => `A headline\nBy Jane Doe | Nov 2, 2017\n${block.repeat(Math.ceil(bytes / block.length))}Share this article\n`;
  const ctx = { ...DEFAULT_CONTEXT, maxChars: 10_000_000 };
  let doc: Doc | null = null;
  // 0.5 MB against 5 MB in the same run, alternating (a ratio, never a wall-clock bound): linear
  // work takes about 10x, quadratic 100x.
  const grown = growth((bytes) => {
    doc = extract({ uri: 'big.txt', format: 'text', raw: rawOf(bytes), record: {}, messages: [] }, ctx);
  }, 512 * 1024, 5 * 1024 * 1024, { floorMs: 20 });
  assert.ok(grown.ratio < 30, grown.text);
  const big = doc as Doc | null;
  assert.ok(big && big.text.length > 5_000_000);
  assert.ok(big.removed.length > 100);
  assert.ok(big.repairs.length > 100);
  assert.deepEqual(invariantProblems(big), []);
});

test('a body sentence that mentions a date is not a date line', () => {
  // Found in the demo corpus: a paragraph with "June 2" in it was taken as an unreadable date line.
  const para = 'Dunmere city council approved the £6.8 million project by nine votes to four on Wednesday. The work starts on June 2 and is expected to take 18 months.';
  const doc = clean(`The Old Mill Bridge in Dunmere is to be shut for a year and a half.\n${para}\nAround 11,000 vehicles use the crossing each day.`, { id: 'x' });
  const p = doc.paragraphs.find((x) => doc.text.slice(x.span.start, x.span.end) === para);
  assert.equal(p?.kind, 'body');
  assert.equal(doc.publishedAt, null);
});

test('a question standing alone is a heading; a participle scene is a caption', () => {
  // Found in the demo corpus: the question was body text and the photo caption a heading.
  const doc = clean(`Ferry towed back to port\n\nThe ferry collided with a cargo ship in fog on Tuesday, the coastguard said.\n\nThe Kestrel Dawn being towed back into Marrowby harbour\n\nWho will be held accountable?\n\nChina is no friend\n\nThe company said it would cooperate with the investigation.`);
  const kinds = doc.paragraphs.map((p) => `${p.kind}:${doc.text.slice(p.span.start, p.span.start + 12)}`);
  assert.ok(kinds.includes('caption:The Kestrel '), kinds.join(' | '));
  assert.ok(kinds.includes('heading:Who will be '), kinds.join(' | '));
  assert.ok(kinds.includes('heading:China is no '), kinds.join(' | '));
});
