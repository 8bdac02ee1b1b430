/**
 * Trailers written as sentences: the follow, sign-up, app and support prompts, the reporting
 * credits and the "originally published" notes that outlets put under a story, often two or
 * three on one line ("Follow the Harlow Gazette on Facebook and Twitter for the latest news. Sign
 * up for our free morning newsletter."). A line is a trailer when every sentence of it is a
 * trailer sentence and at least one is a sure one (a lead-in such as "Got a story?" only counts
 * beside a sure one); the last line of a story may also end in such sentences, which are then
 * taken off its end. The table is ours, written from the trailers of British, American and wire
 * copy; every pattern is anchored at the start of a sentence, has no nested quantifiers and runs
 * on one sentence of at most MAX_SENTENCE characters, so matching stays linear.
 */
import type { RemovedKind } from '../model/index.js';
import type { BoilerplatePattern } from './boilerplate-patterns.js';

/** Longest line looked at as a trailer, and longest sentence in one. */
export const MAX_TRAILER_LINE = 400;
const MAX_SENTENCE = 260;

const SOCIAL = '(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|instagram|youtube|tiktok|flipboard|threads|bluesky|mastodon|snapchat|google news|apple news)';
/**
 * First words of the trailer sentences (lower case): a line whose first word is not one of them
 * (and that has no "contributed", the one pattern that starts with a name) is not looked at further.
 */
const FIRST_WORDS = new Set([
  'follow', 'like', 'find', 'join', 'connect', 'keep', 'catch', 'sign', 'subscribe', 'register', 'opt', 'get', 'receive', 'have',
  'download', 'install', 'try', 'support', 'help', 'donate', 'become', 'reporting', 'additional', 'further', 'writing', 'editing',
  'compiled', 'research', 'graphics', 'production', 'contributing', 'this', 'the', 'a', 'originally', 'email', 'e-mail', 'contact',
  'write', 'reach', 'message', 'send', 'want', 'looking', 'never', 'don’t', "don't", 'stay', 'for', 'got', 'do', 'know',
]);

/** True when a line may be (or end in) trailer sentences: its first word opens one, or it names a contribution. */
function mayBeTrailer(line: string): boolean {
  let s = 0;
  while (s < line.length && (line.charCodeAt(s) === 0x28 || line.charCodeAt(s) === 0x20)) s++; // "(" of "(Reporting by"
  let e = s;
  while (e < line.length && line.charCodeAt(e) !== 0x20 && e - s < 12) e++;
  const first = line.slice(s, e).toLowerCase();
  // "The", "This", "A" open a trailer only as "This article originally appeared", "A version of this story first ran".
  if (first === 'the' || first === 'this' || first === 'a') return line.includes('originally') || line.includes(' first ') || line.includes('contributed');
  return FIRST_WORDS.has(first) || line.includes('contributed');
}

interface TrailerSentence {
  name: string;
  kind: RemovedKind;
  /** A lead-in ("Want more news?", "Got a story?") is a trailer only beside a sure one. */
  leadIn: boolean;
  pattern: RegExp;
  /** A further test on the sentence the pattern matched. */
  check?: (sentence: string) => boolean;
}

/** Words that join the names of a credit line ("Reporting by Jane Doe in Lagos; Editing by John Roe"). */
const CREDIT_JOINERS = new Set(['and', 'in', 'by', 'from', 'at', 'with', 'de', 'van', 'von', 'al', 'bin', 'da', 'di', 'del', 'le', 'la', '&']);
/** Most words of a credit line's names. */
const MAX_CREDIT_WORDS = 30;

/** True when what follows the first "by" is names: every word capitalised but the joiners. */
function isCreditList(sentence: string): boolean {
  const rest = sentence.slice(sentence.toLowerCase().indexOf(' by ') + 4);
  const words = rest.split(/[\s;,()]+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_CREDIT_WORDS) return false;
  for (const w of words) {
    const bare = w.replace(/[.:]+$/, '');
    if (bare === '' || CREDIT_JOINERS.has(bare.toLowerCase())) continue;
    if (!/^\p{Lu}/u.test(bare)) return false;
  }
  return true;
}

