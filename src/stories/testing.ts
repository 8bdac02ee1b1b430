/**
 * Test support for src/stories: Articles built straight from text (every analysis layer empty,
 * as the stages give before they land), and the Evidence invariant every test checks.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { emptyProfile, type Article, type Evidence, type Story } from '../model/index.js';

export interface TestArticleFields {
  id?: string;
  outlet?: string;
  publishedAt?: string;
  title?: string;
}

export function testArticle(text: string, fields: TestArticleFields = {}): Article {
  const contentHash = createHash('sha256').update(text).digest('hex');
  return {
    id: fields.id ?? contentHash.slice(0, 16),
    contentHash,
    uri: fields.id ?? 'test',
    format: 'text',
    url: null,
    outlet: fields.outlet ?? null,
    title: fields.title ?? null,
    byline: null,
    publishedAt: fields.publishedAt ?? null,
    lang: 'en',
    fields: { title: null, byline: null, publishedAt: null, outlet: null },
    text,
    paragraphs: [],
    sentences: [],
    removed: [],
    repairs: [],
    entities: [],
    quotes: [],
    attributions: [],
    claims: [],
    signals: [],
    profile: emptyProfile(),
    messages: [],
  };
}

/** Every Evidence in the stories is the exact text of its article at its span. */
export function assertEvidence(stories: readonly Story[], articles: readonly Article[]): void {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const check = (e: Evidence): void => {
    const a = byId.get(e.articleId);
    assert.ok(a, `unknown article ${e.articleId}`);
    assert.equal(e.text, a.text.slice(e.span.start, e.span.end));
    assert.ok(e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= a.text.length);
  };
  for (const s of stories) {
    for (const f of s.facts) {
      for (const m of f.members) check(m);
      for (const c of f.conflicts) {
        check(c.a);
        check(c.b);
      }
    }
    for (const r of s.reuse) for (const p of r.passages) {
      check(p.from);
      check(p.to);
    }
  }
}

/** The facts (of any story) with a member from each article whose text matches each pattern. */
export function factsWith(stories: readonly Story[], ...patterns: RegExp[]): Story['facts'] {
  return stories.flatMap((s) => s.facts).filter((f) => patterns.every((re) => f.members.some((m) => re.test(m.text))));
}
