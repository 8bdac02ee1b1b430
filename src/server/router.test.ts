import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Router } from './router.js';
import { HttpError } from './http.js';

test('routes by method and pattern, with decoded params; 404 and 405 are coded', () => {
  const r = new Router();
  const h = (): void => undefined;
  r.get('/stories/:id', h).post('/api/articles', h);
  assert.deepEqual(r.match('GET', '/stories/s%2D1').params, { id: 's-1' });
  assert.deepEqual(r.match('HEAD', '/stories/x').params, { id: 'x' });
  assert.throws(() => r.match('GET', '/nope'), (e: unknown) => e instanceof HttpError && e.status === 404 && e.problem.code === 'CC905');
  assert.throws(() => r.match('GET', '/api/articles'), (e: unknown) => e instanceof HttpError && e.status === 405 && e.headers['allow'] === 'POST');
  assert.throws(() => r.match('GET', '/stories/%E0%A4%A'), (e: unknown) => e instanceof HttpError && e.status === 400);
});
