/**
 * RSS 2.0 and Atom feeds: each item is an article. The body is the item's full content
 * (content:encoded, Atom content) when the feed has it, else its description / summary: the
 * record's raw input, with markup 'html' (extract reads it like a page). Title, link, date (as the
 * feed writes it) and author come from the item, the outlet from the channel's title. An item
 * with no content at all is CC220. A feed that is not well-formed or has no items gives CC122.
 * Entities the feed declares itself are never expanded (billion laughs): their references are
 * left out of every field (CC116), so an item made only of them has no text (CC220), not "&lol9;".
 */
import { readFile } from 'node:fs/promises';
import { Parser } from 'htmlparser2';
import type { RecordFields } from '../model/index.js';
import { problem, sourceItem, type ReadItem } from './item.js';
import { decodeBytes } from './decode.js';
import { errorCode } from './text.js';

interface FeedItem {
  title: string;
  link: string;
  date: string;
  author: string;
  content: string;
  summary: string;
}

/** Element names (lower-cased, namespace prefix kept) mapped to the item field they fill. */
const FIELD_OF: Readonly<Record<string, keyof FeedItem>> = {
  title: 'title', link: 'link', guid: 'link', id: 'link', pubdate: 'date', published: 'date', 'dc:date': 'date', updated: 'date',
  author: 'author', 'dc:creator': 'author', name: 'author', 'content:encoded': 'content', content: 'content', description: 'summary', summary: 'summary',
};

export interface ParsedFeed {
  kind: 'rss' | 'atom' | null;
  channelTitle: string;
  items: FeedItem[];
  /** True when the feed nested past FEED_LIMITS.maxOpen and the rest was not parsed (CC113). */
  cut: boolean;
  /**
   * References to entities the feed declares itself (a DTD's <!ENTITY>), left out of every
   * field: they are never expanded (billion laughs), and kept they would be stored as "&lol9;".
   */
  unexpanded: number;
}

export const FEED_LIMITS = {
  /**
   * Open elements past which the rest of a feed is not parsed: htmlparser2's cost per tag grows
   * with its stack of open tags, so 100,000 nested elements took 4 s. Feeds nest 3-5 levels,
   * plus the markup of an item's body (news pages: 20-60).
   */
  maxOpen: 1000,
  /** Characters fed to the parser per slice, between checks of the bound. */
  sliceChars: 64 * 1024,
};

/** An XML name in an <!ENTITY> declaration (parameter entities "% name" too). */
const ENTITY_DECLARATION = /<!ENTITY\s+(?:%\s+)?([A-Za-z_:][\w.:-]*)/g;
const ENTITY_REFERENCE = /&([A-Za-z_:][\w.:-]*);/g;

/** The entity names a feed declares in its prologue (the part before its root element). */
function declaredEntities(xml: string): Set<string> {
  const root = xml.search(/<(?:rss|feed|rdf:RDF)[\s>]/i);
  const prologue = xml.slice(0, root < 0 ? Math.min(xml.length, FEED_LIMITS.sliceChars) : root);
  const names = new Set<string>();
  if (!prologue.includes('<!ENTITY')) return names;
  for (const m of prologue.matchAll(ENTITY_DECLARATION)) names.add(m[1]!);
  return names;
}

