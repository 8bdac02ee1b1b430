/**
 * The OpenAPI 3.1 description of the HTTP API, written by hand as data (served at
 * /openapi.json). The story and article bodies are the JSON report ("crosscheck/1"), the
 * same as the CLI's --json; its schema is summarised here by its top-level keys.
 */
import { VERSION } from '../report/version.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
const query = (name: string, description: string, schema: unknown = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
const path = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });

const EVIDENCE = {
  type: 'object',
  required: ['articleId', 'span', 'text'],
  properties: {
    articleId: { type: 'string' },
    span: { type: 'object', required: ['start', 'end'], properties: { start: { type: 'integer' }, end: { type: 'integer' } } },
    text: { type: 'string', description: 'exactly the article text at span (UTF-16 offsets, half-open)' },
  },
};

const RECORD = {
  type: 'object',
  description: 'One article in the JSONL record form: "text" (or "html"), with optional metadata.',
  properties: {
    text: { type: 'string' },
    html: { type: 'string', description: 'a page, run through the HTML extraction cascade (when there is no "text")' },
    id: { type: 'string' },
    url: { type: 'string' },
    outlet: { type: 'string' },
    title: { type: 'string' },
    byline: { type: 'string' },
    publishedAt: { type: 'string', description: 'ISO 8601' },
  },
};

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'crosscheck',
    version: VERSION,
    description: 'How each outlet tells the same story: stories, facts with their evidence, text reuse and article profiles. Errors are JSON with a code from the catalogue (docs/errors.md). Every page of the web app is also JSON with ?format=json or Accept: application/json.',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'the --token (or CROSSCHECK_TOKEN) the server was started with' } },
    schemas: {
      Message: {
        type: 'object',
        required: ['code', 'severity', 'stage', 'reason', 'hint'],
        properties: {
          code: { type: 'string', pattern: '^CC[0-9]{3}$' },
          severity: { enum: ['error', 'warning', 'info'] },
          stage: { type: 'string' },
          reason: { type: 'string' },
          hint: { type: 'string' },
          uri: { type: 'string' },
          span: { type: 'object' },
        },
      },
      Error: { type: 'object', required: ['status', 'error'], properties: { status: { type: 'integer' }, error: ref('Message') } },
      Evidence: EVIDENCE,
      StorySummary: {
        type: 'object',
        required: ['id', 'title', 'articleCount', 'outletCount', 'outlets', 'firstPublished', 'lastPublished', 'facts', 'stale'],
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          articleCount: { type: 'integer' },
          outletCount: { type: 'integer' },
          outlets: { type: 'array', items: { type: 'string' } },
          firstPublished: { type: ['string', 'null'] },
          lastPublished: { type: ['string', 'null'] },
          facts: { type: 'object', properties: { corroborated: { type: 'integer' }, singleSource: { type: 'integer' }, disputed: { type: 'integer' } } },
          stale: { type: 'boolean', description: 'articles joined after the facts were computed' },
        },
      },
      StoryList: {
        type: 'object',
        required: ['order', 'limit', 'offset', 'stories', 'next', 'previous'],
        properties: {
          order: { enum: ['newest', 'largest'] },
          limit: { type: 'integer' },
          offset: { type: 'integer' },
          page: { type: 'integer', description: 'the page number (keyset pages)' },
          stories: { type: 'array', items: ref('StorySummary') },
          next: { type: ['string', 'null'], description: 'the next page (a keyset cursor in ?after=), or null on the last' },
          previous: { type: ['string', 'null'], description: 'the previous page of an ?offset= page; null on keyset pages (go back, or to first)' },
          first: { type: ['string', 'null'], description: 'the first page, on any later page' },
        },
      },
      SearchResult: {
        type: 'object',
        properties: {
          query: { type: 'string' },
          hits: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                kind: { enum: ['article', 'story', 'fact'] },
                id: { type: 'string' },
                storyId: { type: ['string', 'null'] },
                title: { type: ['string', 'null'] },
                snippet: { type: 'string', description: 'matched words between [ and ]' },
                rank: { type: 'number' },
              },
            },
          },
          next: { type: ['string', 'null'], description: 'the next page of hits (a keyset cursor in ?after=), or null on the last' },
          first: { type: ['string', 'null'], description: 'the first page, on any later page' },
        },
      },
      Report: {
        type: 'object',
        description: 'The JSON report (schema "crosscheck/1"), as `crosscheck story ID --json` prints it: articles with every layer (sentences, entities, quotes, attributions, claims, signals, removed, repairs, profile, messages), stories with facts (members as Evidence with a stance, conflicts), reuse (passages as Evidence pairs), origins and coverage.',
        required: ['schema', 'generatedBy', 'articles', 'stories', 'messages'],
        properties: {
          schema: { const: 'crosscheck/1' },
          generatedBy: { type: 'string' },
          articles: { type: 'array', items: { type: 'object' } },
          stories: { type: 'array', items: { type: 'object' } },
          messages: { type: 'array', items: ref('Message') },
        },
      },
      ArticleReport: {
        allOf: [ref('Report'), { type: 'object', properties: { storyId: { type: ['string', 'null'] } } }],
      },
      Record: RECORD,
      PostResult: {
        type: 'object',
        properties: {
          read: { type: 'integer' },
          new: { type: 'integer' },
          duplicates: { type: 'integer' },
          failed: { type: 'integer' },
          articles: {
            type: 'array',
            items: { type: 'object', properties: { id: { type: 'string' }, storyId: { type: ['string', 'null'] }, title: { type: ['string', 'null'] }, outlet: { type: ['string', 'null'] } } },
          },
          problems: { type: 'array', items: ref('Message') },
          stories: { type: 'object' },
        },
      },
    },
  },
  paths: {
    '/api/stories': {
      get: {
        summary: 'List stories (newest or largest), filtered by date and outlet, or search them with q',
        parameters: [
          query('order', 'newest (latest publication first) or largest (most articles first)', { enum: ['newest', 'largest'], default: 'newest' }),
          query('since', 'stories with an article published on or after this ISO 8601 date'),
          query('until', 'stories with an article published on or before this date (a date includes the whole day)'),
          query('outlet', 'stories with at least one article from this outlet'),
          query('q', 'full-text search instead of the listing (answers a SearchResult)'),
          query('limit', 'stories per page (1-100)', { type: 'integer', default: 20 }),
          query('after', 'the page after this cursor: follow "next" (an opaque keyset cursor; a deep page costs what the first does)'),
          query('page', 'the page number to show (carried by "next"; display only)', { type: 'integer', default: 1 }),
          query('offset', 'stories to skip (the older form, up to 100000; prefer "next")', { type: 'integer', default: 0 }),
        ],
        responses: { 200: json({ oneOf: [ref('StoryList'), ref('SearchResult')] }, 'a page of stories'), 400: errorResponse('a bad parameter (CC902)') },
      },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search over articles, stories and facts',
        parameters: [
          { ...query('q', 'the words to find'), required: true },
          query('kind', 'article, story, fact (comma-separated)'),
          query('limit', '1-100', { type: 'integer', default: 20 }),
          query('after', 'the page after this cursor: follow "next"'),
        ],
        responses: { 200: json(ref('SearchResult'), 'hits, best first'), 400: errorResponse('no query or a bad parameter (CC902)') },
      },
    },
    '/api/stories/{id}': {
      get: {
        summary: 'One story with its facts, reuse, origins and coverage, and its articles with all layers',
        parameters: [path('id', 'story id (s-...)')],
        responses: { 200: json(ref('Report'), 'the JSON report of the story'), 404: errorResponse('no such story (CC705)') },
      },
    },
    '/api/articles/{id}': {
      get: {
        summary: 'One article with all its layers, and its story id',
        parameters: [path('id', 'article id')],
        responses: { 200: json(ref('ArticleReport'), 'the JSON report of the article'), 404: errorResponse('no such article (CC705)') },
      },
    },
    '/api/articles': {
      post: {
        summary: 'Ingest articles: cleaned, analyzed and clustered into stories',
        description: 'The token is checked before the body is read. A JSON record nested more than 32 levels deep is refused alone (CC902 in "problems"); the other records are stored. Stored articles are known as "posted:<request id>:<line>".',
        security: [{ token: [] }],
        parameters: [
          query('filename', 'for a raw file body (or text/plain, text/html taken as a file): its name, whose extension says the format'),
          query('title', 'metadata for a text/plain or text/html body'),
          query('outlet', 'metadata for a text/plain or text/html body'),
          query('url', 'metadata for a text/plain or text/html body'),
          query('byline', 'metadata for a text/plain or text/html body'),
          query('publishedAt', 'metadata for a text/plain or text/html body'),
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { oneOf: [ref('Record'), { type: 'array', items: ref('Record') }, { type: 'object', properties: { records: { type: 'array', items: ref('Record') } } }] } },
            'application/x-ndjson': { schema: { type: 'string', description: 'one Record per line (the JSONL record form)' } },
            'text/plain': { schema: { type: 'string', description: 'one article' } },
            'text/html': { schema: { type: 'string', description: 'one page' } },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  files: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' }, description: '.txt .md .html .jsonl .rss .atom .xml .warc, or .gz of them' },
                  text: { type: 'string', description: 'a pasted article' },
                  kind: { enum: ['auto', 'text', 'html'] },
                  title: { type: 'string' }, outlet: { type: 'string' }, url: { type: 'string' }, byline: { type: 'string' }, publishedAt: { type: 'string' },
                },
              },
            },
            'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream', description: 'one file; give ?filename=' } },
          },
        },
        responses: {
          201: json(ref('PostResult'), 'articles stored'),
          200: json(ref('PostResult'), 'everything was already stored'),
          400: errorResponse('malformed body, or no item gave an article (CC902, CC501)'),
          401: errorResponse('no token given (CC903)'),
          403: errorResponse('wrong token, or the server takes no writes (CC904)'),
          413: errorResponse('body over the size limit (CC901)'),
          415: errorResponse('unsupported content type or file type (CC907)'),
        },
      },
    },
    '/api/export': {
      get: {
        summary: 'Every article, story or fact, one per line (streamed)',
        parameters: [query('what', 'articles, stories or facts', { enum: ['articles', 'stories', 'facts'], default: 'articles' }), query('format', 'jsonl or csv', { enum: ['jsonl', 'csv'], default: 'jsonl' })],
        responses: {
          200: { description: 'the records', content: { 'application/x-ndjson': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } } } },
          400: errorResponse('a bad parameter (CC902)'),
        },
      },
    },
    '/openapi.json': { get: { summary: 'This document', responses: { 200: json({ type: 'object' }, 'OpenAPI 3.1') } } },
  },
} as const;
