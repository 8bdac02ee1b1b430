/**
 * Trains the stance model on FNC-1 and writes src/stance/weights/stance.json and the training
 * report beside it (src/stance/weights/REPORT.md). Same data and seed give the same file.
 *
 *   npm run train:stance                      # node --import tsx scripts/train-stance.ts
 *   node --import tsx scripts/train-stance.ts --seed 7 --data ../shared/data/fnc1 --out /tmp/w
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from '../src/cli/args.js';
import { readFnc1, formatScores } from '../src/stance/fnc1.js';
import { weightsToJson } from '../src/stance/model.js';
import { DEFAULT_CONFIG, DENSE_NAMES, trainStance, type TrainConfig } from '../src/stance/train.js';
import { HASH_DIM } from '../src/stance/features.js';

const parsed = parseArgs(process.argv.slice(2), { seed: { type: 'string' }, data: { type: 'string' }, out: { type: 'string' } });
if (!parsed.ok) {
  process.stderr.write(`train-stance: ${parsed.error}\n`);
  process.exit(64);
}
const v = parsed.args.values;
const data = typeof v['data'] === 'string' ? v['data'] : fileURLToPath(new URL('../../shared/data/fnc1', import.meta.url));
const out = typeof v['out'] === 'string' ? v['out'] : fileURLToPath(new URL('../src/stance/weights', import.meta.url));
const config: TrainConfig = { ...DEFAULT_CONFIG, seed: typeof v['seed'] === 'string' ? Number(v['seed']) : DEFAULT_CONFIG.seed, log: (l) => process.stderr.write(l + '\n') };

const t0 = performance.now();
const { pairs, bodies } = readFnc1(join(data, 'train_stances.csv'), join(data, 'train_bodies.csv'));
const r = trainStance(pairs, bodies, config);
const seconds = (performance.now() - t0) / 1000;
mkdirSync(out, { recursive: true });
const json = weightsToJson(r.weights);
writeFileSync(join(out, 'stance.json'), json);

const stage = (s: typeof config.stage1): string => `hidden ${s.hidden} (ReLU), Adam lr ${s.learningRate}, L2 ${s.l2}, dropout ${s.dropout}, batch ${s.batch}, up to ${s.epochs} epochs, patience ${s.patience}`;
const report = `# Stance model: training report

Written by \`npm run train:stance\` (scripts/train-stance.ts); do not edit by hand.

## Data
- FNC-1 training set: ${data}/train_stances.csv (${pairs.length} pairs), train_bodies.csv (${bodies.size} bodies)
- Split by claim, seed ${config.seed}: bodies and headlines linked by a related pair form one claim; claims go whole to validation (${Math.round(config.validationShare * 100)}%), development (${Math.round(config.devShare * 100)}% of the rest) or training. So no body and no headline is on two sides, as in the competition test set; unrelated pairs whose headline and body fall in different parts are left out
- Pairs: train ${r.counts.train}, dev ${r.counts.dev}, validation ${r.counts.validation}
- IDF from the training bodies only: ${r.vocabularySize} stems (document frequency >= 2)

## Features
- Dense (${DENSE_NAMES.length}): ${DENSE_NAMES.join(', ')}
- Hashed (stage 2 only, ${HASH_DIM} buckets, FNV-1a): the claim's cue words, the cue words of the ${3} body sentences that best match the claim, cue words within 5 tokens of a claim word in those sentences, and those crossed with the claim's cue kinds (no topic words: see HASHED in features.ts)

## Model
- Stage 1, related vs unrelated: MLP on the dense features; ${stage(config.stage1)}; best epoch ${r.stage1Epoch} (dev accuracy)
- Stage 2, agree / disagree / discuss on related pairs: ${config.stage2Models} MLPs on dense + hashed (seeds differ), their probabilities averaged; each ${stage(config.stage2)}; class weights (1/share)^${config.balancePower}; best epoch of the first ${r.stage2Epoch} (dev FNC-1 + macro-F1)
- Tuned on dev for FNC-1 + F1(disagree): related threshold ${r.weights.threshold}, stage-2 log offsets (agree, disagree, discuss) ${r.weights.offsets.join(', ')}
- Weights file: stance.json, ${(json.length / 1e6).toFixed(2)} MB

## Scores
Development split (used for early stopping and tuning):

\`\`\`
${formatScores(r.dev)}\`\`\`

Validation split (never used for fitting or choosing):

\`\`\`
${formatScores(r.validation)}\`\`\`

Note: a split by body alone would leave most validation headlines in training too (FNC-1
pairs each headline with many bodies) and flatter the scores; the claim split does not.

Training time: ${seconds.toFixed(0)} s on ${process.platform}/${process.arch}, Node ${process.version}.
`;
writeFileSync(join(out, 'REPORT.md'), report);
process.stderr.write(`\nvalidation:\n${formatScores(r.validation)}\nwrote ${join(out, 'stance.json')} (${(json.length / 1e6).toFixed(2)} MB) in ${seconds.toFixed(0)} s\n`);
