/**
 * Word lists for finding names (our own, from AP style and news usage; checked on the seed
 * articles and the sentences in entities.test.ts). All lower case: they are compared with norms.
 */

/** Words that head a title before a name ("President", "Sen.", "Ambassador"); not part of the name. */
export const TITLE_HEADS = new Set([
  'president', 'secretary', 'minister', 'ambassador', 'envoy', 'senator', 'sen', 'rep', 'representative', 'congressman',
  'congresswoman', 'governor', 'gov', 'mayor', 'judge', 'justice', 'chancellor', 'king', 'queen', 'prince', 'princess',
  'pope', 'premier', 'leader', 'speaker', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'chair',
  'director', 'commissioner', 'general', 'gen', 'admiral', 'adm', 'colonel', 'col', 'lieutenant', 'lt', 'maj',
  'sergeant', 'sgt', 'captain', 'capt', 'commander', 'cmdr', 'corporal', 'cpl', 'pvt', 'officer', 'detective',
  'det', 'inspector', 'sheriff', 'mr', 'mrs', 'ms', 'miss', 'dr', 'doctor', 'professor', 'prof', 'rev', 'reverend',
  'father', 'sister', 'bishop', 'cardinal', 'archbishop', 'rabbi', 'imam', 'sheikh', 'ayatollah', 'emir', 'sultan',
  'sir', 'dame', 'lord', 'lady', 'ceo', 'founder', 'attorney', 'counsel', 'adviser', 'advisor', 'coach', 'superintendent',
  'president-elect', 'chief', 'dictator', 'prosecutor', 'councilman', 'councilwoman', 'councillor', 'councilor',
  'negotiator', 'diplomat', 'official', 'delegate', 'minister-president', 'marshal', 'brig', 'supt', 'msgr', 'amb',
]);

/** Words that may stand before or inside a title ("Acting Assistant Secretary", "Prime Minister"). */
export const TITLE_MODIFIERS = new Set([
  'acting', 'assistant', 'deputy', 'vice', 'prime', 'foreign', 'defense', 'defence', 'interior', 'finance', 'trade',
  'supreme', 'chief', 'executive', 'former', 'special', 'senior', 'crown', 'first', 'majority', 'minority', 'principal',
  'under', 'associate', 'state', 'federal', 'district', 'attorney', 'national', 'security', 'press', 'white', 'house',
  'senate', 'top', 'lead', 'grand', 'high', 'foreign-affairs', 'health', 'education', 'energy', 'labor', 'labour',
  'home', 'economy', 'economic', 'treasury', 'commerce', 'transportation', 'agriculture', 'justice', 'homeland',
  'science', 'culture', 'environment', 'army', 'navy', 'air', 'force', 'marine', 'retired', 'ret', 'then', 'then-president',
  'opposition', 'party', 'communications', 'policy', 'intelligence', 'general', 'managing', 'operating', 'financial',
]);

/** Words allowed after "of" in a title ("Secretary of State", "Minister of Foreign Affairs"). */
export const TITLE_OF_WORDS = new Set([
  'state', 'defense', 'defence', 'the', 'treasury', 'commerce', 'energy', 'health', 'homeland', 'security', 'foreign',
  'affairs', 'education', 'labor', 'agriculture', 'justice', 'transportation', 'interior', 'finance', 'trade', 'staff',
  'human', 'services', 'veterans', 'housing', 'urban', 'development', 'war', 'unification', 'information',
]);

/** Lower-case job words that, just before a name, make it a person ("missionary Kim Dong Chul"). */
export const JOB_NOUNS = new Set([
  'missionary', 'professor', 'consultant', 'student', 'spokesman', 'spokeswoman', 'spokesperson', 'envoy', 'negotiator',
  'leader', 'president', 'minister', 'official', 'analyst', 'lawyer', 'attorney', 'director', 'ambassador', 'senator',
  'reporter', 'journalist', 'author', 'activist', 'actor', 'actress', 'singer', 'coach', 'player', 'founder', 'chairman',
  'chairwoman', 'ceo', 'executive', 'diplomat', 'dictator', 'general', 'secretary', 'governor', 'mayor', 'judge', 'officer',
  'soldier', 'businessman', 'businesswoman', 'billionaire', 'economist', 'researcher', 'scientist', 'doctor', 'nurse',
  'teacher', 'pastor', 'priest', 'cleric', 'commander', 'politician', 'lawmaker', 'congressman', 'congresswoman', 'aide',
  'adviser', 'advisor', 'strategist', 'candidate', 'nominee', 'rapper', 'artist', 'writer', 'columnist', 'editor',
  'prosecutor', 'detective', 'agent', 'captain', 'manager', 'striker', 'defender', 'goalkeeper', 'quarterback', 'host',
  'comedian', 'historian', 'expert', 'worker', 'farmer', 'pilot', 'dissident', 'defector', 'prisoner', 'detainee',
  'victim', 'suspect', 'witness', 'resident', 'survivor', 'veteran', 'wife', 'husband', 'son', 'daughter', 'mother',
  'father', 'brother', 'sister', 'uncle', 'aunt', 'cousin', 'friend', 'colleague', 'counterpart', 'predecessor', 'successor',
  'rival', 'opponent', 'chief', 'head', 'premier', 'president-elect', 'mr', 'mrs', 'ms', 'dr',
]);

