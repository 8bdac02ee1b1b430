/**
 * robots.txt (RFC 9309): the group for our product token ("crosscheck") when there is one, else
 * the "*" group; the longest matching Allow/Disallow path wins, Allow on a tie; "*" matches any
 * run of characters and a final "$" anchors the end. Matching is a scan over the pattern's
 * pieces (no regex built from the file, so no backtracking blow-up from a hostile robots.txt).
 */

export const ROBOTS = {
  /** Our product token, matched case-insensitively against User-agent lines. */
  token: 'crosscheck',
  /** Bytes of robots.txt read (RFC 9309 asks crawlers to read at least 500 KiB). */
  maxBytes: 512 * 1024,
  /** How long a fetched robots.txt is used before it is fetched again. */
  ttlMs: 24 * 3600 * 1000,
  /** Rules per file kept (a hostile file cannot make each check slow). */
  maxRules: 2000,
} as const;

interface Rule {
  allow: boolean;
  path: string;
}

export interface Robots {
  rules: Rule[];
  /** Crawl-delay of our group, in seconds, when given. */
  crawlDelay: number | null;
}

export function parseRobots(text: string, token: string = ROBOTS.token): Robots {
  const groups: { agents: string[]; rules: Rule[]; delay: number | null }[] = [];
  let current: { agents: string[]; rules: Rule[]; delay: number | null } | null = null;
  let lastWasAgent = false;
  for (const raw of text.slice(0, ROBOTS.maxBytes).split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!lastWasAgent || current === null) {
        current = { agents: [], rules: [], delay: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (current === null) continue;
    if ((key === 'allow' || key === 'disallow') && current.rules.length < ROBOTS.maxRules) {
      if (value === '' && key === 'disallow') continue; // "Disallow:" allows everything
      current.rules.push({ allow: key === 'allow', path: value });
    } else if (key === 'crawl-delay') {
      const n = Number(value);
      if (Number.isFinite(n) && n >= 0) current.delay = n;
    }
  }
  const mine = groups.filter((g) => g.agents.some((a) => a !== '*' && token.toLowerCase().startsWith(a)));
  const chosen = mine.length > 0 ? mine : groups.filter((g) => g.agents.includes('*'));
  return { rules: chosen.flatMap((g) => g.rules), crawlDelay: chosen.find((g) => g.delay !== null)?.delay ?? null };
}

/** True when robots allows fetching this path (path plus query of the URL). */
export function isAllowed(robots: Robots, pathAndQuery: string): boolean {
  let best: Rule | null = null;
  for (const rule of robots.rules) {
    if (!matches(rule.path, pathAndQuery)) continue;
    if (best === null || rule.path.length > best.path.length || (rule.path.length === best.path.length && rule.allow)) best = rule;
  }
  return best === null || best.allow;
}

/** Pattern with "*" wildcards and an optional final "$" against a path, piece by piece, leftmost first (greedy-free). */
function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const pieces = (anchored ? pattern.slice(0, -1) : pattern).split('*');
  const first = pieces[0]!;
  if (!path.startsWith(first)) return false;
  let at = first.length;
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (i === pieces.length - 1 && anchored) return path.length - piece.length >= at && path.endsWith(piece);
    const found = path.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  return !anchored || at === path.length;
}
