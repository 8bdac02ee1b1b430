/**
 * Step 2c: the page's authors, as a list of cleaned names. The cascade (the first step that gives
 * at least one name wins):
 *
 *   1. json-ld    the article object's author / creator names (Person or plain strings; an
 *                 Organization that is the publisher is not an author)
 *   2. meta       AUTHOR_META names (not urls, not the outlet)
 *   3. html       a byline element (rel / itemprop / class / id says author or byline, "article__byline"
 *                 too) or a link to an author's page within AUTHOR_LINK_AFTER_H1 elements under an
 *                 <h1>, not inside a comment section, first in the page
 *
 * Cleaning (cleanAuthors): labels cut ("By", "Posted by", "Written by", "Author:", "Von"),
 * what follows the names cut (a date, a time, counts, "| Outlet", the outlet's name, a desk and
 * role and the affiliation after it, an e-mail, a handle, the name said twice), the list split at
 * commas, "and", "&", "und", ";"; a name must read as one (1-5 words, at most one lower-case
 * particle run, a capital), and is dropped when it is the outlet, a form label or a role.
 */
import { textWithin, type El, type ParsedPage } from './parse.js';
import type { JsonLdFindings } from './jsonld.js';

export type AuthorVia = 'json-ld' | 'meta' | 'html';

