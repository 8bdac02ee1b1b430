import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trailerLine, trailingTrailer } from './boilerplate-trailers.js';
import { findBoilerplate } from './boilerplate.js';

test('trailer lines of every common kind', () => {
  const lines: [string, string][] = [
    ['Follow the Harlow Gazette on Facebook and Twitter for the latest news. Sign up for our free morning newsletter.', 'subscribe-prompt'],
    ['Like us on Facebook.', 'subscribe-prompt'],
    ['Follow Jane Doe on Twitter @janedoe.', 'subscribe-prompt'],
    ['Want the latest news? Sign up to our daily briefing.', 'subscribe-prompt'],
    ['Get the top stories delivered to your inbox every morning.', 'subscribe-prompt'],
    ['Download the Gazette app for iPhone and Android.', 'subscribe-prompt'],
    ['Support local journalism.', 'subscribe-prompt'],
    ['(Reporting by Ada Okafor in Lagos; Editing by Mark Hollis)', 'boilerplate'],
    ['The Associated Press contributed to this report.', 'boilerplate'],
    ['Contributing: Jane Doe, John Roe', 'boilerplate'],
    ['This article originally appeared on The Conversation.', 'boilerplate'],
    ['Got a story? Email newsdesk@gazette.example.co.uk', 'boilerplate'],
  ];
  for (const [line, kind] of lines) assert.equal(trailerLine(line)?.kind, kind, line);
});

test('body sentences that look like trailers stay', () => {
  for (const line of [
    'Reporting by Reuters showed that the minister had known.',
    'Several agencies contributed to the report, which was published on Monday.',
    'Like many others on Twitter, she complained about the delay.',
    'Follow-up talks on Twitter were promised by the company.',
    'Have they done enough? Most residents say no.',
    'The app was downloaded two million times, the company said.',
    'She urged people to sign up for the vaccine.',
    'Got a minute? The council will explain.',
  ]) {
    assert.equal(trailerLine(line), null, line);
    assert.equal(trailingTrailer(line), null, line);
  }
});

test('trailer sentences at the end of the last paragraph are taken off it', () => {
  const text = 'Headline\n\nThe council will meet in May, the mayor said. Follow us on Twitter @gazette. Sign up to our newsletter.';
  const r = findBoilerplate(text);
  assert.equal(r.blocks.length, 1);
  assert.equal(text.slice(r.blocks[0]!.span.start, r.blocks[0]!.span.end), 'Follow us on Twitter @gazette. Sign up to our newsletter.');
  // A lead-in alone is not enough.
  assert.deepEqual(findBoilerplate('Headline\n\nThe mayor spoke. Got a story?').blocks, []);
});
