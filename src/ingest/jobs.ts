/**
 * The work sent to the worker threads, and its answers. Pure functions of their input, so the
 * same code runs on a worker or (with no workers: tests, tiny inputs) on the main thread.
 */
import { message, type Article, type Context, type Message, type SourceRecord, type Story } from '../model/index.js';
import { processSource } from '../pipeline.js';
import { articleFeatures, type Features } from '../cluster/features.js';
import { analyzeStory } from '../stories/index.js';

export type Job = { kind: 'source'; source: SourceRecord; ctx: Context } | { kind: 'story'; id: string; articles: Article[] };

export type JobResult =
  | { kind: 'article'; article: Article; features: Features }
  | { kind: 'story'; story: Story; messages: Message[] }
  | { kind: 'failed'; message: Message };

export function runJob(job: Job): JobResult {
  try {
    if (job.kind === 'source') {
      const article = processSource(job.source, job.ctx);
      return { kind: 'article', article, features: articleFeatures(article) };
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
