/**
 * The story page: the outlets side by side, the fact table (each cell opens the member's
 * words highlighted in its article), text reuse with the shared passages, a publication
 * timeline, and what each outlet left out or added. Its content is the report outline
 * (src/report/outline.ts), the same the terminal and Markdown reports walk.
 */
import type { Article, Evidence, Fact, Stance } from '../model/index.js';
import { outline, loadedPhrases, phrases, articleCount, derivedLabel, timeSpan, REUSE_DIRECTION, type ArticleRef, type StoryOutline } from '../report/outline.js';
import { cut, percent } from '../report/excerpt.js';
import { html, type Html } from './html.js';
import { layout, messageList } from './layout.js';
import type { StoryView } from './queries.js';
import { diffExcerpts } from '../watch/render.js';

/** Articles shown as columns of the fact table; a larger story lists the rest below it. */
export const FACT_TABLE_COLUMNS = 12;
/**
 * The most reuse pairs (largest share first) and coverage cards a page shows; the rest are in
 * the story's JSON. A story of 83 articles had 470 reuse pairs: shown whole, its page was
 * 1.3 MB and took 150 ms to render (the pairs alone 670 kB).
 */
export const REUSE_SHOWN = 40;
export const COVERAGE_SHOWN = 24;

/** The address of an evidence span highlighted in its article. */
export function evidenceHref(e: Evidence): string {
  return `/articles/${encodeURIComponent(e.articleId)}?ev=${e.span.start}-${e.span.end}#evidence`;
}

export function storyPage(view: StoryView, writes: boolean, jsonUrl: string): Html {
  const report = outline(view.comparison);
  const s = report.stories[0];
  if (!s) return layout('Story', html`<h1>Story</h1><p>This story has no articles.</p>`, { writes, jsonHref: jsonUrl });
  const story = s.story;
  const body = html`<h1>${story.title || story.id}</h1>
<p class="meta">${articleCount(s)} · ${timeSpan(story)}</p>
<ul class="badges" aria-label="Facts">
<li class="badge s-corroborated">${s.counts.corroborated} corroborated</li>
<li class="badge s-single-source">${s.counts.singleSource} single-source</li>
<li class="badge s-disputed">${s.counts.disputed} disputed</li>
<li class="badge">${story.origins.length} independent origin${story.origins.length === 1 ? '' : 's'}</li>
</ul>
${view.comparison.messages.length ? messageList(view.comparison.messages) : ''}
${synopsisSection(s)}
<nav aria-label="On this page"><p class="meta"><a href="#outlets">Outlets</a> · <a href="#facts">Facts</a> · <a href="#reuse">Reuse</a> · <a href="#timeline">Timeline</a>${view.changes.length ? html` · <a href="#changes">What changed</a>` : ''} · <a href="#coverage">Left out and added</a></p></nav>
${outletsSection(s)}
${factsSection(s)}
${reuseSection(s, jsonUrl)}
${timelineSection(s)}
${changesSection(s, view.changes)}
${coverageSection(s, report.profiles, jsonUrl)}`;
  return layout(story.title || story.id, body, { writes, jsonHref: jsonUrl });
}

/** The best-corroborated facts in a few lines, each linked to its row of the fact table. */
function synopsisSection(s: StoryOutline): Html {
  if (s.synopsis.length === 0) return html``;
  return html`<section aria-labelledby="synopsis"><h2 id="synopsis">Synopsis</h2>
<ul class="synopsis">${s.synopsis.map((l) => html`<li><a href="#fact-${l.factId}">${cut(l.text, 300)}</a> <span class="meta">(${l.independentOrigins} independent origin${l.independentOrigins === 1 ? '' : 's'})</span></li>`)}</ul></section>`;
}

function outletsSection(s: StoryOutline): Html {
  return html`<section aria-labelledby="outlets"><h2 id="outlets">Outlets side by side</h2>
<ul class="outlets">${s.refs.map((r) => outletCard(r))}</ul></section>`;
}