const AUTHOR_META: readonly string[] = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'byline', 'citation_author', 'twitter:creator:name'];
/** Classes / ids / rel / itemprop of the element that holds the byline in the page. */
const BYLINE_HINT = /(?<![a-z])(?:byline|author|writer|contributor|creator|verfasser|autor|submitted-by)/i;
/** A link to an author's page ("/author/tess-bonn", "/authors/matthew-humphries", "/autor/...", a profile "/@casey"): its text is a name. */
const AUTHOR_HREF = /\/(?:(?:authors?|autor(?:en|es)?|auteurs?|autori|autore|journalists?|writers?|byline|staff|people)\/(?:\d+\/)?[^/?#]+|@[\w.-]+)\/?(?:[?#]|$)/i;
/**
 * A line under the headline that starts with a byline label, its names after it or in the next
 * element ("<p>Von Claudia Riedler</p>", "<p class="meta">By Sherif Saed, Wednesday, 20 November
 * 2019</p>", "Author: <strong>Brijesh Srivastava</strong>"), for pages whose byline carries no
 * author class. The label must be a line's first words: "by" inside a sentence is not a byline.
 */
const LABEL_LINE = /^(?:by|von|par|por|posted by|written by|geschrieben von|text|author|autor|auteur)(?:\s*:)?(?:\s+\p{Lu}|$)/iu;
/** How far (elements) after an <h1> a label line is read, and its longest text. */
const LABEL_LINE_AFTER_H1 = 30;
const LABEL_LINE_MAX_CHARS = 120;
/** At most this many elements beside a byline element are read for more authors ("<div class=author>A</div> and <div class=author>B</div>"). */
const SIBLING_AUTHORS_MAX = 6;
/** Containers of reader comments: an author inside one is a commenter. */
const COMMENT_HINT = /(?:^|[\s_-])(?:comments?|commentlist|comment-list|discussion|replies|reply|disqus|respond)(?:$|[\s_-])/i;
/** How far (elements, document order) after an <h1> a link to an author's page is read as the byline. */
const AUTHOR_LINK_AFTER_H1 = 30;
/** At most this many byline-hinted elements are read (a page of author cards costs no more). */
const BYLINE_CANDIDATES_MAX = 12;
/** The longest text taken from a byline element. */
const BYLINE_MAX_CHARS = 160;
const NAME_MAX_WORDS = 5;
/** How many elements inside a long byline element are looked through for its first link. */
const LINK_SEARCH_MAX = 20;
const NAME_MAX_CHARS = 60;

/** Labels before the names ("By", "Posted by", "Written by", "Author:", German "Von", "Text:"). */
const LEADING_LABEL = /^(?:(?:written|posted|reported|story|text|words|photos?|published)\s+by|(?:veröffentlicht|geschrieben|verfasst)\s+von|publié\s+par|escrito\s+por|scritto\s+da|by|about|von|par|di|por|author(?:s|ed by)?|autor(?:in)?|verfasser(?:in)?|text|reporter|writer)\b\s*[:|-]?\s*/i;
/** Where the names end: a digit (a date or count), a separator, an e-mail, "on <date>", "Updated". */
const TRAILING = /\s*(?:[|•·—–]|\s-\s|\d|\b(?:on|le|il|el|den)\s+(?:\w+\s+)?\d|\b(?:updated|published|posted|am|um)\b|\S+@\S+|\bfollow\b).*$/i;
/** Month and weekday names (English, German) after the names start a date: cut there. */
const DATE_WORD = /\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|yesterday|today|gestern|heute)\b.*$/i;
/** Words after a name that are a role, an agency or the outlet: cut there ("Tom Flanagan News Reporter", "Jane Roe The Associated Press"). */
const AFTER_NAME = /\s+(?:the|news|senior|staff|chief|associate|contributing|special|general|political|reporter|correspondent|writer|editor|columnist|lesezeit|reuters|associated press|ap|afp|dpa|upi|view|more|follow|updated|published|posted|share|email|twitter|facebook|profile|articles?|bio)\b.*$/i;
/** Words glued to the end of a name by adjacent elements ("Meg JamesStaff Writer", "PTIUpdated"). */
const GLUED_LABEL = /^(?:Staff|Updated|Published|Posted|View|More|Follow|Share|Senior|Contributing|Reporter|Editor|Writer|Correspondent|Email|Twitter|FOX|CNN|CBS|NBC|ABC|Reuters)/;
const GLUED_AFTER_LETTER = new RegExp(`(?<=\\p{L})(?:${GLUED_LABEL.source.slice(4, -1)})`, 'u');
/** An e-mail address and all after it, glued or not ("Claudia Tanclaudiat@sph.com.sg"): the name is before the token. */
const EMAIL = /\S*@[\w-]+\.\S+.*$/;
/** A social handle glued to a name ("April Roach@aprilroach28"): it ends the name. */
const HANDLE = /@\w+/g;
/** A role word after a desk or beat ("China Correspondent", "General Assignment Reporter", "National reporter"). */
const DESK_ROLE = /\s(?:correspondent|reporter|writer|columnist|editor)\b/i;
/** One all-capital word up to this long is an acronym ("AFP", "PTI"), longer a name in capitals ("REUTERS"). */
const ACRONYM_MAX_CHARS = 4;
/** Joiners between several authors' whole bylines (each with its role and outlet). */
const AUTHORS_JOINER = /\s+(?:and|und|&)\s+/i;
/** Joiners between several names. */
const JOINER = /\s*(?:,|;|\s&\s|\sand\s|\sund\s|\set\s|\se\s|\sy\s)\s*/i;
/** Words that are not names: roles, form labels, outlets' generic words. */
const NOT_A_NAME = /^(?:name|your name|e-?mail|author|authors|admin|administrator|editor|editors|staff|staff writer|the editors|redaktion|guest|anonymous|unknown|reporter|contributor|correspondent|team|newsroom|press release|comments?|reply|by|posted|leave a reply|log in|login|sign in|search|home|menu|quelle|source|sources)$/i;
/** Words no person's name holds: furniture, companies and affiliations ("Move Comment", "Letzte Aktualisierung", "Verlag GmbH", "Newcastle University"). */
const NOT_NAME_WORD = /(?:^|\s)(?:comments?|kommentare?|aktualisierung|bild|foto|photos?|lesezeit|reading|minutes?|share|gmbh|ag|ltd|inc|llc|verlag|zeitung|redaktion|online|digital|archive|view|posts?|veröffentlicht|published|university|universität|université|universidad|università|institute|institut|college|hospital|foundation|stiftung)(?:$|\s|:)/i;
/** Role words that may trail a name after a comma ("Jane Doe, Senior Editor"): cut. */
const ROLE_WORDS = /\b(?:editor|writer|correspondent|reporter|columnist|contributor|staff|producer|journalist|redakteur|redakteurin|chief|senior|associate|intern|ceo|cto|founder|president|director)\b/i;
/** Lower-case words allowed inside a name ("Ludwig van Beethoven", "Maria de la Cruz"). */
const PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'bin', 'al', 'el', 'dos', 'del', 'ten', 'ter', 'zu']);

/**
 * html: the share of visible bylines whose names equal the page's JSON-LD/meta names, where both
 * exist (eval/authors.ts: 163/177 = 0.92; held at 0.8, below the structured data it is measured against). json-ld and meta have no reference here
 * (trafilatura's labelled pages are held out): ranked above html by trust, not measured.
 */
export const AUTHOR_CONFIDENCE: Readonly<Record<AuthorVia, number>> = { 'json-ld': 0.9, meta: 0.9, html: 0.8 };

export interface PageAuthors {
  names: string[];
  via: AuthorVia | null;
}

function isUrl(s: string): boolean {
  return /^(?:https?:)?\/\//i.test(s) || /^www\./i.test(s) || /\.(?:com|org|net|de|co\.uk)\b/i.test(s);
}

