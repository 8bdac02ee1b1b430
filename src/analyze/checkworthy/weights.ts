// Placeholder until `npm run train:checkworthy` writes the trained weights.
import type { EncodedModel } from '../classifier/encode.js';

export const CHECKWORTHY_WEIGHTS: { model: EncodedModel } = {
  model: { bits: 4, scale: 1, data: '' },
};
