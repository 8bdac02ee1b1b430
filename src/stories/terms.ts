/**
 * Features of a stretch of text for alignment: entity keys ("e:joseph-yun"), concepts from
 * the lexicon ("c:prisoner"), learned paraphrase groups ("p:acquir", ./paraphrase.ts) and stems
 * of other content words ("s:broach"). Entity mentions
 * win over the lexicon, the lexicon over plain stems; stop words give nothing.
 */
import { isPersonLike, isTitleWord, phraseAt, type Mention } from './names.js';
import type { Prepared } from './prepare.js';
import { paraphraseOf } from './paraphrase.js';
import { stem } from './stem.js';
import { numberValue } from './stance.js';
import { STOPWORDS, isContentWord } from './words.js';

const SELF_REPORT = /^\s*(?:that\s+)?(?:it|they|he|she|we)\b/i;

const RANGES = new WeakMap<Prepared, { start: number; end: number }[]>();

/** The attributing words of an article, sorted: each cue and what lies between its source and it. */
function attributionRanges(p: Prepared): { start: number; end: number }[] {
  let out = RANGES.get(p);
  if (!out) {
    out = p.article.attributions
      .map((a) => {
        // The cue, and what stands between the source and its cue ("who spoke on condition of
        // anonymity"); the source itself stays, since it is often the actor too ("The
        // commission said it had opened an investigation").
        const src = a.source?.span;
        if (!src) return { start: a.span.start, end: a.span.end };
        // "according to the state official", "said the senior official": a source named after
        // its cue stands outside what is claimed.
        const sourceAfterCue = src.end >= a.span.end && src.start > a.span.start;
        if (sourceAfterCue) return { start: a.span.start, end: src.end };
        // "The commission said it had opened an investigation": the source is also the actor
        // when the reported clause goes on with a pronoun for it; then only the cue is left out.
        const next = p.article.text.slice(a.span.end, a.span.end + 24);
        if (SELF_REPORT.test(next)) return { start: src.end, end: Math.max(a.span.end, src.end) };
        // "Company founder Mara Velt, who set up the firm in 1998, said": a relative clause about
        // the source is a fact of its own, with the source as its actor (unless it only says why
        // the source is unnamed); only the cue after the clause stays out
        const clause = backgroundClause(p.article.text, src.start, a.span.end);
        if (clause) return { start: clause.end, end: Math.max(a.span.end, src.end) };
        return { start: Math.min(src.start, a.span.start), end: Math.max(a.span.end, src.end) };
      })
      .sort((x, y) => x.start - y.start);
    RANGES.set(p, out);
  }
  return out;
}

/** Words of a relative clause that only explain an unnamed source ("who spoke on condition of anonymity"). */
const ANONYMITY_CLAUSE = /\b(?:anonymity|anonymously|named|identified|authori[sz]ed|publicly)\b/i;
const RELATIVE_CLAUSE = /,\s*(?:who|which)\s[^,]*,/;

/** The ", who …," clause inside text[start, end) that tells a fact about the source, or null. */
export function backgroundClause(text: string, start: number, end: number): { start: number; end: number } | null {
  const m = RELATIVE_CLAUSE.exec(text.slice(start, end));
  if (!m || ANONYMITY_CLAUSE.test(m[0])) return null;
  return { start: start + m.index, end: start + m.index + m[0].length };
}

