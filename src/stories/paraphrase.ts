/**
 * Learned paraphrase groups: stems that news reports use for the same event ("acquir" / "buy",
 * "kill" / "die", "fire" / "sack"), learned by ./paraphrase-train.ts from the dev half of ECB+
 * (cross-document event chains) and shipped in ./paraphrases.data.ts (`npm run train:paraphrases`).
 * A stem in a group becomes the group's term ("p:acquir") in place of its own ("s:acquir"), as
 * the hand-written concept lexicon (./concepts.ts) does for its phrases, which take precedence.
 */
import { PARAPHRASE_GROUPS } from './paraphrases.data.js';

type Groups = readonly (readonly string[])[];

function tableOf(groups: Groups): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of groups) {
    const id = `p:${g[0] ?? ''}`;
    for (const s of g) if (!out.has(s)) out.set(s, id);
  }
  return out;
}

const SHIPPED = tableOf(PARAPHRASE_GROUPS);
let active: ReadonlyMap<string, string> = SHIPPED;

/** The term of a stem's paraphrase group ("p:kill"), or undefined when it is in none. */
export function paraphraseOf(stem: string): string | undefined {
  return active.get(stem);
}

/**
 * Which groups alignment uses: the shipped ones (undefined), none (null), or the given ones
 * (the cross-validation in eval/facts-ecbplus.ts trains on some topics and scores the others).
 */
export function useParaphrases(groups: Groups | null | undefined): void {
  active = groups === undefined ? SHIPPED : groups === null ? new Map() : tableOf(groups);
}
