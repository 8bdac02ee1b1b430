/**
 * Denials linked to the claims they deny when alignment put them in different facts: "Fane
 * has denied taking any money" and "the Lenner Group paid Fane more than $200,000"; a company's
 * "There were no dangerous goods on the site" and "the fire started in a storage area where
 * lithium batteries were kept". Such a pair shares few words (the denial names the thing in
 * general words: money, dangerous goods), so alignment does not join them, and the fact-checker
 * sees a corroborated or single-source claim whose denial sits elsewhere, unlinked.
 *
 * A member denies a claim of another fact when (conservative: a false dispute is worse than a
 * missed one)
 *   - it is a denial (stance.ts denialWords: "denied", "not true") whose denied words (those
 *     after the denying word) share a kind of thing (COVERS) or a content term with the claim,
 *     and a named participant with it; or it says a kind of thing was not there ("There were
 *     no dangerous goods", "no hazardous materials were stored") and the claim says a thing of
 *     that kind was there ("where lithium batteries were kept");
 *   - the claim is another origin's, asserted (not hedged, not denied, not negated).
 * A denial fact of one article, all denials, is moved into the claim's fact (one disputed fact
 * with both sides); otherwise the claim's fact gets the conflict and the denying member the
 * 'disputes' stance. Each denying member links to one claim at most: the one sharing most.
 */
import type { Conflict, Fact, FactMember } from '../model/index.js';
import type { AlignedUnit } from './align.js';
import type { Prepared } from './prepare.js';
import { paraphraseOf } from './paraphrase.js';
import { verbStem } from './lemma.js';
import { stem } from './stem.js';
import { denialWords, isHedged } from './stance.js';
import { isContentWord, STOPWORDS } from './words.js';

/**
 * Kinds of things a denial names in general words, with the words of their members. Our own
 * lists, for the kinds denials in news name: money taken or paid (a sum of money in figures
 * counts too), and dangerous goods kept or stored.
 */
const COVERS: Readonly<Record<string, string>> = {
  money:
    'money cash funds payment payments paid pay paying bribe bribes bribery bribed kickback kickbacks fee fees donation donations gift gifts loan loans sum sums dollars pounds euros',
  'dangerous goods':
    'dangerous hazardous flammable explosive explosives chemical chemicals batteries battery lithium solvent solvents fuel fuels fireworks ammunition toxic propane butane petrol gasoline diesel acid acids pesticides',
};

const COVER_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(COVERS).flatMap(([kind, words]) => words.split(' ').map((w): [string, string] => [stem(w), kind])),
);
/** A sum of money in figures ("$200,000", "£1.2m", "5,000 euros"). */
const MONEY_FIGURE = /[$£€]\s?\d|\d\s?(?:dollars|pounds|euros)\b/i;
/** Saying a thing was somewhere: what an existence denial ("there were no ...") is against. */
const PRESENCE = /\b(?:kept|stored|held|found|contained|housed|stockpiled|there (?:was|were|is|are|had been))\b/i;
/** Any negation: a claim with one ("there is no evidence that") is not plainly asserted. */
const NEGATED = /\b(?:not|no|never|nobody|none|nothing|neither|nor|without)\b|n['’]t\b/i;
/** "There were no X", "no X were kept": a negated existence, the words after "no" being the X. */
const NO_THING = /\bthere (?:was|were|is|are|had been|have been) no\b/i;

/** Kinds (COVERS) named by words [first, last) of an article. */
function kindsIn(p: Prepared, first: number, last: number): Set<string> {
  const out = new Set<string>();
  for (let k = first; k < last; k++) {
    const w = p.words[k];
    if (!w || w.isNumber) continue;
    const kind = COVER_OF.get(stem(w.norm));
    if (kind) out.add(kind);
  }
  const from = p.words[first]?.start ?? 0;
  const to = p.words[last - 1]?.end ?? from;
  if (MONEY_FIGURE.test(p.article.text.slice(Math.max(0, from - 1), to))) out.add('money');
  return out;
}

interface Denial {
  /** What is denied: kinds and content terms (stems of lower-case words) of the words after the denying word. */
  kinds: Set<string>;
  terms: Set<string>;
  /** Who denies: the name (a run of capitalised words) of its clause before the denying word, else the unit's first; the claim must have all its words. */
  denier: Set<string>;
  /** True for "there were no X": the claim must say an X was there. */
  existence: boolean;
}

/**
 * Denying a statement: "denied taking", "denies that", "rejected claims that". Not denying a
 * request or access ("denied repeated requests", "denied bail") nor declining to answer
 * ("did not confirm or deny"). Narrower than stance.ts's denial words ("false", "not true"):
 * those refute a claim the sentence need not name.
 */
const DENYING =
  /\b(?:denied|denies|denying)\b(?!\s+(?:\w+\s+)?(?:requests?|access|entry|permission|bail|visas?|service|admission|him|her|them|us|me|his|their|its)\b)|\b(?:rejected|rejects|dismissed|dismisses)\s+(?:the\s+)?(?:claims?|allegations?|accusations?|suggestions?)\s+that\b/i;
/** Words before the denying word that make it no denial ("has not denied", "never denied"). */
const NOT_BEFORE: ReadonlySet<string> = new Set(['not', "n't", 'never', 'to', 'neither', 'nor']);
const NOT_DENYING = /\b(?:confirm|neither confirm) (?:or|nor) deny\b/i;
/** Words after a denial that name what is said, not what happened ("denied the rumours"): no link on them. */
const SPEECH_OBJECTS: ReadonlySet<string> = new Set(
  'rumour rumours rumor rumors claim claims report reports allegation allegations accusation accusations story stories news suggestion suggestions speculation idea information wrongdoing any all ever'.split(' ').map(stem),
);
/** Content words of a denial's head. */
const DENIED_HEAD = 2;
const DAYS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|week|month|year)$/;