/** True when `s` reads as one person's name. */
function isName(s: string): boolean {
  if (s.length < 3 || s.length > NAME_MAX_CHARS || NOT_A_NAME.test(s) || NOT_NAME_WORD.test(s) || isUrl(s)) return false;
  const words = s.split(' ');
  if (words.length > NAME_MAX_WORDS) return false;
  let capitals = 0;
  for (const w of words) {
    if (/^\p{Lu}/u.test(w)) capitals++;
    else if (!PARTICLES.has(w)) return false;
  }
  return capitals > 0 && /\p{L}{2}/u.test(s);
}

function sameName(a: string, b: string): boolean {
  const norm = (x: string): string => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return norm(a) === norm(b);
}

/**
 * A byline's text to its names: "Posted by T. V. Raman" -> ["T. V. Raman"]; "Emily Burack 8 January
 * 2020, 3:51 pm 11 Edit" -> ["Emily Burack"]; "By Jane Doe and John Roe" -> ["Jane Doe", "John Roe"].
 * `outlet` (the site's name) is never an author.
 */
export function cleanAuthors(raw: string, outlet: string | null = null): string[] {
  const whole = cleanByline(raw, outlet);
  // "By Daniel Marans Senior Politics Reporter, HuffPost and Liz Skalka Politics Reporter, HuffPost":
  // each author's role and outlet cut the rest, so the names after the first role are read part by part.
  const parts = raw.split(AUTHORS_JOINER);
  if (parts.length < 2 || whole.length >= parts.length || !(ROLE_WORDS.test(parts[0]!) || (outlet && parts[0]!.includes(outlet)))) return whole;
  const out = [...whole];
  for (const part of parts.slice(1)) {
    for (const n of cleanByline(part, outlet)) if (n.includes(' ') && !ROLE_WORDS.test(n) && !out.some((o) => sameName(o, n))) out.push(n);
  }
  return out.length > 0 && whole.length > 0 && sameName(out[0]!, whole[0]!) ? out : whole;
}

