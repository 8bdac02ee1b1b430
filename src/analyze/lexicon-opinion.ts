/**
 * Word lists for hedges, intensifiers, the author's first person and the opinion cues of
 * opinion.ts. Our own lists, written for crosscheck (no third-party lexicon copied). Each table
 * maps a word or phrase (matched on token norms, see signal-words.ts) to a weight in (0, 1].
 * Weights were set by hand on the seed articles and checked on the BABE development half
 * (`node --import tsx eval/opinion-babe.ts`).
 */
import { PhraseTable, verbForms } from './signal-words.js';

export interface Cue {
  weight: number;
  lemma: string;
}

function table(groups: readonly (readonly [number, readonly string[]])[]): PhraseTable<Cue> {
  const t = new PhraseTable<Cue>();
  for (const [weight, words] of groups) for (const w of words) t.add(w, { weight, lemma: w });
  return t;
}

/**
 * Hedges: the writer (or a source) does not stand behind the statement. "may", "might" and
 * "could" are hedges only as modals; signals.ts checks the word after them.
 */
export const HEDGES: PhraseTable<Cue> = table([
  [0.8, ['reportedly', 'allegedly', 'purportedly', 'supposedly', 'unconfirmed', 'unverified', 'rumored', 'rumoured', 'sources say', 'sources said', 'according to sources', 'sources familiar with', 'could not be independently verified', 'could not be verified']],
  [0.6, ['apparently', 'ostensibly', 'seemingly', 'possibly', 'perhaps', 'maybe', 'presumably', 'appears to', 'appear to', 'appeared to', 'seems to', 'seem to', 'seemed to', 'is believed to', 'are believed to', 'was believed to', 'were believed to', 'it is believed', 'it\'s believed', 'it was believed', 'it is thought', 'it was thought', 'it is understood', 'it is feared', 'it was feared', 'it is alleged', 'it is suspected', 'it is assumed', 'it is estimated', 'is feared to', 'is suspected of', 'are suspected of', 'believed to be', 'thought to be', 'is thought to', 'are thought to', 'is said to', 'are said to', 'was said to', 'is understood to', 'are understood to', 'is reported to', 'are reported to', 'was reported to', 'were reported to', 'is alleged to', 'are alleged to', 'was alleged to', 'were alleged to', 'were said to', 'was thought to', 'were thought to', 'it is possible', 'it\'s possible', 'it is unclear', 'it\'s unclear', 'it was unclear', 'it is not clear', 'not immediately clear', 'speculated', 'speculation', 'alleged', 'claimed to']],
  [0.4, ['may', 'might', 'could', 'suggests', 'suggested', 'suggesting', 'indicates', 'indicated', 'likely', 'unlikely', 'probably', 'potentially', 'it seems', 'it appears', 'in theory', 'assuming', 'estimated', 'an estimated', 'roughly', 'some say', 'critics say', 'some believe']],
]);

/** Intensifiers: words that turn up the volume without adding a fact. */
export const INTENSIFIERS: PhraseTable<Cue> = table([
  [0.6, ['of course', 'clearly', 'obviously', 'undoubtedly', 'undeniably', 'unquestionably', 'certainly', 'definitely', 'absolutely', 'utterly', 'totally', 'literally', 'truly', 'actually', 'indeed', 'surely', 'needless to say', 'without a doubt', 'no doubt', 'beyond doubt', 'plainly', 'frankly', 'honestly', 'simply put']],
  [0.4, ['angrily', 'aggressively', 'constantly', 'secretly', 'basically', 'essentially', 'pretty much', 'finally', 'openly', 'shamelessly', 'blindly', 'conveniently', 'supposedly', 'brazenly', 'very', 'extremely', 'incredibly', 'really', 'completely', 'entirely', 'deeply', 'hugely', 'massively', 'remarkably', 'exceptionally', 'awfully', 'seriously', 'desperately', 'painfully', 'woefully', 'sorely', 'downright', 'outright', 'sheer', 'utter', 'even more', 'so much', 'by far', 'at all', 'whatsoever', 'ever']],
]);

/** The author speaking as themself ("I", "we", "our", "one can"): checked outside quotes. */
export const FIRST_PERSON: PhraseTable<Cue> = table([
  [0.7, ['i', 'me', 'my', 'mine', 'myself', 'i\'m', 'i\'ve', 'i\'d', 'i\'ll', 'in my view', 'in my opinion']],
  [0.6, ['we', 'our', 'ours', 'ourselves', 'we\'re', 'we\'ve', 'we\'d', 'we\'ll', 'let\'s', 'let us', 'one can', 'one could', 'one must', 'one should', 'one might', 'one has to']],
  // "us" is the pronoun only when written in lower case ("US" is the country): signals.ts checks the text.
  [0.5, ['us']],
]);

