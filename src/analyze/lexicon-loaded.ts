/**
 * Loaded language: emotive, partisan or pejorative words and phrases that tell the reader what
 * to think of someone rather than what happened. Our own list, written for crosscheck (no
 * third-party lexicon copied); grouped by kind, each group with one weight in (0, 1]:
 *
 *   1.0  slurs and insults no neutral report would use in its own voice ("thug", "libtard")
 *   0.7  strongly loaded ("regime", "railing", "witch hunt", "blow up")
 *   0.5  loaded but also found in neutral copy ("slammed", "radical", "nukes")
 *   0.3  mildly loaded, often borrowed from sources ("liberal", "blasted", "unprecedented")
 *
 * Weights were set by hand on the seed articles and checked on the BABE development half
 * (../shared/data/babe, run `node --import tsx eval/opinion-babe.ts`): words that fired mostly on
 * sentences labelled non-biased were dropped or lowered. Entries are matched on token norms
 * (see signal-words.ts); verbs and nouns are expanded to their inflections by `verbForms` and
 * `nounForms`. A phrase ending list (`notBefore`) refuses a match before the words given
 * ("the left" is not loaded in "the left side").
 */
import { nounForms, PhraseTable, verbForms } from './signal-words.js';

export type LoadedKind = 'pejorative' | 'emotive-speech' | 'hyperbole' | 'partisan' | 'violence-idiom' | 'slang';

export interface LoadedEntry {
  kind: LoadedKind;
  weight: number;
  /** The lexicon form ("lash out"), for details. */
  lemma: string;
}

interface Group {
  kind: LoadedKind;
  weight: number;
  /** Words or phrases taken as they are. */
  words?: readonly string[];
  /** Verbs, expanded to -s, -ed, -ing ("lash out" -> "lashed out"). */
  verbs?: readonly string[];
  /** Nouns, expanded to their plural. */
  nouns?: readonly string[];
}

