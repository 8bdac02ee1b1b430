/**
 * Attribution cues and sources against PolNeAR (../shared/data/polnear, development half, read at
 * run time; see its README). Each article's text goes through tokenize .. attributions with its
 * lines as paragraphs.
 *
 *   cue found: one of our attributions has its cue words overlapping the gold Cue.
 *   cue recall (the figure with the floor): over gold cues that are reporting verbs or "according
 *     to" (REPORTING below: this script's own list of speech and report verbs, written apart from
 *     the cue table in src/analyze/attribution-tables.ts so that it can show what that misses);
 *     PolNeAR's other cues (belief, intention, "show", ":") are counted apart.
 *   precision: our cues that overlap any gold Cue.
 *   source right: of found reporting cues whose gold attribution has a Source, our source span
 *     overlaps it at IoU >= 0.5 ("adamantly" for "Mrs. Clinton adamantly" is wrong). Printed
 *     apart (no floor): the wrong ones where the gold Source is a relative pronoun ("who") and
 *     ours is the phrase right before it, which the pronoun stands for.
 *
 *   node --import tsx eval/attributions-polnear.ts [--split dev|train] [--half odd|even] [--floors] [--misses]
 *
 * --misses lists missed reporting cues (MISS), wrong sources (SOURCE) and our cues on no gold cue (EXTRA).
 */
import { readFileSync } from 'node:fs';
import { analyzeText, readPolnear } from '../src/analyze/speakers/polnear.js';
import type { Span } from '../src/model/index.js';

const split = process.argv.includes('--split') ? (process.argv[process.argv.indexOf('--split') + 1] as 'dev' | 'train') : 'dev';
const all = readPolnear(split, process.cwd(), false);
/** --half odd|even: every other article in name order, to see that a change moves both halves alike. */
const half = process.argv.includes('--half') ? process.argv[process.argv.indexOf('--half') + 1] : undefined;
const articles = all && half ? all.filter((_, i) => (i % 2 === 1) === (half === 'odd')) : all;
if (!articles) {
  console.log('skipped: ../shared/data/polnear not found');
  process.exit(0);
}

/** Verbs of saying and reporting, by stem (the cue's first verb is compared by prefix). */
const REPORTING = [
  'say', 'said', 'tell', 'told', 'report', 'claim', 'announc', 'writ', 'wrote', 'add', 'note', 'stat', 'assert', 'confirm', 'den',
  'insist', 'warn', 'explain', 'argu', 'acknowledg', 'admit', 'testif', 'tweet', 'post', 'declar', 'stress', 'emphasi', 'recall',
  'predict', 'alleg', 'reveal', 'disclos', 'contend', 'maintain', 'observ', 'remark', 'comment', 'repl', 'respond', 'counter',
  'conclud', 'complain', 'caution', 'conced', 'boast', 'quip', 'ask', 'gush', 'jok', 'implor', 'reiterat', 'shout', 'accus',
  'call', 'suggest', 'describ', 'continu', 'urg', 'prais', 'criticiz', 'criticis', 'mention', 'repeat', 'describ', 'scream',
  'yell', 'whisper', 'mus', 'lament', 'vow', 'pledg', 'promis', 'threaten', 'demand', 'conclud', 'estimat', 'explain', 'chim',
  'retort', 'quot', 'cit', 'according to', 'speak', 'spoke', 'told', 'confid', 'interject', 'echo', 'rebut', 'pointed out', 'point',
];
/**
 * Words the stems above match by prefix that are no verbs of saying ('mus' is for 'mused', not
 * 'must'; 'add' for 'added', not 'address'): left out of the recall's denominator. Listed from the
 * first words of PolNeAR's gold cues (train and dev) that a stem matched.
 */
const NOT_REPORTING = /^(must|muster|address|pointedly|postur|replac|continual|statement)/;
const SKIP_WORDS = new Set(['has', 'have', 'had', 'also', 'later', 'then', 'previously', 'was', 'is', 'will', 'would', 'and', 'further', 'once', 'again', 'publicly', 'repeatedly']);

function isReporting(cue: string): boolean {
  const w = cue.toLowerCase().replace(/[^a-z ]+/g, ' ').trim().split(/\s+/).filter((x) => x && !SKIP_WORDS.has(x));
  const first = w[0] ?? '';
  if (w.slice(0, 2).join(' ') === 'according to') return true;
  return first !== '' && REPORTING.some((r) => first.startsWith(r)) && !NOT_REPORTING.test(first);
}

const overlap = (a: Span, b: Span): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const iou = (a: Span, b: Span): number => overlap(a, b) / (Math.max(a.end, b.end) - Math.min(a.start, b.start));

