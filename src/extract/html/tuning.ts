/**
 * The body cascade's tuned thresholds in one table, so that they can be chosen on some pages and
 * checked on others: `eval/extraction.ts --cv` picks them on half of the development pages (split
 * by site) and scores the other half, both ways. Each value says what it is and where it began.
 */
export interface CascadeTuning {
  /** A parent takes over from the top candidate when it holds this much more paragraph text... */
  parentTextGain: number;
  /** ...and at most this share of its text is links. */
  parentMaxLinkDensity: number;
  /** A candidate scoring this share of the top one, beside it, makes their common ancestor the content. */
  nearShare: number;
  /** Link density above which a container inside the content is a link list (weak class evidence; Readability: 0.2-0.5). */
  maxLinkDensity: number;
  /** An attempt with this much text is kept without trying the next (Readability's char threshold: 500). */
  goodEnoughChars: number;
  /** The JSON-LD articleBody replaces the best attempt only when it is this much longer (it often lacks structure). */
  jsonldGain: number;
}

/** The shipped values (set by hand on the development pages; eval/extraction.ts --cv says how far they carry). */
export const CASCADE_TUNING: Readonly<CascadeTuning> = {
  parentTextGain: 1.6,
  parentMaxLinkDensity: 0.35,
  nearShare: 0.75,
  maxLinkDensity: 0.33,
  goodEnoughChars: 500,
  jsonldGain: 1.5,
};
