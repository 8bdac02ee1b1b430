/**
 * Incremental story clustering. For each new article (a batch at a time):
 *   1. fingerprint: its heaviest terms by TF-IDF (document frequencies from the sketch kept in
 *      the store), its entities, its MinHash signature and LSH bands;
 *   2. candidates: stories whose articles share keys with it, from the store's posting lists
 *      within the time window (never a scan over all stories), plus the articles of this batch
 *      that are not stored yet;
 *   3. score: the mean similarity to the story's best-matching members (up to MEMBERS_COMPARED:
 *      average-link, so that one stray member cannot pull an article in);
 *   4. assign to the best story at or above `threshold`, else found a new story; every other
 *      story the article links to at or above `mergeThreshold` is merged into it;
 *   5. split: a story founded in the batch, or a stored story of at most SPLIT.maxMembers that
 *      the batch added to (seen with its stored members), whose members fall into two groups far
 *      more alike within than across is two events of one kind (split.ts), and becomes two stories;
 *      so does one that, grouped again on its own counts, falls into two groups of which one has
 *      a year of its own (regroup.ts: over a large collection the words of a kind weigh most).
 * Order-robustness comes from the batch being sorted by time and id, the document frequencies
 * being counted for the whole batch before any article is placed, and the merges, which undo
 * the splits an unlucky order makes.
 */
import type { Article } from '../../model/index.js';
import type { ArticleToStore, Assignment, Candidate, CandidateIndex, CandidateQuery, Fingerprint, SketchCounts } from '../../store/index.js';
import { bucketOf, DocumentFrequency } from './df.js';
import { articleFeatures, timeOf, type Features } from './features.js';
import { bands } from './minhash.js';
import { EMPTY_INDEX, regroupOff } from './regroup.js';
import { closestJoins, joinParts, SPLIT, splitOff } from './split.js';
import { DAY_MS, SIMILARITY, similarity, termsOf, type Keyed } from './similarity.js';

// Tuned on BASIL triplets (B-cubed F1, eval/cluster-basil.ts); the window on news cycles.
export const CLUSTER = {
  /** Mean similarity an article needs with a story's closest members to join it. */
  threshold: 0.11,
  /** Similarity at which an article that joined one story also pulls in another (merge). */
  mergeThreshold: 0.3,
  /** Terms per fingerprint (posting keys and the similarity's term vector). */
  fingerprintTerms: 60,
  /** Entities per fingerprint. */
  fingerprintEntities: 20,
  /** Terms and entities of the fingerprint used as query keys (the heaviest; all are indexed). */
  queryTerms: 12,
  queryEntities: 8,
  /** Postings read per query key (most recent first): bounds the cost per article whatever the collection's size. */
  postingsPerKey: 20,
  /** Stories fetched from the index per article. */
  candidates: 8,
  /** Members of a candidate story compared with the article. */
  membersCompared: 3,
  /** Fingerprints kept in memory (most recent): candidates are mostly recent articles. */
  cacheSize: 20_000,
} as const;

export const DF_STATE_KEY = 'cluster.df';

/**
 * An article as the clusterer takes it: in the form the store writes (the batch's commit writes
 * it as it is), its title for a story it founds, and its features. Made beside the analysis, on
 * the worker that ran it (`clusterItem`).
 */
export interface ClusterItem extends PlanItem {
  article: ArticleToStore;
}

/** What planning needs of an article: its id and content hash (a story it founds is named by it), its title and features. */
export interface PlanItem {
  article: Pick<ArticleToStore, 'id' | 'contentHash'>;
  /** The title of a story this article founds (titleOf). */
  title: string;
  features: Features;
}


export interface BatchPlan {
  fingerprints: { articleId: string; fingerprint: Fingerprint }[];
  assignments: Assignment[];
  /** Story of each article of the batch (after merges). */
  storyOf: Map<string, string>;
  created: number;
  joined: number;
  merged: number;
}

interface Pending extends Keyed {
  article: Pick<ArticleToStore, 'id' | 'contentHash'>;
  features: Features;
  story: string;
}