const c = { reporting: 0, reportingFound: 0, other: 0, otherFound: 0, ours: 0, oursRight: 0, withSource: 0, sourceRight: 0, antecedent: 0 };

/**
 * PolNeAR marks a relative pronoun as the Source ("Sanders, who has said ..." -> "who"); we name
 * the phrase it stands for. Counted apart (printed, no floor, not right): the gold Source is a
 * lone who/which/that and our source ends right before it (a comma or space between).
 */
function isAntecedentOf(text: string, ours: Span, gold: readonly Span[]): boolean {
  const g = gold[0];
  if (gold.length !== 1 || !g || !/^(who|which|that)$/i.test(text.slice(g.start, g.end))) return false;
  return ours.end <= g.start && /^[\s,]*$/.test(text.slice(ours.end, g.start));
}
const misses: string[] = [];
for (const a of articles) {
  const doc = analyzeText(a.name, a.text);
  const ourCues = doc.attributions.map((t) => {
    const atStart = doc.text.startsWith(t.cue, t.span.start);
    const start = atStart ? t.span.start : t.span.end - t.cue.length;
    return { cue: { start, end: start + t.cue.length }, source: t.source?.span ?? null };
  });
  c.ours += ourCues.length;
  for (const o of ourCues) {
    if (a.attributions.some((g) => g.cue.some((s) => overlap(s, o.cue) > 0))) c.oursRight++;
    else if (misses.length < 5000) misses.push(`EXTRA cue\t${a.text.slice(o.cue.start, o.cue.end)}\t…${a.text.slice(Math.max(0, o.cue.start - 60), o.cue.end + 40).replace(/\n/g, ' ')}`);
  }
  for (const g of a.attributions) {
    if (g.cue.length === 0) continue;
    const cueText = g.cue.map((s) => a.text.slice(s.start, s.end)).join(' ');
    const ours = ourCues.find((o) => g.cue.some((s) => overlap(s, o.cue) > 0));
    if (!isReporting(cueText)) {
      c.other++;
      if (ours) c.otherFound++;
      continue;
    }
    c.reporting++;
    if (!ours) {
      if (misses.length < 5000) {
        const s0 = g.cue[0] as Span;
        misses.push(`MISS cue\t${cueText}\t…${a.text.slice(Math.max(0, s0.start - 60), s0.end + 40).replace(/\n/g, ' ')}`);
      }
      continue;
    }
    c.reportingFound++;
    if (g.source.length === 0) continue;
    c.withSource++;
    const src = ours.source;
    if (src && g.source.some((s) => iou(s, src) >= 0.5)) c.sourceRight++;
    else if (src && isAntecedentOf(a.text, src, g.source)) c.antecedent++;
    else if (misses.length < 5000) misses.push(`SOURCE\t${cueText}\tours: ${src ? a.text.slice(src.start, src.end) : '-'}\tgold: ${g.source.map((s) => a.text.slice(s.start, s.end)).join(' ')}`);
  }
}
const figures = {
  cueRecall: c.reportingFound / Math.max(1, c.reporting),
  sourceRight: c.sourceRight / Math.max(1, c.withSource),
  precision: c.oursRight / Math.max(1, c.ours),
};
console.log(`PolNeAR ${split}: ${articles.length} articles, ${c.reporting} reporting-verb / "according to" cues, ${c.other} other cues`);
console.log(`cue recall, reporting verbs and "according to": ${figures.cueRecall.toFixed(3)}   (other cues: ${(c.otherFound / Math.max(1, c.other)).toFixed(3)})`);
console.log(`cue precision (ours overlapping any gold cue): ${figures.precision.toFixed(3)} of ${c.ours}`);
console.log(`source span right (IoU >= 0.5) of found cues with a gold source (${c.withSource}): ${figures.sourceRight.toFixed(3)}`);
console.log(`  wrong only because the gold Source is a relative pronoun and ours the phrase it stands for: ${(c.antecedent / Math.max(1, c.withSource)).toFixed(3)} (${c.antecedent})`);
if (process.argv.includes('--misses')) for (const m of misses) console.log(m);
if (process.argv.includes('--floors')) {
  const floors = (JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, number | string>>)['attributions-polnear'] ?? {};
  let ok = true;
  for (const [k, v] of Object.entries(floors)) {
    if (typeof v !== 'number') continue;
    const got = figures[k as keyof typeof figures];
    if (!(got >= v)) { ok = false; console.log(`BELOW FLOOR ${k}: ${got.toFixed(3)} (floor ${v})`); }
  }
  if (!ok) process.exit(1);
  console.log('floors ok');
}
