/**
 * Reads PolNeAR (../shared/data/polnear, read at run time, never copied in): article texts and
 * their attributions (Source / Cue / Content spans, brat standoff), the first annotator's file
 * per article in name order (as the corpus README counts them), and the CoreNLP coreference
 * chains as character spans (for the lenient speaker score). Used by scripts/train-speakers.ts
 * and eval/quotes-polnear.ts, eval/attributions-polnear.ts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DEFAULT_CONTEXT, emptyProfile, type Doc, type Span } from '../../model/index.js';
import { tokenize } from '../tokenize.js';
import { segment } from '../segment.js';
import { findEntities } from '../entities.js';
import { findQuotes } from '../quotes.js';
import { findAttributions } from '../attributions.js';

export interface GoldAttribution {
  /** Source pieces (a discontinuous source has several), empty when none. */
  source: Span[];
  cue: Span[];
  content: Span[];
}

export interface PolnearArticle {
  name: string;
  text: string;
  attributions: GoldAttribution[];
  /** Coreference chains: each the character spans of its mentions. */
  coref: Span[][];
}

/** ../shared/data/polnear from the repository root, or null when absent. */
export function polnearDir(root = process.cwd()): string | null {
  const dir = join(root, '..', 'shared', 'data', 'polnear');
  return existsSync(dir) ? dir : null;
}

function spansOf(field: string): Span[] {
  // "Label 12 20;25 30"
  const parts = field.split(' ').slice(1).join(' ').split(';');
  const out: Span[] = [];
  for (const p of parts) {
    const [a, b] = p.trim().split(' ');
    const start = Number(a);
    const end = Number(b);
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) out.push({ start, end });
  }
  return out;
}

/** Parses one brat .ann file into attributions. */
export function parseAnn(ann: string): GoldAttribution[] {
  const spans = new Map<string, { label: string; spans: Span[] }>();
  const events: string[][] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    if (id.startsWith('T') && cols[1]) spans.set(id, { label: cols[1].split(' ')[0] ?? '', spans: spansOf(cols[1]) });
    else if (id.startsWith('E') && cols[1]) events.push(cols[1].trim().split(' '));
  }
  const out: GoldAttribution[] = [];
  for (const roles of events) {
    const a: GoldAttribution = { source: [], cue: [], content: [] };
    for (const r of roles) {
      const [role, ref] = r.split(':');
      const t = spans.get(ref ?? '');
      if (!t) continue;
      if (role === 'Source') a.source.push(...t.spans);
      else if (role === 'Cue') a.cue.push(...t.spans);
      else if (role === 'Content') a.content.push(...t.spans);
    }
    if (a.cue.length > 0 || a.source.length > 0) out.push(a);
  }
  return out;
}

interface CorenlpRecord {
  article: string;
  sentences: [number, number, string, string][][];
  coref: { sentence: number; start: number; end: number }[][];
}

function readCoref(dir: string): Map<string, Span[][]> {
  const out = new Map<string, Span[][]>();
  const file = join(dir, 'corenlp.jsonl.gz');
  if (!existsSync(file)) return out;
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as CorenlpRecord;
    const chains: Span[][] = [];
    for (const chain of r.coref) {
      const spans: Span[] = [];
      for (const m of chain) {
        const sentence = r.sentences[m.sentence - 1];
        const first = sentence?.[m.start - 1];
        const last = sentence?.[m.end - 2];
        if (first && last) spans.push({ start: first[0], end: last[1] });
      }
      chains.push(spans);
    }
    out.set(r.article.replace(/\.(txt|xml)$/, ''), chains);
  }
  return out;
}

/** The articles of one compartment ('train' or 'dev'), sorted by name; null when the data is absent. */
export function readPolnear(split: 'train' | 'dev', root = process.cwd(), withCoref = true): PolnearArticle[] | null {
  const base = polnearDir(root);
  if (!base) return null;
  const dir = join(base, split);
  const anns = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const first = new Map<string, string>();
  for (const f of anns) {
    const name = f.replace(/_[^_]+\.ann$/, '');
    if (!first.has(name)) first.set(name, f);
  }
  const coref = withCoref ? readCoref(dir) : new Map<string, Span[][]>();
  const out: PolnearArticle[] = [];
  for (const [name, f] of [...first].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const textFile = join(dir, 'text', `${name}.txt`);
    if (!existsSync(textFile)) continue;
    out.push({ name, text: readFileSync(textFile, 'utf8'), attributions: parseAnn(readFileSync(join(dir, 'attributions', f), 'utf8')), coref: coref.get(name) ?? [] });
  }
  return out;
}

