/**
 * Two figures for one quantity linked when alignment put them in different facts: "About 40,000
 * litres of diesel leaked into the Merrin river" and "Environmental officers now estimate that
 * 65,000 litres of diesel reached the river". Told under different verbs (leaked / reached),
 * such a pair shares little beyond the quantity, so alignment does not join it, and the
 * fact-checker sees two unlinked facts where the outlets contradict each other.
 *
 * A member's count disputes another fact's count when (conservative: a false dispute is worse
 * than a missed one)
 *   - both are counts of the same unit ("litres") of the same thing (what each says of the
 *     count, stance.ts Quantity.predicate, is said by the other: "of diesel"; not empty);
 *   - they share a content word besides the unit and the thing (the place: "river");
 *   - the figures cannot both be right (stance.ts quantitiesConflict, as inside a fact);
 *   - they are of different origins, and both members assert (not hedged, denied or negated);
 *   - the moving member's fact is of its article alone: that fact joins the other, disputed,
 *     both sides quoted ('number' conflict). Each such fact moves once at most.
 */
import type { Conflict, Fact, FactMember } from '../model/index.js';
import type { AlignedUnit } from './align.js';
import { boundWords, CONFLICTS, format } from './conflicts.js';
import type { Prepared } from './prepare.js';
import { predicateHeld, quantities, quantitiesConflict, wordTerms, type Quantity } from './stance.js';

/** Concepts and stems that say nothing of the place or the thing: no shared word by themselves. */
const WEAK: ReadonlySet<string> = new Set(['s:said', 's:say', 's:now', 's:also', 's:estim', 's:estimat', 's:offici', 's:report']);

function unitKey(q: Quantity): string {
  return q.unit.split('|')[0] ?? q.unit;
}

/**
 * Links counts across the facts of one story (see the top of this file). Changes `facts` in
 * place and returns them, disputed first.
 */
export function linkCountsAcrossFacts(prepared: readonly Prepared[], units: readonly AlignedUnit[], facts: Fact[], originOf: ReadonlyMap<string, number>): Fact[] {
  const byKey = new Map<string, AlignedUnit>();
  for (const u of units) byKey.set(`${prepared[u.article]?.article.id ?? ''}:${u.span.start}-${u.span.end}`, u);
  const unitOf = (m: FactMember): AlignedUnit | undefined => byKey.get(`${m.articleId}:${m.span.start}-${m.span.end}`);
  const origin = (id: string): number => originOf.get(id) ?? -1;
  const info = new Map<FactMember, { q: Quantity[]; terms: Set<string>; u: AlignedUnit }>();
  const infoOf = (m: FactMember) => {
    let x = info.get(m);
    if (!x) {
      const u = unitOf(m);
      if (!u) return null;
      const p = prepared[u.article] as Prepared;
      x = { q: quantities(p, u.first, u.last).filter((q) => q.predicate.length > 0), terms: wordTerms(p, u.first, u.last), u };
      info.set(m, x);
    }
    return x;
  };
  // Asserting members with a count, by the count's unit: a member is tried only against members
  // counting the same unit, not every member of every fact (quadratic in a story of many facts).
  const byUnit = new Map<string, { fact: Fact; member: FactMember }[]>();
  const index = (fact: Fact, member: FactMember): void => {
    if (member.stance !== 'asserts') return;
    const x = infoOf(member);
    if (!x) return;
    for (const key of new Set(x.q.map(unitKey))) {
      const list = byUnit.get(key) ?? [];
      if (list.length === 0) byUnit.set(key, list);
      list.push({ fact, member });
    }
  };
  for (const f of facts) for (const m of f.members) index(f, m);
  const factIndex = new Map(facts.map((f, i) => [f, i]));
  const removed = new Set<Fact>();
  for (const mf of facts) {
    if (removed.has(mf) || mf.articleIds.length !== 1 || mf.status === 'disputed') continue;
    let found: { fact: Fact; member: FactMember; mover: FactMember; detail: string } | null = null;
    for (const mm of mf.members) {
      if (mm.stance !== 'asserts') continue;
      const a = infoOf(mm);
      if (!a || a.q.length === 0) continue;
      // the candidates in the order of the facts and of their members, as a scan of every fact tries them
      const seen = new Set<FactMember>();
      const candidates: { fact: Fact; member: FactMember }[] = [];
      for (const key of new Set(a.q.map(unitKey))) {
        for (const c of byUnit.get(key) ?? []) {
          if (c.fact === mf || removed.has(c.fact) || seen.has(c.member) || origin(c.member.articleId) === origin(mm.articleId)) continue;
          seen.add(c.member);
          candidates.push(c);
        }
      }
      candidates.sort((x, y) => (factIndex.get(x.fact) ?? 0) - (factIndex.get(y.fact) ?? 0) || x.fact.members.indexOf(x.member) - y.fact.members.indexOf(y.member));
      for (const { fact: tf, member: tm } of candidates) {
        const b = infoOf(tm) as NonNullable<ReturnType<typeof infoOf>>;
        for (const qa of a.q) {
          const qb = b.q.find(
            (q) => unitKey(q) === unitKey(qa) && predicateHeld(qa, b.terms) && predicateHeld(q, a.terms) && quantitiesConflict(qa, q, CONFLICTS.approximateTolerance),
          );
          if (!qb) continue;
          // the same thing somewhere: a word beside the unit and what is counted
          const own = new Set([unitKey(qa), unitKey(qb), ...qa.predicate, ...qb.predicate]);
          const place = [...a.terms].some((t) => b.terms.has(t) && !own.has(t) && !WEAK.has(t));
          if (!place) continue;
          const pa = prepared[a.u.article] as Prepared;
          const pb = prepared[b.u.article] as Prepared;
          found = {
            fact: tf,
            member: tm,
            mover: mm,
            detail: `${boundWords(qa)}${format(qa.value)} vs ${boundWords(qb)}${format(qb.value)}: “${pa.article.text.slice(qa.start, qa.end)}” / “${pb.article.text.slice(qb.start, qb.end)}”`,
          };
          break;
        }
        if (found) break;
      }
      if (found) break;
    }
    if (!found) continue;
    const target = found.fact;
    const conflict: Conflict = {
      kind: 'number',
      a: { articleId: found.mover.articleId, span: { ...found.mover.span }, text: found.mover.text },
      b: { articleId: found.member.articleId, span: { ...found.member.span }, text: found.member.text },
      detail: found.detail,
    };
    target.members.push(...mf.members);
    for (const m of mf.members) index(target, m);
    const order = new Map(prepared.map((p, i) => [p.article.id, i]));
    target.members.sort((x, y) => (order.get(x.articleId) ?? 0) - (order.get(y.articleId) ?? 0) || x.span.start - y.span.start);
    target.articleIds = [...new Set(target.members.map((m) => m.articleId))];
    target.conflicts.push(conflict);
    target.status = 'disputed';
    removed.add(mf);
  }
  const kept = facts.filter((f) => !removed.has(f));
  return [...kept.filter((f) => f.status === 'disputed'), ...kept.filter((f) => f.status !== 'disputed')];
}
