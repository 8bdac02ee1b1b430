/**
 * Quotations and their speakers against PolNeAR (../shared/data/polnear, development half, read at
 * run time; see its README). Each article's text goes through tokenize .. attributions with its
 * lines as paragraphs (offsets stay the corpus's).
 *
 *   gold quotation: a span between paired quote marks in one line that lies mostly (>= half its
 *     length) inside an annotated Content; short ones (1-3 words) included. Its gold speaker is
 *     that attribution's Source (none when the attribution has no Source).
 *   found: a quotation of ours overlapping a gold one at IoU >= 0.5 (one to one).
 *   speaker right: our speaker span overlaps the gold Source, or (lenient, the figure with the
 *     floor) a mention of a CoreNLP coreference chain that has a mention overlapping the Source
 *     (the annotators mark "he"; we name the person he stands for).
 *   none: found quotations with a gold Source to which we give no speaker.
 *   gold Source no pronoun (printed, no floor): the speaker figure over the quotations whose gold
 *     Source is not a lone pronoun, where the CoreNLP chains matter least.
 *   unverifiable (printed, no floor): wrong by the lenient test, but the gold Source is a lone
 *     pronoun in no CoreNLP chain that holds a name, and our attribution on that pronoun names
 *     our speaker (its antecedent cannot be checked here).
 *
 *   node --import tsx eval/quotes-polnear.ts [--split dev|train] [--half odd|even] [--floors]
 *
 * --floors checks the figures against eval/floors.json "quotes-polnear" and exits 1 below one.
 * The shipped speaker model is trained on the train split only: figures on dev are held out.
 */
import { readFileSync } from 'node:fs';
import { analyzeText, goldQuotes, isRightSpeaker, readPolnear, type GoldQuote, type PolnearArticle } from '../src/analyze/speakers/polnear.js';
import type { Attribution, Span } from '../src/model/index.js';

const split = process.argv.includes('--split') ? (process.argv[process.argv.indexOf('--split') + 1] as 'dev' | 'train') : 'dev';
const all = readPolnear(split);
/** --half odd|even: every other article in name order, to see that a change moves both halves alike. */
const half = process.argv.includes('--half') ? process.argv[process.argv.indexOf('--half') + 1] : undefined;
const articles = all && half ? all.filter((_, i) => (i % 2 === 1) === (half === 'odd')) : all;
if (!articles) {
  console.log('skipped: ../shared/data/polnear not found');
  process.exit(0);
}

