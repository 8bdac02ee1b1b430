import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureComparison, HOSTILE_TEXT } from './fixture.js';
import { renderText } from './text.js';

const report = renderText(fixtureComparison(), { width: 100 });

function section(name: string): string {
  const start = report.indexOf(`\n${name}`);
  assert.ok(start >= 0, `no section ${name}`);
  const next = report.slice(start + 1).search(/\n(?=[A-Z]{4,})/);
  return next < 0 ? report.slice(start) : report.slice(start, start + 1 + next);
}

test('story header: title, articles and outlets, time span, fact counts', () => {
  assert.ok(report.includes('STORY 1: “U.S. pursues direct talks with North Korea, despite Trump”'));
  assert.ok(report.includes('3 articles from 2 outlets (1 without an outlet)'));
  assert.ok(report.includes('published 2017-11-02 to 2017-11-03 (1 day apart)'));
  assert.ok(report.includes('1 corroborated · 2 single-source · 1 disputed'));
});

test('articles: label, title, byline or "no byline", date or "no date"', () => {
  const s = section('ARTICLES');
  assert.match(s, /Daily Record — “U\.S\. pursues direct talks with North Korea, despite Trump” — Tyler Henderson —\s+2017-11-02/);
  assert.match(s, /rewrite\.txt — “US Has Been in Backchannel Diplomatic Talks with NKorea for Months!!!” — no byline\s+— no date/);
});

test('disputed facts come first, with both sides quoted', () => {
  assert.ok(report.indexOf('DISPUTED') < report.indexOf('CORROBORATED'));
  const s = section('DISPUTED');
  assert.ok(s.includes('number: 12 vs 15 (diplomats)'));
  assert.ok(s.includes('Daily Record: “12 diplomats”'));
  assert.ok(s.includes('rewrite.txt: “15 diplomats”'));
});

test("corroborated facts quote each outlet's exact words and count independent origins", () => {
  const s = section('CORROBORATED');
  assert.ok(s.includes('2 independent origins, 2 articles'));
  assert.ok(s.includes('Daily Record: “The United States is pursuing direct diplomacy with North Korea”'));
  assert.ok(s.includes('rewrite.txt: “The United States has been engaging in back-channel diplomacy with North Korea”'));
});

test('single-source facts are grouped by article, and what each outlet leaves out is listed', () => {
  const s = section('SINGLE-SOURCE');
  assert.ok(s.includes('Only in Daily Record:'));
  assert.ok(s.includes('“Three of the four prisoners are still in North Korean hands”'));
  const left = section('LEFT OUT');
  assert.ok(left.includes('rewrite.txt leaves out 1 fact reported elsewhere\n    1 single-source fact of other outlets (listed above)'));
  assert.match(left, /Evil <b>News<\/b> \| x leaves out 2 facts reported elsewhere:\n {4}• “The United States is pursuing direct diplomacy with North Korea” \(corroborated, 2 origins\)\n {4}and 1 single-source fact/);
});

test('reuse says who copies whom, how much, and quotes the longest shared passages', () => {
  const s = section('REUSE');
  assert.ok(s.includes('rewrite.txt copies 62% of its words from Daily Record (published earlier)'));
  assert.ok(s.indexOf('“diplomacy with North Korea”') < s.indexOf('“The talks involve”'));
});

test('profiles: kind, attributions quoted, sensational title, loaded words with counts, quotes, removed, repairs, messages', () => {
  const s = section('PROFILES');
  assert.ok(s.includes('Daily Record: reporting — 0 of 4 sentences opinion (0%)'));
  assert.ok(s.includes('rewrite.txt: mixed — 2 of 6 sentences opinion (33%)'));
  assert.ok(s.includes('anonymous: “a senior State Department official said”'));
  assert.ok(s.includes('named: “according to Joseph Yun” (source: Joseph Yun)'));
  assert.ok(s.includes('dangling: “…citing unidentified U.S. officials and others briefed on the process, according to”'));
  assert.ok(s.includes('sensational title: “!!!” (title ends in !!!)'));
  assert.ok(s.includes('“railing” ×2'));
  assert.ok(s.includes('hedges: 1: “may”'));
  assert.ok(s.includes('“We’re trying to convey to the North Koreans we are not your enemy,” — he'));
  assert.ok(s.includes('opinion: “This is as Democrats are railing against the President\'s tough language.”'));
  assert.ok(s.includes('comment-policy: “We are dedicated to maintaining a respectful community”'));
  assert.ok(s.includes('glued-words: “handsWarmbier” -> “hands — Warmbier”'));
  assert.ok(s.includes('CC202 info corpus/straight.txt: removed 1 trailer'));
  assert.ok(report.includes('CC100 error corpus/missing.txt'));
});

