/**
 * NewsEdits-style versions simulated from real article bodies (FNC-1): each body gets one edit
 * of a kind news sites make, seeded, and the pair goes through what `watch` does with two
 * versions of a page (extract both, diff, flag). The edit kinds and what `watch` should say:
 *
 *   number       a number changed, nothing said          -> stealth-edit, diff = the number
 *   correction   a number changed and a note appended     -> correction
 *   remove       a sentence quietly taken out             -> stealth-edit
 *   negate       "not" put into a statement               -> stealth-edit
 *   typo         a misspelling fixed                      -> no flag
 *   reflow       whitespace and line breaks changed       -> no difference at all
 *
 * The correction notes are written in phrasings seen on news sites, several of which are not in
 * flags.ts's list word for word (its recall is measured, not assumed).
 */
import { createHash } from 'node:crypto';
import { extract } from '../src/extract/index.js';
import { DEFAULT_CONTEXT, type SourceRecord } from '../src/model/index.js';
import { prng } from '../src/model/random.js';
import { diffTexts } from '../src/watch/diff.js';
import { flagVersion } from '../src/watch/flags.js';

export type EditKind = 'number' | 'correction' | 'remove' | 'negate' | 'typo' | 'reflow';
export const EDIT_KINDS: readonly EditKind[] = ['number', 'correction', 'remove', 'negate', 'typo', 'reflow'];

/** Phrasings used on the development bodies (seen while writing flags.ts)... */
const NOTES_DEV = [
  'Correction: An earlier version of this article gave an incorrect figure.',
  'This article has been updated to correct a figure in the second paragraph.',
  'This story was amended on 12 June to correct the number given.',
  'Clarification: This article has been changed to make clear the figure is an estimate.',
  'An earlier version of this story misstated a figure.',
  "Editor's note: A figure in this report has been corrected.",
  'UPDATE: This piece was corrected after publication.',
  'We have corrected the figure in this article; we regret the error.',
  'Correction appended.',
  'This report has been revised to fix an error in the figures.',
];
/** ...and phrasings written afterwards, used only on the held-out bodies (never run against the rules before the figure). */
const NOTES_HELD_OUT = [
  'This post has been corrected.',
  'Correction, 14 March: a previous version of this article misstated the total.',
  'Earlier versions of this story incorrectly reported the number of people involved.',
  'The text of this article was changed after publication to correct an error.',
  'CORRECTION: The figure above has been corrected from an earlier version.',
  'Update: this story has been updated with the correct numbers.',
];

export interface Trial {
  kind: EditKind;
  before: string;
  after: string;
  /** Where the edit is in `before` (the words that went or changed), for the number edits. */
  editedBefore: { start: number; end: number } | null;
}

/** Sentences of a body, roughly (ends of ". ", "? ", "! " and newlines), as spans. */
function sentenceSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const end = (c === '.' || c === '?' || c === '!') && (text[i + 1] === ' ' || text[i + 1] === '\n' || i + 1 === text.length) ? i + 1 : c === '\n' ? i : -1;
    if (end < 0) continue;
    if (text.slice(start, end).trim().length > 0) spans.push({ start, end });
    start = end;
  }
  return spans;
}

const NUMBER = /\b\d{1,3}(?:,\d{3})*\b/g;
const AUX = /\b(is|was|were|are|has|have|had|will|would|could|can|did|does)\b/g;
const LONG_WORD = /\b[a-z]{7,}\b/g;

