/**
 * Directories are read recursively in a fixed order (names sorted by code unit at every level,
 * so the same tree gives the same batch on every machine and locale). Hidden files and
 * directories are skipped, and so are files whose extension we do not read. Symbolic links to
 * files are followed; links to directories are not (no cycles).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatOfPath, isHiddenName } from './formats.js';

export interface DirectoryEntry {
  path: string;
  size: number;
}

export type WalkItem = { kind: 'file'; file: DirectoryEntry } | { kind: 'error'; path: string; code: string };

/** Yields the article files under a directory, depth first, in sorted order. */
export async function* walkDirectory(dir: string): AsyncGenerator<WalkItem> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { kind: 'error', path: dir, code: (error as NodeJS.ErrnoException).code ?? String(error) };
    return;
  }
  const names = entries.filter((e) => !isHiddenName(e.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walkDirectory(path);
      continue;
    }
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    if (formatOfPath(entry.name) === null) continue;
    try {
      const s = await stat(path);
      if (s.isFile()) yield { kind: 'file', file: { path, size: s.size } };
    } catch (error) {
      yield { kind: 'error', path, code: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
  }
}
