/**
 * The loaded-word model's output as features of the sentence models (stacking): a sentence whose
 * strongest word is very likely a loaded word is likely biased whatever its other words. Shared
 * by training (from out-of-fold word probabilities) and prediction (from the shipped word model).
 */
import type { Features, SentenceWord } from './features.js';
import { fnv } from './hash.js';

const SEED = fnv('K\u0001');
const H = {
  max: fnv('max', SEED), top2: fnv('top2', SEED), over5: fnv('over5', SEED), over3: fnv('over3', SEED),
  maxQuoted: fnv('maxq', SEED), sum: fnv('sum', SEED),
} as const;

/** Adds the stacked features of word probabilities `p` (one per word of the sentence) to `f`. */
export function addWordEvidence(f: Features, words: readonly SentenceWord[], p: ArrayLike<number>): void {
  let best = 0;
  let second = 0;
  let bestQuoted = 0;
  let over5 = 0;
  let over3 = 0;
  let sum = 0;
  for (let i = 0; i < words.length; i++) {
    const x = p[i] as number;
    if ((words[i] as SentenceWord).quoted) {
      if (x > bestQuoted) bestQuoted = x;
      continue;
    }
    sum += x;
    if (x > best) {
      second = best;
      best = x;
    } else if (x > second) second = x;
    if (x >= 0.5) over5++;
    if (x >= 0.3) over3++;
  }
  f.add(H.max, best * 2);
  f.add(H.top2, (best + second));
  f.add(H.over5, Math.min(3, over5));
  f.add(H.over3, Math.min(3, over3) * 0.5);
  f.add(H.maxQuoted, bestQuoted);
  f.add(H.sum, Math.min(3, sum));
}