/** One trial of this kind on a body, or null when the body has nothing to edit that way. */
export function makeTrial(body: string, kind: EditKind, random: () => number, notes: readonly string[] = NOTES_DEV): Trial | null {
  const text = body.trim();
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
  if (kind === 'number' || kind === 'correction') {
    const numbers = [...text.matchAll(NUMBER)];
    const m = pick(numbers);
    if (!m || m.index === undefined) return null;
    const old = m[0];
    const value = Number(old.replace(/,/g, ''));
    const changed = String(value + 1 + Math.floor(random() * 9)).replace(/\B(?=(\d{3})+(?!\d))/g, old.includes(',') ? ',' : '');
    let after = text.slice(0, m.index) + changed + text.slice(m.index + old.length);
    if (kind === 'correction') after += `\n\n${pick(notes)!}`;
    return { kind, before: text, after, editedBefore: { start: m.index, end: m.index + old.length } };
  }
  if (kind === 'remove') {
    const sentences = sentenceSpans(text).filter((s) => text.slice(s.start, s.end).split(/\s+/).length >= 8);
    const s = pick(sentences.slice(1));
    if (!s) return null;
    return { kind, before: text, after: text.slice(0, s.start) + text.slice(s.end), editedBefore: s };
  }
  if (kind === 'negate') {
    const aux = [...text.matchAll(AUX)].filter((m) => !/^\s*(not|n't|never)\b/.test(text.slice((m.index ?? 0) + m[0].length)));
    const m = pick(aux);
    if (!m || m.index === undefined) return null;
    const at = m.index + m[0].length;
    return { kind, before: text, after: `${text.slice(0, at)} not${text.slice(at)}`, editedBefore: null };
  }
  if (kind === 'typo') {
    // The first version had the typo; the update fixes it.
    const m = pick([...text.matchAll(LONG_WORD)]);
    if (!m || m.index === undefined) return null;
    const w = m[0];
    const i = 2 + Math.floor(random() * (w.length - 4));
    const typo = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    if (typo === w) return null;
    return { kind, before: text.slice(0, m.index) + typo + text.slice(m.index + w.length), after: text, editedBefore: null };
  }
  // reflow: paragraphs re-broken (a template change), trailing spaces.
  return { kind, before: text, after: text.replace(/\n+/g, '\n\n').replace(/\n/g, ' \n'), editedBefore: null };
}

function source(raw: string, n: number): SourceRecord {
  return { uri: `version-${n}`, format: 'text', raw, record: {}, messages: [] };
}

export interface Outcome {
  kind: EditKind;
  flags: string[];
  diffs: number;
  /** For the number edits: one difference, exactly the changed number in the first version. */
  located: boolean | null;
}

/** What watch says about a trial: extract both versions, diff, flag. */
export function judge(t: Trial): Outcome {
  const a = extract(source(t.before, 1), DEFAULT_CONTEXT);
  const b = extract(source(t.after, 2), DEFAULT_CONTEXT);
  const diff = diffTexts(a.text, b.text);
  const flags = flagVersion({
    before: { text: a.text, title: a.title, titleSpan: a.fields.title?.span ?? null },
    after: { text: b.text, title: b.title, titleSpan: b.fields.title?.span ?? null, removed: b.removed },
    diff,
  }).map((f) => f.kind);
  let located: boolean | null = null;
  if (t.editedBefore && (t.kind === 'number' || t.kind === 'correction')) {
    const old = t.before.slice(t.editedBefore.start, t.editedBefore.end);
    // Changes only: a correction note appended is an insertion of its own (and may hold a date).
    const numberDiffs = diff.filter((d) => d.kind === 'change' && (/\d/.test(d.beforeText) || /\d/.test(d.afterText)));
    // The diff is by words: "2.5" -> "4.5" when the edit was the 2; one difference holding the old number is exact.
    located = numberDiffs.length === 1 && numberDiffs[0]!.beforeText.includes(old) && !/\s/.test(numberDiffs[0]!.beforeText);
  }
  return { kind: t.kind, flags, diffs: diff.length, located };
}

export interface EditScores {
  trials: number;
  /** Share of trials whose flags are what the edit kind should give. */
  accuracy: number;
  byKind: Record<EditKind, { n: number; right: number }>;
  /** Share of number edits whose diff is exactly the changed number. */
  located: number;
  correctionRecall: number;
  stealthRecall: number;
  /** Of the trials flagged as stealth edits, the share that were substantive silent edits. */
  stealthPrecision: number;
}

export function expected(kind: EditKind): string[] {
  return kind === 'correction' ? ['correction'] : kind === 'number' || kind === 'remove' || kind === 'negate' ? ['stealth-edit'] : [];
}

/** Trials on bodies in order, each body its edit kind in turn (seeded), and their scores. */
export function runEdits(bodies: readonly string[], slice: 'development' | 'held-out', seed = 22): EditScores {
  const random = prng(seed);
  const byKind = Object.fromEntries(EDIT_KINDS.map((k) => [k, { n: 0, right: 0 }])) as EditScores['byKind'];
  let located = 0;
  let locatable = 0;
  let stealthFlagged = 0;
  let stealthRight = 0;
  const seen = new Set<string>();
  let i = 0;
  for (const body of bodies) {
    const h = createHash('sha1').update(body).digest('hex');
    if (seen.has(h) || body.trim().length < 200) continue;
    seen.add(h);
    const kind = EDIT_KINDS[i++ % EDIT_KINDS.length]!;
    const trial = makeTrial(body, kind, random, slice === 'held-out' ? NOTES_HELD_OUT : NOTES_DEV);
    if (!trial) continue;
    const o = judge(trial);
    const want = expected(kind);
    byKind[kind].n++;
    if (o.flags.join() === want.join() && (kind !== 'reflow' || o.diffs === 0)) byKind[kind].right++;
    if (o.located !== null) {
      locatable++;
      if (o.located) located++;
    }
    if (o.flags.includes('stealth-edit')) {
      stealthFlagged++;
      if (want.includes('stealth-edit')) stealthRight++;
    }
  }
  const trials = EDIT_KINDS.reduce((n, k) => n + byKind[k].n, 0);
  const right = EDIT_KINDS.reduce((n, k) => n + byKind[k].right, 0);
  const stealthKinds = ['number', 'remove', 'negate'] as const;
  const stealthN = stealthKinds.reduce((n, k) => n + byKind[k].n, 0);
  const stealthR = stealthKinds.reduce((n, k) => n + byKind[k].right, 0);
  return {
    trials,
    accuracy: trials ? right / trials : 0,
    byKind,
    located: locatable ? located / locatable : 0,
    correctionRecall: byKind.correction.n ? byKind.correction.right / byKind.correction.n : 0,
    stealthRecall: stealthN ? stealthR / stealthN : 0,
    stealthPrecision: stealthFlagged ? stealthRight / stealthFlagged : 0,
  };
}
