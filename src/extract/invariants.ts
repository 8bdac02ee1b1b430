/**
 * The evidence invariants every Doc out of extract must keep (DEVELOPING.md): removed text is
 * the raw slice at its span, repairs are the text slice at their span and the raw slice at
 * their rawSpan, paragraph and field spans lie inside the text in order. Returns the
 * violations, empty when the doc is sound; used by the tests and available to eval scripts.
 */
import { isValidSpan, type Doc } from '../model/index.js';

export function invariantProblems(doc: Doc): string[] {
  const out: string[] = [];
  for (const r of doc.removed) {
    if (!isValidSpan(r.span, doc.raw.length)) out.push(`removed span ${r.span.start}-${r.span.end} outside raw`);
    else if (doc.raw.slice(r.span.start, r.span.end) !== r.text) out.push(`removed text differs from raw at ${r.span.start}`);
  }
  for (const r of doc.repairs) {
    if (!isValidSpan(r.span, doc.text.length) || doc.text.slice(r.span.start, r.span.end) !== r.text) out.push(`repair text differs from text at ${r.span.start}`);
    if (!isValidSpan(r.rawSpan, doc.raw.length) || doc.raw.slice(r.rawSpan.start, r.rawSpan.end) !== r.before) out.push(`repair before differs from raw at ${r.rawSpan.start}`);
  }
  let last = 0;
  for (const p of doc.paragraphs) {
    if (!isValidSpan(p.span, doc.text.length) || p.span.start >= p.span.end) out.push(`paragraph span ${p.span.start}-${p.span.end} outside text`);
    if (p.span.start < last) out.push(`paragraph at ${p.span.start} out of order`);
    last = p.span.end;
  }
  for (const [name, f] of Object.entries(doc.fields)) {
    if (!f) continue;
    if (f.from === 'text') {
      if (!f.span || !isValidSpan(f.span, doc.text.length) || doc.text.slice(f.span.start, f.span.end) !== f.text) out.push(`field ${name} does not point at its words`);
    } else if (f.span !== null || f.text !== null) out.push(`field ${name} from ${f.from} has a span`);
  }
  return out;
}
