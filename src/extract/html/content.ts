/**
 * Step 3: the content body (one attempt; fallbacks.ts runs it with fewer flags when it yields
 * too little). The recipe, after Readability's:
 *
 *   1. Hidden elements are cut; with `stripUnlikely`, page furniture too (scoring.ts).
 *   2. Text, link text and comma counts per element, bottom-up over a flat list (no recursion).
 *   3. Each block holding at least MIN_PARAGRAPH_CHARS of its own text scores
 *      1 + commas + one per 100 characters (max 3); its ancestors get it, divided by distance.
 *   4. The best candidate is score * (1 - link density); it is moved up while its parent
 *      holds more of the text, and sibling paragraphs that read as prose are joined.
 *   5. The chosen elements are rendered to lines, one per block; with `cleanConditionally`,
 *      containers with more links than text, or that score below zero, are left out (cleanup.ts).
 */
import type { El } from './parse.js';
import { BLOCK_TAGS, HEADING_TAGS, initialScore, isHidden, isUnlikely, MIN_PARAGRAPH_CHARS, SCORE_ANCESTORS } from './scoring.js';
import { isLeftOut } from './cleanup.js';
import { CASCADE_TUNING, type CascadeTuning } from './tuning.js';

export interface AttemptFlags {
  stripUnlikely: boolean;
  weighClasses: boolean;
  cleanConditionally: boolean;
}

export type LineKind = 'title' | 'heading' | 'item' | 'quote' | 'body';

export interface Line {
  text: string;
  kind: LineKind;
  /** Share of the line's characters inside links. */
  linkShare: number;
  /**
   * Where the line came from in the page: `source` is its text before whitespace was collapsed,
   * `runs` flat triples (offset in `source`, raw start, raw end) of the parser's text events.
   * Absent for lines not read from the page's markup (the JSON-LD articleBody).
   */
  source?: string;
  runs?: number[];
}

export interface Attempt {
  lines: Line[];
  /** Characters of text in `lines`. */
  chars: number;
  /** Elements left out inside the chosen content (conditional cleaning), for the report. */
  leftOut: number;
}

/** Per-element measures of one attempt. */
export interface Stats {
  text: number;
  links: number;
  commas: number;
  /** Text in the element's own lines (not in block children). */
  own: number;
  ownCommas: number;
  score: number;
  scored: boolean;
  /** Text in paragraphs (own text of MIN_PARAGRAPH_CHARS or more) inside the element. */
  paragraphs: number;
}

/** An attempt's measures of each kept element, at the element's index (parse.ts); none for cut ones. */
export type StatsOf = (Stats | undefined)[];

/** How many top candidates are looked at for a common ancestor. */
const TOP_CANDIDATES = 5;

/** The commas (ASCII, full-width, Arabic) of the text textLength last measured. */
let lastCommas = 0;

/**
 * Length of a text with whitespace runs counted as one character; its commas are left in
 * lastCommas (one pass over the text for both measures: a page's text is walked once per attempt).
 */
function textLength(s: string): number {
  let n = 0;
  let commas = 0;
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
      if (c === 44 || c === 0xff0c || c === 0x060c) commas++;
    }
  }
  lastCommas = commas;
  return n;
}

/** The kept elements in pre-order, skipping cut subtrees. */
function keptElements(root: El, flags: AttemptFlags, cut: Set<El>): El[] {
  const out: El[] = [];
  const stack: El[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el !== root && (isHidden(el) || (flags.stripUnlikely && isUnlikely(el)))) {
      cut.add(el);
      continue;
    }
    out.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (typeof c !== 'string') stack.push(c);
    }
  }
  return out;
}

