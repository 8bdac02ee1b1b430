/**
 * Step 2: page metadata, structured data first. For each field the sources are tried in order
 * and the first usable value wins:
 *
 *   title        JSON-LD headline, og:title, twitter:title, <title> (site name suffix cut)
 *   authors      the cascade of authors.ts (JSON-LD, meta, a byline element not in comments)
 *   publishedAt  the date cascade of dates.ts (JSON-LD, meta, microdata, <time>, date elements, url)
 *   modifiedAt   the same, for the modification date
 *   url          <link rel=canonical>, og:url, JSON-LD url, the url the page came from
 *   outlet       og:site_name, JSON-LD publisher, application-name, the url's host
 *   lang         <html lang>, content-language, og:locale, JSON-LD inLanguage
 */
import { hostOf } from '../metadata.js';
import type { FieldVia } from '../../model/index.js';
import type { El, ParsedPage } from './parse.js';
import type { JsonLdFindings } from './jsonld.js';
import { DATE_CONFIDENCE, findPageDates, type DateVia } from './dates.js';
import { AUTHOR_CONFIDENCE, findAuthors, type AuthorVia } from './authors.js';

const TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title', 'headline'];
const OUTLET_KEYS = ['og:site_name', 'application-name', 'twitter:site'];
const LANG_KEYS = ['content-language', 'og:locale', 'language', 'dc.language'];
const DESCRIPTION_KEYS = ['og:description', 'description', 'twitter:description'];
/** A title longer than this is taken as a sentence, not a headline. */
const TITLE_MAX_CHARS = 300;
/** Separators between a headline and the site name in <title>: "Headline | Site", "Headline - Site". */
const TITLE_SUFFIX = /\s+[|–—·•:-]\s+[^|–—·•]{1,60}$/;

export interface PageMetadata {
  title: string | null;
  /** Where the title and the outlet were found (no confidence: not measured). */
  titleVia: FieldVia | null;
  outletVia: FieldVia | null;
  /** The authors' names joined with ", " (the text form's byline). */
  byline: string | null;
  /** The authors, one name each (authors.ts), where they came from and its confidence. */
  authors: string[];
  authorsVia: AuthorVia | null;
  authorsConfidence: number | null;
  publishedAt: string | null;
  /** Which step of the date cascade gave publishedAt (dates.ts), and its confidence. */
  publishedVia: FieldVia | null;
  publishedConfidence: number | null;
  /** The date the page says it was last modified, apart from publishedAt, and where it was found. */
  modifiedAt: string | null;
  modifiedVia: DateVia | null;
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

function absolute(href: string, base: string | null): string | null {
  try {
    return base ? new URL(href, base).href : new URL(href).href;
  } catch {
    return null;
  }
}

export function readMetadata(page: ParsedPage, jsonld: JsonLdFindings, elements: readonly El[], pageUrl: string | null): PageMetadata {
  const art = jsonld.article;
  // Title.
  let title = art?.headline ?? metaValue(page, TITLE_KEYS);
  let titleVia: FieldVia | null = art?.headline ? 'json-ld' : title ? 'meta' : null;
  if (!title && page.title) {
    title = page.title.replace(TITLE_SUFFIX, '').trim() || page.title;
    titleVia = 'title';
  }
  if (title && title.length > TITLE_MAX_CHARS) title = null;
  title = title ? title.replace(/\s+/g, ' ').trim() : null;

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
  const outletMeta = metaValue(page, OUTLET_KEYS);
  let outlet = outletMeta ?? art?.publisher ?? null;
  let outletVia: FieldVia | null = outletMeta ? 'meta' : outlet ? 'json-ld' : null;
  if (outlet && outlet.startsWith('@')) outlet = outletVia = null;
  if (!outlet && url) {
    outlet = hostOf(url);
    outletVia = outlet ? 'url' : null;
  }

  // Authors (authors.ts): never the outlet.
  const authors = findAuthors(page, jsonld, elements, outlet);
  const byline = authors.names.length > 0 ? authors.names.join(', ') : null;

  // Language.
  let lang = page.lang ?? metaValue(page, LANG_KEYS) ?? art?.language ?? null;
  if (lang) lang = lang.replace('_', '-').split(/[,;\s]/)[0]!.toLowerCase() || null;

  return {
    title, titleVia: title ? titleVia : null, outletVia, byline, authors: authors.names, authorsVia: authors.via, authorsConfidence: authors.via ? AUTHOR_CONFIDENCE[authors.via] : null, publishedAt, publishedVia: dates.published?.via ?? null, publishedConfidence: dates.published ? DATE_CONFIDENCE[dates.published.via] : null,
    modifiedAt: dates.modified?.iso ?? null, modifiedVia: dates.modified?.via ?? null, url, outlet, lang, description: metaValue(page, DESCRIPTION_KEYS),
  };
}
