/**
 * The article: one frozen `text` and layers of labels that point into it. Readers produce a
 * SourceRecord; `extract` turns it into a Doc with the cleaned text; every analysis stage is
 * `(doc, ctx) => doc` and only adds layers (STYLE.md rule 1). The JSON report is built from
 * `Article` (a Doc without its working layers), which is a public contract: keep the names.
 */
import type { Evidence, Span } from './span.js';
import type { Message } from './messages.js';

export type SourceFormat = 'text' | 'jsonl' | 'html' | 'feed' | 'warc';

/** Metadata a container gave for one record (JSONL fields); all optional. */
export interface RecordFields {
  id?: string;
  url?: string;
  outlet?: string;
  title?: string;
  byline?: string;
  publishedAt?: string;
  /** The authors one name each (a page's byline cleaned to a list). */
  authors?: string[];
  /** When the page says it was last modified (ISO 8601), apart from publishedAt. */
  modifiedAt?: string;
  /** Where a reader found each field inside the input (a page's JSON-LD, meta tags, ...), with a confidence. */
  provenance?: Partial<Record<ProvenancedField, { via: FieldVia; confidence?: number }>>;
}

export type ProvenancedField = 'title' | 'byline' | 'authors' | 'publishedAt' | 'modifiedAt' | 'outlet' | 'url';

/**
 * Where inside the input a value was found: schema.org JSON-LD, a <meta> tag, microdata
 * (itemprop), a <time> element, a page element's visible words (html), the page's address (url),
 * the <title>, the article text (text), the container (a WARC header, a JSONL field), a file name.
 */
export type FieldVia = 'json-ld' | 'meta' | 'microdata' | 'time' | 'html' | 'url' | 'title' | 'text' | 'modified' | 'container' | 'file-name';

/**
 * The raw input as extract reads it, in UTF-16 offsets: a string, or a page of UTF-8 read
 * undecoded (read/utf8-text.ts) whose methods answer as the decoded string's would.
 */
export interface RawText {
  readonly length: number;
  slice(start?: number, end?: number): string;
  charCodeAt(index: number): number;
  startsWith(text: string, at?: number): boolean;
  indexOf(text: string, from?: number): number;
  /** The whole text. */
  toString(): string;
}

/** What a reader yields: one raw document, decoded to a string, with where it came from. */
export interface SourceRecord {
  /** A path, "stdin", or "file.jsonl:LINE" for a JSONL record. */
  uri: string;
  format: SourceFormat;
  /**
   * The decoded raw input; `removed` spans and `repairs[].rawSpan` point here. For a page read
   * from bytes of UTF-8 (`page` set) it is decoded when first read: extract does not read it.
   */
  raw: string;
  /**
   * A page read from bytes of UTF-8, undecoded: `raw` is its text. extract parses, hashes and
   * slices it without decoding the whole page. Not enumerable: a copy, a JSON form or a message
   * to a worker carries `raw` and not this.
   */
  readonly page?: RawText;
  /**
   * What `raw` holds when it is not plain text: 'html' for a page (a file, a WARC response, a
   * fetched URL, a JSONL "html" field) or, in a feed item, the item's HTML content. extract reads
   * the markup; readers never do.
   */
  markup?: 'html';
  record: RecordFields;
  /** Problems met while reading (e.g. CC103 decoded as Windows-1252). */
  messages: Message[];
}

/** Where a metadata value came from: found in the text (with its span), given by the record, or taken from the URI. */
export interface FieldSource {
  value: string;
  from: 'text' | 'record' | 'uri';
  /** Span in `text` when `from` is 'text', else null. */
  span: Span | null;
  /** The exact words at `span`, else null. */
  text: string | null;
  /** Finer than `from`: where inside the input the value was found (absent when not known). */
  via?: FieldVia;
  /** How far to trust the value, in [0, 1]: the share right of the step that found it, where measured. */
  confidence?: number;
}

export type ParagraphKind = 'title' | 'standfirst' | 'byline' | 'heading' | 'caption' | 'body';

export interface Paragraph {
  span: Span;
  kind: ParagraphKind;
}

export type RemovedKind = 'comment-widget' | 'comment-policy' | 'share-prompt' | 'subscribe-prompt' | 'related-links' | 'boilerplate';

/** Boilerplate taken out of the raw input. Its span and text are of the RAW input, not of `text`. */
export interface Removed extends Evidence {
  kind: RemovedKind;
}

