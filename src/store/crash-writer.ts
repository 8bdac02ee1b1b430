/**
 * The child process of the contract's crash test: opens a store through a driver module's
 * `openStore(location)` and writes numbered batches of articles, printing "committed N" after
 * each, until it is killed (SIGKILL) or has written them all.
 *   node --import tsx src/store/crash-writer.ts MODULE LOCATION BATCH_SIZE BATCHES
 */
import { pathToFileURL } from 'node:url';
import type { Store } from './store.js';
import { crashBatch } from './test-fixtures.js';

const [moduleArg, location, sizeArg, batchesArg] = process.argv.slice(2);
if (!moduleArg || !location || !sizeArg || !batchesArg) {
  process.stderr.write('usage: crash-writer.ts MODULE LOCATION BATCH_SIZE BATCHES\n');
  process.exit(64);
}
const mod = (await import(moduleArg.startsWith('file:') ? moduleArg : pathToFileURL(moduleArg).href)) as { openStore(location: string): Promise<Store> };
const store = await mod.openStore(location);
for (let b = 0; b < Number(batchesArg); b++) {
  await store.putArticles(crashBatch(b, Number(sizeArg)));
  process.stdout.write(`committed ${b}\n`);
}
await store.close();
