/** The story list: filters, search, the stories newest or largest first, and paging links. */
import type { StorySummary } from '../store/index.js';
import { html, raw, escapeHtml, type Html } from './html.js';
import { layout, jsonHref } from './layout.js';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, pageHref, type ListQuery, type SearchResult, type StoryPage } from './queries.js';

export function storiesPage(q: ListQuery, query: URLSearchParams, result: { page: StoryPage } | { search: SearchResult }, writes: boolean): Html {
  const o = q.options;
  const form = html`<form class="filters" role="search" method="get" action="/">
<label>Search <input type="search" name="q" value="${q.q}" placeholder="harbour radar"></label>
<label>Order <select name="order">
<option value="newest"${o.order === 'newest' ? raw(' selected') : ''}>Newest</option>
<option value="largest"${o.order === 'largest' ? raw(' selected') : ''}>Largest</option>
</select></label>
<label>From <input type="date" name="since" value="${o.since ?? ''}"></label>
<label>To <input type="date" name="until" value="${o.until ?? ''}"></label>
<label>Outlet <input type="text" name="outlet" value="${o.outlet ?? ''}" placeholder="outlet name"></label>
<button type="submit">Show</button>
</form>`;
  const body = 'search' in result ? searchResults(result.search, query) : storyList(result.page, query);
  const title = 'search' in result ? `Search: ${q.q}` : 'Stories';
  return layout(title, html`<h1>${'search' in result ? html`Search results for “${q.q}”` : 'Stories'}</h1>${form}${body}`, { writes, jsonHref: jsonHref('/', query) });
}

function storyList(page: StoryPage, query: URLSearchParams): Html {
  const deeper = page.offset > 0 || page.after !== null;
  if (page.stories.length === 0) {
    return html`<p class="notice">No story matches${deeper ? ' on this page' : ''}. Loosen the filters, or add articles.</p>`;
  }
  const order = page.order === 'newest' ? 'latest publication first' : 'most articles first';
  if (page.offset > 0) {
    // An ?offset= address (the older form): numbered, with links both ways.
    const pageLink = (offset: number): string => {
      const q = new URLSearchParams(query);
      q.delete('format');
      if (offset > 0) q.set('offset', String(offset));
      else q.delete('offset');
      const s = q.toString();
      return s ? `/?${s}` : '/';
    };
    const from = page.offset + 1;
    return html`<p class="meta">Stories ${from}–${page.offset + page.stories.length}, ${order}.</p>
<ol class="stories" start="${from}">${page.stories.map(storyItem)}</ol>
<nav class="pages" aria-label="Pages">
<a href="${pageLink(Math.max(0, page.offset - page.limit))}" rel="prev">← Previous</a>
${page.more ? html`<a href="${pageLink(page.offset + page.limit)}" rel="next">Next →</a>` : html`<span></span>`}
</nav>`;
  }
  const from = (page.page - 1) * page.limit + 1;
  return html`<p class="meta">Page ${page.page}: stories ${from}–${from + page.stories.length - 1}, ${order}.</p>
<ol class="stories" start="${from}">${page.stories.map(storyItem)}</ol>
${pager(query, page.after, page.next, page.page)}`;
}

/** First-page and next-page links of a keyset-paged list (the browser's Back goes to the previous one). */
function pager(query: URLSearchParams, after: string | null, next: string | null, page: number): Html {
  return html`<nav class="pages" aria-label="Pages">
${after !== null ? html`<a href="${pageHref('/', query, null, 1)}" rel="first">← First page</a>` : html`<span></span>`}
${next !== null ? html`<a href="${pageHref('/', query, next, page + 1)}" rel="next">Next page →</a>` : html`<span></span>`}
</nav>`;
}

export function storyItem(s: StorySummary): Html {
  const when = s.firstPublished === null ? 'dates not known' : s.firstPublished === s.lastPublished || s.lastPublished === null ? s.firstPublished.slice(0, 10) : `${s.firstPublished.slice(0, 10)} – ${s.lastPublished.slice(0, 10)}`;
  const shown = s.outlets.slice(0, 8);
  return html`<li><h2><a href="/stories/${encodeURIComponent(s.id)}">${s.title || s.id}</a></h2>
<p class="meta">${s.articleCount} article${s.articleCount === 1 ? '' : 's'} from ${s.outletCount} outlet${s.outletCount === 1 ? '' : 's'} · ${when}${s.stale ? ' · facts counted when the story is first opened' : ''}</p>
<ul class="badges" aria-label="Facts">
<li class="badge s-corroborated">${s.facts.corroborated} corroborated</li>
<li class="badge s-single-source">${s.facts.singleSource} single-source</li>
<li class="badge s-disputed">${s.facts.disputed} disputed</li>
</ul>
${shown.length ? html`<p class="meta">${shown.join(', ')}${s.outlets.length > shown.length ? ` and ${s.outlets.length - shown.length} more` : ''}</p>` : ''}
</li>`;
}

/** Search snippets carry \u0001…\u0002 around matched words: escaped text with <mark> between. */
export function highlighted(snippet: string): Html {
  const out: string[] = [];
  for (const [i, piece] of snippet.split(HIGHLIGHT_OPEN).entries()) {
    if (i === 0) {
      out.push(escapeHtml(piece.split(HIGHLIGHT_CLOSE).join('')));
      continue;
    }
    const close = piece.indexOf(HIGHLIGHT_CLOSE);
    if (close < 0) out.push(escapeHtml(piece));
    else out.push(`<mark>${escapeHtml(piece.slice(0, close))}</mark>${escapeHtml(piece.slice(close + 1).split(HIGHLIGHT_CLOSE).join(''))}`);
  }
  return raw(out.join(''));
}

function searchResults(r: SearchResult, query: URLSearchParams): Html {
  if (r.hits.length === 0) return html`<p class="notice">Nothing found for “${r.query}”${r.after !== null ? ' on this page' : ''}.</p>`;
  const href = (h: SearchResult['hits'][number]): string => {
    if (h.kind === 'story') return `/stories/${encodeURIComponent(h.id)}`;
    if (h.kind === 'article') return `/articles/${encodeURIComponent(h.id)}`;
    return h.storyId ? `/stories/${encodeURIComponent(h.storyId)}#fact-${encodeURIComponent(h.id)}` : '/';
  };
  return html`<p class="meta">${r.page > 1 ? `Page ${r.page}: ` : ''}${r.hits.length} hit${r.hits.length === 1 ? '' : 's'}, best first.</p>
<ul class="hits">${r.hits.map(
    (h) => html`<li><span class="badge">${h.kind}</span>
<h2><a href="${href(h)}">${h.kind === 'fact' ? highlighted(h.snippet) : h.title ? highlighted(h.title) : h.id}</a></h2>
${h.kind !== 'fact' ? html`<p>${highlighted(h.snippet)}</p>` : ''}
${h.storyId && h.kind !== 'story' ? html`<p class="meta"><a href="/stories/${encodeURIComponent(h.storyId)}">Open its story</a></p>` : ''}
</li>`,
  )}</ul>
${pager(query, r.after, r.next, r.page)}`;
}
