import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureComparison } from './fixture.js';
import { renderMarkdown } from './markdown.js';

const md = renderMarkdown(fixtureComparison());

test('headings, article table, facts table and reuse table', () => {
  assert.ok(md.startsWith('# crosscheck report\n'));
  assert.ok(md.includes('## Story 1: U.S. pursues direct talks with North Korea, despite Trump'));
  assert.ok(md.includes('| **Daily Record** | U.S. pursues direct talks with North Korea, despite Trump | Tyler Henderson | 2017-11-02 |'));
  assert.ok(md.includes('| **rewrite.txt** | US Has Been in Backchannel Diplomatic Talks with NKorea for Months!!! | _no byline_ | _no date_ |'));
  // the outlets' columns oldest first, the undated one last
  assert.ok(md.includes('| Status | Origins | Daily Record | Evil &lt;b&gt;News&lt;/b&gt; \\| x | rewrite.txt |'));
  assert.ok(md.includes('| disputed | 2 | “The talks involve 12 diplomats.” | — | “The talks involve 15 diplomats.” |'));
  assert.ok(md.includes('| corroborated | 2 | “The United States is pursuing direct diplomacy with North Korea” |'));
  assert.ok(md.includes('| **rewrite.txt** | **Daily Record** | 62% | published earlier |'));
});

test('evidence in blockquotes: both sides of a dispute, outlets of a corroborated fact, shared passages', () => {
  assert.ok(md.includes('> **Daily Record:** “12 diplomats”'));
  assert.ok(md.includes('> **rewrite.txt:** “15 diplomats”'));
  assert.ok(md.includes('> **rewrite.txt:** “The United States has been engaging in back-channel diplomacy with North Korea”'));
  assert.ok(md.includes('> “diplomacy with North Korea”'));
  assert.ok(md.includes('Only in **Daily Record**:'));
  assert.ok(md.includes('**rewrite.txt** leaves out 1 fact reported elsewhere.'));
  assert.ok(md.includes('- “The United States is pursuing direct diplomacy with North Korea” (corroborated, 2 origins)\n- _and 1 single-source fact of other outlets (listed above)_'));
});

test('profiles list attributions, signals, quotes, removed text, repairs and messages', () => {
  assert.ok(md.includes('**mixed**: 2 of 6 sentences opinion (33%)'));
  assert.ok(md.includes('dangling (names no source): “…citing unidentified U.S. officials and others briefed on the process, according to”'));
  assert.ok(md.includes('- **Sensational title:** “!!!” (title ends in !!!)'));
  assert.ok(md.includes('“railing” ×2'));
  assert.ok(md.includes('glued-words: “handsWarmbier” → “hands — Warmbier”'));
  assert.ok(md.includes('comment-policy: “We are dedicated to maintaining a respectful community”'));
  assert.ok(md.includes('`CC100` error corpus/missing.txt'));
});

test('hostile article text is neutralised: no HTML, no links, no table breaks, no escapes', () => {
  assert.equal(md.includes('<script>'), false);
  assert.equal(md.includes('<b>'), false);
  assert.ok(md.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.equal(/(^|[^\\])\]\(http/.test(md), false);
  assert.ok(md.includes('\\[click\\](http://evil.example)'));
  assert.equal(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/.test(md), false);
  // Every table row keeps its column count: pipes from article text are escaped.
  for (const table of md.split('\n\n').filter((b) => b.startsWith('| '))) {
    const rows = table.split('\n');
    const columns = (r: string) => r.replace(/\\\|/g, '').split('|').length;
    for (const r of rows) assert.equal(columns(r), columns(rows[0] ?? ''), r);
  }
  assert.ok(md.includes('**Evil &lt;b&gt;News&lt;/b&gt; \\| x**'));
});

test('an empty comparison renders', () => {
  assert.ok(renderMarkdown({ articles: [], stories: [], messages: [] }).includes('No articles were read.'));
});

test('markdown: a fact update is written under its corroborated fact', () => {
  const c = fixtureComparison();
  const fact = c.stories[0]?.facts.find((f) => f.status === 'corroborated');
  assert.ok(fact);
  const [a, b] = fact.members;
  assert.ok(a && b);
  fact.updates = [{ earlier: a, later: b, detail: 'at least 5 → at least 24' }];
  assert.match(renderMarkdown(c), /_Update:_ at least 5 → at least 24 \(/);
});

test('reuse with the three classes: the class in the table, the rewritten sentences beside the source\'s', () => {
  const c = fixtureComparison();
  const r = c.stories[0]?.reuse[0];
  assert.ok(r);
  const [from, to] = [r.passages[0]?.from, r.passages[1]?.to];
  assert.ok(from && to);
  Object.assign(r, { derived: 'partially', derivation: 0.93, rewritten: [{ from, to }] });
  const out = renderMarkdown(c);
  assert.ok(out.includes('| **rewrite.txt** | **Daily Record** | 62% | published earlier | partially derived (derivation 0.93) |'), out);
  assert.ok(out.includes('Sentences **rewrite.txt** rewrites from **Daily Record**:\n\n- “The talks involve” (**Daily Record**: “diplomacy with North Korea”)'), out);
  // A story written before the classes: a dash, no rewritten list.
  assert.ok(md.includes('| **rewrite.txt** | **Daily Record** | 62% | published earlier | — |'));
  assert.ok(!md.includes('rewrites from'));
});
