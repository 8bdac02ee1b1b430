/**
 * The check-worthiness sets, read at run time from ../shared/data (never copied into the
 * project), and their lines turned into analyzed documents:
 *
 *   ClaimBuster  claimbuster/train.json: [{ sentence_id, label (1 = check-worthy factual), text }],
 *                each sentence on its own (no speaker or debate given).
 *   CLEF-2019    clef2019/training/<date>_<event>.tsv: line_number, speaker, text, label (1 when
 *                factcheck.org checked a claim in the line); one file is one transcript.
 *
 * A list of lines becomes one document: the lines joined by blank lines, each line a body
 * paragraph, analyzed by the whole pipeline (so the model is trained on the layers it will read
 * at run time). `lineSpans` maps each line back to its place in the cleaned text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../index.js';
import { extract } from '../../extract/index.js';
import { DEFAULT_CONTEXT, type Doc, type Span } from '../../model/index.js';
import { DATA_DIR } from '../classifier/datasets.js';

export const CLAIMBUSTER_PATH = join(DATA_DIR, 'claimbuster', 'train.json');
export const CLEF_DIR = join(DATA_DIR, 'clef2019', 'training');

export interface LabelledLine {
  text: string;
  label: boolean;
  speaker: string;
}

export interface ClaimBusterRow extends LabelledLine {
  id: number;
}

export interface Transcript {
  name: string;
  lines: LabelledLine[];
}

export function hasClaimBuster(path = CLAIMBUSTER_PATH): boolean {
  return existsSync(path);
}

export function hasClef(dir = CLEF_DIR): boolean {
  return existsSync(dir);
}

export function readClaimBuster(path = CLAIMBUSTER_PATH): ClaimBusterRow[] {
  const rows = JSON.parse(readFileSync(path, 'utf8')) as { sentence_id: number; label: number; text: string }[];
  return rows.map((r) => ({ id: r.sentence_id, label: r.label === 1, text: r.text, speaker: '' }));
}

export function readClef(dir = CLEF_DIR): Transcript[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
    .map((name) => {
      const lines: LabelledLine[] = [];
      for (const row of readFileSync(join(dir, name), 'utf8').split('\n')) {
        const f = row.split('\t');
        if (f.length < 4) continue;
        lines.push({ speaker: f[1] ?? '', text: (f[2] ?? '').trim(), label: (f[3] ?? '').trim() === '1' });
      }
      return { name: name.replace(/\.tsv$/, ''), lines };
    });
}

export interface LinesDoc {
  doc: Doc;
  /** Each line's span in doc.text (null when cleaning changed it past finding). */
  lineSpans: (Span | null)[];
}

/**
 * The span of a line the cleaner changed (mojibake repaired: "Ã¢â€°Â¥Well" became "≥Well"): the
 * paragraph that starts after the previous line, unless that is where the next line starts (the
 * line was dropped, not changed); null then.
 */
function repairedLine(text: string, cursor: number, next: string): Span | null {
  let start = cursor;
  while (start < text.length && (text.charCodeAt(start) === 0x0a || text.charCodeAt(start) === 0x20)) start++;
  const brk = text.indexOf('\n\n', start);
  const end = brk < 0 ? text.length : brk;
  if (end <= start || (next !== '' && text.startsWith(next, start))) return null;
  return { start, end };
}

/** Lines as one analyzed document of body paragraphs, one per line. */
export function analyzeLines(lines: readonly string[], uri: string): LinesDoc {
  const raw = lines.map((l) => l.replace(/\s+/g, ' ').trim()).join('\n\n');
  const doc = extract({ uri, format: 'text', raw, record: {}, messages: [] }, DEFAULT_CONTEXT);
  const lineSpans: (Span | null)[] = [];
  let cursor = 0;
  const text = doc.text;
  for (let k = 0; k < lines.length; k++) {
    const want = (lines[k] as string).replace(/\s+/g, ' ').trim();
    const at = want === '' ? -1 : text.indexOf(want, cursor);
    if (at < 0) {
      const span = want === '' ? null : repairedLine(text, cursor, (lines[k + 1] ?? '').replace(/\s+/g, ' ').trim());
      lineSpans.push(span);
      if (span !== null) cursor = span.end;
      continue;
    }
    lineSpans.push({ start: at, end: at + want.length });
    cursor = at + want.length;
  }
  const paragraphs = lineSpans.filter((s): s is Span => s !== null).map((span) => ({ span, kind: 'body' as const }));
  return { doc: analyze({ ...doc, paragraphs }, DEFAULT_CONTEXT), lineSpans };
}

/** The line index of every offset of a text of length `n` (-1 between lines). */
export function lineIndex(lineSpans: readonly (Span | null)[], n: number): Int32Array {
  const out = new Int32Array(n + 1).fill(-1);
  lineSpans.forEach((s, k) => {
    if (s !== null) out.fill(k, s.start, s.end);
  });
  return out;
}

/** ClaimBuster sentences are analyzed in documents of this many lines (each line its own paragraph). */
export const CLAIMBUSTER_CHUNK = 200;

export interface AnalyzedTranscript {
  transcript: Transcript;
  ld: LinesDoc;
  labels: boolean[];
}

export interface AnalyzedChunk {
  rows: ClaimBusterRow[];
  ld: LinesDoc;
  labels: boolean[];
}

export function loadClef(): AnalyzedTranscript[] | null {
  if (!hasClef()) {
    console.error('SKIP: ../shared/data/clef2019/training not found');
    return null;
  }
  return readClef().map((transcript) => ({
    transcript,
    ld: analyzeLines(transcript.lines.map((l) => l.text), `clef:${transcript.name}`),
    labels: transcript.lines.map((l) => l.label),
  }));
}

/** ClaimBuster rows in sentence-id order, in chunks (neighbouring ids come from the same debate more often than not). */
export function loadClaimBuster(): AnalyzedChunk[] | null {
  if (!hasClaimBuster()) {
    console.error('SKIP: ../shared/data/claimbuster/train.json not found');
    return null;
  }
  const rows = readClaimBuster().sort((a, b) => a.id - b.id);
  const out: AnalyzedChunk[] = [];
  for (let i = 0; i < rows.length; i += CLAIMBUSTER_CHUNK) {
    const chunk = rows.slice(i, i + CLAIMBUSTER_CHUNK);
    out.push({ rows: chunk, ld: analyzeLines(chunk.map((r) => r.text), `claimbuster:${i}`), labels: chunk.map((r) => r.label) });
  }
  return out;
}

