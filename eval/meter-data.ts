/**
 * METER (../shared/data/meter, read at run time; see its README): Press Association wire copy
 * and the newspaper articles printed on the same stories the next day, each newspaper article
 * labelled wholly / partially / non-derived from the PA copy. The wire format (rule lines, a
 * `HH:MM DD/MM/YY: Page N` header, `<` ending each paragraph, ``` ``quotes'' ```, `#` for the
 * pound sign, operator initials last) is turned into plain text here, as a reader of that feed
 * would; nothing else is changed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const METER_DIR = fileURLToPath(new URL('../../shared/data/meter', import.meta.url));

export type Derivation = 'wholly' | 'partially' | 'non';

export interface MeterText {
  /** Path under the corpus root, e.g. "newspapers/rawtexts/courts/01.03.00/diver/diver396_guardian.txt". */
  id: string;
  kind: 'pa' | 'paper';
  /** "pa" or the paper's name ("guardian"). */
  outlet: string;
  desk: 'courts' | 'showbiz';
  /** The PA copy's day, ISO (the newspapers printed it the next day). */
  day: string;
  catchline: string;
  /** desk/day/catchline: the gold story. */
  group: string;
  text: string;
  /** Newspaper articles with a label only. */
  label?: Derivation;
}

export function hasMeter(dir = METER_DIR): boolean {
  return existsSync(join(dir, 'PA', 'rawtexts'));
}

const DECODER = new TextDecoder('windows-1252');

export function readMeter(dir = METER_DIR): MeterText[] {
  const labels = new Map<string, Derivation>();
  for (const desk of ['courts', 'showbiz']) {
    for (const label of ['wholly', 'partially', 'non'] as const) {
      const file = join(dir, 'file_index', desk, `${label}_derived.txt`);
      if (!existsSync(file)) continue;
      for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
        const path = line.trim().replace(/^meter_corpus\//, '');
        if (path) labels.set(path, label);
      }
    }
  }
  const out: MeterText[] = [];
  for (const [kind, top] of [['pa', 'PA'], ['paper', 'newspapers']] as const) {
    for (const desk of ['courts', 'showbiz'] as const) {
      const deskDir = join(dir, top, 'rawtexts', desk);
      if (!existsSync(deskDir)) continue;
      for (const day of readdirSync(deskDir).sort()) {
        const m = /^(\d\d)\.(\d\d)\.(\d\d)$/.exec(day);
        if (!m) continue;
        const iso = `${Number(m[3]) > 50 ? '19' : '20'}${m[3]}-${m[2]}-${m[1]}`;
        for (const catchline of readdirSync(join(deskDir, day)).sort()) {
          const cdir = join(deskDir, day, catchline);
          let files: string[];
          try {
            files = readdirSync(cdir).filter((f) => f.endsWith('.txt')).sort();
          } catch {
            continue;
          }
          for (const f of files) {
            const id = `${top}/rawtexts/${desk}/${day}/${catchline}/${f}`;
            const raw = DECODER.decode(readFileSync(join(cdir, f)));
            const text = kind === 'pa' ? wireToText(raw) : raw.replace(/\r\n?/g, '\n').trim();
            if (text.length === 0) continue;
            const outlet = kind === 'pa' ? 'pa' : (/_([a-z]+)\.txt$/.exec(f)?.[1] ?? 'paper');
            const t: MeterText = { id, kind, outlet, desk, day: iso, catchline, group: `${desk}/${day}/${catchline}`, text };
            const label = labels.get(id);
            if (label) t.label = label;
            out.push(t);
          }
        }
      }
    }
  }
  return out;
}

/** PA wire copy as plain text: the header and rules dropped, `<`-ended paragraphs joined, quotes and pound signs restored. */
export function wireToText(raw: string): string {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const paragraphs: string[] = [];
  let cur: string[] = [];
  const flush = (): void => {
    if (cur.length > 0) paragraphs.push(cur.join(' '));
    cur = [];
  };
  for (const line of lines) {
    const t = line.trim();
    if (t === '' || /^-{5,}$/.test(t) || /^\d\d:\d\d \d\d\/\d\d\/\d\d: Page \d+/.test(t)) {
      if (t === '') continue;
      flush();
      continue;
    }
    const ends = t.endsWith('<');
    cur.push(ends ? t.slice(0, -1).trimEnd() : t);
    if (ends) flush();
  }
  flush();
  // The operator's initials close the copy ("mfl").
  if (paragraphs.length > 1 && /^[a-z]{2,4}$/.test(paragraphs[paragraphs.length - 1] ?? '')) paragraphs.pop();
  return paragraphs
    .join('\n\n')
    .replace(/[\u0000-\u0008\u000b-\u001f]/g, '')
    .replace(/``|''/g, '"')
    .replace(/#(?=\d)/g, '£')
    .trim();
}
