/**
 * Word lists for attributions and quote speakers (our own, from news usage; checked on the seed
 * articles and the sentences in attributions.test.ts and quotes.test.ts). Lower case.
 */

/** Verbs that attribute what follows or precedes to a source ("said", "told", "warned"). */
export const CUE_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'stated', 'added', 'adds', 'asserted', 'asserts', 'reported', 'reports', 'claimed',
  'claims', 'announced', 'announces', 'wrote', 'writes', 'noted', 'notes', 'suggested', 'suggests', 'confirmed', 'confirms',
  'denied', 'denies', 'insisted', 'insists', 'warned', 'warns', 'explained', 'explains', 'argued', 'argues', 'acknowledged',
  'acknowledges', 'admitted', 'admits', 'testified', 'tweeted', 'posted', 'declared', 'declares', 'stressed', 'stresses',
  'emphasized', 'emphasised', 'recalled', 'predicted', 'estimated', 'alleged', 'alleges', 'revealed', 'disclosed',
  'contended', 'maintained', 'observed', 'remarked', 'commented', 'replied', 'responded', 'countered', 'concluded',
  'complained', 'cautioned', 'conceded', 'boasted', 'quipped', 'asked', 'agreed', 'indicated', 'signaled', 'signalled',
  'predicts', 'believes', 'contends', 'maintains', 'vowed', 'pledged', 'promised', 'threatened',
  // from issue #16's list of misses and PolNeAR dev's missed cues (2016 election news): speech verbs of every tense
  'gushed', 'joked', 'jokes', 'implored', 'reiterated', 'reiterates', 'shouted', 'shouts', 'yelled', 'yells', 'screamed', 'accused',
  'accuses', 'called', 'calls', 'urged', 'urges', 'praised', 'praises', 'criticized', 'criticised', 'criticizes', 'described',
  'describes', 'mentioned', 'mentions', 'cited', 'cites', 'demanded', 'demands', 'continued', 'continues', 'echoed', 'echoes',
  'retorted', 'responds', 'replies', 'answered', 'announce', 'write', 'argue', 'claim', 'warn', 'insist',
  'note', 'add', 'agree', 'ask', 'asks', 'reports', 'reveals', 'reveal', 'recalls', 'recall', 'explain',
  'lamented', 'laments', 'mused', 'muses', 'whispered', 'interjected', 'chimed', 'scoffed', 'sniped', 'snapped', 'fumed',
  'blasted', 'slammed', 'touted', 'touts', 'bragged', 'brags', 'hinted', 'hints', 'speculated', 'conceded', 'concedes',
  'affirmed', 'reaffirmed', 'proclaimed', 'insisting', 'pointed', 'acknowledge', 'admit', 'deny', 'confirm', 'suggest',
  'promises', 'pledges', 'vows', 'threatens', 'proposed', 'proposes', 'charged', 'objected', 'protested', 'wondered',
  'begged', 'pleaded', 'advised', 'informed', 'assured', 'reminded', 'stated', 'predict', 'concluded', 'concludes',
  // base forms after a modal or a plural subject ("critics accuse"), and 'denounced' (PolNeAR dev misses; 'demand', 'tell',
  // 'pledge' and 'vow' were tried and left out: on PolNeAR train most of what they found was no cue)
  'accuse', 'criticize', 'criticise', 'urge', 'describe', 'denounce', 'denounced', 'denounces',
  // "“…,” the letter reads": next to a quotation only (QUOTE_ONLY_CUES; PolNeAR train: 9 of 12 "reads" are gold cues)
  'reads',
  // PolNeAR train quotations with a wrong speaker (issue #16 hand check): a crowd's chant, an exclamation, an agreement
  'exclaimed', 'exclaims', 'chanted', 'agrees',
]);

/**
 * Cue verbs that may stand before their subject ("..., said the official", "“...,” added Smith").
 * The others take an object after them ("..., described the night"): never inverted.
 */