function outletCard(r: ArticleRef): Html {
  const a = r.article;
  const p = a.profile;
  return html`<li><h3><a href="/articles/${encodeURIComponent(a.id)}">${r.label}</a></h3>
<p>${a.title ?? '(no title)'}</p>
<dl class="facts-of">
<dt>Published</dt><dd>${a.publishedAt ? html`<time datetime="${a.publishedAt}">${a.publishedAt}</time>` : 'not known'}</dd>
<dt>Byline</dt><dd>${a.byline ?? 'none'}</dd>
<dt>Kind</dt><dd>${p.kind} (${percent(p.opinionShare)} opinion)</dd>
<dt>Words</dt><dd>${p.words}</dd>
<dt>Loaded</dt><dd>${p.loadedWords}${phrases(p.loadedWords, loadedPhrases(a))} (${p.loadedPer1000.toFixed(1)} per 1,000 words)</dd>
<dt>Sources</dt><dd>${p.attributions.named} named, ${p.attributions.anonymous} anonymous, ${p.attributions.relayed ?? 0} relayed, ${p.attributions.dangling} dangling</dd>
<dt>Quotes</dt><dd>${p.quotes}</dd>
</dl></li>`;
}

const STANCE_WORD: Record<Stance, string> = { asserts: 'asserts', disputes: 'disputes', mentions: 'mentions' };
const STATUS_ORDER = { disputed: 0, corroborated: 1, 'single-source': 2 } as const;

function factsSection(s: StoryOutline): Html {
  const facts = [...s.story.facts].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.independentOrigins - a.independentOrigins);
  if (facts.length === 0) return html`<section aria-labelledby="facts"><h2 id="facts">Facts</h2><p class="notice">No facts lined up for this story yet${s.refs.length < 2 ? ' (one article: nothing to compare)' : ''}.</p></section>`;
  const columns = s.refs.slice(0, FACT_TABLE_COLUMNS);
  const rest = s.refs.length - columns.length;
  return html`<section aria-labelledby="facts"><h2 id="facts">Facts</h2>
<p class="meta">Each cell opens the words of that article behind the fact, highlighted. Corroboration counts independent origins: copies of one article count once.</p>
<div class="table-wrap" role="region" aria-labelledby="facts-caption" tabindex="0">
<table>
<caption id="facts-caption">${facts.length} fact${facts.length === 1 ? '' : 's'} by status, and what each outlet says${rest > 0 ? ` (the first ${columns.length} articles; ${rest} more in the JSON)` : ''}</caption>
<thead><tr><th scope="col">Fact</th><th scope="col">Status</th><th scope="col" class="count">Origins</th>${columns.map((r) => html`<th scope="col">${r.label}</th>`)}</tr></thead>
<tbody>${facts.map((f) => factRow(f, columns))}</tbody>
</table></div></section>`;
}

function factRow(f: Fact, columns: readonly ArticleRef[]): Html {
  return html`<tr id="fact-${f.id}"><th scope="row" class="fact">${cut(f.summary, 220)}${
    f.conflicts.length ? html`<ul class="conflicts">${f.conflicts.map((k) => html`<li>${k.kind}: ${k.detail}</li>`)}</ul>` : ''
  }</th>
<td><span class="badge s-${f.status}">${f.status}</span></td>
<td>${f.independentOrigins}</td>
${columns.map((r) => factCell(f, r))}</tr>`;
}

function factCell(f: Fact, r: ArticleRef): Html {
  const members = f.members.filter((m) => m.articleId === r.article.id);
  if (members.length === 0) return html`<td class="none"><span aria-hidden="true">—</span><span class="sr-only">not reported by ${r.label}</span></td>`;
  // The outlet's own words, side by side with the others' (a fact-checker compares wordings, not
  // labels), every sentence of it that the fact holds; the stance only when it is not a plain
  // assertion, and where the words were relayed from.
  return html`<td class="stance">${members.map((member) => {
    const words = cut(member.text, 300);
    const note = `${member.stance === 'asserts' ? '' : ` (${STANCE_WORD[member.stance]})`}${member.via ? ` (via ${member.via})` : ''}`;
    return html`<p class="member"><a class="st-${member.stance}" href="${evidenceHref(member)}" title="${words}" aria-label="${r.label} ${STANCE_WORD[member.stance]}: ${words}">${cut(member.text, 160)}</a>${note ? html`<span class="meta">${note}</span>` : ''}</p>`;
  })}</td>`;
}