test('hostile article text cannot reach the terminal as escape or control characters', () => {
  assert.equal(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(report), false);
  assert.ok(report.includes('RED'));
  const coloured = renderText(fixtureComparison(), { color: true });
  // Only our own SGR sequences remain.
  assert.equal(coloured.replace(/\x1b\[[0-9;]*m/g, '').includes('\x1b'), false);
  assert.ok(coloured.includes('\x1b[1m'));
  assert.ok(HOSTILE_TEXT.includes('\x1b]0;pwned'));
});

test('no colour unless asked; lines wrap to the width', () => {
  assert.equal(report.includes('\x1b'), false);
  const narrow = renderText(fixtureComparison(), { width: 60 });
  for (const line of narrow.split('\n')) {
    // A single word longer than the width may overflow; none in the fixture is.
    assert.ok(line.length <= 60, `${line.length}: ${line}`);
  }
});

test('long quotes are cut with an ellipsis, every shown part exact', () => {
  const c = fixtureComparison();
  const a = c.articles[0];
  const fact = c.stories[0]?.facts[0];
  assert.ok(a && fact);
  const long = Array.from({ length: 80 }, (_, i) => `w${i}`).join(' ');
  a.text += ` ${long}`;
  const start = a.text.indexOf(long);
  fact.members = [{ articleId: a.id, span: { start, end: start + long.length }, text: long, stance: 'asserts' }];
  const out = renderText(c, { width: 400 });
  const m = /“(w0 [^”]*)”/.exec(out);
  assert.ok(m?.[1]);
  const [head, tail] = m[1].split(' … ');
  assert.ok(head && long.startsWith(head) && tail && long.endsWith(tail), m[1]);
});

test('an empty comparison renders', () => {
  assert.match(renderText({ articles: [], stories: [], messages: [] }), /0 stories · 0 articles\nNo articles were read\./);
});

test('a corroborated fact shows a count a later report moved on as an update, not a dispute', () => {
  const c = fixtureComparison();
  const fact = c.stories[0]?.facts.find((f) => f.status === 'corroborated');
  assert.ok(fact);
  const [a, b] = fact.members;
  assert.ok(a && b);
  fact.updates = [{ earlier: a, later: b, detail: 'at least 5 → at least 24' }];
  const s = renderText(c, { width: 100 });
  assert.match(s, /update: at least 5 → at least 24 \(.+ -> .+, later report\)/);
  assert.ok(s.indexOf('update: at least 5') > s.indexOf('CORROBORATED'));
});

test('reuse with the three classes: the class after the direction, the rewritten sentences with the source\'s', () => {
  const c = fixtureComparison();
  const r = c.stories[0]?.reuse[0];
  assert.ok(r);
  const [from, to] = [r.passages[0]?.from, r.passages[1]?.to];
  assert.ok(from && to);
  Object.assign(r, { derived: 'wholly', derivation: 0.97, rewritten: [{ from, to }] });
  const out = renderText(c, { width: 200 });
  assert.match(out, /copies 62% of its words from Daily Record \(published earlier\): wholly derived \(derivation 0\.97\)/);
  assert.match(out, /sentences rewritten from it:\n\s+• “The talks involve”\n\s+Daily Record has: “diplomacy with North Korea”/);
});

test('loaded words: a count of words beside fewer marked phrases says how many phrases', () => {
  const c = fixtureComparison();
  const b = c.articles[1];
  assert.ok(b);
  // "railing against" is one mark of two words: the profile counts words
  const at = b.text.indexOf('railing');
  b.signals = b.signals.map((s) => (s.kind === 'loaded' && s.span.start === at ? { ...s, span: { start: at, end: at + 'railing against'.length }, text: 'railing against' } : s));
  b.profile = { ...b.profile, loadedWords: 3 };
  const text = renderText(c, { width: 200 });
  assert.match(text, /loaded words: 3 in 2 phrases \(/);
  // the fixture's own profile: two one-word marks, two words, no "in N phrases"
  assert.match(report, /loaded words: 2 \(/);
});