const END = '[.!]?["”’]?$';

export const TRAILER_SENTENCES: readonly TrailerSentence[] = [
  // "Follow the Harlow Gazette on Facebook and Twitter for the latest news", "Like us on Facebook".
  { name: 'follow-on', kind: 'subscribe-prompt', leadIn: false, pattern: new RegExp(`^(?:follow |like us|find us|join us|join (?:the|our) (?:conversation|community|discussion)|connect with us|keep up with|catch up with)[^.!?\\n]{0,80}\\bon ${SOCIAL}\\b[^.!?\\n]{0,120}${END}`, 'i') },
  // "Follow us: @harlowgazette", "Follow Jane Doe on Twitter @jdoe".
  { name: 'follow-handle', kind: 'subscribe-prompt', leadIn: false, pattern: /^follow (?:us|me|him|her|them|[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})\b[^.!?\n]{0,40}@\w{1,30}[^.!?\n]{0,40}[.!]?$/i },
  // "Sign up for our free morning newsletter", "Subscribe to our daily briefing".
  { name: 'sign-up', kind: 'subscribe-prompt', leadIn: false, pattern: new RegExp(`^(?:sign up|subscribe|register|opt in)\\b[^.!?\\n]{0,100}\\b(?:newsletters?|alerts?|updates|e-?mails?|inbox|bulletins?|digest|briefings?|podcast|channel)\\b[^.!?\\n]{0,100}${END}`, 'i') },
  // "Get the latest headlines delivered to your inbox".
  { name: 'to-your-inbox', kind: 'subscribe-prompt', leadIn: false, pattern: new RegExp(`^(?:get|receive|have)\\b[^.!?\\n]{0,80}\\b(?:delivered|sent) (?:straight |directly |right )?to your (?:inbox|phone|e-?mail)\\b[^.!?\\n]{0,80}${END}`, 'i') },
  // "Download the Gazette app", "Get our free app for iPhone and Android".
  { name: 'get-the-app', kind: 'subscribe-prompt', leadIn: false, pattern: new RegExp(`^(?:download|get|install|try) (?:the|our) [^.!?\\n]{0,40}\\bapps?\\b[^.!?\\n]{0,80}${END}`, 'i') },
  // "Support local journalism", "Become a member and support our reporting".
  { name: 'support-us', kind: 'subscribe-prompt', leadIn: false, pattern: new RegExp(`^(?:support|help (?:fund|us fund|support)|donate to|become a (?:member|subscriber|supporter))\\b[^.!?\\n]{0,60}\\b(?:journalism|reporting|newsroom|work)\\b[^.!?\\n]{0,60}${END}`, 'i') },
  // "Reporting by Jane Doe in Lagos; Editing by John Roe", "(Additional reporting by ...)".
  { name: 'reporting-credits', kind: 'boilerplate', leadIn: false, pattern: /^\(?(?:additional |further )?(?:reporting|writing|editing|compiled|research|graphics|production) by [^\n]{1,200}$/i, check: isCreditList },
  // "The Associated Press contributed to this report", "Contributing: Jane Doe".
  { name: 'contributed', kind: 'boilerplate', leadIn: false, pattern: /^[A-Z][^.!?\n]{1,80} contributed (?:to )?this (?:report|story|article)\.?$/ },
  { name: 'contributing', kind: 'boilerplate', leadIn: false, pattern: /^contributing:\s[^\n]{1,200}$/i },
  // "This article originally appeared on ...", "A version of this story first appeared in ...".
  { name: 'originally-published', kind: 'boilerplate', leadIn: false, pattern: /^(?:(?:this|the) (?:article|story|piece|post|report) (?:was )?(?:originally|first) (?:appeared|published|ran)|originally published|a version of this (?:article|story|piece) (?:was )?(?:originally |first )?(?:appeared|published|ran))\b[^\n]{0,200}$/i },
  // "Email news@harlowgazette.example", "Contact the newsdesk at ...": sure only with an address.
  { name: 'contact-address', kind: 'boilerplate', leadIn: false, pattern: /^(?:e-?mail|contact|write to|reach|message|send (?:it|them|your \w+) to)\b[^.!?\n@]{0,60}[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{2,200}$/i },
  // Lead-ins: "Want the latest news?", "Got a story?", "Never miss a story".
  { name: 'lead-in-news', kind: 'subscribe-prompt', leadIn: true, pattern: /^(?:want|looking for|never miss|don['’]t miss|stay (?:up to date|informed)|for (?:the latest|more))\b[^.!?\n]{0,60}\b(?:news|stories|story|updates|headlines|coverage)\b[^.!?\n]{0,40}[?!.]?$/i },
  { name: 'lead-in-tip', kind: 'boilerplate', leadIn: true, pattern: /^(?:got|have you got|do you have|have|know)\b (?:a|any|of a)\b[^.!?\n]{0,30}\b(?:story|tip|news|information|photos?|videos?)\b[^.!?\n]{0,40}\?$/i },
];

/** The sentences of a line: ends at ".", "!", "?" (with closing quotes) before a space. Offsets into the line. */
function sentencesOf(line: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x2e && c !== 0x21 && c !== 0x3f) continue;
    let e = i + 1;
    while (e < line.length && /["'”’)]/.test(line[e]!)) e++;
    if (e < line.length && line.charCodeAt(e) !== 0x20) continue;
    out.push({ start, end: e });
    while (e < line.length && line.charCodeAt(e) === 0x20) e++;
    start = e;
    i = e - 1;
  }
  if (start < line.length) out.push({ start, end: line.length });
  return out;
}

function matchSentence(s: string): TrailerSentence | null {
  if (s.length > MAX_SENTENCE) return null;
  for (const t of TRAILER_SENTENCES) if (t.pattern.test(s) && (!t.check || t.check(s))) return t;
  return null;
}

/** The pattern for a line made only of trailer sentences (at least one sure), or null. */
export function trailerLine(line: string): BoilerplatePattern | null {
  if (line.length > MAX_TRAILER_LINE || !mayBeTrailer(line)) return null;
  let sure: TrailerSentence | null = null;
  const names: string[] = [];
  for (const s of sentencesOf(line)) {
    const t = matchSentence(line.slice(s.start, s.end));
    if (!t) return null;
    if (!t.leadIn) sure ??= t;
    names.push(t.name);
  }
  if (!sure) return null;
  return { name: `trailer:${names.join('+')}`, kind: sure.kind, strength: 'strong', pattern: /$^/, maxLength: MAX_TRAILER_LINE };
}

/**
 * Trailer sentences at the end of a line that holds other text first: where they start (an offset
 * into the line), their kind and names, or null.
 */
export function trailingTrailer(line: string): { start: number; kind: RemovedKind; name: string } | null {
  const from = Math.max(0, line.length - MAX_TRAILER_LINE);
  const sentences = sentencesOf(line).filter((s) => s.start >= from);
  let start = -1;
  let sure: TrailerSentence | null = null;
  const names: string[] = [];
  for (let k = sentences.length - 1; k >= 1; k--) {
    const s = sentences[k]!;
    const t = matchSentence(line.slice(s.start, s.end));
    if (!t) break;
    if (!t.leadIn) sure = t;
    names.unshift(t.name);
    start = s.start;
  }
  if (!sure || start <= 0) return null;
  // A lead-in that opens the peeled sentences needs a sure one after it (it has one: `sure`).
  return { start, kind: sure.kind, name: `trailer-tail:${names.join('+')}` };
}
