/**
 * Which reader an input goes to: by the --format option, else by its extension. Directories are
 * read for the listed extensions only; an explicit file with another extension is sniffed.
 */
import { extname } from 'node:path';

export type InputFormat = 'text' | 'jsonl';

/** Extensions read as one plain-text article per file. */
const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.text', '.md']);
/** Extensions read as one JSON object per line, streamed. */
const JSONL_EXTENSIONS: ReadonlySet<string> = new Set(['.jsonl', '.ndjson']);

/** The format an extension says, or null when it names none we read. */
export function formatOfPath(path: string): InputFormat | null {
  const ext = extname(path).toLowerCase();
  if (TEXT_EXTENSIONS.has(ext)) return 'text';
  if (JSONL_EXTENSIONS.has(ext)) return 'jsonl';
  return null;
}

/** True for names a directory walk skips: dotfiles and dot-directories. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}