function measure(elements: readonly El[], cut: Set<El>): StatsOf {
  // Allocated at its full length: filled from the last element back, a growing array would go sparse.
  let last = 0;
  for (const el of elements) if (el.index > last) last = el.index;
  const stats: StatsOf = new Array<Stats | undefined>(last + 1);
  for (let k = elements.length - 1; k >= 0; k--) {
    const el = elements[k]!;
    let text = 0;
    let links = 0;
    let commas = 0;
    let blockText = 0;
    let blockCommas = 0;
    let paragraphs = 0;
    for (const c of el.children) {
      if (typeof c === 'string') {
        text += textLength(c);
        commas += lastCommas;
        continue;
      }
      if (cut.has(c)) continue;
      const s = stats[c.index];
      if (!s) continue;
      text += s.text;
      links += s.links;
      commas += s.commas;
      paragraphs += s.paragraphs;
      if (BLOCK_TAGS.has(c.tag)) {
        blockText += s.text;
        blockCommas += s.commas;
      }
    }
    if (el.tag === 'a') links = text;
    const own = text - blockText;
    if (own >= MIN_PARAGRAPH_CHARS && BLOCK_TAGS.has(el.tag)) paragraphs += own;
    stats[el.index] = { text, links, commas, own, ownCommas: commas - blockCommas, score: 0, scored: false, paragraphs };
  }
  return stats;
}

export function linkDensity(s: Stats): number {
  return s.text === 0 ? 0 : s.links / s.text;
}

/** Runs one attempt over the page. */
export function findContent(root: El, flags: AttemptFlags, tuning: Readonly<CascadeTuning> = CASCADE_TUNING): Attempt {
  const cut = new Set<El>();
  const elements = keptElements(root, flags, cut);
  const stats = measure(elements, cut);

  // 3. Paragraph scores to ancestors.
  const candidates: El[] = [];
  for (const el of elements) {
    if (!BLOCK_TAGS.has(el.tag) || el.tag === 'body' || el.tag === 'html') continue;
    const s = stats[el.index]!;
    if (s.own < MIN_PARAGRAPH_CHARS) continue;
    const score = 1 + s.ownCommas + Math.min(Math.floor(s.own / 100), 3);
    // A text-holding div is itself a paragraph: its own score goes to it and up.
    let node: El | null = el.tag === 'p' || HEADING_TAGS.has(el.tag) || el.tag === 'li' ? el.parent : el;
    for (let level = 0; node && level < SCORE_ANCESTORS; level++, node = node.parent) {
      if (node.tag === '#root') break;
      const ns = stats[node.index];
      if (!ns) break;
      if (!ns.scored) {
        ns.scored = true;
        ns.score = initialScore(node, flags.weighClasses);
        candidates.push(node);
      }
      ns.score += level === 0 ? score : level === 1 ? score / 2 : score / (level * 3);
    }
  }
  // No paragraph anywhere (a fragment of short lines): the last attempt renders everything.
  if (candidates.length === 0) return render(flags.cleanConditionally ? [] : [root], stats, flags, cut, tuning);

  // 4. The top candidate.
  const final = (el: El): number => {
    const s = stats[el.index]!;
    return s.score * (1 - linkDensity(s));
  };
  candidates.sort((a, b) => final(b) - final(a));
  let top = candidates[0]!;
  const topScore = final(top);

  // 4a. When another candidate scores near the top one and lies beside it (a body split into
  // chunks), their lowest common ancestor is the content.
  for (const other of candidates.slice(1, TOP_CANDIDATES)) {
    if (final(other) < tuning.nearShare * topScore || contains(top, other) || contains(other, top)) continue;
    const common = commonAncestor(top, other);
    if (common && common.tag !== '#root' && common.tag !== 'html' && linkDensity(stats[common.index]!) <= tuning.parentMaxLinkDensity) top = common;
  }
  // 4b. Move up while the parent holds much more non-link text (pages that split the body over blocks).
  for (;;) {
    const p = top.parent;
    if (!p || p.tag === '#root' || p.tag === 'body' || p.tag === 'html') break;
    const ts = stats[top.index]!;
    const ps = stats[p.index]!;
    const onlyChild = p.children.filter((c) => typeof c !== 'string' || c.trim() !== '').length === 1;
    if (onlyChild || (ps.paragraphs >= tuning.parentTextGain * ts.paragraphs && linkDensity(ps) <= tuning.parentMaxLinkDensity)) {
      top = p;
      continue;
    }
    break;
  }

  // 4c. Sibling paragraphs that read as prose join the top candidate. Readability also joins
  // siblings that score near the top one (a share of its score): on the development pages that
  // step hurt 8 pages and helped 1, and both halves of the cross-validation (eval/extraction.ts
  // --cv) switched it off, with held-out F1 unchanged (0.966, 0.983 -> 0.984); it is gone.
  const chosen: El[] = [];
  const parent = top.parent;
  if (parent && parent.tag !== '#root') {
    for (const c of parent.children) {
      if (typeof c === 'string' || cut.has(c)) continue;
      if (c === top) {
        chosen.push(c);
        continue;
      }
      const s = stats[c.index];
      if (!s || c.tag !== 'p') continue;
      const ld = linkDensity(s);
      if ((s.text > 80 && ld < 0.25) || (s.text > 0 && s.text <= 80 && ld === 0 && /\.( |$)/.test(flatText(c)))) chosen.push(c);
    }
  } else chosen.push(top);
  return render(chosen, stats, flags, cut, tuning);
}

