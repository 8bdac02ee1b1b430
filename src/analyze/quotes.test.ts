import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONTEXT as C, type Doc, type Paragraph } from '../model/index.js';
import { extract } from '../extract/index.js';
import { tokenize } from './tokenize.js';
import { segment } from './segment.js';
import { findEntities } from './entities.js';
import { findQuotes, markedSpans } from './quotes.js';
import { SEEDS, sharedOrSkip } from '../../test/helpers.js';
import { docThrough } from './segment-fixture.js';

function docOf(text: string): Doc {
  return docThrough(text, 'quotes', { lines: true });
}
function seedOf(text: string): Doc {
  return docThrough(text, 'quotes');
}
function quotes(body: string): [string, string, string | null, string | null][] {
  return docOf(`Title\n${body}`).quotes.filter((q) => !q.short).map((q) => [q.text, q.speakerKind, q.speaker?.text ?? null, q.speakerCanonical]);
}

test('quotes: scare quotes are short quotations; sentence-final short ones are full ones', () => {
  const doc = docOf('Title\nTalks go through a "New York channel" and China should “stay neutral” if war comes. He has been "reined in." Critics said the plan was "dead on arrival for everyone involved" this week.');
  assert.deepEqual(doc.quotes.map((q) => [q.text, q.short ?? false]), [
    ['"New York channel"', true],
    ['“stay neutral”', true],
    ['"reined in."', false],
    ['"dead on arrival for everyone involved"', false],
  ]);
});

test('quotes: the cue in the next or the previous sentence, a colon-introduced speaker, gender agreement', () => {
  const got = quotes([
    '“How many times do we have to see this?” Clinton said. “It needs to be intolerable.”',
    'Martha Raddatz asked Mike Pence about the plan. “We will not back down,” he said.',
    'Mr. Trump spoke to reporters after the rally. He said:',
    '“We are going to win this state, believe me, and win it big.”',
  ].join('\n'));
  assert.deepEqual(got.map((q) => [q[0].slice(0, 12), q[2]]), [
    ['“How many ti', 'Clinton'],
    ['“It needs to', 'Clinton'],
    ['“We will not', 'Mike Pence'],
    ['“We are goin', 'Trump'],
  ]);
});

test('quotes: speaker after, before, inverted, pronoun, continuation', () => {
  const got = quotes([
    '“We will rebuild the whole town,” Mayor Jane Doe told reporters on Monday. “It will take years.”',
    'Police Chief Tom Hale said: “Nobody should live like this, not here.”',
    '"We are looking into it," said Sgt. Maria Lopez, a spokeswoman for the sheriff.',
    'Defense Secretary Lloyd Austin praised the troops. “They did everything we asked of them,” he said.',
    '“The deal is dead and everyone knows it,” said a senior official who asked not to be named.',
    '“Nobody claims this one at all.”',
  ].join('\n'));
  assert.deepEqual(got, [
    ['“We will rebuild the whole town,”', 'named', 'Mayor Jane Doe', 'person:jane-doe'],
    ['“It will take years.”', 'named', 'Mayor Jane Doe', 'person:jane-doe'],
    ['“Nobody should live like this, not here.”', 'named', 'Police Chief Tom Hale', 'person:tom-hale'],
    ['"We are looking into it,"', 'named', 'Sgt. Maria Lopez', 'person:maria-lopez'],
    ['“They did everything we asked of them,”', 'named', 'Lloyd Austin', 'person:lloyd-austin'],
    ['“The deal is dead and everyone knows it,”', 'anonymous', 'a senior official', null],
    // a quotation paragraph right after another speaker's goes on with that speaker (news style; learned on PolNeAR)
    ['“Nobody claims this one at all.”', 'anonymous', 'a senior official', null],
  ]);
});

test('quotes: a quotation with no speaker anywhere near stays unknown', () => {
  assert.deepEqual(quotes('The town voted on Tuesday.\n“Nobody claims this one at all, not even now.”'), [['“Nobody claims this one at all, not even now.”', 'unknown', null, null]]);
});

test('quotes: a stray closing mark does not break the rest', () => {
  const got = quotes('The report said the talks would relay information.” Officials agreed.\n“This is the first step toward peace,” the minister said.');
  assert.equal(got.length, 1);
  assert.equal(got[0]?.[0], '“This is the first step toward peace,”');
  assert.equal(got[0]?.[2], 'the minister');
});

