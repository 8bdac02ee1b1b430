import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONTEXT, type Doc, type RemovedKind } from '../model/index.js';
import { extract } from './index.js';
import { invariantProblems } from './invariants.js';
import { classifyLine } from './boilerplate.js';

function clean(raw: string): Doc {
  const doc = extract({ uri: 'golden.txt', format: 'text', raw, record: {}, messages: [] }, DEFAULT_CONTEXT);
  assert.deepEqual(invariantProblems(doc), []);
  return doc;
}

const HEAD = 'Council approves new harbour bridge\n\nThe city council voted on Monday to build a second bridge across the harbour, ending a debate that has run for ten years.\n\nThe bridge will cost about 40 million dollars, the mayor said, and work will start in the spring.\n';

interface Golden {
  name: string;
  raw: string;
  /** Kinds of the removals, in order. */
  kinds: RemovedKind[];
  /** Words that must be gone from the text. */
  gone: string[];
  /** Words that must stay. */
  kept: string[];
}

/** Invented texts, one per kind of boilerplate we handle. */
const GOLDEN: Golden[] = [
  {
    name: 'comment widget block at the end',
    raw: `${HEAD}\n0 0 votes\nArticle Rating\nSubscribe\nNotify of\nguest\n3 Comments\nOldest Most Voted\nNewest\nInline Feedbacks\nView all comments\n`,
    kinds: ['comment-widget'],
    gone: ['votes', 'Subscribe', 'guest', 'Inline Feedbacks'],
    kept: ['work will start in the spring.'],
  },
  {
    name: 'leave a reply form',
    raw: `${HEAD}\nLeave a Reply\nCancel reply\nYour email address will not be published. Required fields are marked *\n`,
    kinds: ['comment-widget'],
    gone: ['Leave a Reply', 'email address'],
    kept: ['the mayor said'],
  },
  {
    name: 'comment count and disqus',
    raw: `${HEAD}\nComments (12)\nPlease enable JavaScript to view the comments powered by Disqus.\n`,
    kinds: ['comment-widget'],
    gone: ['Comments (12)', 'Disqus'],
    kept: ['ten years.'],
  },
  {
    name: 'comment policy paragraphs',
    raw: `${HEAD}\nComments are moderated and will appear after review.\nWe reserve the right to remove comments that are abusive.\n`,
    kinds: ['comment-policy'],
    gone: ['moderated', 'reserve the right'],
    kept: ['harbour'],
  },
  {
    name: 'share prompts inline and at the end',
    raw: `Council approves new harbour bridge\n\nThe city council voted on Monday to build a second bridge.\n\nShare this article\n\nThe bridge will cost about 40 million dollars, the mayor said.\n\nShare on Facebook\nShare on Twitter\nEmail\n`,
    kinds: ['share-prompt', 'share-prompt'],
    gone: ['Share this article', 'Share on Facebook', 'Share on Twitter', 'Email'],
    kept: ['second bridge.', 'the mayor said.'],
  },
  {
    name: 'subscribe and follow prompts',
    raw: `${HEAD}\nFollow us on Twitter for the latest news.\nSubscribe to our newsletter to get stories like this every morning.\nSign up for our daily briefing\n`,
    kinds: ['subscribe-prompt'],
    gone: ['Follow us', 'newsletter', 'daily briefing'],
    kept: ['the mayor said'],
  },
  {
    name: 'click here and related links in the middle',
    raw: `Council approves new harbour bridge\n\nThe city council voted on Monday to build a second bridge.\n\nRelated: Mayor promises faster ferries\n\nThe bridge will cost about 40 million dollars, the mayor said.\n\nClick here to see the plans\n\nWork will start in the spring.\n`,
    kinds: ['related-links', 'boilerplate'],
    gone: ['Related:', 'faster ferries', 'Click here'],
    kept: ['second bridge.', 'the mayor said.', 'Work will start in the spring.'],
  },
  {
    name: 'read more and recommended',
    raw: `${HEAD}\nRead more: Harbour traffic doubles in a decade\nRecommended\n`,
    kinds: ['related-links'],
    gone: ['Read more', 'Recommended'],
    kept: ['spring.'],
  },
  {
    name: 'wire copyright trailer on its own lines',
    raw: `${HEAD}\nCopyright 2017 The Associated Press. All rights reserved.\nThis material may not be published, broadcast, rewritten or redistributed.\n`,
    kinds: ['boilerplate'],
    gone: ['Copyright 2017', 'may not be published'],
    kept: ['spring.'],
  },
  {
    name: 'wire copyright trailer at the end of the last paragraph',
    raw: `${HEAD}The project is expected to take four years. Copyright 2017 The Associated Press. All rights reserved.`,
    kinds: ['boilerplate'],
    gone: ['Copyright', 'All rights reserved'],
    kept: ['take four years.'],
  },
  {
    // Found in the demo corpus: the promise to update stayed in the text and became a "fact".
    name: 'a promise to update the story at its foot',
    raw: `${HEAD}\nThe Harbour Gazette will update this story as more information becomes available.\n`,
    kinds: ['boilerplate'],
    gone: ['will update this story'],
    kept: ['spring.'],
  },
  {
    name: 'advertisement slot between paragraphs',
    raw: `Council approves new harbour bridge\n\nThe city council voted on Monday to build a second bridge.\n\nAdvertisement\n\nThe bridge will cost about 40 million dollars, the mayor said.\n`,
    kinds: ['boilerplate'],
    gone: ['Advertisement'],
    kept: ['second bridge.', 'the mayor said.'],
  },
];

