/**
 * A hand-made Comparison for the renderer and CLI tests: two articles on one event (one straight,
 * one a partisan rewrite, like the seeds) and a hostile one whose text carries terminal escapes,
 * HTML and Markdown. Every evidence item is built from the article text, so `text` always equals
 * the slice its span points to. Test data only: nothing in the library imports it.
 */
import { emptyProfile, message, type Article, type Comparison, type Evidence, type Profile } from '../model/index.js';

export const STRAIGHT_TEXT = [
  'U.S. pursues direct talks with North Korea, despite Trump',
  'By Tyler Henderson | Nov 02, 2017',
  'The United States is pursuing direct diplomacy with North Korea, a senior State Department official said Tuesday. ' +
    'Three of the four prisoners are still in North Korean hands — Warmbier, who died several days after his release, being the only exception. ' +
    "Yun's mandate has broadened since then, according to Joseph Yun. The talks involve 12 diplomats.",
].join('\n');

export const REWRITE_TEXT = [
  'US Has Been in Backchannel Diplomatic Talks with NKorea for Months!!!',
  'The United States has been engaging in back-channel diplomacy with North Korea for several months, the AP reported, citing unidentified U.S. officials and others briefed on the process, according to',
  "This is as Democrats are railing against the President's tough language. Democrats keep railing. The talks involve 15 diplomats. " +
    '“We’re trying to convey to the North Koreans we are not your enemy,” he said last week. It may be that the talks continue.',
].join('\n');

export const HOSTILE_TEXT =
  '<script>alert(1)</script> Breaking | pipes | here `tick` [click](http://evil.example) \x1b[31mRED\x1b[0m \x1b]0;pwned\x07title \x1b[2Jcleared \u202eevil\u202c *bold* # not a heading';

export function ev(a: Pick<Article, 'id' | 'text'>, words: string, from = 0): Evidence {
  const start = a.text.indexOf(words, from);
  if (start < 0) throw new Error(`fixture: "${words}" is not in ${a.id}`);
  return { articleId: a.id, span: { start, end: start + words.length }, text: words };
}

function article(id: string, text: string, fields: Partial<Article>, profile: Partial<Profile> = {}): Article {
  return {
    id, contentHash: id.padEnd(64, '0'), uri: `corpus/${id}.txt`, format: 'text', url: null, outlet: null, title: null, byline: null,
    publishedAt: null, lang: 'en', fields: { title: null, byline: null, publishedAt: null, outlet: null }, text, paragraphs: [],
    sentences: [{ start: 0, end: text.length }], removed: [], repairs: [], entities: [], quotes: [], attributions: [], claims: [],
    signals: [], profile: { ...emptyProfile(), ...profile }, messages: [], ...fields,
  };
}