/** Index of the first word of `p` in [from, to) starting at or after `offset`. */
function wordAt(p: Prepared, offset: number, from: number, to: number): number {
  let k = from;
  while (k < to && (p.words[k]?.start ?? Infinity) < offset) k++;
  return k;
}

/** Capitalised words (not the first word of the unit unless it is a name) in words [from, to). */
function capitalised(p: Prepared, from: number, to: number, unitFirst: number): string[] {
  const out: string[] = [];
  for (let k = from; k < to; k++) {
    const w = p.words[k];
    if (!w || !w.isCapitalised || w.isNumber) continue;
    if (k === unitFirst && STOPWORDS.has(w.norm)) continue;
    out.push(w.norm);
  }
  return out;
}

/**
 * The first name in words [from, verb) (a run of capitalised words) when it is the subject of
 * the denying verb: the verb, an auxiliary or other function word, or a comma (an appositive)
 * comes right after it. "The Calder harbour board has denied": Calder names the board, it is
 * not who denies: an empty set then. Null when there is no name.
 */
function nameBefore(p: Prepared, from: number, verb: number, unitFirst: number): Set<string> | null {
  const gap = (j: number): string => p.article.text.slice(p.words[j - 1]?.end ?? 0, p.words[j]?.start ?? 0);
  for (let k = from; k < verb; k++) {
    const w = p.words[k];
    if (!w || !w.isCapitalised || w.isNumber || (k === unitFirst && STOPWORDS.has(w.norm))) continue;
    let j = k + 1;
    while (j < verb && p.words[j]?.isCapitalised && !/[,;:"“”()]/.test(gap(j))) j++;
    const next = p.words[j];
    const subject = j === verb || /[,;:()]/.test(gap(j)) || (next !== undefined && STOPWORDS.has(next.norm)) || (next !== undefined && next.norm.length > 4 && next.norm.endsWith('ly'));
    if (!subject) return new Set();
    return new Set(p.words.slice(k, j).map((x) => x.norm));
  }
  return null;
}

/** The member's denial, or null when it denies nothing. */
function denialOf(p: Prepared, u: AlignedUnit): Denial | null {
  const text = p.article.text.slice(u.span.start, u.span.end);
  let from: number;
  let denier = new Set<string>();
  let existence = false;
  const denied = NOT_DENYING.test(text) ? null : DENYING.exec(text);
  if (denied) {
    const at = u.span.start + denied.index;
    const verb = wordAt(p, at, u.first, u.last);
    for (let k = verb - 1; k >= Math.max(u.first, verb - 3); k--) {
      const w = p.words[k]?.norm ?? '';
      if (NOT_BEFORE.has(w) || w.endsWith("n't")) return null;
    }
    from = wordAt(p, at + denied[0].length, u.first, u.last);
    // denying someone something ("deny the Muslims their rights") is no denial of a statement
    const object = STOPWORDS.has(p.words[from]?.norm ?? '') && p.words[from]?.norm !== 'that' ? from + 1 : from;
    if (p.words[object]?.isCapitalised) return null;
    // who denies: the names of its clause ("but Cuba has denied"), else the unit's first ("Gerald Fane, the former mayor, has denied")
    let clause = verb;
    while (clause > u.first && !/[,;:"“”(]/.test(p.article.text.slice(p.words[clause - 1]?.end ?? 0, p.words[clause]?.start ?? 0))) clause--;
    const own = capitalised(p, clause, verb, u.first);
    denier = nameBefore(p, own.length > 0 ? clause : u.first, verb, u.first) ?? new Set();
    if (denier.size === 0) return null;
    // "ISIS denied reports that he had been injured": a he or she that is not the denier (an
    // organisation, a group, a place) is someone else; their claim is not the denier's to deny
    const personal = [from, from + 1, from + 2, from + 3].some((k) => k < u.last && /^(?:he|she|him|her)$/.test(p.words[k]?.norm ?? ''));
    if (personal) {
      const first = [...denier][0];
      const mention = p.mentions.find((m) => m.first >= u.first && m.first < verb && p.words[m.first]?.norm === first);
      if (mention && ['org', 'group', 'place', 'misc'].includes(mention.type)) return null;
    }
  } else {
    const no = NO_THING.exec(text);
    if (!no) return null;
    from = wordAt(p, u.span.start + no.index + no[0].length, u.first, u.last);
    existence = true;
  }
  if (from >= u.last) return null;
  // what is denied: to the end of its clause ("denied the reports, saying ...": the reports)
  let to = from + 1;
  while (to < u.last && !/[,;:"“”()]/.test(p.article.text.slice(p.words[to - 1]?.end ?? 0, p.words[to]?.start ?? 0))) to++;
  if (existence) {
    const kinds = kindsIn(p, from, to);
    return kinds.size > 0 ? { kinds, terms: new Set(), denier, existence } : null;
  }
  // what a denial denies is its head: the first content words after it, past what is said
  // ("denied reports that"): "taking any money", "sending such an email"; not what these are
  // about ("denied advance knowledge of the break-in" does not deny the break-in)
  const kinds = new Set<string>();
  const terms = new Set<string>();
  let seen = 0;
  for (let k = from; k < to && seen < DENIED_HEAD; k++) {
    const w = p.words[k];
    if (!w || w.isNumber || w.isCapitalised || !isContentWord(w) || DAYS.test(w.norm)) continue;
    // "sending" / "sent": the forms of one irregular verb meet (lemma.ts)
    const st = verbStem(w.norm);
    if (SPEECH_OBJECTS.has(st)) continue;
    seen++;
    terms.add(st);
    for (const kind of kindsIn(p, k, k + 1)) kinds.add(kind);
  }
  return { kinds, terms, denier, existence };
}

/** Stems of the lower-case content words of words [first, last), with their paraphrase groups. */
function lowerStems(p: Prepared, first: number, last: number): Set<string> {
  const out = new Set<string>();
  for (let k = first; k < last; k++) {
    const w = p.words[k];
    if (!w || w.isNumber || w.isCapitalised || !isContentWord(w)) continue;
    out.add(verbStem(w.norm));
  }
  return out;
}

/** How strongly `d` (a denial) denies claim unit `cu` (0 when it does not), and on what. */
function linkScore(prepared: readonly Prepared[], d: Denial, cu: AlignedUnit): { score: number; on: string } {
  const none = { score: 0, on: '' };
  const cp = prepared[cu.article] as Prepared;
  const ctext = cp.article.text.slice(cu.span.start, cu.span.end);
  // The claim must assert: no denial, hedge or negation of its own.
  if (denialWords(ctext) || isHedged(ctext) || NEGATED.test(ctext)) return none;
  const kinds = kindsIn(cp, cu.first, cu.last);
  const sharedKinds = [...d.kinds].filter((k) => kinds.has(k));
  if (d.existence) return sharedKinds.length > 0 && PRESENCE.test(ctext) ? { score: sharedKinds.length, on: sharedKinds.join(', ') } : none;
  // the denier is in the claim ("paid Gerald Fane"), and what is denied is what it says
  const names = new Set(capitalised(cp, cu.first, cu.last, cu.first));
  if (![...d.denier].every((n) => names.has(n))) return none;
  const stems = lowerStems(cp, cu.first, cu.last);
  const paraphrases = new Set([...stems].map((st) => paraphraseOf(st)).filter((x): x is string => x !== undefined));
  const sharedTerms = [...d.terms].filter((t) => stems.has(t) || paraphrases.has(paraphraseOf(t) ?? ''));
  // a kind ("taking any money" / "paid $200,000"), else the whole head ("sending such an email" /
  // "had sent a racist email"): one shared word ("denied any part of his video had been staged" /
  // "recognized from his previous videos") is too little
  if (sharedKinds.length === 0 && (sharedTerms.length < DENIED_HEAD || sharedTerms.length < d.terms.size)) return none;
  return { score: sharedKinds.length + sharedTerms.length, on: [...sharedKinds, ...sharedTerms.map((t) => wordOfStem(cp, cu, t))].join(', ') };
}

/** The claim's own word for a stem ("taking" for "tak"): the reader sees words, never stems. */
function wordOfStem(p: Prepared, cu: AlignedUnit, term: string): string {
  for (let k = cu.first; k < cu.last; k++) {
    const w = p.words[k];
    if (w && (verbStem(w.norm) === term || paraphraseOf(verbStem(w.norm)) === (paraphraseOf(term) ?? term))) return w.norm;
  }
  return term;
}

/**
 * Links denials to the claims they deny across the facts of one story (see the top of this
 * file). `units` are the alignment's units, `originOf` the story's origins. Changes `facts` in
 * place and returns them, disputed first as buildFacts sorts them.
 */
export function linkDenialsAcrossFacts(prepared: readonly Prepared[], units: readonly AlignedUnit[], facts: Fact[], originOf: ReadonlyMap<string, number>): Fact[] {
  const byKey = new Map<string, AlignedUnit>();
  for (const u of units) {
    const id = prepared[u.article]?.article.id ?? '';
    byKey.set(`${id}:${u.span.start}-${u.span.end}`, u);
  }
  const unitOf = (m: FactMember): AlignedUnit | undefined => byKey.get(`${m.articleId}:${m.span.start}-${m.span.end}`);
  const origin = (id: string): number => originOf.get(id) ?? -1;
  const removed = new Set<Fact>();
  for (const df of facts) {
    if (removed.has(df)) continue;
    for (const dm of df.members) {
      if (dm.stance === 'disputes') continue;
      const du = unitOf(dm);
      if (!du) continue;
      const d = denialOf(prepared[du.article] as Prepared, du);
      if (!d) continue;
      let best: { fact: Fact; member: FactMember; score: number; on: string } | null = null;
      for (const cf of facts) {
        if (cf === df || removed.has(cf)) continue;
        for (const cm of cf.members) {
          if (cm.stance !== 'asserts' || origin(cm.articleId) === origin(dm.articleId)) continue;
          const cu = unitOf(cm);
          if (!cu) continue;
          const { score, on } = linkScore(prepared, d, cu);
          if (score > (best?.score ?? 0)) best = { fact: cf, member: cm, score, on };
        }
      }
      if (!best) continue;
      const conflict: Conflict = {
        kind: 'denial',
        a: { articleId: dm.articleId, span: { ...dm.span }, text: dm.text },
        b: { articleId: best.member.articleId, span: { ...best.member.span }, text: best.member.text },
        detail: `denies what the other asserts (${best.on})`,
      };
      const target = best.fact;
      const moveAll = df.articleIds.length === 1 && df.members.every((m) => unitOf(m) && denialOf(prepared[unitOf(m)?.article ?? 0] as Prepared, unitOf(m) as AlignedUnit));
      dm.stance = 'disputes';
      if (moveAll) {
        target.members.push(...df.members.map((m) => (m === dm ? m : { ...m, stance: 'disputes' as const })));
        const order = new Map(prepared.map((p, i) => [p.article.id, i]));
        target.members.sort((x, y) => (order.get(x.articleId) ?? 0) - (order.get(y.articleId) ?? 0) || x.span.start - y.span.start);
        target.articleIds = [...new Set(target.members.map((m) => m.articleId))];
        removed.add(df);
      }
      target.conflicts.push(conflict);
      target.status = 'disputed';
      if (moveAll) break;
    }
  }
  const kept = facts.filter((f) => !removed.has(f));
  // Disputed first, the order otherwise as it was.
  return [...kept.filter((f) => f.status === 'disputed'), ...kept.filter((f) => f.status !== 'disputed')];
}
