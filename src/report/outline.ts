/**
 * What a report says, before it is laid out: the terminal and Markdown renderers walk the same
 * outline, so they show the same content in the same order. Nothing here formats or escapes;
 * labels are already free of control characters (they come from outlets and file names).
 */
import { countedAttributions, emptyProfile, isQuotedSignal, type Article, type Attribution, type AttributionKind, type Comparison, type Fact, type Quote, type Reuse, type Signal, type Story, type WeightedFact } from '../model/index.js';
import { plain } from './sanitize.js';

/** How many shared passages a reuse entry shows (the longest ones). */
export const REUSE_PASSAGES_SHOWN = 3;
/** Longest list of one kind printed in full (attributions, quotes, facts per outlet); the JSON has all. */
export const LIST_MAX = 10;
/** Facts in a story's synopsis: a reader gets the gist in a few lines, the fact grid has the rest. */
export const SYNOPSIS_FACTS = 3;

/** One line of a story's synopsis: a fact's clearest wording and how many independent origins report it. */
export interface SynopsisLine {
  factId: string;
  text: string;
  independentOrigins: number;
  articles: number;
}

/**
 * A short synopsis of a story: its best-corroborated facts (most independent origins, then most
 * articles, then the order of the story's facts), each once: a disputed fact is not told as
 * settled, and a fact that repeats the wording of one already taken adds nothing. Each line is a
 * statement: where a fact's summary is a fragment ("when fire swept through the depot", "Joseph
 * Yun, the U.S. envoy to North Korea") the line takes the fullest member wording that is one, and
 * facts with no such wording come after those with one.
 */
export function storySynopsis(story: Story, max: number = SYNOPSIS_FACTS): SynopsisLine[] {
  const order = new Map(story.facts.map((f, i) => [f.id, i]));
  const lines = story.facts
    .filter((f) => f.status === 'corroborated' && f.summary.trim().length > 0)
    .map((f) => {
      const summary = f.summary.trim();
      // the fullest member wording that is a statement (a body sentence over a headline)
      const statements = f.members.map((m) => m.text.trim()).filter((t) => t.length > 0 && !isFragment(t));
      const text = isFragment(summary) && statements.length ? statements.reduce((x, y) => (y.length > x.length ? y : x)) : summary;
      return { f, text, fragment: isFragment(text) };
    })
    .sort(
      (a, b) =>
        Number(a.fragment) - Number(b.fragment) ||
        b.f.independentOrigins - a.f.independentOrigins ||
        b.f.articleIds.length - a.f.articleIds.length ||
        (order.get(a.f.id) ?? 0) - (order.get(b.f.id) ?? 0),
    );
  const out: SynopsisLine[] = [];
  const seen = new Set<string>();
  for (const { f, text } of lines) {
    if (out.length >= max) break;
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ factId: f.id, text, independentOrigins: f.independentOrigins, articles: f.articleIds.length });
  }
  return out;
}

/** Words that open a clause that cannot stand alone ("when fire swept", "that a footbridge will"). */
const DEPENDENT_OPENERS = /^(?:when|while|whereas|after|before|as|since|because|although|though|if|unless|until|that|which|who|whom|whose|where|and|but|or|so|leaving|saying|including|with|without|the|a|an)\b/;

/**
 * A wording that is not a statement on its own: it opens in lower case with a word that makes it
 * part of a longer sentence, or it is a name and its description alone ("Pak Song Il, a senior
 * North Korean diplomat at the United Nations").
 */
