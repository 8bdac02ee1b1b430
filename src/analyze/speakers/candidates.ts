/**
 * Candidate speakers of a quotation and their features, for the learned ranking (model.ts).
 * A candidate is a possible speaker with its evidence span:
 *
 *   cue          the source of an attribution cue (attribution-sources.ts) in the quotation's
 *                sentences or the one before or after it, in its paragraph, or in the paragraph
 *                before when that ends in a colon ("He said:" / quote on the next line);
 *   continuation the speaker of the previous quotation (a quote continued after a cue-less break);
 *   colon        a name right before a colon that introduces the quotation ("Howard Kurtz, Fox News: “…”");
 *   entity       a person named in the quotation's sentence or the one before, outside quotations;
 *   entityOrg    the first organisation named in the quotation's sentence, outside quotations.
 *
 * Features are short strings (relation, distance bucket, adjacency, cue word, source kind, and
 * their conjunctions); their weights are learned on PolNeAR train by scripts/train-speakers.ts.
 */
import type { Entity, Paragraph, SpeakerKind, Span } from '../../model/index.js';
import type { Cue } from '../attribution-sources.js';
import { isInside } from '../attribution-context.js';

export interface Candidate {
  speaker: Span;
  canonical: string | null;
  kind: SpeakerKind;
  features: string[];
}

export interface QuoteSite {
  text: string;
  quote: Span;
  first: number;
  last: number;
  paragraph: number;
  paragraphs: readonly Paragraph[];
  /** Cues by sentence index. */
  bySentence: ReadonlyMap<number, readonly Cue[]>;
  /** Every quotation span of the text, sorted. */
  quotes: readonly Span[];
  /** Person / org entities of the text, sorted. */
  entities: readonly Entity[];
  sentences: readonly Span[];
  /** The previous quotation's speaker, its paragraph and last sentence, when it had one. */
  previous: { speaker: Span; canonical: string | null; kind: SpeakerKind; paragraph: number; lastSentence: number } | null;
  short: boolean;
}

function distanceBucket(chars: number): number {
  return chars <= 3 ? 0 : chars <= 20 ? 1 : chars <= 60 ? 2 : chars <= 150 ? 3 : 4;
}

/**
 * Feature names made once (no string building per candidate): relations are after/before x
 * sentence delta -1/0/+1 x same paragraph or the one before ('P').
 */
const RELATIONS: string[] = [];
for (const side of ['after', 'before']) for (const delta of ['-1', '0', '+1']) for (const p of ['', 'P']) RELATIONS.push(`${side}${delta}${p}`);
const relationIndex = (after: boolean, delta: number, prevPara: boolean): number => (after ? 0 : 6) + (delta + 1) * 2 + (prevPara ? 1 : 0);
const REL_KEY = RELATIONS.map((r) => `rel:${r}`);
const DIST_KEY = [0, 1, 2, 3, 4].map((d) => `dist:${d}`);
const REL_DIST_KEY = RELATIONS.map((r) => [0, 1, 2, 3, 4].map((d) => `rel:${r}|dist:${d}`));
const REL_SIZE_KEY = RELATIONS.map((r) => [`rel:${r}|long`, `rel:${r}|short`]);
const ADJ_KEY = RELATIONS.map((r) => `adjacent|rel:${r}`);
const CONT_KEY: Record<string, string> = { same: 'cont:same', prev: 'cont:prev', far: 'cont:far' };
const CONT_GAP_KEY: Record<string, string[]> = Object.fromEntries(['same', 'prev', 'far'].map((w) => [w, [0, 1, 2, 3].map((g) => `cont:${w}|gap:${g}`)]));
const ENTITY_N_KEY: Record<string, string[]> = Object.fromEntries(['same', 'prev'].map((w) => [w, [0, 1, 2, 3].map((n) => `entity:${w}|n:${n}`)]));
const KIND_KEY = new Map<string, string>();
for (const k of ['named', 'anonymous', 'relayed', 'dangling']) for (const u of ['', '-unresolved']) KIND_KEY.set(`${k}${u}`, `kind:${k}${u}`);

/** Only spaces and punctuation in text[a, b)? */
function onlyPunct(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return false;
  }
  return true;
}

function endsWithColon(text: string, a: number, b: number): boolean {
  for (let i = b - 1; i >= a; i--) {
    const ch = text[i];
    if (ch === ' ' || ch === '\n' || ch === '\u00a0') continue;
    return ch === ':';
  }
  return false;
}

