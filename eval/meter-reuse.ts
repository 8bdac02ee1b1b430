/**
 * Derivation rows of METER (shared by eval/meter.ts and scripts/train-reuse.ts): for each
 * labelled newspaper article, reuse.ts's derivationFeatures against its catchline's wire texts
 * together, its label and catchline (the cross-validation fold).
 */
import type { Prepared } from '../src/stories/prepare.js';
import { dayOfWriting, derivationFeatures, whollyFeatures, directionFeatures, restOfStory, sharedPassages, storyPassages } from '../src/stories/reuse.js';
import type { Derivation, MeterText } from './meter-data.js';

export interface DerivationRow {
  features: number[];
  /** whollyFeatures: the same, then what the wholly-vs-partially score reads besides. */
  wholly: number[];
  label: Derivation;
  catchline: string;
  /** The newspaper article's id (its path under the corpus). */
  id: string;
}

/** Rows for the labelled papers among `members` (indices into texts and prepared alike). */
export function derivationRows(texts: readonly MeterText[], prepared: readonly Prepared[], members: readonly number[]): DerivationRow[] {
  const wire = members.filter((i) => texts[i]?.kind === 'pa').map((i) => prepared[i] as Prepared);
  const out: DerivationRow[] = [];
  for (const i of members) {
    const t = texts[i] as MeterText;
    if (t.kind !== 'paper' || !t.label) continue;
    const features = derivationFeatures(prepared[i] as Prepared, wire);
    out.push({ features, wholly: whollyFeatures(prepared[i] as Prepared, wire, features), label: t.label, catchline: t.catchline, id: t.id });
  }
  return out;
}

/** The fold of a catchline (FNV-1a hash), as the eval's thresholds use. */
export function foldOf(catchline: string, folds = 5): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < catchline.length; i++) h = Math.imul(h ^ catchline.charCodeAt(i), 0x01000193);
  return (h >>> 0) % folds;
}

export interface DirectionRow {
  /** directionFeatures of (wire text, derived article): the wire text is the source. */
  features: number[];
  /** 1 when the wire text tells the event as today's and the article as yesterday's, -1 the other way, else 0 (findReuse's 'written-later'). */
  dayBalance: number;
  catchline: string;
}

/**
 * Direction rows for the pairs among `members` of a wire text and a wholly or partially derived
 * newspaper article that share a passage (6+ words), the wire text first; what the rest of the
 * story shares with each (restOfStory) from all of `members`, as findReuse sees a story.
 */
export function directionRows(texts: readonly MeterText[], prepared: readonly Prepared[], members: readonly number[]): DirectionRow[] {
  const out: DirectionRow[] = [];
  const rest = restOfStory(prepared, members, storyPassages(prepared, members));
  for (const [x, w] of members.entries()) {
    if (texts[w]?.kind !== 'pa') continue;
    for (const [y, c] of members.entries()) {
      const t = texts[c] as MeterText;
      if (t.kind !== 'paper' || (t.label !== 'wholly' && t.label !== 'partially')) continue;
      const [source, copy] = [prepared[w] as Prepared, prepared[c] as Prepared];
      const passages = sharedPassages(source, copy);
      if (passages.length > 0) out.push({ features: directionFeatures(source, copy, passages, rest(x, y)), dayBalance: dayOfWriting(source) * dayOfWriting(copy) === -1 ? dayOfWriting(source) : 0, catchline: t.catchline });
    }
  }
  return out;
}
