/**
 * Word lists for sentence segmentation (our own, written from AP style and news usage; checked
 * on the seed articles and the sentences in segment.test.ts). Abbreviations are matched on the
 * token's exact text without its final period, so "Ill." (Illinois) is not "ill." (sick).
 */

/** Abbreviations that always lead into a name: a period after them never ends a sentence. */
export const NEVER_FINAL = new Set([
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Mmes', 'Dr', 'Drs', 'Prof', 'Sen', 'Sens', 'Rep', 'Reps', 'Gov', 'Govs', 'Lt', 'Gen', 'Col',
  'Maj', 'Capt', 'Cmdr', 'Adm', 'Sgt', 'Cpl', 'Pvt', 'Brig', 'Cdr', 'Rev', 'Msgr', 'Hon', 'Pres', 'Supt', 'Det', 'Insp',
  'Atty', 'Amb', 'Sec', 'Secs', 'Gens', 'MR', 'MRS', 'MS', 'DR',
  'e.g', 'i.e', 'E.g', 'I.e', 'vs', 'Vs', 'v', 'cf', 'approx', 'ca', 'viz',
]);

/**
 * Abbreviations that usually lead on ("No. 5", "Jan. 20", "Vol. 3") but end a sentence when no
 * number follows and the next word starts a sentence.
 */
export const BEFORE_NUMBER = new Set([
  'No', 'Nos', 'no', 'nos', 'Vol', 'vol', 'Vols', 'p', 'pp', 'Art', 'art', 'Fig', 'fig', 'Ch', 'ch', 'sec',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Ave', 'Rte', 'Rt', 'Nr', 'Ex',
  'N°', 'Nº', 'n°', 'nº',
]);

/**
 * Abbreviations that often stand before a capitalised name ("the U.S. Senate", "St. Louis") and
 * also end sentences ("a threat to the U.S. The next day"): they end one only when the next word
 * is a sentence starter (STARTERS) or a quotation opens.
 */
export const BEFORE_NAMES = new Set(['U.S', 'U.K', 'U.N', 'E.U', 'U.S.A', 'St', 'Ste', 'Ft', 'Mt', 'Pt']);

/**
 * Abbreviations that often end sentences: Inc., Jr., a.m., etc., U.S. state names. After them the
 * sentence ends when the next word is a sentence starter or a common word (one the article also
 * writes in lower case). Single capital letters (initials) and unlisted period abbreviations
 * ("J.R.R.", "D.C.") are treated the same way.
 */
export const OFTEN_FINAL = new Set([
  'Inc', 'Corp', 'Co', 'Cos', 'Ltd', 'Bros', 'Assn', 'Dept', 'Univ', 'Jr', 'Sr', 'Esq', 'Ph.D', 'M.D', 'B.A', 'M.A',
  'a.m', 'p.m', 'A.M', 'P.M', 'etc', 'al', 'et al', 'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga',
  'Ill', 'Ind', 'Kan', 'Kans', 'Ky', 'La', 'Md', 'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore',
  'Pa', 'Penn', 'Tenn', 'Tex', 'Vt', 'Va', 'Wash', 'Wis', 'Wyo', 'D.C', 'N.Y', 'N.J', 'N.H', 'N.M', 'N.C', 'N.D', 'S.C',
  'S.D', 'R.I', 'W.Va', 'Blvd', 'Rd', 'Hwy', 'Mtn', 'Dist',
]);

/**
 * Words that, capitalised, start a sentence rather than continue a name: determiners, pronouns,
 * conjunctions, prepositions and sentence adverbs common in news. Lower case here.
 */
export const STARTERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', "it's", 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her',
  'their', 'our', 'my', 'your', 'there', 'here', 'but', 'and', 'or', 'so', 'yet', 'if', 'when', 'while', 'after', 'before',
  'since', 'as', 'at', 'in', 'on', 'of', 'for', 'from', 'to', 'with', 'by', 'under', 'over', 'some', 'many', 'most', 'all',
  'both', 'each', 'every', 'no', 'none', 'not', 'however', 'meanwhile', 'still', 'also', 'then', 'now', 'later', 'earlier',
  'yesterday', 'today', 'tomorrow', 'last', 'next', 'such', 'one', 'two', 'three', 'what', 'why', 'how', 'who', 'where',
  'which', 'although', 'though', 'because', 'despite', 'according', 'instead', 'even', 'only', 'other', 'another', 'more',
  'several', 'few', 'any', 'neither', 'either', 'nor', 'until', 'during', 'without', 'within', 'among', 'about', 'against',
  'through', 'between', 'into', 'unlike', 'like', 'officials', 'police', 'authorities', 'critics', 'experts', 'analysts',
  'he’s', "he's", 'she’s', "she's", "they're", "we're", "i'm", 'asked', 'in addition', 'furthermore', 'moreover', 'thus',
  'therefore', 'indeed', 'overall', 'finally', 'first', 'second', 'third', 'once', 'did', 'does', 'do', 'is', 'are', 'was',
  'were', 'will', 'would', 'can', 'could', 'should', 'might', 'has', 'have', 'had',
]);
