/** The profile lists relayed attributions with the outlet they relay, in the terminal and in Markdown (issue #14). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareArticles } from '../collection/compare.js';
import { analyzeText } from '../collection/pipeline.js';
import { renderText } from './text.js';
import { renderMarkdown } from './markdown.js';

test('relayed attributions are listed with the outlet they relay', async () => {
  const text = 'Villages under water after Kessel dam fails\nThree villages in the Kessel valley were flooded on Sunday after the river dam burst, Kessel Press Agency reported. Many homes were damaged, the Associated Press said.';
  const articles = [analyzeText(text, { id: 'relay', outlet: 'evening-relay', publishedAt: '2024-06-02' })];
  const comparison = { ...(await compareArticles(articles)), articles };
  const terminal = renderText(comparison, { width: 200 });
  assert.ok(terminal.includes('2 relayed'), terminal);
  assert.ok(terminal.includes('relayed: “Kessel Press Agency reported” (via Kessel Press Agency)'), terminal);
  assert.ok(terminal.includes('relayed: “the Associated Press said” (via Associated Press)'), terminal);
  const markdown = renderMarkdown(comparison);
  assert.ok(markdown.includes('  - relayed: “Kessel Press Agency reported” (via Kessel Press Agency)'), markdown);
});