/** A member of a stored story, as a split of that story sees it. */
interface StoredMember extends Keyed {
  id: string;
  story: string;
}

function isPending(m: Pending | StoredMember): m is Pending {
  return 'article' in m;
}

export class Clusterer {
  readonly df: DocumentFrequency;
  private readonly store: CandidateIndex;
  private readonly cache = new Map<string, Keyed>();

  /** Whether a story that holds two events is also looked for by grouping it again on its own (regroup.ts); off in that regrouping itself. */
  private readonly regroups: boolean;

  constructor(store: CandidateIndex, df = new DocumentFrequency(), regroups = true) {
    this.store = store;
    this.df = df;
    this.regroups = regroups;
  }

  /**
   * The document frequencies come from the store's sketch rows; a database written before they
   * existed has them as one value (DF_STATE_KEY), read once and written as rows by the next batch.
   */
  static async open(store: CandidateIndex): Promise<Clusterer> {
    const sketch = await store.getSketch();
    if (sketch) return new Clusterer(store, DocumentFrequency.fromCounts(sketch));
    const legacy = DocumentFrequency.deserialize(await store.getState(DF_STATE_KEY));
    return new Clusterer(store, legacy.documents > 0 ? DocumentFrequency.fromCounts(legacy.toCounts(), true) : legacy);
  }

  /** The whole sketch as one value (the older form; the PostgreSQL workers still keep it so). */
  state(): Record<string, Uint8Array> {
    return { [DF_STATE_KEY]: this.df.serialize() };
  }

  /** The counts added since the last call, for the batch that stores them (IngestBatch.sketch). */
  takeSketch(): SketchCounts {
    return this.df.takeDelta();
  }

