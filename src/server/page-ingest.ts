/** The ingest form (only when the server has a write token) and the page that answers a post. */
import { html, type Html } from './html.js';
import { layout, messageList } from './layout.js';
import type { PostResult } from './ingest.js';

export function ingestForm(maxBody: number): Html {
  return layout('Add articles', html`<h1>Add articles</h1>
<p>Paste an article (text or a page's HTML) or upload files. They are cleaned, analyzed and grouped into stories. Writing needs the token the server was started with.</p>
<form class="ingest" method="post" action="/ingest" enctype="multipart/form-data">
<!-- The token comes first: browsers send fields in order, and the server checks it before reading the rest. -->
<fieldset><legend>Write token</legend>
<label>Token <input type="password" name="token" required autocomplete="off" aria-describedby="token-note"></label>
<label class="inline"><input type="checkbox" id="remember-token" checked> Remember it in this tab until the tab is closed</label>
<p id="token-note" class="muted">The token travels in the form's body, never in an address, and is kept by this browser tab only (session storage), not by the server.</p>
</fieldset>
<fieldset><legend>Paste an article</legend>
<label for="text">Text or HTML</label>
<textarea id="text" name="text" rows="12"></textarea>
<label>Read it as <select name="kind"><option value="auto">guess (HTML when it starts like a page)</option><option value="text">text</option><option value="html">HTML</option></select></label>
<div class="grid-2">
<label>Title <input type="text" name="title" autocomplete="off"></label>
<label>Outlet <input type="text" name="outlet" autocomplete="off"></label>
<label>Byline <input type="text" name="byline" autocomplete="off"></label>
<label>Published (ISO 8601) <input type="text" name="publishedAt" placeholder="2025-04-08T09:00+01:00" autocomplete="off"></label>
<label>Address <input type="url" name="url" autocomplete="off"></label>
</div></fieldset>
<fieldset><legend>Or upload files</legend>
<label>Files (.txt, .md, .html, .jsonl, .rss, .atom, .xml, .warc, or .gz of them; ${Math.floor(maxBody / 1024 / 1024)} MB in all)
<input type="file" name="files" multiple accept=".txt,.text,.md,.html,.htm,.jsonl,.ndjson,.rss,.atom,.xml,.warc,.gz"></label>
</fieldset>
<p><button type="submit">Add</button></p>
</form>`, { writes: true });
}

export function ingestResult(r: PostResult, status: number): Html {
  const ok = r.new > 0 || r.duplicates > 0;
  return layout('Articles added', html`<h1>${ok ? 'Articles added' : 'Nothing added'}</h1>
<p class="notice" role="status">${r.read} read: ${r.new} new, ${r.duplicates} already stored, ${r.failed} failed.</p>
${r.articles.length ? html`<ul class="hits">${r.articles.map(
    (a) => html`<li><a href="/articles/${encodeURIComponent(a.id)}">${a.title ?? a.id}</a>${a.outlet ? html` <span class="muted">(${a.outlet})</span>` : ''}${
      a.storyId ? html` · <a href="/stories/${encodeURIComponent(a.storyId)}">its story</a>` : ''
    }</li>`,
  )}</ul>` : ''}
${r.problems.length ? html`<h2>Messages</h2>${messageList(r.problems)}` : ''}
<p><a href="/ingest">Add more</a> · <a href="/">Stories</a>${status >= 400 ? '' : ''}</p>`, { writes: true });
}
