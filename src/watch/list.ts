/**
 * The watch list of `--from FILE`: one URL a line (blank lines and "# comments" skipped), or an
 * OPML file (every outline's xmlUrl, else htmlUrl). Whether an address is a feed or a page is a
 * guess from its shape until it is fetched; the fetch corrects it (watch.ts).
 */
import { Parser } from 'htmlparser2';
import type { TargetKind } from '../store/versions.js';

export const LIST = {
  /** Addresses read from one list (a list of a million is cut, not held). */
  maxEntries: 100_000,
} as const;

export function parseWatchList(text: string): { urls: string[]; cut: boolean } {
  const urls: string[] = [];
  let cut = false;
  const add = (u: string): void => {
    if (urls.length >= LIST.maxEntries) {
      cut = true;
      return;
    }
    urls.push(u);
  };
  if (/<opml[\s>]/i.test(text.slice(0, 4096))) {
    const parser = new Parser(
      {
        onopentag(name, attrs) {
          if (name !== 'outline') return;
          const u = attrs['xmlurl'] ?? attrs['xmlUrl'] ?? attrs['htmlurl'] ?? attrs['htmlUrl'];
          if (u && /^https?:\/\//i.test(u.trim())) add(u.trim());
        },
      },
      { xmlMode: false, lowerCaseAttributeNames: true },
    );
    parser.write(text);
    parser.end();
  } else {
    for (const line of text.split(/\r?\n/)) {
      const u = line.replace(/#.*$/, '').trim();
      if (u !== '') add(u);
    }
  }
  return { urls, cut };
}

/** A first guess of what an address is: feed-like paths are feeds, the rest pages. */
export function guessKind(url: string): TargetKind {
  let path = '';
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    return 'page';
  }
  return /(?:\.(?:rss|atom|xml|rdf)|\/(?:feeds?|rss|atom)(?:\/[^/]*)?\/?)$/.test(path) ? 'feed' : 'page';
}