/** Obligation: the writer says what ought to happen. */
export const OBLIGATION: PhraseTable<Cue> = table([
  [0.5, ['should', 'shouldn\'t', 'must', 'mustn\'t', 'ought to', 'ought', 'it is time', 'it\'s time', 'high time', 'needs to', 'need to', 'has to', 'have to', 'had better', 'cannot afford', 'can\'t afford', 'must not', 'should not']],
]);

/** Evaluative words: the writer's verdict on a person, act or state of things. */
export const EVALUATIVE: PhraseTable<Cue> = table([
  [0.6, ['unfortunately', 'fortunately', 'sadly', 'thankfully', 'hopefully', 'regrettably', 'mercifully', 'ironically', 'predictably', 'tellingly', 'inexplicably', 'shamefully', 'disgracefully', 'laughably', 'absurdly', 'arguably', 'admirable', 'admirably', 'commendable', 'laudable', 'praiseworthy', 'deplorable', 'regrettable', 'unacceptable', 'inexcusable', 'unforgivable', 'indefensible', 'unconscionable', 'wrong-headed', 'ill-advised', 'ill-conceived', 'short-sighted', 'misguided', 'wise', 'unwise', 'wisely', 'foolishly', 'naively', 'rightly', 'wrongly', 'correctly', 'stupidly', 'brilliant', 'brilliantly', 'genius', 'masterful', 'superb', 'stellar', 'heroic', 'courageous', 'cowardly', 'shameful', 'disgraceful', 'pathetic', 'ridiculous', 'absurd', 'nonsense', 'is no friend', 'are no friends', 'no friend of', 'no friend to', 'a joke', 'a disgrace', 'a shame', 'a travesty', 'a mistake', 'a blunder', 'a failure', 'a win', 'a victory for']],
  [0.4, ['bad', 'great', 'terrible', 'awful', 'wonderful', 'excellent', 'poorly', 'wrong', 'worse', 'smart', 'sensible', 'reasonable', 'unreasonable', 'unfair', 'unfairly', 'unjust', 'irresponsible', 'reckless', 'dangerous', 'harsh', 'harshly', 'brave', 'bold', 'boldly', 'impressive', 'remarkable', 'troubling', 'disturbing', 'alarming', 'worrying', 'worrisome', 'concerning', 'encouraging', 'heartening', 'disappointing', 'disappointingly', 'refreshing', 'refreshingly', 'crucial', 'vital', 'essential', 'overdue', 'long overdue', 'sad', 'beautiful', 'ugly', 'amazing', 'fantastic', 'horrible', 'pleasant', 'silly', 'dumb', 'lazy', 'greedy', 'selfish', 'dishonest', 'evil', 'noble', 'cruel', 'cruelty', 'mean-spirited', 'petty', 'clever', 'cleverly', 'ineffective', 'useless', 'pointless', 'meaningless', 'hollow', 'so-called']],
  [0.2, ['good', 'poor', 'best', 'worst', 'better', 'fair', 'just', 'responsible', 'weak', 'strong', 'tough', 'important', 'necessary', 'needed', 'welcome', 'sorry', 'nice', 'honest', 'decent', 'effective', 'empty', 'mere', 'merely', 'simply', 'only', 'too', 'enough']],
]);

/** Commentary and speculation: the writer stepping out of the report. */
export const COMMENTARY: PhraseTable<Cue> = table([
  [0.7, ['time will tell', 'only time will tell', 'remains to be seen', 'it remains to be seen', 'make no mistake', 'the fact is', 'the fact of the matter', 'the truth is', 'the reality is', 'let\'s be clear', 'let us be clear', 'let\'s face it', 'let\'s be honest', 'to be sure', 'needless to say', 'it goes without saying', 'mark my words', 'under this scenario', 'in this scenario', 'one can glean', 'one can only', 'one could argue', 'one might argue', 'one wonders', 'it is clear that', 'it\'s clear that', 'it is obvious', 'it\'s obvious', 'there is no doubt', 'there\'s no doubt', 'no wonder', 'it\'s no wonder', 'it is no wonder', 'not surprisingly', 'unsurprisingly', 'so much for', 'worse still', 'even worse', 'to make matters worse', 'to put it mildly', 'to say the least', 'at best', 'at worst', 'if anything', 'i think', 'i believe', 'we believe', 'we think', 'in my view', 'in my opinion', 'the question is', 'the real question', 'the problem is', 'the bottom line', 'bottom line', 'the irony', 'of all people', 'who knows', 'god forbid', 'heaven forbid', 'we\'ll see', 'we shall see', 'what\'s more', 'in short', 'after all', 'all the more', 'it seems clear', 'apparently oblivious', 'as if', 'what could go wrong', 'so it goes', 'you have to wonder', 'one has to wonder', 'think about it', 'consider this', 'imagine if', 'of course']],
  [0.4, ['this is why', 'that\'s why', 'this is how', 'that is why', 'which is why', 'it seems', 'it would seem', 'in other words', 'in fact', 'the point is', 'the lesson', 'the upshot', 'for now', 'for all', 'but then', 'even so', 'by contrast', 'at least', 'never mind', 'let alone', 'instead of', 'rather than']],
]);

