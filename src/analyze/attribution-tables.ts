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
]);

/** Cues that take their source after them: "according to X", "citing X". Norms joined by spaces. */
export const SOURCE_AFTER_CUES = new Set(['according to', 'citing', 'cited by', 'reported by', 'quoted by', 'as reported by']);

/** Words skipped between a subject and its verb ("officials have also said"). */
export const BETWEEN_SUBJECT_AND_VERB = new Set([
  'has', 'have', 'had', 'would', 'will', 'could', 'may', 'might', 'did', 'does', 'do', 'also', 'later', 'previously',
  'recently', 'earlier', 'repeatedly', 'reportedly', 'publicly', 'privately', 'separately', 'again', 'once', 'already',
  'often', 'frequently', 'then', 'now', 'first', 'initially', 'subsequently', 'further', 'flatly', 'firmly', 'strongly',
  'quickly', 'simply', 'just', 'last', 'yesterday', 'has long', 'long', 'had', 'not', 'never', 'is', 'are', 'was', 'were',
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
]);

/** Modifiers that make any source anonymous ("unidentified U.S. officials", "an unnamed aide"). */
export const ANONYMOUS_MODIFIERS = new Set(['unidentified', 'anonymous', 'unnamed', 'undisclosed', 'unspecified']);

/** Generic heads that name a document or outlet kind: a name beside them makes the source named ("a Reuters report"). */
export const DOCUMENT_HEADS = new Set(['report', 'reports', 'media']);

/** Pronouns that may be a source, resolved to an earlier person, organisation or anonymous source. */
export const PERSON_PRONOUNS = new Set(['he', 'she']);
export const PLURAL_PRONOUNS = new Set(['they']);
export const OTHER_PRONOUNS = new Set(['it', 'we', 'i', 'you', 'him', 'her', 'them', 'us', 'me']);
