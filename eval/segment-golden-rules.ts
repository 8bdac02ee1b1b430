/**
 * Sentence segmentation (src/analyze/segment.ts) against the 52 English Golden Rules of
 * pragmatic_segmenter (../shared/data/golden-rules/golden-rules.jsonl, read at run time, never
 * copied). Each rule's text is segmented as one body paragraph; a rule passes when the sentences,
 * each trimmed, equal the expected ones exactly. A second figure also collapses whitespace
 * inside sentences (rules #40-41 join a line break into a space, which spans of the text cannot
 * do). Peers as the data's README gives them.
 *
 *   node --import tsx eval/segment-golden-rules.ts [--misses] [path]
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { segmentText } from '../src/analyze/segment.js';
import { tokenizeText } from '../src/analyze/tokenize.js';

export const GOLDEN_RULES = fileURLToPath(new URL('../../shared/data/golden-rules/golden-rules.jsonl', import.meta.url));

export interface GoldenRule {
  n: number;
  title: string;
  text: string;
  expected: string[];
}

export function loadGoldenRules(path = GOLDEN_RULES): GoldenRule[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldenRule);
}

/** The sentences crosscheck finds in a text taken as one body paragraph. */
export function sentencesOf(text: string): string[] {
  const tokens = tokenizeText(text);
  return segmentText(text, tokens, [{ span: { start: 0, end: text.length }, kind: 'body' }]).map((s) => text.slice(s.start, s.end).trim());
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function scoreGoldenRules(rules: readonly GoldenRule[]): { exact: number; collapsed: number; misses: { rule: GoldenRule; got: string[] }[] } {
  let exact = 0;
  let collapsed = 0;
  const misses: { rule: GoldenRule; got: string[] }[] = [];
  for (const rule of rules) {
    const got = sentencesOf(rule.text);
    const want = rule.expected.map((s) => s.trim());
    const same = got.length === want.length && got.every((s, i) => s === want[i]);
    if (same) exact++;
    if (got.length === want.length && got.every((s, i) => collapse(s) === collapse(want[i]!))) collapsed++;
    else misses.push({ rule, got });
  }
  return { exact, collapsed, misses };
}

function main(): void {
  const args = process.argv.slice(2);
  const path = args.find((a) => !a.startsWith('--')) ?? GOLDEN_RULES;
  if (!existsSync(path)) {
    console.error(`${path} not found: the Golden Rules are not here; nothing to evaluate`);
    process.exit(2);
  }
  const rules = loadGoldenRules(path);
  const s = scoreGoldenRules(rules);
  console.log(`Golden Rules (English, ${rules.length} rules)\n`);
  console.log(`crosscheck                 ${s.exact}/${rules.length} exact, ${s.collapsed}/${rules.length} with whitespace collapsed`);
  console.log('pragmatic_segmenter        51/52 (published; skips #18)');
  console.log('pySBD                      48/52 (published, run on all 52)');
  console.log('wink-nlp                   30/52 (published)');
  if (args.includes('--misses')) for (const m of s.misses) console.log(`\n#${m.rule.n} ${m.rule.title}\n  text: ${JSON.stringify(m.rule.text)}\n  want: ${JSON.stringify(m.rule.expected)}\n  got:  ${JSON.stringify(m.got)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
