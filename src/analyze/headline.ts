/**
 * Sensational-title rules: each finds spans in the title and says which rule fired. The title
 * is matched as text (regexes compiled once, none with nested quantifiers), because its shapes
 * are about spelling: capitals, exclamation marks, stock clickbait phrasings.
 *
 * Weights in (0, 1]: how sure a single hit makes us that the title is sensational. Set by hand
 * on the seeds ("...for Months!!!") and on headlines we wrote in headline.test.ts; a title is
 * called sensational in the profile when any hit reaches SENSATIONAL_MIN_WEIGHT.
 */
import type { Span } from '../model/index.js';
import { isLiteralUse } from './lexicon-loaded.js';

export interface HeadlineHit {
  span: Span;
  weight: number;
  /** Which rule fired, with the words: "repeated exclamation marks '!!!'". */
  detail: string;
}

/** Profile calls a title sensational when one hit weighs at least this. */
export const SENSATIONAL_MIN_WEIGHT = 0.5;

/** Capitalised words news titles use without shouting. */
const ACRONYMS: ReadonlySet<string> = new Set(
  ('US USA UK EU UN NATO FBI CIA NSA DOJ DHS ICE IRS FDA CDC WHO IMF WTO OPEC NASA NFL NBA MLB NHL FIFA UEFA ' +
    'GOP DNC RNC CEO CFO CTO AI IT TV BBC CNN NBC CBS ABC NPR PBS AP AFP MSNBC HBO ESPN NYT WSJ UAE DPRK ROK PRC ' +
    'ISIS ISIL IS AIDS HIV COVID SARS MERS DNA RNA GDP CPI LGBT LGBTQ NGO NRA ACLU EPA SEC FTC FCC NAACP ' +
    'MP MPS PM EU-US UKIP SNP ANC PLO IRA ETA FARC IDF KGB FSB GRU MI5 MI6 NHS BBC ITV RAF USSR USAF ' +
    'II III IV VI VII VIII IX XI XII OK DC LA NY NYC SF UAW AFL CIO IBM AMD HP GM BMW VW SUV ATM ID PC IPO ETF ' +
    'TSA FEMA NOAA ATF DEA NIH HHS OSHA VA USPS DMV SWAT NCAA UCLA MIT NYU USC LSU BYU JFK RFK MLK FDR')
    .split(' '),
);

/** Short capitalised words that are shouting, not acronyms. */
const SHOUT_WORDS: ReadonlySet<string> = new Set(
  'WOW OMG WTF LOL OMFG YES NO NOT NOW NEW ALL HUGE EPIC MUST SEE THIS JUST BIG BAD SAD FAKE LIES LIE WAR WIN WINS WON LOST HOT TOP WHY HOW WHAT YOU OUT END BAN'.split(' '),
);

/** A capitalised word this long that is not a known acronym is shouting. */
const SHOUT_MIN_LENGTH = 5;

interface PhraseRule {
  re: RegExp;
  weight: number;
  rule: string;
}