test('quotes: mixed marks pair up; a straight pair inside a curly quotation stays inside it', () => {
  const got = quotes('"We waited far too long for these repairs,” Alvarez said. “The work starts in May," she said.\n“He called it "a disaster" and walked out,” Lee said.');
  assert.deepEqual(got.map((q) => [q[0], q[2]]), [
    ['"We waited far too long for these repairs,”', 'Alvarez'],
    ['“The work starts in May,"', 'Alvarez'], // "she" stands for Alvarez
    ['“He called it "a disaster" and walked out,”', 'Lee'],
  ]);
});

test("quotes: doubled apostrophes ''…'' are quotation marks (newspaper archive text)", () => {
  const got = quotes("''It is more tinkering at the edges,'' said Alan Cole, an economist. ''I wouldn't call it reform.'' The ''Buffett rule'' stays.");
  assert.deepEqual(got.map((q) => [q[0], q[2]]), [
    ["''It is more tinkering at the edges,''", 'Alan Cole'],
    ["''I wouldn't call it reform.''", 'Alan Cole'],
  ]);
  assert.equal(docOf("Title\nThe ''Buffett rule'' stays.").quotes[0]?.short, true);
});

test('quotes: an unclosed quote opening a paragraph runs to its end', () => {
  const got = quotes('“We have waited long enough for this day, and more\nHe left.');
  assert.deepEqual(got.map((q) => q[0]), ['“We have waited long enough for this day, and more']);
});

test('quotes: the seeds', { skip: sharedOrSkip() }, () => {
  const [news, rewrite] = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => seedOf(readFileSync(join(SEEDS, f), 'utf8')));
  assert.ok(news && rewrite);
  const limited = news.quotes.find((q) => q.text.includes('It has not been limited'));
  assert.equal(limited?.speakerKind, 'anonymous');
  assert.equal(limited?.speaker?.text, 'the senior State Department official');
  assert.ok(news.quotes.find((q) => q.text.includes('New York channel'))?.short, 'scare quote');
  const trying = rewrite.quotes.find((q) => q.text.includes('not your enemy'));
  const proud = rewrite.quotes.find((q) => q.text.includes('quite proud'));
  assert.equal(trying?.speakerCanonical, 'person:rex-tillerson');
  assert.equal(proud?.speakerCanonical, 'person:rex-tillerson');
  assert.equal(proud?.speakerKind, 'named');
  const neutral = rewrite.quotes.find((q) => q.text.includes('stay neutral,'));
  assert.equal(neutral?.speakerCanonical, 'org:global-times');
  assert.ok(rewrite.quotes.find((q) => q.text === '“stay neutral”')?.short, 'scare quote');
  for (const d of [news, rewrite]) for (const q of d.quotes) {
    assert.equal(d.text.slice(q.span.start, q.span.end), q.text);
    if (q.speaker) assert.equal(d.text.slice(q.speaker.span.start, q.speaker.span.end), q.speaker.text);
  }
});

test('markedSpans: visits only the marks of each paragraph, as a walk over every character did', () => {
  // paragraph 1: a doubled pair holding a straight and a curly mark of its own, then a mark pair
  // of `` and ''; paragraph 2 opens with a curly quote left open (runs to its end); paragraph 3
  // has a straight quotation and a lone apostrophe; the last paragraph ends on a doubled mark
  const p1 = "''Gorvan said \"no\" and “maybe” here,'' Ms. Tell wrote. ``Plain words'' too.";
  const p2 = '“An open quotation that runs on';
  const p3 = 'It\'s "a closed one" now.';
  const p4 = "Ends ''";
  const text = [p1, p2, p3, p4].join('\n');
  let at = 0;
  const paragraphs = [p1, p2, p3, p4].map((p) => {
    const span = { start: at, end: at + p.length };
    at += p.length + 1;
    const paragraph: Paragraph = { span, kind: 'body' };
    return paragraph;
  });
  const got = markedSpans(text, paragraphs).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(got, ["''Gorvan said \"no\" and “maybe” here,''", "``Plain words''", '“An open quotation that runs on', '"a closed one"']);
});
