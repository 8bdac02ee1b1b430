/**
 * ECB+ (../shared/data/ecbplus, read at run time; see its README) as articles with gold
 * sentences: each file's tokens detokenised into a text (one line per sentence; an `ecbplus`
 * file's sentence 0 is its URL and is left out), each fully annotated sentence with its span in
 * that text and the cross-document chains its mentions belong to (actions: ACT / NEG instance
 * ids; participants, times and places: the other instance ids). A topic's `ecb` files and its
 * `ecbplus` files are its two sub-topics (two stories).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const ECBPLUS_DIR = fileURLToPath(new URL('../../shared/data/ecbplus', import.meta.url));

export interface GoldSentence {
  /** Sentence number in the file. */
  number: number;
  start: number;
  end: number;
  actions: Set<string>;
  entities: Set<string>;
}

export interface EcbDoc {
  /** "1_10ecb" */
  name: string;
  topic: number;
  /** "1-ecb" / "1-ecbplus": the gold story. */
  subtopic: string;
  text: string;
  /** Every sentence of the text: [start, end) and its number. */
  sentences: { number: number; start: number; end: number; tokens: string[]; tokenIds: number[] }[];
  /** The fully annotated sentences, with their chains. */
  gold: GoldSentence[];
  /** Action mentions: their tokens' text (lower case), the chain, and the sentence number. */
  actionMentions: { words: string; chain: string; sentence: number; reporting: boolean }[];
}

export function hasEcbPlus(dir = ECBPLUS_DIR): boolean {
  return existsSync(join(dir, 'ECB+')) && existsSync(join(dir, 'ECBplus_coreference_sentences.csv'));
}

const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|'|”|’)$/i;
const NO_SPACE_AFTER = /^(?:[([{$“‘]|``)$/;

function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Reads the topics whose number passes `keep` (by default every topic present). */
export function readEcbPlus(keep: (topic: number) => boolean = () => true, dir = ECBPLUS_DIR): EcbDoc[] {
  const annotated = new Map<string, Set<number>>();
  const csv = readFileSync(join(dir, 'ECBplus_coreference_sentences.csv'), 'utf8').split(/\r?\n/).slice(1);
  for (const line of csv) {
    const [topic, file, number] = line.split(',');
    if (!topic || !file || number === undefined) continue;
    const key = `${topic}_${file}`;
    const set = annotated.get(key) ?? new Set<number>();
    set.add(Number(number));
    annotated.set(key, set);
  }
  const docs: EcbDoc[] = [];
  const topics = readdirSync(join(dir, 'ECB+'))
    .map(Number)
    .filter((t) => Number.isFinite(t) && keep(t))
    .sort((a, b) => a - b);
  for (const topic of topics) {
    const folder = join(dir, 'ECB+', String(topic));
    for (const file of readdirSync(folder).sort()) {
      if (!file.endsWith('.xml.gz')) continue;
      const name = file.replace(/\.xml\.gz$/, '');
      docs.push(parseDoc(name, topic, gunzipSync(readFileSync(join(folder, file))).toString('utf8'), annotated.get(name) ?? new Set()));
    }
  }
  return docs;
}

function parseDoc(name: string, topic: number, xml: string, annotated: ReadonlySet<number>): EcbDoc {
  const isPlus = name.endsWith('ecbplus');
  const tokenSentence = new Map<number, number>();
  const tokenText = new Map<number, string>();
  const bySentence = new Map<number, { ids: number[]; words: string[] }>();
  for (const m of xml.matchAll(/<token t_id="(\d+)" sentence="(\d+)" number="\d+">([^<]*)<\/token>/g)) {
    const id = Number(m[1]);
    const s = Number(m[2]);
    const t = unescapeXml(m[3] ?? '');
    tokenSentence.set(id, s);
    tokenText.set(id, t);
    const entry = bySentence.get(s) ?? { ids: [], words: [] };
    entry.ids.push(id);
    entry.words.push(t);
    bySentence.set(s, entry);
  }
  // Mentions (markables with token anchors) and the cross-document chain each belongs to.
  const mentionTokens = new Map<string, { ids: number[]; tag: string }>();
  const markables = xml.slice(xml.indexOf('<Markables>'), xml.indexOf('</Markables>'));
  for (const m of markables.matchAll(/<([A-Z_]+) m_id="(\d+)"[^>]*>([\s\S]*?)<\/\1>/g)) {
    const ids = [...(m[3] ?? '').matchAll(/t_id="(\d+)"/g)].map((x) => Number(x[1]));
    if (ids.length > 0) mentionTokens.set(m[2] ?? '', { ids, tag: m[1] ?? '' });
  }
  const chainOf = new Map<string, string>();
  for (const r of xml.matchAll(/<CROSS_DOC_COREF r_id="\d+" note="([^"]+)"\s*>([\s\S]*?)<\/CROSS_DOC_COREF>/g)) {
    for (const s of (r[2] ?? '').matchAll(/<source m_id="(\d+)"/g)) chainOf.set(s[1] ?? '', r[1] ?? '');
  }
  let text = '';
  const sentences: EcbDoc['sentences'] = [];
  for (const number of [...bySentence.keys()].sort((a, b) => a - b)) {
    if (isPlus && number === 0) continue;
    const entry = bySentence.get(number) as { ids: number[]; words: string[] };
    const line = detokenise(entry.words);
    if (!line) continue;
    if (text) text += '\n';
    sentences.push({ number, start: text.length, end: text.length + line.length, tokens: entry.words, tokenIds: entry.ids });
    text += line;
  }
  const gold: GoldSentence[] = [];
  const byNumber = new Map(sentences.map((s) => [s.number, s]));
  for (const number of [...annotated].sort((a, b) => a - b)) {
    const s = byNumber.get(number);
    if (s) gold.push({ number, start: s.start, end: s.end, actions: new Set(), entities: new Set() });
  }
  const goldByNumber = new Map(gold.map((g) => [g.number, g]));
  const actionMentions: EcbDoc['actionMentions'] = [];
  for (const [mention, chain] of chainOf) {
    const found = mentionTokens.get(mention);
    if (!found) continue;
    const { ids, tag } = found;
    const sentence = tokenSentence.get(ids[0] ?? -1);
    if (sentence === undefined) continue;
    const isAction = /^(?:ACT|NEG)/.test(chain);
    if (isAction) actionMentions.push({ words: ids.map((i) => tokenText.get(i) ?? '').join(' ').toLowerCase(), chain, sentence, reporting: tag === 'ACTION_REPORTING' });
    const g = goldByNumber.get(sentence);
    if (!g) continue;
    (isAction ? g.actions : g.entities).add(chain);
  }
  return { name, topic, subtopic: `${topic}-${isPlus ? 'ecbplus' : 'ecb'}`, text, sentences, gold, actionMentions };
}

function detokenise(tokens: readonly string[]): string {
  let out = '';
  let quoteOpen = false;
  let glue = true;
  for (const raw of tokens) {
    // PTB quotes (`` and '') as typographic ones.
    const t = raw === '``' ? '“' : raw === "''" ? '”' : raw;
    let noSpace = glue || NO_SPACE_BEFORE.test(t);
    if (t === '"') {
      // Straight quotes alternate: an opening one takes a space before, a closing one not.
      noSpace = glue || quoteOpen;
      quoteOpen = !quoteOpen;
      glue = quoteOpen;
    } else glue = NO_SPACE_AFTER.test(t);
    out += (noSpace || !out ? '' : ' ') + t;
  }
  return out.trim();
}
