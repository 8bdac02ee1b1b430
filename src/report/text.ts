/**
 * The terminal report: what a fact-checker on deadline scans. Per story: a header with counts,
 * the articles, disputed facts (both sides quoted), corroborated facts (each outlet's words and
 * the independent-origin count), single-source facts, what each outlet leaves out, text reuse;
 * then a profile of each article. Every label is shown with the exact words behind it.
 * Article text is untrusted: it reaches the terminal only through `plain`/`cut` (sanitize.ts).
 */
import { formatMessage, type Comparison, type Conflict, type Fact, type Message } from '../model/index.js';
import { palette, type Palette } from './ansi.js';
import { cutStart, percent, plural, quoted } from './excerpt.js';
import {
  LIST_MAX, REUSE_DIRECTION, articleCount, derivedLabel, attributionContext, displayName, fileName, labelOf, outline, phrases, timeSpan,
  type ArticleRef, type ProfileOutline, type ReportOutline, type StoryOutline, type WordCount,
} from './outline.js';
import { plain, stripControls } from './sanitize.js';
import { wrap } from './wrap.js';
import { topClaims } from '../analyze/claims-top.js';

/** Claims listed under WORTH CHECKING per story. */
const WORTH_CHECKING_SHOWN = 5;

export interface TextOptions {
  /** ANSI colours (the CLI decides from the TTY, NO_COLOR and FORCE_COLOR). Default false. */
  color?: boolean;
  /** Columns to wrap to. Default 100. */
  width?: number;
}

export const DEFAULT_WIDTH = 100;
/** Shorter quotes where many sit together (members of a fact, shared passages). */
const MEMBER_QUOTE_MAX = 160;
const EXCERPT_MAX = 90;

