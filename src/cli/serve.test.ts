import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveCommand } from './serve.js';
import type { CliIO } from './io.js';

function io(env: Record<string, string> = {}): CliIO & { err: () => string } {
  let err = '';
  return { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, env, err: () => err };
}

test('serve: usage errors, a short token beyond loopback, a missing database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-serve-'));
  try {
    assert.equal(await serveCommand(['--port', 'http'], io()), 64);
    assert.equal(await serveCommand(['--cache-seconds', '-1'], io()), 64);
    assert.equal(await serveCommand(['extra'], io()), 64);
    const short = io();
    assert.equal(await serveCommand(['--host', '0.0.0.0', '--token', 'short', '--db', join(dir, 'a.db')], short), 64);
    assert.match(short.err(), /CC909/);
    const missing = io();
    assert.equal(await serveCommand(['--db', join(dir, 'missing.db')], missing), 2);
    assert.match(missing.err(), /CC704/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve: listens on loopback with the token from CROSSCHECK_TOKEN, stops when told', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-serve-'));
  let stop = (): void => undefined;
  const until = new Promise<void>((resolve) => (stop = resolve));
  const out = io({ CROSSCHECK_TOKEN: 'a-token' });
  let url = '';
  const done = serveCommand(['--db', join(dir, 'new.db'), '--port', '0'], out, {
    until,
    onListening: (u) => {
      url = u;
      void (async () => {
        const page = await fetch(url + '/');
        assert.equal(page.status, 200);
        const refused = await fetch(url + '/api/articles', { method: 'POST', headers: { 'content-type': 'text/plain', authorization: 'Bearer wrong' }, body: 'x' });
        assert.equal(refused.status, 403);
        stop();
      })().catch((e: unknown) => {
        stop();
        throw e;
      });
    },
  });
  assert.equal(await done, 0);
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.match(out.err(), /writes need the token/);
  rmSync(dir, { recursive: true, force: true });
});
