/**
 * Emergent (../shared/data/emergent/train.csv, read at run time) through stories: for each
 * claim, the claim and its article headlines are compared as one story (`analyzeStory`), and
 * each headline that lands in a fact with the claim is read for its stance there
 * ('asserts' | 'disputes' | 'mentions') against its gold stance (for / against / observing).
 * Reports the precision and recall of 'disputes' (gold `against`), with the rules alone and with
 * the stance model (src/stories/stance.ts MODEL_STANCE), and the model's own P(disagree) at a
 * few cut-offs. Emergent was not used to train or tune the model.
 *
 *   node --import tsx eval/stance-stories-emergent.ts [--verbose] [path/to/train.csv]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article, Fact } from '../src/model/index.js';
import { analyzeText } from '../src/collection/pipeline.js';
import { parseCSV, toRecords } from '../src/read/csv.js';
import { analyzeStory } from '../src/stories/index.js';
import { MODEL_STANCE, useStanceModel } from '../src/stories/stance.js';

const VERBOSE = process.argv.includes('--verbose');
const PATH = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../../shared/data/emergent/train.csv', import.meta.url));
const rows = toRecords(parseCSV(readFileSync(PATH, 'utf8'))).filter((r) => ['for', 'against', 'observing'].includes(r['articleHeadlineStance'] ?? ''));

/** One line of text as a one-sentence article (a full stop so that it reads as body text, not a headline). */
function asArticle(text: string, uri: string): Article {
  const t = text.trim();
  return analyzeText(/[.!?]["”’]?$/.test(t) ? t : `${t}.`, { uri });
}

const byClaim = new Map<string, { claim: string; heads: { text: string; gold: string; id: string }[] }>();
for (const r of rows) {
  const id = r['claimId'] ?? '';
  const entry = byClaim.get(id) ?? { claim: r['claimHeadline'] ?? '', heads: [] };
  entry.heads.push({ text: r['articleHeadline'] ?? '', gold: r['articleHeadlineStance'] ?? '', id: r['articleId'] ?? '' });
  byClaim.set(id, entry);
}

const t0 = performance.now();
const stories = [...byClaim].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, e]) => ({
  id,
  claim: asArticle(e.claim, `emergent:claim/${id}`),
  heads: e.heads.map((h) => ({ ...h, article: asArticle(h.text, `emergent:article/${h.id}`) })),
}));
process.stdout.write(`${rows.length} headlines, ${stories.length} claims, analyzed in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

interface Tally { tp: number; fp: number; fn: number; inFact: number; byGold: Record<string, Record<string, number>> }

function run(model: boolean, cut?: number): { tally: Tally; probs: { p: number; gold: string }[]; changed: { p: number; gold: string }[]; seconds: number } {
  useStanceModel(model, cut);
  const tally: Tally = { tp: 0, fp: 0, fn: 0, inFact: 0, byGold: {} };
  const probs: { p: number; gold: string }[] = [];
  const changed: { p: number; gold: string }[] = [];
  const t = performance.now();
  for (const s of stories) {
    const { story } = analyzeStory(`emergent-${s.id}`, [s.claim, ...s.heads.map((h) => h.article)]);
    for (const h of s.heads) {
      // The fact holding both the claim and this headline (the first, by the story's order).
      const fact: Fact | undefined = story.facts.find((f) => f.articleIds.includes(s.claim.id) && f.articleIds.includes(h.article.id));
      const gold = h.gold;
      const member = fact?.members.find((m) => m.articleId === h.article.id);
      const stance = member?.stance ?? 'none';
      const row = (tally.byGold[gold] ??= {});
      row[stance] = (row[stance] ?? 0) + 1;
      if (member) tally.inFact++;
      if (member?.stanceModel) probs.push({ p: member.stanceModel.disagree, gold });
      if (member?.stanceModel?.changed) changed.push({ p: member.stanceModel.disagree, gold });
      if (VERBOSE && member && (stance === 'disputes' || (member.stanceModel?.disagree ?? 0) >= 0.3) && model) {
        process.stdout.write(`  ${gold.padEnd(9)} ${stance.padEnd(8)} P(dis) ${member.stanceModel?.disagree ?? '-'}  claim: ${s.claim.text}\n${' '.repeat(30)}headline: ${h.text}\n`);
      }
      if (stance === 'disputes') {
        if (gold === 'against') tally.tp++;
        else tally.fp++;
      } else if (gold === 'against') tally.fn++;
    }
  }
  useStanceModel(true);
  return { tally, probs, changed, seconds: (performance.now() - t) / 1000 };
}

function show(title: string, r: ReturnType<typeof run>): void {
  const { tally } = r;
  const precision = tally.tp + tally.fp ? tally.tp / (tally.tp + tally.fp) : NaN;
  const recall = tally.tp + tally.fn ? tally.tp / (tally.tp + tally.fn) : NaN;
  process.stdout.write(`\n== ${title} (${r.seconds.toFixed(1)} s): ${tally.inFact} of ${rows.length} headlines share a fact with their claim\n`);
  process.stdout.write(`'disputes': ${tally.tp + tally.fp} members, precision ${precision.toFixed(3)} (${tally.tp}/${tally.tp + tally.fp}), recall of gold against ${recall.toFixed(3)} (${tally.tp}/${tally.tp + tally.fn})\n`);
  const stances = ['asserts', 'disputes', 'mentions', 'none'];
  process.stdout.write('gold \\ stance    ' + stances.map((s) => s.padStart(10)).join('') + '\n');
  for (const g of ['for', 'against', 'observing']) process.stdout.write(g.padEnd(17) + stances.map((s) => String(tally.byGold[g]?.[s] ?? 0).padStart(10)).join('') + '\n');
}

const rules = run(false);
show('rules alone', rules);
const withModel = run(true);
show(`rules + stance model (P(disagree) >= ${MODEL_STANCE.disagreeWithCue} with a rule cue)`, withModel);
// Any cut-off: a member is relabelled when it has a rule cue and P(disagree) >= the cut-off, so
// one run with the cut-off at 0 gives them all.
const anyCut = run(true, 0);
process.stdout.write('\nmembers the model would relabel \'disputes\' (rule cue and P(disagree) >= cut-off), precision for gold against:\n');
for (const cut of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) {
  const sel = anyCut.changed.filter((x) => x.p >= cut);
  const right = sel.filter((x) => x.gold === 'against').length;
  process.stdout.write(`  >= ${cut.toFixed(1)}: ${sel.length} members, precision ${sel.length ? (right / sel.length).toFixed(3) : '-'}\n`);
}
process.stdout.write('\nthe model alone on those members, P(disagree) >= cut-off (precision for gold against):\n');
for (const cut of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
  const sel = withModel.probs.filter((x) => x.p >= cut);
  const right = sel.filter((x) => x.gold === 'against').length;
  process.stdout.write(`  >= ${cut.toFixed(1)}: ${sel.length} members, precision ${sel.length ? (right / sel.length).toFixed(3) : '-'}\n`);
}
