/**
 * Word lists for claims.ts: what makes a sentence a statement (a finite verb) and what makes it
 * worth checking (an event verb, a quantity). Our own lists, written for crosscheck (no
 * third-party lexicon copied); regular inflections come from `verbForms`.
 */
import { verbForms } from './signal-words.js';

/** Auxiliaries, modals and copulas: a sentence with one of these has a finite verb. */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'am', "isn't", "aren't", "wasn't", "weren't", "'s", "'re",
  'has', 'have', 'had', "hasn't", "haven't", "hadn't", "it's", "that's", "there's", "he's", "she's", "they're", "we're", "i'm", "they've", "we've",
  'do', 'does', 'did', "don't", "doesn't", "didn't",
  'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', "won't", "wouldn't", "can't", 'cannot', "couldn't", "shouldn't",
]);

/** Irregular past tenses and common irregular present forms. */
export const IRREGULAR_FINITE: ReadonlySet<string> = new Set(
  ('said told went came took made gave found left met began held saw got won lost led fell rose sent spent paid ran built ' +
    'brought thought kept became broke chose drove ate flew forgot grew hid knew rode rang sang sank spoke stole swam threw ' +
    'wore wrote struck fought caught taught sought bought sold shot hit put set cut let quit read felt heard meant stood ' +
    'understood sat lay laid hung fled bore swore tore dealt dug shook slid spun stuck stung swept wept woke withdrew ' +
    'overtook overcame undertook upheld forbade forgave froze arose' +
    ' says goes does has tells makes takes gives comes gets seems shows remains continues faces wants plans seeks ' +
    'needs calls includes means leads holds runs keeps becomes stands lies sits wins loses knows thinks believes ' +
    'expects hopes argues claims insists warns denies admits agrees refuses plans fears')
    .split(' '),
);

/** Events a fact-checker can look up: deaths, releases, signings, votes, arrests, results. */
export const EVENT_VERBS: ReadonlySet<string> = new Set([
  ...['die', 'kill', 'release', 'announce', 'sign', 'arrest', 'charge', 'convict', 'sentence', 'elect', 'vote', 'pass',
    'approve', 'reject', 'launch', 'fire', 'resign', 'sue', 'indict', 'acquit', 'invade', 'attack', 'bomb', 'strike',
    'meet', 'agree', 'ban', 'impose', 'lift', 'raise', 'cut', 'increase', 'decrease', 'rise', 'fall', 'drop', 'grow',
    'injure', 'wound', 'detain', 'imprison', 'free', 'deport', 'appoint', 'nominate', 'confirm', 'veto', 'ratify',
    'hire', 'close', 'open', 'acquire', 'merge', 'buy', 'sell', 'pay', 'fine', 'award', 'win', 'lose', 'test', 'fly',
    'visit', 'travel', 'arrive', 'return', 'leave', 'withdraw', 'deploy', 'order', 'file', 'rule', 'overturn',
    'publish', 'report', 'record', 'count', 'recover', 'collapse', 'crash', 'explode', 'evacuate', 'rescue', 'shoot',
    'host', 'found', 'build', 'destroy', 'damage', 'capture', 'seize', 'execute', 'murder', 'hold', 'pledge', 'fund',
    'spend', 'borrow', 'lend', 'owe', 'invest', 'export', 'import', 'produce', 'manufacture', 'discover', 'diagnose',
    'infect', 'vaccinate', 'hospitalize', 'quit', 'retire', 'marry', 'divorce', 'bear', 'born']
    .flatMap((v) => verbForms(v)),
  'died', 'killed', 'dead', 'born', 'won', 'lost', 'fell', 'rose', 'grew', 'met', 'paid', 'sold', 'bought', 'shot', 'struck',
  'held', 'left', 'fled', 'built', 'flew', 'spent', 'quit', 'cut', 'hit', 'began', 'ended', 'took office',
]);

/** Words that make a number a quantity. */
export const QUANTITY_WORDS: ReadonlySet<string> = new Set([
  'percent', 'per', 'cent', 'percentage', 'million', 'millions', 'billion', 'billions', 'trillion', 'thousand', 'thousands',
  'hundred', 'hundreds', 'dozen', 'dozens', 'dollars', 'euros', 'pounds', 'yuan', 'yen', 'miles', 'kilometers', 'kilometres',
  'tons', 'tonnes', 'acres', 'barrels', 'votes', 'seats', 'points', 'years', 'months', 'weeks', 'days', 'hours',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'fifty',
  'half', 'quarter', 'third', 'first', 'second', 'twice', 'double', 'triple', 'majority', 'minority', 'all', 'none',
]);

/** Words that never end a finite verb even though they end in -ed ("United", "hundred"). */
export const NOT_PAST: ReadonlySet<string> = new Set(['united', 'hundred', 'red', 'bed', 'need', 'speed', 'seed', 'feed', 'creed', 'greed', 'shed', 'led', 'bred', 'fled', 'sled', 'wed', 'biased', 'based', 'alleged', 'so-called', 'related', 'detailed', 'advanced', 'limited', 'armed', 'talented', 'skilled', 'balanced', 'interested', 'concerned', 'supposed', 'married', 'retired', 'experienced', 'educated', 'sophisticated', 'complicated', 'dedicated', 'devoted', 'embed']);