  async planBatch(items: readonly PlanItem[]): Promise<BatchPlan> {
    const sorted = [...items].sort((a, b) => (a.features.time ?? Infinity) - (b.features.time ?? Infinity) || (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
    // Each term hashed once: its bucket is counted here and read for its weight in the fingerprint.
    const termBuckets = sorted.map(({ features }) => Uint32Array.from(features.terms, ([t]) => bucketOf(t)));
    sorted.forEach(({ features }, n) => this.df.addBuckets([...(termBuckets[n] as Uint32Array), ...features.entities.map((e) => bucketOf(`e:${e}`))]));

    const pending: Pending[] = [];
    const pendingIndex = new Map<string, number[]>();
    // Keys shared with each article of the batch placed so far, zeroed after each use.
    const shared = new Uint16Array(sorted.length);
    const parent = new Map<string, string>();
    const size = new Map<string, number>();
    const absorbed = new Map<string, string[]>(); // stored story -> its members, when merged away
    const founders = new Map<string, string>(); // story founded by this batch -> its title
    const titles = new Map<string, string>(); // article of this batch -> the title of a story it founds
    const find = (s: string): string => {
      let r = s;
      for (let p = parent.get(r); p !== undefined; p = parent.get(r)) r = p;
      return r;
    };
    const sizeOf = async (s: string): Promise<number> => {
      let n = size.get(s);
      if (n === undefined) {
        // The listing's count, not the story's document: a long-running story's document lists
        // tens of thousands of members, and parsing it for one number grew with the story.
        n = (await this.store.storySummaries([s])).get(s)?.articleCount ?? 0;
        size.set(s, n);
      }
      return n;
    };
    const plan: BatchPlan = { fingerprints: [], assignments: [], storyOf: new Map(), created: 0, joined: 0, merged: 0 };

    // The counts are fixed for the rest of the batch: every fingerprint, and every lookup in the
    // stored index (which this batch does not change before its commit), can be done up front.
    const keyed: Keyed[] = sorted.map(({ features }, n) => ({ fingerprint: this.fingerprint(features, termBuckets[n]), time: features.time }));
    const found = await this.store.candidateStoriesMany(keyed.map(queryOf));
    const fetched = new Map<string, Keyed>();
    const missing = [...new Set(found.flatMap((cs) => cs.flatMap((c) => c.articleIds.slice(0, CLUSTER.membersCompared))))].filter((id) => !this.cache.has(id));
    if (missing.length > 0) {
      for (const [id, f] of await this.store.getFingerprints(missing)) {
        const k: Keyed = { fingerprint: f, time: timeOf(f.publishedAt ?? null) };
        fetched.set(id, k);
        this.remember(id, k);
      }
    }

    for (let n = 0; n < sorted.length; n++) {
      const { article, title, features } = sorted[n] as PlanItem;
      const me = keyed[n] as Keyed;
      const fp = me.fingerprint;
      const keys = keysOf(fp);
      const scores = this.scoreStories(me, keys, found[n] ?? [], fetched, pending, pendingIndex, shared, find);
      let best: string | null = null;
      let bestScore = -1;
      for (const [s, v] of scores) if (v > bestScore || (v === bestScore && best !== null && s < best)) [best, bestScore] = [s, v];
      let story: string;
      if (best !== null && bestScore >= CLUSTER.threshold) {
        story = best;
        plan.joined++;
        for (const [other, v] of scores) {
          if (other === story || v < CLUSTER.mergeThreshold) continue;
          const [a, b] = [find(story), find(other)];
          if (a === b) continue;
          const [na, nb] = [await sizeOf(a), await sizeOf(b)];
          const [win, lose] = na > nb || (na === nb && a < b) ? [a, b] : [b, a];
          parent.set(lose, win);
          size.set(win, na + nb);
          if (!founders.has(lose)) absorbed.set(lose, (await this.store.getStory(lose))?.articleIds ?? []);
          plan.merged++;
          story = win;
        }
      } else {
        story = `s-${article.contentHash.slice(0, 12)}`;
        founders.set(story, title);
        size.set(story, 0);
        plan.created++;
      }
      size.set(story, (await sizeOf(story)) + 1);
      const entry: Pending = { ...me, article, features, story };
      titles.set(article.id, title);
      const index = pending.length;
      pending.push(entry);
      for (const key of keys) {
        const list = pendingIndex.get(key);
        if (list) list.push(index);
        else pendingIndex.set(key, [index]);
      }
      this.remember(article.id, me);
      plan.fingerprints.push({ articleId: article.id, fingerprint: fp });
    }

    const absorbing = new Set([...absorbed.keys()].map(find));
    const touched = await this.touchedStories(pending, founders, absorbing, find, sizeOf);
    const moved = new Map<string, string>(); // stored article -> the story a split moved it to
    plan.created += await this.splitStories(pending, touched, founders, absorbing, find, titles, moved);

    const byStory = new Map<string, string[]>();
    const add = (s: string, ids: readonly string[]): void => {
      const list = byStory.get(s);
      if (list) list.push(...ids);
      else byStory.set(s, [...ids]);
    };
    for (const p of pending) {
      const s = find(p.story);
      plan.storyOf.set(p.article.id, s);
      add(s, [p.article.id]);
    }
    for (const [lost, members] of absorbed) add(find(lost), members);
    for (const [id, story] of moved) add(story, [id]);
    for (const [storyId, articleIds] of byStory) {
      plan.assignments.push({ storyId, title: founders.get(storyId) ?? '', articleIds });
    }
    return plan;
  }

  /**
   * Regroups the stories founded in this batch (none stored merged into them), seen whole: first
   * joins those that are parts of one event (split.ts joinParts), then splits those that hold two
   * events (splitOff), again within each part; a part taken out founds a story of its own, titled
   * by its first member; then joins parts once more, now that the split has laid them bare.
   * Returns the stories founded (less those joined).
   */
  private async splitStories(
    pending: readonly Pending[],
    touched: readonly (Pending | StoredMember)[][],
    founders: Map<string, string>,
    absorbing: ReadonlySet<string>,
    find: (s: string) => string,
    titles: ReadonlyMap<string, string>,
    moved: Map<string, string>,
  ): Promise<number> {
    // The members of each story founded here, by the story they are in now.
    const byStory = (): Map<string, Pending[]> => {
      const out = new Map<string, Pending[]>();
      for (const p of pending) {
        const s = find(p.story);
        if (!founders.has(s) || absorbing.has(s)) continue;
        const list = out.get(s);
        if (list) list.push(p);
        else out.set(s, [p]);
      }
      return out;
    };
    let members = byStory();
    let created = 0;
    // First the parts of one event that the order of arrival left apart (split.ts joinParts).
    const lists = [...members.values()];
    for (const group of joinParts(lists, this.df)) {
      const story = (lists[group[0] as number] as Pending[])[0]?.story as string;
      for (const k of group.slice(1)) for (const p of lists[k] as Pending[]) p.story = story;
      created -= group.length - 1;
    }
    members = byStory();
    // Each founded story's members by the story they were in before the split (the rejoin below
    // must not undo a split).
    const origin = new Map<Pending, number>();
    [...members.values()].forEach((list, k) => list.forEach((p) => origin.set(p, k)));
    const queue: (Pending | StoredMember)[][] = [...members.values(), ...touched];
    for (let list = queue.pop(); list; list = queue.pop()) {
      const split = splitOff(list, this.df);
      const off = split ?? (this.regroups ? await regroupOff(list.map(asMember), regroup) : null);
      if (!off) continue;
      const taken = new Set(off);
      let [moving, staying] = [off.map((k) => list[k] as Pending | StoredMember), list.filter((_, k) => !taken.has(k))];
      // The new story is founded by an article of this batch (its id and title come from it): a
      // stored story's older part keeps its id, whichever side the split put its first member on.
      if (!moving.some(isPending)) [moving, staying] = [staying, moving];
      // Named by its first article of this batch; for a regrouping's split, the first whose own
      // story id is free: one that founded a story merged away at assignment has an id that
      // resolves (find) to the story it went into, or that is another story's still, and would
      // send the part back into it. A splitOff split whose first article's id is in use is not
      // made, as before (the part went back): made, it cuts ECB+ topic 1's one event 12 + 9
      // (per topic 0.952 -> 0.945).
      const idOf = (p: Pending): string => `s-${p.article.contentHash.slice(0, 12)}`;
      const inUse = (id: string): boolean => find(id) !== id || pending.some((p) => find(p.story) === id);
      const first = split ? moving.find(isPending) : moving.find((p): p is Pending => isPending(p) && !inUse(idOf(p)));
      if (!first || (split && inUse(idOf(first)))) continue;
      const story = idOf(first);
      founders.set(story, titles.get(first.article.id) ?? '');
      created++;
      for (const p of moving) {
        p.story = story;
        if (!isPending(p)) moved.set(p.id, story);
      }
      // Only parts with an article of this batch are looked at again: the rest was seen before.
      for (const part of [moving, staying]) if (part.some(isPending)) queue.push(part);
    }
    // Then, once more, the parts of one event: a story that held two events hid, in its mean
    // within, how alike one of its events is to a part of that event left apart; split, the two
    // are plain. Only stories founded here and made of this batch's articles (a part split off a
    // stored story keeps its stored members), and never two parts of one split story.
    const after = [...byStory().values()].filter((list) => list.every((p) => origin.has(p)));
    const from = after.map((list) => origin.get(list[0] as Pending) as number);
    const apart = (a: number, b: number): boolean => from[a] === from[b] || (after[a] as Pending[]).length < 2 || (after[b] as Pending[]).length < 2;
    for (const group of joinParts(after, this.df, apart)) {
      const story = (after[group[0] as number] as Pending[])[0]?.story as string;
      for (const k of group.slice(1)) for (const p of after[k] as Pending[]) p.story = story;
      created -= group.length - 1;
    }
    // Last, a part that is clearly closer to one story than to any other (split.ts closestJoins):
    // never two parts of one split story.
    const last = [...byStory().values()].filter((list) => list.every((p) => origin.has(p)));
    const lastFrom = last.map((list) => origin.get(list[0] as Pending) as number);
    for (const group of closestJoins(last, this.df, (a, b) => lastFrom[a] === lastFrom[b])) {
      const story = (last[group[0] as number] as Pending[])[0]?.story as string;
      for (const k of group.slice(1)) for (const p of last[k] as Pending[]) p.story = story;
      created -= group.length - 1;
    }
    return created;
  }

  /**
   * The stored stories that this batch's articles joined (none merged), each as its stored
   * members (in the story's order) then the batch's: a story committed by an earlier batch can
   * hold two events once the second's reports arrive, and is split as a story founded here is.
   * Only stories of at most SPLIT.maxMembers are read (their listing's count, then their members'
   * fingerprints, mostly from the cache), and only where the batch brought at least SPLIT.minSide
   * members and SPLIT.recheckShare of the stored ones: the split's similarities, about
   * (stored + added)^2, are then paid for by the added members, at most a few hundred each.
   */
  private async touchedStories(
    pending: readonly Pending[],
    founders: ReadonlyMap<string, string>,
    absorbing: ReadonlySet<string>,
    find: (s: string) => string,
    sizeOf: (s: string) => Promise<number>,
  ): Promise<(Pending | StoredMember)[][]> {
    const added = new Map<string, Pending[]>();
    for (const p of pending) {
      const s = find(p.story);
      if (founders.has(s) || absorbing.has(s)) continue;
      const list = added.get(s);
      if (list) list.push(p);
      else added.set(s, [p]);
    }
    const batch = new Set(pending.map((p) => p.article.id)); // a duplicate of a stored article is in both
    const stored = new Map<string, string[]>();
    for (const [s, list] of added) {
      const size = await sizeOf(s);
      if (size > SPLIT.maxMembers) continue;
      if (list.length < SPLIT.minSide || list.length < SPLIT.recheckShare * (size - list.length)) continue;
      stored.set(s, ((await this.store.getStory(s))?.articleIds ?? []).filter((id) => !batch.has(id)));
    }
    const missing = [...stored.values()].flat().filter((id) => !this.cache.has(id));
    const fetched = new Map<string, Keyed>();
    if (missing.length > 0) {
      for (const [id, f] of await this.store.getFingerprints(missing)) fetched.set(id, { fingerprint: f, time: timeOf(f.publishedAt ?? null) });
    }
    const out: (Pending | StoredMember)[][] = [];
    for (const [s, ids] of stored) {
      const members: (Pending | StoredMember)[] = [];
      for (const id of ids) {
        const k = fetched.get(id) ?? this.cache.get(id);
        if (k) members.push({ ...k, id, story: s });
      }
      out.push([...members, ...(added.get(s) as Pending[])]);
    }
    return out;
  }

  /** The fingerprint stored and indexed for an article (`buckets`: of its terms, when at hand). */
  fingerprint(features: Features, buckets?: Uint32Array): Fingerprint {
    const idf = (t: string, i: number): number => (buckets ? this.df.idfOf(buckets[i] as number) : this.df.idf(t));
    const weighted = features.terms.map(([t, tf], i) => [t, (1 + Math.log(tf)) * idf(t, i)] as const);
    weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return {
      // The marks after the terms: stored and indexed with them (never as query keys: those are the first terms), compared apart.
      terms: [...weighted.slice(0, CLUSTER.fingerprintTerms).map(([t]) => t), ...features.marks],
      entities: features.entities.slice(0, CLUSTER.fingerprintEntities),
      minhash: features.minhash,
      bands: bands(features.minhash),
    };
  }

  /** Score of each candidate story (by its current id), from the index and this batch. */
  private scoreStories(
    me: Keyed,
    keys: readonly string[],
    candidates: readonly Candidate[],
    fetched: Map<string, Keyed>,
    pending: readonly Pending[],
    pendingIndex: Map<string, number[]>,
    shared: Uint16Array,
    find: (s: string) => string,
  ): Map<string, number> {
    const sims = new Map<string, number[]>();
    const note = (story: string, v: number): void => {
      const s = find(story);
      const list = sims.get(s);
      if (list) list.push(v);
      else sims.set(s, [v]);
    };
    for (const c of candidates) {
      for (const id of c.articleIds.slice(0, CLUSTER.membersCompared)) {
        const other = fetched.get(id) ?? this.cache.get(id);
        if (other) note(c.storyId, similarity(me, other, this.df));
      }
    }
    // This batch's articles: count shared keys, compare the closest few per story.
    const met: number[] = []; // in the order first met, which orders the merges
    for (const key of keys) {
      const list = pendingIndex.get(key);
      if (list) for (const i of list) if ((shared[i] = (shared[i] as number) + 1) === 1) met.push(i);
    }
    const perStory = new Map<string, [number, number][]>();
    for (const i of met) {
      const n = shared[i] as number;
      shared[i] = 0;
      const p = pending[i];
      if (!p) continue;
      const s = find(p.story);
      const list = perStory.get(s);
      if (list) list.push([i, n]);
      else perStory.set(s, [[i, n]]);
    }
    for (const [s, list] of perStory) {
      list.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      // Fewer shared keys (bands included) than the similarity needs is a score of 0 without
      // computing it: most of this batch's stories share only a common word or two with the article.
      for (const [i, n] of list.slice(0, CLUSTER.membersCompared)) note(s, n < SIMILARITY.minSharedKeys ? 0 : similarity(me, pending[i] as Pending, this.df));
    }
    const out = new Map<string, number>();
    for (const [s, list] of sims) {
      list.sort((a, b) => b - a);
      const top = list.slice(0, CLUSTER.membersCompared);
      out.set(s, top.reduce((x, y) => x + y, 0) / top.length);
    }
    return out;
  }

  private remember(id: string, k: Keyed): void {
    this.cache.delete(id);
    this.cache.set(id, k);
    if (this.cache.size > CLUSTER.cacheSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }
}

/** A member of a story as the regrouping takes it (regroup.ts): the features of this batch's articles, the fingerprint of stored ones. */
function asMember(m: Pending | StoredMember): Keyed & { id: string; features?: Features } {
  return isPending(m) ? { fingerprint: m.fingerprint, time: m.time, id: m.article.id, features: m.features } : m;
}

/** The story of each item, grouped on its own: the clusterer over an empty index, with the document frequencies `df` counts of these items alone. */
export async function regroup(items: readonly { id: string; contentHash: string; features: Features }[], df: DocumentFrequency): Promise<Map<string, string>> {
  const plan = await new Clusterer(EMPTY_INDEX, df, false).planBatch(items.map((i) => ({ article: { id: i.id, contentHash: i.contentHash }, title: '', features: i.features })));
  return plan.storyOf;
}

/** The index lookup for one article: its heaviest keys and bands, within the time window. */
function queryOf(me: Keyed): CandidateQuery {
  const fp = me.fingerprint;
  const query: CandidateQuery = {
    terms: termsOf(fp).slice(0, CLUSTER.queryTerms),
    entities: fp.entities.slice(0, CLUSTER.queryEntities),
    bands: fp.bands ?? [],
    limit: CLUSTER.candidates,
    perKey: CLUSTER.postingsPerKey,
  };
  if (me.time !== null) {
    // Whole days (a date includes all of its day): the articles of a batch share a few windows,
    // so each posting list is read once per batch; the similarity holds to the exact window.
    query.since = new Date(me.time - SIMILARITY.windowDays * DAY_MS).toISOString().slice(0, 10);
    query.until = new Date(me.time + SIMILARITY.windowDays * DAY_MS).toISOString().slice(0, 10);
  }
  return query;
}

function keysOf(fp: Fingerprint): string[] {
  return [...fp.entities.map((e) => `e\u0001${e}`), ...termsOf(fp).map((t) => `t\u0001${t}`), ...(fp.bands ?? []).map((b) => `b\u0001${b}`)];
}

export function titleOf(a: Article): string {
  if (a.title) return a.title;
  const first = a.sentences[0];
  const text = (first ? a.text.slice(first.start, first.end) : a.text).trim();
  return text.length > 160 ? `${text.slice(0, 157).trimEnd()}...` : text;
}
