/**
 * Learns paraphrase groups (./paraphrase.ts) from documents with cross-document event chains
 * (ECB+): two stems are paraphrases when mentions of one event chain use both ("acquired" and
 * "buy" for one takeover) in enough different topics, so that a pair one story happens to use
 * ("struck" / "quake") does not count as a general paraphrase. Pairs are joined into groups,
 * strongest first, with a group never growing past `maxGroup` stems (no chaining of everything
 * into one "happen" group). Deterministic: ties break on the stems.
 */
import { stem } from './stem.js';
import { STOPWORDS } from './words.js';

export interface ChainDoc {
  topic: number;
  /** Action mentions: their words (lower case), their chain id, and whether they are reporting verbs. */
  actionMentions: readonly { words: string; chain: string; reporting: boolean }[];
}

// Tuned by cross-validation across ECB+ dev topics (eval/facts-ecbplus.ts).
export const PARAPHRASE_TRAINING = {
  /** A pair must be seen in the chains of at least this many topics. */
  minTopics: 3,
  /** ...and its chain count over the geometric mean of its stems' chain counts this high. */
  minAssociation: 0.08,
  /** Largest group. */
  maxGroup: 6,
} as const;

const WORD = /^[a-z][a-z'-]{2,}$/;

export function trainParaphrases(docs: readonly ChainDoc[], options: { minTopics?: number; minAssociation?: number; maxGroup?: number } = {}): string[][] {
  const o = { ...PARAPHRASE_TRAINING, ...options };
  // Per chain (topic-scoped id), its stems.
  const chains = new Map<string, { topic: number; stems: Set<string> }>();
  for (const d of docs) {
    for (const m of d.actionMentions) {
      if (m.reporting) continue;
      const key = `${d.topic}|${m.chain}`;
      const entry = chains.get(key) ?? { topic: d.topic, stems: new Set<string>() };
      // The last content word of the mention: "opened fire" is a firing, not an opening.
      const head = m.words.split(' ').filter((w) => WORD.test(w) && !STOPWORDS.has(w)).pop();
      if (head) entry.stems.add(stem(head));
      chains.set(key, entry);
    }
  }
  const stemChains = new Map<string, number>();
  const pairTopics = new Map<string, Set<number>>();
  const pairChains = new Map<string, number>();
  for (const { topic, stems } of chains.values()) {
    const list = [...stems].sort();
    for (const s of list) stemChains.set(s, (stemChains.get(s) ?? 0) + 1);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = `${list[i]}|${list[j]}`;
        const topics = pairTopics.get(key) ?? new Set<number>();
        topics.add(topic);
        pairTopics.set(key, topics);
        pairChains.set(key, (pairChains.get(key) ?? 0) + 1);
      }
    }
  }
  const pairs: { a: string; b: string; strength: number }[] = [];
  for (const [key, topics] of pairTopics) {
    if (topics.size < o.minTopics) continue;
    const [a, b] = key.split('|') as [string, string];
    const association = (pairChains.get(key) ?? 0) / Math.sqrt((stemChains.get(a) ?? 1) * (stemChains.get(b) ?? 1));
    if (association < o.minAssociation) continue;
    pairs.push({ a, b, strength: topics.size + association });
  }
  pairs.sort((x, y) => y.strength - x.strength || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
  // Union of groups, capped in size.
  const groupOf = new Map<string, string[]>();
  for (const { a, b } of pairs) {
    const ga = groupOf.get(a);
    const gb = groupOf.get(b);
    if (ga && ga === gb) continue;
    const merged = [...(ga ?? [a]), ...(gb ?? [b])];
    if (merged.length > o.maxGroup) continue;
    for (const s of merged) groupOf.set(s, merged);
  }
  const groups = [...new Set(groupOf.values())].map((g) => [...g].sort());
  return groups.sort((x, y) => ((x[0] ?? '') < (y[0] ?? '') ? -1 : 1));
}
