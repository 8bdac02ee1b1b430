import { test } from 'node:test';
import assert from 'node:assert/strict';
import { growth } from '../../test/growth.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONTEXT, type Doc, type Paragraph } from '../model/index.js';
import { extract } from '../extract/index.js';
import { tokenize } from './tokenize.js';
import { paragraphsOf, segment, sentenceIndexAt } from './segment.js';
import { SEEDS, sharedOrSkip } from '../../test/helpers.js';
import { docThrough } from './segment-fixture.js';

function docOf(text: string, paragraphs: Paragraph[] = []): Doc {
  const doc = extract({ uri: 'test.txt', format: 'text', raw: text, record: {}, messages: [] }, DEFAULT_CONTEXT);
  return segment(tokenize({ ...doc, paragraphs }, DEFAULT_CONTEXT), DEFAULT_CONTEXT);
}
function seedOf(text: string): Doc {
  return docThrough(text, 'segment');
}
/** The sentences of a one-paragraph body (a title line first, so the body is segmented). */
function sentences(body: string): string[] {
  const doc = docOf(`Title\n${body}`);
  return doc.sentences.slice(1).map((s) => doc.text.slice(s.start, s.end));
}

test('segment: plain sentences, trimmed', () => {
  assert.deepEqual(sentences('  One thing happened. Then another!  Did it? Yes.  '), ['One thing happened.', 'Then another!', 'Did it?', 'Yes.']);
});

test('segment: U.S. and U.N. mid-sentence and at the end', () => {
  assert.deepEqual(sentences('They like threatening the U.S. but if North Korea attacks the U.S., they stay neutral.'), ['They like threatening the U.S. but if North Korea attacks the U.S., they stay neutral.']);
  assert.deepEqual(sentences('He called it a nuclear threat to the U.S. The next day the U.N. Security Council met.'), ['He called it a nuclear threat to the U.S.', 'The next day the U.N. Security Council met.']);
  assert.deepEqual(sentences('The U.S. Senate voted. U.S. President Joe Biden signed.'), ['The U.S. Senate voted.', 'U.S. President Joe Biden signed.']);
});

test('segment: titles, abbreviations, initials, decimals, ellipses', () => {
  const cases: [string, string[]][] = [
    ['Sen. Elizabeth Warren and Rep. Ro Khanna met Gov. Jay Inslee. Mr. Smith and Dr. Jones agreed.', ['Sen. Elizabeth Warren and Rep. Ro Khanna met Gov. Jay Inslee.', 'Mr. Smith and Dr. Jones agreed.']],
    ['Gen. Mark Milley, Lt. Col. Anna Park and Sgt. Lee spoke at 9 a.m. Friday in St. Louis.', ['Gen. Mark Milley, Lt. Col. Anna Park and Sgt. Lee spoke at 9 a.m. Friday in St. Louis.']],
    ['John F. Kennedy read J.R.R. Tolkien. It was 3.5 times longer.', ['John F. Kennedy read J.R.R. Tolkien.', 'It was 3.5 times longer.']],
    ['Acme Inc. said profits rose. Shares of Acme Corp. The firm did not comment.', ['Acme Inc. said profits rose.', 'Shares of Acme Corp.', 'The firm did not comment.']],
    ['It fell on Jan. 20 and Sept. 3. No. 5 was next, vs. No. 6, e.g. Paris.', ['It fell on Jan. 20 and Sept. 3.', 'No. 5 was next, vs. No. 6, e.g. Paris.']],
    ['He waited... and waited. Then... Nothing happened.', ['He waited... and waited.', 'Then...', 'Nothing happened.']],
    ['It ended at 5 p.m. The crowd left. Martin Luther King Jr. Day is a holiday.', ['It ended at 5 p.m.', 'The crowd left.', 'Martin Luther King Jr. Day is a holiday.']],
    ['Wait?! Really!!! Okay.', ['Wait?!', 'Really!!!', 'Okay.']],
  ];
  for (const [body, expected] of cases) assert.deepEqual(sentences(body), expected, body);
});

test('segment: a party-and-state label in brackets does not end a sentence; full stops inside brackets still do', () => {
  assert.deepEqual(sentences('Sen. Jack Reed (D-R.I.), said he had not decided. Rep. Joe Wilson (R-S.C.) said so. Sen. Rand Paul (R-Ky.) agreed. (He left. I stayed.) Then it ended.'), [
    'Sen. Jack Reed (D-R.I.), said he had not decided.',
    'Rep. Joe Wilson (R-S.C.) said so.',
    'Sen. Rand Paul (R-Ky.) agreed.',
    '(He left.',
    'I stayed.)',
    'Then it ended.',
  ]);
});