export function isFragment(text: string): boolean {
  const t = text.trim();
  if (DEPENDENT_OPENERS.test(t)) return true;
  // a name, a comma, then only a description: no second comma, no verb-like ending of its own
  return /^(?:[A-Z][\p{L}.'’-]*\s+){0,3}[A-Z][\p{L}.'’-]*,\s+(?:the|a|an)\s[^,;:]+$/u.test(t);
}

export interface ArticleRef {
  article: Article;
  /** A short name for the article: its outlet, else its file name; unique within the report. */
  label: string;
}

export interface StoryOutline {
  story: Story;
  /** The story's articles, in the story's order. */
  refs: ArticleRef[];
  outletCount: number;
  /** Articles of the story whose outlet is not known. */
  unknownOutlets: number;
  counts: { corroborated: number; singleSource: number; disputed: number };
  /** The best-corroborated facts in a few lines (storySynopsis). */
  synopsis: SynopsisLine[];
  disputed: Fact[];
  /** Most independent origins first. */
  corroborated: Fact[];
  /**
   * Single-source facts grouped by the origin that has them: the article it starts from, the
   * copies of it that carry the fact too (reuse), and the outlet its articles relay it from
   * ("the AP reported": `via`), when they say so.
   */
  single: { ref: ArticleRef; copies: ArticleRef[]; via: string | null; facts: Fact[]; others?: ArticleRef[] }[];
  /**
   * Facts reported elsewhere that an article leaves out (coverage.missing): `facts` are those more
   * than one origin reports (most origins first), or unknown ids; `singleSource` counts the rest,
   * which the single-source section already lists.
   */
  missing: { ref: ArticleRef; total: number; facts: { id: string; fact: Fact | null }[]; singleSource: number }[];
  reuse: ReuseOutline[];
}

export interface ReuseOutline {
  reuse: Reuse;
  from: string;
  to: string;
  /** The longest shared passages, longest first. */
  passages: Reuse['passages'];
  /** The copy's first rewritten sentences, with the source sentence each rewrites (absent before the classes existed). */
  rewritten: NonNullable<Reuse['rewritten']>;
}

export interface WordCount {
  word: string;
  count: number;
}

export interface ProfileOutline {
  ref: ArticleRef;
  attributions: Record<AttributionKind, Attribution[]>;
  sensational: Signal[];
  opinion: Signal[];
  loaded: WordCount[];
  hedges: WordCount[];
  /** First-person and intensifier signals, by kind. */
  other: { kind: string; words: WordCount[] }[];
  quotes: Quote[];
  /** Facts of its story this article leaves out and facts only it adds (coverage), most central first. */
  omitted: { fact: Fact | null; item: WeightedFact }[];
  /** How many facts it leaves out in all (`omitted` lists the most central of them). */
  omittedCount: number;
  added: { fact: Fact | null; item: WeightedFact }[];
}

export interface ReportOutline {
  refs: Map<string, ArticleRef>;
  stories: StoryOutline[];
  /** Every article, in input order: story members first appear under their story. */
  profiles: ProfileOutline[];
  /** Articles in no story. */
  unassigned: ArticleRef[];
}

export function outline(c: Comparison): ReportOutline {
  const refs = labelArticles(c.articles);
  const stories = c.stories.map((s) => storyOutline(s, refs));
  const inStory = new Set(c.stories.flatMap((s) => s.articleIds));
  const unassigned = [...refs.values()].filter((r) => !inStory.has(r.article.id));
  const factById = new Map(c.stories.flatMap((st) => st.facts.map((f) => [f.id, f] as const)));
  const coverageOf = new Map(c.stories.flatMap((st) => st.coverage.map((v) => [v.articleId, v] as const)));
  const profiles = [...refs.values()].map((r) => {
    const v = coverageOf.get(r.article.id);
    const withFact = (item: WeightedFact): { fact: Fact | null; item: WeightedFact } => ({ fact: factById.get(item.factId) ?? null, item });
    const omitted = (v?.omitted ?? []).map(withFact);
    return { ...profileOutline(r), omitted, omittedCount: Math.max(omitted.length, v?.missing.length ?? 0), added: (v?.added ?? []).map(withFact) };
  });
  return { refs, stories, profiles, unassigned };
}

/** Labels: the outlet, else the file name; when two articles share one, the file name is added. */
export function labelArticles(articles: readonly Article[]): Map<string, ArticleRef> {
  const first = articles.map((a) => plain(a.outlet ?? '') || fileName(a.uri));
  const seen = new Map<string, number>();
  for (const l of first) seen.set(l, (seen.get(l) ?? 0) + 1);
  const second = articles.map((a, i) => {
    const l = first[i] ?? '';
    const file = fileName(a.uri);
    return (seen.get(l) ?? 0) > 1 && l !== file ? `${l} (${file})` : l;
  });
  const used = new Map<string, number>();
  const refs = new Map<string, ArticleRef>();
  articles.forEach((article, i) => {
    let label = second[i] ?? article.id;
    const n = (used.get(label) ?? 0) + 1;
    used.set(label, n);
    if (n > 1) label = `${label} #${n}`;
    refs.set(article.id, { article, label });
  });
  return refs;
}

/** "data/seeds/000.txt" -> "000.txt"; "feed.jsonl:3" -> "feed.jsonl:3". */
export function fileName(uri: string): string {
  const parts = plain(uri).split(/[\\/]/);
  return parts[parts.length - 1] || uri;
}

/** A label for an article id, even one the comparison does not hold. */
export function labelOf(refs: Map<string, ArticleRef>, id: string): string {
  return refs.get(id)?.label ?? plain(id);
}

function storyOutline(story: Story, refs: Map<string, ArticleRef>): StoryOutline {
  // Oldest first (undated last, then as the story lists them): who published first reads off the order.
  const members = chronological(story.articleIds.map((id) => refs.get(id)).filter((r): r is ArticleRef => r !== undefined));
  const outlets = new Set(story.outlets.length ? story.outlets : members.flatMap((r) => (r.article.outlet ? [r.article.outlet] : [])));
  const facts = story.facts;
  const corroborated = facts.filter((f) => f.status === 'corroborated').sort((a, b) => b.independentOrigins - a.independentOrigins);
  const disputed = facts.filter((f) => f.status === 'disputed');
  const singleFacts = facts.filter((f) => f.status === 'single-source');
  const order = new Map(members.map((r, i) => [r.article.id, i]));
  const copied = new Set(story.reuse.map((r) => `${r.from}\u0001${r.to}`));
  const byOrigin = new Map<string, { head: string; copies: string[]; others: string[]; via: string | null; facts: Fact[] }>();
  // A copy shares the head's origin; an article of another origin in a single-source fact (one
  // that only mentions it, as someone's claim) is no copy and is named apart.
  const originGroup = new Map(story.origins.flatMap((g, n) => g.map((id): [string, number] => [id, n])));
  const sameOrigin = (x: string, y: string): boolean => originGroup.has(x) ? originGroup.get(x) === originGroup.get(y) : copied.has(`${x}\u0001${y}`) || copied.has(`${y}\u0001${x}`);
  for (const f of singleFacts) {
    const ids = [...new Set(f.articleIds.length ? f.articleIds : f.members.map((m) => m.articleId))].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
    // The origin's first article: the one that is no copy of another of them (reuse pairs), else the first in the story's order.
    // The one origin is the article that asserts the fact: one that only mentions it (as someone's claim) is not it.
    const asserting = ids.filter((id) => f.members.some((m) => m.articleId === id && m.stance === 'asserts'));
    const pool = asserting.length ? asserting : ids;
    const head = pool.find((id) => !ids.some((other) => copied.has(`${other}\u0001${id}`))) ?? pool[0] ?? '';
    const copies = ids.filter((id) => id !== head && sameOrigin(head, id));
    const others = ids.filter((id) => id !== head && !sameOrigin(head, id));
    const vias = new Set(f.members.map((m) => m.via ?? null));
    const via = vias.size === 1 ? ([...vias][0] ?? null) : null;
    const key = `${head}\u0001${copies.join('\u0001')}\u0001${via ?? ''}\u0002${others.join('\u0001')}`;
    const group = byOrigin.get(key);
    if (group) group.facts.push(f);
    else byOrigin.set(key, { head, copies, others, via, facts: [f] });
  }
  const refOf = (id: string): ArticleRef => refs.get(id) ?? { article: placeholder(id), label: plain(id) };
  const single = [...byOrigin.values()]
    .sort((a, b) => (order.get(a.head) ?? Infinity) - (order.get(b.head) ?? Infinity) || a.copies.length - b.copies.length || (a.via ?? '').localeCompare(b.via ?? ''))
    .map((g) => ({ ref: refOf(g.head), copies: g.copies.map(refOf), via: g.via, facts: g.facts, ...(g.others.length ? { others: g.others.map(refOf) } : {}) }));
  const factById = new Map(facts.map((f) => [f.id, f]));
  const missing = story.coverage
    .filter((v) => v.missing.length > 0)
    .map((v) => ({
      ref: refs.get(v.articleId) ?? { article: placeholder(v.articleId), label: plain(v.outlet ?? v.articleId) },
      ...missingFacts(v.missing, factById),
    }));
  return {
    story,
    refs: members,
    outletCount: outlets.size,
    unknownOutlets: members.filter((r) => !r.article.outlet).length,
    counts: { corroborated: corroborated.length, singleSource: singleFacts.length, disputed: disputed.length },
    synopsis: storySynopsis(story),
    disputed,
    corroborated,
    single,
    missing,
    reuse: [...story.reuse].sort((a, b) => b.share - a.share).map((r) => reuseOutline(r, refs)),
  };
}

function missingFacts(ids: readonly string[], factById: Map<string, Fact>): { total: number; facts: { id: string; fact: Fact | null }[]; singleSource: number } {
  const all = ids.map((id) => ({ id, fact: factById.get(id) ?? null }));
  const shared = all
    .filter((m) => m.fact?.status !== 'single-source')
    .sort((a, b) => (b.fact?.independentOrigins ?? 0) - (a.fact?.independentOrigins ?? 0));
  return { total: all.length, facts: shared, singleSource: all.length - shared.length };
}

function reuseOutline(reuse: Reuse, refs: Map<string, ArticleRef>): ReuseOutline {
  const passages = [...reuse.passages]
    .sort((a, b) => b.to.text.length - a.to.text.length)
    .slice(0, REUSE_PASSAGES_SHOWN);
  return { reuse, from: labelOf(refs, reuse.from), to: labelOf(refs, reuse.to), passages, rewritten: (reuse.rewritten ?? []).slice(0, REUSE_PASSAGES_SHOWN) };
}

function profileOutline(ref: ArticleRef): ProfileOutline {
  const a = ref.article;
  const attributions: Record<AttributionKind, Attribution[]> = { named: [], anonymous: [], relayed: [], dangling: [] };
  for (const t of countedAttributions(a.attributions, a.paragraphs)) attributions[t.kind].push(t); // as the profile counts them
  const ofKind = (kind: Signal['kind']) => a.signals.filter((s) => s.kind === kind);
  return {
    ref,
    attributions,
    sensational: ofKind('sensational-title'),
    opinion: ofKind('opinion'),
    // the writer's words, as the profile counts them (a quoted speaker's words are not the article's)
    loaded: countWords(ofKind('loaded').filter((s) => !isQuotedSignal(s))),
    hedges: countWords(ofKind('hedge').filter((s) => !isQuotedSignal(s))),
    other: (['first-person', 'intensifier'] as const)
      .map((kind) => ({ kind, words: countWords(ofKind(kind)) }))
      .filter((o) => o.words.length > 0),
    quotes: a.quotes.filter((q) => !q.short),
    omitted: [],
    omittedCount: 0,
    added: [],
  };
}

/** Signals grouped by their lower-cased words, most frequent first, then alphabetically. */
export function countWords(signals: readonly Signal[]): WordCount[] {
  const counts = new Map<string, number>();
  for (const s of signals) {
    const w = plain(s.text).toLowerCase();
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}

/** The words leading up to an attribution within its sentence: "citing officials, according to". */
export function attributionContext(a: Article, t: Attribution): string {
  const sentence = a.sentences[t.sentence];
  const start = sentence && sentence.start <= t.span.start ? sentence.start : t.span.start;
  return a.text.slice(start, t.span.end);
}

const CANONICAL_ID = /^[a-z]+:[\p{L}\p{N}-]+$/u;

/** Words that stand for a source named elsewhere: displayName shows the name instead. */
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'him', 'her', 'them']);

