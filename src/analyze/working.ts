/**
 * Working layers: what the stages of one `analyze()` run derive from the doc's layers and share,
 * instead of each rebuilding it (the text view claims, signals and profile read; the attribution
 * cues quotes and attributions both find). One `Working` per document per run, made by `analyze`
 * and handed to each stage, so nothing is kept at module level between documents or runs.
 *
 * Each entry remembers the layers it was built from (by identity) and is rebuilt when one of
 * them changed, so a stage called on its own, or on a doc whose layers were replaced, still gets
 * the right answer; a stage called without one gets a fresh `Working` and computes everything.
 */
import type { Doc, Span, Token } from '../model/index.js';
import { findCues, type Cue, type CueInput } from './attribution-sources.js';
import { buildView, type TextView } from './signal-view.js';
import { tokenBits, WORD_BITS, type TokenBits } from './word-bits.js';

type ViewLayers = Pick<Doc, 'text' | 'tokens' | 'sentences' | 'paragraphs' | 'quotes' | 'attributions' | 'entities'>;

function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Span;
    const y = b[i] as Span;
    if (x.start !== y.start || x.end !== y.end) return false;
  }
  return true;
}

export class Working {
  #view: { layers: ViewLayers; view: TextView } | undefined;
  #cues: { input: CueInput; tokens: readonly Token[]; quoted: Span[]; cues: readonly Cue[] } | undefined;
  #tokenBits: TokenBits | undefined;

  /**
   * The word-table bits of the tokens (word-bits.ts): looked up once per run, by the tokenize
   * stage (or by the first reader when it ran without this Working), for the attribution cues
   * and the view's words.
   */
  tokenBits(tokens: readonly Token[]): TokenBits {
    const hit = this.#tokenBits;
    if (hit !== undefined && hit.tokens === tokens && hit.version === WORD_BITS.version) return hit;
    this.#tokenBits = tokenBits(tokens);
    return this.#tokenBits;
  }

  /** The doc's text view (words, quoted words, sentence kinds, attributions per sentence). */
  view(doc: Doc): TextView {
    const hit = this.#view;
    if (
      hit !== undefined &&
      hit.layers.text === doc.text &&
      hit.layers.tokens === doc.tokens &&
      hit.layers.sentences === doc.sentences &&
      hit.layers.paragraphs === doc.paragraphs &&
      hit.layers.quotes === doc.quotes &&
      hit.layers.attributions === doc.attributions &&
      hit.layers.entities === doc.entities
    ) {
      return hit.view;
    }
    const view = buildView(doc);
    // the view's words are the doc's tokens (split at hyphens) unless that layer is empty
    if (doc.tokens.length > 0) view.memo.tokenBits = this.tokenBits(doc.tokens);
    this.#view = {
      layers: { text: doc.text, tokens: doc.tokens, sentences: doc.sentences, paragraphs: doc.paragraphs, quotes: doc.quotes, attributions: doc.attributions, entities: doc.entities },
      view,
    };
    return view;
  }

  /**
   * Every attribution cue of the text (attribution-sources.ts). findQuotes and findAttributions
   * both ask, with the same quoted spans (attributions pass doc.quotes, which are the spans quotes
   * passed): the second ask gets the first answer. Read-only: callers copy what they keep.
   */
  cues(input: CueInput): readonly Cue[] {
    const hit = this.#cues;
    if (
      hit !== undefined &&
      hit.tokens === input.tokens &&
      hit.input.text === input.text &&
      hit.input.sentences === input.sentences &&
      hit.input.entities === input.entities &&
      sameSpans(hit.quoted, input.quoted)
    ) {
      return hit.cues;
    }
    const cues = findCues(input.bits === undefined ? { ...input, bits: this.tokenBits(input.tokens) } : input);
    this.#cues = { input, tokens: input.tokens, quoted: input.quoted.map((q) => ({ start: q.start, end: q.end })), cues };
    return cues;
  }
}