export const INVERTING_CUES = new Set([
  'reads', 'said', 'says', 'say', 'added', 'adds', 'asked', 'asks', 'wrote', 'writes', 'told', 'explained', 'explains', 'continued', 'continues',
  'noted', 'notes', 'recalled', 'recalls', 'replied', 'replies', 'responded', 'responds', 'countered', 'asserted', 'declared', 'reported',
  'reports', 'warned', 'warns', 'insisted', 'insists', 'argued', 'argues', 'cautioned', 'quipped', 'joked', 'stated', 'conceded',
  'acknowledged', 'admitted', 'observed', 'remarked', 'commented', 'concluded', 'complained', 'boasted', 'gushed', 'shouted',
  'yelled', 'screamed', 'retorted', 'lamented', 'mused', 'whispered', 'interjected', 'tweeted', 'posted', 'announced', 'predicted',
  'stressed', 'emphasized', 'emphasised', 'answered', 'snapped', 'fumed', 'chimed', 'scoffed', 'bragged', 'reiterated', 'claimed',
  'exclaimed', 'chanted', 'agrees', 'agreed',
]);

/** Words that, right after a phrase read rightwards from a cue, show it was the object, not an inverted subject ("said the race was close"). */
export const VERB_AFTER_OBJECT = new Set(['is', 'was', 'are', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'did', 'does', 'do']);

/**
 * Verbs that attribute only with the word after them: "estimates that", "points out", "spoke of".
 * Checked before CUE_VERBS; the word after stays outside the cue.
 */
export const CUES_WITH_NEXT = new Map<string, ReadonlySet<string>>([
  ...['estimates', 'estimate', 'calculates', 'calculated', 'projects', 'projected', 'found', 'finds'].map((w) => [w, new Set(['that'])] as const),
  ...['points', 'point', 'pointed'].map((w) => [w, new Set(['out', 'to'])] as const), // "pointed to reports that"
  ...['spoke', 'speaks', 'speak', 'spoken', 'talked', 'talks'].map((w) => [w, new Set(['of', 'about', 'out'])] as const),
  ...['went', 'goes'].map((w) => [w, new Set(['on'])] as const), // "“…,” Trump went on": next to a quotation only (QUOTE_ONLY_CUES)
]);

/**
 * Participles that attribute to the subject of their clause ("..., saying the plan had failed";
 * "Trump attacked her and said ...": the same subject): read with the sentence's subject.
 */
export const CUE_PARTICIPLES = new Set([
  'saying', 'adding', 'arguing', 'noting', 'telling', 'claiming', 'insisting', 'warning', 'suggesting', 'explaining', 'asking',
  'calling', 'writing', 'declaring', 'stressing', 'emphasizing', 'emphasising', 'acknowledging', 'admitting', 'announcing',
  'promising', 'vowing', 'pledging', 'accusing', 'urging', 'describing', 'complaining', 'predicting', 'threatening', 'tweeting',
  'demanding', 'asserting', 'contending', 'denying', 'confirming', 'citing', 'recalling', 'reiterating', 'joking', 'quipping',
  'boasting', 'conceding', 'cautioning', 'lamenting', 'mentioning', 'replying', 'responding', 'revealing', 'stating', 'praising',
  'criticizing', 'criticising', 'blasting', 'slamming', 'touting', 'pointing', 'reporting', 'charging', 'proclaiming',
  'speaking', 'yelling', 'chanting', 'repeating', 'alleging', 'denouncing', 'answering',
]);

/**
 * Cue verbs that attribute only next to a quotation or a colon ("Caddell continued: ...",
 * "“...,” she continued"); elsewhere they are plain verbs ("the contacts have continued").
 * "echoed" attributes anywhere ("Pence echoed statements by Trump"): 16 of its 21 uses in PolNeAR
 * train are gold cues; "echoes" (1 of 5) stays here.
 */
export const QUOTE_ONLY_CUES = new Set(['continued', 'continues', 'echoes', 'reads', 'chimed', 'interjected', 'snapped', 'fumed', 'mused', 'muses', 'went', 'goes']);

