/**
 * The work sent to the worker threads, and its answers. Pure functions of their input, so the
 * same code runs on a worker or (with no workers: tests, tiny inputs) on the main thread.
 */
import { message, type Article, type Context, type Message, type SourceRecord, type Story } from '../model/index.js';
import { processSource } from './pipeline.js';
import { clusterItem, type ClusterItem } from '../stories/group/clusterer.js';
import { analyzeStory } from '../stories/index.js';

export type Job = { kind: 'source'; source: SourceRecord; ctx: Context } | { kind: 'story'; id: string; articles: Article[] };

/**
 * An article comes back as the clusterer and the store take it (ClusterItem: a few strings and
 * the features), never as the Article object graph: the thread that owns the database is the
 * serial part of an ingest, and rebuilding that graph there cost more than the clustering did.
 */
export type JobResult =
  | { kind: 'article'; item: ClusterItem }
  | { kind: 'story'; story: Story; messages: Message[] }
  | { kind: 'failed'; message: Message };

export function runJob(job: Job): JobResult {
  try {
    if (job.kind === 'source') {
      const article = processSource(job.source, job.ctx);
      const bad = unusable(article);
      return bad ? { kind: 'failed', message: bad } : { kind: 'article', item: clusterItem(article) };
    }
    const { story, messages } = analyzeStory(job.id, job.articles);
    return { kind: 'story', story, messages };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const uri = job.kind === 'source' ? job.source.uri : job.id;
    const code = job.kind === 'source' ? 'CC701' : 'CC703';
    return { kind: 'failed', message: message(code, `${uri}: ${why}`, { uri }) };
  }
}

/** An article with no text to cluster is a failed record (its error says why, else CC701). */
function unusable(article: Article): Message | null {
  if (article.text.trim() !== '') return null;
  return article.messages.find((m) => m.severity === 'error') ?? message('CC701', `${article.uri}: no text left to ingest`, { uri: article.uri });
}
