/**
 * Step 1 of the HTML cascade: markup to a small element tree, in one streaming pass over the
 * events of our tokenizer (tree-rules.ts; no DOM library, no recursion anywhere, so a page of
 * 20 MB of nested <div> cannot blow the stack). While parsing we also collect what the metadata steps need:
 * <title>, <meta>, <link>, JSON-LD scripts and the <html lang>.
 *
 * Bounds (PARSE_LIMITS): past MAX_DEPTH open elements new elements are flattened into the
 * deepest one; past MAX_ELEMENTS they are ignored (their text is kept); past the time budget
 * the rest of the page is not parsed. Each bound sets a flag the caller turns into a message.
 */
import { HtmlParser } from './tree-rules.js';
import type { Utf8Page } from '../../read/utf8-page.js';

export const PARSE_LIMITS = {
  /** Deeper than any real page (news pages measured at 20-60 levels). */
  maxDepth: 300,
  /** Real news pages have 1,000-15,000 elements. */
  maxElements: 300_000,
  /**
   * Open elements past which the rest of the page is not parsed: a page of millions of unclosed
   * <div> is hostile, not an article (htmlparser2, the parser before ours, took minutes on it).
   * Real pages stay under a few hundred.
   */
  maxOpen: 10_000,
  /** Characters parsed between checks of the time and open-tag bounds. */
  sliceChars: 64 * 1024,
};

/** Elements whose content is never article text. */
const SKIPPED: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'svg', 'math', 'template', 'iframe', 'object', 'embed', 'canvas',
  'select', 'option', 'textarea', 'button', 'video', 'audio', 'map', 'input', 'dialog',
]);

export type Attrs = Record<string, string>;

export interface El {
  tag: string;
  attrs: Attrs;
  /** Text strings (entity-decoded, not yet collapsed) and child elements, in document order. */
  children: (El | string)[];
  parent: El | null;
  /** The element's place in the order the parser made them (the root 0): per-element measures are arrays indexed by it. */
  index: number;
  /**
   * Where each text child came from in the page, for the article text's raw spans: for child k
   * (a string), runs[k] is a flat list of triples (offset in the string, raw start, raw end), one
   * per parser text event (verbatim runs, and one event per character reference).
   */
  runs?: number[][];
}

export interface MetaTag {
  /** `name`, `property` or `itemprop`, lower-cased. */
  key: string;
  content: string;
}

export interface ParsedPage {
  root: El;
  title: string;
  metas: MetaTag[];
  links: Attrs[];
  jsonld: string[];
  /** <time datetime> values, in document order. */
  times: string[];
  lang: string | null;
  limits: { depth: boolean; elements: boolean; time: boolean };
}

/**
 * Parses a page (its text, or its UTF-8 bytes undecoded: read/utf8-page.ts); stops feeding the
 * parser after `timeBudgetMs` (limits.time set).
 */
export function parseHtml(html: string | Utf8Page, timeBudgetMs = 2000): ParsedPage {
  const root: El = { tag: '#root', attrs: {}, children: [], parent: null, index: 0 };
  const page: ParsedPage = { root, title: '', metas: [], links: [], jsonld: [], times: [], lang: null, limits: { depth: false, elements: false, time: false } };
  // One entry per open tag: the element, or null for a tag we did not build.
  const open: (El | null)[] = [];
  let current = root;
  let depth = 0;
  let elements = 0;
  let skipping = 0;
  let inTitle = false;
  let script: string[] | null = null;

  const parser = new HtmlParser(
    {
      onopentag(name, attrs) {
        if (name === 'meta') {
          const key = (attrs['property'] ?? attrs['name'] ?? attrs['itemprop'] ?? attrs['http-equiv'] ?? '').toLowerCase();
          const content = attrs['content'];
          if (key && content !== undefined) page.metas.push({ key, content });
        } else if (name === 'link') page.links.push(attrs);
        else if (name === 'time' && attrs['datetime']) page.times.push(attrs['datetime']);
        else if (name === 'html' && attrs['lang'] && page.lang === null) page.lang = attrs['lang'];
        else if (name === 'title' && page.title === '') inTitle = true;
        if (name === 'script' && (attrs['type'] ?? '').toLowerCase().includes('ld+json')) script = [];
        if (skipping > 0 || SKIPPED.has(name)) {
          if (SKIPPED.has(name)) skipping++;
          open.push(null);
          return;
        }
        if (depth >= PARSE_LIMITS.maxDepth || elements >= PARSE_LIMITS.maxElements) {
          if (depth >= PARSE_LIMITS.maxDepth) page.limits.depth = true;
          else page.limits.elements = true;
          open.push(null);
          return;
        }
        const el: El = { tag: name, attrs, children: [], parent: current, index: elements + 1 };
        current.children.push(el);
        current = el;
        depth++;
        elements++;
        open.push(el);
      },
      ontext(text) {
        if (script !== null) {
          script.push(text);
          return;
        }
        if (inTitle) page.title += text;
        if (skipping > 0) return;
        const children = current.children;
        const k = children.length - 1;
        const last = children[k];
        const runs = (current.runs ??= []);
        if (typeof last === 'string') {
          children[k] = last + text;
          runs[k]!.push(last.length, parser.startIndex, parser.endIndex + 1);
        } else {
          children.push(text);
          runs[k + 1] = [0, parser.startIndex, parser.endIndex + 1];
        }
      },
      wantsText() {
        return script !== null || inTitle || skipping === 0;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'script' && script !== null) {
          page.jsonld.push(script.join(''));
          script = null;
        }
        const el = open.pop();
        if (el === undefined) return;
        if (el === null) {
          if (SKIPPED.has(name) && skipping > 0) skipping--;
          return;
        }
        current = el.parent ?? root;
        depth--;
      },
    },
  );
  const started = Date.now();
  parser.parse(html, PARSE_LIMITS.sliceChars, () => {
    if (Date.now() - started > timeBudgetMs) page.limits.time = true;
    else if (open.length > PARSE_LIMITS.maxOpen) page.limits.depth = true;
    else return true;
    return false;
  });
  page.title = page.title.replace(/\s+/g, ' ').trim();
  return page;
}

/** The elements of a subtree in document order (pre-order), without recursion. */
export function descendants(root: El): El[] {
  const out: El[] = [];
  const stack: El[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    out.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  }
  return out;
}

/** The text of a subtree, whitespace collapsed (for metadata; content text is built in content.ts). */
export function textOf(root: El): string {
  const parts: string[] = [];
  const stack: (El | string)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      parts.push(node);
      continue;
    }
    if (node.tag === 'br' || node.tag === 'p' || node.tag === 'div' || node.tag === 'li') parts.push(' ');
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * The text of a small subtree, whitespace collapsed, or null as soon as it passes `max` raw
 * characters: for metadata elements (a date line, a byline), so a big container that happens to
 * carry a "date" or "author" class costs no more than `max` characters of reading.
 */
export function textWithin(root: El, max: number): string | null {
  let out = '';
  const stack: (El | string)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      out += node;
      if (out.length > max) return null;
      continue;
    }
    if (node.tag === 'br' || node.tag === 'p' || node.tag === 'div' || node.tag === 'li') out += ' ';
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out.replace(/\s+/g, ' ').trim();
}
