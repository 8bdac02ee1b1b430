/**
 * extract: a source record to a Doc whose `text` is frozen from here on. The recipe:
 *
 *   0. Markup (source.markup 'html': pages, feed items): the body and the metadata found by the
 *      HTML cascade (html/page.ts); the steps below start from that text, tracked to the page.
 *   1. Mojibake undone (before anything else: the round trip needs the raw characters).
 *   2. Normalised: line ends, control and replacement characters (CC206), no-break spaces.
 *   3. Boilerplate removed, trailing and inline (boilerplate.ts; CC202).
 *   4. Lost dashes and missing spaces put back (glued.ts, spacing.ts; CC203 with 1 and 2).
 *   5. Trimmed, and cut to ctx.maxChars at a line or word break (CC205).
 *   6. Paragraphs (paragraphs.ts), then title, standfirst, byline and date (metadata.ts).
 *   7. Language (language.ts; CC302), and CC201 when no body text is left.
 *
 * Every step is an edit list on the text before it (offsets.ts), so `removed` spans and repair
 * `rawSpan`s are exact offsets into the raw input whatever the steps did.
 */
import { createHash } from 'node:crypto';
import { emptyProfile, message, type Context, type Doc, type Message, type Paragraph, type ParagraphKind, type RawText, type Removed, type SourceRecord } from '../model/index.js';
import { Utf8Text, rawInputOf } from '../read/utf8-text.js';
import { applyEdits, identity, toRawSpan, type Edit, type Tracked } from './offsets.js';
import { normalise } from './normalise.js';
import { findBoilerplate } from './boilerplate.js';
import { noteDamage, repairGlue, repairMojibake, resolveRepairs, type PendingRepair } from './repair.js';
import { bodyKind, splitParagraphs } from './paragraphs.js';
import { readHeader } from './metadata.js';
import { detectLanguage } from './language.js';
import { readPage, type PageFields } from './html/page.js';

