/**
 * The version written into reports ("generatedBy"). Renderers are pure functions, so they cannot
 * read package.json; version.test.ts fails when this drifts from it.
 */
export const VERSION = '0.1.0';
