/**
 * Step 4: cleaning inside the chosen content. Containers that are mostly links (related-story
 * lists, tag clouds, share bars that slipped through) or that score below zero are left out
 * (Readability's "clean conditionally"), and lines that are page furniture in words
 * ("Advertisement", "Read more", "Sign up for our newsletter") are dropped.
 * Tuned on the development half of ../shared/data/extraction.
 */
import type { El } from './parse.js';
import type { Line, StatsOf } from './content.js';
import { classWeight, isEmbed } from './scoring.js';

/** Containers judged by their links and score. */
const JUDGED: ReadonlySet<string> = new Set(['div', 'section', 'ul', 'ol', 'table', 'aside', 'dl', 'header', 'footer', 'form', 'figure', 'nav']);
/** A container with this many commas is prose: kept whatever else it has. */
const PROSE_COMMAS = 10;
/** Link density above which a container with article-like class words is a link list (weak evidence: tuning.ts maxLinkDensity). */
const MAX_LINK_DENSITY_LIKELY = 0.5;
/** A line this much inside links and this short is a link to elsewhere, not a paragraph. */
const LINK_LINE_SHARE = 0.6;
const LINK_LINE_MAX_CHARS = 160;

/** Lines that are furniture in words, whole line only (our own list). */
const FURNITURE_LINE = new RegExp(
  '^(?:' +
    [
      'advertisement', 'ad', 'sponsored', 'story continues below(?: advertisement)?', 'continue reading(?: below| the main story)?',
      'read more', 'read more:?.*', 'related:?', 'related (?:stories|articles|content|coverage):?.*', 'more from .{1,40}', 'recommended(?: for you)?',
      'share(?: this(?: article| story)?)?:?', 'share on (?:facebook|twitter|linkedin)', 'tweet', 'email', 'print', 'comments?', 'skip (?:to|ad).*',
      'sign up(?: for| to).{0,80}', 'subscribe(?: now| today)?.{0,60}', 'follow us.{0,60}', 'click here.{0,80}', 'image(?: source)?:?.{0,60}',
      'photo:?.{0,80}', '(?:getty images|reuters|ap|afp)(?: photo)?', 'this story has been updated.{0,40}', 'loading…?|loading\\.\\.\\.', 'watch:?.{0,80}',
      'listen to (?:this|the) (?:article|story).{0,40}', '\\d+ min(?:ute)?s? read', 'we use cookies.{0,200}', 'advertising', 'advert',
      '\\d+ (?:comments?|replies|responses)', '(?:leave|post|add) a (?:comment|reply).{0,40}', 'this site uses akismet.{0,120}', 'sharing is caring!?',
      "don[’']?t miss:?", 'this (?:slideshow|video|content|feature) requires javascript.{0,40}', 'tell us what you think.{0,20}',
      'by [^.!?]{2,60}', '©.{0,80}', 'copyright .{0,100}',
    ].join('|') +
    ')$',
  'i',
);

/** A caption that ends with its picture credit: "Protesters in Hong Kong (Image: GETTY )". */
const CREDIT_END = /\((?:image|photo|picture|credit|pic)s?\s*:[^)]{1,60}\)$/i;
const CAPTION_MAX_CHARS = 300;

/** True when a container inside the content should be left out. */
export function isLeftOut(el: El, stats: StatsOf, maxLinkDensity: number): boolean {
  if (!JUDGED.has(el.tag)) return false;
  const s = stats[el.index];
  if (!s) return false;
  if (s.commas >= PROSE_COMMAS || isEmbed(el)) return false;
  const weight = classWeight(el);
  if (weight + s.score < 0) return true;
  if (s.text === 0) return false;
  const density = s.links / s.text;
  return density > (weight >= 25 ? MAX_LINK_DENSITY_LIKELY : maxLinkDensity);
}

/** True when a rendered line is page furniture, not article text. */
export function isFurnitureLine(line: Line): boolean {
  if (line.linkShare >= LINK_LINE_SHARE && line.text.length <= LINK_LINE_MAX_CHARS) return true;
  if (line.text.length <= 240 && FURNITURE_LINE.test(line.text)) return true;
  if (line.text.length <= CAPTION_MAX_CHARS && CREDIT_END.test(line.text)) return true;
  return false;
}
