/**
 * Trains the entity tagger (src/analyze/tagger) on CoNLL-2003 eng.train in ../shared/data and
 * writes, beside the code:
 *
 *   src/analyze/tagger/weights.ts    the int8 weights (generated: do not edit)
 *   src/analyze/tagger/TRAINING.md   data, settings, the development scores per epoch
 *
 * eng.testa (the development file) only chooses the settings and is reported; it is never
 * trained on. Same data + same seed -> the same files, byte for byte.
 *
 *   node --import tsx scripts/train-entities.ts [--epochs N] [--no-write]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildDoc, CONLL_TYPES, emptyScores, prf, readConll, readConllTokens, scoreNames, type ConllDoc, type ConllToken, type ConllType, type NameScores } from '../src/analyze/tagger/conll.js';
import { COUNTRIES, ORGANISATIONS, PEOPLE, PLACES } from '../src/analyze/gazetteer-data.js';
import type { TaggerWeights } from '../src/analyze/tagger/decode.js';
import { ALL_CAPS, TABLE_BITS, FEATURE_COUNT } from '../src/analyze/tagger/features.js';
import { encodeTagger, nameSpan, tagNames } from '../src/analyze/tagger/model.js';
import { quantise, train, trainDocOf, type TrainDoc } from '../src/analyze/tagger/train.js';
import { prng } from '../src/model/random.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
/** Epochs: the development F1 levels off after 8-10 (TRAINING.md lists each epoch). */
const EPOCHS = arg('epochs', 10);
const SEED = 20031;
/** Small words a title-case headline keeps in lower case (for the augmented headlines). */
const TITLE_SMALL = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'with', 'at', 'by', 'from', 'as', 'vs', 'v']);
/** Longest all-caps name word kept in capitals when a headline is put in title case ("EU", "NATO"). */
const ACRONYM_MAX = 4;

