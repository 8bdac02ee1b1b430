/**
 * `ingest --enqueue` reads its inputs as `ingest` does (issue 19, defect 7: it dropped
 * --allow-private, so a URL on this machine's network could not be queued even when allowed).
 * A real page on 127.0.0.1 and a real PostgreSQL queue; skipped loudly without a server.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { dropSchemas, freshSchema, requireServer, withSchema } from '../store/postgres/test-server.js';
import { runCli } from './testing.js';

const pg = await requireServer('ingest --enqueue with --allow-private');
const page = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<html><head><title>Quay plan</title></head><body><article><p>The harbour board agreed on Monday to rebuild the north quay before the winter storms, its chair said after the vote.</p><p>Work starts in March and will take two years, the board said.</p></article></body></html>');
});
await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
const address = page.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/quay`;
after(async () => {
  page.closeAllConnections();
  page.close();
  if (pg) await dropSchemas(pg);
});

test('ingest --enqueue passes --allow-private on to the reader', { skip: pg === null }, async () => {
  const db = withSchema(pg!, freshSchema());
  const refused = await runCli('ingest', '--db', db, '--enqueue', '--json', url);
  assert.match(refused.err, /CC126/, 'refused without --allow-private');
  assert.equal((JSON.parse(refused.out) as { enqueued: number }).enqueued, 0);
  const allowed = await runCli('ingest', '--db', db, '--enqueue', '--json', '--allow-private', url);
  assert.doesNotMatch(allowed.err, /CC126/, allowed.err);
  assert.equal((JSON.parse(allowed.out) as { enqueued: number }).enqueued, 1, allowed.err);
});
