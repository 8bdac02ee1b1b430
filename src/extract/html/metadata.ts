/**
 * Step 2: page metadata, structured data first. For each field the sources are tried in order
 * and the first usable value wins:
 *
 *   title        JSON-LD headline, og:title, twitter:title, <title> (site name suffix cut)
 *   byline       JSON-LD author names, meta author / article:author / parsely / sailthru /
 *                dc.creator (not URLs), then a byline element in the page (rel/itemprop/class)
 *   publishedAt  the date cascade of dates.ts (JSON-LD, meta, microdata, <time>, date elements, url)
 *   modifiedAt   the same, for the modification date
 *   url          <link rel=canonical>, og:url, JSON-LD url, the url the page came from
 *   outlet       og:site_name, JSON-LD publisher, application-name, the url's host
 *   lang         <html lang>, content-language, og:locale, JSON-LD inLanguage
 */
import { hostOf } from '../metadata.js';
import { textOf, type El, type ParsedPage } from './parse.js';
import type { JsonLdFindings } from './jsonld.js';
import { DATE_CONFIDENCE, findPageDates, type DateVia } from './dates.js';

const TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title', 'headline'];
const AUTHOR_KEYS = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl', 'byline', 'citation_author'];
const OUTLET_KEYS = ['og:site_name', 'application-name', 'twitter:site'];
const LANG_KEYS = ['content-language', 'og:locale', 'language', 'dc.language'];
const DESCRIPTION_KEYS = ['og:description', 'description', 'twitter:description'];
/** Classes / ids / rel / itemprop of the element that holds the byline in the page. */
const BYLINE_HINT = /\b(?:byline|author|writer|contributor|creator)/i;
/** The longest text taken from a byline element. */
const BYLINE_MAX_CHARS = 120;
/** A title longer than this is taken as a sentence, not a headline. */
const TITLE_MAX_CHARS = 300;
/** Separators between a headline and the site name in <title>: "Headline | Site", "Headline - Site". */
const TITLE_SUFFIX = /\s+[|–—·•:-]\s+[^|–—·•]{1,60}$/;

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  /** Which step of the date cascade gave publishedAt (dates.ts), and its confidence. */
  publishedVia: DateVia | null;
  publishedConfidence: number | null;
  /** The date the page says it was last modified, apart from publishedAt. */
  modifiedAt: string | null;
  url: string | null;
  outlet: string | null;
  lang: string | null;
  description: string | null;
}

function metaValue(page: ParsedPage, keys: readonly string[]): string | null {
  for (const key of keys) {
    for (const m of page.metas) if (m.key === key && m.content.trim()) return m.content.replace(/\s+/g, ' ').trim();
  }
  return null;
}

function isUrl(s: string): boolean {
  return /^(?:https?:)?\/\//i.test(s) || /^www\./i.test(s);
}

/** "By Jane Doe and John Roe" -> "Jane Doe and John Roe"; empty and url-like values dropped. */
export function cleanByline(s: string): string | null {
  const t = s.replace(/\s+/g, ' ').replace(/^(?:written\s+)?by[:\s]+/i, '').replace(/[|,;:\s]+$/, '').trim();
  if (t.length < 3 || t.length > BYLINE_MAX_CHARS || isUrl(t) || /^\d/.test(t)) return null;
  return t;
}

function absolute(href: string, base: string | null): string | null {
  try {
    return base ? new URL(href, base).href : new URL(href).href;
  } catch {
    return null;
  }
}

/** The byline element of the page: the first small element whose rel / itemprop / class / id says author. */
function bylineInPage(elements: readonly El[]): string | null {
  for (const el of elements) {
    const a = el.attrs;
    const hint = `${a['rel'] ?? ''} ${a['itemprop'] ?? ''} ${a['class'] ?? ''} ${a['id'] ?? ''}`;
    if (hint.length < 4 || !BYLINE_HINT.test(hint)) continue;
    const text = textOf(el);
    if (text.length === 0 || text.length > BYLINE_MAX_CHARS) continue;
    const clean = cleanByline(text);
    if (clean && /\p{Lu}/u.test(clean)) return clean;
  }
  return null;
}

export function readMetadata(page: ParsedPage, jsonld: JsonLdFindings, elements: readonly El[], pageUrl: string | null): PageMetadata {
  const art = jsonld.article;
  // Title.
  let title = art?.headline ?? metaValue(page, TITLE_KEYS);
  if (!title && page.title) title = page.title.replace(TITLE_SUFFIX, '').trim() || page.title;
  if (title && title.length > TITLE_MAX_CHARS) title = null;
  title = title ? title.replace(/\s+/g, ' ').trim() : null;

  // Byline.
  let byline: string | null = null;
  if (art && art.authors.length > 0) byline = cleanByline(art.authors.filter((n) => !isUrl(n)).join(', '));
  if (!byline) {
    const v = metaValue(page, AUTHOR_KEYS);
    if (v) byline = cleanByline(v);
  }
  if (!byline) byline = bylineInPage(elements);

  // URL.
  let url: string | null = null;
  for (const link of page.links) {
    if ((link['rel'] ?? '').toLowerCase().split(/\s+/).includes('canonical') && link['href']) {
      url = absolute(link['href'], pageUrl);
      if (url) break;
    }
  }
  if (!url) {
    const og = metaValue(page, ['og:url']) ?? art?.url ?? null;
    if (og) url = absolute(og, pageUrl);
  }
  if (!url && pageUrl) url = pageUrl;

  // Dates (dates.ts): the page's own addresses are the url step's input.
  const dates = findPageDates(page, jsonld, elements, [url, metaValue(page, ['og:url']), pageUrl]);
  const publishedAt = dates.published?.iso ?? null;

  // Outlet.
  let outlet = metaValue(page, OUTLET_KEYS) ?? art?.publisher ?? null;
  if (outlet && outlet.startsWith('@')) outlet = null;
  if (!outlet && url) outlet = hostOf(url);

  // Language.
  let lang = page.lang ?? metaValue(page, LANG_KEYS) ?? art?.language ?? null;
  if (lang) lang = lang.replace('_', '-').split(/[,;\s]/)[0]!.toLowerCase() || null;

  return {
    title, byline, publishedAt, publishedVia: dates.published?.via ?? null, publishedConfidence: dates.published ? DATE_CONFIDENCE[dates.published.via] : null,
    modifiedAt: dates.modified?.iso ?? null, url, outlet, lang, description: metaValue(page, DESCRIPTION_KEYS),
  };
}
