/**
 * The article page's versions (crosscheck watch): each version's dates and hash, its flags with
 * their evidence, and each difference highlighted (<del> the words taken out, <ins> those put in)
 * with context. Article text is untrusted: every piece goes through the html template's escaping.
 */
import type { ArticleVersion } from '../store/versions.js';
import { diffExcerpts } from '../watch/render.js';
import { html, type Html } from './html.js';

export function versionsSection(versions: readonly ArticleVersion[], articleId: string): Html | '' {
  if (versions.length === 0) return '';
  const items = [...versions].reverse().map((v) => {
    const flags = v.flags.map(
      (f) => html`<li class="flag flag-${f.kind}"><strong>${f.kind === 'correction' ? 'Correction' : 'Stealth edit'}</strong>: ${f.reason}<ul>${f.evidence.slice(0, 8).map(
        (e) => html`<li>${e.version === 'after' ? 'this version' : 'previous version'}${e.removed ? ', a line taken out as boilerplate' : ''} (${e.span.start}-${e.span.end}): <q>${e.text}</q></li>`,
      )}</ul></li>`,
    );
    const diffs = diffExcerpts(v).map(
      (x) => html`<li class="diff diff-${x.kind}">${x.lead}${x.removed ? html`<del>${x.removed}</del>` : ''}${x.added ? html`<ins>${x.added}</ins>` : ''}${x.trail}</li>`,
    );
    const self = v.articleId === articleId;
    return html`<li${self ? html` aria-current="true"` : ''}><h3>Version ${v.n}${self ? ' (this article)' : v.articleId ? html` (<a href="/articles/${encodeURIComponent(v.articleId)}">article</a>)` : ''}</h3>
<p class="meta">fetched <time datetime="${v.fetchedAt}">${v.fetchedAt}</time>${v.publishedAt ? html` · published ${v.publishedAt}` : ''}${v.modifiedAt ? html` · modified ${v.modifiedAt}` : ''} · <code>${v.contentHash.slice(0, 12)}</code></p>
${flags.length ? html`<ul class="flags">${flags}</ul>` : ''}${v.n === 1 ? html`<p>First version.</p>` : diffs.length ? html`<ul class="diffs">${diffs}</ul>` : html`<p>Same words.</p>`}</li>`;
  });
  return html`<section aria-labelledby="versions"><h2 id="versions">Versions (${versions.length})</h2><p>From <a href="${safe(versions[0]!.url)}">${versions[0]!.url}</a>, newest first.</p><ol class="versions" reversed>${items}</ol></section>`;
}

function safe(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}