const DATA = fileURLToPath(new URL('../../shared/data/conll2003/', import.meta.url));
const trainTokens = readConllTokens(`${DATA}eng.train`);
const trainDocs = trainTokens?.map(buildDoc) ?? null;
const devDocs = readConll(`${DATA}eng.testa`);
if (!trainTokens || !trainDocs || !devDocs) {
  console.error(`train-entities: ${DATA}eng.train and eng.testa are needed (CoNLL-2003, the development half)`);
  process.exit(1);
}
const started = performance.now();
const log = (s: string): void => console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${s}`);

/**
 * The same document with its all-caps headlines in title case ("Eu Rejects German Call" would be
 * wrong: name words of up to four capitals stay as they are), so the tagger also meets the
 * title-case headlines of web news, which CoNLL does not have. Only case changes: offsets hold.
 */
function titleCased(doc: ConllDoc, t: TrainDoc): { doc: ConllDoc; only: Uint8Array } | null {
  const p = t.prepared;
  const chars = doc.text.split('');
  const only = new Uint8Array(p.tokens.length);
  let changed = false;
  for (let i = 0; i < p.tokens.length; i++) {
    if (p.mode[i] !== ALL_CAPS) continue;
    const tok = p.tokens[i]!;
    only[i] = 1;
    const word = doc.text.slice(tok.start, tok.end);
    if (!/^[A-Za-z]/.test(word)) continue;
    if (t.gold[i] !== 0 && word.length <= ACRONYM_MAX && word === word.toUpperCase()) continue;
    const small = TITLE_SMALL.has(tok.norm) && p.sentPos[i] !== 0;
    for (let c = tok.start; c < tok.end; c++) {
      const ch = chars[c]!;
      if (!/[A-Za-z]/.test(ch)) continue;
      chars[c] = c === tok.start && !small ? ch.toUpperCase() : ch.toLowerCase();
    }
    changed = true;
  }
  if (!changed) return null;
  return { doc: { ...doc, text: chars.join('') }, only };
}


/** Share of the names replaced by a gazetteer name of the same class in the name-swapped copies. */
const SWAP_SHARE = 0.5;

/** The gazetteer's names by the CoNLL class they take (our own lists in gazetteer-data.ts). */
function gazetteerPools(): Record<ConllType, string[][]> {
  const pools: Record<ConllType, string[][]> = { PER: [], ORG: [], LOC: [], MISC: [] };
  const rows = (table: string): string[][] => table.split('\n').map((l) => l.trim()).filter((l) => l.length > 0).map((l) => l.split('|'));
  const names = (field: string | undefined): string[][] => (field ?? '').split(';').map((n) => n.trim()).filter((n) => n.length > 0).map((n) => n.split(' '));
  const isDemonym = (words: string[]): boolean => /(an|ans|ese|ish|i|is)$/.test(words[words.length - 1] ?? '');
  for (const [, n, demonyms, metonyms] of rows(COUNTRIES)) {
    pools.LOC.push(...names(n), ...names(metonyms));
    pools.MISC.push(...names(demonyms));
  }
  for (const [, n] of rows(PLACES)) for (const w of names(n)) (isDemonym(w) ? pools.MISC : pools.LOC).push(w);
  for (const [type, , n] of rows(ORGANISATIONS)) (type === 'group' ? pools.MISC : pools.ORG).push(...names(n));
  for (const [, n] of rows(PEOPLE)) pools.PER.push(...names(n));
  return pools;
}

/**
 * A copy of a document with about half of its names swapped for gazetteer names of the same
 * class, and the sentences that changed: CoNLL's Reuters of 1996 names few of the people and
 * places of today's news, so without this the tagger would learn little from our gazetteer.
 */
function nameSwapped(sentences: readonly ConllToken[][], pools: Record<ConllType, string[][]>, random: () => number): { doc: ConllDoc; changed: Set<number> } | null {
  const changed = new Set<number>();
  const out = sentences.map((s, si) => {
    const next: ConllToken[] = [];
    let i = 0;
    while (i < s.length) {
      const tok = s[i]!;
      if (tok.tag === 'O') {
        next.push(tok);
        i++;
        continue;
      }
      const type = tok.tag.slice(2) as ConllType;
      let j = i + 1;
      while (j < s.length && s[j]!.tag === `I-${type}`) j++;
      const pool = pools[type];
      if (pool.length > 0 && random() < SWAP_SHARE) {
        const words = pool[Math.floor(random() * pool.length)]!;
        words.forEach((w, k) => next.push({ word: w, tag: k === 0 ? tok.tag : `I-${type}` }));
        changed.add(si);
      } else next.push(...s.slice(i, j));
      i = j;
    }
    return next;
  });
  return changed.size > 0 ? { doc: buildDoc(out), changed } : null;
}

/** Flags the tokens of the given sentences. */
function flagSentences(t: TrainDoc, doc: ConllDoc, sentences: Set<number>): Uint8Array {
  const only = new Uint8Array(t.prepared.tokens.length);
  t.prepared.tokens.forEach((tok, i) => {
    const s = doc.sentences.findIndex((sp) => tok.start >= sp.start && tok.end <= sp.end);
    if (sentences.has(s)) only[i] = 1;
  });
  return only;
}

const docs: TrainDoc[] = [];
/** The eng.train document each training document (original or copy) comes from. */
const sourceOf: number[] = [];
const pools = gazetteerPools();
const swapRandom = prng(SEED + 1);
let swapped = 0;
let names = 0;
let unaligned = 0;
let augmented = 0;
trainDocs.forEach((d, di) => {
  const t = trainDocOf(d);
  docs.push(t);
  sourceOf.push(di);
  names += t.alignment.names;
  unaligned += t.alignment.unaligned;
  const sw = nameSwapped(trainTokens[di]!, pools, swapRandom);
  if (sw) {
    const probe = trainDocOf(sw.doc);
    docs.push({ ...probe, only: flagSentences(probe, sw.doc, sw.changed) });
    sourceOf.push(di);
    swapped++;
  }
  const tc = titleCased(d, t);
  if (tc) {
    docs.push(trainDocOf(tc.doc, tc.only));
    sourceOf.push(di);
    augmented++;
  }
});
const devSet = devDocs.map((d) => ({ d }));
log(`eng.train: ${trainDocs.length} documents, ${names} names, ${unaligned} not on our candidate tokens (${((100 * unaligned) / names).toFixed(2)}%); ${augmented} title-case headline copies, ${swapped} name-swapped copies`);

function score(weights: TaggerWeights, set: readonly { d: ConllDoc }[]): NameScores {
  const s = emptyScores();
  for (const { d } of set) {
    const { tokenizeText } = tokenize;
    const tokens = tokenizeText(d.text);
    const { names: found, prepared: p } = tagNames(d.text, tokens, d.sentences, weights);
    scoreNames(d.gold, found.map((n) => ({ ...nameSpan(p, n), type: CONLL_TYPES[n.klass]! })), s);
  }
  return s;
}
const tokenize = await import('../src/analyze/tokenize.js');
const f3 = (x: number): string => x.toFixed(3);
const line = (s: NameScores): string => `F1 ${f3(prf(s.all).f1)} (P ${f3(prf(s.all).precision)} R ${f3(prf(s.all).recall)}) ${CONLL_TYPES.map((t) => `${t} ${f3(prf(s.byType[t]).f1)}`).join(' ')} span ${f3(prf(s.span).f1)}`;

/**
 * K-fold cross-validation over the documents of eng.train (document i in fold i mod K; a fold's
 * copies leave with it): the tagger's figure on text that chose nothing, beside eng.testa's.
 */
const FOLDS = arg('cv', 0);
let cvLine = '';
if (FOLDS > 1) {
  const total = emptyScores();
  for (let k = 0; k < FOLDS; k++) {
    const w = train(docs.filter((_, i) => sourceOf[i]! % FOLDS !== k), { epochs: EPOCHS, seed: SEED });
    const q = quantise(w);
    const held = trainDocs.filter((_, i) => i % FOLDS === k).map((d) => ({ d }));
    const s = score({ table: q.table, transitions: q.transitions }, held);
    for (const key of ['all', 'span'] as const) for (const f of ['gold', 'found', 'right'] as const) total[key][f] += s[key][f];
    for (const t of CONLL_TYPES) for (const f of ['gold', 'found', 'right'] as const) total.byType[t][f] += s.byType[t][f];
    log(`fold ${k + 1}/${FOLDS}: ${line(s)}`);
  }
  cvLine = `${FOLDS}-fold cross-validation on eng.train (by document, pooled): ${line(total)}`;
  log(cvLine);
}

const epochLines: string[] = [];
const weights = train(docs, {
  epochs: EPOCHS,
  seed: SEED,
  onEpoch: (e, w) => {
    if (!args.includes('--every-epoch') && e !== EPOCHS - 1) return;
    const l = `epoch ${e + 1}: eng.testa ${line(score(w, devSet))}`;
    epochLines.push(l);
    log(l);
  },
});
const q = quantise(weights);
const shippedWeights: TaggerWeights = { table: q.table, transitions: q.transitions };
const dev = score(shippedWeights, devSet);
log(`int8 (shipped): eng.testa ${line(dev)}`);
const encoded = encodeTagger(q.table, q.transitions);
log(`weights: ${(encoded.rows.length / 1024 / 1024).toFixed(2)} MB of base64`);

if (!args.includes('--no-write')) {
  const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex').slice(0, 16);
  const out = new URL('../src/analyze/tagger/', import.meta.url);
  writeFileSync(
    new URL('weights.ts', out),
    `// Generated by scripts/train-entities.ts from CoNLL-2003 eng.train (sha256 ${sha(`${DATA}eng.train`)}); do not edit.\n` +
      `// Trained on Reuters news text (RCV1) that is licensed for research use only: these weights are\n` +
      `// for research use. See TRAINING.md beside this file.\n` +
      `import type { EncodedTagger } from './model.js';\n\n` +
      `export const ENTITY_WEIGHTS: EncodedTagger = {\n  bits: ${encoded.bits},\n  tags: ${encoded.tags},\n  transitions: ${JSON.stringify(encoded.transitions)},\n  rows: '${encoded.rows}',\n};\n`,
  );
  const byType = CONLL_TYPES.map((t) => {
    const m = prf(dev.byType[t]);
    return `| ${t} | ${f3(m.precision)} | ${f3(m.recall)} | ${f3(m.f1)} |`;
  }).join('\n');
  const all = prf(dev.all);
  writeFileSync(
    new URL('TRAINING.md', out),
    `# The entity tagger: training report (generated by scripts/train-entities.ts)

**Data.** CoNLL-2003 English, \`eng.train\` (${trainDocs.length} Reuters documents of 1996, ${names} names), read from
\`../shared/data/conll2003\` and given to crosscheck as text (detokenised, src/analyze/tagger/conll.ts), so the
tagger learns on crosscheck's own tokens. ${unaligned} names (${((100 * unaligned) / names).toFixed(2)}%) do not start
and end on our candidate tokens and are left out. Each document whose headlines are in capitals is also
trained once more with those headlines in title case (${augmented} copies), for web news headlines, and each
once more with about half of its names swapped for gazetteer names of the same class (${swapped} copies;
only the changed sentences are trained), so the gazetteer features learn from today's names.
**License: the Reuters text is for research use only (see the data's README); so are these weights.**

**Model.** Structured averaged perceptron, BILOU tags over PER/ORG/LOC/MISC, first-order Viterbi, ${FEATURE_COUNT}
hashed features per candidate token in 2^${TABLE_BITS} rows (features.ts), ${EPOCHS} epochs, seed ${SEED};
the averaged weights are rounded to int8 (scale ${q.scale.toPrecision(4)}).

**Development (eng.testa, never trained on; it chose the settings), the shipped int8 weights,
exact span + type:** F1 ${f3(all.f1)}, P ${f3(all.precision)}, R ${f3(all.recall)}; span alone ${f3(prf(dev.span).f1)}.

| type | P | R | F1 |
| --- | --- | --- | --- |
${byType}

${epochLines.map((l) => `- ${l}`).join('\n')}
${cvLine ? `\n**Held out (never tuned on):** ${cvLine}.\n` : ''}
The same figures through the whole entity stage (types, canonical ids): \`node --import tsx eval/entities-conll.ts\`.
`,
  );
  log('wrote src/analyze/tagger/weights.ts and TRAINING.md');
}
