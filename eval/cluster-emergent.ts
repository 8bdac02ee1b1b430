/**
 * Story clustering on Emergent: each article headline is taken as a short article (no date),
 * its story the claim it reports (`claimId`). Prints B-cubed precision, recall and F1.
 * Headlines are short and word the claim in many ways, so this is far harder than BASIL.
 *   node --import tsx eval/cluster-emergent.ts
 */
import { createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCSVStream } from '../src/read/csv.js';
import { bcubed, clusterRecords, fmt, type EvalRecord } from './cluster-common.js';

const FILE = fileURLToPath(new URL('../../shared/data/emergent/train.csv', import.meta.url));

if (!existsSync(FILE)) {
  console.log(`skipped: ${FILE} not found`);
  process.exit(0);
}
const records: EvalRecord[] = [];
const gold = new Map<string, string>();
let header: string[] | null = null;
for await (const row of parseCSVStream(createReadStream(FILE))) {
  if (!header) {
    header = row;
    continue;
  }
  const get = (name: string): string => row[header?.indexOf(name) ?? -1] ?? '';
  const id = get('articleId');
  const headline = get('articleHeadline').trim();
  if (!id || !headline || gold.has(id)) continue;
  records.push({ id, text: headline });
  gold.set(id, get('claimId'));
}
const { storyOf, summary } = await clusterRecords(records);
const s = bcubed(gold, storyOf);
console.log(`Emergent: ${records.length} headlines, ${new Set(gold.values()).size} claims (claimId); ${summary.new} ingested, ${summary.failed} failed, ${summary.duplicates} duplicate texts`);
console.log('precision  recall  B3-F1  stories');
console.log(`${fmt(s.precision).padStart(9)}  ${fmt(s.recall).padStart(6)}  ${fmt(s.f1)}  ${String(new Set(storyOf.values()).size).padStart(7)}`);