const CUE_WORDS = new Set(['said', 'says', 'told', 'added', 'asked', 'wrote', 'according to', 'saying', 'tweeted', 'explained', 'continued', 'noted']);
const CUEWORD_KEY = new Map([...CUE_WORDS, 'other'].map((w) => [w, `cueword:${w}`]));
const NOT_NEAREST_KEY = new Map([...CUEWORD_KEY.values(), ''].map((w) => [w, `notNearest|${w}`]));

const DASHES = new Set(['-', '\u2013', '\u2014', '\u2015']);
/** Most words in a signature name. */
const SIGNATURE_WORDS = 6;

/**
 * The capitalised words after a dash right after a quotation, up to the end of the paragraph, a
 * period or a comma: "” ― Pamela Padilla" -> "Pamela Padilla"; null when there is no dash or the
 * words are not all capitalised.
 */
function signatureAfter(text: string, from: number, end: number): Span | null {
  let i = from;
  while (i < end && (text[i] === ' ' || text[i] === '\u00a0')) i++;
  if (!DASHES.has(text[i] ?? '')) return null;
  i++;
  while (i < end && (text[i] === ' ' || text[i] === '\u00a0' || DASHES.has(text[i] ?? ''))) i++;
  const start = i;
  let words = 0;
  let last = i;
  while (i < end && text[i] !== '.' && text[i] !== ',' && text[i] !== '\n' && text[i] !== '(') {
    if (text[i] !== ' ') {
      const w0 = i;
      while (i < end && text[i] !== ' ' && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '.' && i > w0 + 1)) i++;
      const first = text[w0] ?? '';
      if (first === first.toLowerCase() || ++words > SIGNATURE_WORDS) return null;
      last = i;
      continue;
    }
    i++;
  }
  return words > 0 ? { start, end: last } : null;
}

/** Index of the first entity that ends after `offset` (entities sorted by start, not overlapping). */
function firstEndingAfter(entities: readonly Entity[], offset: number): number {
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entities[mid] as Entity).span.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is a quotation wholly inside [a, b)? (quotes sorted) */
function quotesBetween(quotes: readonly Span[], a: number, b: number): boolean {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((quotes[mid] as Span).start < a) lo = mid + 1;
    else hi = mid;
  }
  const q = quotes[lo];
  return q !== undefined && q.end <= b;
}

