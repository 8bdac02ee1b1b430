/**
 * The article page: the cleaned text with its marks and a legend, the evidence a fact link
 * asked for highlighted (?ev=START-END#evidence), the metadata with where each value came
 * from, quoted sources, the removed boilerplate and repairs on request, and the messages.
 */
import { inBodyOf, profileCountOf, type Article, type FieldSource, type SignalKind, type Span } from '../model/index.js';
import { displayName, loadedPhrases, phrases } from '../report/outline.js';
import { percent } from '../report/excerpt.js';
import { html, safeHref, type Html } from './html.js';
import { layout, messageList } from './layout.js';
import { MARK_KINDS, articleMarks, markCounts, markedText, type MarkKind } from './marks.js';
import type { ArticleView } from './queries.js';
import { versionsSection } from './page-versions.js';

const EVIDENCE_PARAM = /^(\d{1,9})-(\d{1,9})$/;

/** The span of ?ev=START-END when it lies in the text, else null (a stale link shows no highlight). */
export function evidenceSpan(param: string | null, a: Article): Span | null {
  const m = EVIDENCE_PARAM.exec(param ?? '');
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start < end && end <= a.text.length ? { start, end } : null;
}

const LEGEND_GROUPS: { group: string; label: string }[] = [
  { group: 'opinion', label: 'Opinion' },
  { group: 'loaded', label: 'Loaded words' },
  { group: 'hedge', label: 'Hedges' },
  { group: 'attr', label: 'Attributions' },
  { group: 'quote', label: 'Quotes and speakers' },
  { group: 'repair', label: 'Repairs' },
  { group: 'sensational', label: 'Sensational title' },
  { group: 'other', label: 'Intensifiers, first person' },
];

export function articlePage(view: ArticleView, ev: Span | null, writes: boolean, jsonUrl: string): Html {
  const a = view.article;
  const marks = articleMarks(a);
  const counts = markCounts(marks);
  const title = a.title ?? a.uri;
  const body = html`<h1>${title}</h1>
<p class="meta">${a.outlet ?? 'outlet not known'}${a.byline ? html` · ${a.byline}` : ''}${a.publishedAt ? html` · <time datetime="${a.publishedAt}">${a.publishedAt}</time>` : ''}${
    view.story ? html` · story: <a href="/stories/${encodeURIComponent(view.story.id)}">${view.story.title || view.story.id}</a>` : ''
  }</p>
${ev ? html`<p class="notice">The highlighted words are the evidence the link pointed to. <a href="#evidence">Jump to them</a>.</p>` : ''}
<div class="article-layout">
<section aria-labelledby="text-heading"><h2 id="text-heading">Text</h2>
<div id="text" class="article-text"${a.lang ? html` lang="${a.lang}"` : ''}>${markedText(a, marks, ev)}</div></section>
${legend(counts, profileCounts(a))}
</div>
${versionsSection(view.versions ?? [], a.id)}
${profileSection(a)}
${quotedSection(a)}
${metadataSection(a)}
${removedSection(a)}
<section aria-labelledby="messages"><h2 id="messages">Messages</h2>${messageList(a.messages)}</section>`;
  return layout(title, body, { writes, jsonHref: jsonUrl });
}

/**
 * The profile's counts of the marks that have one (opinion sentences, loaded words, hedges), by
 * the profile's own definition (model/profile-counts.ts): the legend says how many of the marks
 * the profile counts, so its numbers are the profile's and the JSON's.
 */
function profileCounts(a: Article): Map<MarkKind, number> {
  const inBody = inBodyOf(a.paragraphs);
  const out = new Map<MarkKind, number>();
  const kinds: readonly (SignalKind & MarkKind)[] = ['opinion', 'loaded', 'hedge'];
  for (const k of kinds) out.set(k, 0);
  for (const s of a.signals) {
    const k = s.kind as SignalKind & MarkKind;
    if (out.has(k)) out.set(k, (out.get(k) as number) + profileCountOf(s, inBody));
  }
  return out;
}

/** Why a legend entry marks more than the profile counts. */
const UNCOUNTED: Partial<Record<MarkKind, string>> = {
  opinion: 'the title and headings are marked, not counted',
  loaded: 'a loaded word in a quotation is the speaker’s: marked, not counted',
  hedge: 'a hedge in a quotation is the speaker’s: marked, not counted',
};

function legend(counts: Map<MarkKind, number>, counted: Map<MarkKind, number>): Html {
  const kinds = Object.entries(MARK_KINDS) as [MarkKind, (typeof MARK_KINDS)[MarkKind]][];
  const entry = (kind: MarkKind): Html => {
    const marked = counts.get(kind) ?? 0;
    const c = counted.get(kind);
    if (c === undefined) return html`<span class="muted" data-marked="${kind}">${marked}</span>`;
    const unit = kind === 'loaded' ? (c === 1 ? ' word' : ' words') : '';
    return html`<span class="muted"><span data-counted="${kind}">${c}</span>${unit} in the profile${
      marked !== c || kind === 'loaded' ? html`, <span data-marked="${kind}" title="${UNCOUNTED[kind] ?? ''}">${marked}</span> marked` : ''
    }</span>`;
  };
  return html`<aside class="legend" aria-labelledby="legend-heading"><h2 id="legend-heading">Legend</h2>
<ul>${kinds.map(([kind, k]) => html`<li><span class="${k.cls}">${k.label}</span> ${entry(kind)}</li>`)}</ul>
<fieldset><legend>Show marks</legend>
${LEGEND_GROUPS.map((g) => html`<label><input type="checkbox" data-toggle="${g.group}" checked disabled> ${g.label}</label><br>`)}
</fieldset>
<p class="muted">Hover or focus a mark for why it was made.</p></aside>`;
}

