/** The watch and version ports' contract (versions-contract.ts) on SQLite and on PostgreSQL. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from './sqlite/index.js';
import { openPostgresStore } from './postgres/index.js';
import { dropSchemas, freshSchema, requireServer, withSchema } from './postgres/test-server.js';
import { runVersionsContract } from './versions-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-versions-'));
runVersionsContract('sqlite file', {
  open: () => openSqliteStore(join(dir, 'v.db')),
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
});
runVersionsContract('sqlite :memory:', { open: () => openSqliteStore(':memory:') });

const url = await requireServer('PostgreSQL watch and version store tests');
if (url !== null) {
  const schema = freshSchema();
  runVersionsContract('postgres', {
    open: () => openPostgresStore(withSchema(url, schema)),
    cleanup: () => dropSchemas(url, [schema]),
  });
}
