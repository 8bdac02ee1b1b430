/**
 * The JSON report: a public contract (schema "crosscheck/1"). Every object is rebuilt field by
 * field so the key order is fixed whatever order the stages filled the objects in, and so the
 * working layers of a Doc (raw, tokens) can never leak into the report even when a Doc is passed
 * where an Article is expected. Renaming or dropping a key here breaks users: add, never rename.
 */
import type {
  Article, Attribution, Claim, Comparison, Conflict, Coverage, Entity, Evidence, Fact, FactMember, FieldSource,
  MemberStanceModel, Message, Paragraph, Profile, Quote, Removed, Repair, Reuse, Signal, Span, Story, WeightedFact,
} from '../model/index.js';
import { storySynopsis, type SynopsisLine } from './outline.js';
import { VERSION } from './version.js';

export const SCHEMA = 'crosscheck/1';

export interface JSONOptions {
  /** Who made the report; defaults to "crosscheck <version>". */
  generatedBy?: string;
}

/** The report as plain data, ready for JSON.stringify, with a deterministic key order. */
export function toJSON(c: Comparison, options: JSONOptions = {}): unknown {
  return {
    schema: SCHEMA,
    generatedBy: options.generatedBy ?? `crosscheck ${VERSION}`,
    articles: c.articles.map(articleJSON),
    stories: c.stories.map(storyJSON),
    messages: c.messages.map(messageJSON),
  };
}

export function renderJSON(c: Comparison, options: JSONOptions = {}): string {
  return JSON.stringify(toJSON(c, options), null, 2) + '\n';
}

function spanJSON(s: Span): Span {
  return { start: s.start, end: s.end };
}

function evidenceJSON(e: Evidence): Evidence {
  return { articleId: e.articleId, span: spanJSON(e.span), text: e.text };
}

function fieldJSON(f: FieldSource | null): FieldSource | null {
  if (!f) return null;
  const out: FieldSource = { value: f.value, from: f.from, span: f.span ? spanJSON(f.span) : null, text: f.text };
  if (f.via !== undefined) out.via = f.via;
  if (f.confidence !== undefined) out.confidence = f.confidence;
  return out;
}

function messageJSON(m: Message): Message {
  const out: { -readonly [K in keyof Message]: Message[K] } = { code: m.code, severity: m.severity, stage: m.stage, reason: m.reason, hint: m.hint };
  if (m.uri !== undefined) out.uri = m.uri;
  if (m.span !== undefined) out.span = spanJSON(m.span);
  return out;
}

function articleJSON(a: Article): Article {
  return {
    id: a.id,
    contentHash: a.contentHash,
    uri: a.uri,
    format: a.format,
    url: a.url,
    outlet: a.outlet,
    title: a.title,
    byline: a.byline,
    publishedAt: a.publishedAt,
    ...(a.modifiedAt !== undefined ? { modifiedAt: a.modifiedAt } : {}),
    ...(a.authors !== undefined ? { authors: [...a.authors] } : {}),
    lang: a.lang,
    fields: {
      title: fieldJSON(a.fields.title),
      byline: fieldJSON(a.fields.byline),
      publishedAt: fieldJSON(a.fields.publishedAt),
      outlet: fieldJSON(a.fields.outlet),
      ...(a.fields.modifiedAt !== undefined ? { modifiedAt: fieldJSON(a.fields.modifiedAt) } : {}),
    },
    text: a.text,
    paragraphs: a.paragraphs.map((p): Paragraph => ({ span: spanJSON(p.span), kind: p.kind })),
    sentences: a.sentences.map(spanJSON),
    removed: a.removed.map((r): Removed => ({ ...evidenceJSON(r), kind: r.kind })),
    repairs: a.repairs.map((r): Repair => ({ ...evidenceJSON(r), kind: r.kind, before: r.before, rawSpan: spanJSON(r.rawSpan) })),
    entities: a.entities.map((e): Entity => ({ ...evidenceJSON(e), type: e.type, canonical: e.canonical })),
    quotes: a.quotes.map((q): Quote => ({
      ...evidenceJSON(q),
      speaker: q.speaker ? evidenceJSON(q.speaker) : null,
      speakerCanonical: q.speakerCanonical,
      speakerKind: q.speakerKind,
      ...(q.short ? { short: q.short } : {}),
    })),
    attributions: a.attributions.map((t): Attribution => ({
      ...evidenceJSON(t),
      kind: t.kind,
      source: t.source ? evidenceJSON(t.source) : null,
      sourceCanonical: t.sourceCanonical,
      cue: t.cue,
      sentence: t.sentence,
      ...(t.outlet !== undefined ? { outlet: t.outlet } : {}),
    })),
    claims: a.claims.map((k): Claim => ({ ...evidenceJSON(k), checkworthy: k.checkworthy, sentence: k.sentence })),
    signals: a.signals.map((s): Signal => ({ ...evidenceJSON(s), kind: s.kind, weight: s.weight, detail: s.detail })),
    profile: profileJSON(a.profile),
    messages: a.messages.map(messageJSON),
  };
}

