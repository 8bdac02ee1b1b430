/**
 * Step 2a: schema.org JSON-LD. The article object is the first node (top level, in an array, or
 * in an @graph) whose @type is one of ARTICLE_TYPES; listings say so with ItemList /
 * CollectionPage, galleries with ImageGallery. Bad JSON is skipped (pages often ship it broken).
 */

const ARTICLE_TYPES = new Set([
  'newsarticle', 'article', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'backgroundnewsarticle',
  'reviewnewsarticle', 'blogposting', 'socialmediaposting', 'liveblogposting', 'techarticle', 'scholarlyarticle', 'report', 'webpage-article',
]);
const LISTING_TYPES = new Set(['itemlist', 'collectionpage', 'searchresultspage']);
const GALLERY_TYPES = new Set(['imagegallery', 'mediagallery', 'videogallery']);
const MEDIA_TYPES = new Set(['videoobject', 'imageobject', 'audioobject', 'mediaobject', 'clip']);
/** Bigger scripts are not metadata (some pages inline whole data stores as JSON-LD). */
const MAX_SCRIPT_CHARS = 2_000_000;

export interface JsonLdArticle {
  type: string;
  headline: string | null;
  authors: string[];
  /** Every author is an object typed Organization (a wire agency, the outlet), none a Person or a plain name. */
  authorsAreOrganizations: boolean;
  datePublished: string | null;
  dateModified: string | null;
  url: string | null;
  publisher: string | null;
  articleBody: string | null;
  language: string | null;
  /** false when the page says the article is not free to read (a paywall). */
  accessibleForFree: boolean | null;
}

export interface JsonLdFindings {
  article: JsonLdArticle | null;
  pageTypes: Set<string>;
  isListing: boolean;
  isGallery: boolean;
  /** datePublished / dateCreated of every node, article or not (WebPage, QAPage...), media objects aside, in order. */
  published: string[];
  /** dateModified of every node, in order. */
  modified: string[];
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typesOf(o: Obj): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t.toLowerCase()];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase());
  return [];
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) for (const x of v) { const s = str(x); if (s) return s; }
  if (isObj(v)) return str(v['@value'] ?? v['name'] ?? v['url'] ?? v['@id']);
  return null;
}

const ORGANIZATION_TYPES = new Set(['organization', 'newsmediaorganization', 'corporation']);

/** True when every author in `v` is an object typed as an organization. */
function organizationsOnly(v: unknown): boolean {
  const list = Array.isArray(v) ? v : [v];
  return list.length > 0 && list.every((x) => isObj(x) && typesOf(x).some((t) => ORGANIZATION_TYPES.has(t)));
}

function names(v: unknown): string[] {
  const out: string[] = [];
  const list = Array.isArray(v) ? v : [v];
  for (const x of list) {
    if (typeof x === 'string' && x.trim()) out.push(x.trim());
    else if (isObj(x)) {
      const n = x['name'];
      if (typeof n === 'string' && n.trim()) out.push(n.trim());
    }
  }
  return out;
}

/** Every object in a JSON-LD value, breadth first (arrays and @graph opened; no recursion into other fields). */
function nodesOf(value: unknown): Obj[] {
  const out: Obj[] = [];
  const queue: unknown[] = [value];
  while (queue.length > 0 && out.length < 500) {
    const v = queue.shift();
    if (Array.isArray(v)) queue.push(...v);
    else if (isObj(v)) {
      out.push(v);
      if (Array.isArray(v['@graph'])) queue.push(...(v['@graph'] as unknown[]));
      if (isObj(v['mainEntity'])) queue.push(v['mainEntity']);
    }
  }
  return out;
}

export function readJsonLd(scripts: readonly string[]): JsonLdFindings {
  const findings: JsonLdFindings = { article: null, pageTypes: new Set(), isListing: false, isGallery: false, published: [], modified: [] };
  for (const script of scripts) {
    if (script.length > MAX_SCRIPT_CHARS) continue;
    let value: unknown;
    try {
      value = JSON.parse(script.trim().replace(/^<!--|-->$/g, ''));
    } catch {
      continue;
    }
    for (const node of nodesOf(value)) {
      const types = typesOf(node);
      for (const t of types) findings.pageTypes.add(t);
      if (types.some((t) => LISTING_TYPES.has(t))) findings.isListing = true;
      if (types.some((t) => GALLERY_TYPES.has(t))) findings.isGallery = true;
      // An embedded video or image has its own upload date, not the page's.
      const published = types.some((t) => MEDIA_TYPES.has(t)) ? null : str(node['datePublished']) ?? str(node['dateCreated']);
      if (published) findings.published.push(published);
      const modified = str(node['dateModified']);
      if (modified) findings.modified.push(modified);
      const type = types.find((t) => ARTICLE_TYPES.has(t));
      if (!type) continue;
      const candidate = toArticle(node, type);
      // Keep the first article, but prefer one that has a body or headline over an empty stub.
      if (findings.article === null || (!findings.article.headline && candidate.headline)) findings.article = candidate;
    }
  }
  return findings;
}

function toArticle(o: Obj, type: string): JsonLdArticle {
  const free = o['isAccessibleForFree'];
  const publisher = o['publisher'];
  return {
    type,
    headline: str(o['headline']) ?? str(o['name']),
    authors: names(o['author'] ?? o['creator']),
    authorsAreOrganizations: organizationsOnly(o['author'] ?? o['creator']),
    datePublished: str(o['datePublished']) ?? str(o['dateCreated']),
    dateModified: str(o['dateModified']),
    url: str(o['url']) ?? str(o['mainEntityOfPage']),
    publisher: isObj(publisher) ? str(publisher['name']) : str(publisher),
    articleBody: typeof o['articleBody'] === 'string' ? (o['articleBody'] as string) : null,
    language: str(o['inLanguage']),
    accessibleForFree: free === false || free === 'false' || free === 'False' ? false : free === true || free === 'true' || free === 'True' ? true : null,
  };
}
