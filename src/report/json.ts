// STUB: replaced by the JSON report.
import type { Comparison } from '../model/index.js';

export function toJSON(c: Comparison): unknown {
  return c;
}
export function renderJSON(c: Comparison): string {
  return JSON.stringify(toJSON(c), null, 2) + '\n';
}
