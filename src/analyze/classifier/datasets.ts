/**
 * Readers for the two annotated media-bias sets the profile classifier is trained and scored
 * on, read at run time from ../shared/data (never copied into the project):
 *
 *   BABE  babe/babe_sg2.csv: ';'-separated, quoted fields; text, outlet, label_bias (Biased /
 *         Non-biased / No agreement), label_opinion (Entirely factual / Somewhat factual but
 *         also opinionated / Expresses writer's opinion / No agreement), biased_words (a Python
 *         list literal of words).
 *   BASIL articles/<year>/<triplet>_<n>.json (body-paragraphs: lists of sentences) and
 *         annotations/<year>/<triplet>_<n>_ann.json (phrase-level spans: bias 'lex' or 'inf',
 *         start/end into one sentence, txt); the sentence is the one whose slice equals txt.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DATA_DIR = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
export const BABE_PATH = join(DATA_DIR, 'babe', 'babe_sg2.csv');
export const BASIL_DIR = join(DATA_DIR, 'basil');

export interface BabeRow {
  text: string;
  outlet: string;
  /** null for "No agreement". */
  biased: boolean | null;
  /** Factual vs the two opinionated labels; null for "No agreement". */
  opinionated: boolean | null;
  biasedWords: string[];
}

/** Parses a ';'-separated file with double-quoted fields (which may hold newlines). */
export function parseCsv(text: string, separator = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((x) => x !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((x) => x !== '')) rows.push(row);
  return rows;
}

/** The words of a Python list literal: "['criminals', \"don't\"]" -> criminals, don't. */
function pythonList(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)) out.push((m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1'));
  return out;
}

export function readBabe(path = BABE_PATH): BabeRow[] | null {
  if (!existsSync(path)) return null;
  const [header = [], ...body] = parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  const col = (name: string): number => header.indexOf(name);
  const [iText, iOutlet, iBias, iOpinion, iWords] = [col('text'), col('outlet'), col('label_bias'), col('label_opinion'), col('biased_words')];
  return body.map((f) => {
    const bias = f[iBias] ?? '';
    const opinion = f[iOpinion] ?? '';
    return {
      text: f[iText] ?? '',
      outlet: f[iOutlet] ?? '',
      biased: bias === 'Biased' ? true : bias === 'Non-biased' ? false : null,
      opinionated: opinion === 'Entirely factual' ? false : opinion === '' || opinion === 'No agreement' ? null : true,
      biasedWords: pythonList(f[iWords] ?? ''),
    };
  });
}

export interface BasilSpan {
  bias: 'lex' | 'inf';
  start: number;
  end: number;
  text: string;
  quote: boolean;
}

export interface BasilSentence {
  text: string;
  /** Index of the paragraph, and of the sentence in the article. */
  paragraph: number;
  index: number;
  spans: BasilSpan[];
}

export interface BasilArticle {
  /** The event: the three articles of a triplet tell one story. */
  triplet: string;
  /** "fox", "nyt", "hpo". */
  source: string;
  title: string;
  sentences: BasilSentence[];
}

interface BasilJson {
  title?: string;
  source?: string;
  'triplet-uuid'?: string;
  'body-paragraphs'?: string[][];
}
interface BasilAnnJson {
  'phrase-level-annotations'?: { bias?: string; start?: number; end?: number; txt?: string; quote?: string }[];
}

export function readBasil(dir = BASIL_DIR): BasilArticle[] | null {
  const articlesDir = join(dir, 'articles');
  if (!existsSync(articlesDir)) return null;
  const out: BasilArticle[] = [];
  for (const year of readdirSync(articlesDir).sort()) {
    for (const name of readdirSync(join(articlesDir, year)).sort()) {
      if (!name.endsWith('.json')) continue;
      const a = JSON.parse(readFileSync(join(articlesDir, year, name), 'utf8')) as BasilJson;
      const sentences: BasilSentence[] = [];
      (a['body-paragraphs'] ?? []).forEach((p, pi) => {
        for (const s of p) sentences.push({ text: s, paragraph: pi, index: sentences.length, spans: [] });
      });
      const annPath = join(dir, 'annotations', year, name.replace(/\.json$/, '_ann.json'));
      if (existsSync(annPath)) {
        const ann = JSON.parse(readFileSync(annPath, 'utf8')) as BasilAnnJson;
        for (const p of ann['phrase-level-annotations'] ?? []) {
          const { start = -1, end = -1, txt = '' } = p;
          const s = sentences.find((x) => x.text.slice(start, end) === txt);
          if (s === undefined || (p.bias !== 'lex' && p.bias !== 'inf')) continue;
          s.spans.push({ bias: p.bias, start, end, text: txt, quote: p.quote === 'yes' });
        }
      }
      out.push({ triplet: a['triplet-uuid'] ?? name.split('_')[0] ?? name, source: a.source ?? '', title: a.title ?? '', sentences });
    }
  }
  return out;
}

/** Macro-F1 (mean of the two classes' F1) of predictions against gold labels. */
export function macroF1(pred: readonly boolean[], gold: readonly boolean[]): number {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (let i = 0; i < pred.length; i++) {
    const p = pred[i] as boolean;
    const g = gold[i] as boolean;
    if (p && g) tp++;
    else if (p) fp++;
    else if (g) fn++;
    else tn++;
  }
  const f = (a: number, b: number, c: number): number => (a === 0 ? 0 : (2 * a) / (2 * a + b + c));
  return (f(tp, fp, fn) + f(tn, fn, fp)) / 2;
}

/** Stratified fold of each example (0..k-1), from a seeded shuffle within each class. */
export function stratifiedFolds(labels: readonly boolean[], k: number, random: () => number): number[] {
  const fold = new Array<number>(labels.length).fill(0);
  for (const cls of [true, false]) {
    const idx = labels.map((l, i) => (l === cls ? i : -1)).filter((i) => i >= 0);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    idx.forEach((i, r) => (fold[i] = r % k));
  }
  return fold;
}
