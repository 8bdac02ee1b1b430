/**
 * Small hand-built articles and stories for the store's tests (the analysis stages are built
 * elsewhere; the store only needs values of the right shape whose spans are honest).
 */
import { createHash } from 'node:crypto';
import { emptyProfile, evidence, type Article, type Fact, type FactStatus, type Story } from '../model/index.js';

export interface ArticleSpec {
  id?: string;
  text?: string;
  title?: string | null;
  outlet?: string | null;
  publishedAt?: string | null;
  uri?: string;
}

/** An article with every layer filled (one of each), spans pointing into its text. */
export function makeArticle(spec: ArticleSpec = {}): Article {
  const title = spec.title === undefined ? 'Diplomat says talks are open' : spec.title;
  const body = spec.text ?? 'Pak Song Il, a senior North Korean diplomat, said talks were open. "We are listening," he said, according to officials.';
  const text = title === null ? body : `${title}\n\n${body}`;
  const contentHash = createHash('sha256').update(`${spec.uri ?? ''}\u0000${text}`).digest('hex');
  const id = spec.id ?? contentHash.slice(0, 16);
  const at = (word: string) => {
    const start = Math.max(0, text.indexOf(word));
    return { start, end: start + (text.indexOf(word) < 0 ? 0 : word.length) };
  };
  const body0 = title === null ? 0 : title.length + 2;
  const titleSpan = { start: 0, end: title?.length ?? 0 };
  return {
    id,
    contentHash,
    uri: spec.uri ?? `test/${id}.txt`,
    format: 'text',
    url: null,
    outlet: spec.outlet === undefined ? 'Example Wire' : spec.outlet,
    title,
    byline: null,
    publishedAt: spec.publishedAt === undefined ? '2017-11-02' : spec.publishedAt,
    lang: 'en',
    fields: {
      title: title === null ? null : { value: title, from: 'text', span: titleSpan, text: title },
      byline: null,
      publishedAt: spec.publishedAt ? { value: spec.publishedAt, from: 'record', span: null, text: null } : null,
      outlet: spec.outlet ? { value: spec.outlet, from: 'record', span: null, text: null } : null,
    },
    text,
    paragraphs: [
      ...(title === null ? [] : [{ span: titleSpan, kind: 'title' as const }]),
      { span: { start: body0, end: text.length }, kind: 'body' },
    ],
    sentences: [{ start: body0, end: text.length }],
    removed: [{ ...evidence(id, 'Comments (3)', { start: 0, end: 12 }), kind: 'comment-widget' }],
    repairs: [{ ...evidence(id, text, at('said')), kind: 'glued-words', before: 'saidtalks', rawSpan: { start: 3, end: 12 } }],
    entities: [{ ...evidence(id, text, at('Pak Song Il')), type: 'person', canonical: 'person:pak-song-il' }],
    quotes: [{ ...evidence(id, text, at('"We are listening,"')), speaker: null, speakerCanonical: null, speakerKind: 'unknown' }],
    attributions: [{ ...evidence(id, text, at('according to')), kind: 'dangling', source: null, sourceCanonical: null, cue: 'according to', sentence: 0 }],
    claims: [{ ...evidence(id, text, { start: body0, end: text.length }), checkworthy: 0.75, sentence: 0 }],
    signals: [{ ...evidence(id, text, at('open')), kind: 'hedge', weight: 0.5, detail: 'lexicon: open — ünïcode ✓ 😀' }],
    profile: { ...emptyProfile(), sentences: 1, words: text.split(/\s+/).length, quotedSpeakers: ['person:pak-song-il'] },
    messages: [{ code: 'CC202', severity: 'info', stage: 'extract', reason: 'boilerplate removed', hint: 'kept in removed' }],
  };
}

/** N distinct articles (different text each), published a day apart from 2017-11-01. */
export function makeArticles(n: number, spec: (i: number) => ArticleSpec = () => ({})): Article[] {
  return Array.from({ length: n }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    return makeArticle({ text: `Article number ${i}: the council met and voted ${i} times.`, publishedAt: `2017-11-${day}`, ...spec(i) });
  });
}

export function makeFact(storyId: string, ord: number, status: FactStatus, articles: readonly Article[], summary: string): Fact {
  return {
    id: `${storyId}-f${ord}`,
    status,
    independentOrigins: status === 'corroborated' ? articles.length : 1,
    articleIds: articles.map((a) => a.id),
    summary,
    members: articles.map((a) => ({ ...evidence(a.id, a.text, a.sentences[0] ?? { start: 0, end: 0 }), stance: status === 'disputed' ? 'disputes' : 'asserts' })),
    conflicts: [],
  };
}

/** A story over these articles with one fact of each status and one reuse link. */
export function makeStory(id: string, articles: readonly Article[], title = articles[0]?.title ?? id): Story {
  const dates = articles.flatMap((a) => (a.publishedAt ? [a.publishedAt] : [])).sort();
  const outlets = [...new Set(articles.flatMap((a) => (a.outlet ? [a.outlet] : [])))];
  const [a, b] = articles;
  return {
    id,
    title: title ?? id,
    articleIds: articles.map((x) => x.id),
    outlets,
    firstPublished: dates[0] ?? null,
    lastPublished: dates[dates.length - 1] ?? null,
    origins: articles.map((x) => [x.id]),
    facts: [
      makeFact(id, 0, 'corroborated', articles, `The council met (${id})`),
      makeFact(id, 1, 'single-source', articles.slice(0, 1), `Talks were open (${id})`),
      makeFact(id, 2, 'disputed', articles.slice(0, 2), `Twelve people were hurt (${id})`),
    ],
    reuse: a && b ? [{ from: a.id, to: b.id, share: 0.5, direction: 'published-earlier', passages: [{ from: evidence(a.id, a.text, { start: 0, end: 4 }), to: evidence(b.id, b.text, { start: 0, end: 4 }) }] }] : [],
    coverage: articles.map((x) => ({ articleId: x.id, outlet: x.outlet, only: [], missing: [] })),
  };
}

/** Filler that makes a crash-test batch take long enough to be killed in the middle of. */
const FILLER = 'The committee heard evidence from officials, residents and experts before it voted. '.repeat(20);

/** Batch `b` of the crash test: the same articles every time it is asked for. */
export function crashBatch(b: number, size: number): Article[] {
  return Array.from({ length: size }, (_, i) => makeArticle({ text: `Batch ${b} item ${i}. ${FILLER}`, publishedAt: '2017-11-02' }));
}
