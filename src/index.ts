/**
 * crosscheck's library API: everything the CLI does, as typed functions.
 *
 *   import { compare } from 'crosscheck';
 *   const result = await compare(['a.txt', 'b.jsonl']);
 */
export * from './model/index.js';
export { compare, compareAll, readArticles, processSource, analyzeText, type RunOptions } from './pipeline.js';
export { readInputs, type ReadItem, type ReadOptions } from './read/index.js';
export { extract } from './extract/index.js';
export { analyze, STAGES, type Stage } from './analyze/index.js';
export { compareArticles, type CompareOptions } from './stories/index.js';
export { renderJSON, toJSON } from './report/json.js';
export { renderText } from './report/text.js';
export { renderMarkdown } from './report/markdown.js';
