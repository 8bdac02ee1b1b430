/** Loads ../shared/data/extraction: ground-truth.json and html/<id>.html.gz (read at run time, never copied in). */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const EXTRACTION_DIR = fileURLToPath(new URL('../../shared/data/extraction/', import.meta.url));

export interface EvalPage {
  id: string;
  url: string;
  truth: string;
  bytes: Buffer;
}

export function hasExtractionData(): boolean {
  return existsSync(`${EXTRACTION_DIR}ground-truth.json`);
}

export function loadPages(): EvalPage[] {
  const truth = JSON.parse(readFileSync(`${EXTRACTION_DIR}ground-truth.json`, 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  return Object.keys(truth)
    .sort()
    .map((id) => ({
      id,
      url: truth[id]!.url ?? '',
      truth: truth[id]!.articleBody ?? '',
      bytes: gunzipSync(readFileSync(`${EXTRACTION_DIR}html/${id}.html.gz`)),
    }));
}