const GROUPS: readonly Group[] = [
  // --- pejorative: names for people and things that carry a verdict
  {
    kind: 'pejorative', weight: 1,
    nouns: ['thug', 'goon', 'moron', 'idiot', 'imbecile', 'scumbag', 'lowlife', 'degenerate', 'lunatic', 'maniac', 'madman', 'buffoon', 'clown', 'stooge', 'lackey', 'henchman', 'crony', 'shill', 'grifter', 'con man', 'con artist', 'charlatan', 'crook', 'hypocrite', 'bigot', 'traitor', 'parasite', 'vermin', 'scum', 'nutjob', 'nutcase', 'wacko', 'whacko', 'kook', 'crackpot', 'bozo', 'dimwit', 'sleazebag', 'snake oil salesman'],
    words: ['idiotic', 'moronic', 'stupid', 'imbecilic', 'deranged', 'unhinged', 'vile', 'despicable', 'disgusting', 'scummy', 'sleazy', 'treasonous', 'illegals', 'illegal aliens', 'filth', 'trash', 'garbage'],
  },
  {
    kind: 'pejorative', weight: 0.7,
    nouns: ['regime', 'dictatorship', 'tyrant', 'despot', 'dictator', 'puppet', 'demagogue', 'zealot', 'fanatic', 'extremist', 'propagandist', 'apologist', 'fraudster', 'liar', 'sham', 'hoax', 'scam', 'farce', 'charade', 'witch hunt', 'smear', 'smear campaign', 'hit piece', 'screed', 'diatribe', 'tirade', 'rant', 'tantrum', 'hissy fit', 'meltdown', 'cult', 'horde', 'mob', 'rabble', 'fake news', 'junta', 'strongman', 'pariah', 'rogue state', 'villain', 'infestation', 'cronyism', 'stunt', 'publicity stunt', 'power grab', 'cover-up', 'whitewash', 'boondoggle', 'handout', 'giveaway'],
    words: ['disgraceful', 'shameful', 'shameless', 'pathetic', 'ridiculous', 'absurd', 'ludicrous', 'preposterous', 'laughable', 'nonsense', 'hypocritical', 'hypocrisy', 'corrupt', 'crooked', 'shady', 'nefarious', 'sinister', 'diabolical', 'heinous', 'monstrous', 'barbaric', 'barbarous', 'evil', 'wicked', 'deplorable', 'bigoted', 'xenophobic', 'hateful', 'hate-filled', 'delusional', 'paranoid', 'hysterical', 'hysteria', 'brainwashed', 'ruthless', 'draconian', 'tyrannical', 'lies', 'lying', 'propaganda', 'indoctrination', 'un-american', 'anti-american', 'spineless', 'feckless', 'inept', 'incompetent', 'clueless', 'hapless', 'cowardly', 'craven', 'sycophantic', 'fawning', 'rabid', 'radicalized', 'thuggish', 'mafia-like', 'so-called', 'self-styled', 'notorious', 'infamous', 'disgraced', 'egomaniacal', 'greedy', 'grasping', 'money-grubbing', 'ghoulish', 'grotesque', 'humiliating', 'fumbling', 'bungled', 'botched', 'bumbling', 'raging', 'hater', 'haters', 'dystopia', 'dystopian', 'death knell', 'racist', 'racists', 'antisemitic', 'anti-semitic', 'homophobic', 'transphobic', 'misogynist', 'misogynistic', 'sexist', 'bigotry', 'fascist', 'fascists', 'nazi', 'nazis', 'slavish', 'servile', 'spineless', 'gutless', 'treacherous', 'sleaze', 'pseudo-scientific', 'conspiracy theorist', 'conspiracy theorists', 'conspiracy theory', 'debunked', 'discredited', 'false narrative', 'fearmonger', 'radical agenda'],
  },
  {
    kind: 'pejorative', weight: 0.5,
    nouns: ['elitist', 'bureaucrat', 'pencil pusher', 'paper pusher', 'jobsworth', 'fat cat', 'naysayer', 'zealotry', 'scandal', 'fiasco', 'debacle', 'mess', 'spectacle', 'gimmick', 'ploy', 'scheme'],
    words: ['brutal', 'brutally', 'reckless', 'recklessly', 'blatant', 'blatantly', 'flagrant', 'egregious', 'brazen', 'brazenly', 'outrageous', 'irresponsible', 'dangerous', 'misguided', 'wrongheaded', 'foolish', 'naive', 'dubious', 'bogus', 'phony', 'phoney', 'fraudulent', 'sneaky', 'cynical', 'cynically', 'arrogant', 'arrogance', 'smug', 'condescending', 'elitism', 'extreme', 'extremism', 'authoritarian', 'fringe', 'controversial', 'harsh', 'harshly', 'crackdown', 'draconian measures', 'dirty', 'notoriously'],
  },
  // --- emotive verbs of speech: how someone said it, in the writer's words
  {
    kind: 'emotive-speech', weight: 0.7,
    verbs: ['rail against', 'rail at', 'rant', 'lash out', 'fume', 'seethe', 'berate', 'eviscerate', 'excoriate', 'lambaste', 'castigate', 'pummel', 'savage', 'skewer', 'shred', 'torch', 'spew', 'bluster', 'whine', 'whinge', 'gloat', 'sneer', 'jeer', 'screech', 'shriek', 'howl', 'bray', 'tear into', 'lay into', 'unload on', 'go ballistic', 'freak out', 'rip into', 'pontificate', 'grandstand', 'bloviate', 'brag', 'crow', 'throw a tantrum'],
  },
  {
    kind: 'emotive-speech', weight: 0.5,
    verbs: ['slam', 'blast', 'bash', 'whack', 'grovel', 'usurp', 'persecute', 'indoctrinate', 'brainwash', 'demonize', 'vilify', 'smear', 'peddle', 'parrot', 'cave', 'cave in', 'kowtow', 'pander', 'flaunt', 'squander', 'hijack', 'exploit', 'bully', 'harangue', 'rip', 'trash', 'hammer', 'scold', 'deride', 'mock', 'ridicule', 'taunt', 'boast', 'snipe', 'hit out', 'fire back', 'hit back', 'clap back', 'cry foul', 'double down', 'flip-flop', 'backpedal', 'rage', 'scream', 'yell', 'brush off', 'sound the alarm', 'come under fire', 'spar', 'feud'],
  },
  {
    kind: 'emotive-speech', weight: 0.3,
    verbs: ['decry', 'denounce', 'bemoan', 'lament', 'complain', 'claim', 'tout', 'trumpet', 'scoff', 'chide', 'rebuke', 'assail'],
  },
  // --- hyperbole: more than the facts carry
  {
    kind: 'hyperbole', weight: 0.7,
    words: ['apocalyptic', 'catastrophic', 'nightmarish', 'horrific', 'horrifying', 'horrendous', 'mind-blowing', 'jaw-dropping', 'earth-shattering', 'mother of all', 'worst ever', 'best ever', 'of all time', 'in history', 'total disaster', 'complete disaster', 'utter disaster', 'complete failure', 'utter failure', 'unmitigated', 'insane', 'insanely', 'crazy', 'unbelievable', 'unbelievably', 'bombshell', 'explosive', 'stunning', 'shocking', 'shockingly', 'staggering', 'astonishing', 'outrage', 'outraged', 'furious', 'furor', 'firestorm', 'frenzy', 'chaos', 'chaotic', 'carnage', 'bloodbath', 'mayhem', 'onslaught', 'tsunami of', 'avalanche of', 'epic', 'colossal', 'monumental', 'gigantic'],
  },
  {
    kind: 'hyperbole', weight: 0.5,
    words: ['disaster', 'disastrous', 'catastrophe', 'nightmare', 'devastating', 'terrifying', 'terrible', 'terribly', 'awful', 'dire', 'grave danger', 'doomed', 'ruinous', 'crushing', 'massive', 'huge', 'enormous', 'tremendous', 'incredible', 'incredibly', 'astounding', 'spectacular', 'spectacularly', 'sweeping', 'skyrocket', 'skyrocketing', 'soaring', 'plummeting', 'existential threat', 'unthinkable', 'alarming', 'alarmingly', 'troubling', 'disturbing', 'dramatic', 'dramatically', 'seismic', 'historic', 'unprecedented', 'radically', 'wildly', 'extraordinary', 'extraordinarily', 'fierce', 'fiercely', 'bitter', 'bitterly', 'scathing', 'vicious', 'viciously', 'venomous', 'toxic', 'relentless', 'relentlessly', 'endless', 'lavish', 'heavy-handed', 'draconian'],
  },
  // --- partisan labels: a side named by its opponents' word
  {
    kind: 'partisan', weight: 1,
    words: ['libtard', 'libtards', 'rethuglican', 'rethuglicans', 'demonrat', 'demonrats', 'democrat party', 'commie', 'commies', 'feminazi', 'feminazis', 'trumptard', 'moonbat', 'moonbats', 'wingnut', 'wingnuts', 'snowflake', 'snowflakes', 'cuck', 'cucks', 'rino', 'rinos', 'lamestream', 'lamestream media', 'loony left', 'deep state', 'sheeple'],
  },
  {
    kind: 'partisan', weight: 0.7,
    words: ['the left', 'the radical left', 'the far left', 'the far right', 'the radical right', 'the alt-right', 'radical left', 'radical right', 'far-left', 'far-right', 'hard-left', 'hard-right', 'ultra-left', 'ultra-right', 'alt-left', 'alt-right', 'leftist', 'leftists', 'lefty', 'lefties', 'liberal elite', 'liberal elites', 'liberal media', 'coastal elites', 'mainstream media', 'globalist', 'globalists', 'open borders', 'open-borders', 'anti-choice', 'pro-abortion', 'baby killers', 'death panels', 'death tax', 'job-killing', 'job killing', 'war on christmas', 'cancel culture', 'woke', 'wokeness', 'virtue signaling', 'virtue signalling', 'the swamp', 'drain the swamp', 'social justice warrior', 'social justice warriors', 'never trumpers', 'trumpers', 'maga', 'antifa', 'race-baiting', 'fearmongering', 'fear-mongering', 'gun grabbers', 'tree hugger', 'tree huggers'],
  },
  {
    kind: 'partisan', weight: 0.5,
    words: ['radical', 'radicals', 'left-wing', 'right-wing', 'left-winger', 'right-winger', 'left-wingers', 'right-wingers', 'ultraconservative', 'ultra-conservative', 'ultraliberal', 'ultra-liberal', 'socialist', 'socialists', 'socialism', 'marxist', 'marxists', 'establishment', 'elites', 'amnesty', 'illegal immigrants', 'extremists', 'partisan', 'hyperpartisan', 'hyper-partisan', 'identity politics', 'political correctness', 'politically correct', 'pc culture', 'talking points', 'gun-toting', 'bible-thumping', 'tax-and-spend', 'big government', 'nanny state', 'welfare queen', 'anchor babies', 'chain migration'],
  },
  {
    kind: 'partisan', weight: 0.3,
    words: ['liberal', 'liberals', 'progressives', 'conservatives', 'dems', 'repubs', 'gop establishment', 'democrat-controlled', 'republican-controlled'],
  },
  // --- violence idioms: politics told as war
  {
    kind: 'violence-idiom', weight: 0.7,
    verbs: ['blow up', 'nuke', 'obliterate', 'annihilate', 'decimate', 'demolish', 'eviscerate', 'steamroll', 'bulldoze', 'torpedo', 'sabotage', 'weaponize', 'go nuclear', 'declare war on', 'wage war on', 'knee-cap', 'kneecap', 'gut', 'crush', 'destroy'],
    words: ['war on', 'crusade', 'scorched earth', 'scorched-earth', 'knives out', 'nuclear option', 'ticking time bomb', 'powder keg', 'under siege', 'in the crosshairs', 'assault on', 'all-out war', 'jihad against', 'bloodletting', 'hatchet job', 'kill shot', 'death blow', 'body blow'],
  },
  {
    kind: 'violence-idiom', weight: 0.5,
    verbs: ['take down', 'slash', 'pounce', 'gun for'],
    words: ['under fire', 'firebrand', 'in the firing line', 'political football', 'battleground', 'fight back', 'showdown', 'war of words', 'bombshell report', 'shot across the bow', 'dead on arrival', 'warpath', 'on the warpath'],
  },
  // --- slang: casual words for serious things
  {
    kind: 'slang', weight: 0.5,
    words: ['nukes', 'nuke', 'commies', 'pols', 'big pharma', 'big tech', 'big oil', 'fat cats', 'fat cat', 'bigwigs', 'bigwig', 'honchos', 'top dogs', 'cops', 'feds', 'dough', 'gazillion', 'bazillion', 'zillion', 'freebies', 'gobbledygook', 'hogwash', 'baloney', 'claptrap', 'malarkey', 'bs', 'crap', 'crappy', 'damn', 'damned', 'hell', 'screw up', 'screwed up', 'mess up', 'messed up', 'loser', 'losers', 'dumb', 'dumbest', 'sucker', 'suckers', 'nutty', 'loony', 'wacky', 'batty', 'batshit', 'gonna', 'wanna', 'ain\'t', 'yuge', 'sad!'],
  },
];