function profileSection(a: Article): Html {
  const p = a.profile;
  return html`<section aria-labelledby="profile"><h2 id="profile">Profile</h2>
<dl class="facts-of">
<dt>Kind</dt><dd>${p.kind}: ${p.opinionSentences} of ${p.sentences} sentences opinion (${percent(p.opinionShare)})</dd>
<dt>Words</dt><dd>${p.words}</dd>
<dt>Loaded words</dt><dd>${p.loadedWords}${phrases(p.loadedWords, loadedPhrases(a))} (${p.loadedPer1000.toFixed(1)} per 1,000)</dd>
<dt>Hedges</dt><dd>${p.hedges}</dd>
<dt>Attributions</dt><dd>${p.attributions.named} named, ${p.attributions.anonymous} anonymous, ${p.attributions.relayed ?? 0} relayed from another outlet, ${p.attributions.dangling} leading nowhere</dd>
<dt>Quotes</dt><dd>${p.quotes}</dd>
${p.biasedSentences !== undefined ? html`<dt>Biased wording</dt><dd>${p.biasedSentences} sentences (${percent(p.biasShare ?? 0)})</dd>` : ''}
<dt>Sensational title</dt><dd>${p.sensationalTitle ? 'yes' : 'no'}</dd>
<dt>Removed</dt><dd>${p.removedChars} characters of boilerplate; ${p.repairs} repairs</dd>
</dl></section>`;
}

function quotedSection(a: Article): Html {
  const quoted = a.profile.quoted ?? [];
  if (quoted.length === 0 && a.quotes.length === 0) return html``;
  return html`<section aria-labelledby="quoted"><h2 id="quoted">Who is quoted</h2>
${quoted.length ? html`<ul>${quoted.map((q) => html`<li><strong>${displayName(a, q.speaker, q.named?.text ?? null)}</strong> <span class="badge">${q.side}</span>${q.sideCue ? html` <span class="muted">(${q.sideCue})</span>` : ''}: ${q.quotes.length} quote${q.quotes.length === 1 ? '' : 's'}</li>`)}</ul>` : html`<p class="muted">${a.quotes.length} quotes, speakers not identified.</p>`}
</section>`;
}

function fieldRow(name: string, f: FieldSource | null): Html {
  if (!f) return html`<tr><th scope="row">${name}</th><td colspan="2" class="muted">not found</td></tr>`;
  return html`<tr><th scope="row">${name}</th><td>${f.value}</td><td>${f.from === 'text' ? 'found in the text' : f.from === 'record' ? 'given by the record' : 'taken from the address'}</td></tr>`;
}

function metadataSection(a: Article): Html {
  const href = safeHref(a.url);
  return html`<section aria-labelledby="metadata"><h2 id="metadata">Metadata</h2>
<dl class="facts-of">
<dt>Id</dt><dd><code>${a.id}</code></dd>
<dt>Address</dt><dd>${href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${a.url}</a>` : a.url ?? 'none'}</dd>
<dt>Input</dt><dd>${a.uri} (${a.format})</dd>
<dt>Language</dt><dd>${a.lang ?? 'not known'}</dd>
<dt>Content hash</dt><dd><code>${a.contentHash.slice(0, 16)}…</code></dd>
</dl>
<div class="table-wrap"><table><caption>Where each value came from</caption>
<thead><tr><th scope="col">Field</th><th scope="col">Value</th><th scope="col">Source</th></tr></thead>
<tbody>${fieldRow('Title', a.fields.title)}${fieldRow('Byline', a.fields.byline)}${fieldRow('Published', a.fields.publishedAt)}${fieldRow('Outlet', a.fields.outlet)}</tbody></table></div>
</section>`;
}

function removedSection(a: Article): Html {
  return html`<section aria-labelledby="removed"><h2 id="removed">Removed and repaired</h2>
<details><summary>Removed boilerplate: ${a.removed.length} passage${a.removed.length === 1 ? '' : 's'} (${a.profile.removedChars} characters)</summary>
${a.removed.length ? a.removed.map((r) => html`<figure><figcaption>${r.kind}</figcaption><pre>${r.text}</pre></figure>`) : html`<p class="muted">Nothing was removed.</p>`}
</details>
<details><summary>Repairs: ${a.repairs.length}</summary>
${a.repairs.length ? html`<ul>${a.repairs.map((r) => html`<li>${r.kind}: “${r.before}” became “${r.text}”</li>`)}</ul>` : html`<p class="muted">No repairs.</p>`}
</details></section>`;
}
