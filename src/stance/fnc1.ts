/**
 * FNC-1 files and the FNC-1 score. Stances: `Headline,Body ID[,Stance]`; bodies:
 * `Body ID,articleBody`. The score is the official weighted one: +0.25 for a correct
 * `unrelated`, +0.25 for any related label on a related pair, +0.5 more for the exact related
 * label; divided by the best possible total.
 */
import { readFileSync } from 'node:fs';
import { parseCSV } from '../read/csv.js';

export const LABELS = ['agree', 'disagree', 'discuss', 'unrelated'] as const;
export type StanceLabel = (typeof LABELS)[number];

export interface StancePair {
  headline: string;
  bodyId: string;
  stance?: StanceLabel;
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; error: string };

function isLabel(s: string): s is StanceLabel {
  return (LABELS as readonly string[]).includes(s);
}

/** Stance rows from CSV text; the header names the columns (Headline, Body ID, optional Stance). */
export function parseStances(text: string): ReadResult<StancePair[]> {
  const [header, ...rows] = parseCSV(text);
  if (!header) return { ok: false, error: 'the file is empty' };
  const h = header.indexOf('Headline');
  const b = header.indexOf('Body ID');
  const s = header.indexOf('Stance');
  if (h < 0 || b < 0) return { ok: false, error: `the header must name "Headline" and "Body ID" (it reads ${JSON.stringify(header.join(','))})` };
  const pairs: StancePair[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (row.length === 1 && row[0] === '') continue;
    const pair: StancePair = { headline: row[h] ?? '', bodyId: (row[b] ?? '').trim() };
    const stance = s >= 0 ? (row[s] ?? '').trim() : '';
    if (stance && isLabel(stance)) pair.stance = stance;
    else if (stance) return { ok: false, error: `row ${i + 2}: unknown stance "${stance}" (expected ${LABELS.join(', ')})` };
    pairs.push(pair);
  }
  return { ok: true, value: pairs };
}

/** Bodies by id from CSV text (`Body ID,articleBody`). */
export function parseBodies(text: string): ReadResult<Map<string, string>> {
  const [header, ...rows] = parseCSV(text);
  if (!header) return { ok: false, error: 'the file is empty' };
  const b = header.indexOf('Body ID');
  const a = header.indexOf('articleBody');
  if (b < 0 || a < 0) return { ok: false, error: `the header must name "Body ID" and "articleBody" (it reads ${JSON.stringify(header.join(','))})` };
  const bodies = new Map<string, string>();
  for (const row of rows) {
    if (row.length === 1 && row[0] === '') continue;
    bodies.set((row[b] ?? '').trim(), row[a] ?? '');
  }
  return { ok: true, value: bodies };
}

export function readFnc1(stancesPath: string, bodiesPath: string): { pairs: StancePair[]; bodies: Map<string, string> } {
  const pairs = parseStances(readFileSync(stancesPath, 'utf8'));
  const bodies = parseBodies(readFileSync(bodiesPath, 'utf8'));
  if (!pairs.ok) throw new Error(`${stancesPath}: ${pairs.error}`);
  if (!bodies.ok) throw new Error(`${bodiesPath}: ${bodies.error}`);
  return { pairs: pairs.value, bodies: bodies.value };
}

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface Scores {
  /** FNC-1 weighted score as a share of the best possible (0..1). */
  fnc: number;
  /** Related-vs-unrelated accuracy. */
  related: number;
  accuracy: number;
  macroF1: number;
  f1: Record<StanceLabel, number>;
  /** confusion[gold][predicted], in LABELS order. */
  confusion: number[][];
  n: number;
}

export function score(gold: readonly StanceLabel[], predicted: readonly StanceLabel[]): Scores {
  const confusion = LABELS.map(() => LABELS.map(() => 0));
  let total = 0;
  let best = 0;
  let relatedRight = 0;
  let exact = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i] as StanceLabel;
    const p = predicted[i] as StanceLabel;
    confusion[LABELS.indexOf(g)]![LABELS.indexOf(p)]!++;
    const gRel = g !== 'unrelated';
    const pRel = p !== 'unrelated';
    best += gRel ? 1 : 0.25;
    if (g === p) exact++;
    if (gRel === pRel) {
      relatedRight++;
      total += 0.25;
      if (gRel && g === p) total += 0.75;
    }
  }
  const f1 = {} as Record<StanceLabel, number>;
  LABELS.forEach((l, k) => {
    const tp = confusion[k]![k]!;
    const fp = confusion.reduce((a, row, j) => a + (j === k ? 0 : row[k]!), 0);
    const fn = confusion[k]!.reduce((a, v, j) => a + (j === k ? 0 : v), 0);
    f1[l] = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  const n = gold.length;
  return {
    fnc: best ? total / best : 0,
    related: n ? relatedRight / n : 0,
    accuracy: n ? exact / n : 0,
    macroF1: LABELS.reduce((a, l) => a + f1[l], 0) / LABELS.length,
    f1,
    confusion,
    n,
  };
}

/** A plain-text table of scores and the confusion matrix (rows gold, columns predicted). */
export function formatScores(s: Scores): string {
  const pct = (x: number): string => (100 * x).toFixed(2) + '%';
  const w = 10;
  const lines = [
    `pairs                 ${s.n}`,
    `FNC-1 score           ${pct(s.fnc)}`,
    `related accuracy      ${s.related.toFixed(4)}`,
    `4-way accuracy        ${s.accuracy.toFixed(4)}`,
    `macro-F1              ${s.macroF1.toFixed(4)}   (${LABELS.map((l) => `${l} ${s.f1[l].toFixed(3)}`).join(', ')})`,
    '',
    'gold \\ predicted ' + LABELS.map((l) => l.padStart(w)).join(''),
    ...LABELS.map((l, k) => l.padEnd(17) + s.confusion[k]!.map((v) => String(v).padStart(w)).join('')),
  ];
  return lines.join('\n') + '\n';
}
