/** Shared helpers for the end-to-end tests: where the shared data lives, and the evidence invariant. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Comparison, Evidence } from '../src/model/index.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
export const SEEDS = `${SHARED}corpus/seeds`;
export const hasShared = existsSync(SEEDS);

/** In CI the shared folder must be there: a missing one fails instead of skipping. */
export function sharedOrSkip(): string | false {
  if (hasShared) return false;
  if (process.env.CI) throw new Error(`../shared is missing at ${SHARED}: CI must have it beside the checkout`);
  const reason = `SKIPPED: ../shared not found at ${SHARED}; link the shared folder beside the checkout to run this test`;
  console.error(`\n*** ${reason} ***\n`);
  return reason;
}

function isEvidence(x: unknown): x is Evidence {
  if (!x || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  return typeof o.articleId === 'string' && typeof o.text === 'string' && !!o.span && typeof o.span === 'object';
}

/**
 * Walks the whole comparison and checks that every evidence item's text is exactly the words at
 * its span (of the article's text; of the raw input for `removed`, checked against `raws` when given).
 * Returns how many evidence items were checked.
 */
export function assertEvidenceExact(c: Comparison, raws: Map<string, string> = new Map()): number {
  const texts = new Map(c.articles.map((a) => [a.id, a.text]));
  let checked = 0;
  const visit = (x: unknown, path: string, raw: boolean): void => {
    if (Array.isArray(x)) {
      x.forEach((v, i) => visit(v, `${path}[${i}]`, raw));
      return;
    }
    if (!x || typeof x !== 'object') return;
    if (isEvidence(x)) {
      const source = raw ? raws.get(x.articleId) : texts.get(x.articleId);
      if (raw && source === undefined) {
        // raw input not given to the check: only the span shape can be checked
      } else {
        assert.ok(source !== undefined, `${path}: unknown article ${x.articleId}`);
        assert.ok(x.span.start >= 0 && x.span.start <= x.span.end && x.span.end <= source.length, `${path}: span out of range`);
        assert.equal(source.slice(x.span.start, x.span.end), x.text, `${path}: evidence text differs from its span`);
        checked++;
      }
    }
    for (const [k, v] of Object.entries(x)) visit(v, `${path}.${k}`, raw || k === 'removed');
  };
  visit(c.articles, 'articles', false);
  visit(c.stories, 'stories', false);
  return checked;
}