function profileJSON(p: Profile): Profile {
  return {
    kind: p.kind,
    sentences: p.sentences,
    opinionSentences: p.opinionSentences,
    opinionShare: p.opinionShare,
    words: p.words,
    loadedWords: p.loadedWords,
    loadedPer1000: p.loadedPer1000,
    hedges: p.hedges,
    attributions: { named: p.attributions.named, anonymous: p.attributions.anonymous, relayed: p.attributions.relayed ?? 0, dangling: p.attributions.dangling },
    quotes: p.quotes,
    quotedSpeakers: [...p.quotedSpeakers],
    ...(p.quoted ? { quoted: p.quoted.map((s) => ({ ...s, named: s.named ? { ...s.named, span: { ...s.named.span } } : null, quotes: s.quotes.map((e) => ({ ...e, span: { ...e.span } })) })) } : {}),
    ...(p.biasedSentences !== undefined ? { biasedSentences: p.biasedSentences, biasShare: p.biasShare ?? 0 } : {}),
    sensationalTitle: p.sensationalTitle,
    removedChars: p.removedChars,
    repairs: p.repairs,
  };
}

function storyJSON(s: Story): Story & { synopsis: SynopsisLine[] } {
  return {
    id: s.id,
    title: s.title,
    articleIds: [...s.articleIds],
    outlets: [...s.outlets],
    firstPublished: s.firstPublished,
    lastPublished: s.lastPublished,
    origins: s.origins.map((group) => [...group]),
    facts: s.facts.map(factJSON),
    reuse: s.reuse.map(reuseJSON),
    coverage: s.coverage.map((v): Coverage => ({
      articleId: v.articleId, outlet: v.outlet, only: [...v.only], missing: [...v.missing],
      ...(v.omitted ? { omitted: v.omitted.map(weightedJSON) } : {}),
      ...(v.added ? { added: v.added.map(weightedJSON) } : {}),
    })),
    // Added with issue #15 (last, so the keys before keep their places): the best-corroborated facts in a few lines.
    synopsis: storySynopsis(s),
  };
}

function weightedJSON(w: WeightedFact): WeightedFact {
  return { factId: w.factId, weight: w.weight, origins: w.origins, articles: w.articles, evidence: w.evidence.map((e) => ({ articleId: e.articleId, span: { start: e.span.start, end: e.span.end }, text: e.text })) };
}

function factJSON(f: Fact): Fact {
  return {
    id: f.id,
    status: f.status,
    independentOrigins: f.independentOrigins,
    articleIds: [...f.articleIds],
    summary: f.summary,
    members: f.members.map((m): FactMember => ({ ...evidenceJSON(m), stance: m.stance, ...(m.via ? { via: m.via } : {}), ...(m.stanceModel ? { stanceModel: stanceModelJSON(m.stanceModel) } : {}) })),
    conflicts: f.conflicts.map((k): Conflict => ({ kind: k.kind, a: evidenceJSON(k.a), b: evidenceJSON(k.b), detail: k.detail })),
    ...(f.updates ? { updates: f.updates.map((u) => ({ earlier: evidenceJSON(u.earlier), later: evidenceJSON(u.later), detail: u.detail })) } : {}),
  };
}

function stanceModelJSON(m: MemberStanceModel): MemberStanceModel {
  return { label: m.label, agree: m.agree, disagree: m.disagree, discuss: m.discuss, unrelated: m.unrelated, evidence: m.evidence.map(evidenceJSON), changed: m.changed };
}

function reuseJSON(r: Reuse): Reuse {
  return {
    from: r.from,
    to: r.to,
    share: r.share,
    direction: r.direction,
    passages: r.passages.map((p) => ({ from: evidenceJSON(p.from), to: evidenceJSON(p.to) })),
    // Added with issue #14 (last, so the keys before keep their places): the three classes and rewritten sentences.
    ...(r.derived ? { derived: r.derived } : {}),
    ...(r.derivation !== undefined ? { derivation: r.derivation } : {}),
    ...(r.rewritten ? { rewritten: r.rewritten.map((p) => ({ from: evidenceJSON(p.from), to: evidenceJSON(p.to) })) } : {}),
  };
}