export function isInRanges(ranges: readonly { start: number; end: number }[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ranges[mid]?.start ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  // Ranges may nest or overlap: look back a few.
  for (let k = lo - 1; k >= 0 && k >= lo - 4; k--) {
    const r = ranges[k];
    if (r && r.start <= offset && offset < r.end) return true;
  }
  return false;
}

const NONE_WORDS: ReadonlySet<string> = new Set(['no', 'nobody', 'none', 'noone', 'nothing']);

/** The word after a run of capitalised titles from word `i` ("Secretary of State"), when a person's name starts there; else -1. */
function titleRunEnd(p: Prepared, i: number, last: number, m: number): number {
  const mentions = p.mentions;
  // Written as one name: a space between the words ("Dr. Regina Benjamin": an abbreviation's
  // stop too), never a comma ("the U.S. Surgeon General, Regina Benjamin" names an office).
  const joined = (k: number): boolean => /^\.?\s$/.test(p.article.text.slice(p.words[k - 1]?.end ?? 0, p.words[k]?.start ?? 0));
  let k = i;
  while (k < last && (k === i || joined(k)) && ((p.words[k]?.isCapitalised && isTitleWord(p.words[k]?.norm ?? '')) || (k > i && p.words[k]?.norm === 'of'))) k++;
  if (k === i || p.words[k - 1]?.norm === 'of' || !joined(k)) return -1;
  for (let j = m; j < mentions.length && (mentions[j]?.first ?? Infinity) <= k; j++) {
    const x = mentions[j];
    if (x && x.first === k && x.last <= last && isPersonLike(x.type)) return k;
  }
  return -1;
}

/**
 * Features of words [first, last) of an article; `merge` maps one-word names to full names.
 * `mentions` (sorted by first word) replaces the article's names, for a title-case headline.
 */
export function termsOf(p: Prepared, first: number, last: number, merge: ReadonlyMap<string, string>, mentions: readonly Mention[] = p.mentions, questions = true): Set<string> {
  const out = new Set<string>();
  let m = mentions === p.mentions ? firstMentionFrom(p, first) : 0;
  let i = first;
  const ranges = attributionRanges(p);
  while (i < last) {
    // Saying is not what was said: "a senior port official who spoke on condition of anonymity
    // told the Courier" must not make a fact about speaking match another.
    if (ranges.length > 0 && isInRanges(ranges, p.words[i]?.start ?? 0)) {
      i++;
      continue;
    }
    while (m < mentions.length && (mentions[m]?.first ?? Infinity) < i) m++;
    const mention = mentions[m];
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
    // An embedded question asserts nothing of its content: "did not say whether the captain had
    // raised concerns before the ferry sailed" says nothing of concerns or sailing, and "whether
    // to sail" nothing of sailing. Without `questions`, its words give no terms up to the clause's end.
    if (!questions && w.norm === 'whether' && isOpenQuestion(p, i)) {
      i = embeddedQuestionEnd(p, i, last);
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
    else if (isContentWord(w)) {
      // A stem in a learned paraphrase group ("acquir" / "buy") counts as its group.
      const s = stem(w.norm);
      out.add(paraphraseOf(s) ?? `s:${s}`);
    }
    i++;
  }
  return out;
}

// What ends a clause between two words.
const CLAUSE_BREAK = /[,;:()\u2013\u2014"\u201c\u201d]/;

/**
 * The word after the embedded question that opens with "whether" at word `at` (before `last`):
 * "whether to VERB" ends after its verb; a finite clause ("whether the police had asked ...")
 * at the next clause break (a comma, a dash, a quote mark) or at `last`.
 */
function embeddedQuestionEnd(p: Prepared, at: number, last: number): number {
  if (p.words[at + 1]?.norm === 'to') return Math.min(last, at + 3);
  const text = p.article.text;
  let i = at + 1;
  while (i < last) {
    const prev = p.words[i - 1];
    const w = p.words[i];
    if (!prev || !w || CLAUSE_BREAK.test(text.slice(prev.end, w.start))) break;
    i++;
  }
  return i;
}

// Words that leave the question after them open: saying, knowing or asking it, not deciding
// it ("did not say whether", "it is unclear whether", "asked whether"; but "agencies decide
// whether a project harms a species" says what the agencies do about that).
const OPEN_QUESTION_CUES = new Set(['say', 'said', 'says', 'saying', 'know', 'knew', 'known', 'knows', 'clear', 'unclear', 'confirm', 'confirmed', 'tell', 'told', 'disclose', 'disclosed', 'reveal', 'revealed', 'comment', 'ask', 'asked', 'asking', 'wonder', 'wondered', 'sure', 'certain', 'explain', 'learn', 'see', 'question', 'questions']);

/** True when the "whether" at word `at` opens its sentence or follows (within three words) a cue of an open question. */
function isOpenQuestion(p: Prepared, at: number): boolean {
  const text = p.article.text;
  const w = p.words[at];
  if (!w) return false;
  const before = text.slice(Math.max(0, w.start - 3), w.start);
  if (at === 0 || (/[.!?"\u201c]\s*$/.test(before) && /^[A-Z]/.test(text.slice(w.start, w.start + 1)))) return true;
  for (let k = at - 1; k >= 0 && k >= at - 3; k--) if (OPEN_QUESTION_CUES.has(p.words[k]?.norm ?? '')) return true;
  return false;
}

/** The terms of words [first, last) that only its embedded questions ("whether ...") have. */
export function questionTerms(p: Prepared, first: number, last: number, merge: ReadonlyMap<string, string>): Set<string> | null {
  let any = false;
  for (let i = first; i < last && !any; i++) any = p.words[i]?.norm === 'whether';
  if (!any) return null;
  const own = termsOf(p, first, last, merge, p.mentions, false);
  const out = new Set([...termsOf(p, first, last, merge)].filter((t) => !own.has(t)));
  return out.size > 0 ? out : null;
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

/** Index of the first entity mention at or after word `word` (mentions are sorted by their first word). */
export function firstMentionFrom(p: Prepared, word: number): number {
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

// A headline is title case when at least this share of its content words (and three) are capitalised.
const TITLE_CASE_SHARE = 0.75;

/** True when words [first, last) are written in title case ("Lindsay Lohan Checks Into Rehab"). */
export function isTitleCase(p: Prepared, first: number, last: number): boolean {
  let content = 0;
  let capitalised = 0;
  for (let i = first; i < last; i++) {
    const w = p.words[i];
    if (!w || w.isNumber || STOPWORDS.has(w.norm) || w.norm.length < 2) continue;
    content++;
    if (w.isCapitalised) capitalised++;
  }
  return content >= 3 && capitalised >= TITLE_CASE_SHARE * content;
}

// Longest name, in words, looked for in a headline.
const MAX_NAME_WORDS = 6;

const BODY_NAMES = new WeakMap<Prepared, Map<string, string>>();

/**
 * The names of an article's body sentences by their words ("lindsay lohan" -> its key), and
 * each longer name's first two or more words ("betty ford" -> "betty-ford-center").
 */
function bodyNames(p: Prepared): Map<string, string> {
  let out = BODY_NAMES.get(p);
  if (out) return out;
  out = new Map();
  let si = 0;
  for (const m of p.mentions) {
    const at = p.words[m.first]?.start ?? 0;
    while (si < p.sentences.length && (p.sentences[si]?.end ?? Infinity) <= at) si++;
    if (!p.isBody[si] || m.last - m.first > MAX_NAME_WORDS) continue;
    const words: string[] = [];
    for (let k = m.first; k < m.last; k++) words.push(p.words[k]?.norm ?? '');
    for (let n = words.length; n >= Math.min(2, words.length); n--) {
      const key = words.slice(0, n).join(' ');
      if (!out.has(key)) out.set(key, m.key);
    }
  }
  BODY_NAMES.set(p, out);
  return out;
}

/**
 * Terms of a title-case headline ("Lindsay Lohan Check Into Betty Ford After Fleeing Other Rehab
 * Facility"): names found by their capitals swallow its verbs (one "name" of six words), so its
 * names are instead the body's names it repeats word for word, and every other word a plain word.
 */
export function headlineTermsOf(p: Prepared, first: number, last: number, merge: ReadonlyMap<string, string>): Set<string> {
  const names = bodyNames(p);
  const mentions: Mention[] = [];
  for (let i = first; i < last; ) {
    let found = 0;
    let key = '';
    let words = '';
    for (let n = 1; n <= MAX_NAME_WORDS && i + n <= last; n++) {
      words = n === 1 ? (p.words[i]?.norm ?? '') : `${words} ${p.words[i + n - 1]?.norm ?? ''}`;
      const k = names.get(words);
      if (k !== undefined) {
        found = n;
        key = k;
      }
    }
    if (found > 0) {
      mentions.push({ first: i, last: i + found, key, type: 'name' });
      i += found;
    } else i++;
  }
  return termsOf(p, first, last, merge, mentions);
}

/**
 * The terms of the capitalised titles right before a person's name in words [first, last)
 * ("President Donald Trump", "Secretary of State Rex Tillerson"): part of how the name is written,
 * so alignment does not count them as what a pair says (align.ts, ALIGN.titlesNoPredicate).
 * Null when there are none.
 */
export function titleTermsOf(p: Prepared, first: number, last: number, merge: ReadonlyMap<string, string>): Set<string> | null {
  let out: Set<string> | null = null;
  let m = firstMentionFrom(p, first);
  for (let i = first; i < last; i++) {
    const w = p.words[i];
    if (!w?.isCapitalised || !isTitleWord(w.norm)) continue;
    while (m < p.mentions.length && (p.mentions[m]?.first ?? Infinity) < i) m++;
    const end = titleRunEnd(p, i, last, m);
    if (end <= i) continue;
    out ??= new Set<string>();
    for (const t of termsOf(p, i, end, merge)) out.add(t);
    i = end - 1;
  }
  return out;
}
