/**
 * A small router: routes are a method and a path pattern whose ":name" segments become
 * parameters (decoded). A path that matches no route is 404 (CC905); one that matches with
 * another method is 405 (CC906) with an Allow header. GET routes also answer HEAD.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './http.js';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  path: string;
}

export type Handler = (ctx: RequestContext) => Promise<void> | void;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: split(pattern), handler });
    return this;
  }

  get(pattern: string, handler: Handler): this {
    return this.add('GET', pattern, handler);
  }

  post(pattern: string, handler: Handler): this {
    return this.add('POST', pattern, handler);
  }

  /** The handler and parameters for a request, or an HttpError (404, 405). */
  match(method: string, path: string): { handler: Handler; params: Record<string, string> } {
    const segments = split(path);
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { handler: route.handler, params };
      allowed.add(route.method);
      if (route.method === 'GET') allowed.add('HEAD');
    }
    if (allowed.size > 0) {
      throw new HttpError(405, 'CC906', `${method} is not allowed on ${path}`, { headers: { allow: [...allowed].join(', ') } });
    }
    throw new HttpError(404, 'CC905', `nothing at ${path}`);
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function matchSegments(pattern: readonly string[], path: readonly string[]): Record<string, string> | null {
  if (pattern.length !== path.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] ?? '';
    const s = path[i] ?? '';
    if (p.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(s);
      } catch {
        throw new HttpError(400, 'CC902', `the path segment "${s.slice(0, 80)}" is not valid percent-encoding`);
      }
      params[p.slice(1)] = value;
    } else if (p !== s) return null;
  }
  return params;
}