/**
 * Groups talked about as a bloc. A bare plural (no "some", "many", number or "the two" before it)
 * is a generalisation cue: "Democrats are railing" but not "some Democrats said".
 */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  'democrats', 'republicans', 'liberals', 'conservatives', 'progressives', 'leftists', 'elites', 'socialists',
  'globalists', 'politicians', 'bureaucrats', 'activists', 'feminists', 'environmentalists', 'evangelicals',
  'academics', 'pundits',
  'immigrants', 'illegals', 'media', 'the establishment', 'everyone', 'everybody', 'nobody', 'no one',
]);

/** Words before a plural that make it a part of the group, not the group as a whole. */
export const PARTITIVES: ReadonlySet<string> = new Set([
  'some', 'many', 'several', 'few', 'two', 'three', 'four', 'five', 'certain', 'other', 'most', 'top', 'senior',
  'house', 'senate', 'state', 'local', 'fellow', 'these', 'those', 'their', 'his', 'her', 'its', 'of', 'by', 'among',
]);

/** Words after a group noun that make a general statement about the group ("Democrats are", "liberals always"). */
export const GENERIC_PRESENT: ReadonlySet<string> = new Set([
  'are', "aren't", 'always', 'never', 'want', 'wants', "don't", "can't", 'cannot', 'will', "won't", 'hate', 'love', 'think',
  'believe', 'refuse', 'keep', 'seem', 'like', 'just', 'still', 'only', 'simply', 'constantly', 'all', 'have', 'need',
]);

/** Sweeping words: "always", "never", "everyone". */
export const SWEEPING: PhraseTable<Cue> = table([
  [0.3, ['always', 'never', 'everyone', 'everybody', 'nobody', 'no one', 'nothing', 'everything', 'all of them', 'none of them', 'every single', 'no matter']],
]);

/**
 * Reporting verbs and phrases: someone else's words are being reported. Weight 0.4 marks the
 * verbs that attribute a whole sentence ("said", "according to"): opinion.ts takes the author's
 * cues in such a sentence as reported speech. The others (0.15) only lean towards reporting:
 * "explains", "argues" or the noun "reporting" also turn up in the writer's own commentary.
 */
export const STRONG_REPORTING_WEIGHT = 0.4;
export const REPORTING: PhraseTable<Cue> = (() => {
  const t = new PhraseTable<Cue>();
  const add = (w: string, weight: number): void => t.add(w, { weight, lemma: w });
  for (const v of ['say', 'tell', 'report', 'announce', 'state', 'add', 'note', 'explain', 'confirm', 'deny', 'testify', 'write', 'tweet', 'declare', 'describe', 'cite', 'quote', 'estimate', 'acknowledge', 'assert', 'argue', 'contend', 'maintain', 'predict', 'respond', 'reply', 'recall', 'disclose', 'reveal', 'brief', 'inform', 'publish', 'allege', 'suggest', 'urge', 'demand', 'propose', 'recommend', 'call for']) {
    for (const f of verbForms(v)) add(f, 0.15);
  }
  for (const f of ['said', 'says', 'told', 'tells', 'according to', 'reported', 'reports', 'announced', 'stated', 'wrote', 'added', 'testified', 'tweeted', 'confirmed', 'denied', 'in a statement', 'in an interview', 'in a press release', 'in a tweet', 'spokesman', 'spokeswoman', 'spokesperson', 'press conference', 'news conference']) {
    add(f, STRONG_REPORTING_WEIGHT);
  }
  for (const f of ['the poll', 'the study', 'the report', 'data', 'survey', 'figures', 'records']) add(f, 0.15);
  return t;
})();

/** Month and day names and relative dates: reporting of when something happened. */
export const DATE_WORDS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'yesterday', 'today', 'tonight', 'tomorrow', 'earlier', 'later', 'week', 'month', 'year', 'weekend', 'morning', 'evening', 'afternoon',
]);

/** Copulas and auxiliaries that make a heading a statement ("China is no friend"). */
export const COPULAS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'isn\'t', 'aren\'t', 'wasn\'t', 'weren\'t', 'be', 'has', 'have']);
