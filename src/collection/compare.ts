/**
 * `compare`: a handful of articles into analyzed stories, with nothing kept. The articles go
 * through the very clusterer `ingest` runs (src/stories/group), over a candidate index in memory
 * (an SQLite ':memory:' store), in batches of BATCH_SIZE in the order given, so the same files
 * give the same stories, with the same ids, whether compared or ingested. Then every story is
 * analyzed (src/stories: reuse, origins, facts, coverage).
 */
import { message, type Article, type Message, type Story } from '../model/index.js';
import { openSqliteStore } from '../store/index.js';
import { Clusterer } from '../stories/group/index.js';
import { analyzeStory } from '../stories/index.js';
import { BATCH_SIZE, clusterBatch, clusterItem } from './batch.js';

/**
 * Groups the articles into stories as `ingest` would: each story's id and its members, in input
 * order. `batchSize` is ingest's option of that name (the evaluations measure that the stories do
 * not depend on where the batch boundaries fall).
 */
export async function groupArticles(articles: readonly Article[], batchSize = BATCH_SIZE): Promise<Map<string, Article[]>> {
  const store = await openSqliteStore(':memory:');
  try {
    const clusterer = await Clusterer.open(store);
    for (let i = 0; i < articles.length; i += batchSize) {
      await clusterBatch(store, clusterer, articles.slice(i, i + batchSize).map(clusterItem));
    }
    // Read at the end: a later batch can merge a story into another.
    const storyOf = await store.storyOf(articles.map((a) => a.id));
    const groups = new Map<string, Article[]>();
    for (const a of articles) {
      const s = storyOf.get(a.id) ?? `s-${a.contentHash.slice(0, 12)}`;
      const list = groups.get(s);
      if (list) list.push(a);
      else groups.set(s, [a]);
    }
    return groups;
  } finally {
    await store.close();
  }
}

/** The articles' stories, each analyzed; largest first. One article with a given id is kept. */
export async function compareArticles(articles: readonly Article[]): Promise<{ stories: Story[]; messages: Message[] }> {
  const messages: Message[] = [];
  const unique = [...new Map(articles.map((a) => [a.id, a] as const)).values()];
  const stories: Story[] = [];
  for (const [id, members] of await groupArticles(unique)) {
    const analyzed = analyzeStory(id, members);
    stories.push(analyzed.story);
    messages.push(...analyzed.messages);
  }
  stories.sort((a, b) => b.articleIds.length - a.articleIds.length || a.id.localeCompare(b.id));
  if (unique.length === 1) messages.push(message('CC401', `only one article (${unique[0]?.uri ?? ''}): nothing to compare`));
  if (stories.length > 1) {
    const alone = stories.filter((s) => s.articleIds.length === 1).length;
    messages.push(message('CC402', `${unique.length} articles form ${stories.length} stories${alone ? ` (${alone} of them a single article)` : ''}`));
  }
  return { stories, messages };
}
