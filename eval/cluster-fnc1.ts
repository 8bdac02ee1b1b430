/**
 * Story clustering on FNC-1: headlines and bodies ingested as articles (no dates). A related
 * pair (agree, disagree, discuss) should land in one story, an unrelated pair in two. Prints
 * both rates. A headline is paired with several bodies and a body with many headlines, so a
 * perfect partition cannot reach 1.0 on both (the related graph links different events).
 *   node --import tsx eval/cluster-fnc1.ts [--n PAIRS]
 */
import { createReadStream, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseCSVStream } from '../src/read/csv.js';
import { clusterRecords, fmt, type EvalRecord } from './cluster-common.js';

const DIR = fileURLToPath(new URL('../../shared/data/fnc1/', import.meta.url));
const nArg = process.argv.indexOf('--n');
const MAX_PAIRS = nArg > 0 ? Number(process.argv[nArg + 1]) : 10_000;

if (!existsSync(`${DIR}train_stances.csv`)) {
  console.log(`skipped: ${DIR} not found`);
  process.exit(0);
}
async function rows(path: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const row of parseCSVStream(createReadStream(path))) out.push(row);
  return out.slice(1);
}
const bodies = new Map((await rows(`${DIR}train_bodies.csv`)).map(([id, text]) => [id ?? '', text ?? '']));
const pairs = (await rows(`${DIR}train_stances.csv`)).slice(0, MAX_PAIRS).map(([headline, bodyId, stance]) => ({ headline: headline ?? '', bodyId: bodyId ?? '', stance: stance ?? '' }));
const records: EvalRecord[] = [];
const seen = new Set<string>();
const headlineId = (h: string): string => `h-${createHash('sha256').update(h).digest('hex').slice(0, 12)}`;
for (const p of pairs) {
  const hid = headlineId(p.headline);
  if (!seen.has(hid)) {
    seen.add(hid);
    records.push({ id: hid, text: p.headline });
  }
  const bid = `b-${p.bodyId}`;
  if (!seen.has(bid) && bodies.has(p.bodyId)) {
    seen.add(bid);
    records.push({ id: bid, text: bodies.get(p.bodyId) ?? '' });
  }
}
const { storyOf, summary } = await clusterRecords(records);
let related = 0;
let relatedTogether = 0;
let unrelated = 0;
let unrelatedApart = 0;
for (const p of pairs) {
  const a = storyOf.get(headlineId(p.headline));
  const b = storyOf.get(`b-${p.bodyId}`);
  if (a === undefined || b === undefined) continue;
  if (p.stance === 'unrelated') {
    unrelated++;
    if (a !== b) unrelatedApart++;
  } else {
    related++;
    if (a === b) relatedTogether++;
  }
}
console.log(`FNC-1: ${pairs.length} pairs, ${records.length} articles (headlines and bodies), ${summary.seconds.toFixed(1)} s`);
console.log('pairs       n      rate');
console.log(`related     ${String(related).padStart(6)}  ${fmt(relatedTogether / (related || 1))}  in the same story`);
console.log(`unrelated   ${String(unrelated).padStart(6)}  ${fmt(unrelatedApart / (unrelated || 1))}  in different stories`);