class Out {
  readonly lines: string[] = [];
  constructor(readonly width: number, readonly p: Palette) {}
  line(indent: number, text: string, hang = indent + 2): void {
    this.lines.push(...wrap(text, this.width, indent, hang));
  }
  blank(): void {
    if (this.lines.length && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }
  heading(title: string, note = ''): void {
    this.blank();
    this.line(0, this.p.bold(title) + (note ? ' ' + this.p.dim(`· ${note}`) : ''));
  }
  more(indent: number, total: number, shown: number): void {
    if (total > shown) this.line(indent, this.p.dim(`… and ${total - shown} more (see --json)`));
  }
}

export function renderText(c: Comparison, options: TextOptions = {}): string {
  const width = Math.max(40, Math.floor(options.width ?? DEFAULT_WIDTH));
  const out = new Out(width, palette(options.color ?? false));
  const o = outline(c);
  const { p } = out;
  out.line(0, p.bold('crosscheck') + ` · ${plural(c.stories.length, 'story', 'stories')} · ${plural(c.articles.length, 'article')}`);
  if (!c.articles.length) out.line(0, p.dim('No articles were read.'));
  o.stories.forEach((s, i) => story(out, o, s, i + 1));
  if (o.unassigned.length) {
    out.heading('ARTICLES IN NO STORY');
    for (const ref of o.unassigned) articleLine(out, ref);
  }
  if (o.profiles.length) {
    out.blank();
    out.lines.push(p.bold(p.cyan('═'.repeat(Math.min(width, 60)))));
    out.line(0, p.bold('PROFILES') + p.dim(' · how each article is written'));
    for (const profile of o.profiles) profileSection(out, profile);
  }
  if (c.messages.length) {
    out.heading('MESSAGES');
    messages(out, c.messages, 2);
  }
  return out.lines.join('\n') + '\n';
}

function story(out: Out, o: ReportOutline, s: StoryOutline, n: number): void {
  const { p } = out;
  out.blank();
  out.lines.push(p.bold(p.cyan('═'.repeat(Math.min(out.width, 60)))));
  const title = s.story.title || s.refs[0]?.article.title;
  out.line(0, p.bold(`STORY ${n}: ${title ? quoted(title, 140) : `(no title) ${s.refs[0]?.label ?? ''}`}`));
  out.line(2, `${articleCount(s)} · ${timeSpan(s.story)}`);
  const { corroborated, singleSource, disputed } = s.counts;
  out.line(2, `facts: ${p.green(`${corroborated} corroborated`)} · ${p.yellow(`${singleSource} single-source`)} · ${p.red(`${disputed} disputed`)}`);

  if (s.synopsis.length) {
    out.heading('SYNOPSIS', 'the best-corroborated facts');
    for (const l of s.synopsis) out.line(2, `• ${quoted(l.text, MEMBER_QUOTE_MAX)} ${p.dim(`(${plural(l.independentOrigins, 'independent origin')})`)}`, 4);
  }

  out.heading('ARTICLES');
  for (const ref of s.refs) articleLine(out, ref);

  // the claims most worth checking across the story (the check-worthiness model's scores)
  const worth = topClaims(s.refs.map((r) => r.article), { limit: WORTH_CHECKING_SHOWN });
  if (worth.length) {
    out.heading('WORTH CHECKING', 'the claims a fact-checker should look at first');
    for (const c of worth) {
      const who = c.speaker ? `${c.speaker.name}, ` : '';
      const also = c.alsoIn.length ? `; also ${c.alsoIn.map((id) => labelOf(o.refs, id)).join(', ')}` : '';
      out.line(2, `[${c.checkworthy.toFixed(2)}] ${quoted(c.text, MEMBER_QUOTE_MAX)} ${p.dim(`(${who}${labelOf(o.refs, c.articleId)}${also})`)}`, 4);
    }
  }

  if (s.disputed.length) {
    out.heading(p.red(`DISPUTED (${s.disputed.length})`), 'the outlets contradict each other');
    for (const f of s.disputed) disputedFact(out, o, f);
  }
  if (s.corroborated.length) {
    out.heading(p.green(`CORROBORATED (${s.corroborated.length})`), 'reported by more than one independent origin');
    for (const f of s.corroborated) {
      out.line(2, `• ${quoted(f.summary, MEMBER_QUOTE_MAX)}`, 4);
      out.line(4, p.dim(`${plural(f.independentOrigins, 'independent origin')}, ${plural(f.articleIds.length, 'article')}`));
      for (const m of f.members) out.line(4, `${p.bold(labelOf(o.refs, m.articleId))}${m.via ? p.dim(` (via ${m.via})`) : ''}: ${quoted(m.text, MEMBER_QUOTE_MAX)}${stanceNote(m.stance)}`, 6);
      updates(out, o, f);
    }
  }
  if (s.single.length) {
    out.heading(p.yellow(`SINGLE-SOURCE (${s.counts.singleSource})`), 'one origin only: not corroborated');
    for (const { ref, copies, via, facts, others } of s.single) {
      const chain = `${copies.length ? p.dim(` (+ copy ${copies.map((c) => c.label).join(', ')})`) : ''}${via ? p.dim(` (via ${via})`) : ''}${others?.length ? p.dim(` (also in ${others.map((c) => c.label).join(', ')}, not a copy)`) : ''}`;
      out.line(2, `Only in ${p.bold(ref.label)}${chain}:`);
      for (const f of facts.slice(0, LIST_MAX)) out.line(4, `• ${quoted(f.members[0]?.text ?? f.summary, MEMBER_QUOTE_MAX)}`, 6);
      out.more(4, facts.length, LIST_MAX);
    }
  }
  if (s.missing.length) {
    out.heading('LEFT OUT', 'facts other outlets report that this one does not');
    for (const m of s.missing) {
      out.line(2, `${p.bold(m.ref.label)} leaves out ${plural(m.total, 'fact')} reported elsewhere${m.facts.length ? ':' : ''}`);
      for (const { id, fact } of m.facts.slice(0, LIST_MAX)) {
        const origins = fact ? p.dim(` (${fact.status}, ${plural(fact.independentOrigins, 'origin')})`) : '';
        out.line(4, `• ${fact ? quoted(fact.summary, MEMBER_QUOTE_MAX) : plain(id)}${origins}`, 6);
      }
      out.more(4, m.facts.length, LIST_MAX);
      if (m.singleSource) out.line(4, p.dim(`${m.facts.length ? 'and ' : ''}${plural(m.singleSource, 'single-source fact')} of other outlets (listed above)`));
    }
  }
  if (s.reuse.length) {
    out.heading(p.magenta('REUSE'), 'who copies whom');
    for (const r of s.reuse) {
      const derived = derivedLabel(r.reuse);
      out.line(2, `${p.bold(r.to)} copies ${p.bold(percent(r.reuse.share))} of its words from ${p.bold(r.from)} (${REUSE_DIRECTION[r.reuse.direction]})${derived ? `: ${derived}` : ''}`);
      if (r.passages.length) out.line(4, p.dim(r.passages.length === 1 ? 'the shared passage:' : 'longest shared passages:'));
      for (const passage of r.passages) {
        out.line(6, `• ${quoted(passage.to.text, MEMBER_QUOTE_MAX)}`, 8);
        if (plain(passage.from.text) !== plain(passage.to.text)) out.line(8, p.dim(`${r.from} has: `) + quoted(passage.from.text, MEMBER_QUOTE_MAX), 10);
      }
      if (r.rewritten.length) out.line(4, p.dim('sentences rewritten from it:'));
      for (const pair of r.rewritten) {
        out.line(6, `• ${quoted(pair.to.text, MEMBER_QUOTE_MAX)}`, 8);
        out.line(8, p.dim(`${r.from} has: `) + quoted(pair.from.text, MEMBER_QUOTE_MAX), 10);
      }
    }
  }
  if (!s.story.facts.length && !s.reuse.length && s.refs.length > 1) {
    out.blank();
    out.line(2, p.dim('No facts or reuse were found across these articles.'));
  }
}

function articleLine(out: Out, ref: ArticleRef): void {
  const a = ref.article;
  const title = a.title ? quoted(a.title, 120) : out.p.dim('no title');
  const byline = a.byline ? plain(a.byline) : out.p.dim('no byline');
  const date = a.publishedAt ? plain(a.publishedAt) : out.p.dim('no date');
  out.line(2, `${out.p.bold(ref.label)} — ${title} — ${byline} — ${date}`, 6);
  if (ref.label !== fileName(a.uri)) out.line(6, out.p.dim(plain(a.uri)));
}

function disputedFact(out: Out, o: ReportOutline, f: Fact): void {
  const { p } = out;
  out.line(2, `• ${quoted(f.summary, MEMBER_QUOTE_MAX)}`, 4);
  if (f.conflicts.length) {
    for (const k of f.conflicts) conflict(out, o, k);
  } else {
    for (const m of f.members) out.line(4, `${p.bold(labelOf(o.refs, m.articleId))}: ${quoted(m.text, MEMBER_QUOTE_MAX)}${stanceNote(m.stance)}`, 6);
  }
}

/** A count a later report moved on ("at least 5 -> at least 24"): the story developing, not a dispute. */
function updates(out: Out, o: ReportOutline, f: Fact): void {
  for (const u of f.updates ?? []) out.line(4, out.p.dim(`update: ${plain(u.detail)} (${labelOf(o.refs, u.earlier.articleId)} -> ${labelOf(o.refs, u.later.articleId)}, later report)`), 6);
}

function conflict(out: Out, o: ReportOutline, k: Conflict): void {
  const { p } = out;
  out.line(4, p.red(`${k.kind}: ${plain(k.detail)}`));
  out.line(6, `${p.bold(labelOf(o.refs, k.a.articleId))}: ${quoted(k.a.text, MEMBER_QUOTE_MAX)}`, 8);
  out.line(6, `${p.bold(labelOf(o.refs, k.b.articleId))}: ${quoted(k.b.text, MEMBER_QUOTE_MAX)}`, 8);
}

function stanceNote(stance: string): string {
  return stance === 'asserts' ? '' : ` (${stance})`;
}

function profileSection(out: Out, po: ProfileOutline): void {
  const { p } = out;
  const a = po.ref.article;
  const pr = a.profile;
  out.blank();
  const kindColour = pr.kind === 'opinion' ? p.red : pr.kind === 'mixed' ? p.yellow : p.green;
  out.line(0, `${p.bold(po.ref.label)}: ${kindColour(pr.kind)} — ${pr.opinionSentences} of ${plural(pr.sentences, 'sentence')} opinion (${percent(pr.opinionShare)}), ${plural(pr.words, 'word')}`);
  for (const s of po.opinion.slice(0, 3)) out.line(2, `opinion: ${quoted(s.text, EXCERPT_MAX * 2)}`, 4);
  if (po.opinion.length > 3) out.line(2, p.dim(`… and ${po.opinion.length - 3} more opinion passages (see --json)`));

  const { named, anonymous, relayed, dangling } = po.attributions;
  out.line(2, `attributions: ${named.length} named, ${anonymous.length} anonymous, ${relayed.length} relayed, ${p.red(`${dangling.length} dangling`)}`);
  for (const t of dangling.slice(0, LIST_MAX)) out.line(4, `${p.red('dangling')}: “${cutStart(attributionContext(a, t), EXCERPT_MAX)}” ${p.dim('(names no source)')}`, 6);
  out.more(4, dangling.length, LIST_MAX);
  for (const t of anonymous.slice(0, LIST_MAX)) out.line(4, `${p.yellow('anonymous')}: ${quoted(t.text, EXCERPT_MAX)}`, 6);
  out.more(4, anonymous.length, LIST_MAX);
  for (const t of named.slice(0, LIST_MAX)) {
    const who = displayName(a, t.sourceCanonical, t.source?.text ?? null);
    out.line(4, `named: ${quoted(t.text, EXCERPT_MAX)}${who ? p.dim(` (source: ${who}${t.outlet ? `, via ${plain(t.outlet)}` : ''})`) : ''}`, 6);
  }
  out.more(4, named.length, LIST_MAX);
  for (const t of relayed.slice(0, LIST_MAX)) out.line(4, `relayed: ${quoted(t.text, EXCERPT_MAX)}${t.outlet ? p.dim(` (via ${plain(t.outlet)})`) : ''}`, 6);
  out.more(4, relayed.length, LIST_MAX);

  if (pr.sensationalTitle || po.sensational.length) {
    const words = po.sensational.map((s) => `${quoted(s.text, EXCERPT_MAX)}${s.detail ? p.dim(` (${plain(s.detail)})`) : ''}`);
    out.line(2, `${p.red('sensational title')}: ${words.join(', ') || quoted(a.title ?? '', EXCERPT_MAX)}`, 4);
  }
  out.line(2, `loaded words: ${pr.loadedWords}${phrases(pr.loadedWords, po.loaded)} (${round(pr.loadedPer1000)} per 1,000 words)${po.loaded.length ? ': ' + counts(po.loaded) : ''}`, 4);
  out.line(2, `hedges: ${pr.hedges}${po.hedges.length ? ': ' + counts(po.hedges) : ''}`, 4);
  for (const other of po.other) out.line(2, `${other.kind}: ${counts(other.words)}`, 4);

  if (pr.biasedSentences !== undefined) out.line(2, `biased wording (classifier): ${pr.biasedSentences} of ${plural(pr.sentences, 'sentence')} (${percent(pr.biasShare ?? 0)})`, 4);
  const speakers = (pr.quoted ?? []).length
    ? (pr.quoted ?? []).map((s) => `${displayName(a, s.speaker)} (${s.side}${s.sideCue ? `: ${plain(s.sideCue)}` : ''})`)
    : pr.quotedSpeakers.map((s) => displayName(a, s)).filter(Boolean);
  out.line(2, `quotes: ${pr.quotes}${speakers.length ? ` · quoted: ${speakers.join(', ')}` : ''}`, 4);
  for (const q of po.quotes.slice(0, LIST_MAX)) {
    const who = displayName(a, q.speakerCanonical, q.speaker?.text ?? null);
    out.line(4, `${quoted(q.text, EXCERPT_MAX * 2)} — ${who || p.dim(`${q.speakerKind} speaker`)}`, 6);
  }
  out.more(4, po.quotes.length, LIST_MAX);

  if (po.omitted.length) {
    out.line(2, `leaves out ${plural(po.omittedCount, 'fact')} other outlets report (most central first):`, 4);
    for (const o of po.omitted.slice(0, LIST_MAX)) {
      const e = o.item.evidence[0];
      out.line(4, `[${o.item.weight.toFixed(2)}] ${quoted(o.fact?.summary ?? e?.text ?? o.item.factId, EXCERPT_MAX * 2)} ${p.dim(`(${plural(o.item.origins, 'origin')}, ${plural(o.item.articles, 'article')})`)}`, 6);
    }
    out.more(4, po.omittedCount, LIST_MAX);
  }
  if (po.added.length) {
    out.line(2, `adds ${plural(po.added.length, 'fact')} no other origin reports:`, 4);
    for (const o of po.added.slice(0, LIST_MAX)) {
      const e = o.item.evidence[0];
      out.line(4, `[${o.item.weight.toFixed(2)}] ${quoted(e?.text ?? o.fact?.summary ?? o.item.factId, EXCERPT_MAX * 2)}`, 6);
    }
    out.more(4, po.added.length, LIST_MAX);
  }
  if (a.removed.length) {
    out.line(2, `boilerplate removed: ${plural(pr.removedChars || a.removed.reduce((n, r) => n + r.text.length, 0), 'character')}`);
    for (const r of a.removed.slice(0, LIST_MAX)) out.line(4, `${r.kind}: ${quoted(r.text, EXCERPT_MAX)}`, 6);
    out.more(4, a.removed.length, LIST_MAX);
  }
  if (a.repairs.length) {
    out.line(2, `repairs: ${a.repairs.length}`);
    for (const r of a.repairs.slice(0, LIST_MAX)) out.line(4, `${r.kind}: ${quoted(r.before, EXCERPT_MAX)} -> ${quoted(r.text, EXCERPT_MAX)}`, 6);
    out.more(4, a.repairs.length, LIST_MAX);
  }
  if (a.messages.length) {
    out.line(2, 'messages:');
    messages(out, a.messages, 4);
  }
}

function messages(out: Out, list: readonly Message[], indent: number): void {
  for (const m of list) {
    const line = plain(stripControls(formatMessage(m)));
    const colour = m.severity === 'error' ? out.p.red : m.severity === 'warning' ? out.p.yellow : out.p.dim;
    out.line(indent, colour(line), indent + 4);
  }
}

function counts(words: readonly WordCount[]): string {
  return words.map((w) => `${quoted(w.word, 40)}${w.count > 1 ? ` ×${w.count}` : ''}`).join(', ');
}

function round(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

