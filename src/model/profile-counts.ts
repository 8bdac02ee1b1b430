/**
 * What the article profile counts, defined once. analyze/profile.ts computes the counts with these
 * predicates; the reports (report/outline.ts) and the web page's legend (server/page-article.ts)
 * list and count the same signals with them, so every place that shows a profile number agrees
 * with the JSON (issue #17: the page showed 11 loaded words where the profile counted 8).
 *
 *   opinion  one per opinion sentence in a body or standfirst paragraph (not the title or headings)
 *   loaded   the words of each loaded signal outside quotation marks (a speaker's words are theirs)
 *   hedge    one per hedge outside quotation marks (a speaker's "could" is not the article hedging)
 *   attributions  one per statement: a question cue answered in its sentence by the same source
 *            ("Asked about the collision, Lopez said") folds into the answer, and a cue in the title
 *            or a heading ("Senator demands answers") restates the body and is not counted (countedAttributions)
 */
import type { Attribution, Paragraph, Signal, SignalKind } from './article.js';

/** The end of a signal's detail when its words are inside a quotation (analyze/signals.ts writes it). */
export const IN_QUOTE = '(in quote)';

/** The signal kinds with a profile count. */
export const COUNTED_KINDS: readonly SignalKind[] = ['opinion', 'loaded', 'hedge'];

/** True when the signal's words are a quoted speaker's, not the writer's. */
export function isQuotedSignal(s: Pick<Signal, 'detail'>): boolean {
  return s.detail.endsWith(IN_QUOTE);
}

/** Words in a signal's text (runs of non-space), without splitting it into an array. */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * What one signal adds to the profile count of its kind (0 when it is not counted). `inBody`
 * says whether a span lies in a body or standfirst paragraph (only asked for opinion sentences).
 */
export function profileCountOf(s: Pick<Signal, 'kind' | 'detail' | 'text' | 'span'>, inBody: (span: Signal['span']) => boolean): number {
  switch (s.kind) {
    case 'opinion':
      return inBody(s.span) ? 1 : 0;
    case 'loaded':
      return isQuotedSignal(s) ? 0 : wordCount(s.text);
    case 'hedge':
      return isQuotedSignal(s) ? 0 : 1;
    default:
      return 0;
  }
}

/**
 * `inBody` for an article's paragraphs: the span starts in a body or standfirst paragraph, or in
 * no paragraph at all (text between paragraphs is body, as analyze/signal-view.ts reads it).
 */
export function inBodyOf(paragraphs: readonly Pick<Paragraph, 'span' | 'kind'>[]): (span: Signal['span']) => boolean {
  return (span) => {
    const p = paragraphs.find((x) => x.span.start <= span.start && span.start < x.span.end);
    return p === undefined || p.kind === 'body' || p.kind === 'standfirst';
  };
}

/** Cues that put a question to the source: PolNeAR marks them cues, the answer is the statement. */
const QUESTION_CUES = new Set(['asked', 'asks']);

/** Paragraph kinds written in headline-ese: their cues restate the body's statements. */
const HEADLINE_KINDS: ReadonlySet<Paragraph['kind']> = new Set(['title', 'heading']);

/**
 * The attributions a reader counts, one per statement: a question cue ("Asked about the ferry,
 * Senator Lopez said", "Brandt said when asked") that another cue of the same sentence and source
 * answers is folded into that answer, and so is a participle after a cue of the same source
 * ("..., said the official, describing the talks"). A cue in the title or a heading ("Senator demands answers",
 * "Port told to explain radar failure") is a headline restating a statement of the body, often
 * with the name cut to a role word: counting it would add a second, anonymous attribution. The
 * article keeps all of them as evidence (the question is where the statement came from, the
 * headline how the outlet framed it); the profile and the reports count each statement once
 * (issue #16). Attributions come in text order, so the others of a sentence are its neighbours.
 */
export function countedAttributions<T extends Pick<Attribution, 'cue' | 'sentence' | 'kind' | 'source' | 'sourceCanonical' | 'span'>>(
  attributions: readonly T[],
  paragraphs: readonly Pick<Paragraph, 'span' | 'kind'>[],
): T[] {
  const headlines = paragraphs.filter((p) => HEADLINE_KINDS.has(p.kind));
  const inHeadline = (a: T): boolean => headlines.some((p) => p.span.start <= a.span.start && a.span.start < p.span.end);
  const out: T[] = [];
  for (let i = 0; i < attributions.length; i++) {
    const a = attributions[i] as T;
    if (inHeadline(a)) continue;
    if (QUESTION_CUES.has(a.cue.toLowerCase()) && answered(attributions, i)) continue;
    if ((isParticiple(a.cue) || isBareVerb(a.cue)) && saidBefore(attributions, i)) continue;
    out.push(a);
  }
  return out;
}

/** Past forms of cue verbs in neither -ed nor -s. */
const IRREGULAR_PAST = new Set(['said', 'told', 'wrote', 'spoke', 'thought', 'knew', 'felt', 'gave', 'made', 'put', 'read', 'taught', 'swore']);

/**
 * A one-word cue in its bare form ("urge", "say", "deny"): after a cue of the same source in the
 * sentence it is an infinitive or a verb joined to one ("asserted that Yun has been using the
 * channel to reach out to them and urge them to stop"), not a second statement.
 */
function isBareVerb(cue: string): boolean {
  const w = cue.toLowerCase();
  return !w.includes(' ') && !w.endsWith('s') && !w.endsWith('ed') && !w.endsWith('ing') && !IRREGULAR_PAST.has(w);
}

/** A one-word cue in -ing ("describing", "adding", "saying"); "according to" is two words. */
function isParticiple(cue: string): boolean {
  return cue.length > 4 && !cue.includes(' ') && cue.toLowerCase().endsWith('ing');
}

/**
 * True when an earlier cue of attribution i's sentence, not itself a participle, has the same kind
 * and source: "..., said the senior official, describing the talks" is one statement, not two.
 */
function saidBefore<T extends Pick<Attribution, 'cue' | 'sentence' | 'kind' | 'source' | 'sourceCanonical'>>(all: readonly T[], i: number): boolean {
  const p = all[i] as T;
  const ps = p.source;
  if (!ps) return false;
  for (let x = i - 1; x >= 0 && (all[x] as T).sentence === p.sentence; x--) {
    const o = all[x] as T;
    if (o.kind !== p.kind || isParticiple(o.cue) || o.source === null) continue;
    if ((o.source.span.start === ps.span.start && o.source.span.end === ps.span.end) || (p.sourceCanonical !== null && o.sourceCanonical === p.sourceCanonical)) return true;
  }
  return false;
}

/** True when another, non-question cue of attribution i's sentence has the same kind and source. */
function answered<T extends Pick<Attribution, 'cue' | 'sentence' | 'kind' | 'source' | 'sourceCanonical'>>(all: readonly T[], i: number): boolean {
  const q = all[i] as T;
  const qs = q.source;
  if (!qs) return false;
  const same = (o: T): boolean =>
    o.kind === q.kind && !QUESTION_CUES.has(o.cue.toLowerCase()) && o.source !== null &&
    ((o.source.span.start === qs.span.start && o.source.span.end === qs.span.end) ||
      (q.sourceCanonical !== null && o.sourceCanonical === q.sourceCanonical));
  for (let x = i - 1; x >= 0 && (all[x] as T).sentence === q.sentence; x--) if (same(all[x] as T)) return true;
  for (let x = i + 1; x < all.length && (all[x] as T).sentence === q.sentence; x++) if (same(all[x] as T)) return true;
  return false;
}
