/**
 * Stance cue words (our own lists, written for this model; matched on lower-cased surface forms).
 * Tuned by looking at which FNC-1 training bodies (train part only) the model got wrong, not
 * copied from any published lexicon. Multi-word cues are matched as token sequences.
 */

/** Words that say a claim is false or made up. */
export const REFUTE = [
  'fake', 'fakes', 'faked', 'hoax', 'hoaxes', 'hoaxer', 'false', 'falsely', 'untrue', 'debunk', 'debunked', 'debunks', 'debunking',
  'fabricated', 'fabrication', 'fabricate', 'made up', 'myth', 'bogus', 'fraud', 'fraudulent', 'phony', 'phoney', 'sham',
  'misleading', 'misreported', 'misinformation', 'disinformation', 'not true', 'no truth', 'no evidence', 'baseless', 'unfounded',
  'satire', 'satirical', 'parody', 'prank', 'pranked', 'joke', 'doctored', 'photoshopped', 'photoshop', 'staged', 'scam',
  'retract', 'retracted', 'retraction', 'correction', 'wrong', 'incorrect', 'inaccurate', 'nonsense', 'ridiculous', 'absurd',
  'lie', 'lies', 'lied', 'liar', 'lying', 'spoof', 'conspiracy', 'rumour has been', 'turned out', 'actually',
];

/** Words that deny: someone says it did not happen. */
export const DENY = [
  'deny', 'denies', 'denied', 'denying', 'denial', 'dismiss', 'dismissed', 'dismisses', 'reject', 'rejected', 'rejects',
  'refute', 'refuted', 'refutes', 'dispute', 'disputed', 'disputes', 'contradict', 'contradicted', 'contradicts',
  'rebut', 'rebutted', 'rubbish', 'nothing to do', 'no plans', 'never', 'not dead', 'alive and well', 'is alive', 'still alive',
  'shot down', 'put to rest', 'laughed off', 'no such',
];

/** Words that hedge: the claim is reported, not vouched for. */
export const HEDGE = [
  'reportedly', 'allegedly', 'alleged', 'alleges', 'purportedly', 'purported', 'apparently', 'supposedly', 'rumor', 'rumors',
  'rumour', 'rumours', 'rumoured', 'rumored', 'unconfirmed', 'unverified', 'claim', 'claims', 'claimed', 'claiming',
  'may', 'might', 'could', 'possibly', 'possible', 'perhaps', 'likely', 'unclear', 'speculation', 'speculate', 'speculated',
  'suggest', 'suggests', 'suggested', 'appears', 'appear', 'seems', 'seem', 'believed', 'thought to', 'said to', 'if true',
  'cannot be verified', 'could not be verified', 'not yet confirmed', 'not confirmed', 'whether', 'question', 'questions',
  'according', 'sources', 'source', 'report', 'reports', 'reported', 'circulating', 'viral', 'went viral',
];

/** Words that vouch: the claim is confirmed. */
export const CONFIRM = [
  'confirmed', 'confirms', 'confirm', 'confirming', 'confirmation', 'official', 'officially', 'announced', 'announces',
  'revealed', 'reveals', 'proof', 'proven', 'proved', 'verified', 'indeed', 'true', 'real', 'genuine', 'authentic',
  'evidence', 'footage', 'video shows', 'photos show', 'statement', 'admitted', 'admits', 'acknowledged',
];

/** Negations (their nearness to the headline's words is a feature). */
export const NEGATION = ['not', 'no', "n't", 'never', 'neither', 'nor', 'none', 'nothing', 'nobody', 'without', 'cannot', "can't", "won't", "didn't", "isn't", "wasn't", "doesn't", "don't", "hasn't", "haven't", "aren't", "weren't"];

/** Attribution verbs (quoted or reported speech). */
export const ATTRIBUTION = ['said', 'says', 'told', 'stated', 'according', 'tweeted', 'wrote', 'posted', 'spokesman', 'spokeswoman', 'spokesperson'];

export interface CueSet {
  single: ReadonlySet<string>;
  /** Multi-word cues as arrays of words, keyed by their first word. */
  multi: ReadonlyMap<string, readonly string[][]>;
}

export function cueSet(words: readonly string[]): CueSet {
  const single = new Set<string>();
  const multi = new Map<string, string[][]>();
  for (const w of words) {
    const parts = w.split(' ');
    if (parts.length === 1) single.add(w);
    else {
      const list = multi.get(parts[0] ?? '') ?? [];
      list.push(parts);
      multi.set(parts[0] ?? '', list);
    }
  }
  return { single, multi };
}

export const CUES = {
  refute: cueSet(REFUTE),
  deny: cueSet(DENY),
  hedge: cueSet(HEDGE),
  confirm: cueSet(CONFIRM),
  negation: cueSet(NEGATION),
  attribution: cueSet(ATTRIBUTION),
} as const;

export type CueKind = keyof typeof CUES;
export const CUE_KINDS = Object.keys(CUES) as CueKind[];

/** Positions (token indexes) where a cue of this set starts in a list of lower-cased words. */
export function cueHits(words: readonly string[], set: CueSet): number[] {
  const hits: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (set.single.has(w)) {
      hits.push(i);
      continue;
    }
    const multi = set.multi.get(w);
    if (!multi) continue;
    for (const parts of multi) {
      let ok = true;
      for (let k = 1; k < parts.length; k++) if (words[i + k] !== parts[k]) { ok = false; break; }
      if (ok) { hits.push(i); break; }
    }
  }
  return hits;
}