function cleanByline(raw: string, outlet: string | null): string[] {
  let s = raw.replace(/\s+/g, ' ').trim();
  // "AuthorAndreas Kalt": a label glued to the name.
  s = s.replace(/^(Author|Autor|By)(?=\p{Lu}\p{Ll})/u, '$1 ');
  // "Share Comments By Tom Hopkinson", "About Ed de Leon": what comes before "By" / "About" is furniture.
  const by = /(?:^|\s)(?:by|about|von)\s+(?=\p{Lu})/iu.exec(s);
  if (by && by.index > 0) s = s.slice(by.index + by[0].length);
  for (let k = 0; k < 2; k++) s = s.replace(LEADING_LABEL, '');
  // "Paul Steinhauser Fox News", "Ron Dicker General Assignment Reporter, HuffPost": the outlet ends the names.
  if (outlet && outlet.length >= 3) {
    const at = s.toLowerCase().indexOf(outlet.toLowerCase());
    if (at > 0) s = s.slice(0, at);
  }
  // "April Roach@aprilroach28": a social handle glued to the name ends it.
  s = s.replace(EMAIL, '').replace(HANDLE, ' | ');
  s = cutGlue(s);
  s = s.replace(TRAILING, '').replace(DATE_WORD, '').trim();
  s = cutRepeat(s);
  // "Finian Cunningham. Sputnik International": a full stop after a whole word ends the name.
  const stop = /\p{Ll}{2}\.\s+\p{Lu}/u.exec(s);
  if (stop) s = s.slice(0, stop.index + 2);
  const out: string[] = [];
  let role = false;
  for (const part of s.split(JOINER)) {
    // "Tom Krisher, AP Auto Writer": a part that holds a role after the first name is not a name;
    // "Ron Dicker General Assignment Reporter, HuffPost": after a role comes the affiliation.
    if (role) break;
    role = ROLE_WORDS.test(part);
    if (role && out.length > 0) continue;
    const name = titleCase(beforeRole(part).replace(AFTER_NAME, '').replace(/^[\s"'“”(]+|[\s"'“”).:]+$/g, '').replace(/^(?:and|und)\s+/i, ''));
    if (!name) continue;
    if (ROLE_WORDS.test(name) && out.length > 0) continue;
    if (!name.includes(' ') && DATE_WORD.test(` ${name}`)) continue;
    if (!isName(name)) continue;
    if (outlet && sameName(name, outlet)) continue;
    if (!out.some((n) => sameName(n, name))) out.push(name);
  }
  return out;
}

/** "Eric Yoder Eric Yoder National reporter": a byline that repeats the name (a link and a card) gives it once. */
function cutRepeat(s: string): string {
  const words = s.split(' ');
  for (let k = 2; k * 2 <= words.length && k <= NAME_MAX_WORDS; k++) {
    if (words.slice(0, k).join(' ') === words.slice(k, 2 * k).join(' ')) return words.slice(0, k).join(' ');
  }
  return s;
}

/**
 * "Denis Staunton China Correspondent", "Ron Dicker General Assignment Reporter": a role with its
 * desk or beat after the name; the name is the first two words, unless it holds an initial or a
 * particle ("Hayley J. Fowler Senior Writer" is cut by AFTER_NAME at "Senior").
 */
function beforeRole(part: string): string {
  const role = DESK_ROLE.exec(part);
  if (!role) return part;
  const words = part.slice(0, role.index).trim().split(' ');
  if (words.length < 3 || words.slice(0, 3).some((w) => PARTICLES.has(w) || /^\p{Lu}\.$/u.test(w))) return part;
  return words.slice(0, 2).join(' ');
}

/** Cuts at the first place an element glued a label to the name: "Meg JamesStaff Writer" -> "Meg James". */
function cutGlue(s: string): string {
  const label = GLUED_AFTER_LETTER.exec(s);
  if (label && label.index > 1) s = s.slice(0, label.index);
  const re = /\p{Ll}(?=\p{Lu})/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const left = s.slice(0, m.index + 1);
    const right = s.slice(m.index + 1);
    // "McDonald", "DeShawn": a short prefix glued to a capital is part of the name.
    if (GLUED_LABEL.test(right) || (left.includes(' ') && /\p{Ll}{3}$/u.test(left) && !/(?:^|\s)(?:Mc|Mac|De|Di|La|Le|O')$/.test(left))) return left;
  }
  return s;
}

/** "TOM KRISHER" -> "Tom Krisher", "REUTERS" -> "Reuters"; acronyms alone ("PTI", "AFP") stay. */
function titleCase(name: string): string {
  if (!/\p{Lu}{2}/u.test(name) || /\p{Ll}/u.test(name) || (!name.includes(' ') && name.length <= ACRONYM_MAX_CHARS)) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

function insideComments(el: El): boolean {
  for (let p = el.parent; p; p = p.parent) {
    const hint = `${p.attrs['class'] ?? ''} ${p.attrs['id'] ?? ''}`;
    if (hint.length > 1 && COMMENT_HINT.test(hint)) return true;
    if (p.tag === 'footer' && p.parent?.tag === 'article' && COMMENT_HINT.test(p.parent.attrs['class'] ?? '')) return true;
  }
  return false;
}

/**
 * The first byline element of the page outside comment sections, cleaned to names. A result of
 * one one-word name ("Natasha" from a first-name <span>) is kept only when no later element gives
 * a fuller one.
 */
function authorsInPage(elements: readonly El[], outlet: string | null): string[] {
  let partial: string[] = [];
  let labelled: string[] = [];
  let tried = 0;
  let lastH1 = -1;
  for (let k = 0; k < elements.length; k++) {
    const el = elements[k]!;
    if (el.tag === 'h1') lastH1 = k;
    if (el.tag === 'meta' || el.tag === 'link') continue;
    if (labelled.length === 0 && lastH1 >= 0 && k - lastH1 <= LABEL_LINE_AFTER_H1 && startsWithLabel(el)) labelled = labelLine(el, outlet);
    const a = el.attrs;
    const { rel, itemprop, class: cls, id } = a;
    const href = el.tag === 'a' ? a['href'] : undefined;
    if (rel === undefined && itemprop === undefined && cls === undefined && id === undefined && href === undefined) continue;
    const hint = `${rel ?? ''} ${itemprop ?? ''} ${cls ?? ''} ${id ?? ''}`;
    // A link to an author's page counts only under the headline: sidebars and teasers link their own authors.
    const authorLink = href !== undefined && lastH1 >= 0 && k - lastH1 <= AUTHOR_LINK_AFTER_H1 && AUTHOR_HREF.test(href);
    if (!(hint.length >= 4 && BYLINE_HINT.test(hint)) && !authorLink) continue;
    if (++tried > BYLINE_CANDIDATES_MAX) break;
    const text = textWithin(el, BYLINE_MAX_CHARS * 2);
    if (!text || insideComments(el)) continue;
    const names = text.length > BYLINE_MAX_CHARS ? [] : cleanAuthors(text, outlet);
    if (names.length === 0) {
      // "<div class="byline">By <a>Shannon Thaler</a><div class="author-flyout">Social Links for Shannon
      // Thaler View Author Archive</div>": a byline that holds a card or a bio does not read as names
      // whole (or is too long to); its first link is the name, under the headline (a footer's "Theme: Pirate
      // Rogue von xwolf" is not a byline).
      const linked = lastH1 >= 0 && k - lastH1 <= AUTHOR_LINK_AFTER_H1 ? firstLinkName(el, outlet) : [];
      if (linked.length > 0) return linked;
      continue;
    }
    if (names.length === 1 && !names[0]!.includes(' ')) {
      if (partial.length === 0) partial = names;
      continue;
    }
    return withSiblings(el, names, outlet);
  }
  return partial.length > 0 && labelled.length === 0 ? partial : labelled.length > 0 ? labelled : partial;
}

/** The name in the first link inside a byline element (within LINK_SEARCH_MAX elements), if it reads as a whole name. */
function firstLinkName(el: El, outlet: string | null): string[] {
  const stack: El[] = [el];
  for (let seen = 0; stack.length > 0 && seen < LINK_SEARCH_MAX; seen++) {
    const node = stack.pop()!;
    if (node.tag === 'a' && node !== el) {
      const text = textWithin(node, NAME_MAX_CHARS);
      const names = text ? cleanAuthors(text, outlet) : [];
      return names.length === 1 && names[0]!.includes(' ') ? names : [];
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      const c = node.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  }
  return [];
}

/** True when one of the element's own text children (not its children's) starts with a byline label. */
function startsWithLabel(el: El): boolean {
  for (const c of el.children) if (typeof c === 'string' && LABEL_LINE.test(c.trim())) return true;
  return false;
}

/** A label line's names: the element's text, and when the element holds only the label, the label with the next element's text. */
function labelLine(el: El, outlet: string | null): string[] {
  let text = textWithin(el, LABEL_LINE_MAX_CHARS * 2);
  // "<p>Von Daniel Weinmann<br/>Am Samstag zogen ...</p>": the byline is the paragraph's first line.
  const first = el.children[0];
  if ((!text || text.length > LABEL_LINE_MAX_CHARS) && typeof first === 'string' && first.length <= LABEL_LINE_MAX_CHARS && typeof el.children[1] !== 'string' && el.children[1]?.tag === 'br') text = first;
  if (!text || text.length > LABEL_LINE_MAX_CHARS || insideComments(el)) return [];
  const names = cleanAuthors(text, outlet);
  return names.length === 1 && !names[0]!.includes(' ') ? [] : names;
}

/**
 * "<div class="author">By A</div> and <div class="author">B</div>": the names of the byline
 * element's later siblings of the same tag and class join its own (several authors, each in an
 * element of its own).
 */
function withSiblings(el: El, names: string[], outlet: string | null): string[] {
  const parent = el.parent;
  const cls = el.attrs['class'];
  if (!parent || cls === undefined) return names;
  const out = [...names];
  let read = 0;
  for (let i = parent.children.indexOf(el) + 1; i < parent.children.length && read < SIBLING_AUTHORS_MAX; i++) {
    const sib = parent.children[i]!;
    if (typeof sib === 'string' || sib.tag !== el.tag || sib.attrs['class'] !== cls) continue;
    read++;
    const text = textWithin(sib, BYLINE_MAX_CHARS * 2);
    if (!text || text.length > BYLINE_MAX_CHARS) continue;
    for (const n of cleanAuthors(text, outlet)) if (n.includes(' ') && !out.some((o) => sameName(o, n))) out.push(n);
  }
  return out;
}

/** The authors of a page (see the cascade above). */
export function findAuthors(page: ParsedPage, jsonld: JsonLdFindings, elements: readonly El[], outlet: string | null): PageAuthors {
  const art = jsonld.article;
  if (art && art.authors.length > 0) {
    const publisher = art.publisher;
    const names = art.authors.filter((n) => !isUrl(n) && !(publisher && sameName(n, publisher))).flatMap((n) => cleanAuthors(n, outlet));
    if (names.length > 0) return { names: [...new Set(names)], via: 'json-ld' };
  }
  for (const key of AUTHOR_META) {
    for (const m of page.metas) {
      if (m.key !== key || !m.content.trim() || isUrl(m.content.trim())) continue;
      const names = cleanAuthors(m.content, outlet);
      if (names.length > 0) return { names, via: 'meta' };
    }
  }
  const names = authorsInPage(elements, outlet);
  return names.length > 0 ? { names, via: 'html' } : { names: [], via: null };
}