/**
 * A readable name for a speaker or source: the words of the article's first mention of a
 * canonical id ("person:rhys-calloway" -> "Rhys Calloway"), else the phrase as it is.
 */
export function displayName(a: Article, canonicalOrPhrase: string | null, words: string | null = null): string {
  // "she said", "It has not said": a pronoun resolved to a name shows the name it stands for
  if (words && !(PRONOUNS.has(words.toLowerCase()) && canonicalOrPhrase && CANONICAL_ID.test(canonicalOrPhrase))) return plain(words);
  if (!canonicalOrPhrase) return '';
  if (!CANONICAL_ID.test(canonicalOrPhrase)) return plain(canonicalOrPhrase);
  const mention = a.entities.find((e) => e.canonical === canonicalOrPhrase);
  if (mention) return plain(mention.text);
  const slug = canonicalOrPhrase.slice(canonicalOrPhrase.indexOf(':') + 1);
  return slug.split('-').map((w) => (w ? w[0]?.toUpperCase() + w.slice(1) : w)).join(' ');
}

/** Story time span in words: "published 2017-11-02 to 2017-11-03 (1 day apart)". */
export function timeSpan(story: Story): string {
  const { firstPublished: first, lastPublished: last } = story;
  if (!first && !last) return 'publication dates not known';
  if (!first || !last || first === last) return `published ${plain(first ?? last ?? '')}`;
  // A bare date is a whole day: compare days, not hours from midnight UTC.
  const dateOnly = !first.includes('T') || !last.includes('T');
  const ms = dateOnly ? Date.parse(last.slice(0, 10)) - Date.parse(first.slice(0, 10)) : Date.parse(last) - Date.parse(first);
  let apart = '';
  if (dateOnly && ms === 0) apart = ' (the same day)';
  else if (Number.isFinite(ms) && ms >= 0) {
    const hours = Math.round(ms / 3_600_000);
    const days = Math.round(hours / 24);
    apart = hours < 24 ? ` (${hours} hour${hours === 1 ? '' : 's'} apart)` : ` (${days} day${days === 1 ? '' : 's'} apart)`;
  }
  return `published ${plain(first)} to ${plain(last)}${apart}`;
}

