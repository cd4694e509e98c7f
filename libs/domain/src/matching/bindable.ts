import type { MatchingProblem, SetConstraint } from './problem';

/** A constraint that no choice of pairs can break is left out (it would only slow the search). */
function canBind(problem: MatchingProblem, c: SetConstraint): boolean {
  const requests = new Set<number>();
  for (const p of c.pairs) requests.add(problem.pairRequest[p]);
  if (requests.size <= c.bound) return false;
  if (c.sessions !== null) {
    if (c.sessions.length <= c.bound) return false;
    const perOffer = new Map<number, number>();
    for (const s of c.sessions) {
      const o = problem.instance.sessions[s].offer;
      perOffer.set(o, (perOffer.get(o) ?? 0) + 1);
    }
    let most = 0;
    for (const [o, n] of perOffer) most += Math.min(n, Math.max(0, problem.context.offerRemaining[o]));
    return most > c.bound;
  }
  const sessions = new Set<number>();
  for (const p of c.pairs) sessions.add(problem.pairSession[p]);
  return sessions.size > c.bound;
}

/** The problem's constraints outside the network (offers' sessions are its arcs) that can bind. */
export function bindableConstraints(problem: MatchingProblem): SetConstraint[] {
  return problem.constraints.filter((c) => c.kind !== 'offer_sessions' && canBind(problem, c));
}