function buildTable(): PhraseTable<LoadedEntry> {
  const table = new PhraseTable<LoadedEntry>();
  for (const g of GROUPS) {
    const add = (forms: readonly string[], lemma: string): void => {
      for (const f of forms) table.add(f, { kind: g.kind, weight: g.weight, lemma }, f === 'the left' || f === 'the far left' ? LEFT_NOT_BEFORE : []);
    };
    for (const w of g.words ?? []) add([w], w);
    for (const v of g.verbs ?? []) add(verbForms(v), v);
    for (const n of g.nouns ?? []) add(nounForms(n), n);
  }
  return table;
}

/** "the left" is the side of something, not the political left, before these words. */
const LEFT_NOT_BEFORE = ['hand', 'side', 'lane', 'foot', 'leg', 'arm', 'eye', 'ear', 'bank', 'flank', 'wing', 'field', 'corner', 'edge', 'of', 'turn', 'back', 'front', 'rear', 'panel', 'column'];

/**
 * Things a violence verb acts on, or that act, when the verb is meant literally: "A fire destroyed
 * a warehouse", "the storm ripped the roof off", "the house was demolished" report damage, they
 * do not tell the reader what to think (issue #17's fire test). Our own list.
 */
export const LITERAL_CONTEXT: ReadonlySet<string> = new Set(
  ('fire fires blaze blazes flames flame wildfire wildfires flood floods flooding storm storms hurricane hurricanes tornado tornadoes ' +
    'typhoon cyclone quake earthquake earthquakes tremor tsunami avalanche landslide mudslide eruption volcano lightning hail ' +
    'explosion explosions blast blasts bomb bombs bombing shelling airstrike airstrikes missile missiles rocket rockets shells drone drones ' +
    'warehouse warehouses building buildings houses home homes factory factories plant school schools church churches mosque temple ' +
    'hospital office offices store stores shop shops barn barns shed garage apartment apartments tower towers bridge bridges ' +
    'road roads car cars vehicle vehicles truck trucks bus buses train trains ship ships boat boats plane planes aircraft jet jets tank tanks ' +
    'crops crop harvest forest forests trees acres hectares village villages town neighbourhood neighborhood roof roofs wall walls ' +
    'structure structures property properties inventory equipment machinery premises facility facilities depot hangar mill ' +
    'wind winds gust gusts gale gales waves surf coast coastline shore shoreline rubble debris window windows')
    .split(' '),
);