export function fixtureComparison(): Comparison {
  const a = article('straight', STRAIGHT_TEXT, {
    outlet: 'Daily Record',
    title: 'U.S. pursues direct talks with North Korea, despite Trump',
    byline: 'Tyler Henderson',
    publishedAt: '2017-11-02',
  }, { kind: 'reporting', sentences: 4, words: 70, attributions: { named: 1, anonymous: 1, relayed: 0, dangling: 0 }, removedChars: 57, repairs: 1 });
  const titleEnd = a.text.indexOf('\n');
  a.fields.title = { value: a.title ?? '', from: 'text', span: { start: 0, end: titleEnd }, text: a.text.slice(0, titleEnd) };
  a.sentences = [{ start: 0, end: titleEnd }, { start: a.text.indexOf('The United'), end: a.text.indexOf(' Three') }];
  a.attributions = [
    { ...ev(a, 'a senior State Department official said'), kind: 'anonymous', source: ev(a, 'a senior State Department official'), sourceCanonical: null, cue: 'said', sentence: 1 },
    { ...ev(a, 'according to Joseph Yun'), kind: 'named', source: ev(a, 'Joseph Yun'), sourceCanonical: 'person:joseph-yun', cue: 'according to', sentence: 1 },
  ];
  a.entities = [{ ...ev(a, 'Joseph Yun'), type: 'person', canonical: 'person:joseph-yun' }];
  a.removed = [{ articleId: a.id, span: { start: 600, end: 657 }, text: 'We are dedicated to maintaining a respectful community', kind: 'comment-policy' }];
  a.repairs = [{ ...ev(a, 'hands — Warmbier'), kind: 'glued-words', before: 'handsWarmbier', rawSpan: { start: 300, end: 313 } }];
  a.messages = [message('CC202', 'removed 1 trailer (57 characters)', { uri: a.uri })];

  const b = article('rewrite', REWRITE_TEXT, {
    title: 'US Has Been in Backchannel Diplomatic Talks with NKorea for Months!!!',
  }, {
    kind: 'mixed', sentences: 6, opinionSentences: 2, opinionShare: 0.33, words: 80, loadedWords: 2, loadedPer1000: 25, hedges: 1,
    attributions: { named: 0, anonymous: 0, relayed: 0, dangling: 1 }, quotes: 1, quotedSpeakers: ['he'], sensationalTitle: true,
  });
  const danglingSentence = b.text.indexOf('The United');
  b.sentences = [{ start: 0, end: b.text.indexOf('\n') }, { start: danglingSentence, end: b.text.indexOf('\nThis') }];
  b.attributions = [{ ...ev(b, 'according to'), kind: 'dangling', source: null, sourceCanonical: null, cue: 'according to', sentence: 1 }];
  b.signals = [
    { ...ev(b, '!!!'), kind: 'sensational-title', weight: 1, detail: 'title ends in !!!' },
    { ...ev(b, 'railing'), kind: 'loaded', weight: 1, detail: 'lexicon: railing' },
    { ...ev(b, 'railing', b.text.indexOf('railing') + 1), kind: 'loaded', weight: 1, detail: 'lexicon: railing' },
    { ...ev(b, "This is as Democrats are railing against the President's tough language."), kind: 'opinion', weight: 0.8, detail: 'loaded words, no attribution' },
    { ...ev(b, 'may'), kind: 'hedge', weight: 0.5, detail: 'modal: may' },
  ];
  b.quotes = [{ ...ev(b, '“We’re trying to convey to the North Koreans we are not your enemy,”'), speaker: ev(b, 'he'), speakerCanonical: null, speakerKind: 'unknown' }];

  const c = article('hostile', HOSTILE_TEXT, {
    outlet: 'Evil\x1b[31m <b>News</b> | x',
    title: '<script>alert(1)</script> | `tick` [click](http://evil.example)',
    byline: '\x1b[2JMallory',
    publishedAt: '2017-11-03',
  }, { kind: 'opinion', sentences: 1, opinionSentences: 1, opinionShare: 1 });
  c.signals = [{ ...ev(c, '\x1b[31mRED\x1b[0m'), kind: 'loaded', weight: 1, detail: 'lexicon: red' }];
  c.messages = [message('CC206', 'removed \x1b[31m control characters', { uri: c.uri })];

  const corroborated = {
    id: 'f1', status: 'corroborated' as const, independentOrigins: 2, articleIds: [a.id, b.id],
    summary: 'The United States is pursuing direct diplomacy with North Korea',
    members: [
      { ...ev(a, 'The United States is pursuing direct diplomacy with North Korea'), stance: 'asserts' as const },
      { ...ev(b, 'The United States has been engaging in back-channel diplomacy with North Korea'), stance: 'asserts' as const },
    ],
    conflicts: [],
  };
  const disputed = {
    id: 'f2', status: 'disputed' as const, independentOrigins: 2, articleIds: [a.id, b.id], summary: 'The talks involve 12 diplomats.',
    members: [{ ...ev(a, 'The talks involve 12 diplomats.'), stance: 'asserts' as const }, { ...ev(b, 'The talks involve 15 diplomats.'), stance: 'asserts' as const }],
    conflicts: [{ kind: 'number' as const, a: ev(a, '12 diplomats'), b: ev(b, '15 diplomats'), detail: '12 vs 15 (diplomats)' }],
  };
  const onlyA = {
    id: 'f3', status: 'single-source' as const, independentOrigins: 1, articleIds: [a.id],
    summary: 'Three of the four prisoners are still in North Korean hands',
    members: [{ ...ev(a, 'Three of the four prisoners are still in North Korean hands'), stance: 'asserts' as const }], conflicts: [],
  };
  const onlyC = {
    id: 'f4', status: 'single-source' as const, independentOrigins: 1, articleIds: [c.id], summary: HOSTILE_TEXT,
    members: [{ ...ev(c, HOSTILE_TEXT), stance: 'asserts' as const }], conflicts: [],
  };
  return {
    articles: [a, b, c],
    stories: [{
      id: 's1', title: a.title ?? '', articleIds: [a.id, b.id, c.id], outlets: ['Daily Record', c.outlet ?? ''],
      firstPublished: '2017-11-02', lastPublished: '2017-11-03', origins: [[a.id], [b.id], [c.id]],
      facts: [onlyA, corroborated, disputed, onlyC],
      reuse: [{
        from: a.id, to: b.id, share: 0.62, direction: 'published-earlier',
        passages: [
          { from: ev(a, 'diplomacy with North Korea'), to: ev(b, 'diplomacy with North Korea') },
          { from: ev(a, 'The talks involve'), to: ev(b, 'The talks involve') },
        ],
      }],
      coverage: [
        { articleId: a.id, outlet: a.outlet, only: ['f3'], missing: [] },
        { articleId: b.id, outlet: null, only: [], missing: ['f3'] },
        { articleId: c.id, outlet: c.outlet, only: ['f4'], missing: ['f3', 'f1'] },
      ],
    }],
    messages: [message('CC100', 'corpus/missing.txt was not found', { uri: 'corpus/missing.txt' })],
  };
}