function commonAncestor(a: El, b: El): El | null {
  const seen = new Set<El>();
  for (let n: El | null = a; n; n = n.parent) seen.add(n);
  for (let n: El | null = b; n; n = n.parent) if (seen.has(n)) return n;
  return null;
}

function contains(ancestor: El, el: El): boolean {
  for (let n: El | null = el; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

function flatText(el: El): string {
  const parts: string[] = [];
  const stack: (El | string)[] = [el];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (typeof n === 'string') parts.push(n);
    else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

const KIND_OF_TAG: Readonly<Record<string, LineKind>> = { h1: 'title', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading', li: 'item', blockquote: 'quote' };

/** Step 5: renders the chosen elements to lines, one per block. */
function render(chosen: readonly El[], stats: StatsOf, flags: AttemptFlags, cut: Set<El>, tuning: Readonly<CascadeTuning>): Attempt {
  const lines: Line[] = [];
  let leftOut = 0;
  let buf: string[] = [];
  let bufLength = 0;
  let runs: number[] = [];
  let linkChars = 0;
  let kind: LineKind = 'body';
  let chars = 0;
  const flush = (): void => {
    if (buf.length === 0) return;
    const source = buf.join('');
    const text = source.replace(/\s+/g, ' ').trim();
    if (text) {
      lines.push({ text, kind, linkShare: Math.min(1, linkChars / text.length), source, runs });
      chars += text.length;
    }
    buf = [];
    bufLength = 0;
    runs = [];
    linkChars = 0;
  };
  // Stack entries: a node to visit, or a marker to leave an element; a text node carries its raw runs.
  type Entry = { node: El | string; leave: boolean; inLink: boolean; kind: LineKind; runs?: number[] | undefined };
  for (const top of chosen) {
    const stack: Entry[] = [{ node: top, leave: false, inLink: false, kind: 'body' }];
    while (stack.length > 0) {
      const e = stack.pop()!;
      const node = e.node;
      if (typeof node === 'string') {
        if (buf.length === 0) kind = e.kind;
        buf.push(node);
        const r = e.runs;
        if (r) for (let i = 0; i < r.length; i += 3) runs.push(r[i]! + bufLength, r[i + 1]!, r[i + 2]!);
        bufLength += node.length;
        if (e.inLink) linkChars += textLength(node);
        continue;
      }
      const block = BLOCK_TAGS.has(node.tag);
      if (e.leave) {
        if (block) flush();
        continue;
      }
      if (node !== top && cut.has(node)) continue;
      if (node.tag === 'br') {
        flush();
        continue;
      }
      if (node !== top && flags.cleanConditionally && isLeftOut(node, stats, tuning.maxLinkDensity)) {
        leftOut++;
        continue;
      }
      if (block) flush();
      const inLink = e.inLink || node.tag === 'a';
      const childKind = KIND_OF_TAG[node.tag] ?? e.kind;
      stack.push({ node, leave: true, inLink, kind: childKind });
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, leave: false, inLink, kind: childKind, runs: node.runs?.[i] });
    }
    flush();
  }
  return { lines, chars, leftOut };
}

