/**
 * Stance on Emergent (../shared/data/emergent/train.csv: claimHeadline, articleHeadline,
 * articleHeadlineStance for | against | observing, claimId), read at run time, never copied.
 * Each article headline is taken as the "body" and its claim as the claim; for / against /
 * observing are scored as agree / disagree / discuss (3-way accuracy, `unrelated` not offered).
 *
 *   1. zero-shot: the bundled FNC-1 model, argmax over agree / disagree / discuss
 *   2. in-domain: the same features, stage 2 retrained on 80% of the claims (split by claimId,
 *      seeded) and scored on the other 20%, the protocol of the published 73.3%
 *      (Ferreira & Vlachos 2016, on their held-out claims)
 *
 *   node --import tsx eval/stance-emergent.ts [path/to/train.csv]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCSV, toRecords } from '../src/read/csv.js';
import { HASH_DIM, pairFeatures, prepareBody, prepareClaim, type PairFeatures } from '../src/stance/features.js';
import { loadWeights, stage2Probs, StancePredictor } from '../src/stance/model.js';
import { predict, trainMLP } from '../src/stance/mlp.js';
import { prng, shuffle } from '../src/model/random.js';

const PATH = process.argv[2] ?? fileURLToPath(new URL('../../shared/data/emergent/train.csv', import.meta.url));
const MAP: Record<string, number> = { for: 0, against: 1, observing: 2 };
const NAMES = ['for', 'against', 'observing'];
const SEED = 20240605;
const HELD_SHARE = 0.2;

const rows = toRecords(parseCSV(readFileSync(PATH, 'utf8'))).filter((r) => (r['articleHeadlineStance'] ?? '') in MAP);
const predictor = new StancePredictor(loadWeights());
const vocab = predictor.weights.vocabulary;
const gold = rows.map((r) => MAP[r['articleHeadlineStance'] ?? ''] ?? 2);
const feats: PairFeatures[] = rows.map((r) => pairFeatures(prepareClaim(r['claimHeadline'] ?? ''), prepareBody(r['articleHeadline'] ?? '', vocab), vocab));

function report(title: string, idx: readonly number[], predicted: (i: number) => number): void {
  const confusion = NAMES.map(() => NAMES.map(() => 0));
  let right = 0;
  for (const i of idx) {
    const p = predicted(i);
    confusion[gold[i] ?? 0]![p]!++;
    if (p === gold[i]) right++;
  }
  process.stdout.write(`\n== ${title}: ${idx.length} headlines, 3-way accuracy ${((100 * right) / Math.max(1, idx.length)).toFixed(1)}%\n`);
  process.stdout.write('gold \\ predicted ' + NAMES.map((n) => n.padStart(10)).join('') + '\n');
  NAMES.forEach((n, k) => process.stdout.write(n.padEnd(17) + confusion[k]!.map((v) => String(v).padStart(10)).join('') + '\n'));
}

const argmax = (p: readonly number[]): number => p.reduce((b, v, i) => (v > (p[b] ?? -1) ? i : b), 0);

// 1. zero-shot
const all = rows.map((_, i) => i);
report('zero-shot, FNC-1 model (all rows)', all, (i) => argmax(stage2Probs(predictor.weights, feats[i] as PairFeatures)));

// 2. in-domain, split by claim
const claims = shuffle([...new Set(rows.map((r) => r['claimId'] ?? ''))].sort(), prng(SEED));
const held = new Set(claims.slice(0, Math.round(claims.length * HELD_SHARE)));
const test = all.filter((i) => held.has(rows[i]?.['claimId'] ?? ''));
const rest = all.filter((i) => !held.has(rows[i]?.['claimId'] ?? ''));
const devClaims = new Set([...new Set(rest.map((i) => rows[i]?.['claimId'] ?? ''))].sort().filter((_, k) => k % 8 === 0));
const dev = rest.filter((i) => devClaims.has(rows[i]?.['claimId'] ?? ''));
const train = rest.filter((i) => !devClaims.has(rows[i]?.['claimId'] ?? ''));
const trained = trainMLP(train.map((i) => feats[i] as PairFeatures), train.map((i) => gold[i] ?? 2), {
  hidden: 24, classes: 3, sparse: HASH_DIM, seed: SEED, epochs: 40, batch: 16, learningRate: 0.003, l2: 1e-4, dropout: 0.3, patience: 6,
  classWeights: [1, 1.5, 1],
  score: (m) => dev.reduce((a, i) => a + (argmax(predict(m, feats[i] as PairFeatures)) === gold[i] ? 1 : 0), 0) / Math.max(1, dev.length),
});
report(`in-domain, trained on ${train.length} headlines (${claims.length - held.size - devClaims.size} claims), early-stopped on ${dev.length}; held-out claims`, test, (i) => argmax(predict(trained.model, feats[i] as PairFeatures)));
process.stdout.write('\npublished: 73.3% 3-way accuracy on the held-out part (Ferreira & Vlachos 2016)\n');
