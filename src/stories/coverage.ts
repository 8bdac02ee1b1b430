/**
 * Coverage: for each article, the facts only its origin reports and the facts other origins
 * report that it leaves out.
 */
import type { Article, Coverage, Fact } from '../model/index.js';

export function coverage(articles: readonly Article[], facts: readonly Fact[], originOf: ReadonlyMap<string, number>): Coverage[] {
  return articles.map((a) => {
    const own = originOf.get(a.id) ?? -1;
    const only: string[] = [];
    const missing: string[] = [];
    for (const f of facts) {
      const has = f.articleIds.includes(a.id);
      const origins = new Set(f.articleIds.map((id) => originOf.get(id) ?? -1));
      if (has && origins.size === 1) only.push(f.id);
      if (!has && [...origins].some((o) => o !== own)) missing.push(f.id);
    }
    return { articleId: a.id, outlet: a.outlet, only, missing };
  });
}