export type RepairKind = 'mojibake' | 'glued-words' | 'missing-space' | 'control-characters';

/** A repair of text damage: `span`/`text` are the repaired words in `text`; `before` is what the raw input had at `rawSpan`. */
export interface Repair extends Evidence {
  kind: RepairKind;
  before: string;
  rawSpan: Span;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

/** A token of `text` (working layer: not part of the JSON report). */
export interface Token {
  start: number;
  end: number;
  /** Lower-cased form with typographic apostrophes normalised to "'". */
  norm: string;
  kind: TokenKind;
}

export type EntityType = 'person' | 'org' | 'place' | 'group' | 'misc';

/** A named entity mention. `canonical` ("person:joseph-yun", "place:north-korea") is shared by all aliases of one entity. */
export interface Entity extends Evidence {
  type: EntityType;
  canonical: string;
}

export type SpeakerKind = 'named' | 'anonymous' | 'unknown';

/** A quotation (span covers the quoted words including their quote marks) and who said it. */
export interface Quote extends Evidence {
  speaker: Evidence | null;
  speakerCanonical: string | null;
  speakerKind: SpeakerKind;
  /**
   * True for a short quotation of 1-3 words that does not end a sentence ("a “New York channel”",
   * “stay neutral”): a scare quote or quoted phrase, kept as a quotation (with its speaker when
   * the text gives one) but not a statement: no claim, and not counted as a quote in the profile.
   * Absent on full quotations.
   */
  short?: true;
}

/**
 * named: a person or organisation named in the text (also through a pronoun standing for one);
 * anonymous: unnamed officials, sources, workers, "a spokeswoman", "it is believed";
 * relayed: the reporting of another outlet or agency ("the AP reported", "according to Reuters",
 * "citing CNN"): `outlet` holds its canonical name; dangling: a cue with no source at all.
 * A country or government as the source ("The U.S. has said") is named: it names the body that
 * speaks, though no person.
 */
export type AttributionKind = 'named' | 'anonymous' | 'relayed' | 'dangling';

/**
 * An attribution of information to a source. `span` covers the attributing phrase
 * ("said the senior State Department official", "according to"); `source` is the phrase
 * naming the source, null when there is none (dangling). For relays,
 * `article.attributions.filter((a) => a.kind === 'relayed')` gives each with its `source` span
 * (the outlet's words) and `outlet` ('Associated Press' for "AP", "the AP", "The Associated Press").
 */
export interface Attribution extends Evidence {
  kind: AttributionKind;
  source: Evidence | null;
  sourceCanonical: string | null;
  /** The verb or phrase that attributes: "said", "according to", "reported". */
  cue: string;
  /** Index into `sentences` of the sentence it attributes. */
  sentence: number;
  /**
   * The outlet or agency relayed, by its canonical name ("Associated Press", "Reuters"): on kind
   * 'relayed', and on a named or anonymous statement made to another outlet ("Alma Virta told the
   * Norland Herald that ..."): her statement, counted as hers, reached this article through the outlet.
   */
  outlet?: string;
}

/** A check-worthy factual statement (a sentence or clause), with a score in [0, 1]. */
export interface Claim extends Evidence {
  checkworthy: number;
  /** Index into `sentences`. */
  sentence: number;
}

export type SignalKind = 'opinion' | 'loaded' | 'hedge' | 'sensational-title' | 'first-person' | 'intensifier';

/** A style signal with its words. `detail` says why ("lexicon: railing", "title ends in !!!"). */
export interface Signal extends Evidence {
  kind: SignalKind;
  weight: number;
  detail: string;
}

/**
 * Which side of a story a quoted source speaks for, inferred from its entity type and the title
 * words around its name ("a spokeswoman for the ministry", "critics", "Acme Corp"):
 * an inference without a span of its own (the quotes are the evidence).
 */
export type SourceSide = 'official' | 'company' | 'critic' | 'expert' | 'witness' | 'unknown';

/** Someone quoted in the article, with the side they speak for and their quotes. */
export interface QuotedSource {
  /** Canonical id or the speaker's words. */
  speaker: string;
  side: SourceSide;
  /** The title words that decided the side ("ministry", "critics"), or null. */
  sideCue: string | null;
  /** Where the speaker is named (first mention), or null. */
  named: Evidence | null;
  quotes: Evidence[];
}

export interface Profile {
  /** 'opinion' when most body sentences are opinion, 'mixed' when a notable share is, else 'reporting'. */
  kind: 'reporting' | 'mixed' | 'opinion';
  sentences: number;
  opinionSentences: number;
  opinionShare: number;
  words: number;
  loadedWords: number;
  loadedPer1000: number;
  hedges: number;
  /** By kind; `relayed`: attributed to another outlet or agency ("the AP reported"). */
  attributions: { named: number; anonymous: number; relayed: number; dangling: number };
  quotes: number;
  /** Canonical ids or phrases of who is quoted. */
  quotedSpeakers: string[];
  /** Who is quoted, the side they speak for and their quotes (absent in profiles made before it existed). */
  quoted?: QuotedSource[];
  /** Body sentences the classifier finds biased in wording (P(bias) >= its threshold), and their share. */
  biasedSentences?: number;
  biasShare?: number;
  sensationalTitle: boolean;
  removedChars: number;
  repairs: number;
}

export interface Article {
  /** The record's own id when it has one, else the first 16 hex digits of the content hash. */
  id: string;
  /** sha256 of the raw input, hex: the same input twice is one article. */
  contentHash: string;
  uri: string;
  format: SourceFormat;
  url: string | null;
  outlet: string | null;
  title: string | null;
  byline: string | null;
  /** ISO 8601: a date ("2017-11-02") or a date-time, as precise as the source says. */
  publishedAt: string | null;
  /** When the source says it was last modified, apart from publishedAt (absent in articles made before it existed). */
  modifiedAt?: string | null;
  /** The authors one name each; `byline` is them joined (absent in articles made before it existed). */
  authors?: string[];
  lang: string | null;
  /** Where each metadata value came from, with its words when found in the text. */
  fields: {
    title: FieldSource | null;
    byline: FieldSource | null;
    publishedAt: FieldSource | null;
    outlet: FieldSource | null;
    /** Where the modification date came from (the authors' source is the byline's). */
    modifiedAt?: FieldSource | null;
  };
  /** The cleaned text, frozen: every span below points into it (except removed and rawSpan). */
  text: string;
  paragraphs: Paragraph[];
  sentences: Span[];
  removed: Removed[];
  repairs: Repair[];
  entities: Entity[];
  quotes: Quote[];
  attributions: Attribution[];
  claims: Claim[];
  signals: Signal[];
  profile: Profile;
  messages: Message[];
}

/** An article on its way through the pipeline: the public layers plus working ones. */
export interface Doc extends Article {
  /** The raw input (`SourceRecord.raw`, or its undecoded page): `String(doc.raw)` is the text. */
  raw: RawText;
  tokens: Token[];
}

/** Limits and switches every stage can read. */
export interface Context {
  /** Largest raw input accepted per document, in bytes (CC105 above it). */
  maxBytes: number;
  /** Longest cleaned text kept, in UTF-16 code units (CC205 above it). */
  maxChars: number;
  /** Largest size one compressed file may inflate to, in bytes (CC112 above it; gzip bombs). */
  maxDecompressed: number;
  /**
   * Time bound per document, in ms: in ingest a worker past it is stopped and replaced (CC706);
   * on the calling thread (compare, extract) the stages are checked between (CC207). 0: none.
   */
  timeLimitMs: number;
}

export const DEFAULT_CONTEXT: Context = {
  maxBytes: 8 * 1024 * 1024,
  maxChars: 1_000_000,
  maxDecompressed: 4 * 1024 ** 3,
  // Generous: a 1 MB article takes about 2 s on a slow core; a hang is cut after 30 s.
  timeLimitMs: 30_000,
};

export function emptyProfile(): Profile {
  return {
    kind: 'reporting',
    sentences: 0,
    opinionSentences: 0,
    opinionShare: 0,
    words: 0,
    loadedWords: 0,
    loadedPer1000: 0,
    hedges: 0,
    attributions: { named: 0, anonymous: 0, relayed: 0, dangling: 0 },
    quotes: 0,
    quotedSpeakers: [],
    sensationalTitle: false,
    removedChars: 0,
    repairs: 0,
  };
}

/** The public Article of a Doc: drops the working layers. */
export function toArticle(doc: Doc): Article {
  const { raw: _raw, tokens: _tokens, ...article } = doc;
  return article;
}