/** Capitalised words that lead a sentence or a name run but are not names ("The", "Some", "Under"). */
export const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', "it's", 'he', 'she', 'they', 'we', 'i', 'you', 'his',
  'her', 'their', 'our', 'my', 'your', 'there', 'here', 'but', 'and', 'or', 'so', 'yet', 'if', 'when', 'while', 'after',
  'before', 'since', 'as', 'at', 'in', 'on', 'of', 'for', 'from', 'to', 'with', 'by', 'under', 'over', 'some', 'many',
  'most', 'all', 'both', 'each', 'every', 'no', 'none', 'not', 'however', 'meanwhile', 'still', 'also', 'then', 'now',
  'later', 'earlier', 'yesterday', 'today', 'tomorrow', 'last', 'next', 'such', 'one', 'two', 'three', 'four', 'five',
  'six', 'seven', 'eight', 'nine', 'ten', 'what', 'why', 'how', 'who', 'where', 'which', 'although', 'though', 'because',
  'despite', 'according', 'instead', 'even', 'only', 'other', 'another', 'more', 'several', 'few', 'any', 'neither',
  'either', 'nor', 'until', 'during', 'without', 'within', 'among', 'about', 'against', 'through', 'between', 'into',
  'unlike', 'like', 'thus', 'indeed', 'overall', 'finally', 'first', 'second', 'third', 'once', 'did', 'does', 'do', 'is',
  'are', 'was', 'were', 'will', 'would', 'can', 'could', 'should', 'might', 'must', 'has', 'have', 'had', 'let', 'please',
  'yes', 'oh', 'well', 'just', 'perhaps', 'maybe', 'whether', 'whatever', 'whoever', 'every', 'much', 'few', 'former',
  'late', 'dear', 'mr', 'ms', 'mrs', 'dr', 'thanks', 'thank', 'read', 'see', 'watch', 'click', 'follow',
  'share', 'sign', 'subscribe', 'update', 'updated', 'breaking', 'exclusive', 'opinion', 'analysis', 'editorial',
]);

/** Capitalised words that are never names on their own: days, months, and similar. */
export const NOT_NAMES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'i', 'ok', 'okay', 'tv', 'internet', 'web', 'mr', 'mrs', 'ms', 'dr', 'am', 'pm',
  'a.m.', 'p.m.', 'ad', 'bc', 'ce', 'god', 'christmas', 'easter', 'ramadan', 'thanksgiving', 'comment', 'comments',
  'article', 'rating', 'votes', 'vote', 'reply', 'share', 'tweet', 'email', 'print', 'advertisement', 'photo', 'video',
]);

/** Lower-case words allowed inside a name between capitalised words ("Osama bin Laden", "Charles de Gaulle"). */
export const CONNECTORS = new Set(['of', 'de', 'da', 'del', 'della', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'y', 'dos', 'das', 'ten', 'ter', 'bint', 'abu']);
/** Of CONNECTORS, the ones that do not occur inside a person's name ("Bank of America", not "Kim of Korea"). */
export const NON_PERSON_CONNECTORS = new Set(['of']);

/** First words that make a name an organisation ("University of Toronto", "Bank of England"). */
export const ORG_PREFIXES = new Set(['university', 'bank', 'department', 'ministry', 'institute', 'office', 'bureau', 'council', 'house', 'church', 'college', 'school', 'federation', 'association', 'organization', 'organisation', 'commission', 'committee', 'agency', 'embassy', 'court', 'museum', 'parliament']);

/** Last words that make a name an organisation. */
export const ORG_SUFFIXES = new Set([
  'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'group', 'party', 'agency', 'department', 'ministry', 'council', 'committee',
  'commission', 'university', 'college', 'institute', 'institution', 'bank', 'times', 'post', 'news', 'press', 'journal',
  'herald', 'tribune', 'gazette', 'daily', 'magazine', 'association', 'union', 'organization', 'organisation', 'foundation',
  'fund', 'court', 'army', 'navy', 'force', 'forces', 'administration', 'office', 'bureau', 'service', 'services', 'company',
  'corporation', 'network', 'channel', 'club', 'league', 'federation', 'authority', 'board', 'center', 'centre', 'society',
  'church', 'school', 'hospital', 'police', 'guard', 'command', 'assembly', 'parliament', 'congress', 'senate', 'cabinet',
  'airlines', 'airways', 'motors', 'technologies', 'systems', 'holdings', 'industries', 'partners', 'capital', 'media',
  'television', 'radio', 'broadcasting', 'reuters', 'movement', 'front', 'brigade', 'brigades', 'coalition', 'alliance',
  'program', 'programme', 'project', 'initiative', 'team', 'studio', 'studios', 'labs', 'lab', 'trust', 'exchange',
]);

/** First words that make a name a place ("St. Louis", "Fort Worth", "San Diego"). */
export const PLACE_PREFIXES = new Set(['st', 'ste', 'ft', 'mt', 'fort', 'mount', 'san', 'santa', 'santo', 'sao', 'port', 'lake', 'cape', 'saint', 'los', 'las', 'el', 'la', 'new', 'north', 'south', 'east', 'west', 'upper', 'lower', 'greater']);

/** Last words that make a name a place. */
export const PLACE_SUFFIXES = new Set([
  'peninsula', 'river', 'sea', 'ocean', 'island', 'islands', 'mountain', 'mountains', 'mount', 'province', 'county',
  'city', 'street', 'avenue', 'road', 'valley', 'lake', 'strait', 'gulf', 'bay', 'desert', 'region', 'state', 'district',
  'square', 'park', 'bridge', 'airport', 'border', 'coast', 'harbor', 'harbour', 'port', 'beach', 'canal', 'village',
  'town', 'prefecture', 'territory', 'territories', 'heights', 'hills', 'plain', 'plateau', 'basin', 'zone', 'base',
]);
