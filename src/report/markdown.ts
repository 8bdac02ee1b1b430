// STUB: replaced by the Markdown report.
import type { Comparison } from '../model/index.js';

export function renderMarkdown(c: Comparison): string {
  return `# crosscheck\n\n${c.stories.length} stories, ${c.articles.length} articles\n`;
}