/**
 * Hazard words: loaded when said of people or politics ("toxic rhetoric", "explosive
 * allegations", "he fumes"), technical terms when said of a substance or device ("toxic fumes",
 * "explosive gas cylinders", "dangerous chemicals"). Lemmas of entries above.
 */
export const HAZARD_LEMMAS: ReadonlySet<string> = new Set(['toxic', 'explosive', 'fume', 'dangerous']);

/**
 * Substances, materials and devices near which a hazard word is a technical term (issue #17:
 * technical terms are not loaded). Our own list; LITERAL_CONTEXT's fires, buildings and vehicles
 * count too ("explosive device on the bus", "toxic smoke from the fire").
 */
export const SUBSTANCE_CONTEXT: ReadonlySet<string> = new Set(
  ('gas gases fumes fume smoke vapour vapor vapours vapors chemical chemicals substance substances material materials waste ' +
    'spill spills leak leaks leaked leaking acid acids solvent solvents liquid liquids fuel fuels petrol gasoline diesel oil exhaust ' +
    'emissions plume cloud dust sludge powder residue runoff ammonia chlorine mercury lead asbestos arsenic cyanide benzene pesticide ' +
    'pesticides herbicide herbicides fertiliser fertilizer algae mould mold bacteria metal metals compound compounds mixture ' +
    'device devices cylinder cylinders canister canisters container containers drum drums tanker charge charges ordnance munitions ' +
    'explosives ammunition detonator dose doses levels concentration concentrations toxic poisonous noxious flammable corrosive ' +
    'radioactive hazardous goods cargo contaminated contamination water air soil river lake')
    .split(' '),
);

