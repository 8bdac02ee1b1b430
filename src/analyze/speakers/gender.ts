/**
 * The grammatical gender the article itself gives each person, for pronoun agreement ("he"
 * never stands for a person the text calls "she"). Read from the text, no name list:
 *
 *   1. a title right before the name: Mr. / Mrs. / Ms. / Miss (and a few gendered nouns), or a
 *      common first name (our own short lists of frequent English first names; a weak vote);
 *   2. the first he/him/his or she/her after a mention, in the same or the next sentence, when no
 *      other person is named in between and the pronoun stands outside quotations (votes; the
 *      majority wins, a tie leaves it unknown).
 *
 * One pass over the tokens with a cursor over the entities: linear in the text.
 */
import type { Entity, Span, Token } from '../../model/index.js';
import { isInside } from '../attribution-context.js';

export type Gender = 'm' | 'f';

const MALE_PRONOUNS = new Set(['he', 'him', 'his', 'himself']);
const FEMALE_PRONOUNS = new Set(['she', 'her', 'hers', 'herself']);
const MALE_TITLES = new Set(['mr', 'mr.', 'sir', 'king', 'prince', 'father', 'brother', 'congressman', 'chairman', 'husband', 'son', 'lord']);
const FEMALE_TITLES = new Set(['mrs', 'mrs.', 'ms', 'ms.', 'miss', 'madam', 'dame', 'queen', 'princess', 'mother', 'sister', 'congresswoman', 'chairwoman', 'wife', 'daughter', 'lady', 'first lady']);

/** Frequent first names, lower case (our own lists; names used for both are left out). */
const MALE_NAMES = new Set(('james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul ' +
  'andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin ' +
  'scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary ' +
  'peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan ' +
  'billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis ' +
  'bernie barack mitt mike ted marco rand chris jeb newt rudy reince bill tim mitch harry chuck paul jim tom ben ' +
  'steve dan bob rick ron jon ed al vladimir xi boris emmanuel justin rex jared eric corey sean reince').split(' '));
const FEMALE_NAMES = new Set(('mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly ' +
  'emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda ' +
  'pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce ' +
  'virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison ' +
  'frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie ' +
  'brittany charlotte marie kayla alexis lori hillary melania ivanka chelsea kellyanne michelle huma donna elizabeth sarah nikki condoleezza ' +
  'madeleine dianne kirsten tammy claire tulsi theresa angela hope omarosa carly jill tiffany malia sasha gennifer monica paula megyn ' +
  'katy kate jane alicia').split(' '));

/** MALE_PRONOUNS and FEMALE_PRONOUNS as one table: personGenders asks for every token after a mention, one lookup each. */
const PRONOUN_GENDER = new Map<string, Gender>([...[...MALE_PRONOUNS].map((p): [string, Gender] => [p, 'm']), ...[...FEMALE_PRONOUNS].map((p): [string, Gender] => [p, 'f'])]);

/** The first letters of PRONOUN_GENDER's words (all ASCII): most tokens after a mention open with none of them and skip the lookup. */
const PRONOUN_FIRST = new Uint8Array(128);
for (const p of PRONOUN_GENDER.keys()) PRONOUN_FIRST[p.charCodeAt(0)] = 1;

/** The pronoun gender of a token's norm, or null. */
export function pronounGender(norm: string): Gender | null {
  return PRONOUN_GENDER.get(norm) ?? null;
}

/** A title's vote for the canonical: the token's norm (its period dropped) as a male or female title. */
function titleVote(tok: Token | undefined, canonical: string, vote: (canonical: string, g: Gender, n: number) => void): void {
  if (!tok) return;
  const n = tok.norm.endsWith('.') ? tok.norm.slice(0, -1) : tok.norm;
  if (MALE_TITLES.has(n)) vote(canonical, 'm', 3);
  else if (FEMALE_TITLES.has(n)) vote(canonical, 'f', 3);
}

/** Gender by person canonical, as this text gives it. `sentences` sorted; entities sorted by start. */
export function personGenders(text: string, tokens: readonly Token[], sentences: readonly Span[], entities: readonly Entity[], quoted: readonly Span[] = []): Map<string, Gender> {
  const votes = new Map<string, number>(); // > 0 male, < 0 female
  const vote = (canonical: string, g: Gender, n: number) => votes.set(canonical, (votes.get(canonical) ?? 0) + (g === 'm' ? n : -n));
  const persons = entities.filter((e) => e.type === 'person');
  // 1. titles: the token right before the mention
  let t = 0;
  for (const e of persons) {
    while (t < tokens.length && (tokens[t] as Token).end <= e.span.start) t++;
    let before = tokens[t - 1];
    if (before && text[before.start] === '.' && tokens[t - 2]) before = tokens[t - 2];
    const inside = tokens[t];
    titleVote(before, e.canonical, vote);
    titleVote(inside, e.canonical, vote);
    // the first word of the name
    if (inside && inside.end < e.span.end) {
      if (MALE_NAMES.has(inside.norm)) vote(e.canonical, 'm', 2);
      else if (FEMALE_NAMES.has(inside.norm)) vote(e.canonical, 'f', 2);
    }
  }
  // 2. the next gendered pronoun after a mention, before the next person and within the next sentence
  let s = 0;
  let k = 0;
  for (let i = 0; i < persons.length; i++) {
    const e = persons[i] as Entity;
    const next = persons[i + 1];
    while (s < sentences.length && (sentences[s] as Span).end <= e.span.start) s++;
    const limit = Math.min(next ? next.span.start : Infinity, sentences[s + 1]?.end ?? text.length);
    while (k < tokens.length && (tokens[k] as Token).start < e.span.end) k++;
    for (let x = k; x < tokens.length && (tokens[x] as Token).start < limit; x++) {
      const norm = (tokens[x] as Token).norm;
      if (PRONOUN_FIRST[norm.charCodeAt(0)] !== 1) continue;
      const g = PRONOUN_GENDER.get(norm);
      // a pronoun inside a quotation is the speaker's word for someone else ("“He has no plan,” she said")
      if (g !== undefined && !isInside(quoted, (tokens[x] as Token).start)) { vote(e.canonical, g, 1); break; }
    }
  }
  const out = new Map<string, Gender>();
  for (const [c, v] of votes) if (v !== 0) out.set(c, v > 0 ? 'm' : 'f');
  return out;
}
