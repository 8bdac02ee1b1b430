/**
 * A stored story's life, in one place: stale -> analyzed -> shown.
 *   - stale     a batch that changes a story's membership marks it stale (the store does, in
 *               the batch's commit: src/collection/batch.ts); a new story starts stale
 *   - analyzed  its facts, reuse, origins and coverage are computed by src/stories on its
 *               articles, bounded per story (MAX_ANALYZED_ARTICLES, the earliest members), and
 *               put back only if the story still has the members they were computed for
 *               (`applyAnalysis`; else it stays stale for a later pass). Who analyses: the
 *               ingest's final pass and the PostgreSQL workers (on worker threads), and
 *               `currentStory` / `refreshStale` on the calling thread
 *   - shown     `storyReport` is what every view shows (crosscheck story, the web story page,
 *               the library's collection.story): a stale story is analyzed first and kept, so
 *               facts of an older membership are never shown as current
 */
import { message, type Article, type Comparison, type Message, type Story } from '../model/index.js';
import type { Store } from '../store/index.js';
import { MAX_ALIGNED_ARTICLES, analyzeStory } from '../stories/index.js';

/** Articles read per story for its analysis: the comparison aligns at most this many anyway. */
export const MAX_ANALYZED_ARTICLES = MAX_ALIGNED_ARTICLES;

export interface StoryInput {
  id: string;
  /** Every member, as stored. */
  memberIds: string[];
  /** The members analyzed (the first MAX_ANALYZED_ARTICLES). */
  articles: Article[];
  stored: Story;
}

export async function storyInput(store: Store, id: string): Promise<StoryInput | null> {
  const stored = await store.getStory(id);
  if (!stored) return null;
  const articles = await store.getArticles(stored.articleIds.slice(0, MAX_ANALYZED_ARTICLES));
  return { id, memberIds: stored.articleIds, articles, stored };
}

/**
 * Puts the analyzed story back when the membership it was computed for is still the story's.
 * Returns false when the story changed meanwhile (it stays stale).
 */
export async function applyAnalysis(store: Store, input: StoryInput, analyzed: Story): Promise<boolean> {
  const now = await store.getStory(input.id);
  if (!now || !sameMembers(now.articleIds, input.memberIds)) return false;
  const capped = input.memberIds.length > input.articles.length;
  const story: Story = {
    ...analyzed,
    id: input.id,
    articleIds: input.memberIds,
    // Past the cap the listing fields come from the whole membership (kept by the store).
    outlets: capped ? now.outlets : analyzed.outlets,
    firstPublished: capped ? now.firstPublished : analyzed.firstPublished,
    lastPublished: capped ? now.lastPublished : analyzed.lastPublished,
    origins: capped ? [...analyzed.origins, ...input.memberIds.filter((id) => !analyzed.articleIds.includes(id)).map((id) => [id])] : analyzed.origins,
  };
  await store.putStory(story);
  return true;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

type Analyze = (id: string, articles: Article[]) => { story: Story; messages: Message[] };

/**
 * A story as a view should show it: when it is stale (articles joined or left after its facts
 * were computed, or never analyzed: ingest leaves that to the first view), it is analyzed now
 * and put back, so that facts of an older membership are never shown as current. Null when
 * there is no such story. Should writers keep changing it, the last analysis is returned unsaved.
 */
export async function currentStory(store: Store, id: string, analyze: Analyze = analyzeStory): Promise<Story | null> {
  const summary = (await store.storySummaries([id])).get(id);
  if (!summary) return null;
  if (!summary.stale) return store.getStory(id);
  let last: Story | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const input = await storyInput(store, id);
    if (!input) return null;
    const analyzed = analyze(id, input.articles).story;
    if (await applyAnalysis(store, input, analyzed)) return store.getStory(id);
    last = { ...analyzed, id, articleIds: input.memberIds };
  }
  return last;
}

/** Analyses stale stories on the calling thread until none is left (or `limit` done). */
export async function refreshStale(store: Store, analyze: Analyze = analyzeStory, limit = Infinity): Promise<number> {
  let done = 0;
  const tried = new Set<string>();
  while (done < limit) {
    const ids = (await store.staleStories(100)).filter((id) => !tried.has(id));
    if (ids.length === 0) break;
    for (const id of ids) {
      tried.add(id);
      const input = await storyInput(store, id);
      if (!input) continue;
      if (await applyAnalysis(store, input, analyze(id, input.articles).story)) done++;
    }
  }
  return done;
}

/** Runs a write in turn with the other writers of this process (the server's write lock); by default at once. */
export type Exclusive = <T>(fn: () => Promise<T>) => Promise<T>;

/**
 * A story as every view shows it: current (a stale one analyzed first, under `exclusive`, and
 * kept) with its articles (the first MAX_ANALYZED_ARTICLES of a very large one, and CC403 then).
 * Null when there is no such story.
 */
export async function storyReport(store: Store, id: string, exclusive: Exclusive = (fn) => fn()): Promise<Comparison | null> {
  const stale = (await store.storySummaries([id])).get(id)?.stale === true;
  const story = stale ? await exclusive(() => currentStory(store, id)) : await store.getStory(id);
  if (!story) return null;
  const articles = await store.getArticles(story.articleIds.slice(0, MAX_ANALYZED_ARTICLES));
  const messages: Message[] = [];
  if (story.articleIds.length > articles.length) {
    messages.push(message('CC403', `story ${id} has ${story.articleIds.length} articles; the report shows the first ${articles.length}`));
  }
  return { articles, stories: [story], messages };
}