/** A Doc of a plain text whose lines are paragraphs (the first the title), before any stage. */
export function docOfText(id: string, text: string): Doc {
  return {
    id, contentHash: id, uri: `${id}.txt`, format: 'text', url: null, outlet: null, title: null, byline: null, publishedAt: null, lang: 'en',
    fields: { title: null, byline: null, publishedAt: null, outlet: null },
    text, paragraphs: [], sentences: [], removed: [], repairs: [], entities: [], quotes: [], attributions: [], claims: [], signals: [],
    profile: emptyProfile(), messages: [], raw: text, tokens: [],
  };
}

/** Runs tokenize .. attributions on a PolNeAR text (offsets stay the corpus's). */
export function analyzeText(id: string, text: string): Doc {
  let doc = docOfText(id, text);
  for (const stage of [tokenize, segment, findEntities, findQuotes, findAttributions]) doc = stage(doc, DEFAULT_CONTEXT);
  return doc;
}

/**
 * Quotations of the gold standard: spans between paired quote marks in a line (marks included),
 * mixed pairs too ("…” and “…," as two editors left them), and doubled apostrophes ''…''.
 */
export function markedQuotes(text: string): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let open = -1;
    let curly = false;
    let doubled = false;
    for (let i = lineStart; i < lineEnd; i++) {
      const c = text[i];
      if (c === "'" && text[i + 1] === "'") {
        // ''…'': the New York Times texts of the corpus mark quotations with doubled apostrophes
        if (open >= 0 && doubled) { out.push({ start: open, end: i + 2 }); open = -1; doubled = false; }
        else if (open < 0) { open = i; doubled = true; }
        i++;
      } else if (doubled) continue;
      else if (c === '“') { open = i; curly = true; }
      else if (c === '”' && open >= 0) { out.push({ start: open, end: i + 1 }); open = -1; }
      else if (c === '"') {
        // a straight mark closes a curly opening when it ends a word before a space or punctuation
        const closesCurly = /\S/.test(text[i - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? ' ');
        if (open >= 0 && (!curly || closesCurly)) { out.push({ start: open, end: i + 1 }); open = -1; }
        else if (open < 0) { open = i; curly = false; }
      }
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

const overlapOf = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const wordsIn = (s: string): number => (s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;

export interface GoldQuote { span: Span; source: Span[]; short: boolean }

/**
 * The gold quotations of an article: spans between paired quote marks lying mostly (>= half their
 * length) inside an annotated Content; the speaker is that attribution's Source. Short: 1-3 words.
 */
export function goldQuotes(a: PolnearArticle): GoldQuote[] {
  const out: GoldQuote[] = [];
  for (const q of markedQuotes(a.text)) {
    let best = 0;
    let source: Span[] = [];
    for (const at of a.attributions) {
      const inside = at.content.reduce((n, c) => n + overlapOf(q, c), 0);
      if (inside > best) { best = inside; source = at.source; }
    }
    if (best * 2 >= q.end - q.start) out.push({ span: q, source, short: wordsIn(a.text.slice(q.start, q.end)) <= 3 });
  }
  return out;
}

/**
 * Is `speaker` right for a gold source: overlapping it (strict), or (lenient) overlapping a
 * mention of a CoreNLP coreference chain that holds the source, or naming the same name as one of
 * that chain's mentions (our "Obama" at another place than the chain's "Mr. Obama": the chain
 * does not list every mention of a name).
 */
export function isRightSpeaker(a: PolnearArticle, source: readonly Span[], speaker: Span): { strict: boolean; lenient: boolean } {
  const strict = source.some((s) => overlapOf(s, speaker) > 0);
  if (strict) return { strict, lenient: true };
  const name = lastCapitalWord(a.text.slice(speaker.start, speaker.end));
  const lenient = a.coref.some((ch) => ch.some((m) => source.some((s) => overlapOf(s, m) > 0)) &&
    ch.some((m) => overlapOf(m, speaker) > 0 || (name !== null && lastCapitalWord(a.text.slice(m.start, m.end)) === name)));
  return { strict, lenient };
}

/** The last capitalised word of a phrase without a possessive ("Mr. Obama's" -> "Obama"), or null. */
function lastCapitalWord(phrase: string): string | null {
  const words = phrase.replace(/['’]s$/, '').split(/[\s,]+/).filter((w) => /^\p{Lu}\p{Ll}/u.test(w));
  return words[words.length - 1] ?? null;
}
