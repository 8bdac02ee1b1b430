/**
 * Facts of a story: the aligned groups of ./align.ts plus single-source facts from the
 * check-worthy units that found no partner, each with stances, conflicts, independent
 * origins, a status and a summary, sorted disputed, corroborated (most origins first),
 * single-source.
 */
import { createHash } from 'node:crypto';
import type { Conflict, Fact, FactMember, FactStatus, MemberStanceModel } from '../model/index.js';
import { ALIGN, type AlignedUnit, type Alignment } from './align.js';
import { hasStanceCue, judge, modelCue, unitEvidence } from './conflicts.js';
import { lowerBound } from './names.js';
import type { Prepared } from './prepare.js';
import { termsOf } from './terms.js';
import { SUBORDINATORS } from './units.js';
import { disagreeWithCue, isDenial, MODEL_STANCE, StanceBodies, stancePredictor } from './stance.js';

// Tuned on the seeds: their trailers, bylines and one-line teasers are not facts; their
// sentences with a name or a number are.
export const SINGLE_SOURCE = {
  /** A lone unit becomes a fact at or above this check-worthiness. */
  minCheckworthy: 0.3,
  /** ...and with at least this many words. */
  minWords: 6,
} as const;

/** A claim is held by the facts when their members cover this share of its characters. */
const CLAIM_HELD_SHARE = 0.5;

const STATUS_ORDER: Record<FactStatus, number> = { disputed: 0, corroborated: 1, 'single-source': 2 };