function reuseSection(s: StoryOutline, jsonUrl: string): Html {
  if (s.reuse.length === 0) return html`<section aria-labelledby="reuse"><h2 id="reuse">Reuse</h2><p class="notice">No article in this story copies another.</p></section>`;
  const hidden = s.reuse.length - REUSE_SHOWN;
  return html`<section aria-labelledby="reuse"><h2 id="reuse">Reuse: who copied whom</h2>
${hidden > 0 ? html`<p class="meta">The ${REUSE_SHOWN} pairs that share the most, of ${s.reuse.length}; all of them are in <a href="${jsonUrl}">this story as JSON</a>.</p>` : ''}
${s.reuse.slice(0, REUSE_SHOWN).map(
    (r) => html`<article class="reuse"><h3>${r.to} reuses ${r.from}</h3>
<p><progress max="1" value="${r.reuse.share.toFixed(3)}" aria-label="share reused">${percent(r.reuse.share)}</progress> ${percent(r.reuse.share)} of ${r.to}’s words are found in ${r.from} (${REUSE_DIRECTION[r.reuse.direction]})${derivedLabel(r.reuse) ? `: ${derivedLabel(r.reuse)}` : ''}.</p>
${r.passages.map(
      (p) => html`<div class="passage"><blockquote><a href="${evidenceHref(p.from)}">${r.from}</a>: ${cut(p.from.text, 400)}</blockquote><blockquote><a href="${evidenceHref(p.to)}">${r.to}</a>: ${cut(p.to.text, 400)}</blockquote></div>`,
    )}
${r.rewritten.length ? html`<p class="meta">Sentences ${r.to} rewrites from ${r.from}:</p>` : ''}
${r.rewritten.map(
      (p) => html`<div class="passage"><blockquote><a href="${evidenceHref(p.from)}">${r.from}</a>: ${cut(p.from.text, 400)}</blockquote><blockquote><a href="${evidenceHref(p.to)}">${r.to}</a>: ${cut(p.to.text, 400)}</blockquote></div>`,
    )}
</article>`,
  )}</section>`;
}

function timelineSection(s: StoryOutline): Html {
  const dated = s.refs.filter((r) => r.article.publishedAt).sort((a, b) => time(a.article) - time(b.article));
  const undated = s.refs.filter((r) => !r.article.publishedAt);
  const first = dated[0] ? time(dated[0].article) : NaN;
  return html`<section aria-labelledby="timeline"><h2 id="timeline">Timeline of publication</h2>
<ol class="timeline">${dated.map((r) => {
    const after = time(r.article) - first;
    const offset = Number.isFinite(after) && after > 0 ? ` · ${gap(after)} after the first` : '';
    return html`<li><time datetime="${r.article.publishedAt ?? ''}">${r.article.publishedAt ?? ''}</time>${offset} — <a href="/articles/${encodeURIComponent(r.article.id)}">${r.label}</a>: ${r.article.title ?? ''}</li>`;
  })}</ol>
${undated.length ? html`<p class="meta">Not dated: ${undated.map((r, i) => html`${i ? ', ' : ''}<a href="/articles/${encodeURIComponent(r.article.id)}">${r.label}</a>`)}</p>` : ''}
</section>`;
}

function time(a: Article): number {
  const t = Date.parse(a.publishedAt ?? '');
  return Number.isNaN(t) ? Infinity : t;
}

