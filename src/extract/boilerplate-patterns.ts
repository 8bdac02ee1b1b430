/**
 * The boilerplate table: named line patterns, each tested against one whole trimmed line (or
 * paragraph). `strong` lines are removed wherever they stand (they cannot be a sentence of
 * reporting); `weak` lines (short widget words such as "Reply" or "Share") are removed only
 * inside a trailing run that a strong line anchors. Every pattern is anchored at the start,
 * has no nested quantifiers, and only runs on lines up to `maxLength` characters, so matching
 * is linear. Tuned on the comment widgets and trailers of the seed articles, on the trailers
 * of wire copy (AP, Reuters) and on common CMS share/subscribe/related blocks; we prefer to
 * leave a trailer in over taking a body paragraph out.
 */
import type { RemovedKind } from '../model/index.js';

export interface BoilerplatePattern {
  name: string;
  kind: RemovedKind;
  strength: 'strong' | 'weak';
  pattern: RegExp;
  /** Longest trimmed line the pattern is tried on. */
  maxLength: number;
}

const SOCIAL = '(?:facebook|twitter|x|linkedin|whatsapp|email|e-mail|reddit|pinterest|telegram|instagram|youtube|tiktok|flipboard|messenger|threads|bluesky)';

export const BOILERPLATE_PATTERNS: readonly BoilerplatePattern[] = [
  // Comment widgets (wpDiscuz, the seed 004 block): "0 0 votes / Article Rating / Notify of / 1 Comment /
  // Oldest Most Voted / Inline Feedbacks / View all comments".
  { name: 'votes-count', kind: 'comment-widget', strength: 'strong', pattern: /^\d+\s+\d+\s+votes?$/i, maxLength: 30 },
  { name: 'article-rating', kind: 'comment-widget', strength: 'strong', pattern: /^article rating$/i, maxLength: 20 },
  { name: 'notify-of', kind: 'comment-widget', strength: 'strong', pattern: /^notify of(?:\s+new)?(?:\s+follow-up)?(?:\s+(?:comments|replies))?(?:\s+by email)?\.?$/i, maxLength: 60 },
  { name: 'comment-sort', kind: 'comment-widget', strength: 'strong', pattern: /^(?:newest\s+)?(?:oldest|newest)\s+(?:most\s+voted|first)$/i, maxLength: 40 },
  { name: 'inline-feedbacks', kind: 'comment-widget', strength: 'strong', pattern: /^inline feedbacks$/i, maxLength: 20 },
  { name: 'view-comments', kind: 'comment-widget', strength: 'strong', pattern: /^(?:view all|load more|show(?: more)?|see all|read all|hide) comments$/i, maxLength: 30 },
  // "1 Comment", "12 Comments", "Comments (12)", "Comments: 3".
  { name: 'comment-count', kind: 'comment-widget', strength: 'strong', pattern: /^(?:\d+\s+(?:comments?|responses?|replies)|comments?\s*\(\d+\)|comments?:\s*\d+)$/i, maxLength: 30 },
  // WordPress and blog comment forms.
  { name: 'leave-a-reply', kind: 'comment-widget', strength: 'strong', pattern: /^(?:leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|be the first to comment)\b[^\n]{0,40}$/i, maxLength: 80 },
  { name: 'comment-form', kind: 'comment-widget', strength: 'strong', pattern: /^(?:your email address will not be published|you must be (?:logged in|signed in) to (?:post|leave) a comment|cancel reply)\b[^\n]{0,80}$/i, maxLength: 140 },
  // Disqus: "comments powered by Disqus", "Please enable JavaScript to view the comments powered by Disqus."
  { name: 'disqus', kind: 'comment-widget', strength: 'strong', pattern: /^(?:please enable javascript to view the |blog )?comments powered by disqus\.?$/i, maxLength: 90 },
  { name: 'disqus-terms', kind: 'comment-widget', strength: 'strong', pattern: /^(?:disqus|sort by (?:best|newest|oldest))\b[^\n]{0,40}$/i, maxLength: 60 },

  // Comment policies (seed 000 ends with one).
  { name: 'respectful-community', kind: 'comment-policy', strength: 'strong', pattern: /^we are dedicated to maintaining a respectful community\b/i, maxLength: 800 },
  { name: 'keep-in-mind', kind: 'comment-policy', strength: 'strong', pattern: /^please keep the following in mind when (?:writing|posting) your comments\b/i, maxLength: 400 },
  { name: 'comments-moderated', kind: 'comment-policy', strength: 'strong', pattern: /^(?:all )?comments are (?:moderated|subject to moderation|reviewed)\b/i, maxLength: 400 },
  { name: 'right-to-remove', kind: 'comment-policy', strength: 'strong', pattern: /^(?:we|the editors?) reserves? the right to (?:remove|delete|edit|moderate)\b[^\n]{0,40}\bcomments?\b/i, maxLength: 400 },

  // Share prompts.
  { name: 'share-this', kind: 'share-prompt', strength: 'strong', pattern: /^share (?:this|the) (?:article|story|post|page|video)\b[^\n]{0,40}$/i, maxLength: 80 },
  { name: 'share-on', kind: 'share-prompt', strength: 'strong', pattern: new RegExp(`^(?:share|post|tweet) (?:on|via|to|with) ${SOCIAL}\\b[^\\n]{0,40}$`, 'i'), maxLength: 80 },
  { name: 'share-colon', kind: 'share-prompt', strength: 'strong', pattern: /^share this:?$/i, maxLength: 20 },
  { name: 'click-to-share', kind: 'share-prompt', strength: 'strong', pattern: new RegExp(`^(?:click|tap) to (?:share|email|print)\\b[^\\n]{0,40}$`, 'i'), maxLength: 80 },

  // Subscribe and follow prompts; "Click here to ..." calls to action.
  { name: 'follow-us', kind: 'subscribe-prompt', strength: 'strong', pattern: new RegExp(`^follow (?:us|\\w+) on ${SOCIAL}\\b[^\\n]{0,100}$`, 'i'), maxLength: 140 },
  { name: 'subscribe-to', kind: 'subscribe-prompt', strength: 'strong', pattern: /^subscribe (?:to|for) (?:our|the|a)\b[^\n]{0,120}$/i, maxLength: 160 },
  { name: 'sign-up', kind: 'subscribe-prompt', strength: 'strong', pattern: /^sign up (?:for|to) (?:our|the|get)\b[^\n]{0,120}$/i, maxLength: 160 },
  { name: 'get-newsletter', kind: 'subscribe-prompt', strength: 'strong', pattern: /^(?:get|receive) (?:our|the) [^\n]{0,40}newsletter\b[^\n]{0,80}$/i, maxLength: 160 },
  { name: 'click-here', kind: 'boilerplate', strength: 'strong', pattern: /^(?:click|tap) here (?:to|for)\b[^\n]{0,140}$/i, maxLength: 160 },

  // Related links: a label alone, or a label and a colon or arrow before a headline.
  { name: 'related', kind: 'related-links', strength: 'strong', pattern: /^(?:related|read more|see also|recommended|also read|read also|more on this|you may also like|you might also like|related (?:articles|stories|coverage|content|posts)|more from [\w ]{1,30}|trending)(?:\s*(?::|»|>|\u2192|-|\u2013|\u2014)[^\n]{0,200})?$/i, maxLength: 240 },

  // Wire and copyright trailers. "All rights reserved" alone needs a copyright mark or a one-phrase line before it,
  // so a paragraph with a trailer glued to its end is not taken whole (the tail pattern below takes the trailer).
  { name: 'copyright', kind: 'boilerplate', strength: 'strong', pattern: /^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:19|20)\d\d\b[^\n]{0,240}$/i, maxLength: 280 },
  { name: 'all-rights-reserved', kind: 'boilerplate', strength: 'strong', pattern: /^(?:(?:©|\(c\)|copyright)[^\n]{0,100}|[^\n.!?]{0,80})\ball rights reserved\.?$/i, maxLength: 140 },
  // Updates promised at the foot of a story: "The Estuary Daily Record will update this story as
  // more information becomes available", "This story has been updated", "This is a developing story".
  { name: 'will-update', kind: 'boilerplate', strength: 'strong', pattern: /^(?:[^\n.!?]{0,60}\bwill update this (?:story|article|report|page)\b[^\n]{0,80}|this (?:story|article|report) (?:has been|was|will be|is being) updated\b[^\n]{0,120}|this is a (?:developing|breaking) (?:story|news story)\b[^\n]{0,120})$/i, maxLength: 220 },
  { name: 'not-be-published', kind: 'boilerplate', strength: 'strong', pattern: /^this material may not be published, broadcast, rewritten,? or redistributed\b[^\n]{0,80}$/i, maxLength: 200 },

  // Advertising slots.
  { name: 'advertisement', kind: 'boilerplate', strength: 'strong', pattern: /^(?:advertisement|advertisements|advertising|sponsored content|story continues below(?: advertisement)?|continue reading (?:below|the main story)|scroll to continue(?: with content)?)$/i, maxLength: 40 },

  // Weak widget words: only inside a trailing run anchored by a strong line.
  { name: 'widget-word', kind: 'comment-widget', strength: 'weak', pattern: new RegExp(`^(?:share|tweet|email|print|like|likes|reply|replies|login|log in|sign in|register|comments?|newest|oldest|best|most voted|votes?|rating|subscribe|follow|guest|${SOCIAL})$`, 'i'), maxLength: 20 },
  { name: 'widget-count', kind: 'comment-widget', strength: 'weak', pattern: /^[+-]?\d{1,6}$/, maxLength: 7 },
  { name: 'widget-mark', kind: 'comment-widget', strength: 'weak', pattern: /^[|•·*\u2013\u2014-]{1,3}$/, maxLength: 3 },
];

/**
 * Wire trailers written at the end of the last paragraph rather than on a line of their own:
 * "... continue to progress. Copyright 2017 The Associated Press. All rights reserved."
 */
export const TRAILING_SENTENCE_PATTERN = /\s((?:copyright|©)\s*(?:©\s*)?(?:19|20)\d\d\b[^\n]{0,240}|this material may not be published, broadcast, rewritten,? or redistributed\b[^\n]{0,80})$/i;
/** The longest tail TRAILING_SENTENCE_PATTERN is tried on (keeps it linear on long lines). */
export const TRAILING_SENTENCE_WINDOW = 340;
