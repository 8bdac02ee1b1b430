/**
 * The HTTP API under /api: the same data as the pages and the CLI's --json. A story and an
 * article are the JSON report of src/report/json.ts (schema "crosscheck/1"), exactly as
 * `crosscheck story ID --json` and `crosscheck article ID --json` print them.
 */
import { toJSON } from '../report/json.js';
import { VERSION } from '../report/version.js';
import { COLUMNS, csvCells, exportRows as rowsOf } from '../collection/index.js';
import { csvRow } from '../report/csv.js';
import type { Store } from '../store/index.js';
import type { Comparison } from '../model/index.js';
import { type ServerContext, headerToken, requireToken, serveCached } from './context.js';
import { jsonRendered } from './page-cache.js';
import { badRequest, sendJson } from './http.js';
import { ingestPosted, nothingIngested, type PostResult } from './ingest.js';
import { readPosted } from './posted.js';
import { articleStamp, articleView, listQuery, listStories, pageHref, search, searchJSON, searchKinds, storyView, type ArticleView, type StoryPage } from './queries.js';
import { OPENAPI } from './openapi.js';
import type { Router } from './router.js';
import { securityHeaders } from './security.js';

const GENERATED_BY = `crosscheck ${VERSION}`;

export function storyPageJSON(page: StoryPage, query: URLSearchParams, base: string): unknown {
  const link = (offset: number): string => {
    const q = new URLSearchParams(query);
    q.delete('format');
    q.set('offset', String(offset));
    return `${base}?${q.toString()}`;
  };
  if (page.offset > 0) {
    // An ?offset= page (the older form): offset links both ways.
    return {
      order: page.order,
      limit: page.limit,
      offset: page.offset,
      stories: page.stories,
      next: page.more ? link(page.offset + page.limit) : null,
      previous: link(Math.max(0, page.offset - page.limit)),
      first: pageHref(base, query, null, 1),
    };
  }
  return {
    order: page.order,
    limit: page.limit,
    offset: 0,
    page: page.page,
    stories: page.stories,
    next: page.next ? pageHref(base, query, page.next, page.page + 1) : null,
    previous: null,
    first: page.after ? pageHref(base, query, null, 1) : null,
  };
}

/** The JSON report's data (toJSON, which renderJSON prints): built field by field, no parse round trip. */
export function comparisonJSON(c: Comparison): unknown {
  return toJSON(c, { generatedBy: GENERATED_BY });
}

export function articleJSON(v: ArticleView): unknown {
  const report = comparisonJSON({ articles: [v.article], stories: [], messages: [] }) as Record<string, unknown>;
  return { ...report, storyId: v.storyId };
}

export function postResultJSON(r: PostResult): unknown {
  return { ...r };
}

export function registerApi(router: Router, ctx: ServerContext): void {
  const { store } = ctx;
  router.get('/openapi.json', ({ res }) => sendJson(res, 200, OPENAPI, { 'cache-control': 'no-cache' }));
  router.get('/api', ({ res }) => sendJson(res, 200, { openapi: '/openapi.json', writes: ctx.token !== null }));
  router.get('/api/stories', ({ req, res, query }) =>
    serveCached(ctx, req, res, true, async () => {
      const q = listQuery(query);
      if (q.q) return jsonRendered(200, searchJSON(await search(store, q.q, searchKinds(query), q.options.limit, q.after, q.page), query, '/api/stories'));
      return jsonRendered(200, storyPageJSON(await listStories(store, q), query, '/api/stories'));
    }),
  );
  router.get('/api/search', async ({ res, query }) => {
    const q = (query.get('q') ?? '').trim();
    if (!q) throw badRequest('give the words to search for: /api/search?q=harbour+radar');
    const paging = listQuery(new URLSearchParams({ limit: query.get('limit') ?? '20', after: query.get('after') ?? '', page: query.get('page') ?? '' }));
    sendJson(res, 200, searchJSON(await search(store, q.slice(0, 500), searchKinds(query), paging.options.limit, paging.after, paging.page), query, '/api/search'));
  });
  router.get('/api/stories/:id', ({ req, res, params }) =>
    serveCached(
      ctx, req, res, true,
      async () => jsonRendered(200, comparisonJSON((await storyView(store, params['id'] ?? '', ctx.lock)).comparison)),
      () => store.storyStamp(params['id'] ?? ''),
    ),
  );
  router.get('/api/articles/:id', ({ req, res, params }) =>
    serveCached(ctx, req, res, true, async () => jsonRendered(200, articleJSON(await articleView(store, params['id'] ?? ''))), () => articleStamp(store, params['id'] ?? '')),
  );
  router.post('/api/articles', async ({ req, res, query }) => {
    // The token is checked before the body is read: a refused write costs nothing.
    requireToken(ctx, headerToken(req));
    const { posted } = await readPosted(req, query, ctx.maxBody);
    const result = await ingestPosted(store, ctx.lock, posted);
    if (result.new === 0 && result.duplicates === 0) {
      sendJson(res, 400, { status: 400, error: nothingIngested(result), ...result });
      return;
    }
    sendJson(res, result.new > 0 ? 201 : 200, postResultJSON(result));
  });
  router.get('/api/export', async ({ res, query }) => {
    await exportRows(store, query, res);
  });
}

type What = keyof typeof COLUMNS;

async function exportRows(store: Store, query: URLSearchParams, res: import('node:http').ServerResponse): Promise<void> {
  const format = query.get('format') ?? 'jsonl';
  if (format !== 'jsonl' && format !== 'csv') throw badRequest(`format must be jsonl or csv, not "${format.slice(0, 40)}"`);
  const what = query.get('what') ?? 'articles';
  if (what !== 'articles' && what !== 'stories' && what !== 'facts') throw badRequest(`what must be articles, stories or facts, not "${what.slice(0, 40)}"`);
  const w = what as What;
  res.writeHead(200, {
    ...securityHeaders(),
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'content-disposition': `attachment; filename="crosscheck-${w}.${format}"`,
    'cache-control': 'no-store',
  });
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  const write = async (line: string): Promise<void> => {
    if (!res.write(line)) await new Promise<void>((resolve) => res.once('drain', resolve));
  };
  if (format === 'csv') await write(csvRow(COLUMNS[w]));
  for await (const row of rowsOf(store, w)) {
    if (res.destroyed) return;
    await write(format === 'csv' ? csvRow(csvCells(w, row)) : JSON.stringify(row) + '\n');
  }
  res.end();
}