/** "2 articles from 2 outlets", "3 articles from 1 outlet (1 without an outlet)". */
export function articleCount(s: StoryOutline): string {
  const n = s.story.articleIds.length;
  const articles = `${n} article${n === 1 ? '' : 's'}`;
  if (s.outletCount === 0) return `${articles}, outlets not known`;
  const unknown = s.unknownOutlets ? ` (${s.unknownOutlets} without an outlet)` : '';
  return `${articles} from ${s.outletCount} outlet${s.outletCount === 1 ? '' : 's'}${unknown}`;
}

/** METER's three classes (Reuse.derived), as a reader is told them; empty before the classes existed. */
export function derivedLabel(r: Reuse): string {
  if (r.derived === undefined) return '';
  const name = r.derived === 'wholly' ? 'wholly derived' : r.derived === 'partially' ? 'partially derived' : 'not derived, shares words only';
  return r.derivation === undefined ? name : `${name} (derivation ${r.derivation.toFixed(2)})`;
}

export const REUSE_DIRECTION: Record<Reuse['direction'], string> = {
  'published-earlier': 'published earlier',
  'cites-source': 'named as the source by the copy',
  'written-later': 'it tells the event as today’s, the copy as yesterday’s',
  'trims-source': 'its sentences trimmed by the copy',
  'contains-other': 'the fuller text',
  undetermined: 'which came first is not known',
};