/** Parses a feed's text (no recursion; elements outside items only give the channel title). */
export function parseFeed(xml: string): ParsedFeed {
  const feed: ParsedFeed = { kind: null, channelTitle: '', items: [], cut: false, unexpanded: 0 };
  const declared = declaredEntities(xml);
  // The feed's own entities are never expanded: their references are left out of the text.
  const withoutDeclared = (value: string): string =>
    declared.size === 0 || !value.includes('&')
      ? value
      : value.replace(ENTITY_REFERENCE, (whole, name: string) => {
          if (!declared.has(name)) return whole;
          feed.unexpanded++;
          return '';
        });
  const path: string[] = [];
  let item: FeedItem | null = null;
  let field: keyof FeedItem | null = null;
  let fieldDepth = -1;
  let text: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        path.push(name);
        if (name === 'rss' || name === 'rdf:rdf') feed.kind = 'rss';
        else if (name === 'feed') feed.kind = 'atom';
        if (name === 'item' || name === 'entry') {
          item = { title: '', link: '', date: '', author: '', content: '', summary: '' };
          return;
        }
        if (item && field === null) {
          const f = FIELD_OF[name];
          if (!f) return;
          // Atom links are in attributes; prefer rel="alternate" (or none) over other rels.
          if (name === 'link' && attrs['href'] !== undefined) {
            const rel = attrs['rel'] ?? 'alternate';
            if (rel === 'alternate' && (!item.link || !/^https?:/i.test(item.link))) item.link = attrs['href'];
            return;
          }
          if ((f === 'link' && item.link) || (f === 'date' && item.date) || (f !== 'link' && f !== 'date' && item[f])) return;
          field = f;
          fieldDepth = path.length;
          text = [];
        } else if (!item && name === 'title' && !feed.channelTitle) {
          field = 'title';
          fieldDepth = path.length;
          text = [];
        }
      },
      ontext(data) {
        if (field !== null) text.push(data);
      },
      onclosetag(name) {
        if (field !== null && path.length === fieldDepth) {
          const value = withoutDeclared(text.join('')).trim();
          if (item) item[field] = value;
          else feed.channelTitle = value.replace(/\s+/g, ' ');
          field = null;
          fieldDepth = -1;
        }
        path.pop();
        if ((name === 'item' || name === 'entry') && item) {
          feed.items.push(item);
          item = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true, lowerCaseTags: true },
  );
  for (let i = 0; i < xml.length; i += FEED_LIMITS.sliceChars) {
    parser.write(xml.slice(i, i + FEED_LIMITS.sliceChars));
    if (path.length > FEED_LIMITS.maxOpen) {
      feed.cut = true;
      // The item being read when the bound was hit is incomplete: it is dropped, not closed.
      item = null;
      path.length = 0;
      break;
    }
  }
  if (!feed.cut) parser.end();
  return feed;
}

/** True when the start of a text looks like a feed. */
export function looksLikeFeed(head: string): boolean {
  return /<(?:rss|feed|rdf:RDF)[\s>]/i.test(head.slice(0, 4096));
}

/** The items of a feed as source records (uri "path#N"), or CC122. */
export function* readFeedText(xml: string, name: string): Generator<ReadItem> {
  const feed = parseFeed(xml);
  if (feed.cut) yield problem('CC113', `${name} nests more than ${FEED_LIMITS.maxOpen} elements deep; ${feed.items.length} item${feed.items.length === 1 ? '' : 's'} before that point read`, name);
  if (feed.unexpanded > 0) {
    yield problem('CC116', `${name} declares its own entities (a DTD); ${feed.unexpanded} reference${feed.unexpanded === 1 ? '' : 's'} to them ${feed.unexpanded === 1 ? 'was' : 'were'} not expanded and left out`, name);
  }
  if (feed.kind === null || feed.items.length === 0) {
    if (feed.cut) return;
    yield problem('CC122', `${name} is not an RSS or Atom feed with items (${feed.kind === null ? 'no <rss> or <feed> element' : 'no <item> or <entry>'})`, name);
    return;
  }
  for (const [i, it] of feed.items.entries()) {
    const uri = `${name}#${i + 1}`;
    const body = it.content || it.summary;
    if (!/\S/.test(body)) {
      yield problem('CC220', `${uri}: feed item "${it.title.slice(0, 80)}" has no text`, uri, { hint: 'the feed gives only titles; fetch the item links to read the articles' });
      continue;
    }
    const record: RecordFields = {};
    const title = it.title.replace(/\s+/g, ' ').trim();
    if (title) record.title = title;
    if (it.author) record.byline = it.author.replace(/\s+/g, ' ');
    if (it.date) record.publishedAt = it.date;
    if (it.link) record.url = it.link;
    if (feed.channelTitle) record.outlet = feed.channelTitle;
    yield sourceItem({ uri, format: 'feed', raw: body, markup: 'html', record, messages: [] });
  }
}

/** A feed's bytes to its items. */
export function readFeedBytes(bytes: Uint8Array, name: string): Generator<ReadItem> {
  return readFeedText(decodeBytes(bytes).text, name);
}

/** A feed file (a feed is read whole: feeds are small, and the limit is checked first). */
export async function* readFeedFile(path: string, size: number, maxBytes: number): AsyncGenerator<ReadItem> {
  if (size > maxBytes) {
    yield problem('CC105', `${path} is ${size} bytes, over the limit of ${maxBytes}`, path);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    yield problem('CC101', `${path} could not be read (${errorCode(error)})`, path);
    return;
  }
  yield* readFeedBytes(bytes, path);
}
