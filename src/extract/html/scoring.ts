/**
 * The tables the content step scores with: what class / id / role words say about an element,
 * which tags are blocks, and the weights. Our own word lists, written from the page furniture of
 * news sites (navigation, share bars, comment widgets, newsletter boxes, cookie banners,
 * recirculation modules); tuned on the development half of ../shared/data/extraction.
 */
import type { El } from './parse.js';

/** Words in class / id that mark page furniture: removed before scoring (fallback 2 keeps them). */
export const UNLIKELY = new RegExp(
  '(?:^|[\\s_-])(?:' +
    [
      'nav', 'navbar', 'navigation', 'menu', 'breadcrumbs?', 'footer', 'sidebar', 'side-bar', 'rail', 'comments?', 'disqus', 'replies',
      'share', 'sharing', 'sharebar', 'social', 'social-links', 'related', 'recommended', 'recommendations', 'recirc', 'recirculation',
      'more-stories', 'newsletter', 'subscribe', 'subscription', 'signup', 'cookie', 'cookies', 'consent', 'gdpr', 'promo', 'advert',
      'advertisement', 'ad', 'ads', 'adslot', 'ad-slot', 'dfp', 'sponsor', 'sponsored', 'popup', 'modal', 'masthead', 'toolbar',
      'pagination', 'pager', 'outbrain', 'taboola', 'trending', 'popular', 'most-read', 'mostread', 'most-popular', 'skip-link',
      'visually-hidden', 'sr-only', 'screen-reader-text', 'print-only', 'tags', 'tag-list', 'topics', 'author-bio', 'jump-link',
      'paywall', 'inline-newsletter', 'read-more', 'readmore', 'next-article', 'prev-article', 'utility', 'widget', 'banner',
    ].join('|') +
    ')(?:$|[\\s_-])',
  'i',
);
/** Words in class / id that mark the article itself: they rescue an element from UNLIKELY. */
export const LIKELY = /(?:^|[\s_-])(?:article|article-?body|body|content|entry|main|post|story|story-?body|text|prose|rich-?text|paragraph|blog|news|post-?content|entry-?content)(?:$|[\s_-])/i;
/** Words that lower an element's score (class weight, fallback 3 ignores them). */
/** Embedded posts quoted by the article (tweets, Instagram posts) sit in "social" wrappers: kept. */
const EMBED = /(?:^|[\s_-])(?:embed|embedded|twitter-tweet|instagram-media|tweet)(?:$|[\s_-])/i;
export const NEGATIVE = /(?:^|[\s_-])(?:hidden|caption|credit|meta|footnote|foot|footer|hide|aside|bio|byline|author|date|timestamp|shoutbox|sponsor|shopping|tool|tools|widget|promo|related|comment|share|social|nav|menu|ad|ads|header)(?:$|[\s_-])/i;
export const POSITIVE = LIKELY;
/** ARIA roles of page furniture. */
export const UNLIKELY_ROLES: ReadonlySet<string> = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog', 'menu', 'menubar', 'search', 'tablist']);
/** Tags that are page furniture wherever they are. */
export const UNLIKELY_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer', 'header', 'form', 'figure', 'figcaption', 'picture']);

/** Tags that start a new line of text. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'tbody',
  'thead', 'tfoot', 'tr', 'td', 'th', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'header', 'footer', 'nav', 'aside', 'form', 'hr', 'address',
  'details', 'summary', 'center', 'body', 'html', 'fieldset', 'legend', 'caption', 'hgroup', 'menu',
]);
export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Readability's starting scores per tag (a container is more likely than a list item or a heading). */
const TAG_SCORE: Readonly<Record<string, number>> = {
  div: 5, article: 10, main: 5, section: 3, pre: 3, td: 3, blockquote: 3,
  address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3,
  h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5,
};
export const CLASS_WEIGHT = 25;
/** A paragraph shorter than this adds nothing to its ancestors' scores. */
export const MIN_PARAGRAPH_CHARS = 25;
/** How many ancestors a paragraph's score reaches. */
export const SCORE_ANCESTORS = 5;

function hintOf(el: El): string {
  const c = el.attrs['class'];
  const i = el.attrs['id'];
  return c && i ? `${c} ${i}` : c ?? i ?? '';
}

/** ±25 for each of class and id that reads as article / furniture. */
export function classWeight(el: El): number {
  let w = 0;
  for (const v of [el.attrs['class'], el.attrs['id']]) {
    if (!v) continue;
    if (NEGATIVE.test(v)) w -= CLASS_WEIGHT;
    if (POSITIVE.test(v)) w += CLASS_WEIGHT;
  }
  if (el.attrs['itemprop'] === 'articleBody') w += CLASS_WEIGHT * 2;
  return w;
}

export function initialScore(el: El, weighClasses: boolean): number {
  return (TAG_SCORE[el.tag] ?? 0) + (weighClasses ? classWeight(el) : 0);
}

/** True for the wrapper of an embedded post (a tweet the article quotes). */
export function isEmbed(el: El): boolean {
  const hint = hintOf(el);
  return hint.length > 4 && EMBED.test(hint);
}

/** True when the element cannot be seen (hidden attribute, aria-hidden, display:none). */
export function isHidden(el: El): boolean {
  const a = el.attrs;
  if (a['hidden'] !== undefined) return true;
  if (a['aria-hidden'] === 'true' && !/fallback-image/.test(a['class'] ?? '')) return true;
  const style = a['style'];
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** True when the element is page furniture by tag, role or class / id (and nothing says article). */
export function isUnlikely(el: El): boolean {
  if (el.tag === 'body' || el.tag === 'html' || el.tag === 'article' || el.tag === 'main' || el.tag === 'a') return false;
  if (el.attrs['itemprop'] === 'articleBody') return false;
  const role = el.attrs['role'];
  if (role && UNLIKELY_ROLES.has(role)) return true;
  if (UNLIKELY_TAGS.has(el.tag)) return true;
  const hint = hintOf(el);
  if (hint.length < 2) return false;
  return UNLIKELY.test(hint) && !LIKELY.test(hint) && !EMBED.test(hint);
}
