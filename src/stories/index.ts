// STUB: replaced by story grouping, reuse, origins and claim alignment.
import type { Article, Message, Story } from '../model/index.js';

export interface CompareOptions {
  /** Reserved for tuning knobs (thresholds) that callers may override. */
  readonly _reserved?: never;
}

export function compareArticles(articles: readonly Article[], options: CompareOptions = {}): { stories: Story[]; messages: Message[] } {
  void options;
  return {
    stories: articles.length
      ? [{ id: 's1', title: articles[0]?.title ?? '', articleIds: articles.map((a) => a.id), outlets: [], firstPublished: null, lastPublished: null, origins: [], facts: [], reuse: [], coverage: [] }]
      : [],
    messages: [],
  };
}
