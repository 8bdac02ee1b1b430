/**
 * The article page's legend counts what the profile counts (issue #17: "biased wording 0 of 21"
 * beside 5 opinion sentences, 11 loaded words marked where 8 were counted). One definition,
 * model/profile-counts.ts: the legend's profile numbers must equal the article's profile (which
 * the JSON, text and Markdown reports print as they are) on our examples, the seeds when present,
 * and an article with quoted loaded words and hedges and an opinionated heading.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../analyze/index.js';
import { extract } from '../extract/index.js';
import { DEFAULT_CONTEXT, toArticle, type Article } from '../model/index.js';
import { SEEDS } from '../../test/helpers.js';
import { articlePage } from './page-article.js';

function article(uri: string, raw: string): Article {
  return toArticle(analyze(extract({ uri, format: 'text', raw, record: {}, messages: [] }, DEFAULT_CONTEXT), DEFAULT_CONTEXT));
}

function legendNumbers(page: string, attr: 'counted' | 'marked'): Record<string, number> {
  const legend = page.slice(page.indexOf('<aside class="legend"'), page.indexOf('</aside>'));
  const out: Record<string, number> = {};
  for (const m of legend.matchAll(new RegExp(`data-${attr}="([a-z-]+)"[^>]*>(\\d+)<`, 'g'))) out[m[1] as string] = Number(m[2]);
  return out;
}

const QUOTED = `Council vote on new bridge

The Shocking Failure of the Council

The council voted on Tuesday to delay the new bridge. "This is a disgraceful, shameful decision and it could cost lives," said Mara Olsen, who leads the residents' group. The mayor may appeal, officials said. It is believed the vote will be repeated in March.
`;

test('the legend counts what the profile counts: examples, seeds, quotes and headings', () => {
  const dir = fileURLToPath(new URL('../../examples/', import.meta.url));
  const inputs: [string, string][] = [['quoted.txt', QUOTED]];
  for (const sub of ['corpus', 'fire']) {
    for (const f of readdirSync(join(dir, sub)).filter((x) => x.endsWith('.txt'))) inputs.push([f, readFileSync(join(dir, sub, f), 'utf8')]);
  }
  if (existsSync(SEEDS)) for (const f of readdirSync(SEEDS).filter((x) => x.endsWith('.txt'))) inputs.push([f, readFileSync(join(SEEDS, f), 'utf8')]);
  let quotedMarks = 0;
  for (const [uri, raw] of inputs) {
    const a = article(uri, raw);
    const page = articlePage({ article: a, storyId: null, story: null }, null, false, '/a.json').toString();
    const counted = legendNumbers(page, 'counted');
    const p = a.profile;
    assert.deepEqual(counted, { opinion: p.opinionSentences, loaded: p.loadedWords, hedge: p.hedges }, uri);
    const marked = legendNumbers(page, 'marked');
    assert.equal(marked['loaded'], a.signals.filter((s) => s.kind === 'loaded').length, `${uri}: every loaded mark is shown in the legend`);
    quotedMarks += a.signals.filter((s) => s.kind !== 'opinion' && s.detail.endsWith('(in quote)')).length;
    // the profile section on the same page prints the same numbers
    // (with how many phrases carry them where a mark has several words: "10 in 8 phrases")
    const phrases = new Set(a.signals.filter((s) => s.kind === 'loaded' && !s.detail.endsWith('(in quote)')).map((s) => `${s.span.start}`)).size;
    assert.ok(page.includes(`<dt>Loaded words</dt><dd>${p.loadedWords}${phrases > 0 && phrases !== p.loadedWords ? ` in ${phrases} phrase${phrases === 1 ? '' : 's'}` : ''} (`), uri);
    assert.ok(page.includes(`<dt>Hedges</dt><dd>${p.hedges}</dd>`), uri);
  }
  assert.ok(quotedMarks >= 2, 'the inputs have quoted loaded words or hedges: marked, not counted');
});
