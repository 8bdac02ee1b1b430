/**
 * Features of a stretch of text for alignment: entity keys ("e:joseph-yun"), concepts from
 * the lexicon ("c:prisoner") and stems of other content words ("s:broach"). Entity mentions
 * win over the lexicon, the lexicon over plain stems; stop words give nothing.
 */
import { phraseAt } from './names.js';
import type { Prepared } from './prepare.js';
import { stem } from './stem.js';
import { numberValue } from './stance.js';
import { STOPWORDS, isContentWord } from './words.js';

const NONE_WORDS: ReadonlySet<string> = new Set(['no', 'nobody', 'none', 'noone', 'nothing']);

/** Features of words [first, last) of an article; `merge` maps one-word names to full names. */
export function termsOf(p: Prepared, first: number, last: number, merge: ReadonlyMap<string, string>): Set<string> {
  const out = new Set<string>();
  let m = firstMentionFrom(p, first);
  let i = first;
  while (i < last) {
    while (m < p.mentions.length && (p.mentions[m]?.first ?? Infinity) < i) m++;
    const mention = p.mentions[m];
    if (mention && mention.first === i && mention.last <= last) {
      out.add(`e:${merge.get(mention.key) ?? mention.key}`);
      i = mention.last;
      continue;
    }
    const w = p.words[i];
    if (!w) break;
    // "No deaths were reported" / "Nobody died" / "No one was killed": the negative
    // quantifier is part of what is claimed, and "no one" is not the number one.
    if (NONE_WORDS.has(w.norm)) {
      out.add('c:none');
      i += w.norm === 'no' && p.words[i + 1]?.norm === 'one' ? 2 : 1;
      continue;
    }
    const phrase = cachedPhraseAt(p, i, last);
    if (phrase && (phrase.length > 1 || !STOPWORDS.has(w.norm))) {
      out.add(phrase.id);
      for (const id of phrase.also) out.add(id);
      i += phrase.length;
      continue;
    }
    // Numbers are strong evidence of the same fact ("212 passengers" / "all 212 passengers"),
    // written as digits or words alike.
    const value = numberValue(w);
    if (value !== undefined) out.add(`n:${value}`);
    else if (isContentWord(w)) out.add(`s:${stem(w.norm)}`);
    i++;
  }
  return out;
}

// Phrase matches per article and word (unbounded by the unit's end): units overlap, so the
// same words are looked up many times.
const PHRASES = new WeakMap<Prepared, (ReturnType<typeof phraseAt> | undefined)[]>();

function cachedPhraseAt(p: Prepared, i: number, last: number): ReturnType<typeof phraseAt> {
  let cache = PHRASES.get(p);
  if (!cache) {
    cache = new Array<ReturnType<typeof phraseAt> | undefined>(p.words.length);
    PHRASES.set(p, cache);
  }
  let m = cache[i];
  if (m === undefined) {
    m = phraseAt(p.article.text, p.words, i, p.words.length);
    cache[i] = m;
  }
  if (m === null || i + m.length <= last) return m;
  return phraseAt(p.article.text, p.words, i, last);
}

function firstMentionFrom(p: Prepared, word: number): number {
  let lo = 0;
  let hi = p.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((p.mentions[mid]?.first ?? 0) < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function isEntityTerm(term: string): boolean {
  return term.startsWith('e:');
}
