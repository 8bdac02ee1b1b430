/** For the server's tests: a temporary database filled from examples/corpus through ingest, and a server on an ephemeral port. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../collection/ingest.js';
import { openStore, type Store } from '../store/index.js';
import { startServer, type RunningServer } from './server.js';

export const TEST_TOKEN = 'test-token-0123456789abcdef';
export const CORPUS = fileURLToPath(new URL('../../examples/corpus', import.meta.url));

export interface TestServer extends RunningServer {
  store: Store;
  dir: string;
  logs: string[];
  stop(): Promise<void>;
}

export async function startTestServer(options: { token?: string | null; maxBody?: number } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-server-'));
  const store = await openStore(join(dir, 'test.db'));
  const summary = await ingest({ store, inputs: [CORPUS], workers: 0 });
  if (summary.new === 0) throw new Error(`the example corpus gave no article: ${JSON.stringify(summary.problems)}`);
  const logs: string[] = [];
  const running = await startServer({
    store,
    token: options.token === undefined ? TEST_TOKEN : options.token,
    host: '127.0.0.1',
    port: 0,
    ...(options.maxBody !== undefined ? { maxBody: options.maxBody } : {}),
    log: (line) => logs.push(line),
  });
  return {
    ...running,
    store,
    dir,
    logs,
    stop: async () => {
      await running.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: () => unknown;
}

export async function request(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(base + path, { redirect: 'manual', ...init });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
}