/** The candidates for one quotation, in a fixed order (cues by position, then the others). */
export function candidatesFor(s: QuoteSite): Candidate[] {
  const { text, quote: q } = s;
  const out: Candidate[] = [];
  const para = s.paragraphs[s.paragraph];
  const prevPara = s.paragraphs[s.paragraph - 1];
  for (let si = s.first - 1; si <= s.last + 1; si++) {
    const cues = s.bySentence.get(si);
    if (!cues) continue;
    const delta = si < s.first ? -1 : si > s.last ? 1 : 0;
    for (const c of cues) {
      if (!c.speaker || !c.source || c.kind === 'dangling') continue;
      const cs = Math.min(c.cue.start, c.source.start);
      const ce = Math.max(c.cue.end, c.source.end);
      if (cs < q.end && ce > q.start) continue; // inside the quotation
      const after = cs >= q.end;
      const inPara = para !== undefined && cs >= para.span.start && ce <= para.span.end;
      const colon = !after && endsWithColon(text, ce, q.start);
      const inPrevPara = !inPara && prevPara !== undefined && cs >= prevPara.span.start && colon;
      if (!inPara && !inPrevPara) continue;
      const gap = after ? cs - q.end : q.start - ce;
      const r = relationIndex(after, delta, inPrevPara);
      const d = distanceBucket(gap);
      const cueLength = c.cue.end - c.cue.start;
      const cueWord = cueLength <= 12 ? text.slice(c.cue.start, c.cue.end).toLowerCase() : 'other';
      const adjacent = after ? onlyPunct(text, q.end, cs) : onlyPunct(text, ce, q.start);
      const across = after ? quotesBetween(s.quotes, q.end, cs) : quotesBetween(s.quotes, ce, q.start);
      const features = [
        'cue', REL_KEY[r] as string, DIST_KEY[d] as string, (REL_DIST_KEY[r] as string[])[d] as string,
        KIND_KEY.get(c.unresolved ? `${c.kind}-unresolved` : c.kind) ?? 'kind:other',
        CUEWORD_KEY.get(cueWord) ?? 'cueword:other', (REL_SIZE_KEY[r] as string[])[s.short ? 1 : 0] as string,
      ];
      if (adjacent) features.push('adjacent', ADJ_KEY[r] as string);
      if (colon) features.push('colon');
      if (across) features.push('across');
      if (c.source.start > c.cue.start) features.push('inverted');
      out.push({ speaker: c.speaker, canonical: c.canonical, kind: c.unresolved ? 'unknown' : c.kind === 'anonymous' ? 'anonymous' : 'named', features });
    }
  }
  // nearest-cue markers: the closest cue after and before (by characters) get a feature
  let bestAfter = -1;
  let bestBefore = -1;
  out.forEach((c, i) => {
    const isAfter = (c.features[1] as string).startsWith('rel:after');
    if (isAfter && (bestAfter < 0 || c.speaker.start < (out[bestAfter] as Candidate).speaker.start)) bestAfter = i;
    if (!isAfter && (bestBefore < 0 || c.speaker.start > (out[bestBefore] as Candidate).speaker.start)) bestBefore = i;
  });
  if (bestAfter >= 0) (out[bestAfter] as Candidate).features.push('nearestAfter');
  if (bestBefore >= 0) (out[bestBefore] as Candidate).features.push('nearestBefore');
  // a farther cue behind a nearer one ("“…,” the Global Times said, according to Reuters": the relay is not the speaker)
  out.forEach((c, i) => {
    if (i === bestAfter || i === bestBefore) return;
    c.features.push('notNearest', NOT_NEAREST_KEY.get(c.features[5] as string) as string);
  });

  if (s.previous) {
    const p = s.previous;
    const gap = s.first - p.lastSentence;
    const where = p.paragraph === s.paragraph ? 'same' : p.paragraph === s.paragraph - 1 ? 'prev' : 'far';
    const g = gap <= 0 ? 0 : gap === 1 ? 1 : gap <= 3 ? 2 : 3;
    out.push({ speaker: p.speaker, canonical: p.canonical, kind: p.kind, features: ['continuation', CONT_KEY[where] as string, (CONT_GAP_KEY[where] as string[])[g] as string, s.short ? 'cont|short' : 'cont|long'] });
  }
  // a name right before the colon that introduces the quotation
  if (endsWithColon(text, Math.max(0, q.start - 4), q.start)) {
    const colonAt = text.lastIndexOf(':', q.start);
    for (let i = firstEndingAfter(s.entities, colonAt) - 1; i >= 0; i--) {
      const e = s.entities[i] as Entity;
      if (e.span.end > colonAt) continue;
      if (colonAt - e.span.end > 40 || (para && e.span.start < para.span.start && !(prevPara && e.span.start >= prevPara.span.start))) break;
      if (e.type === 'person' || e.type === 'org') {
        out.push({ speaker: e.span, canonical: e.canonical, kind: 'named', features: ['colonName', `colonName:${e.type}`] });
        break;
      }
    }
  }
  // a name after a dash that signs the quotation ("“…” ― Pamela Padilla", "“…” — Carla Sanchez.")
  const signed = signatureAfter(text, q.end, para ? para.span.end : text.length);
  if (signed) {
    const e = s.entities[firstEndingAfter(s.entities, signed.start)];
    const named = e && e.span.start === signed.start ? e : undefined;
    out.push({ speaker: named ? named.span : signed, canonical: named?.canonical ?? null, kind: 'named', features: ['dashName', named ? `dashName:${named.type}` : 'dashName:words'] });
  }
  // persons named in the quotation's sentence or the one before, and the first organisation of its
  // own sentence ("PolitiFact rated 32% of Republican claims as “false”")
  for (let si = Math.max(0, s.first - 1); si <= s.first; si++) {
    const sentence = s.sentences[si];
    if (!sentence) continue;
    let n = 0;
    let org = false;
    for (let x = firstEndingAfter(s.entities, sentence.start); x < s.entities.length; x++) {
      const e = s.entities[x] as Entity;
      if (e.span.start >= sentence.end) break;
      if (e.span.end <= sentence.start || (e.span.start >= q.start && e.span.end <= q.end)) continue;
      if (isInside(s.quotes, e.span.start)) continue;
      const where = si === s.first ? 'same' : 'prev';
      if (e.type === 'org') {
        if (org || where !== 'same') continue;
        org = true;
        out.push({ speaker: e.span, canonical: e.canonical, kind: 'named', features: ['entityOrg', s.short ? 'entityOrg|short' : 'entityOrg|long', e.span.start < q.start ? 'entityOrg:before' : 'entityOrg:after'] });
        continue;
      }
      if (e.type !== 'person' || n >= 3) continue;
      n++;
      out.push({ speaker: e.span, canonical: e.canonical, kind: 'named', features: ['entity', `entity:${where}`, ENTITY_N_KEY[where]?.[Math.min(n, 3)] as string, e.span.start < q.start ? 'entity:before' : 'entity:after'] });
    }
  }
  return out;
}