function placeholder(id: string): Article {
  return {
    id, contentHash: '', uri: id, format: 'text', url: null, outlet: null, title: null, byline: null, publishedAt: null, lang: null,
    fields: { title: null, byline: null, publishedAt: null, outlet: null }, text: '', paragraphs: [], sentences: [], removed: [],
    repairs: [], entities: [], quotes: [], attributions: [], claims: [], signals: [], profile: emptyProfile(), messages: [],
  };
}

/**
 * " in N phrases" when the count of loaded words (each word of a multi-word phrase counts, as in
 * the profile) differs from the number of marked phrases: "loaded words: 11 in 8 phrases" reads
 * true beside a list of eight marks, where "11" alone read as three marks missing.
 */
export function phrases(words: number, loaded: readonly WordCount[]): string {
  const marks = loaded.reduce((n, w) => n + w.count, 0);
  return marks > 0 && marks !== words ? ` in ${marks} phrase${marks === 1 ? '' : 's'}` : '';
}

/** The writer's loaded phrases of an article (quoted ones left out, as the profile counts them). */
export function loadedPhrases(a: Pick<Article, 'signals'>): WordCount[] {
  return countWords(a.signals.filter((s) => s.kind === 'loaded' && !isQuotedSignal(s)));
}

/** Articles oldest first by publication time; undated ones after them, in the order given. */
function chronological(refs: readonly ArticleRef[]): ArticleRef[] {
  const time = (r: ArticleRef): number => {
    const t = r.article.publishedAt ? Date.parse(r.article.publishedAt) : NaN;
    return Number.isFinite(t) ? t : Infinity;
  };
  return refs.map((r, i) => ({ r, i, t: time(r) })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.r);
}
