/**
 * The story report as one self-contained HTML file (`crosscheck compare --html`, `crosscheck
 * story ID --html`): no script, no request for anything outside the file (styles inline), so it
 * can be mailed or archived and opens the same offline. It walks the report outline, as the
 * terminal and Markdown renderers do: synopsis, disputes with both sides quoted, the fact grid
 * with each outlet's own words side by side, single-source facts, text reuse. Every piece of
 * article text goes through `escapeHtml`; nothing from an article is ever markup.
 */
import type { Comparison, Fact } from '../model/index.js';
import { cut, percent, plural } from './excerpt.js';
import { articleCount, outline, timeSpan, type ArticleRef, type ReportOutline, type StoryOutline } from './outline.js';
import { VERSION } from './version.js';

/** Articles shown as columns of a fact grid; a larger story lists the rest in the JSON. */
export const HTML_GRID_COLUMNS = 12;
const WORDS_MAX = 300;

const CSS = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:75rem;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}.meta{color:#555;font-size:.9em}
.badge{display:inline-block;white-space:nowrap;border-radius:.6em;padding:0 .5em;font-size:.85em;border:1px solid #999}
.s-corroborated{background:#e3f4e3;border-color:#3a7d3a}.s-single-source{background:#fff4d6;border-color:#a07800}.s-disputed{background:#fde2e2;border-color:#b02a2a}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:.35rem .5rem;vertical-align:top;text-align:left}
td.none{color:#aaa;text-align:center}.wrap{overflow-x:auto}blockquote{margin:.3rem 0 .3rem 1rem;border-left:3px solid #ccc;padding-left:.6rem}`;

/** Text as HTML text or attribute value: the five markup characters escaped. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

export function renderHTML(c: Comparison): string {
  const o = outline(c);
  const title = o.stories[0]?.story.title || o.stories[0]?.refs[0]?.article.title || 'crosscheck report';
  const body = o.stories.length ? o.stories.map((s, i) => story(o, s, i + 1)).join('\n') : '<p>No story: the articles share too little to be one.</p>';
  const unassigned = o.unassigned.length ? `<h2>Articles in no story</h2><ul>${o.unassigned.map((r) => `<li>${escapeHtml(r.label)}: ${escapeHtml(r.article.title ?? '(no title)')}</li>`).join('')}</ul>` : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="crosscheck ${escapeHtml(VERSION)}"><title>${escapeHtml(cut(title, 120))}</title><style>${CSS}</style></head>
<body>
${body}
${unassigned}
<p class="meta">Made by crosscheck ${escapeHtml(VERSION)}. Corroboration counts independent origins: copies of one article count once.</p>
</body></html>
`;
}

function story(o: ReportOutline, s: StoryOutline, n: number): string {
  const t = s.story.title || s.refs[0]?.article.title || `(no title) ${s.refs[0]?.label ?? ''}`;
  const { corroborated, singleSource, disputed } = s.counts;
  const out: string[] = [];
  out.push(`<section><h1>${o.stories.length > 1 ? `Story ${n}: ` : ''}${escapeHtml(cut(t, 200))}</h1>`);
  out.push(`<p class="meta">${escapeHtml(articleCount(s))} · ${escapeHtml(timeSpan(s.story))}</p>`);
  out.push(`<p><span class="badge s-corroborated">${corroborated} corroborated</span> <span class="badge s-single-source">${singleSource} single-source</span> <span class="badge s-disputed">${disputed} disputed</span></p>`);
  if (s.synopsis.length) {
    out.push('<h2>Synopsis</h2><ul>');
    for (const l of s.synopsis) out.push(`<li>${escapeHtml(cut(l.text, WORDS_MAX))} <span class="meta">(${escapeHtml(plural(l.independentOrigins, 'independent origin'))})</span></li>`);
    out.push('</ul>');
  }
  out.push('<h2>Articles</h2><ul>');
  for (const r of s.refs) out.push(`<li><b>${escapeHtml(r.label)}</b>: ${escapeHtml(r.article.title ?? '(no title)')} <span class="meta">${escapeHtml(r.article.publishedAt ?? 'date not known')} · ${escapeHtml(r.article.profile.kind)} (${escapeHtml(percent(r.article.profile.opinionShare))} opinion)</span></li>`);
  out.push('</ul>');
  if (s.disputed.length) {
    out.push('<h2>Disputed</h2>');
    for (const f of s.disputed) out.push(disputedFact(o, f));
  }
  const facts = [...s.disputed, ...s.corroborated, ...s.single.flatMap((g) => g.facts)];
  if (facts.length) {
    const columns = s.refs.slice(0, HTML_GRID_COLUMNS);
    const rest = s.refs.length - columns.length;
    out.push(`<h2>Facts</h2><p class="meta">What each outlet says, in its own words${rest > 0 ? ` (the first ${columns.length} articles; ${rest} more in the JSON)` : ''}.</p>`);
    out.push(`<div class="wrap"><table><thead><tr><th>Status</th><th>Origins</th>${columns.map((r) => `<th>${escapeHtml(r.label)}</th>`).join('')}</tr></thead><tbody>`);
    for (const f of facts) out.push(`<tr><td><span class="badge s-${f.status}">${f.status}</span></td><td>${f.independentOrigins}</td>${columns.map((r) => cell(f, r)).join('')}</tr>`);
    out.push('</tbody></table></div>');
  }
  if (s.reuse.length) {
    out.push('<h2>Text reuse</h2><ul>');
    for (const r of s.reuse) out.push(`<li>${escapeHtml(r.from)} → ${escapeHtml(r.to)}: ${escapeHtml(percent(r.reuse.share))} shared</li>`);
    out.push('</ul>');
  }
  out.push('</section>');
  return out.join('\n');
}

function cell(f: Fact, r: ArticleRef): string {
  const members = f.members.filter((m) => m.articleId === r.article.id);
  if (members.length === 0) return '<td class="none">—</td>';
  return `<td>${members
    .map((m) => `${escapeHtml(cut(m.text, WORDS_MAX))}${m.stance === 'asserts' ? '' : ` <span class="meta">(${m.stance})</span>`}${m.via ? ` <span class="meta">(via ${escapeHtml(m.via)})</span>` : ''}`)
    .join('<br>')}</td>`;
}

function disputedFact(o: ReportOutline, f: Fact): string {
  const label = (id: string): string => escapeHtml(o.refs.get(id)?.label ?? id);
  const sides = f.conflicts.map(
    (k) => `<li>${escapeHtml(k.kind)}: ${escapeHtml(k.detail)}<blockquote><b>${label(k.a.articleId)}</b>: “${escapeHtml(cut(k.a.text, WORDS_MAX))}”</blockquote><blockquote><b>${label(k.b.articleId)}</b>: “${escapeHtml(cut(k.b.text, WORDS_MAX))}”</blockquote></li>`,
  );
  return `<div><p><b>${escapeHtml(cut(f.summary, WORDS_MAX))}</b> <span class="meta">(${escapeHtml(plural(f.independentOrigins, 'independent origin'))})</span></p><ul>${sides.join('')}</ul></div>`;
}