function gap(ms: number): string {
  const hours = Math.round(ms / 3_600_000);
  if (hours < 1) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

type Profiles = ReturnType<typeof outline>['profiles'];

function coverageSection(s: StoryOutline, profiles: Profiles, jsonUrl: string): Html {
  const ids = new Set(s.refs.slice(0, COVERAGE_SHOWN).map((r) => r.article.id));
  const hidden = s.refs.length - ids.size;
  const factById = new Map(s.story.facts.map((f) => [f.id, f]));
  const items = profiles.filter((p) => ids.has(p.ref.article.id)).map((p) => {
    const coverage = s.story.coverage.find((v) => v.articleId === p.ref.article.id);
    // Weighted lists when the store has them; else the plain id lists of coverage.
    const omitted = p.omitted.length ? p.omitted : (coverage?.missing ?? []).map((id) => ({ fact: factById.get(id) ?? null, item: null }));
    const added = p.added.length ? p.added : (coverage?.only ?? []).map((id) => ({ fact: factById.get(id) ?? null, item: null }));
    return html`<section class="coverage-item"><h3><a href="/articles/${encodeURIComponent(p.ref.article.id)}">${p.ref.label}</a></h3>
<p><strong>Leaves out</strong> ${omitted.length ? '' : html`<span class="muted">nothing the others report</span>`}</p>
${omitted.length ? html`<ul>${omitted.slice(0, 10).map((o) => coverageLine(o.fact, o.item?.evidence[0] ?? o.fact?.members[0] ?? null, o.item?.origins ?? o.fact?.independentOrigins ?? null))}</ul>` : ''}
<p><strong>Adds</strong> ${added.length ? '' : html`<span class="muted">nothing only it reports</span>`}</p>
${added.length ? html`<ul>${added.slice(0, 10).map((o) => coverageLine(o.fact, o.item?.evidence[0] ?? o.fact?.members.find((m) => m.articleId === p.ref.article.id) ?? null, null))}</ul>` : ''}
</section>`;
  });
  return html`<section aria-labelledby="coverage"><h2 id="coverage">Left out and added</h2>
<p class="meta">Facts other origins report that an article does not have, most central first; and facts only it (or its copies) report.${
    hidden > 0 ? html` The first ${ids.size} articles of ${s.refs.length}; the others are in <a href="${jsonUrl}">this story as JSON</a>.` : ''
  }</p>
<div class="coverage">${items}</div></section>`;
}

function coverageLine(fact: Fact | null, evidence: Evidence | null, origins: number | null): Html {
  const words = fact ? cut(fact.summary, 160) : 'a fact no longer in the story';
  const link = evidence ? html`<a href="${evidenceHref(evidence)}">${words}</a>` : words;
  return html`<li>${link}${origins !== null ? html` <span class="muted">(${origins} origin${origins === 1 ? '' : 's'})</span>` : ''}</li>`;
}

/**
 * What changed in the story's articles since they were first fetched (crosscheck watch): per
 * article, each later version with its time, its flags (correction, stealth edit) and the words
 * taken out and put in. The facts above follow each page's latest version.
 */
function changesSection(s: StoryOutline, changes: StoryView['changes']): Html | '' {
  if (changes.length === 0) return '';
  const label = (id: string): string => s.refs.find((r) => r.article.id === id)?.label ?? id;
  return html`<section aria-labelledby="changes"><h2 id="changes">What changed</h2>
<p class="meta">Pages of this story that changed after they were first fetched, newest change first; the facts above follow each page's latest version.</p>
${changes.map(
    (c) => html`<article class="changed"><h3><a href="/articles/${encodeURIComponent(c.articleId)}#versions">${label(c.articleId)}</a></h3><ol class="versions" reversed>${[...c.versions]
      .filter((v) => v.n > 1)
      .reverse()
      .map(
        (v) => html`<li><p class="meta">version ${v.n}, fetched <time datetime="${v.fetchedAt}">${v.fetchedAt}</time>${v.flags.length ? html` · <strong>${v.flags.map((f) => (f.kind === 'correction' ? 'correction' : 'stealth edit')).join(', ')}</strong>` : ''}</p>
<ul class="diffs">${diffExcerpts(v).slice(0, 6).map((x) => html`<li class="diff diff-${x.kind}">${x.lead}${x.removed ? html`<del>${x.removed}</del>` : ''}${x.added ? html`<ins>${x.added}</ins>` : ''}${x.trail}</li>`)}</ul></li>`,
      )}</ol></article>`,
  )}</section>`;
}