export function buildFacts(storyId: string, prepared: readonly Prepared[], alignment: Alignment, originOf: ReadonlyMap<string, number>): Fact[] {
  const { units, score } = alignment;
  const groups = withoutAdverbialFacts(prepared, units, linkDenials(prepared, units, alignment.groups));
  const predictor = groups.length > 0 ? stancePredictor() : null;
  const bodies = predictor ? new StanceBodies(predictor, prepared) : null;
  const facts: Fact[] = groups.map((g) => makeFact(storyId, prepared, g, units, score, originOf, bodies, alignment.merge));
  // Single-source facts: per sentence, the biggest unit that overlaps nothing already in a fact.
  const used = new Map<number, { start: number; end: number }[]>();
  for (const g of groups) {
    for (const i of g) {
      const u = units[i] as AlignedUnit;
      const list = used.get(u.article) ?? [];
      list.push(u.span);
      used.set(u.article, list);
    }
  }
  const bySentence = new Map<string, number[]>();
  units.forEach((u, i) => {
    const key = `${u.article}:${u.sentence}`;
    const list = bySentence.get(key) ?? [];
    list.push(i);
    bySentence.set(key, list);
  });
  const inFact = new Set<string>();
  for (const g of groups) for (const i of g) inFact.add(`${units[i]?.article}:${units[i]?.sentence}`);
  const sentenceInFact = (u: AlignedUnit): boolean => inFact.has(`${u.article}:${u.sentence}`);
  const taken: { article: number; start: number; end: number }[] = [];
  for (const list of bySentence.values()) {
    const candidates = list
      .map((i) => units[i] as AlignedUnit)
      .filter((u) => u.kind !== 'headline' && !u.isOpinion && u.checkworthy >= SINGLE_SOURCE.minCheckworthy && u.last - u.first >= SINGLE_SOURCE.minWords)
      .filter((u) => !(used.get(u.article) ?? []).some((s) => s.start < u.span.end && u.span.start < s.end))
      // What is left of a sentence whose main clause is in a fact: an adverbial clause ("while
      // tackling the blaze, the fire service said") is no claim of its own.
      .filter((u) => !(u.kind === 'clause' && SUBORDINATORS.has(prepared[u.article]?.words[u.first]?.norm ?? '') && sentenceInFact(u)))
      .sort((a, b) => b.last - b.first - (a.last - a.first) || a.span.start - b.span.start);
    for (const u of candidates) {
      if (taken.some((t) => t.article === u.article && t.start < u.span.end && u.span.start < t.end)) continue;
      taken.push({ article: u.article, start: u.span.start, end: u.span.end });
      facts.push(makeFact(storyId, prepared, [units.indexOf(u)], units, score, originOf, null));
    }
  }
  // Every claim of the analysis layer lands in a fact: one that no fact holds yet (a low score,
  // too few words, an opinion) becomes a single-source fact of its own, never dropped silently.
  const indexOf = new Map(prepared.map((p, i) => [p.article.id, i]));
  const held = new Map<number, { start: number; end: number }[]>();
  for (const f of facts) {
    for (const m of f.members) {
      const a = indexOf.get(m.articleId) ?? -1;
      const list = held.get(a) ?? [];
      list.push(m.span);
      held.set(a, list);
    }
  }
  const unitsOf = new Map<number, number[]>();
  units.forEach((u, i) => {
    if (u.kind !== 'claim' && u.kind !== 'sentence') return;
    const list = unitsOf.get(u.article) ?? [];
    list.push(i);
    unitsOf.set(u.article, list);
  });
  prepared.forEach((p, a) => {
    const list = held.get(a) ?? [];
    for (const c of p.article.claims) {
      // Held when facts cover most of it: an appositive in a fact ("Joseph Yun, the U.S.
      // negotiator") does not hold the claim around it ("officials suggested Yun has been reined in").
      let covered = 0;
      for (const s of list) covered += Math.max(0, Math.min(s.end, c.span.end) - Math.max(s.start, c.span.start));
      if (covered >= CLAIM_HELD_SHARE * (c.span.end - c.span.start)) continue;
      // Held too when a fact holds its main clause from its first word and the rest only says
      // when or why: "Three firefighters were injured | while tackling the blaze, the fire
      // service said" is the disputed count, not a second, single-source fact of the same words.
      if (list.some((s) => s.start === c.span.start && s.end < c.span.end && SUBORDINATORS.has(p.words[lowerBound(p.words, s.end)]?.norm ?? ''))) continue;
      // The claim's own unit, else its sentence's (units end at a word, a claim may end at its full stop).
      const k = (unitsOf.get(a) ?? []).find((i) => {
        const u = units[i] as AlignedUnit;
        return u.span.start >= c.span.start && u.span.end <= c.span.end && u.span.end > c.span.start;
      });
      if (k === undefined) continue;
      const u = units[k] as AlignedUnit;
      list.push(u.span);
      facts.push(makeFact(storyId, prepared, [k], units, score, originOf, null));
    }
    held.set(a, list);
  });
  return withoutInnerFacts(facts).sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      b.independentOrigins - a.independentOrigins ||
      b.articleIds.length - a.articleIds.length ||
      firstKey(a).localeCompare(firstKey(b)),
  );
}

/**
 * A group of adverbial clauses only ("after eating lunch on Tuesday, the county health agency
 * said" / "after Tuesday's lunch, parents told the Echo"), each of a sentence whose main clause
 * is in another group, is no fact of its own: the clauses say when or why of those main clauses,
 * which hold the claim (#15; as for single-source facts below). Such a group is left out.
 */
function withoutAdverbialFacts(prepared: readonly Prepared[], units: readonly AlignedUnit[], groups: number[][]): number[][] {
  const adverbial = (u: AlignedUnit): boolean => u.kind === 'clause' && SUBORDINATORS.has(prepared[u.article]?.words[u.first]?.norm ?? '');
  const key = (i: number): string => `${units[i]?.article}:${units[i]?.sentence}`;
  // how many groups hold a unit of each sentence: counted once, not a scan of every group per unit
  // (a book-length article has thousands of groups)
  const groupsOf = new Map<string, number>();
  for (const g of groups) for (const k of new Set(g.map(key))) groupsOf.set(k, (groupsOf.get(k) ?? 0) + 1);
  return groups.filter((g) => {
    if (!g.every((i) => adverbial(units[i] as AlignedUnit))) return true;
    // the group itself holds each of its sentences once: another group holds it when the count is 2 or more
    return !g.every((i) => (groupsOf.get(key(i)) ?? 0) >= 2);
  });
}

