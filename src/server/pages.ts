/** The HTML pages, each also JSON (?format=json or Accept: application/json) with the API's body. */
import { articleJSON, comparisonJSON, postResultJSON, storyPageJSON } from './api.js';
import { ASSETS } from './assets.js';
import { type ServerContext, headerToken, requireToken, serveCached } from './context.js';
import { htmlRendered, jsonRendered } from './page-cache.js';
import type { IncomingMessage } from 'node:http';
import { HttpError, mediaParameter, mediaType, send, sendHtml, sendJson, wantsJson } from './http.js';
import { leadingFields } from './multipart.js';
import { ingestPosted, nothingIngested } from './ingest.js';
import { jsonHref } from './layout.js';
import { articlePage, evidenceSpan } from './page-article.js';
import { ingestForm, ingestResult } from './page-ingest.js';
import { storiesPage } from './page-stories.js';
import { storyPage } from './page-story.js';
import { readPosted } from './posted.js';
import { LIST, articleStamp, articleView, listQuery, listStories, search, searchJSON, searchKinds, storyView } from './queries.js';
import type { Router } from './router.js';

/** How much of a form's body is read before its token must have come (it is the form's first field). */
export const FORM_TOKEN_BYTES = 16 * 1024;

function notFirst(): never {
  throw new HttpError(401, 'CC903', 'this endpoint needs the write token, as the first field of the form or in an Authorization header', {
    hint: `send "Authorization: Bearer TOKEN", or put the token field before the other fields (it must come within the first ${FORM_TOKEN_BYTES / 1024} KiB)`,
    headers: { 'www-authenticate': 'Bearer realm="crosscheck"' },
  });
}

/** The token field among the first fields of a form body (multipart or urlencoded), or null. */
function formToken(req: IncomingMessage, head: Buffer, whole: boolean): string | null {
  const type = mediaType(req);
  if (type === 'multipart/form-data') return leadingFields(head, mediaParameter(req, 'boundary') ?? '').get('token') ?? null;
  if (type === 'application/x-www-form-urlencoded') {
    const text = head.toString('latin1');
    // Only pairs that have arrived whole: up to the last "&" unless the body ended.
    const complete = whole ? text : text.slice(0, Math.max(0, text.lastIndexOf('&')));
    return new URLSearchParams(Buffer.from(complete, 'latin1').toString('utf8')).get('token');
  }
  return null;
}

export function registerPages(router: Router, ctx: ServerContext): void {
  const { store } = ctx;
  const writes = ctx.token !== null;

  router.get('/', ({ req, res, query }) => {
    const json = wantsJson(req, query);
    return serveCached(ctx, req, res, json, async () => {
      const q = listQuery(query);
      if (q.q) {
        const result = await search(store, q.q, searchKinds(query), LIST.searchPageSize, q.after, q.page);
        return json ? jsonRendered(200, searchJSON(result, query, '/')) : htmlRendered(200, storiesPage(q, query, { search: result }, writes));
      }
      const page = await listStories(store, q);
      return json ? jsonRendered(200, storyPageJSON(page, query, '/api/stories')) : htmlRendered(200, storiesPage(q, query, { page }, writes));
    });
  });

  router.get('/stories/:id', ({ req, res, query, params, path }) => {
    const json = wantsJson(req, query);
    return serveCached(ctx, req, res, json, async () => {
      const view = await storyView(store, params['id'] ?? '', ctx.lock);
      return json ? jsonRendered(200, comparisonJSON(view.comparison)) : htmlRendered(200, storyPage(view, writes, jsonHref(path, new URLSearchParams())));
    }, () => store.storyStamp(params['id'] ?? ''));
  });

  router.get('/articles/:id', ({ req, res, query, params, path }) => {
    const json = wantsJson(req, query);
    return serveCached(ctx, req, res, json, async () => {
      const view = await articleView(store, params['id'] ?? '');
      return json ? jsonRendered(200, articleJSON(view)) : htmlRendered(200, articlePage(view, evidenceSpan(query.get('ev'), view.article), writes, jsonHref(path, new URLSearchParams())));
    }, () => articleStamp(store, params['id'] ?? ''));
  });

  router.get('/ingest', ({ res }) => {
    if (!writes) throw new HttpError(404, 'CC904', 'this server takes no writes (it was started without --token)');
    sendHtml(res, 200, ingestForm(ctx.maxBody));
  });

  router.post('/ingest', async ({ req, res, query }) => {
    if (!writes) requireToken(ctx, null);
    // The token is checked before the body is held: from the Authorization header, else from the
    // form's first fields (the form sends it first), read from the body's first FORM_TOKEN_BYTES.
    const header = headerToken(req);
    if (header !== null) requireToken(ctx, header);
    const gate = header !== null ? undefined : { bytes: FORM_TOKEN_BYTES, check: (head: Buffer, whole: boolean) => requireToken(ctx, formToken(req, head, whole) ?? notFirst()) };
    const { posted, fields } = await readPosted(req, query, ctx.maxBody, gate);
    requireToken(ctx, header ?? fields.get('token') ?? null);
    const result = await ingestPosted(store, ctx.lock, posted);
    const ok = result.new > 0 || result.duplicates > 0;
    const status = ok ? (result.new > 0 ? 201 : 200) : 400;
    if (wantsJson(req, query)) sendJson(res, status, ok ? postResultJSON(result) : { status, error: nothingIngested(result), ...result });
    else sendHtml(res, status, ingestResult(result, status));
  });

  router.get('/assets/:name', ({ req, res, params, query }) => {
    const asset = Object.hasOwn(ASSETS, params['name'] ?? '') ? ASSETS[params['name'] ?? ''] : undefined;
    if (!asset) throw new HttpError(404, 'CC905', `no asset "${(params['name'] ?? '').slice(0, 80)}"`);
    const etag = `"${asset.hash}"`;
    const cache = query.get('v') === asset.hash ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'cache-control': cache });
      res.end();
      return;
    }
    send(res, 200, asset.type, asset.body, { etag, 'cache-control': cache });
  });
}