for (const g of GOLDEN) {
  test(`boilerplate golden: ${g.name}`, () => {
    const doc = clean(g.raw);
    assert.deepEqual(doc.removed.map((r) => r.kind), g.kinds);
    for (const w of g.gone) assert.ok(!doc.text.includes(w), `"${w}" should be removed:\n${doc.text}`);
    for (const w of g.kept) assert.ok(doc.text.includes(w), `"${w}" should stay:\n${doc.text}`);
    assert.equal(doc.messages.filter((m) => m.code === 'CC202').length, 1);
  });
}

test('body paragraphs that mention comments, sharing or copyright are kept', () => {
  const raw = [
    'Platform changes its rules',
    '',
    'The company said comments are moderated by a team of 40 people, and that it would share more details next week.',
    'Readers can share the article with friends, the spokesperson added.',
    'Related to the change, the firm also updated its copyright policy.',
    'Share prices fell 3 percent after the announcement.',
    'Reply',
  ].join('\n');
  const doc = clean(raw);
  assert.deepEqual(doc.removed, []);
  assert.equal(doc.text, raw);
});

test('a trailing run of weak widget words alone is not removed', () => {
  const raw = 'Title here\n\nThe last paragraph of the story ends here.\n\nShare\nTweet\nEmail';
  const doc = clean(raw);
  assert.deepEqual(doc.removed, []);
});

test('the headline is never removed, even when it matches a pattern', () => {
  const doc = clean('Advertisement\n\nA short paragraph that says what happened yesterday in the town.');
  assert.ok(doc.text.startsWith('Advertisement'));
});

test('classifyLine tells strong from weak', () => {
  assert.equal(classifyLine('View all comments')?.strength, 'strong');
  assert.equal(classifyLine('Reply')?.strength, 'weak');
  assert.equal(classifyLine('The mayor said the bridge would open in 2020.'), null);
});

test('removed spans are raw offsets even after earlier repairs shifted the text', () => {
  const raw = 'Headline with mojibake donâ€™t\r\n\r\nThe mayorâ€™s office said the bridge will open.\r\n\r\nShare this article\r\n';
  const doc = clean(raw);
  assert.equal(doc.removed.length, 1);
  assert.equal(doc.removed[0]!.text, 'Share this article');
  assert.equal(raw.slice(doc.removed[0]!.span.start, doc.removed[0]!.span.end), 'Share this article');
});