/**
 * A fact whose every member lies inside a member of one other fact, of the same article, is no
 * fact of its own: "the stones, which Selby sold for up to 9,000 pounds each" beside the fact of
 * "Prosecutor David Lane said the stones, which Selby sold ..., were worth less than 50 pounds"
 * (#15: every claim in exactly one fact). Such a fact says nothing that no article of the other
 * fact says, so it stays inside its sentence's fact. Kept when it has a conflict of its own.
 */
function withoutInnerFacts(facts: Fact[]): Fact[] {
  const inside = (m: FactMember, g: Fact): boolean =>
    g.members.some((o) => o !== m && o.articleId === m.articleId && o.span.start <= m.span.start && m.span.end <= o.span.end && o.span.end - o.span.start > m.span.end - m.span.start);
  // Each article's members by start, and its longest member: the members that may hold a member m
  // start at most that length before m's end. Only those facts are tried, not every fact of the
  // story for every fact (quadratic in a book-length article's thousands of facts).
  const byArticle = new Map<string, { start: number; end: number; fact: Fact }[]>();
  const longest = new Map<string, number>();
  for (const f of facts) {
    for (const m of f.members) {
      const list = byArticle.get(m.articleId) ?? [];
      if (list.length === 0) byArticle.set(m.articleId, list);
      list.push({ start: m.span.start, end: m.span.end, fact: f });
      longest.set(m.articleId, Math.max(longest.get(m.articleId) ?? 0, m.span.end - m.span.start));
    }
  }
  for (const list of byArticle.values()) list.sort((a, b) => a.start - b.start);
  const dropped = new Set<Fact>();
  for (const f of facts) {
    if (f.conflicts.length > 0) continue;
    const m = f.members[0];
    if (m === undefined) continue;
    const list = byArticle.get(m.articleId) ?? [];
    const reach = longest.get(m.articleId) ?? 0;
    // the last member starting at or before m: then back while a member could still reach m's end
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid] as { start: number }).start <= m.span.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0; k--) {
      const o = list[k] as { start: number; end: number; fact: Fact };
      if (o.start < m.span.end - reach) break;
      const g = o.fact;
      if (g === f || dropped.has(g) || o.end < m.span.end) continue;
      if (f.members.every((x) => inside(x, g))) {
        dropped.add(f);
        break;
      }
    }
  }
  return dropped.size === 0 ? facts : facts.filter((f) => !dropped.has(f));
}

/**
 * A denial told next to the words it backs joins their fact: "Velt Logistics rejected reports
 * that hazardous materials had been kept in the warehouse. “There were no dangerous goods on the
 * site,” a company spokeswoman said." The quote is aligned with the claim it contradicts; the
 * sentence before it says the same denial in other words ("hazardous materials" / "dangerous
 * goods") and would otherwise stand alone as a single-source fact, unlinked to what it denies.
 * A sentence joins when it is in no fact, denies (stance.ts isDenial), is next to a member of
 * its article, shares a term that is not a name with one of the fact's members, and its article
 * has room in the fact. Each denial joins one fact at most. Returns new groups (the alignment's
 * are left as they were).
 */
function linkDenials(prepared: readonly Prepared[], units: readonly AlignedUnit[], groups: readonly number[][]): number[][] {
  const out = groups.map((g) => [...g]);
  const sentenceKey = (article: number, sentence: number): string => `${article}:${sentence}`;
  const inFact = new Set<string>();
  for (const g of groups) for (const i of g) inFact.add(sentenceKey(units[i]?.article ?? -1, units[i]?.sentence ?? -1));
  const wholeSentence = new Map<string, number>();
  units.forEach((u, i) => {
    if (u.kind === 'sentence' && !u.isOpinion) wholeSentence.set(sentenceKey(u.article, u.sentence), i);
  });
  for (const g of out) {
    const perArticle = new Map<number, number>();
    for (const i of g) perArticle.set(units[i]?.article ?? -1, (perArticle.get(units[i]?.article ?? -1) ?? 0) + 1);
    for (const i of [...g]) {
      const m = units[i] as AlignedUnit;
      if ((perArticle.get(m.article) ?? 0) >= ALIGN.maxUnitsPerArticle) continue;
      for (const s of [m.sentence - 1, m.sentence + 1]) {
        const key = sentenceKey(m.article, s);
        const k = wholeSentence.get(key);
        if (k === undefined || inFact.has(key)) continue;
        const u = units[k] as AlignedUnit;
        const p = prepared[u.article] as Prepared;
        if (!isDenial(p.article.text.slice(u.span.start, u.span.end))) continue;
        if (!g.some((j) => sharesPredicate(u, units[j] as AlignedUnit))) continue;
        g.push(k);
        inFact.add(key);
        perArticle.set(m.article, (perArticle.get(m.article) ?? 0) + 1);
        break;
      }
    }
  }
  return out;
}