/**
 * Emotive verbs of speech that also name a physical force: "the storm slammed into the coast",
 * "winds ripped roofs off", "a blast at a depot", "the fire raged", "the volcano spewed ash".
 * Literal near a LITERAL_CONTEXT word, as the violence verbs are. Lemmas of entries above.
 */
export const PHYSICAL_VERBS: ReadonlySet<string> = new Set(['slam', 'blast', 'bash', 'whack', 'rip', 'trash', 'hammer', 'torch', 'shred', 'pummel', 'savage', 'rage', 'howl', 'spew']);

/**
 * Words of criminal charges and court reporting, near which a violence idiom or hazard word is a
 * legal term: "charged with assault on a police officer", "possession of a dangerous weapon",
 * "dangerous driving". Our own list.
 */
export const LEGAL_CONTEXT: ReadonlySet<string> = new Set(
  ('charged charges accused convicted conviction guilty suspicion counts indicted indictment sentenced pleaded pled ' +
    'offence offense offences offenses possession weapon weapons firearm firearms knife driving')
    .split(' '),
);

/** True when the violence verb of words [from, to) is meant literally: a LITERAL_CONTEXT word within 3 words before or 4 after, in the same sentence. */
export function isLiteralUse(text: string, words: readonly { start: number; end: number; norm: string }[], from: number, to: number): boolean {
  return isNear(text, words, from, to, LITERAL_CONTEXT);
}

