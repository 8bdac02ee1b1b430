/** The frame of every page: head with the one stylesheet and script, skip link, site nav, main landmark. */
import type { Message } from '../model/index.js';
import { assetUrl } from './assets.js';
import { html, raw, type Html, type Interpolation } from './html.js';

export interface LayoutOptions {
  /** Whether the server takes writes (the nav then offers the ingest form). */
  writes: boolean;
  /** The same page as JSON. */
  jsonHref?: string;
}

export function layout(title: string, body: Interpolation, options: LayoutOptions): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · crosscheck</title>
<link rel="stylesheet" href="${assetUrl('app.css')}">
<script src="${assetUrl('app.js')}" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><nav aria-label="Site">
<a class="brand" href="/">crosscheck</a>
<a href="/">Stories</a>
${options.writes ? html`<a href="/ingest">Add articles</a>` : ''}
<a href="/openapi.json">API</a>
${options.jsonHref ? html`<a href="${options.jsonHref}">This page as JSON</a>` : ''}
</nav></header>
<main id="main" tabindex="-1">
${body}
</main>
<footer>Every label points to the words behind it. Article text is shown as the outlets wrote it, cleaned of page furniture.</footer>
</body>
</html>
`;
}

/** The same address with ?format=json. */
export function jsonHref(path: string, query: URLSearchParams): string {
  const q = new URLSearchParams(query);
  q.set('format', 'json');
  return `${path}?${q.toString()}`;
}

export function messageList(messages: readonly Message[]): Html {
  if (messages.length === 0) return html`<p class="muted">No messages.</p>`;
  return html`<ul class="messages">${messages.map(
    (m) => html`<li class="sev-${m.severity}"><strong>${m.code}</strong> ${m.severity}: ${m.reason} <span class="muted">(${m.hint})</span></li>`,
  )}</ul>`;
}

export function errorPage(status: number, m: Message, writes: boolean): Html {
  return layout(`Error ${status}`, html`<h1>Error ${status}</h1>
<div class="error-box" role="alert"${m.code === 'CC903' || m.code === 'CC904' ? raw(' data-forget-token') : ''}><p><strong>${m.code}</strong> ${m.reason}</p><p>${m.hint}</p></div>
<p><a href="/">Back to the stories</a></p>`, { writes });
}