/** Verbs that, after "it is" / "it was", attribute to no one: "it is believed", "it was reported" (anonymous). */
export const IMPERSONAL_PASSIVES = new Set(['believed', 'said', 'reported', 'understood', 'thought', 'claimed', 'alleged', 'rumored', 'rumoured', 'feared', 'expected', 'known', 'estimated', 'suspected', 'assumed']);

/** Words after a cue verb that make it a description, not an attribution: "Kim explains how he is preparing ..." (sarcasm, no words reported). */
export const NOT_AFTER_CUE = new Set(['how']);

/** Cues that take their source after them: "according to X", "citing X". Norms joined by spaces. */
export const SOURCE_AFTER_CUES = new Set(['according to', 'citing', 'cited by', 'reported by', 'quoted by', 'as reported by']);

/** Words skipped between a subject and its verb ("officials have also said"). */
export const BETWEEN_SUBJECT_AND_VERB = new Set([
  'has', 'have', 'had', 'would', 'will', 'could', 'may', 'might', 'did', 'does', 'do', 'also', 'later', 'previously',
  'recently', 'earlier', 'repeatedly', 'reportedly', 'publicly', 'privately', 'separately', 'again', 'once', 'already',
  'often', 'frequently', 'then', 'now', 'first', 'initially', 'subsequently', 'further', 'flatly', 'firmly', 'strongly',
  'quickly', 'simply', 'just', 'last', 'yesterday', 'has long', 'long', 'had', 'not', 'never', 'is', 'are', 'was', 'were',
  // "she still says", "Trump always says", "Carter however said" (PolNeAR: "still" and "however" were taken into the source)
  'still', 'always', 'sometimes', 'usually', 'even', 'however', 'too',
]);

/** Words before a cue verb that make it no attribution ("to say", "was told", "the reported attack"). */
export const NOT_BEFORE_CUE = new Set(['to', 'be', 'been', 'being', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'unconfirmed', 'widely']);

/** Words that end a subject phrase when reading leftwards from the verb (left out of it). */
export const SUBJECT_STOPS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'because', 'since', 'after', 'before', 'as', 'if', 'but',
  'so', 'than', 'though', 'although', 'whether', 'said', 'says', 'told', 'is', 'was', 'are', 'were', 'be', 'been', 'has',
  'have', 'had', 'not', 'by', 'into', 'onto', 'upon', 'until', 'unless', 'nor', 'yet', 'how', 'why', 'what',
]);

/** Words that end a source phrase read rightwards ("said the official on Tuesday", "according to X in a statement"). */
export const SOURCE_END = new Set([
  'that', 'which', 'who', 'whom', 'when', 'while', 'because', 'since', 'after', 'before', 'as', 'if', 'but', 'on', 'in',
  'at', 'during', 'last', 'this', 'yesterday', 'today', 'tonight', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'earlier', 'later', 'recently', 'is', 'was', 'are', 'were', 'has', 'have', 'had', 'said',
  'says', 'told', 'and', 'to', 'by', 'than', 'so', 'adding', 'describing', 'noting', 'saying', 'referring', 'speaking',
  // the question after an asker ("asked by a caller why young men ...")
  'whether', 'why', 'how',
]);

/** Determiners and quantifiers that open a noun phrase: reading leftwards they end it (kept). */
export const DETERMINERS = new Set(['the', 'a', 'an', 'some', 'many', 'several', 'two', 'three', 'four', 'five', 'other', 'another', 'most', 'all', 'both', 'one', 'few', 'multiple', 'numerous', 'various', 'his', 'her', 'their', 'its', 'our']);

/** Prepositions allowed inside a source phrase after its head ("people familiar with the matter", "a spokesman for the ministry"). */
export const INNER_PREPOSITIONS = new Set(['of', 'for', 'at', 'with', 'from', 'in', 'on', 'close', 'familiar', 'briefed', 'involved', 'knowledgeable', 'within', 'inside', 'to']);

