/** The HTML pages, each also JSON (?format=json or Accept: application/json) with the API's body. */
import { articleJSON, comparisonJSON, postResultJSON, storyPageJSON } from './api.js';
import { ASSETS } from './assets.js';
import { type ServerContext, headerToken, requireToken, serveCached } from './context.js';
import { htmlRendered, jsonRendered } from './page-cache.js';
import { HttpError, send, sendHtml, sendJson, wantsJson } from './http.js';
import { ingestPosted, nothingIngested } from './ingest.js';
import { jsonHref } from './layout.js';
import { articlePage, evidenceSpan } from './page-article.js';
import { ingestForm, ingestResult } from './page-ingest.js';
import { storiesPage } from './page-stories.js';
import { storyPage } from './page-story.js';
import { readPosted } from './posted.js';
import { LIST, articleStamp, articleView, listQuery, listStories, search, searchJSON, searchKinds, storyView } from './queries.js';
import type { Router } from './router.js';

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
    const { posted, fields } = await readPosted(req, query, ctx.maxBody);
    requireToken(ctx, headerToken(req) ?? fields.get('token') ?? null);
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