test('segment: quotations', () => {
  assert.deepEqual(sentences('Officials say he has been "reined in." The state official disagreed.'), ['Officials say he has been "reined in."', 'The state official disagreed.']);
  assert.deepEqual(sentences('“We’re trying to help, and we have to respond,” he said last week. “I’m quite proud of it. We did well.”'),
    ['“We’re trying to help, and we have to respond,” he said last week.', '“I’m quite proud of it.', 'We did well.”']);
  assert.deepEqual(sentences('"Is it over?" she asked. "No!" he said. (It was not.) Later it was.'), ['"Is it over?" she asked.', '"No!" he said.', '(It was not.)', 'Later it was.']);
});

test('segment: title, byline, heading and caption paragraphs are one sentence each', () => {
  const text = 'Talks go on. Or not.\nBy A. Writer | Nov. 2, 2017\nHe spoke. She left.\nHeading here. Yes.';
  const lines = text.split('\n');
  let at = 0;
  const kinds: Paragraph['kind'][] = ['title', 'byline', 'body', 'heading'];
  const paragraphs = lines.map((line, i) => {
    const p: Paragraph = { span: { start: at, end: at + line.length }, kind: kinds[i] ?? 'body' };
    at += line.length + 1;
    return p;
  });
  const doc = docOf(text, paragraphs);
  assert.deepEqual(doc.sentences.map((s) => doc.text.slice(s.start, s.end)), ['Talks go on. Or not.', 'By A. Writer | Nov. 2, 2017', 'He spoke.', 'She left.', 'Heading here. Yes.']);
});

test('segment: without paragraphs, each non-empty line is one; a blank line breaks a paragraph', () => {
  const doc = docOf('A title\r\n\r\n  First line. Second one  \nno period here\n');
  assert.deepEqual(paragraphsOf(doc).map((p) => [p.kind, doc.text.slice(p.span.start, p.span.end)]),
    [['title', 'A title'], ['body', 'First line. Second one'], ['body', 'no period here']]);
  assert.deepEqual(doc.sentences.map((s) => doc.text.slice(s.start, s.end)), ['A title', 'First line.', 'Second one', 'no period here']);
  const wrapped = docOf('T\nx', [{ span: { start: 0, end: 1 }, kind: 'title' }, { span: { start: 2, end: 3 }, kind: 'body' }]);
  assert.equal(wrapped.sentences.length, 2);
  const hard = docOf('One part\n\nanother part', [{ span: { start: 0, end: 22 }, kind: 'body' }]);
  assert.deepEqual(hard.sentences.map((s) => hard.text.slice(s.start, s.end)), ['One part', 'another part']);
  assert.equal(sentenceIndexAt(hard.sentences, 12), 1);
  assert.equal(sentenceIndexAt(hard.sentences, 8), -1);
  assert.deepEqual(docOf('').sentences, []);
});

test('segment: the seeds', { skip: sharedOrSkip() }, () => {
  const docs = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => seedOf(readFileSync(join(SEEDS, f), 'utf8')));
  const all = docs.map((d) => d.sentences.map((s) => d.text.slice(s.start, s.end)));
  const [news = [], rewrite = []] = all;
  assert.ok(news.includes('Some U.S. and South Korean officials have suggested that Joseph Yun, the U.S. negotiator with North Korea, has been "reined in."'));
  assert.ok(news.some((s) => s.startsWith('The state official asserted')));
  assert.ok(news.includes('Yun\'s mandate has broadened since then, according to the state official.'));
  assert.ok(rewrite.some((s) => s.startsWith('One can glean') && s.endsWith('they will remain neutral.')));
  assert.ok(rewrite.includes('The U.S. has said we cannot accept a nuclear North Korea.'));
  assert.ok(rewrite.some((s) => s.startsWith('“We’re trying') && s.endsWith('he said last week.')));
  assert.ok(rewrite.includes('“I’m quite proud of what we’ve accomplished.'));
  assert.ok(rewrite.some((s) => s.endsWith('citing unidentified U.S. officials and others briefed on the process, according to')));
  for (const d of docs) {
    let last = 0;
    for (const s of d.sentences) {
      assert.ok(s.start >= last && s.end > s.start, 'sorted, not overlapping');
      assert.equal(d.text.slice(s.start, s.end).trim(), d.text.slice(s.start, s.end));
      last = s.end;
    }
  }
});

test('segment: cost grows linearly (10x the text, under 30x the time); speed is measured in bench/', () => {
  const para = 'Sen. Jo Park said the U.S. plan, e.g. the “New York channel,” costs $3.5 million. The talks go on... Some say no! ';
  const textOf = (bytes: number): string => `Title\n${(para.repeat(40) + '\n').repeat(Math.ceil(bytes / (para.length * 40)))}`;
  assert.ok(docOf(textOf(500_000)).sentences.length > 12_500);
  const g = growth((bytes) => void docOf(textOf(bytes)), 50_000, 500_000);
  assert.ok(g.ratio < 30, g.text);
});
