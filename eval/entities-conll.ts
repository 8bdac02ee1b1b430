/**
 * Named entities on CoNLL-2003 English (../shared/data/conll2003), the shared task's metric:
 * exact span and type, micro-averaged, per type beside it, and span alone. The text is given to
 * crosscheck as text (detokenised, one sentence a line, see src/analyze/tagger/conll.ts) and read
 * by its own tokenizer, so the figures are those of the pipeline, not of CoNLL's tokens. Our types
 * are scored as CoNLL's: person PER, org ORG, place LOC, group and misc MISC.
 *
 * eng.testa is the development file: the tagger's settings were chosen on it, the weights were
 * trained on eng.train only (the held-out eng.testb checks the work). Floors: eval/floors.json,
 * key "entities-conll-testa"; the script exits 1 below a floor.
 *
 *   node --import tsx eval/entities-conll.ts            eng.testa
 *   node --import tsx eval/entities-conll.ts --file eng.train --docs 100
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findEntitiesIn } from '../src/analyze/entities.js';
import { tokenizeText } from '../src/analyze/tokenize.js';
import { CONLL_TYPES, conllTypeOf, emptyScores, prf, readConll, scoreNames, type GoldName } from '../src/analyze/tagger/conll.js';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const file = arg('file') ?? 'eng.testa';
const path = fileURLToPath(new URL(`../../shared/data/conll2003/${file}`, import.meta.url));
const docs = readConll(path);
if (docs === null) {
  console.error(`*** SKIPPED: ${path} not found (CoNLL-2003 lives in ../shared/data/conll2003) ***`);
  process.exit(2);
}
const limit = Number(arg('docs') ?? docs.length);

const scores = emptyScores();
const started = performance.now();
let bytes = 0;
for (const doc of docs.slice(0, limit)) {
  const tokens = tokenizeText(doc.text);
  const found: GoldName[] = findEntitiesIn('conll', doc.text, tokens, doc.sentences).map((e) => ({ start: e.span.start, end: e.span.end, type: conllTypeOf(e.type) }));
  scoreNames(doc.gold, found, scores);
  bytes += doc.text.length;
}
const ms = performance.now() - started;

const f = (x: number): string => x.toFixed(3);
console.log(`CoNLL-2003 ${file}: ${Math.min(limit, docs.length)} documents, ${scores.all.gold} names (exact span + type)\n`);
console.log('type   gold  found  prec.  recall F1');
const row = (name: string, s: { gold: number; found: number; right: number }): string => {
  const m = prf(s);
  return `${name.padEnd(5)} ${String(s.gold).padStart(5)} ${String(s.found).padStart(6)}  ${f(m.precision)}  ${f(m.recall)}  ${f(m.f1)}`;
};
for (const t of CONLL_TYPES) console.log(row(t, scores.byType[t]));
console.log(row('all', scores.all));
console.log(row('span', scores.span));
console.log(`\n${(ms / 1000).toFixed(2)} s (tokenize + entities, ${((bytes / 1024 / 1024) / (ms / 1000)).toFixed(1)} MB/s)`);

if (file === 'eng.testa' && !arg('docs')) {
  const floors = (JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as Record<string, Record<string, number>>)['entities-conll-testa'];
  if (floors) {
    const got: Record<string, number> = { f1: prf(scores.all).f1, spanF1: prf(scores.span).f1 };
    for (const t of CONLL_TYPES) got[`f1${t}`] = prf(scores.byType[t]).f1;
    const below = Object.entries(floors).filter(([k, v]) => typeof v === 'number' && (got[k] ?? 0) < v);
    for (const [k, v] of below) console.error(`below the floor: ${k} ${f(got[k] ?? 0)} < ${v}`);
    if (below.length > 0) process.exit(1);
    console.log('floors (eval/floors.json entities-conll-testa): met');
  }
}
