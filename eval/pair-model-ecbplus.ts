/**
 * The same-event pair model of src/stories/group/pair.ts (logistic regression, the fitter of
 * src/stories/derivation-train.ts; deterministic) on the ECB+ development topics
 * (../shared/data/ecbplus: pairs of articles within a topic, one event = same sub-topic): the pair
 * AUC out of fold (trained on the odd topics, scored on the even, and the other way) beside the
 * similarity alone, and the weights. eval/cluster-ecbplus.ts reports the grouping with such models.
 * None is shipped (see split.ts SPLIT.pairRatio).
 *   node --import tsx eval/pair-model-ecbplus.ts
 */
import { analyzeText } from '../src/collection/pipeline.js';
import { PAIR_FEATURES, samePairProbability } from '../src/stories/group/pair.js';
import { fitDerivation } from '../src/stories/derivation-train.js';
import { hasEcbPlus, readEcbPlus } from './ecbplus-data.js';
import { auc, ecbPairRows } from './ecbplus-pairs.js';

if (!hasEcbPlus()) {
  console.error('../shared/data/ecbplus not found');
  process.exit(1);
}
const docs = readEcbPlus();
const articles = docs.map((d) => analyzeText(d.text, { id: d.name, uri: `ecbplus:${d.name}` }));
const round = (w: number[]): number[] => w.map((v) => Math.round(v * 10_000) / 10_000);
for (const odd of [true, false]) {
  const train = ecbPairRows(docs, articles, (t) => (t % 2 === 1) === odd);
  const test = ecbPairRows(docs, articles, (t) => (t % 2 === 1) !== odd);
  const model = { features: PAIR_FEATURES, weights: round(fitDerivation(train.x, train.y)) };
  const p = test.x.map((x) => samePairProbability(x, model));
  console.log(`trained on ${odd ? 'odd' : 'even'} topics (${train.x.length} pairs), scored on the others (${test.x.length}): AUC ${auc(p, test.y).toFixed(3)}, similarity alone ${auc(test.x.map((x) => x[0] as number), test.y).toFixed(3)}`);
  console.log(`  weights (${PAIR_FEATURES.join(', ')}, bias): ${model.weights.join(' ')}`);
}
