// STUB: replaced by the terminal report.
import type { Comparison } from '../model/index.js';

export function renderText(c: Comparison, options: { color?: boolean; width?: number } = {}): string {
  void options;
  return `${c.stories.length} stories, ${c.articles.length} articles\n`;
}
