/**
 * Ranking measures of the check-worthiness evaluations (CLEF-2019 style: ties keep line order, as
 * the organisers' scorer does) and ROC AUC, shared by eval/checkworthy-*.ts and the floors test.
 */

/** Line indices ranked by score, ties in line order. */
export function ranking(scores: ArrayLike<number>): number[] {
  const idx = Array.from({ length: scores.length }, (_, i) => i);
  return idx.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
}

export interface RankMeasures {
  ap: number;
  rPrecision: number;
  p10: number;
}

export function rankMeasures(scores: ArrayLike<number>, labels: readonly boolean[]): RankMeasures {
  const order = ranking(scores);
  const relevant = labels.filter(Boolean).length;
  let hits = 0;
  let sum = 0;
  let rHits = 0;
  let p10 = 0;
  order.forEach((line, rank) => {
    if (labels[line] === true) {
      hits++;
      sum += hits / (rank + 1);
    }
    if (rank + 1 === relevant) rHits = hits;
    if (rank + 1 === 10) p10 = hits / 10;
  });
  return { ap: relevant ? sum / relevant : 0, rPrecision: relevant ? rHits / relevant : 0, p10 };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function f1Of(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function countAt(scores: ArrayLike<number>, labels: readonly boolean[], threshold: number, into: Counts = { tp: 0, fp: 0, fn: 0 }): Counts {
  for (let i = 0; i < labels.length; i++) {
    const pred = (scores[i] as number) >= threshold && (scores[i] as number) > 0;
    if (pred && labels[i]) into.tp++;
    else if (pred) into.fp++;
    else if (labels[i]) into.fn++;
  }
  return into;
}

/** ROC AUC of scores against labels (ties count half). */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let rank = 0;
  let sumPos = 0;
  let pos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j < idx.length && scores[idx[j] as number] === scores[idx[i] as number]) j++;
    const avg = (i + j + 1) / 2; // ranks i+1..j
    for (let k = i; k < j; k++) if (labels[idx[k] as number]) {
      sumPos += avg;
      pos++;
    }
    rank = j;
    i = j;
  }
  void rank;
  const neg = labels.length - pos;
  return pos && neg ? (sumPos - (pos * (pos + 1)) / 2) / (pos * neg) : 0;
}