/** True when two units have a term in common that is not a name. */
function sharesPredicate(a: AlignedUnit, b: AlignedUnit): boolean {
  for (const t of a.terms) if (!t.startsWith('e:') && b.terms.has(t)) return true;
  return false;
}

function makeFact(
  storyId: string,
  prepared: readonly Prepared[],
  group: readonly number[],
  units: readonly AlignedUnit[],
  score: (a: number, b: number) => number,
  originOf: ReadonlyMap<string, number>,
  bodies: StanceBodies | null,
  merge?: ReadonlyMap<string, string>,
): Fact {
  const ordered = [...group].sort((x, y) => {
    const ux = units[x] as AlignedUnit;
    const uy = units[y] as AlignedUnit;
    return ux.article - uy.article || ux.span.start - uy.span.start;
  });
  const members = ordered.map((i) => units[i] as AlignedUnit);
  const judged = judge(prepared, members);
  const { stances } = judged;
  // An opinion piece (or an opinion sentence) restating a fact is not a source for it: its members
  // only mention the fact, so a column does not count as an independent origin (a fact-checker
  // would not count it).
  const factMembers: FactMember[] = members.map((u, k) => {
    const stance = stances[k] ?? 'asserts';
    const opinionPiece = u.isOpinion || prepared[u.article]?.article.profile.kind === 'opinion';
    return { ...unitEvidence(prepared, u), stance: opinionPiece && stance === 'asserts' ? 'mentions' : stance };
  });
  // The clearest member: asserting, closest to the others, then the shortest.
  const closeness = ordered.map((i, k) => {
    let sum = 0;
    let n = 0;
    for (const j of ordered) {
      if (j === i || units[j]?.article === units[i]?.article) continue;
      sum += score(i, j);
      n++;
    }
    return (n > 0 ? sum / n : 0) + (factMembers[k]?.stance === 'asserts' ? 1 : 0);
  });
  const best = clearest(closeness, factMembers);
  // The claim the stance model reads each article against: the clearest member that does not
  // itself deny, refute or negate (else the model would read the plain reports against a denial).
  const claim = bodies && hasStanceCue(factMembers[best]?.text ?? '') ? clearest(closeness.map((s, k) => s - (hasStanceCue(factMembers[k]?.text ?? '') ? 2 : 0)), factMembers) : best;
  const modelConflicts = bodies ? readStances(prepared, members, factMembers, claim, bodies) : [];
  // One conflict per pair of origins and kind: a wire story and its two copies against one
  // independent report are one contradiction, not three.
  const seen = new Set<string>();
  const conflicts = [...judged.conflicts, ...modelConflicts].filter((k) => {
    const oa = originOf.get(k.a.articleId) ?? -1;
    const ob = originOf.get(k.b.articleId) ?? -1;
    const key = `${k.kind}|${Math.min(oa, ob)}|${Math.max(oa, ob)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const articleIds = [...new Set(factMembers.map((m) => m.articleId))];
  // A member whose sentence relays another outlet ("the AP reported") is that outlet's reporting:
  // two rewrites of one AP story are one origin, and an article that relays the AP is not an
  // origin of its own for what it takes from there (issue #14's relays).
  members.forEach((u, k) => {
    const via = relayOf(prepared[u.article] as Prepared, u.span.start);
    const m = factMembers[k];
    if (via && m) m.via = via;
  });
  // Each asserting article counts once: as the origin of the outlet it relays when it says where
  // the fact came from in any member (its headline restating it is not reporting of its own),
  // else as its own origin.
  const relays = new Map<string, string>();
  for (const m of factMembers) if (m.via && !relays.has(m.articleId)) relays.set(m.articleId, m.via);
  const origins = new Set<number | string>();
  for (const m of factMembers) {
    if (m.stance !== 'asserts') continue;
    const via = relays.get(m.articleId);
    origins.add(via ? relayOrigin(prepared, via, originOf) : (originOf.get(m.articleId) ?? -1));
  }
  const independentOrigins = origins.size;
  const status: FactStatus = conflicts.length > 0 ? 'disputed' : independentOrigins >= 2 ? 'corroborated' : 'single-source';
  const hash = createHash('sha256').update(storyId);
  for (const m of factMembers) hash.update(`|${m.articleId}:${m.span.start}-${m.span.end}`);
  return {
    id: `f-${hash.digest('hex').slice(0, 12)}`,
    status,
    independentOrigins,
    articleIds,
    summary: (merge && members.length > 1 ? sharedClause(prepared, members, best, merge) : null) ?? factMembers[best]?.text ?? '',
    members: factMembers,
    conflicts,
    ...(judged.updates.length > 0 ? { updates: judged.updates } : {}),
  };
}

/**
 * The stance model on a fact of two or more articles: each member article's reading of the
 * claim member's words (`best`: FNC-1's headline; the article is the body), set on the members
 * (`stanceModel`), one reading per article. A member of another article that the rules did not
 * mark 'disputes' becomes 'disputes' when the model reads disagreement (MODEL_STANCE) and a rule
 * cue backs it (conflicts.ts modelCue); the returned conflicts say so, both sides quoted.
 */
function readStances(prepared: readonly Prepared[], members: readonly AlignedUnit[], factMembers: FactMember[], best: number, bodies: StanceBodies): Conflict[] {
  const rep = members[best] as AlignedUnit;
  if (!members.some((u) => u.article !== rep.article)) return [];
  const claim = bodies.predictor.prepareClaim(factMembers[best]?.text ?? '');
  const byArticle = new Map<number, MemberStanceModel>();
  const out: Conflict[] = [];
  members.forEach((u, k) => {
    let reading = byArticle.get(u.article);
    if (!reading) byArticle.set(u.article, (reading = bodies.read(claim, u.article)));
    const m = factMembers[k] as FactMember;
    m.stanceModel = { ...reading, evidence: reading.evidence.map((e) => ({ ...e, span: { ...e.span } })) };
    if (u.article === rep.article || m.stance === 'disputes') return;
    const p = reading.disagree;
    if (p < disagreeWithCue()) return;
    const cue = modelCue(prepared, u, rep);
    if (!cue && p < MODEL_STANCE.disagreeAlone) return;
    m.stance = 'disputes';
    m.stanceModel.changed = true;
    const why = cue ? `${cue.kind === 'denial' ? 'denies' : 'negates'} it: “${cue.words}”` : 'no rule cue';
    out.push({ kind: cue?.kind ?? 'denial', a: unitEvidence(prepared, u), b: unitEvidence(prepared, rep), detail: `the stance model reads disagreement (P ${p.toFixed(2)}); ${why}` });
  });
  return out;
}

/** Index of the highest score, the shortest text on a tie. */
function clearest(scores: readonly number[], members: readonly FactMember[]): number {
  let best = 0;
  let bestScore = -Infinity;
  scores.forEach((s, k) => {
    const len = members[k]?.text.length ?? 0;
    if (s > bestScore + 1e-9 || (Math.abs(s - bestScore) <= 1e-9 && len < (members[best]?.text.length ?? Infinity))) {
      best = k;
      bestScore = s;
    }
  });
  return best;
}

function firstKey(f: Fact): string {
  const m = f.members[0];
  return m ? `${m.articleId}:${String(m.span.start).padStart(9, '0')}` : '';
}

/** The outlet relayed by the sentence holding `offset`, if one of its attributions is a relay. */
function relayOf(p: Prepared, offset: number): string | undefined {
  const sentences = p.article.sentences;
  for (const a of p.article.attributions) {
    if (!a.outlet) continue; // relayed, or a statement made to another outlet ("X told Reuters")
    const s = sentences[a.sentence];
    if (s && offset >= s.start && offset < s.end) return a.outlet;
  }
  return undefined;
}

/** An outlet's name for matching: "Coastline Press Agency" and the outlet id "coastline-press-agency" are one outlet. */
function outletKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');
}

/** The origin of a relayed outlet: its own article's origin when the story has it, else the outlet's name (an unseen origin). */
function relayOrigin(prepared: readonly Prepared[], outlet: string, originOf: ReadonlyMap<string, number>): number | string {
  const wanted = outletKey(outlet);
  for (const p of prepared) {
    if (p.article.outlet && outletKey(p.article.outlet) === wanted) {
      const o = originOf.get(p.article.id);
      if (o !== undefined) return o;
    }
  }
  return `via:${outlet}`;
}

/** Words that open a clause setting the claim against something else ("regardless of ...", "despite ..."). */
const CONTRASTIVE = new Set(['despite', 'regardless', 'notwithstanding', 'although', 'though', 'whereas']);

/**
 * The summary of a fact whose clearest member sets its claim against something only it says
 * ("The United States is pursuing direct diplomacy with North Korea, regardless of President
 * Trump's assertion that it is a waste of time, an official said"): the part of its sentence
 * before or after that contrastive clause which holds the most terms the other articles' members
 * share, when it holds more of them than the contrastive clause; null to keep the whole text.
 * Only the summary: the units, the members and their spans stay as they are (splitting the
 * units there made a second fact of the seeds join on the praise clause).
 */
function sharedClause(prepared: readonly Prepared[], members: readonly AlignedUnit[], best: number, merge: ReadonlyMap<string, string>): string | null {
  const u = members[best];
  if (!u) return null;
  const p = prepared[u.article] as Prepared;
  const others = new Set<string>();
  for (const m of members) if (m.article !== u.article) for (const t of m.terms) others.add(t);
  const shared = (first: number, last: number): number => {
    let n = 0;
    for (const t of termsOf(p, first, last, merge)) if (u.terms.has(t) && others.has(t)) n++;
    return n;
  };
  const text = p.article.text;
  const breakBefore = (i: number): boolean => /[,;:\u2013\u2014]|\s-\s/.test(text.slice(p.words[i - 1]?.end ?? 0, p.words[i]?.start ?? 0));
  // The contrastive clauses: from their opening word to the next comma, semicolon or dash.
  const cuts: { first: number; last: number }[] = [];
  for (let i = u.first; i < u.last; i++) {
    const w = p.words[i]?.norm ?? '';
    if (!CONTRASTIVE.has(w) || (w === 'regardless' && p.words[i + 1]?.norm !== 'of')) continue;
    let j = i + 1;
    while (j < u.last && !breakBefore(j)) j++;
    cuts.push({ first: i, last: j });
    i = j - 1;
  }
  if (cuts.length === 0) return null;
  const cutShared = Math.max(...cuts.map((c) => shared(c.first, c.last)));
  // The parts between them, each cut where it meets the next break ("..., an official said").
  let bestPart: { first: number; last: number; n: number } | null = null;
  let from = u.first;
  for (const c of [...cuts, { first: u.last, last: u.last }]) {
    if (c.first > from) {
      const n = shared(from, c.first);
      if (n > 0 && (!bestPart || n > bestPart.n)) bestPart = { first: from, last: c.first, n };
    }
    from = c.last;
  }
  if (!bestPart || bestPart.n <= cutShared) return null;
  const start = p.words[bestPart.first]?.start ?? u.span.start;
  const end = p.words[bestPart.last - 1]?.end ?? u.span.end;
  return text.slice(start, end).trim();
}
