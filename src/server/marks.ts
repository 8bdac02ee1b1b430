/**
 * The article text with its labels as marks. Labels overlap (a loaded word inside an opinion
 * sentence inside a quote), so the text is cut at every label boundary into segments, and each
 * segment is one <span> carrying the classes of every label that covers it: flat, valid HTML
 * whatever the overlap, in O(labels log labels + text). Paragraph boundaries also cut, and a
 * highlighted evidence span is wrapped in <mark> (the first part with id="evidence").
 */
import type { Article, Span } from '../model/index.js';
import { html, join, raw, type Html } from './html.js';

export interface Mark {
  span: Span;
  kind: MarkKind;
  /** Words for the tooltip ("loaded: lexicon: slammed"). */
  note: string;
}

/** The kinds of mark, with their CSS class, legend name and legend group (the legend's toggles). */
export const MARK_KINDS = {
  opinion: { cls: 'm-opinion', label: 'opinion sentence', group: 'opinion' },
  loaded: { cls: 'm-loaded', label: 'loaded word', group: 'loaded' },
  hedge: { cls: 'm-hedge', label: 'hedge', group: 'hedge' },
  intensifier: { cls: 'm-intensifier', label: 'intensifier', group: 'other' },
  'first-person': { cls: 'm-first-person', label: 'first person', group: 'other' },
  sensational: { cls: 'm-sensational', label: 'sensational title', group: 'sensational' },
  quote: { cls: 'm-quote', label: 'quotation', group: 'quote' },
  speaker: { cls: 'm-speaker', label: 'speaker', group: 'quote' },
  'attr-named': { cls: 'm-attr-named', label: 'attribution: named source', group: 'attr' },
  'attr-anonymous': { cls: 'm-attr-anonymous', label: 'attribution: anonymous source', group: 'attr' },
  'attr-relayed': { cls: 'm-attr-relayed', label: 'attribution: relayed from an outlet or agency', group: 'attr' },
  'attr-dangling': { cls: 'm-attr-dangling', label: 'attribution: leads nowhere', group: 'attr' },
  repair: { cls: 'm-repair', label: 'repaired text', group: 'repair' },
} as const;

export type MarkKind = keyof typeof MARK_KINDS;

/** Every label of the article that the page marks. */
export function articleMarks(a: Article): Mark[] {
  const marks: Mark[] = [];
  for (const s of a.signals) {
    const kind: MarkKind = s.kind === 'sensational-title' ? 'sensational' : s.kind;
    marks.push({ span: s.span, kind, note: `${MARK_KINDS[kind].label}: ${s.detail}` });
  }
  for (const q of a.quotes) {
    if (q.short) continue; // a scare quote: not counted as a quote in the profile either
    marks.push({ span: q.span, kind: 'quote', note: `quotation (${q.speakerKind} speaker)` });
    if (q.speaker) marks.push({ span: q.speaker.span, kind: 'speaker', note: `speaker${q.speakerCanonical ? `: ${q.speakerCanonical}` : ''}` });
  }
  for (const t of a.attributions) {
    const kind = `attr-${t.kind}` as const;
    marks.push({ span: t.span, kind, note: `${MARK_KINDS[kind].label} (“${t.cue}”)` });
  }
  for (const r of a.repairs) marks.push({ span: r.span, kind: 'repair', note: `repaired ${r.kind}: the input had “${r.before}”` });
  return marks.filter((m) => m.span.start < m.span.end && m.span.start >= 0 && m.span.end <= a.text.length);
}

interface Block {
  span: Span;
  kind: string;
}

/** The text's blocks: its paragraphs, with any text between them kept as body blocks. */
function blocks(a: Article): Block[] {
  const text = a.text;
  const paragraphs = [...a.paragraphs].filter((p) => p.span.start < p.span.end && p.span.end <= text.length).sort((x, y) => x.span.start - y.span.start);
  const out: Block[] = [];
  let at = 0;
  const gap = (end: number): void => {
    // Text no paragraph covers (or an article without paragraphs): split at blank lines.
    const re = /\S[\s\S]*?(?=\n\s*\n|$)/g;
    const piece = text.slice(at, end);
    for (let m = re.exec(piece); m; m = re.exec(piece)) out.push({ span: { start: at + m.index, end: at + m.index + m[0].length }, kind: 'body' });
  };
  for (const p of paragraphs) {
    if (p.span.start < at) continue;
    gap(p.span.start);
    out.push({ span: p.span, kind: p.kind });
    at = p.span.end;
  }
  gap(text.length);
  return out;
}

/** The article text as HTML paragraphs with marks; `evidence` is wrapped in <mark class="evidence">. */
export function markedText(a: Article, marks: readonly Mark[], evidence: Span | null): Html {
  const text = a.text;
  // Boundary events sorted by offset: starts add a mark to the active set, ends remove it.
  const events: { at: number; mark: number; open: boolean }[] = [];
  marks.forEach((m, i) => {
    events.push({ at: m.span.start, mark: i, open: true }, { at: m.span.end, mark: i, open: false });
  });
  events.sort((x, y) => x.at - y.at);
  const active = new Map<number, Mark>();
  let e = 0;
  let idGiven = false;
  const paragraphs: Html[] = [];
  for (const block of blocks(a)) {
    const cuts = new Set<number>([block.span.start, block.span.end]);
    for (let i = e; i < events.length && (events[i]?.at ?? Infinity) < block.span.end; i++) {
      const at = events[i]?.at ?? 0;
      if (at > block.span.start) cuts.add(at);
    }
    if (evidence) for (const at of [evidence.start, evidence.end]) if (at > block.span.start && at < block.span.end) cuts.add(at);
    const points = [...cuts].sort((x, y) => x - y);
    const parts: string[] = [];
    let inEvidence = false;
    for (let k = 0; k + 1 < points.length; k++) {
      const start = points[k] ?? 0;
      const end = points[k + 1] ?? 0;
      while (e < events.length && (events[e]?.at ?? Infinity) <= start) {
        const ev = events[e++];
        if (!ev) break;
        const m = marks[ev.mark];
        if (ev.open && m) active.set(ev.mark, m);
        else active.delete(ev.mark);
      }
      const wantEvidence = evidence !== null && start >= evidence.start && end <= evidence.end;
      if (wantEvidence && !inEvidence) {
        parts.push(idGiven ? '<mark class="evidence">' : '<mark class="evidence" id="evidence" tabindex="-1">');
        idGiven = true;
        inEvidence = true;
      } else if (!wantEvidence && inEvidence) {
        parts.push('</mark>');
        inEvidence = false;
      }
      parts.push(segment(text.slice(start, end), [...active.values()]));
    }
    if (inEvidence) parts.push('</mark>');
    // The parts are built by html`` (escaped) or are the fixed <mark> tags above.
    paragraphs.push(html`<p class="p-${block.kind}">${raw(parts.join(''))}</p>`);
  }
  return join(paragraphs, '\n');
}

function segment(words: string, active: readonly Mark[]): string {
  if (active.length === 0) return html`${words}`.value;
  const classes = [...new Set(active.map((m) => MARK_KINDS[m.kind].cls))].sort().join(' ');
  const notes = [...new Set(active.map((m) => m.note))].join('; ');
  return html`<span class="${classes}" title="${notes}">${words}</span>`.value;
}

/** How many marks of each kind, for the legend. */
export function markCounts(marks: readonly Mark[]): Map<MarkKind, number> {
  const counts = new Map<MarkKind, number>();
  for (const m of marks) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  return counts;
}
