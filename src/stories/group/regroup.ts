/**
 * Two events of one kind in one story, found by grouping the story again on its own: the story's
 * members through the clusterer once more, with document frequencies counted over them alone
 * (and the background prior), as `compare` does with a handful of files.
 *
 * Why: over a whole collection the words of a kind (the species rule, the browser patch, the
 * jewellery heist) are rare and weigh most, so the reports of a second event of that kind join
 * the first's story and every similarity-based split test sees one story (its mean across stays
 * near its mean within). Counted over the story alone, those words are common and weigh little;
 * what each event's reports share and the other's lack (the other minister, the other car, the
 * other year) decides, and the clusterer, run on the story, gives each event its own group. On
 * ECB+ that regrouping is the per-topic grouping that already holds (0.952), but it also cuts a
 * story of ONE event in two where its reports are loosely knit (the background weighs less, its
 * own shared words nothing): so the cut is taken only where a second, independent sign agrees,
 * a year that one group's members name and the other's do not, the newest the story names (ownYear).
 */
import type { Story } from '../../model/index.js';
import type { Candidate, CandidateIndex, CandidateQuery, Fingerprint, SketchCounts, StorySummary } from '../../store/index.js';
import { DocumentFrequency } from './df.js';
import { YEAR_MARK, type Features } from './features.js';
import { marksOf, similarity, termsOf, type Keyed } from './similarity.js';
import { SPLIT, yearApart } from './split.js';

export const REGROUP = {
  /**
   * Fewest members on each of the two groups taken apart (so a story needs twice this). Chosen
   * on ECB+ (eval/cluster-ecbplus.ts, whole set) by 2-fold cross-validation over topics from
   * {4, 5, 6, 7, 8, 10}, METER (eval/meter.ts) not to drop: the even half chose 6 (0.942, the
   * rest 0.934), the odd half is flat (0.960 for all) and takes the smallest METER keeps, 6 (4
   * and 5 split two METER court stories by wire against papers: undated 0.927 -> 0.925).
   * Held out: whole set odd 0.928 -> 0.960, even 0.934 -> 0.942.
   */
  minSide: 6,
  /**
   * Which years a group names for yearApart: 'top' (each member's most named year, as the
   * split's year test), 'any' (every year its members name), or 'off' (no regrouping). 'any':
   * the reports of a second event of a kind often recall the first's year more than they name
   * their own (ECB+ topic 24: the second heist's reports name the first's 2008 and 2009 before
   * their 2013), so its top year is the first's; ownYear's test of the newest year still holds.
   * ECB+ whole set (eval/cluster-ecbplus.ts) in one batch (--batch 1000): 0.946 -> 0.954 (odd
   * topics 0.959 = 0.959, even 0.934 -> 0.952; the odd half ties, the even half chose 'any');
   * batches of 500 and 250 unchanged (0.950, 0.940); METER undated 0.927, 250: 0.921, 1000: 0.935
   * and BASIL 0.981 unchanged.
   */
  years: 'any' as 'top' | 'any' | 'off',
} as const;

/** A candidate index with nothing in it: the regrouping sees the story's members alone. */
export const EMPTY_INDEX: CandidateIndex = {
  getFingerprints: async (): Promise<Map<string, Fingerprint>> => new Map(),
  candidateStoriesMany: async (queries: readonly CandidateQuery[]): Promise<Candidate[][]> => queries.map(() => []),
  getSketch: async (): Promise<SketchCounts | null> => null,
  getState: async (): Promise<Uint8Array | null> => null,
  storySummaries: async (): Promise<Map<string, StorySummary>> => new Map(),
  getStory: async (): Promise<Story | null> => null,
};

/** A member of a story as the regrouping takes it: its fingerprint, its id (the order of arrival), and its features where at hand. */
export interface RegroupMember extends Keyed {
  id: string;
  features?: Features;
}

/**
 * Whether group `a` has a year of its own (yearApart) that is also the newest year any member of
 * the story names: reports of an event name its year as the newest they mention, and a group that
 * recalls an older year (the offence a trial is about, the heist before) is no second event.
 */
function ownYear(members: readonly Keyed[], a: readonly number[], b: readonly number[]): boolean {
  if (!yearApart(members, a, b, REGROUP.years === 'any')) return false;
  let newest = '';
  for (const k of members) for (const mark of marksOf(k.fingerprint)) if (mark.startsWith(YEAR_MARK) && mark > newest) newest = mark;
  // yearApart holds for some year of a's; it must be the newest, named by yearShare of a and at most yearOther of b.
  const named = (side: readonly number[]): number => side.filter((i) => marksOf((members[i] as Keyed).fingerprint).includes(newest)).length;
  return newest !== '' && named(a) >= SPLIT.yearShare * a.length && named(b) <= SPLIT.yearOther * b.length;
}

/** The features of a member known only by its stored fingerprint: its terms (counted once each, in rank order), entities, signature and years. */
function featuresOf(k: Keyed): Features {
  return { terms: termsOf(k.fingerprint).map((t) => [t, 1] as [string, number]), entities: [...k.fingerprint.entities], minhash: [...k.fingerprint.minhash], time: k.time, marks: [...marksOf(k.fingerprint)] };
}

/**
 * The members (indices into `members`) to take out into a story of their own, or null: the
 * second largest group of the story grouped on its own (`group`: the clusterer's planBatch over
 * an empty index and a fresh DocumentFrequency), with the small groups that are closer to it,
 * where both it and the largest have REGROUP.minSide members and one names a year the other does
 * not (ownYear). The side of the first member stays.
 */
export async function regroupOff(
  members: readonly RegroupMember[],
  group: (items: readonly { id: string; contentHash: string; features: Features }[], df: DocumentFrequency) => Promise<Map<string, string>>,
): Promise<number[] | null> {
  const m = members.length;
  if (REGROUP.years === 'off' || m < 2 * REGROUP.minSide || m > SPLIT.maxMembers) return null;
  const items = members.map((k, i) => ({ id: k.id, contentHash: String(i).padStart(12, '0'), features: k.features ?? featuresOf(k) }));
  const local = new DocumentFrequency();
  const storyOf = await group(items, local);
  const byStory = new Map<string, number[]>();
  members.forEach((k, i) => {
    const s = storyOf.get(k.id) ?? k.id;
    const list = byStory.get(s);
    if (list) list.push(i);
    else byStory.set(s, [i]);
  });
  const parts = [...byStory.values()].sort((a, b) => b.length - a.length || (a[0] as number) - (b[0] as number));
  const [first, second] = parts;
  if (!first || !second || second.length < REGROUP.minSide) return null;
  if (!ownYear(members, first, second) && !ownYear(members, second, first)) return null;
  // The small groups go with the one they are more alike to over the story's own counts (over the
  // collection's, ECB+ whole set odd half 0.960 -> 0.948: the words of the kind decide again).
  const mean = (a: readonly number[], b: readonly number[]): number => {
    let s = 0;
    for (const x of a) for (const y of b) s += similarity(members[x] as Keyed, members[y] as Keyed, local);
    return s / (a.length * b.length);
  };
  const [a, b] = [[...first], [...second]];
  for (const p of parts.slice(2)) (mean(p, second) > mean(p, first) ? b : a).push(...p);
  const out = a.includes(0) ? b : a;
  return out.sort((x, y) => x - y);
}