/** Stock clickbait phrasings (case-insensitive, word-bounded). */
const CLICKBAIT: readonly PhraseRule[] = [
  { re: /\byou (?:won['\u2019]t|will not|wont|can['\u2019]t|cannot) believe\b/gi, weight: 0.9, rule: 'clickbait phrase' },
  { re: /\byou(?:['\u2019]ll| will) never guess\b/gi, weight: 0.9, rule: 'clickbait phrase' },
  { re: /\bwhat happen(?:ed|s) next\b/gi, weight: 0.9, rule: 'clickbait phrase' },
  { re: /\b(?:this|that) is (?:why|what|how)\b/gi, weight: 0.6, rule: 'clickbait phrase' },
  { re: /\b(?:here['\u2019]s|here is|this is) (?:why|what|how|the reason)\b/gi, weight: 0.6, rule: 'clickbait phrase' },
  { re: /\b(?:the )?reason why\b/gi, weight: 0.4, rule: 'clickbait phrase' },
  { re: /\b(?:everything|all) you need to know\b/gi, weight: 0.5, rule: 'clickbait phrase' },
  { re: /\bwill (?:leave you|make you|blow your mind|change your life|shock you)\b/gi, weight: 0.8, rule: 'clickbait phrase' },
  { re: /\b(?:must[ -](?:see|watch|read)|goes viral|went viral|broke the internet|mind[ -]blowing|jaw[ -]dropping)\b/gi, weight: 0.8, rule: 'clickbait phrase' },
  { re: /\b(?:shocking|breaking|bombshell|unbelievable|insane|outrageous|epic|stunning|explosive)\b/gi, weight: 0.6, rule: 'clickbait word' },
  { re: /\b(?:destroys|destroyed|slams|slammed|blasts|blasted|rips|ripped into|eviscerates|obliterates|annihilates|humiliates|humiliated|torches|owns|owned|schools|shreds|smacks down|claps back|melts down|meltdown|freaks out|loses it)\b/gi, weight: 0.6, rule: 'clickbait verb' },
  { re: /\b(?:exposed|exposes|the truth about|what they don['\u2019]t want you to know|secret they|no one is talking about|nobody is talking about)\b/gi, weight: 0.6, rule: 'clickbait phrase' },
];

/** Numbered listicles: "7 things", "10 reasons why", "Top 5". */
const LISTICLE = /(?:^|[^\p{L}\p{N}])(\d{1,3}|ten|five|seven|three|nine)\s+(?:\p{L}+\s+)?(?:things|reasons|ways|facts|signs|times|photos|pictures|tips|secrets|tricks|mistakes|celebrities|people|moments|questions|lessons|myths|foods|habits|rules|words|stories)\b/giu;
const TOP_N = /\btop (?:\d{1,3}|ten|five)\b/gi;

/** Question bait: a title that is a question opening with a verb or "what if" (Betteridge's law). */
const QUESTION_BAIT = /^(?:is|are|was|were|will|would|could|can|should|did|does|do|has|have|what if|why (?:you|we|everyone)|who (?:is|are) really)\b[^?]*\?\s*$/i;
/** Any title that ends in a question mark. */
const QUESTION_END = /\?\s*$/;

const EXCLAMATION_RUN = /[!?]*![!?]*/g;
const CAPS_WORD = /(?<![\p{L}\p{N}.])\p{Lu}[\p{Lu}\p{N}'\u2019-]*\p{Lu}(?![\p{L}\p{N}]|\.\p{L})/gu;

/** Longest title read: a longer "title" paragraph is a mis-cut body, and only its head is a headline. */
const TITLE_MAX_CHARS = 300;

/** Every sensational-title hit in `title` (spans are offsets in `title`; add the title's start). */
export function headlineHits(fullTitle: string): HeadlineHit[] {
  const title = fullTitle.length > TITLE_MAX_CHARS ? fullTitle.slice(0, TITLE_MAX_CHARS) : fullTitle;
  const hits: HeadlineHit[] = [];
  const trimmedEnd = title.trimEnd().length;

  // 1. exclamation marks: repeated anywhere, or one at the end
  for (const m of title.matchAll(EXCLAMATION_RUN)) {
    const s = m[0];
    const start = m.index;
    const end = start + s.length;
    if (s.length >= 2) hits.push({ span: { start, end }, weight: Math.min(1, 0.6 + 0.15 * (s.length - 1)), detail: `repeated exclamation marks '${s}'` });
    else if (end === trimmedEnd) hits.push({ span: { start, end }, weight: 0.6, detail: `title ends in '!'` });
  }

  // 2. capitalised words that are not acronyms (a title all in capitals counts once)
  const letters = title.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  if (letters.length >= 12 && upper / letters.length > 0.9) {
    hits.push({ span: { start: 0, end: trimmedEnd }, weight: 0.6, detail: 'title in all capitals' });
  } else {
    for (const m of title.matchAll(CAPS_WORD)) {
      const word = m[0];
      const bare = word.replace(/['\u2019]S$/, '');
      if (ACRONYMS.has(bare) || /\d/.test(bare)) continue;
      const shouting = bare.length >= SHOUT_MIN_LENGTH || SHOUT_WORDS.has(bare);
      if (!shouting) continue;
      hits.push({ span: { start: m.index, end: m.index + word.length }, weight: 0.7, detail: `word in capitals '${word}'` });
    }
  }

  // 3. stock clickbait phrasings (a verb meant literally is news: "Fire destroys warehouse")
  let words: TitleWord[] | null = null;
  for (const rule of CLICKBAIT) {
    for (const m of title.matchAll(rule.re)) {
      if (rule.rule === 'clickbait verb' && isLiteralIn((words ??= titleWords(title)), m.index, m.index + m[0].length, title)) continue;
      hits.push({ span: { start: m.index, end: m.index + m[0].length }, weight: rule.weight, detail: `${rule.rule} '${m[0]}'` });
    }
  }

  // 4. listicles
  for (const m of title.matchAll(LISTICLE)) {
    const lead = m[0].length - m[0].replace(/^[^\p{L}\p{N}]/u, '').length;
    hits.push({ span: { start: m.index + lead, end: m.index + m[0].length }, weight: 0.6, detail: `numbered list '${m[0].slice(lead)}'` });
  }
  for (const m of title.matchAll(TOP_N)) hits.push({ span: { start: m.index, end: m.index + m[0].length }, weight: 0.4, detail: `numbered list '${m[0]}'` });

  // 5. question bait
  const lead = title.length - title.trimStart().length;
  if (QUESTION_BAIT.test(title.trim())) {
    hits.push({ span: { start: lead, end: trimmedEnd }, weight: 0.5, detail: 'question bait (yes/no question as title)' });
  } else if (QUESTION_END.test(title)) {
    const at = title.lastIndexOf('?');
    hits.push({ span: { start: at, end: at + 1 }, weight: 0.3, detail: 'title is a question' });
  }

  return dedupe(hits);
}

interface TitleWord {
  start: number;
  end: number;
  norm: string;
}
const TITLE_WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)?/gu;

function titleWords(title: string): TitleWord[] {
  const out: TitleWord[] = [];
  for (const m of title.matchAll(TITLE_WORD)) out.push({ start: m.index, end: m.index + m[0].length, norm: m[0].toLowerCase() });
  return out;
}

/** True when the words at [start, end) of the title are a violence verb meant literally (lexicon-loaded.ts). */
function isLiteralIn(words: readonly TitleWord[], start: number, end: number, title: string): boolean {
  const from = words.findIndex((w) => w.start >= start);
  if (from < 0) return false;
  let to = from;
  while (to < words.length && (words[to] as TitleWord).end <= end) to++;
  return isLiteralUse(title, words, from, Math.max(from + 1, to));
}

/** Keeps the strongest hit where two cover the same words (e.g. "slams" as verb and capitals). */
function dedupe(hits: HeadlineHit[]): HeadlineHit[] {
  hits.sort((a, b) => a.span.start - b.span.start || b.weight - a.weight);
  const out: HeadlineHit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && last.span.start === h.span.start && last.span.end === h.span.end) continue;
    out.push(h);
  }
  return out;
}