/**
 * Head nouns of a source phrase that name no one: the source is anonymous even when a name
 * modifies them ("a senior State Department official", "Some U.S. and South Korean officials").
 */
export const GENERIC_HEADS = new Set([
  'official', 'officials', 'source', 'sources', 'people', 'person', 'persons', 'aide', 'aides', 'diplomat', 'diplomats',
  'someone', 'somebody', 'insider', 'insiders', 'analyst', 'analysts', 'expert', 'experts', 'observer', 'observers',
  'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'representative', 'representatives', 'employee', 'employees',
  'staffer', 'staffers', 'member', 'members', 'witness', 'witnesses', 'resident', 'residents', 'officer', 'officers',
  'investigator', 'investigators', 'lawmaker', 'lawmakers', 'critics', 'critic', 'supporters', 'others', 'report', 'reports',
  'media', 'authorities', 'individuals', 'individual', 'colleagues', 'insiders', 'operatives', 'agents', 'negotiators',
  'advisers', 'advisors', 'adviser', 'advisor', 'executive', 'executives', 'leaders', 'administration officials',
  // people named by their role or place only ("a worker at the plant", "voters in Ohio")
  'worker', 'workers', 'voter', 'voters', 'neighbor', 'neighbors', 'neighbour', 'neighbours', 'man', 'woman', 'men', 'women',
  'passenger', 'passengers', 'survivor', 'survivors', 'relative', 'relatives', 'protester', 'protesters', 'activist', 'activists',
  'firefighter', 'firefighters', 'nurse', 'nurses', 'doctor', 'doctors', 'teacher', 'teachers', 'student', 'students', 'customer',
  'customers', 'participant', 'participants', 'attendee', 'attendees', 'locals', 'guard', 'guards', 'parent', 'parents',
  // people named by their family tie only ("one mother, who did not want to be named, said")
  'mother', 'mothers', 'father', 'fathers', 'mum', 'mom', 'dad', 'son', 'daughter', 'wife', 'husband', 'sister', 'brother',
  'grandmother', 'grandfather', 'girl', 'boy', 'widow', 'widower', 'pensioner', 'pensioners',
]);

/** Modifiers that make any source anonymous ("unidentified U.S. officials", "an unnamed aide"). */
export const ANONYMOUS_MODIFIERS = new Set(['unidentified', 'anonymous', 'unnamed', 'undisclosed', 'unspecified']);

/** Generic heads that name a document or outlet kind: a name beside them makes the source named ("a Reuters report"). */
export const DOCUMENT_HEADS = new Set(['report', 'reports', 'media']);

/** Pronouns that may be a source, resolved to an earlier person, organisation or anonymous source. */
export const PERSON_PRONOUNS = new Set(['he', 'she']);
export const PLURAL_PRONOUNS = new Set(['they']);
export const OTHER_PRONOUNS = new Set(['it', 'we', 'i', 'you', 'him', 'her', 'them', 'us', 'me']);

/**
 * News outlets and agencies whose reporting an article may relay ("the AP reported", "according
 * to Reuters", "citing CNN"): their usual names (lower case, without a leading "the") to one
 * canonical name. Our own list of widely cited outlets; a source phrase relays when what is left
 * of it after determiners, a possessive and a document word ("report", "story") is one of these.
 */