export function extract(given: SourceRecord, ctx: Context): Doc {
  // A page read from bytes stays undecoded (read/utf8-text.ts): hashed as its bytes, parsed and sliced, never decoded whole.
  const raw: RawText = given.page instanceof Utf8Text ? given.page : given.raw;
  // The hash of the input as read (a page's markup, not its text): the same input twice is one article.
  const contentHash = createHash('sha256').update(rawInputOf(given)).digest('hex');
  // 0. Markup: the HTML path finds the body and the metadata (html/page.ts); the text starts tracked to the page.
  const page = given.markup === 'html' ? readPage(given) : null;
  const source: PageFields = page ? page.source : given;
  const id = source.record.id ?? contentHash.slice(0, 16);
  const uri = source.uri;
  const messages: Message[] = [...source.messages];
  const pending: PendingRepair[] = [];

  // 1. Mojibake.
  let t: Tracked = repairMojibake(page ? page.tracked : identity(raw.toString()), pending);

  // 2. Normalise.
  const norm = normalise(t.text);
  if (norm.damage.length > 0) {
    noteDamage(t, norm.damage, pending);
    const first = toRawSpan(t, { start: norm.damage[0]!, end: norm.damage[0]! + 1 });
    messages.push(message('CC206', `${uri}: removed ${norm.damage.length} control or replacement character${norm.damage.length === 1 ? '' : 's'}`, { uri, span: first }));
  }
  t = applyEdits(t, norm.edits);

  // 3. Boilerplate.
  const bp = findBoilerplate(t.text);
  const removed: Removed[] = bp.blocks.map((b) => {
    const span = toRawSpan(t, b.span);
    return { articleId: id, span, text: raw.slice(span.start, span.end), kind: b.kind };
  });
  if (removed.length > 0) {
    const chars = removed.reduce((n, r) => n + r.text.length, 0);
    const kinds = [...new Set(removed.map((r) => r.kind))].join(', ');
    messages.push(message('CC202', `${uri}: removed ${removed.length} boilerplate passage${removed.length === 1 ? '' : 's'} (${chars} characters: ${kinds})`, { uri }));
  }
  t = applyEdits(t, bp.edits);

  // 4. Glued words and missing spaces.
  t = repairGlue(t, pending);

  // 5. Trim and cut.
  t = applyEdits(t, trimEdits(t.text));
  if (t.text.length > ctx.maxChars) {
    const cut = cutPoint(t.text, ctx.maxChars);
    messages.push(message('CC205', `${uri}: the cleaned text is ${t.text.length} characters; cut to ${cut} (limit ${ctx.maxChars})`, { uri }));
    t = applyEdits(t, [{ start: cut, end: t.text.length, insert: '' }]);
    t = applyEdits(t, trimEdits(t.text));
  }
  const text = t.text;
  const repairs = resolveRepairs(t, raw, id, pending);
  if (repairs.length > 0) {
    const counts = new Map<string, number>();
    for (const r of repairs) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
    const detail = [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
    messages.push(message('CC203', `${uri}: repaired ${repairs.length} place${repairs.length === 1 ? '' : 's'} of text damage (${detail})`, { uri }));
  }

  // 6. Paragraphs and metadata.
  const spans = splitParagraphs(text);
  const header = readHeader(text, spans, source);
  messages.push(...header.messages);
  const paragraphs: Paragraph[] = spans.map((span, i) => {
    const kind: ParagraphKind = header.kinds.get(i) ?? bodyKind(text.slice(span.start, span.end));
    return { span, kind };
  });

  // 7. Language and emptiness.
  const hasBody = paragraphs.some((p) => p.kind === 'body');
  const lang = text.length > 0 ? detectLanguage(text) : null;
  if (text.length > 0 && lang === null) {
    messages.push(message('CC302', `${uri}: the text does not look like English`, { uri }));
  }
  // A page with no body already says so (CC220); CC201 is for text that cleaning emptied.
  if (!hasBody && !page?.empty) {
    messages.push(message('CC201', `${uri}: no article text is left after cleaning (${text.length === 0 ? 'nothing at all' : 'only a title, byline or headings'})`, { uri }));
  }

  return {
    id,
    contentHash,
    uri,
    format: source.format,
    url: source.record.url ?? null,
    outlet: header.outlet?.value ?? null,
    title: header.title?.value ?? null,
    byline: header.byline?.value ?? null,
    publishedAt: header.publishedAt?.value ?? null,
    modifiedAt: header.modifiedAt?.value ?? null,
    authors: header.authors,
    lang,
    fields: { title: header.title, byline: header.byline, publishedAt: header.publishedAt, outlet: header.outlet, modifiedAt: header.modifiedAt },
    text,
    paragraphs,
    sentences: [],
    removed,
    repairs,
    entities: [],
    quotes: [],
    attributions: [],
    claims: [],
    signals: [],
    profile: emptyProfile(),
    messages,
    raw,
    tokens: [],
  };
}

function trimEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  let s = 0;
  while (s < text.length && /\s/.test(text[s]!)) s++;
  let e = text.length;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (s > 0) edits.push({ start: 0, end: s, insert: '' });
  if (e < text.length) edits.push({ start: e, end: text.length, insert: '' });
  return edits;
}

/** Where to cut a text to at most `max` characters: the last line break, else space, in the second half; never inside a surrogate pair. */
function cutPoint(text: string, max: number): number {
  const nl = text.lastIndexOf('\n', max);
  if (nl >= max / 2) return nl;
  const sp = text.lastIndexOf(' ', max);
  if (sp >= max / 2) return sp;
  const c = text.charCodeAt(max - 1);
  return c >= 0xd800 && c <= 0xdbff ? max - 1 : max;
}

/**
 * The message saying a page held no article (CC220), when it did: such a doc is a problem with
 * its input, not an article (a reader said so when pages were extracted in read/). A doc whose
 * text cleaning left nothing (CC201) is still an article with an error, as before.
 */
export function noArticleIn(doc: Pick<Doc, 'messages'>): Message | undefined {
  return doc.messages.find((m) => m.code === 'CC220');
}