const overlap = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const iou = (a: Span, b: Span): number => overlap(a, b) / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
const PRONOUN = /^(he|she|they|it|I|we)$/i;
const words = (s: string): number => (s.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;

const c = { gold: 0, pred: 0, found: 0, goldLong: 0, predLong: 0, foundLong: 0, withSource: 0, strict: 0, lenient: 0, none: 0, unverifiable: 0, nameSource: 0, nameRight: 0 };
/** Is the gold Source a lone pronoun (he, she, they, it, who ...), whose check rests on CoreNLP's chains? */
const isPronounSource = (text: string, source: readonly Span[]): boolean =>
  source.length === 1 && /^(he|she|they|it|I|we|you|who|which|that|his|her|their)$/i.test(text.slice(source[0]!.start, source[0]!.end).trim());
const misses: string[] = [];
for (const a of articles) {
  const doc = analyzeText(a.name, a.text);
  const gold = goldQuotes(a);
  const used = new Set<number>();
  c.gold += gold.length;
  c.pred += doc.quotes.length;
  c.goldLong += gold.filter((g) => !g.short).length;
  c.predLong += doc.quotes.filter((q) => words(q.text) > 3).length;
  for (const q of doc.quotes) {
    let bi = -1;
    let bv = 0.5;
    gold.forEach((g, i) => {
      const v = iou(q.span, g.span);
      if (!used.has(i) && v >= bv) { bi = i; bv = v; }
    });
    if (bi < 0) continue;
    used.add(bi);
    const g = gold[bi] as GoldQuote;
    c.found++;
    if (!g.short) c.foundLong++;
    if (g.source.length === 0) continue;
    c.withSource++;
    const sp = q.speaker?.span;
    if (!sp) { c.none++; if (!isPronounSource(a.text, g.source)) c.nameSource++; if (misses.length < 400) misses.push(`NONE ${a.name}\t${a.text.slice(Math.max(0, q.span.start - 120), q.span.end + 80).replace(/\n/g, " | ")}\tgold: ${g.source.map((s) => a.text.slice(s.start, s.end)).join(" ")}`); continue; }
    const { strict, lenient } = isRightSpeaker(a, g.source, sp);
    if (strict) c.strict++;
    if (lenient) c.lenient++;
    if (!isPronounSource(a.text, g.source)) { c.nameSource++; if (lenient) c.nameRight++; }
    else if (isUnverifiable(a, g.source, doc.attributions, q.speakerCanonical)) c.unverifiable++;
    if (!lenient && misses.length < 400) misses.push(`${a.name}\t${q.text.slice(0, 60)}\tours: ${q.speaker?.text}\tgold: ${g.source.map((s) => a.text.slice(s.start, s.end)).join(' ')}`);
  }
}
/**
 * A wrong speaker the metric cannot check: the gold Source is a lone pronoun that no CoreNLP
 * chain with a name holds ("he" in "“…,” he said" left out of every chain, or in a chain of
 * pronouns and descriptions only), and one of our
 * attributions has that pronoun as its source and our speaker's canonical name: the quotation is
 * tied to the right words, only the pronoun's antecedent is unchecked. Counted apart (not right).
 */
function isUnverifiable(a: PolnearArticle, source: readonly Span[], attributions: readonly Attribution[], canonical: string | null): boolean {
  const s = source[0];
  if (source.length !== 1 || !s || canonical === null || !PRONOUN.test(a.text.slice(s.start, s.end))) return false;
  // a chain that holds the pronoun and names someone (a capitalised mention that is no pronoun) can check it
  const named = (m: Span) => { const w = a.text.slice(m.start, m.end); return /^\p{Lu}/u.test(w) && !PRONOUN.test(w) && !/^(The|A|An|His|Her|Their|Its|This|That)\b/.test(w); };
  if (a.coref.some((ch) => ch.some((m) => overlap(m, s) > 0) && ch.some(named))) return false;
  return attributions.some((t) => t.source !== null && overlap(t.source.span, s) > 0 && t.sourceCanonical === canonical);
}
const f1 = (found: number, pred: number, gold: number): [number, number, number] => {
  const p = found / Math.max(1, pred);
  const r = found / Math.max(1, gold);
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
};
const [p, r, f] = f1(c.found, c.pred, c.gold);
const [pl, rl, fl] = f1(c.foundLong, c.predLong, c.goldLong);
const figures = {
  quoteF1: f,
  quoteF1Long: fl,
  speakerLenient: c.lenient / Math.max(1, c.withSource),
  speakerStrict: c.strict / Math.max(1, c.withSource),
  noSpeaker: c.none / Math.max(1, c.withSource),
};
console.log(`PolNeAR ${split}: ${articles.length} articles, ${c.gold} gold quotations (${c.gold - c.goldLong} of 1-3 words)`);
console.log(`quotations       P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}   (${c.pred} ours)`);
console.log(`  4+ words only  P ${pl.toFixed(3)}  R ${rl.toFixed(3)}  F1 ${fl.toFixed(3)}`);
console.log(`speaker of found quotations with a gold source (${c.withSource}): right ${figures.speakerLenient.toFixed(3)} (strict overlap ${figures.speakerStrict.toFixed(3)}), none ${figures.noSpeaker.toFixed(3)}`);
console.log(`  where the gold Source is no lone pronoun (${c.nameSource}): right ${(c.nameRight / Math.max(1, c.nameSource)).toFixed(3)}`);
console.log(`  wrong but unverifiable (a lone pronoun source in no CoreNLP chain with a name, our cue on it): ${(c.unverifiable / Math.max(1, c.withSource)).toFixed(3)} (${c.unverifiable})`);
if (process.argv.includes('--misses')) for (const m of misses) console.log(m);
if (process.argv.includes('--floors')) {
  const floors = (JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, number | string>>)['quotes-polnear'] ?? {};
  let ok = true;
  for (const [k, v] of Object.entries(floors)) {
    if (typeof v !== 'number') continue;
    const got = figures[k as keyof typeof figures];
    const pass = k === 'noSpeaker' ? got <= v : got >= v;
    if (!pass) { ok = false; console.log(`BELOW FLOOR ${k}: ${got.toFixed(3)} (floor ${v})`); }
  }
  if (!ok) process.exit(1);
  console.log('floors ok');
}
