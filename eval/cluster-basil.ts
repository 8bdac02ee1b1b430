/**
 * Story clustering on BASIL: events each told by Fox, NYT and HuffPost; an article's story is
 * its `triplet-uuid`. Prints B-cubed precision, recall and F1 of `ingest`'s story assignment
 * (goal: F1 >= 0.98), in file order and in a shuffled order (order-robustness).
 *   node --import tsx eval/cluster-basil.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bcubed, clusterRecords, fmt, shuffled, type EvalRecord } from './cluster-common.js';

const DIR = fileURLToPath(new URL('../../shared/data/basil/articles', import.meta.url));

interface BasilArticle {
  source: string;
  title: string;
  date: string;
  uuid: string;
  'triplet-uuid': string;
  'body-paragraphs': string[][];
}

export function loadBasil(dir = DIR): { records: EvalRecord[]; gold: Map<string, string> } {
  const records: EvalRecord[] = [];
  const gold = new Map<string, string>();
  for (const year of readdirSync(dir).sort()) {
    for (const name of readdirSync(join(dir, year)).sort()) {
      if (!name.endsWith('.json')) continue;
      const a = JSON.parse(readFileSync(join(dir, year, name), 'utf8')) as BasilArticle;
      const body = a['body-paragraphs'].map((p) => p.join(' ')).join('\n\n');
      records.push({ id: a.uuid, title: a.title, outlet: a.source, publishedAt: a.date, text: `${a.title}\n\n${body}` });
      gold.set(a.uuid, a['triplet-uuid']);
    }
  }
  return { records, gold };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(DIR)) {
    console.log(`skipped: ${DIR} not found`);
    process.exit(0);
  }
  const { records, gold } = loadBasil();
  console.log(`BASIL: ${records.length} articles, ${new Set(gold.values()).size} events (triplet-uuid)`);
  console.log('order      precision  recall  B3-F1  stories  seconds');
  for (const [name, order] of [['file', records], ['shuffled', shuffled(records, 7)], ['reversed', [...records].reverse()]] as const) {
    const { storyOf, summary } = await clusterRecords(order);
    const s = bcubed(gold, storyOf);
    console.log(`${name.padEnd(9)}  ${fmt(s.precision).padStart(9)}  ${fmt(s.recall).padStart(6)}  ${fmt(s.f1)}  ${String(new Set(storyOf.values()).size).padStart(7)}  ${summary.seconds.toFixed(1).padStart(7)}`);
  }
  console.log('goal: B3-F1 >= 0.98');
}