export const OUTLETS = new Map<string, string>([
  ...(['ap', 'associated press', 'a.p.'].map((n) => [n, 'Associated Press'] as const)),
  ['reuters', 'Reuters'], ['thomson reuters', 'Reuters'],
  ...(['afp', 'agence france-presse', 'agence france presse', 'france-presse', 'france presse'].map((n) => [n, 'Agence France-Presse'] as const)),
  ['cnn', 'CNN'], ['bbc', 'BBC'], ['bbc news', 'BBC'], ['nbc', 'NBC News'], ['nbc news', 'NBC News'], ['abc', 'ABC News'], ['abc news', 'ABC News'],
  ['cbs', 'CBS News'], ['cbs news', 'CBS News'], ['fox news', 'Fox News'], ['msnbc', 'MSNBC'], ['npr', 'NPR'], ['pbs', 'PBS'],
  ['new york times', 'The New York Times'], ['nyt', 'The New York Times'], ['washington post', 'The Washington Post'],
  ['wall street journal', 'The Wall Street Journal'], ['wsj', 'The Wall Street Journal'], ['bloomberg', 'Bloomberg'], ['bloomberg news', 'Bloomberg'],
  ['politico', 'Politico'], ['axios', 'Axios'], ['usa today', 'USA Today'], ['los angeles times', 'Los Angeles Times'],
  ['new york post', 'New York Post'], ['the hill', 'The Hill'], ['huffington post', 'HuffPost'], ['huffpost', 'HuffPost'],
  ['breitbart', 'Breitbart'], ['breitbart news', 'Breitbart'], ['guardian', 'The Guardian'], ['financial times', 'Financial Times'],
  ['economist', 'The Economist'], ['daily mail', 'Daily Mail'], ['independent', 'The Independent'], ['sky news', 'Sky News'],
  ['al jazeera', 'Al Jazeera'], ['yonhap', 'Yonhap'], ['yonhap news agency', 'Yonhap'], ['xinhua', 'Xinhua'], ['kcna', 'KCNA'],
  ['korean central news agency', 'KCNA'], ['tass', 'TASS'], ['ria novosti', 'RIA Novosti'], ['interfax', 'Interfax'], ['kyodo', 'Kyodo News'],
  ['kyodo news', 'Kyodo News'], ['dpa', 'dpa'], ['efe', 'EFE'], ['ansa', 'ANSA'], ['press association', 'PA Media'], ['pa media', 'PA Media'],
  ['global times', 'Global Times'], ['people\'s daily', 'People\'s Daily'], ['the atlantic', 'The Atlantic'], ['atlantic', 'The Atlantic'],
  ['newsweek', 'Newsweek'], ['time magazine', 'Time'], ['vox', 'Vox'], ['buzzfeed news', 'BuzzFeed News'], ['propublica', 'ProPublica'],
  ['the intercept', 'The Intercept'], ['daily beast', 'The Daily Beast'], ['the daily beast', 'The Daily Beast'], ['cnbc', 'CNBC'],
  ['washington times', 'The Washington Times'], ['chicago tribune', 'Chicago Tribune'], ['boston globe', 'The Boston Globe'],
  ['nikkei', 'Nikkei'], ['le monde', 'Le Monde'], ['der spiegel', 'Der Spiegel'], ['spiegel', 'Der Spiegel'], ['telegraph', 'The Telegraph'],
  ['times of london', 'The Times'], ['south china morning post', 'South China Morning Post'], ['nhk', 'NHK'], ['rt', 'RT'], ['sputnik', 'Sputnik'],
]);

/** Words naming what an outlet published: "a Reuters report", "an AP story", "reports by CNN". */
export const OUTLET_DOCUMENTS = new Set(['report', 'reports', 'story', 'stories', 'article', 'articles', 'dispatch', 'investigation', 'analysis', 'interview', 'broadcast', 'news', 'reporting', 'reporters', 'reporter', 'correspondent', 'tally', 'count', 'survey']);

/**
 * Last words of a news outlet's own name, for outlets OUTLETS does not list ("Coastline Press
 * Agency reported", "according to the Marrowby Courier", "the Estuary Daily Record said"): a
 * capitalised name of two or more words ending in one of these is an outlet. "Agency" and
 * "service" only after "press", "news" or "wire" (the Environment Agency is no outlet); no
 * word that also ends company names ("American Express"). Our own list.
 */
export const OUTLET_NAME_HEADS = new Set([
  'gazette', 'courier', 'herald', 'tribune', 'chronicle', 'record', 'observer', 'times', 'post', 'journal', 'news', 'dispatch',
  'bulletin', 'examiner', 'inquirer', 'telegraph', 'mirror', 'sentinel', 'wire', 'newspaper', 'press agency', 'news agency',
  'news service', 'wire service', 'press association',
]);
