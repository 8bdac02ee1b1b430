/**
 * Versions for people: each difference with a few words of context from the new version, and
 * each flag with its evidence. `diffExcerpts` is the one view both renderers use (the terminal's
 * versionsText here, the web page's in server/page-versions.ts).
 */
import type { ArticleVersion } from '../store/versions.js';
import { palette } from '../report/ansi.js';
import { stripControls } from '../report/sanitize.js';

/** Characters of context shown on each side of a difference. */
const CONTEXT_CHARS = 50;

export interface DiffExcerpt {
  kind: 'insert' | 'delete' | 'change';
  /** Words before the difference in the new version (cut at a word start), and after it. */
  lead: string;
  removed: string;
  added: string;
  trail: string;
}

export function diffExcerpts(v: ArticleVersion): DiffExcerpt[] {
  return v.diff.map((d) => {
    let from = Math.max(0, d.after.start - CONTEXT_CHARS);
    if (from > 0) {
      const space = v.text.indexOf(' ', from);
      if (space >= 0 && space < d.after.start) from = space + 1;
    }
    let to = Math.min(v.text.length, d.after.end + CONTEXT_CHARS);
    if (to < v.text.length) {
      const space = v.text.lastIndexOf(' ', to);
      if (space > d.after.end) to = space;
    }
    return {
      kind: d.kind,
      lead: (from > 0 ? '…' : '') + v.text.slice(from, d.after.start),
      removed: d.beforeText,
      added: d.afterText,
      trail: v.text.slice(d.after.end, to) + (to < v.text.length ? '…' : ''),
    };
  });
}

/** The terminal view: one block per version, differences as [-removed-]{+added+} (coloured on a colour terminal). */
export function versionsText(versions: readonly ArticleVersion[], color: boolean): string {
  const p = palette(color);
  const one = (s: string): string => stripControls(s).replace(/\s+/g, ' ');
  const out: string[] = [];
  for (const v of versions) {
    const dates = [`fetched ${v.fetchedAt}`];
    if (v.publishedAt) dates.push(`published ${v.publishedAt}`);
    if (v.modifiedAt) dates.push(`modified ${v.modifiedAt}`);
    out.push(p.bold(`version ${v.n}`) + ` · ${dates.join(' · ')} · ${v.contentHash.slice(0, 12)}${v.articleId ? ` · article ${v.articleId}` : ''}`);
    if (v.title) out.push(`  ${one(v.title)}`);
    for (const f of v.flags) {
      out.push(`  ${f.kind === 'correction' ? p.yellow('correction') : p.red('stealth edit')}: ${f.reason}`);
      for (const e of f.evidence.slice(0, 6)) out.push(`    ${e.version}${e.removed ? ' (a line taken out as boilerplate; raw offsets)' : ''} ${e.span.start}-${e.span.end}: "${one(e.text).slice(0, 200)}"`);
    }
    if (v.n === 1) out.push('  first version');
    else if (v.diff.length === 0) out.push('  same words (title or layout changed)');
    for (const x of diffExcerpts(v)) {
      const removed = x.removed ? p.red(`[-${one(x.removed)}-]`) : '';
      const added = x.added ? p.green(`{+${one(x.added)}+}`) : '';
      out.push(`  ${x.kind}: ${one(x.lead)}${removed}${added}${one(x.trail)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