/**
 * True when the loaded match [from, to) with `entry` is meant literally or technically: a
 * violence verb or physical verb near a LITERAL_CONTEXT word (a violence idiom also near a
 * LEGAL_CONTEXT word), a hazard word near a substance, a LITERAL_CONTEXT or a LEGAL_CONTEXT word
 * (3 words before, 4 after, same sentence).
 */
export function isLiteralSense(text: string, words: readonly { start: number; end: number; norm: string }[], from: number, to: number, entry: LoadedEntry): boolean {
  if (entry.kind === 'violence-idiom') return isNear(text, words, from, to, LITERAL_CONTEXT) || isNear(text, words, from, to, LEGAL_CONTEXT);
  if (entry.kind === 'emotive-speech' && PHYSICAL_VERBS.has(entry.lemma)) return isNear(text, words, from, to, LITERAL_CONTEXT);
  return isHazardTerm(text, words, from, to, entry.lemma);
}

/** True when `lemma` at words [from, to) is a hazard word said of a substance, device, fire or building ("toxic fumes"). */
export function isHazardTerm(text: string, words: readonly { start: number; end: number; norm: string }[], from: number, to: number, lemma: string): boolean {
  return HAZARD_LEMMAS.has(lemma) && (isNear(text, words, from, to, SUBSTANCE_CONTEXT) || isNear(text, words, from, to, LITERAL_CONTEXT) || isNear(text, words, from, to, LEGAL_CONTEXT));
}

function isNear(text: string, words: readonly { start: number; end: number; norm: string }[], from: number, to: number, context: ReadonlySet<string>): boolean {
  for (let i = from - 1; i >= 0 && i >= from - 3; i--) {
    if (endsSentence(text, (words[i] as { end: number }).end, (words[i + 1] as { start: number }).start)) break;
    if (context.has((words[i] as { norm: string }).norm)) return true;
  }
  for (let i = to; i < words.length && i < to + 4; i++) {
    if (endsSentence(text, (words[i - 1] as { end: number }).end, (words[i] as { start: number }).start)) break;
    if (context.has((words[i] as { norm: string }).norm)) return true;
  }
  return false;
}

/** True when text[a, b) (the gap between two words) holds a sentence end. */
function endsSentence(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a) return true;
  }
  return false;
}

/** The loaded-language lexicon, keyed on the first word's norm. */
export const LOADED: PhraseTable<LoadedEntry> = buildTable();
